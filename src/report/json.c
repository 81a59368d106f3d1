/*
 * json.c — the JSON report, schema 1 of DESIGN.md (fields added, none
 * renamed). Other tools and our evaluation read this; it is deterministic:
 * keys in a fixed order, numbers rounded to three decimals. Written with
 * the streaming writer of jsonw.c.
 *
 * The lean form (px_report_opts.lean; batch's default) keeps every figure
 * but no text twice: each article's text once, sentences and evidence as
 * arrays of offsets into it (their column names under "lean"), sources
 * inside arrays as their index in "sources", categories without hits and
 * the per-fact framing left out. doc/codebook.md lists both forms.
 */
#include <stdio.h>
#include <string.h>

#include "report/internal.h"
#include "report/jsonw.h"

static void sentence_id(jw *w, const char *key, const px_story *s, uint32_t src, uint32_t sent)
{
    char id[300];
    px_story_sentence_id(s, src, sent, id, sizeof id);
    jw_kstr(w, key, id);
}

static void fact_id(jw *w, size_t f)
{
    char fid[32];
    px_story_fact_id(f, fid, sizeof fid);
    jw_str(w, fid);
}

/* Lean: [start, end, paragraph, headline (0/1), quoted share]. */
static void lean_sentence(jw *w, const px_sentence *se)
{
    jw_arr(w);
    jw_int(w, (long long)se->start);
    jw_int(w, (long long)se->end);
    jw_int(w, (long long)se->para);
    jw_int(w, se->headline);
    if (se->quoted > 0)
        jw_real(w, px_round3(se->quoted));
    else
        jw_int(w, 0);
    jw_arr_end(w);
}

static void sentences_json(jw *w, const px_story *s, uint32_t i, bool lean)
{
    const px_doc *d = s->docs[i];
    jw_key(w, "sentences");
    jw_arr(w);
    for (uint32_t k = 0; k < d->nsents; k++) {
        const px_sentence *se = &d->sents[k];
        if (lean) {
            lean_sentence(w, se);
            continue;
        }
        jw_obj(w);
        sentence_id(w, "id", s, i, k);
        jw_kstrn(w, "text", d->text + se->start, se->end - se->start);
        jw_kint(w, "start", se->start);
        jw_kint(w, "end", se->end);
        jw_kint(w, "paragraph", se->para);
        if (se->headline)
            jw_kbool(w, "headline", true);
        if (se->quoted > 0)
            jw_kreal(w, "quoted", px_round3(se->quoted));
        jw_obj_end(w);
    }
    jw_arr_end(w);
}

static void sources_json(jw *w, const px_story *s, bool lean)
{
    jw_key(w, "sources");
    jw_arr(w);
    for (uint32_t i = 0; i < s->nsources; i++) {
        const px_article *a = s->articles[i];
        const px_doc *d = s->docs[i];
        jw_obj(w);
        jw_kstr(w, "id", a->id);
        jw_kstr(w, "name", a->name);
        jw_kstr(w, "title", a->title);
        jw_kstr(w, "url", a->url);
        jw_kstr(w, "date", a->date);
        jw_kstr(w, "modified", a->modified);
        jw_kstr(w, "byline", a->byline);
        jw_kstr(w, "lang", a->lang);
        jw_kstr(w, "input", a->origin);
        jw_kint(w, "words", d->words);
        jw_kstrn(w, "text", d->text, d->len);
        sentences_json(w, s, i, lean);
        if (lean) {
            jw_obj_end(w);
            continue;
        }
        jw_key(w, "furniture_removed");
        jw_arr(w);
        for (size_t k = 0; k < a->nremoved; k++)
            jw_str(w, a->removed[k]);
        jw_arr_end(w);
        jw_obj_end(w);
    }
    jw_arr_end(w);
}

static void conflict_json(jw *w, const px_story *s, const px_conflict *c)
{
    jw_obj(w);
    jw_kstr(w, "kind", px_conflict_kind_name(c->kind));
    jw_kstr(w, "detail", c->detail);
    jw_key(w, "values");
    jw_obj(w);
    for (uint32_t i = 0; i < s->nsources; i++)
        if (c->values[i])
            jw_kstr(w, s->articles[i]->id, c->values[i]);
    jw_obj_end(w);
    jw_obj_end(w);
}

