/*
 * json.c — the JSON report, schema 1 of DESIGN.md (fields added, none
 * renamed). Other tools and our evaluation read this; it is deterministic:
 * keys in a fixed order, numbers rounded to three decimals.
 */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "report/internal.h"

static json_t *strn(const char *s, size_t n)
{
    json_t *j = json_stringn(s, n);
    return j ? j : json_string("");
}

static json_t *str_or_null(const char *s)
{
    return s ? json_string(s) : json_null();
}

static json_t *sources_json(const px_story *s)
{
    json_t *arr = json_array();
    for (uint32_t i = 0; i < s->nsources; i++) {
        const px_article *a = s->articles[i];
        const px_doc *d = s->docs[i];
        json_t *o = json_object();
        json_object_set_new(o, "id", json_string(a->id));
        json_object_set_new(o, "name", json_string(a->name));
        json_object_set_new(o, "title", json_string(a->title));
        json_object_set_new(o, "url", str_or_null(a->url));
        json_object_set_new(o, "date", str_or_null(a->date));
        json_object_set_new(o, "modified", str_or_null(a->modified));
        json_object_set_new(o, "byline", str_or_null(a->byline));
        json_object_set_new(o, "lang", str_or_null(a->lang));
        json_object_set_new(o, "input", json_string(a->origin));
        json_object_set_new(o, "words", json_integer((json_int_t)d->words));
        json_object_set_new(o, "text", strn(d->text, d->len));
        json_t *sents = json_array();
        for (uint32_t k = 0; k < d->nsents; k++) {
            char id[300];
            px_report_sentence_id(s, i, k, id, sizeof id);
            json_t *so = json_object();
            json_object_set_new(so, "id", json_string(id));
            json_object_set_new(so, "text", strn(d->text + d->sents[k].start,
                                                 d->sents[k].end - d->sents[k].start));
            json_object_set_new(so, "start", json_integer((json_int_t)d->sents[k].start));
            json_object_set_new(so, "end", json_integer((json_int_t)d->sents[k].end));
            json_object_set_new(so, "paragraph", json_integer(d->sents[k].para));
            if (d->sents[k].headline)
                json_object_set_new(so, "headline", json_true());
            if (d->sents[k].quoted > 0)
                json_object_set_new(so, "quoted", json_real(px_round3(d->sents[k].quoted)));
            json_array_append_new(sents, so);
        }
        json_object_set_new(o, "sentences", sents);
        json_t *removed = json_array();
        for (size_t k = 0; k < a->nremoved; k++)
            json_array_append_new(removed, json_string(a->removed[k]));
        json_object_set_new(o, "furniture_removed", removed);
        json_array_append_new(arr, o);
    }
    return arr;
}

static json_t *conflict_json(const px_story *s, const px_conflict *c)
{
    static const char *kinds[] = {"number", "duration", "date", "name"};
    json_t *o = json_object();
    json_object_set_new(o, "kind", json_string(kinds[c->kind]));
    json_object_set_new(o, "detail", str_or_null(c->detail));
    json_t *vals = json_object();
    for (uint32_t i = 0; i < s->nsources; i++)
        if (c->values[i])
            json_object_set_new(vals, s->articles[i]->id, json_string(c->values[i]));
    json_object_set_new(o, "values", vals);
    return o;
}

