/*
 * facts.c — the facts the worksheet asks about: one that most
 * sources report and one clearly leaves out (exercise 1), and what each
 * source puts first (exercise 4).
 *
 * "Clearly" is measured on the words: a fact's key words are the content
 * stems its sources share, weighted as the align stage weighs words (how
 * rare they are among the story's claims, px_align_word_weight); the fact is clearly absent from a
 * source when none of that source's sentences holds more than CLEARLY_ABSENT of their weight, so a
 * paraphrase the alignment missed is not taken for an omission. A source
 * puts a fact first when it states it in its first two sentences and
 * every other source stating it does so further down. Results go into the
 * plan (worksheet/internal.h).
 */
#include <stdlib.h>
#include <string.h>

#include "worksheet/internal.h"

static bool content_token(const px_token *t)
{
    return (t->flags & (PX_TOK_WORD | PX_TOK_NUMBER)) && !(t->flags & PX_TOK_STOP);
}

/* The weight of a stem in the story: the align stage's. */
static double weight(const ws_plan *p, const char *stem)
{
    return px_align_word_weight(&p->s->alignment, stem);
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
static double closest_share(const ws_plan *p, const px_fact *f, uint32_t src, const size_t *keys,
                            size_t nkeys)
{
    const px_story *s = p->s;
    const px_doc *rd = s->docs[f->mentions[f->rep].source], *d = s->docs[src];
    double total = 0, best = 0;
    for (size_t k = 0; k < nkeys; k++)
        total += weight(p, rd->toks[keys[k]].stem);
    for (size_t j = 0; j < d->nsents && total > 0; j++) {
        const px_sentence *st = &d->sents[j];
        double w = 0;
        for (size_t k = 0; k < nkeys; k++)
            for (size_t i = st->tok; i < st->tok + st->ntok; i++)
                if (!strcmp(d->toks[i].stem, rd->toks[keys[k]].stem)) {
                    w += weight(p, rd->toks[keys[k]].stem);
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
static size_t missing_candidates(const ws_plan *p, uint32_t src, candidate *out)
{
    const px_story *s = p->s;
    const px_source_compare *c = &s->compare.sources[src];
    size_t n = 0;
    for (size_t k = 0; k < c->nomitted; k++) {
        const px_fact *f = &s->alignment.facts[c->omitted[k]];
        if (f->nmentions < 2 || 2 * f->nmentions <= s->nsources)
            continue;
        size_t keys[MAX_KEYS];
        size_t nk = key_tokens(s, f, keys, MAX_KEYS);
        if (nk < 2)
            continue;
        double share = closest_share(p, f, src, keys, nk);
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
static void missing_keys(ws_plan *p, ws_missing *m)
{
    const px_fact *f = &p->s->alignment.facts[m->fact];
    const px_doc *rd = p->s->docs[f->mentions[f->rep].source];
    size_t keys[MAX_KEYS];
    size_t nk = key_tokens(p->s, f, keys, MAX_KEYS);
    while (nk > 4) { /* drop the commonest until four are left */
        size_t worst = 0;
        for (size_t k = 1; k < nk; k++)
            if (weight(p, rd->toks[keys[k]].stem) < weight(p, rd->toks[keys[worst]].stem))
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

void ws_pick_missing(ws_plan *p, size_t max)
{
    const px_story *s = p->s;
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
            if (used || !missing_candidates(p, src, cand))
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
        size_t n = missing_candidates(p, (uint32_t)best, cand);
        m->source = (uint32_t)best;
        m->fact = cand[0].fact;
        m->also = px_arena_array(p->a, n, sizeof *m->also);
        for (size_t k = 1; k < n; k++)
            m->also[m->nalso++] = cand[k].fact;
        missing_keys(p, m);
    }
    free(cand);
}

/* Does every source's headline hold this stem? Such words name the
 * story's subject ("Biden", "Putin", "Ukraine"), not what one headline
 * puts first. */
static bool subject_stem(const ws_plan *p, const char *stem)
{
    for (uint32_t src = 0; src < p->s->nsources; src++) {
        const px_doc *d = p->s->docs[src];
        bool has = false;
        if (!d->nsents || !d->sents[0].headline)
            return false;
        for (size_t t = d->sents[0].tok; t < d->sents[0].tok + d->sents[0].ntok && !has; t++)
            has = !strcmp(d->toks[t].stem, stem);
        if (!has)
            return false;
    }
    return true;
}

/* The weight (IDF) of the content stems sentence a of da shares with
 * sentence b of db, each stem counted once, the stems every headline holds
 * left out. */
static double shared_weight(const ws_plan *p, const px_doc *da, const px_sentence *a,
                            const px_doc *db, const px_sentence *b)
{
    double sum = 0;
    for (size_t i = a->tok; i < a->tok + a->ntok; i++) {
        const char *stem = da->toks[i].stem;
        bool seen = !content_token(&da->toks[i]) || subject_stem(p, stem);
        for (size_t j = a->tok; j < i && !seen; j++)
            seen = !strcmp(da->toks[j].stem, stem);
        for (size_t j = b->tok; j < b->tok + b->ntok && !seen; j++)
            if (!strcmp(db->toks[j].stem, stem)) {
                sum += weight(p, stem);
                break;
            }
    }
    return sum;
}

/* The fact a source's headline states: of the facts it shares with
 * another source, the one whose sentence in that source shares the most
 * weight with the headline once the story's subject (the words every
 * headline holds) is left out, so that "Biden pleads with Putin as
 * Kremlin regime masses 175,000 troops" is tied to the troops, not to the
 * video call every outlet leads with. A headline that shares nothing but
 * the subject with any fact states none (-1). */
static int64_t headline_fact(const ws_plan *p, uint32_t src)
{
    const px_doc *d = p->s->docs[src];
    int64_t best = -1;
    double top = 0;
    if (!d->nsents || !d->sents[0].headline)
        return -1;
    for (size_t f = 0; f < p->s->alignment.nfacts; f++) {
        const px_fact *fact = &p->s->alignment.facts[f];
        const px_mention *m = px_fact_mention(fact, src);
        if (!m || fact->nmentions < 2 || m->sent == 0)
            continue;
        double x = shared_weight(p, d, &d->sents[0], d, &d->sents[m->sent]);
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
    const px_source_compare *c = &p->s->compare.sources[src];
    uint32_t first = ws_first_sentence(p, src);
    if (first >= d->nsents)
        return -1;
    const uint32_t *facts = c->sentence_facts + c->sentence_at[first];
    size_t n = c->sentence_at[first + 1] - c->sentence_at[first];
    int64_t best = -1;
    for (size_t k = 0; k < n; k++) {
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
    const px_fact_compare *fc = &p->s->compare.facts[f];
    const px_cell *c = &fc->cells[src];
    if (c->mention < 0 || fc->carriers < 2 || c->where != PX_WHERE_LEAD)
        return false;
    for (uint32_t o = 0; o < p->s->nsources; o++)
        if (o != src && fc->cells[o].mention >= 0 && fc->cells[o].where == PX_WHERE_LEAD)
            return false;
    return true;
}

/* How much further down the other sources put fact f than src does: the
 * smallest gap between their positions and src's (0 to 1). */
static double position_gap(const ws_plan *p, size_t f, uint32_t src)
{
    const px_fact *fact = &p->s->alignment.facts[f];
    double mine = px_compare_cell(&p->s->compare, f, src)->share, gap = 1;
    for (size_t k = 0; k < fact->nmentions; k++) {
        uint32_t o = fact->mentions[k].source;
        if (o == src)
            continue;
        double theirs = px_compare_cell(&p->s->compare, f, o)->share;
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
            double score =
                ((heads[f] >> src & 1) ? 2 : 1) + position_gap(p, f, src) + 0.5 * weakest;
            if (score > best) {
                best = score;
                p->lead.early = (int32_t)src;
                p->lead.early_fact = f;
            }
        }
    }
}

void ws_pick_lead(ws_plan *p)
{
    const px_story *s = p->s;
    size_t nf = s->alignment.nfacts;
    uint64_t *heads = px_arena_array(p->a, nf ? nf : 1, sizeof *heads);
    for (size_t f = 0; f < nf; f++)
        heads[f] = s->compare.facts[f].headlines;
    p->lead.headline = px_arena_array(p->a, s->nsources, sizeof *p->lead.headline);
    p->lead.first = px_arena_array(p->a, s->nsources, sizeof *p->lead.first);
    size_t firsts = 0;
    for (uint32_t src = 0; src < s->nsources; src++) {
        p->lead.headline[src] = headline_fact(p, src);
        p->lead.first[src] = first_fact(p, src);
        firsts += p->lead.first[src] >= 0;
    }
    pick_early(p, heads);
    p->supported[WS_LEAD] = firsts >= 2 || p->lead.early >= 0;
}