/* Lean: [source index, sentence index, score, quoted (0/1)]. */
static void lean_mention(jw *w, const px_mention *me)
{
    jw_arr(w);
    jw_int(w, me->source);
    jw_int(w, me->sent);
    jw_real(w, px_round3(me->score));
    jw_int(w, me->quoted);
    jw_arr_end(w);
}

static void mention_json(jw *w, const px_story *s, size_t f, const px_mention *me)
{
    size_t ml;
    const char *mt = px_story_sentence(s, me->source, me->sent, &ml);
    const px_cell *c = px_compare_cell(&s->compare, f, me->source);
    jw_obj(w);
    jw_kstr(w, "source", s->articles[me->source]->id);
    sentence_id(w, "sentence", s, me->source, me->sent);
    jw_kstrn(w, "text", mt, ml);
    jw_kreal(w, "score", px_round3(me->score));
    jw_key(w, "position");
    jw_obj(w);
    jw_kstr(w, "where", px_where_name(c->where));
    jw_kreal(w, "share", px_round3(c->share));
    jw_obj_end(w);
    jw_kbool(w, "quoted", me->quoted);
    jw_obj_end(w);
}

/* The ids of the sources in set (want) or not in it; lean: their indexes,
 * and no key for an empty list. */
static void source_list(jw *w, const char *key, const px_story *s, uint64_t set, bool want,
                        bool lean)
{
    uint64_t all = s->nsources >= 64 ? ~(uint64_t)0 : ((uint64_t)1 << s->nsources) - 1;
    if (lean && ((want ? set : ~set) & all) == 0)
        return;
    jw_key(w, key);
    jw_arr(w);
    for (uint32_t i = 0; i < s->nsources; i++)
        if (((set >> i) & 1) == want) {
            if (lean)
                jw_int(w, i);
            else
                jw_str(w, s->articles[i]->id);
        }
    jw_arr_end(w);
}

/* How sure the fact is: its confidence, each pair of its members' link
 * probability, and per outlet the probability it carries the fact and the
 * verdict a reader may be told (carries, omits, not_shown). */
static void verdicts_json(jw *w, const px_story *s, size_t f)
{
    static const char *const names[] = {
        [PX_CARRIES] = "carries", [PX_OMITS] = "omits", [PX_NOT_SHOWN] = "not_shown"};
    const px_fact *fact = &s->alignment.facts[f];
    const px_fact_compare *fc = &s->compare.facts[f];
    jw_kreal(w, "confidence", px_round3(fact->confidence));
    jw_key(w, "links");
    jw_arr(w);
    for (size_t k = 0; k < fc->nlinks; k++) {
        const px_mention *a = &fact->mentions[fc->links[k].a], *b = &fact->mentions[fc->links[k].b];
        jw_obj(w);
        sentence_id(w, "a", s, a->source, a->sent);
        sentence_id(w, "b", s, b->source, b->sent);
        jw_kreal(w, "p", px_round3(fc->links[k].p));
        jw_obj_end(w);
    }
    jw_arr_end(w);
    jw_key(w, "outlets");
    jw_obj(w);
    for (uint32_t i = 0; i < s->nsources; i++) {
        jw_key(w, s->articles[i]->id);
        jw_obj(w);
        jw_kstr(w, "verdict", names[fc->cells[i].verdict]);
        jw_kreal(w, "p_carries", px_round3(fc->cells[i].p_carries));
        jw_obj_end(w);
    }
    jw_obj_end(w);
}

static void facts_json(jw *w, const px_story *s, bool lean)
{
    const px_alignment *al = &s->alignment;
    jw_key(w, "facts");
    jw_arr(w);
    for (size_t f = 0; f < al->nfacts; f++) {
        const px_fact *fact = &al->facts[f];
        jw_obj(w);
        jw_key(w, "id");
        fact_id(w, f);
        if (lean) {
            jw_kint(w, "text_mention", fact->rep);
        } else {
            size_t tl;
            const char *t = px_story_fact_text(s, fact, &tl);
            jw_kstrn(w, "text", t, tl);
        }
        jw_key(w, "mentions");
        jw_arr(w);
        for (size_t m = 0; m < fact->nmentions; m++) {
            if (lean)
                lean_mention(w, &fact->mentions[m]);
            else
                mention_json(w, s, f, &fact->mentions[m]);
        }
        jw_arr_end(w);
        const px_fact_compare *fc = &s->compare.facts[f];
        uint64_t present = 0, omits = 0;
        for (uint32_t i = 0; i < s->nsources; i++) {
            present |= (uint64_t)(fc->cells[i].verdict == PX_CARRIES) << i;
            omits |= (uint64_t)(fc->cells[i].verdict == PX_OMITS) << i;
        }
        if (!lean) /* lean: the sources of the mentions (carries = a sentence in the fact) */
            source_list(w, "present", s, present, true, lean);
        source_list(w, "absent", s, omits, true, lean);
        source_list(w, "not_shown", s, present | omits, false, lean);
        if (lean)
            jw_kreal(w, "confidence", px_round3(fact->confidence));
        else
            verdicts_json(w, s, f);
        source_list(w, "in_headline", s, fc->headlines, true, lean);
        if (lean && !fact->nconflicts) {
            jw_obj_end(w);
            continue;
        }
        jw_key(w, "conflicts");
        jw_arr(w);
        for (size_t c = 0; c < fact->nconflicts; c++)
            conflict_json(w, s, &fact->conflicts[c]);
        jw_arr_end(w);
        jw_obj_end(w);
    }
    jw_arr_end(w);
}