static json_t *facts_json(const px_story *s)
{
    json_t *arr = json_array();
    const px_alignment *al = &s->alignment;
    for (size_t f = 0; f < al->nfacts; f++) {
        const px_fact *fact = &al->facts[f];
        char fid[32];
        px_report_fact_id(f, fid, sizeof fid);
        json_t *o = json_object();
        json_object_set_new(o, "id", json_string(fid));
        size_t tl;
        const char *t = px_report_fact_text(s, fact, &tl);
        json_object_set_new(o, "text", strn(t, tl));
        json_t *ms = json_array(), *present = json_array(), *absent = json_array();
        for (size_t m = 0; m < fact->nmentions; m++) {
            const px_mention *me = &fact->mentions[m];
            char sid[300];
            px_report_sentence_id(s, me->source, me->sent, sid, sizeof sid);
            size_t ml;
            const char *mt = px_report_sentence(s, me->source, me->sent, &ml);
            json_t *mo = json_object();
            json_object_set_new(mo, "source", json_string(s->articles[me->source]->id));
            json_object_set_new(mo, "sentence", json_string(sid));
            json_object_set_new(mo, "text", strn(mt, ml));
            json_object_set_new(mo, "score", json_real(px_round3(me->score)));
            double share;
            const char *where = px_report_where(s, me->source, me->sent, &share);
            json_t *pos = json_object();
            json_object_set_new(pos, "where", json_string(where));
            json_object_set_new(pos, "share", json_real(px_round3(share)));
            json_object_set_new(mo, "position", pos);
            json_object_set_new(mo, "quoted", json_boolean(me->quoted));
            json_array_append_new(ms, mo);
        }
        for (uint32_t i = 0; i < s->nsources; i++)
            json_array_append_new(px_fact_mention(fact, i) ? present : absent,
                                  json_string(s->articles[i]->id));
        json_object_set_new(o, "mentions", ms);
        json_object_set_new(o, "present", present);
        json_object_set_new(o, "absent", absent);
        json_t *heads = json_array();
        uint64_t hs = px_report_headlines(s, fact);
        for (uint32_t i = 0; i < s->nsources; i++)
            if (hs & (1ULL << i))
                json_array_append_new(heads, json_string(s->articles[i]->id));
        json_object_set_new(o, "in_headline", heads);
        json_t *cs = json_array();
        for (size_t c = 0; c < fact->nconflicts; c++)
            json_array_append_new(cs, conflict_json(s, &fact->conflicts[c]));
        json_object_set_new(o, "conflicts", cs);
        json_array_append_new(arr, o);
    }
    return arr;
}

/* ---- framing (frame stage): per source, per fact, with evidence ---- */

/* A score: the full set for a lexicon (narration and quotation apart);
 * categories carry the counts and rates that compare outlets, no more. */
static json_t *score_json(const px_score *sc, bool full)
{
    json_t *o = json_object();
    json_object_set_new(o, "hits", json_integer((json_int_t)sc->hits));
    json_object_set_new(o, "per_1k", json_real(px_round3(sc->per_1k)));
    json_object_set_new(o, "delta", json_real(px_round3(sc->delta)));
    json_object_set_new(o, "narration", json_integer((json_int_t)sc->narration));
    json_object_set_new(o, "quoted", json_integer((json_int_t)sc->quoted));
    if (!full)
        return o;
    json_object_set_new(o, "narration_per_1k", json_real(px_round3(sc->narration_per_1k)));
    json_object_set_new(o, "narration_delta", json_real(px_round3(sc->narration_delta)));
    json_object_set_new(o, "quoted_per_1k", json_real(px_round3(sc->quoted_per_1k)));
    json_object_set_new(o, "negated", json_integer((json_int_t)sc->negated));
    json_object_set_new(o, "weight", json_real(px_round3(sc->weight)));
    return o;
}

static json_t *hit_json(const px_story *s, uint32_t i, const px_hit *hit)
{
    const char *cat;
    const px_lex_entry *e = px_report_entry(s, hit, NULL, &cat);
    char sid[300];
    px_report_sentence_id(s, i, hit->sent, sid, sizeof sid);
    json_t *eo = json_object();
    json_object_set_new(eo, "sentence", json_string(sid));
    json_object_set_new(eo, "term", json_string(e->term));
    json_object_set_new(eo, "category", json_string(cat));
    json_object_set_new(eo, "text", strn(s->docs[i]->text + hit->start, hit->end - hit->start));
    json_object_set_new(eo, "start", json_integer((json_int_t)hit->start));
    json_object_set_new(eo, "end", json_integer((json_int_t)hit->end));
    json_object_set_new(eo, "voice", json_string(hit->quoted ? "quote" : "narration"));
    json_object_set_new(eo, "weight", json_real(px_round3(px_frame_hit_weight(s->lexicons, hit))));
    if (hit->negated)
        json_object_set_new(eo, "negated", json_true());
    if (e->neutral)
        json_object_set_new(eo, "neutral", json_string(e->neutral));
    return eo;
}

