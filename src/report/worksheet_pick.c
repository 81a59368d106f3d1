/*
 * worksheet_pick.c — which exercises a story supports, and their answers.
 *
 * The letters come from a shuffle fixed by the seed. An exercise is planned
 * only when the analysis gives it a sure answer: a missing fact must be
 * reported by most sources and clearly absent from one (no sentence of it
 * shares the fact's key words); word choice needs narration hits that have
 * a neutral counterpart; who-speaks needs one source to stand out; a
 * conflict question needs a conflicting detail. The level then says how many
 * are shown and with what help. The plan is handed to the renderers.
 */
#include <math.h>
#include <string.h>
#include <strings.h>

#include "report/worksheet.h"

/* splitmix64: a small, well-mixed generator, so one seed gives the same
 * order on every machine. */
static uint64_t next_random(uint64_t *x)
{
    uint64_t z = (*x += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

static void shuffle_letters(ws_plan *p, uint64_t seed)
{
    size_t n = p->s->nsources;
    p->letter = px_arena_array(p->a, n, sizeof *p->letter);
    p->by_letter = px_arena_array(p->a, n, sizeof *p->by_letter);
    for (uint32_t i = 0; i < n; i++)
        p->by_letter[i] = i;
    uint64_t state = seed;
    for (size_t i = n; i > 1; i--) {
        size_t j = (size_t)(next_random(&state) % i);
        uint32_t t = p->by_letter[i - 1];
        p->by_letter[i - 1] = p->by_letter[j];
        p->by_letter[j] = t;
    }
    for (uint32_t i = 0; i < n; i++)
        p->letter[p->by_letter[i]] = i;
}

char ws_letter(const ws_plan *p, uint32_t src)
{
    return (char)('A' + p->letter[src]);
}

bool ws_cut_overlaps(const ws_plan *p, uint32_t src, size_t start, size_t end)
{
    for (size_t k = 0; k < p->ncuts[src]; k++)
        if (p->cuts[src][k].start < end && start < p->cuts[src][k].end)
            return true;
    return false;
}

/* ---- missing facts ---- */

static bool content_token(const px_token *t)
{
    return (t->flags & (PX_TOK_WORD | PX_TOK_NUMBER)) && !(t->flags & PX_TOK_STOP);
}

/* In how many body sentences of the story each stem occurs. */
static px_map *stem_frequencies(const px_story *s, size_t *nsents)
{
    px_map *m = px_map_new();
    *nsents = 0;
    for (uint32_t src = 0; src < s->nsources; src++) {
        const px_doc *d = s->docs[src];
        for (size_t k = 0; k < d->nsents; k++) {
            if (d->sents[k].headline)
                continue;
            (*nsents)++;
            const px_sentence *st = &d->sents[k];
            for (size_t i = st->tok; i < st->tok + st->ntok; i++) {
                const char *stem = d->toks[i].stem;
                bool seen = false;
                for (size_t j = st->tok; j < i && !seen; j++)
                    seen = !strcmp(d->toks[j].stem, stem);
                uintptr_t n = 0;
                if (!seen && content_token(&d->toks[i])) {
                    px_map_get(m, stem, strlen(stem), &n);
                    px_map_put(m, stem, strlen(stem), n + 1);
                }
            }
        }
    }
    return m;
}

/* Word weights of a story: in how many of its nsents body sentences each
 * stem occurs. */
typedef struct ws_idf {
    px_map *df;
    size_t nsents;
} ws_idf;

static double idf(const px_map *df, size_t nsents, const char *stem)
{
    uintptr_t n = 0;
    px_map_get(df, stem, strlen(stem), &n);
    return log((double)(nsents + 1) / ((double)n + 0.5));
}

/* A fact's key words: content stems of its claim that at least two of its
 * sources share (all of them with two sources). Tokens of the
 * representative claim, in text order; returns how many (at most max). */
static size_t key_tokens(const px_story *s, const px_fact *f, size_t *out, size_t max)
{
    const px_alignment *al = &s->alignment;
    const px_mention *rep = &f->mentions[f->rep];
    const px_claim *rc = &al->claims[rep->claim];
    const px_doc *rd = s->docs[rep->source];
    size_t n = 0;
    for (size_t i = rc->tok; i < rc->tok + rc->ntok && n < max; i++) {
        const char *stem = rd->toks[i].stem;
        bool dup = !content_token(&rd->toks[i]);
        for (size_t k = 0; k < n && !dup; k++)
            dup = !strcmp(rd->toks[out[k]].stem, stem);
        size_t shared = 0;
        for (size_t m = 0; m < f->nmentions && !dup; m++) {
            const px_claim *c = &al->claims[f->mentions[m].claim];
            const px_doc *d = s->docs[f->mentions[m].source];
            for (size_t j = c->tok; j < c->tok + c->ntok; j++)
                if (!strcmp(d->toks[j].stem, stem)) {
                    shared++;
                    break;
                }
        }
        if (!dup && shared >= 2)
            out[n++] = i;
    }
    return n;
}

enum { MAX_KEYS = 24 };

/* How much of the fact's key weight the closest sentence of src holds:
 * 0 (none of its key words) to 1 (a sentence with all of them). */
static double closest_share(const px_story *s, const px_fact *f, uint32_t src,
                            const px_map *df, size_t nsents, const size_t *keys, size_t nkeys)
{
    const px_doc *rd = s->docs[f->mentions[f->rep].source], *d = s->docs[src];
    double total = 0, best = 0;
    for (size_t k = 0; k < nkeys; k++)
        total += idf(df, nsents, rd->toks[keys[k]].stem);
    for (size_t j = 0; j < d->nsents && total > 0; j++) {
        const px_sentence *st = &d->sents[j];
        double w = 0;
        for (size_t k = 0; k < nkeys; k++)
            for (size_t i = st->tok; i < st->tok + st->ntok; i++)
                if (!strcmp(d->toks[i].stem, rd->toks[keys[k]].stem)) {
                    w += idf(df, nsents, rd->toks[keys[k]].stem);
                    break;
                }
        if (w / total > best)
            best = w / total;
    }
    return best;
}

/* A fact is clearly absent from src when no sentence of src holds more
 * than this share of its key words' weight. */
#define CLEARLY_ABSENT 0.4

typedef struct candidate {
    size_t fact;
    double clarity;
} candidate;

/* The facts src leaves out that most others report, and clearly so, best
 * first: more carriers, then clearer absence. */
static size_t missing_candidates(const ws_plan *p, uint32_t src, const px_map *df,
                                 size_t nsents, candidate *out)
{
    const px_story *s = p->s;
    const px_source_compare *c = &s->compare[src];
    size_t n = 0;
    for (size_t k = 0; k < c->nomitted; k++) {
        const px_fact *f = &s->alignment.facts[c->omitted[k]];
        if (f->nmentions < 2 || 2 * f->nmentions <= s->nsources)
            continue;
        size_t keys[MAX_KEYS];
        size_t nk = key_tokens(s, f, keys, MAX_KEYS);
        if (nk < 2)
            continue;
        double share = closest_share(s, f, src, df, nsents, keys, nk);
        if (share > CLEARLY_ABSENT)
            continue;
        candidate cand = {c->omitted[k], 1 - share};
        size_t j = n++;
        while (j > 0 && (s->alignment.facts[out[j - 1].fact].nmentions < f->nmentions ||
                         (s->alignment.facts[out[j - 1].fact].nmentions == f->nmentions &&
                          out[j - 1].clarity < cand.clarity))) {
            out[j] = out[j - 1];
            j--;
        }
        out[j] = cand;
    }
    return n;
}

/* The key words of a fact as its representative writes them, the rarest
 * four, in text order. */
static void missing_keys(ws_plan *p, ws_missing *m, const px_map *df, size_t nsents)
{
    const px_fact *f = &p->s->alignment.facts[m->fact];
    const px_doc *rd = p->s->docs[f->mentions[f->rep].source];
    size_t keys[MAX_KEYS];
    size_t nk = key_tokens(p->s, f, keys, MAX_KEYS);
    while (nk > 4) { /* drop the commonest until four are left */
        size_t worst = 0;
        for (size_t k = 1; k < nk; k++)
            if (idf(df, nsents, rd->toks[keys[k]].stem) <
                idf(df, nsents, rd->toks[keys[worst]].stem))
                worst = k;
        memmove(keys + worst, keys + worst + 1, (nk - worst - 1) * sizeof *keys);
        nk--;
    }
    m->keys = px_arena_array(p->a, nk ? nk : 1, sizeof *m->keys);
    for (size_t k = 0; k < nk; k++)
        m->keys[k] = px_arena_strndup(p->a, rd->text + rd->toks[keys[k]].start,
                                      rd->toks[keys[k]].end - rd->toks[keys[k]].start);
    m->nkeys = nk;
}

static void pick_missing(ws_plan *p, const ws_idf *w, size_t max)
{
    const px_story *s = p->s;
    const px_map *df = w->df;
    size_t nsents = w->nsents;
    candidate *cand = px_xcalloc(s->alignment.nfacts + 1, sizeof *cand);
    /* sources in letter order; the one whose best omission is surest first */
    for (size_t round = 0; round < max; round++) {
        int32_t best = -1;
        candidate top = {0, -1};
        for (uint32_t l = 0; l < s->nsources; l++) {
            uint32_t src = p->by_letter[l];
            bool used = false;
            for (size_t k = 0; k < p->nmissing; k++)
                used = used || p->missing[k].source == src;
            if (used || !missing_candidates(p, src, df, nsents, cand))
                continue;
            size_t n1 = s->alignment.facts[cand[0].fact].nmentions;
            size_t n0 = best < 0 ? 0 : s->alignment.facts[top.fact].nmentions;
            if (best < 0 || n1 > n0 || (n1 == n0 && cand[0].clarity > top.clarity)) {
                best = (int32_t)src;
                top = cand[0];
            }
        }
        if (best < 0)
            break;
        ws_missing *m = &p->missing[p->nmissing++];
        size_t n = missing_candidates(p, (uint32_t)best, df, nsents, cand);
        m->source = (uint32_t)best;
        m->fact = cand[0].fact;
        m->also = px_arena_array(p->a, n, sizeof *m->also);
        for (size_t k = 1; k < n; k++)
            m->also[m->nalso++] = cand[k].fact;
        missing_keys(p, m, df, nsents);
    }
    free(cand);
}

/* ---- word choice ---- */

/* Are a word already chosen and a hit the same words ("face off", "faced
 * off")? */
static bool same_stems(const px_doc *d, const ws_word *w, const px_hit *h)
{
    if (w->ntok != h->ntok)
        return false;
    for (size_t i = 0; i < h->ntok; i++)
        if (strcmp(d->toks[w->tok + i].stem, d->toks[h->tok + i].stem))
            return false;
    return true;
}

/* Narration hits with a neutral counterpart, one per term, in text order,
 * none touching a cut. */
static size_t loaded_words(const ws_plan *p, uint32_t src, ws_word *out, size_t max)
{
    const px_story *s = p->s;
    const px_source_frame *fr = s->frames ? &s->frames[src] : NULL;
    size_t n = 0;
    for (size_t h = 0; fr && h < fr->nhits && n < max; h++) {
        const px_hit *hit = &fr->hits[h];
        const char *category;
        const px_lex_entry *e = px_report_entry(s, hit, NULL, &category);
        if (!e->neutral || hit->quoted || hit->negated ||
            !px_report_lexicon_inline(s, hit->lexicon) ||
            ws_cut_overlaps(p, src, hit->start, hit->end))
            continue;
        bool dup = false;
        for (size_t k = 0; k < n && !dup; k++)
            dup = (out[k].lexicon == hit->lexicon && out[k].entry == hit->entry) ||
                  same_stems(s->docs[src], &out[k], hit);
        if (!dup)
            out[n++] = (ws_word){hit->sent, hit->start, hit->end, hit->lexicon, hit->entry,
                                 e->neutral, category, hit->tok, hit->ntok};
    }
    return n;
}

enum { WS_FIND = 3, MAX_WORDS = 64 };

/* Up to three words to find, from different sentences where there are
 * enough; the others are also right. */
static void split_words(ws_plan *p, ws_words *w, const ws_word *all, size_t n)
{
    bool taken[MAX_WORDS] = {false};
    w->find = px_arena_array(p->a, WS_FIND, sizeof *w->find);
    w->more = px_arena_array(p->a, n ? n : 1, sizeof *w->more);
    for (int pass = 0; pass < 2; pass++)
        for (size_t k = 0; k < n && w->nfind < WS_FIND; k++) {
            bool same = false;
            for (size_t j = 0; j < w->nfind && pass == 0; j++)
                same = same || w->find[j].sent == all[k].sent;
            if (!taken[k] && !same) {
                taken[k] = true;
                w->find[w->nfind++] = all[k];
            }
        }
    /* the sheet lists them in reading order */
    for (size_t i = 1; i < w->nfind; i++)
        for (size_t j = i; j > 0 && w->find[j].start < w->find[j - 1].start; j--) {
            ws_word t = w->find[j];
            w->find[j] = w->find[j - 1];
            w->find[j - 1] = t;
        }
    for (size_t k = 0; k < n; k++)
        if (!taken[k])
            w->more[w->nmore++] = all[k];
}

/* The source with the most loaded words (at least two), then the next. */
static void pick_words(ws_plan *p, size_t max)
{
    ws_word all[MAX_WORDS];
    for (size_t round = 0; round < max; round++) {
        int32_t best = -1;
        size_t most = 1;
        for (uint32_t l = 0; l < p->s->nsources; l++) {
            uint32_t src = p->by_letter[l];
            bool used = false;
            for (size_t k = 0; k < p->nwords; k++)
                used = used || p->words[k].source == src;
            size_t n = used ? 0 : loaded_words(p, src, all, MAX_WORDS);
            if (n > most) {
                most = n;
                best = (int32_t)src;
            }
        }
        if (best < 0)
            return;
        ws_words *w = &p->words[p->nwords++];
        w->source = (uint32_t)best;
        split_words(p, w, all, loaded_words(p, (uint32_t)best, all, MAX_WORDS));
    }
}

/* ---- who speaks ---- */

/* The source whose value stands out: the highest (sign 1) or lowest (-1)
 * by at least `margin` over every other, else -1. Counts of speakers come
 * from attribution patterns that now and then take a pronoun or a
 * document for a speaker; a margin of one would let such a slip decide the
 * answer. */
static int32_t single_out(const size_t *v, size_t n, int sign, size_t margin)
{
    int32_t best = 0;
    for (size_t i = 1; i < n; i++)
        if (sign > 0 ? v[i] > v[best] : v[i] < v[best])
            best = (int32_t)i;
    for (size_t i = 0; i < n; i++) {
        size_t hi = sign > 0 ? v[best] : v[i], lo = sign > 0 ? v[i] : v[best];
        if ((int32_t)i != best && hi < lo + margin)
            return -1;
    }
    return best;
}

enum { SPEAKER_MARGIN = 2 };

/* Pronouns that attribution patterns now and then take for a speaker
 * ("He allegedly warned…"): nobody a student could name. */
static const char *const pronouns[] = {"he", "she", "it", "they", "we", "i", "you"};

bool ws_speaker_shown(const px_report_speaker *sp)
{
    for (size_t i = 0; i < sizeof pronouns / sizeof *pronouns; i++)
        if (strlen(pronouns[i]) == sp->len && !strncasecmp(sp->text, pronouns[i], sp->len))
            return false;
    return true;
}

/* A person's name: two words or more, each capitalised ("Ilse Marten"),
 * not an institution ("the White House", "The Calder Taxpayers Alliance")
 * or a document ("U.S. intelligence estimates"). */
static bool person_name(const px_report_speaker *sp)
{
    size_t words = 0;
    for (size_t i = 0; i < sp->len; i++)
        if (i == 0 || sp->text[i - 1] == ' ') {
            if (!(sp->text[i] >= 'A' && sp->text[i] <= 'Z'))
                return false;
            words++;
        }
    return !sp->anonymous && words >= 2 && !(sp->len > 4 && !strncmp(sp->text, "The ", 4));
}

/* The last word of a name: "Sullivan" for "Jake Sullivan" and "Sullivan". */
static const char *last_word(const char *t, size_t n, size_t *len)
{
    size_t i = n;
    while (i > 0 && t[i - 1] != ' ')
        i--;
    *len = n - i;
    return t + i;
}

/* Does doc d have a word that is this name (or its possessive)? */
static bool doc_names(const px_doc *d, const char *name, size_t n)
{
    for (size_t i = 0; i < d->ntoks; i++) {
        const px_token *t = &d->toks[i];
        size_t len = t->end - t->start;
        if ((len == n || (len == n + 2 && d->text[t->start + n] == '\'') ||
             (len == n + 4 && d->text[t->start + n] == '\xE2')) &&
            !strncasecmp(d->text + t->start, name, n))
            return true;
    }
    return false;
}

/* Only src quotes the person when no other source so much as names them:
 * a source that reports what someone "accused" others of, with no
 * attribution the analysis recognises, still gives them a voice. */
bool ws_voice_unique(const ws_plan *p, uint32_t src, const px_report_speaker *sp)
{
    if (!person_name(sp))
        return false;
    size_t n;
    const char *last = last_word(sp->text, sp->len, &n);
    for (uint32_t o = 0; o < p->s->nsources; o++)
        if (o != src && doc_names(p->s->docs[o], last, n))
            return false;
    return true;
}

static void pick_speakers(ws_plan *p)
{
    size_t n = p->s->nsources;
    size_t *anon = px_arena_array(p->a, n, sizeof *anon);
    size_t *named = px_arena_array(p->a, n, sizeof *named);
    for (uint32_t src = 0; src < n; src++) {
        px_report_speaker *sp;
        size_t ns = px_report_speakers(p->s, src, &sp);
        for (size_t k = 0; k < ns; k++) {
            if (!ws_speaker_shown(&sp[k]))
                continue;
            if (sp[k].anonymous)
                anon[src] += sp[k].count;
            else
                named[src]++;
            if (ws_voice_unique(p, src, &sp[k]))
                p->speakers.unique |= 1ULL << src;
        }
        free(sp);
    }
    ws_speakers *w = &p->speakers;
    w->anonymous = single_out(anon, n, 1, SPEAKER_MARGIN);
    if (w->anonymous >= 0 && !anon[w->anonymous])
        w->anonymous = -1;
    w->most_named = single_out(named, n, 1, SPEAKER_MARGIN);
    w->least_named = single_out(named, n, -1, SPEAKER_MARGIN);
    if (w->most_named < 0 || w->least_named < 0)
        w->most_named = w->least_named = -1;
    p->supported[WS_SPEAKERS] = w->anonymous >= 0 || w->most_named >= 0 || w->unique;
}

/* ---- headline and lead ---- */

enum { MAX_SENT_FACTS = 16 };

/* The weight (IDF) of the content stems sentence a of da shares with
 * sentence b of db, each stem counted once. */
static double shared_weight(const ws_idf *w, const px_doc *da, const px_sentence *a,
                            const px_doc *db, const px_sentence *b)
{
    double sum = 0;
    for (size_t i = a->tok; i < a->tok + a->ntok; i++) {
        const char *stem = da->toks[i].stem;
        bool seen = !content_token(&da->toks[i]);
        for (size_t j = a->tok; j < i && !seen; j++)
            seen = !strcmp(da->toks[j].stem, stem);
        for (size_t j = b->tok; j < b->tok + b->ntok && !seen; j++)
            if (!strcmp(db->toks[j].stem, stem)) {
                sum += idf(w->df, w->nsents, stem);
                break;
            }
    }
    return sum;
}

/* The fact a source's headline states (several may match it): the one
 * whose sentence in that source shares the most weight with it. */
static int64_t headline_fact(const ws_plan *p, const ws_idf *w, uint32_t src,
                             const uint64_t *heads)
{
    const px_doc *d = p->s->docs[src];
    int64_t best = -1;
    double top = 0;
    for (size_t f = 0; f < p->s->alignment.nfacts; f++) {
        const px_fact *fact = &p->s->alignment.facts[f];
        const px_mention *m = px_fact_mention(fact, src);
        if (!m || fact->nmentions < 2 || !(heads[f] >> src & 1))
            continue;
        double x = shared_weight(w, d, &d->sents[0], d, &d->sents[m->sent]);
        if (x > top) {
            top = x;
            best = (int64_t)f;
        }
    }
    return best;
}

/* The fact of a source's first body sentence that most sources carry. */
static int64_t first_fact(const ws_plan *p, uint32_t src)
{
    const px_doc *d = p->s->docs[src];
    uint32_t first = d->nsents && d->sents[0].headline ? 1 : 0;
    uint32_t facts[MAX_SENT_FACTS];
    if (first >= d->nsents)
        return -1;
    size_t n = px_report_sentence_facts(p->s, src, first, facts, MAX_SENT_FACTS);
    int64_t best = -1;
    for (size_t k = 0; k < n && k < MAX_SENT_FACTS; k++) {
        size_t m = p->s->alignment.facts[facts[k]].nmentions;
        if (m >= 2 && (best < 0 || m > p->s->alignment.facts[best].nmentions))
            best = facts[k];
    }
    return best;
}

/* Does src state fact f in its lead (first two sentences) while every
 * other source that carries it puts it further down? */
static bool puts_early(const ws_plan *p, size_t f, uint32_t src)
{
    const px_fact *fact = &p->s->alignment.facts[f];
    const px_mention *m = px_fact_mention(fact, src);
    if (!m || fact->nmentions < 2 || strcmp(px_report_where(p->s, src, m->sent, NULL), "lead"))
        return false;
    for (size_t k = 0; k < fact->nmentions; k++) {
        const px_mention *o = &fact->mentions[k];
        if (o->source != src && !strcmp(px_report_where(p->s, o->source, o->sent, NULL), "lead"))
            return false;
    }
    return true;
}

/* How much further down the other sources put fact f than src does: the
 * smallest gap between their positions and src's (0 to 1). */
static double position_gap(const ws_plan *p, const px_fact *f, uint32_t src)
{
    double mine, gap = 1;
    px_report_where(p->s, src, px_fact_mention(f, src)->sent, &mine);
    for (size_t k = 0; k < f->nmentions; k++) {
        double theirs;
        if (f->mentions[k].source == src)
            continue;
        px_report_where(p->s, f->mentions[k].source, f->mentions[k].sent, &theirs);
        if (theirs - mine < gap)
            gap = theirs - mine;
    }
    return gap;
}

/* The clearest case of a source putting first what others put lower: its
 * headline states the fact too, then the others put it furthest down,
 * then the fact's weakest link (its lowest mention score) is strongest. */
static void pick_early(ws_plan *p, const uint64_t *heads)
{
    const px_story *s = p->s;
    double best = 0;
    p->lead.early = -1;
    for (uint32_t l = 0; l < s->nsources; l++) {
        uint32_t src = p->by_letter[l];
        for (size_t f = 0; f < s->alignment.nfacts; f++) {
            if (!puts_early(p, f, src))
                continue;
            const px_fact *fact = &s->alignment.facts[f];
            double weakest = 1;
            for (size_t k = 0; k < fact->nmentions; k++)
                if (fact->mentions[k].score < weakest)
                    weakest = fact->mentions[k].score;
            double score = ((heads[f] >> src & 1) ? 2 : 1) + position_gap(p, fact, src) +
                           0.5 * weakest;
            if (score > best) {
                best = score;
                p->lead.early = (int32_t)src;
                p->lead.early_fact = f;
            }
        }
    }
}

static void pick_lead(ws_plan *p, const ws_idf *w)
{
    const px_story *s = p->s;
    size_t nf = s->alignment.nfacts;
    uint64_t *heads = px_arena_array(p->a, nf ? nf : 1, sizeof *heads);
    for (size_t f = 0; f < nf; f++)
        heads[f] = px_report_headlines(s, &s->alignment.facts[f]);
    p->lead.headline = px_arena_array(p->a, s->nsources, sizeof *p->lead.headline);
    p->lead.first = px_arena_array(p->a, s->nsources, sizeof *p->lead.first);
    size_t firsts = 0;
    for (uint32_t src = 0; src < s->nsources; src++) {
        p->lead.headline[src] = headline_fact(p, w, src, heads);
        p->lead.first[src] = first_fact(p, src);
        firsts += p->lead.first[src] >= 0;
    }
    pick_early(p, heads);
    p->supported[WS_LEAD] = firsts >= 2 || p->lead.early >= 0;
}

/* ---- conflicting details ---- */

static size_t conflict_values(const px_story *s, const px_conflict *c)
{
    size_t n = 0;
    for (uint32_t src = 0; src < s->nsources; src++)
        n += c->values[src] != NULL;
    return n;
}

/* Conflicts stated by the most sources first, then in fact order. */
static void pick_conflicts(ws_plan *p, size_t max)
{
    const px_story *s = p->s;
    for (size_t f = 0; f < s->alignment.nfacts; f++)
        for (size_t k = 0; k < s->alignment.facts[f].nconflicts; k++) {
            size_t n = conflict_values(s, &s->alignment.facts[f].conflicts[k]);
            if (n < 2)
                continue;
            size_t j = p->nconflict < max ? p->nconflict++ : max;
            while (j > 0) {
                const ws_conflict *o = &p->conflict[j - 1];
                if (conflict_values(s, &s->alignment.facts[o->fact].conflicts[o->k]) >= n)
                    break;
                if (j < max)
                    p->conflict[j] = *o;
                j--;
            }
            if (j < max)
                p->conflict[j] = (ws_conflict){f, k};
        }
    p->supported[WS_CONFLICT] = p->nconflict > 0;
}

/* ---- the level ---- */

/* The order in which intro picks its three exercises: the most concrete
 * first. */
static const ws_kind intro_order[] = {WS_WORDS, WS_MISSING, WS_LEAD, WS_SPEAKERS, WS_CONFLICT};
enum { INTRO_EXERCISES = 3 };

static void choose_shown(ws_plan *p)
{
    if (p->level == PX_WORKSHEET_INTRO) {
        size_t n = 0;
        for (size_t i = 0; i < sizeof intro_order / sizeof *intro_order; i++)
            if (p->supported[intro_order[i]] && n < INTRO_EXERCISES) {
                p->shown[intro_order[i]] = true;
                n++;
            }
    } else {
        for (int k = 0; k < WS_NKINDS; k++)
            p->shown[k] = p->supported[k];
    }
    uint32_t number = 0;
    for (int k = 0; k < WS_NKINDS; k++)
        p->number[k] = p->shown[k] ? ++number : 0;
}

void ws_plan_build(ws_plan *p, const px_story *s, const px_worksheet_opts *o, px_arena *a)
{
    memset(p, 0, sizeof *p);
    p->s = s;
    p->a = a;
    p->level = o->level;
    p->reveal = o->reveal_outlets;
    p->hints = o->level != PX_WORKSHEET_ADVANCED;
    shuffle_letters(p, o->seed);
    ws_anon_build(p);
    size_t items = o->level == PX_WORKSHEET_ADVANCED ? WS_MAX_ITEMS : 1;
    ws_idf w;
    w.df = stem_frequencies(s, &w.nsents);
    pick_missing(p, &w, items);
    p->supported[WS_MISSING] = p->nmissing > 0;
    pick_words(p, items);
    p->supported[WS_WORDS] = p->nwords > 0;
    pick_speakers(p);
    pick_lead(p, &w);
    px_map_free(w.df);
    pick_conflicts(p, items);
    p->supported[WS_REFLECT] = s->nsources >= 2;
    choose_shown(p);
}