/* ---- framing (frame stage): per source, per fact, with evidence ---- */

/* A score: the full set for a lexicon (narration and quotation apart);
 * categories carry the counts and rates that compare outlets, no more. */
static void score_json(jw *w, const px_score *sc, bool full, bool lean)
{
    if (lean) { /* the counts and the headline rate (the others: sourcing's words) */
        jw_kint(w, "hits", sc->hits);
        jw_kint(w, "narration", sc->narration);
        jw_kint(w, "quoted", sc->quoted);
        jw_kreal(w, "narration_per_1k", px_round3(sc->narration_per_1k));
        return;
    }
    jw_kint(w, "hits", sc->hits);
    jw_kreal(w, "per_1k", px_round3(sc->per_1k));
    jw_kreal(w, "delta", px_round3(sc->delta));
    jw_kint(w, "narration", sc->narration);
    jw_kint(w, "quoted", sc->quoted);
    if (!full)
        return;
    jw_kreal(w, "narration_per_1k", px_round3(sc->narration_per_1k));
    jw_kreal(w, "narration_delta", px_round3(sc->narration_delta));
    jw_kreal(w, "quoted_per_1k", px_round3(sc->quoted_per_1k));
    jw_kint(w, "negated", sc->negated);
    jw_kreal(w, "weight", px_round3(sc->weight));
}

/* Lean: [sentence index, start, end, category index, quoted (0/1)]. */
static void lean_hit(jw *w, const px_story *s, const px_hit *hit)
{
    const px_lex_entry *e = px_lexset_entry(s->lexicons, hit, NULL, NULL);
    jw_arr(w);
    jw_int(w, hit->sent);
    jw_int(w, (long long)hit->start);
    jw_int(w, (long long)hit->end);
    jw_int(w, e->category);
    jw_int(w, hit->quoted);
    jw_arr_end(w);
}

static void hit_json(jw *w, const px_story *s, uint32_t i, const px_hit *hit)
{
    const char *cat;
    const px_lex_entry *e = px_lexset_entry(s->lexicons, hit, NULL, &cat);
    jw_obj(w);
    sentence_id(w, "sentence", s, i, hit->sent);
    jw_kstr(w, "term", e->term);
    jw_kstr(w, "category", cat);
    jw_kstrn(w, "text", s->docs[i]->text + hit->start, hit->end - hit->start);
    jw_kint(w, "start", hit->start);
    jw_kint(w, "end", hit->end);
    jw_kstr(w, "voice", hit->quoted ? "quote" : "narration");
    jw_kreal(w, "weight", px_round3(px_frame_hit_weight(s->lexicons, hit)));
    if (hit->negated)
        jw_kbool(w, "negated", true);
    if (e->neutral)
        jw_kstr(w, "neutral", e->neutral);
    jw_obj_end(w);
}

static const char *const figure_names[PX_NFIGS] = {"all", "boosting", "attacking", "slant"};

/* A contrast with the others: the narration rate, the story's median, the
 * difference with its 95% interval, and how it reads ("more", "less" or
 * "noise": an interval that holds zero is no difference). */