/* One lexicon's score in a source (fact < 0) or in one fact, with its
 * evidence and categories (all of them for a source, those hit for a fact).
 * A fact's evidence lists positions in the source's evidence list. */
static json_t *lexicon_score_json(const px_story *s, uint32_t i, uint32_t l, long fact)
{
    const px_source_frame *fr = &s->frames[i];
    const px_lexicon *L = px_lexset_get(s->lexicons, l);
    size_t h0 = 0, h1 = fr->nhits;
    if (fact >= 0) {
        h0 = fr->facts[fact].hit_first;
        h1 = h0 + fr->facts[fact].nhits;
    }
    const px_score *sc = fact < 0 ? px_frame_score(fr, l, -1)
                                   : px_frame_fact_score(fr, (size_t)fact, l, -1);
    json_t *lo = score_json(sc, true), *ev = json_array(), *cats = json_object();
    /* a fact's evidence: positions in the source's evidence list of the
     * lexicon, which holds every hit once with its sentence and words */
    size_t pos = 0;
    for (size_t h = 0; h < h0 && fact >= 0; h++)
        pos += fr->hits[h].lexicon == l;
    for (size_t h = h0; h < h1; h++) {
        if (fr->hits[h].lexicon != l)
            continue;
        json_array_append_new(ev, fact < 0 ? hit_json(s, i, &fr->hits[h])
                                           : json_integer((json_int_t)pos));
        pos++;
    }
    json_object_set_new(lo, "evidence", ev);
    for (size_t c = 0; c < L->ncategories; c++) {
        const px_score *cs = fact < 0 ? px_frame_score(fr, l, (int32_t)c)
                                      : px_frame_fact_score(fr, (size_t)fact, l, (int32_t)c);
        if (fact < 0 || cs->hits)
            json_object_set_new(cats, L->categories[c], score_json(cs, false));
    }
    json_object_set_new(lo, "categories", cats);
    return lo;
}

static json_t *lexicons_json(const px_lexset *set)
{
    json_t *lex = json_array();
    for (size_t l = 0; l < px_lexset_count(set); l++) {
        const px_lexicon *L = px_lexset_get(set, l);
        json_t *lo = json_object();
        json_object_set_new(lo, "name", json_string(L->name));
        json_object_set_new(lo, "version", json_string(L->version));
        json_object_set_new(lo, "licence", json_string(L->licence));
        json_object_set_new(lo, "description", str_or_null(L->description));
        json_object_set_new(lo, "terms", json_integer((json_int_t)L->nentries));
        json_t *cats = json_array();
        for (size_t c = 0; c < L->ncategories; c++)
            json_array_append_new(cats, json_string(L->categories[c]));
        json_object_set_new(lo, "categories", cats);
        json_array_append_new(lex, lo);
    }
    return lex;
}

/* Does any outlet carrying fact f have a hit of lexicon l in it? */
static bool fact_has_hits(const px_story *s, size_t f, uint32_t l)
{
    for (uint32_t i = 0; i < s->nsources; i++) {
        const px_score *sc = px_frame_fact_score(&s->frames[i], f, l, -1);
        if (sc && sc->hits)
            return true;
    }
    return false;
}

/* framing.facts: {"f1": {"wire": {"sentence", "words", LEXICON: score}}}, the
 * lexicons that some outlet's wording of the fact hits (zeros included for
 * the others that carry it, so the wordings compare). */
static json_t *fact_frames_json(const px_story *s)
{
    json_t *o = json_object();
    size_t nl = px_lexset_count(s->lexicons), nf = s->nsources ? s->frames[0].nfacts : 0;
    for (size_t f = 0; f < nf; f++) {
        json_t *fo = json_object();
        for (uint32_t i = 0; i < s->nsources; i++) {
            const px_fact_frame *ff = &s->frames[i].facts[f];
            if (!ff->present)
                continue;
            char sid[300];
            px_report_sentence_id(s, i, ff->sent, sid, sizeof sid);
            json_t *so = json_object();
            json_object_set_new(so, "sentence", json_string(sid));
            json_object_set_new(so, "words", json_integer((json_int_t)ff->words));
            for (uint32_t l = 0; l < nl; l++)
                if (fact_has_hits(s, f, l))
                    json_object_set_new(so, px_lexset_get(s->lexicons, l)->name,
                                        lexicon_score_json(s, i, l, (long)f));
            json_object_set_new(fo, s->articles[i]->id, so);
        }
        char fid[32];
        px_report_fact_id(f, fid, sizeof fid);
        json_object_set_new(o, fid, fo);
    }
    return o;
}