static void contrast_json(jw *w, const px_story *s, uint32_t i, uint32_t l, int fig, bool lean)
{
    const px_contrast *c = px_report_contrast(s, i, l, fig);
    jw_obj(w);
    if (!lean)
        jw_kint(w, "hits", c->hits);
    if (!lean || fig != PX_FIG_ALL) /* lean: the lexicon's narration_per_1k */
        jw_kreal(w, "per_1k", px_round3(c->rate));
    jw_kreal(w, "median_per_1k", px_round3(c->reference));
    if (!lean) /* lean: per_1k - median_per_1k */
        jw_kreal(w, "difference", px_round3(c->diff));
    jw_kreal(w, "low", px_round3(c->lo));
    jw_kreal(w, "high", px_round3(c->hi));
    jw_kstr(w, "reading", c->reading > 0 ? "more" : c->reading < 0 ? "less" : "noise");
    if (lean) {
        jw_obj_end(w);
        return;
    }
    px_buf t;
    px_buf_init(&t, 0);
    px_report_reading(&t, s, i, l, fig, false);
    jw_kstrn(w, "text", t.data, t.len);
    px_buf_free(&t);
    jw_obj_end(w);
}

/* contrast: the lexicon's headline figure (narration) against the other
 * outlets;
 * directions (a lexicon whose categories have them): boosting, attacking
 * and slant, each the same way. */
static void contrasts_json(jw *w, const px_story *s, uint32_t i, uint32_t l, bool lean)
{
    if (!px_report_contrast(s, i, l, PX_FIG_ALL))
        return;
    jw_key(w, "contrast");
    contrast_json(w, s, i, l, PX_FIG_ALL, lean);
    if (!px_report_contrast(s, i, l, PX_FIG_SLANT))
        return;
    jw_key(w, "directions");
    jw_obj(w);
    for (int f = PX_FIG_BOOSTING; f < PX_NFIGS; f++) {
        jw_key(w, figure_names[f]);
        contrast_json(w, s, i, l, f, lean);
    }
    jw_obj_end(w);
}

/* One lexicon's score in a source (fact < 0) or in one fact, with its
 * evidence and categories (all of them for a source, those hit for a fact).
 * A fact's evidence lists positions in the source's evidence list of the
 * lexicon, which holds every hit once with its sentence and words. */
static void lexicon_score_json(jw *w, const px_story *s, uint32_t i, uint32_t l, long fact,
                               bool lean)
{
    const px_source_frame *fr = &s->frames[i];
    const px_lexicon *L = px_lexset_get(s->lexicons, l);
    size_t h0 = 0, h1 = fr->nhits;
    if (fact >= 0) {
        h0 = fr->facts[fact].hit_first;
        h1 = h0 + fr->facts[fact].nhits;
    }
    const px_score *sc =
        fact < 0 ? px_frame_score(fr, l, -1) : px_frame_fact_score(fr, (size_t)fact, l, -1);
    jw_obj(w);
    score_json(w, sc, true, lean);
    if (fact < 0)
        contrasts_json(w, s, i, l, lean);
    jw_key(w, "evidence");
    jw_arr(w);
    size_t pos = 0;
    for (size_t h = 0; h < h0 && fact >= 0; h++)
        pos += fr->hits[h].lexicon == l;
    for (size_t h = h0; h < h1; h++) {
        if (fr->hits[h].lexicon != l)
            continue;
        if (fact < 0 && lean)
            lean_hit(w, s, &fr->hits[h]);
        else if (fact < 0)
            hit_json(w, s, i, &fr->hits[h]);
        else
            jw_int(w, (long long)pos);
        pos++;
    }
    jw_arr_end(w);
    jw_key(w, "categories");
    jw_obj(w);
    for (size_t c = 0; c < L->ncategories; c++) {
        const px_score *cs = fact < 0 ? px_frame_score(fr, l, (int32_t)c)
                                      : px_frame_fact_score(fr, (size_t)fact, l, (int32_t)c);
        if ((fact >= 0 || lean) && !cs->hits)
            continue;
        jw_key(w, L->categories[c]);
        if (lean) { /* [hits, narration, quoted] */
            jw_arr(w);
            jw_int(w, (long long)cs->hits);
            jw_int(w, (long long)cs->narration);
            jw_int(w, (long long)cs->quoted);
            jw_arr_end(w);
            continue;
        }
        jw_obj(w);
        score_json(w, cs, false, false);
        jw_obj_end(w);
    }
    jw_obj_end(w);
    jw_obj_end(w);
}