static json_t *framing_json(const px_story *s)
{
    json_t *o = json_object(), *srcs = json_object();
    size_t nl = px_lexset_count(s->lexicons);
    for (uint32_t i = 0; i < s->nsources; i++) {
        json_t *so = json_object();
        for (uint32_t l = 0; l < nl; l++)
            json_object_set_new(so, px_lexset_get(s->lexicons, l)->name,
                                lexicon_score_json(s, i, l, -1));
        json_object_set_new(srcs, s->articles[i]->id, so);
    }
    json_object_set_new(o, "lexicons", lexicons_json(s->lexicons));
    json_object_set_new(o, "headline", json_string("narration"));
    json_object_set_new(o, "sources", srcs);
    json_object_set_new(o, "facts", fact_frames_json(s));
    return o;
}

static json_t *ids_json(const uint32_t *v, size_t n)
{
    json_t *a = json_array();
    for (size_t i = 0; i < n; i++) {
        char fid[32];
        px_report_fact_id(v[i], fid, sizeof fid);
        json_array_append_new(a, json_string(fid));
    }
    return a;
}

static json_t *compare_json(const px_story *s)
{
    json_t *o = json_object();
    for (uint32_t i = 0; i < s->nsources; i++) {
        const px_source_compare *c = &s->compare[i];
        json_t *so = json_object();
        json_object_set_new(so, "carried", json_integer((json_int_t)c->carried));
        json_object_set_new(so, "unique", ids_json(c->unique, c->nunique));
        json_object_set_new(so, "omitted", ids_json(c->omitted, c->nomitted));
        json_object_set_new(so, "conflicts", ids_json(c->conflicts, c->nconflicts));
        json_object_set_new(o, s->articles[i]->id, so);
    }
    return o;
}

/* The lexicon categories that cover an attribution's verb ("attribution:distancing"). */
static json_t *verb_framing_json(const px_story *s, uint32_t i, const px_attribution *at)
{
    json_t *arr = json_array();
    const px_source_frame *fr = &s->frames[i];
    for (size_t h = 0; h < fr->nhits; h++) {
        const px_hit *hit = &fr->hits[h];
        if (hit->start > at->verb_start || hit->end < at->verb_end)
            continue;
        const char *lex, *cat;
        px_report_entry(s, hit, &lex, &cat);
        char name[300];
        snprintf(name, sizeof name, "%s:%s", lex, cat);
        json_array_append_new(arr, json_string(name));
    }
    return arr;
}

static json_t *attribution_json(const px_story *s, uint32_t i, size_t k)
{
    const px_doc *d = s->docs[i];
    const px_attribution *at = &d->attrs[k];
    const px_sourcing *so = &s->frames[i].sourcing;
    char sid[300];
    px_report_sentence_id(s, i, at->sent, sid, sizeof sid);
    json_t *ao = json_object();
    json_object_set_new(ao, "sentence", json_string(sid));
    json_object_set_new(ao, "speaker", strn(d->text + at->speaker_start,
                                            at->speaker_end - at->speaker_start));
    json_object_set_new(ao, "verb", strn(d->text + at->verb_start, at->verb_end - at->verb_start));
    json_object_set_new(ao, "anonymous", json_boolean(at->anonymous));
    json_object_set_new(ao, "speaker_id", json_integer(so->attr_speaker[k]));
    json_object_set_new(ao, "kind", json_string(d->sents[at->sent].quoted > 0 ? "quote"
                                                                              : "paraphrase"));
    json_object_set_new(ao, "verb_framing", verb_framing_json(s, i, at));
    return ao;
}