static void lexicons_json(jw *w, const px_lexset *set, bool lean)
{
    jw_key(w, "lexicons");
    jw_arr(w);
    for (size_t l = 0; l < px_lexset_count(set); l++) {
        const px_lexicon *L = px_lexset_get(set, l);
        jw_obj(w);
        jw_kstr(w, "name", L->name);
        jw_kstr(w, "version", L->version);
        if (!lean) {
            jw_kstr(w, "licence", L->licence);
            jw_kstr(w, "description", L->description);
        }
        jw_kint(w, "terms", L->nentries);
        jw_key(w, "categories");
        jw_arr(w);
        for (size_t c = 0; c < L->ncategories; c++)
            jw_str(w, L->categories[c]);
        jw_arr_end(w);
        jw_obj_end(w);
    }
    jw_arr_end(w);
}

/* framing.facts: {"f1": {"wire": {"sentence", "words", LEXICON: score}}}, the
 * lexicons that some outlet's wording of the fact hits (zeros included for
 * the others that carry it, so the wordings compare). */
static void fact_frames_json(jw *w, const px_story *s)
{
    size_t nl = px_lexset_count(s->lexicons), nf = s->nsources ? s->frames[0].nfacts : 0;
    jw_key(w, "facts");
    jw_obj(w);
    for (size_t f = 0; f < nf; f++) {
        char fid[32];
        px_story_fact_id(f, fid, sizeof fid);
        jw_key(w, fid);
        jw_obj(w);
        for (uint32_t i = 0; i < s->nsources; i++) {
            const px_fact_frame *ff = &s->frames[i].facts[f];
            if (!ff->present)
                continue;
            jw_key(w, s->articles[i]->id);
            jw_obj(w);
            sentence_id(w, "sentence", s, i, ff->sent);
            jw_kint(w, "words", ff->words);
            for (uint32_t l = 0; l < nl; l++) {
                if (!s->compare.facts[f].lexicon_hits[l])
                    continue;
                jw_key(w, px_lexset_get(s->lexicons, l)->name);
                lexicon_score_json(w, s, i, l, (long)f, false);
            }
            jw_obj_end(w);
        }
        jw_obj_end(w);
    }
    jw_obj_end(w);
}

/* One "most" entry: the source with the top narration rate and whether
 * its difference from the others is clear (null when no outlet tops). */
static void top_json(jw *w, const px_story *s, uint32_t l, int fig)
{
    const px_top *top = &s->compare.lexicons[l].top[fig];
    if (top->source < 0) {
        jw_str(w, NULL);
        return;
    }
    jw_obj(w);
    jw_kstr(w, "source", s->articles[top->source]->id);
    jw_kbool(w, "clear", top->clear);
    jw_kreal(w, "narration_per_1k",
             px_round3(px_report_contrast(s, (uint32_t)top->source, l, fig)->rate));
    jw_obj_end(w);
}

/* framing.most: per lexicon, the outlet most given to it in its own
 * narration (quotations never count), and for a lexicon with directions
 * the most boosting and the most attacking outlet. */
static void most_json(jw *w, const px_story *s)
{
    jw_key(w, "most");
    jw_obj(w);
    for (uint32_t l = 0; l < px_lexset_count(s->lexicons); l++) {
        jw_key(w, px_lexset_get(s->lexicons, l)->name);
        top_json(w, s, l, PX_FIG_ALL);
        if (!px_lexset_get(s->lexicons, l)->directed)
            continue;
        for (int f = PX_FIG_BOOSTING; f <= PX_FIG_ATTACKING; f++) {
            char key[160];
            snprintf(key, sizeof key, "%s:%s", px_lexset_get(s->lexicons, l)->name,
                     figure_names[f]);
            jw_key(w, key);
            top_json(w, s, l, f);
        }
    }
    jw_obj_end(w);
}

static void framing_json(jw *w, const px_story *s, bool lean)
{
    size_t nl = px_lexset_count(s->lexicons);
    jw_key(w, "framing");
    jw_obj(w);
    lexicons_json(w, s->lexicons, lean);
    jw_kstr(w, "headline", "narration");
    jw_key(w, "sources");
    jw_obj(w);
    for (uint32_t i = 0; i < s->nsources; i++) {
        jw_key(w, s->articles[i]->id);
        jw_obj(w);
        for (uint32_t l = 0; l < nl; l++) {
            jw_key(w, px_lexset_get(s->lexicons, l)->name);
            lexicon_score_json(w, s, i, l, -1, lean);
        }
        jw_obj_end(w);
    }
    jw_obj_end(w);
    most_json(w, s);
    if (!lean) /* lean: a fact's framing is the evidence in its mentions' sentences */
        fact_frames_json(w, s);
    jw_obj_end(w);
}