static json_t *speakers_json(const px_sourcing *so)
{
    json_t *arr = json_array();
    for (size_t k = 0; k < so->nspeakers; k++) {
        const px_speaker *sp = &so->speakers[k];
        json_t *o = json_object();
        json_object_set_new(o, "id", json_integer((json_int_t)k));
        json_object_set_new(o, "name", json_string(sp->name));
        json_object_set_new(o, "anonymous", json_boolean(sp->anonymous));
        json_object_set_new(o, "quotes", json_integer((json_int_t)sp->quotes));
        json_object_set_new(o, "paraphrases", json_integer((json_int_t)sp->paraphrases));
        json_array_append_new(arr, o);
    }
    return arr;
}

/* Per fact the source carries: whom it attributes the fact to. */
static json_t *fact_speakers_json(const px_story *s, uint32_t i)
{
    json_t *o = json_object();
    const px_source_frame *fr = &s->frames[i];
    const px_doc *d = s->docs[i];
    for (size_t f = 0; f < fr->nfacts; f++) {
        const px_fact_frame *ff = &fr->facts[f];
        if (!ff->present)
            continue;
        json_t *fo = json_object();
        if (ff->attribution >= 0) {
            const px_attribution *at = &d->attrs[ff->attribution];
            const px_speaker *sp = &fr->sourcing.speakers[ff->speaker];
            json_object_set_new(fo, "speaker", json_string(sp->name));
            json_object_set_new(fo, "speaker_id", json_integer(ff->speaker));
            json_object_set_new(fo, "anonymous", json_boolean(sp->anonymous));
            json_object_set_new(fo, "verb", strn(d->text + at->verb_start,
                                                 at->verb_end - at->verb_start));
        } else {
            json_object_set_new(fo, "speaker", json_null());
        }
        char fid[32];
        px_report_fact_id(f, fid, sizeof fid);
        json_object_set_new(o, fid, fo);
    }
    return o;
}

static json_t *sourcing_json(const px_story *s)
{
    json_t *o = json_object();
    for (uint32_t i = 0; i < s->nsources; i++) {
        const px_sourcing *src = &s->frames[i].sourcing;
        json_t *arr = json_array();
        for (size_t k = 0; k < s->docs[i]->nattrs; k++)
            json_array_append_new(arr, attribution_json(s, i, k));
        json_t *so = json_object();
        json_object_set_new(so, "named", json_integer((json_int_t)src->named));
        json_object_set_new(so, "anonymous", json_integer((json_int_t)src->anonymous));
        json_object_set_new(so, "quoted_share", json_real(px_round3(src->quoted_share)));
        json_object_set_new(so, "words", json_integer((json_int_t)src->words));
        json_object_set_new(so, "quoted_words", json_integer((json_int_t)src->quoted_words));
        json_object_set_new(so, "attributions", arr);
        json_object_set_new(so, "speakers", speakers_json(src));
        json_object_set_new(so, "facts", fact_speakers_json(s, i));
        json_object_set_new(o, s->articles[i]->id, so);
    }
    return o;
}

px_status px_report_json(const px_story *s, const px_report_opts *opts, px_buf *out)
{
    json_t *root = json_object();
    json_object_set_new(root, "schema", json_integer(1));
    char gen[64];
    snprintf(gen, sizeof gen, "parallax %s", px_version());
    json_object_set_new(root, "generator", json_string(gen));
    json_t *story = json_object();
    json_object_set_new(story, "id", json_string(s->id));
    json_object_set_new(story, "title", json_string(s->title ? s->title : ""));
    json_object_set_new(root, "story", story);
    json_object_set_new(root, "sources", sources_json(s));
    json_object_set_new(root, "facts", facts_json(s));
    json_object_set_new(root, "framing", framing_json(s));
    json_object_set_new(root, "compare", compare_json(s));
    json_object_set_new(root, "sourcing", sourcing_json(s));
    json_t *method = json_object();
    json_object_set_new(method, "threshold", json_real(px_round3(s->alignment.threshold)));
    (void)opts; /* the command line stays out: reports from the same input are identical */
    json_object_set_new(root, "method", method);
    size_t flags = JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(10) |
                   (opts && opts->compact ? JSON_COMPACT : JSON_INDENT(1));
    char *text = json_dumps(root, flags);
    json_decref(root);
    if (!text)
        return PX_EIO;
    px_status st = px_buf_puts(out, text);
    if (st == PX_OK)
        st = px_buf_putc(out, '\n');
    free(text);
    return st;
}