static void ids_json(jw *w, const char *key, const uint32_t *v, size_t n)
{
    jw_key(w, key);
    jw_arr(w);
    for (size_t i = 0; i < n; i++)
        fact_id(w, v[i]);
    jw_arr_end(w);
}

static void compare_json(jw *w, const px_story *s)
{
    jw_key(w, "compare");
    jw_obj(w);
    for (uint32_t i = 0; i < s->nsources; i++) {
        const px_source_compare *c = &s->compare.sources[i];
        jw_key(w, s->articles[i]->id);
        jw_obj(w);
        jw_kint(w, "carried", c->carried);
        ids_json(w, "unique", c->unique, c->nunique);
        ids_json(w, "omitted", c->omitted, c->nomitted);
        ids_json(w, "conflicts", c->conflicts, c->nconflicts);
        jw_obj_end(w);
    }
    jw_obj_end(w);
}

/* The lexicon categories that cover an attribution's verb ("attribution:distancing"). */
static void verb_framing_json(jw *w, const px_story *s, uint32_t i, size_t k)
{
    const px_source_frame *fr = &s->frames[i];
    const px_source_compare *c = &s->compare.sources[i];
    jw_key(w, "verb_framing");
    jw_arr(w);
    for (size_t v = c->verb_at[k]; v < c->verb_at[k + 1]; v++) {
        const char *lex, *cat;
        px_lexset_entry(s->lexicons, &fr->hits[c->verb_hits[v]], &lex, &cat);
        char name[300];
        snprintf(name, sizeof name, "%s:%s", lex, cat);
        jw_str(w, name);
    }
    jw_arr_end(w);
}

/* Lean: [sentence index, speaker start, speaker end, verb start, verb end,
 * speaker id, quote (0/1)]. */
static void lean_attribution(jw *w, const px_story *s, uint32_t i, size_t k)
{
    const px_attribution *at = &s->docs[i]->attrs[k];
    const px_sourcing *so = &s->frames[i].sourcing;
    jw_arr(w);
    jw_int(w, at->sent);
    jw_int(w, (long long)at->speaker_start);
    jw_int(w, (long long)at->speaker_end);
    jw_int(w, (long long)at->verb_start);
    jw_int(w, (long long)at->verb_end);
    jw_int(w, so->attr_speaker[k]);
    jw_int(w, so->attr_quote[k]);
    jw_arr_end(w);
}

static void attribution_json(jw *w, const px_story *s, uint32_t i, size_t k)
{
    const px_doc *d = s->docs[i];
    const px_attribution *at = &d->attrs[k];
    const px_sourcing *so = &s->frames[i].sourcing;
    jw_obj(w);
    sentence_id(w, "sentence", s, i, at->sent);
    jw_kstrn(w, "speaker", d->text + at->speaker_start, at->speaker_end - at->speaker_start);
    jw_kstrn(w, "verb", d->text + at->verb_start, at->verb_end - at->verb_start);
    jw_kbool(w, "anonymous", at->anonymous);
    jw_kint(w, "speaker_id", so->attr_speaker[k]);
    jw_kstr(w, "kind", so->attr_quote[k] ? "quote" : "paraphrase");
    verb_framing_json(w, s, i, k);
    jw_obj_end(w);
}

static void speakers_json(jw *w, const px_sourcing *so)
{
    jw_key(w, "speakers");
    jw_arr(w);
    for (size_t k = 0; k < so->nspeakers; k++) {
        const px_speaker *sp = &so->speakers[k];
        jw_obj(w);
        jw_kint(w, "id", k);
        jw_kstr(w, "name", sp->name);
        jw_kbool(w, "anonymous", sp->anonymous);
        jw_kint(w, "quotes", sp->quotes);
        jw_kint(w, "paraphrases", sp->paraphrases);
        jw_obj_end(w);
    }
    jw_arr_end(w);
}

/* Per fact the source carries: whom it attributes the fact to. */
static void fact_speakers_json(jw *w, const px_story *s, uint32_t i, bool lean)
{
    const px_source_frame *fr = &s->frames[i];
    const px_doc *d = s->docs[i];
    jw_key(w, "facts");
    jw_obj(w);
    for (size_t f = 0; f < fr->nfacts; f++) {
        const px_fact_frame *ff = &fr->facts[f];
        if (!ff->present)
            continue;
        char fid[32];
        px_story_fact_id(f, fid, sizeof fid);
        jw_key(w, fid);
        if (lean) { /* the speaker's id, or null */
            if (ff->attribution >= 0)
                jw_int(w, ff->speaker);
            else
                jw_null(w);
            continue;
        }
        jw_obj(w);
        if (ff->attribution >= 0) {
            const px_attribution *at = &d->attrs[ff->attribution];
            const px_speaker *sp = &fr->sourcing.speakers[ff->speaker];
            jw_kstr(w, "speaker", sp->name);
            jw_kint(w, "speaker_id", ff->speaker);
            jw_kbool(w, "anonymous", sp->anonymous);
            jw_kstrn(w, "verb", d->text + at->verb_start, at->verb_end - at->verb_start);
        } else {
            jw_key(w, "speaker");
            jw_str(w, NULL);
        }
        jw_obj_end(w);
    }
    jw_obj_end(w);
}

static void sourcing_json(jw *w, const px_story *s, bool lean)
{
    jw_key(w, "sourcing");
    jw_obj(w);
    for (uint32_t i = 0; i < s->nsources; i++) {
        const px_sourcing *src = &s->frames[i].sourcing;
        jw_key(w, s->articles[i]->id);
        jw_obj(w);
        jw_kint(w, "named", src->named);
        jw_kint(w, "anonymous", src->anonymous);
        jw_kreal(w, "quoted_share", px_round3(src->quoted_share));
        jw_kint(w, "words", src->words);
        jw_kint(w, "quoted_words", src->quoted_words);
        jw_key(w, "attributions");
        jw_arr(w);
        for (size_t k = 0; k < s->docs[i]->nattrs; k++) {
            if (lean)
                lean_attribution(w, s, i, k);
            else
                attribution_json(w, s, i, k);
        }
        jw_arr_end(w);
        speakers_json(w, src);
        fact_speakers_json(w, s, i, lean);
        jw_obj_end(w);
    }
    jw_obj_end(w);
}

/* The columns of the lean form's arrays, so a lean report describes itself. */
static void lean_columns(jw *w)
{
    static const char *const cols[][8] = {
        {"sentence", "start", "end", "paragraph", "headline", "quoted", NULL},
        {"mention", "source", "sentence", "score", "quoted", NULL},
        {"evidence", "sentence", "start", "end", "category", "quoted", NULL},
        {"category", "hits", "narration", "quoted", NULL},
        {"attribution", "sentence", "speaker_start", "speaker_end", "verb_start", "verb_end",
         "speaker_id", "quote"},
    };
    jw_key(w, "lean");
    jw_obj(w);
    for (size_t k = 0; k < sizeof cols / sizeof cols[0]; k++) {
        jw_key(w, cols[k][0]);
        jw_arr(w);
        for (size_t c = 1; c < 8 && cols[k][c]; c++)
            jw_str(w, cols[k][c]);
        jw_arr_end(w);
    }
    jw_obj_end(w);
}

px_status px_report_json(const px_story *s, const px_report_opts *opts, px_buf *out)
{
    bool lean = opts && opts->lean;
    jw w;
    jw_init(&w, out, !(opts && (opts->compact || lean)));
    char gen[64];
    snprintf(gen, sizeof gen, "parallax %s", px_version());
    jw_obj(&w);
    jw_kint(&w, "schema", 1);
    jw_kstr(&w, "generator", gen);
    jw_kstr(&w, "form", lean ? "lean" : "full");
    if (lean)
        lean_columns(&w);
    jw_key(&w, "story");
    jw_obj(&w);
    jw_kstr(&w, "id", s->id);
    jw_kstr(&w, "title", s->title ? s->title : "");
    jw_obj_end(&w);
    sources_json(&w, s, lean);
    facts_json(&w, s, lean);
    framing_json(&w, s, lean);
    compare_json(&w, s);
    sourcing_json(&w, s, lean);
    /* the command line stays out: reports from the same input are identical */
    jw_key(&w, "method");
    jw_obj(&w);
    jw_kreal(&w, "threshold", px_round3(s->alignment.threshold));
    jw_obj_end(&w);
    jw_obj_end(&w);
    px_buf_putc(out, '\n');
    return out->toobig ? PX_ELIMIT : PX_OK;
}
