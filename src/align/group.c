/*
 * group.c — facts from scored pairs of sentences.
 *
 * Links at or above the link probability are taken strongest first. Two
 * groups merge only when they hold no outlet in common and every pair of
 * sentences across them is at least somewhat likely the same claim (the
 * floor): a sentence joins a fact only when it states the claim of every
 * member, so one strong pair cannot chain two different facts together,
 * and a lead sentence is taken by its strongest partner, not the first
 * good-enough one. A strong link that cannot merge (its outlet is already
 * in the fact, by another sentence) still stands as a fact of its own, so
 * a sentence that states two facts serves both. Every other sentence is a
 * fact of one outlet.
 *
 * Each fact then says how sure it is: a member's score is its strongest
 * link to another member, the fact's confidence its weakest member's; an
 * outlet outside the fact carries it with the mean probability of its
 * closest sentence against the members. Renderers read these verdicts
 * through px_fact_verdict.
 */
#include <stdlib.h>
#include <string.h>

#include "align/internal.h"

/* Links of each claim: adjacency lists into the link array. */
typedef struct {
    size_t *at; /* links of claim c: idx[at[c] .. at[c + 1]) */
    uint32_t *idx;
} adjacency;

static adjacency adjacency_of(const px_alignment *al)
{
    size_t nc = al->nclaims;
    adjacency g = {px_xcalloc(nc + 2, sizeof(size_t)), px_xcalloc(2 * al->nlinks + 1, 4)};
    for (size_t k = 0; k < al->nlinks; k++) {
        g.at[al->links[k].a + 1]++;
        g.at[al->links[k].b + 1]++;
    }
    for (size_t c = 0; c < nc; c++)
        g.at[c + 1] += g.at[c];
    size_t *fill = px_xcalloc(nc + 1, sizeof *fill);
    for (size_t k = 0; k < al->nlinks; k++) {
        uint32_t a = al->links[k].a, b = al->links[k].b;
        g.idx[g.at[a] + fill[a]++] = (uint32_t)k;
        g.idx[g.at[b] + fill[b]++] = (uint32_t)k;
    }
    free(fill);
    return g;
}

static void adjacency_free(adjacency *g)
{
    free(g->at);
    free(g->idx);
}

/* Probability of the pair (x, y), 0 when they were not scored. */
static double pair_p(const px_alignment *al, const adjacency *g, uint32_t x, uint32_t y)
{
    uint32_t lo = x < y ? x : y, hi = x < y ? y : x;
    for (size_t i = g->at[lo]; i < g->at[lo + 1]; i++) {
        const px_link *l = &al->links[g->idx[i]];
        if (l->a == lo && l->b == hi)
            return l->p;
    }
    return 0;
}

/* Groups of claims (union by smallest index), members in a linked list. */
typedef struct {
    uint32_t *root, *next, *last, *size;
    uint64_t *sources;
} groups;

static uint32_t find(const groups *gr, uint32_t x)
{
    while (gr->root[x] != x)
        x = gr->root[x];
    return x;
}

static bool clique(const px_alignment *al, const adjacency *g, const groups *gr, uint32_t ra,
                   uint32_t rb, double floor)
{
    for (uint32_t x = ra; x != UINT32_MAX; x = gr->next[x])
        for (uint32_t y = rb; y != UINT32_MAX; y = gr->next[y])
            if (pair_p(al, g, x, y) < floor)
                return false;
    return true;
}

static void join(groups *gr, uint32_t ra, uint32_t rb)
{
    uint32_t lo = ra < rb ? ra : rb, hi = ra < rb ? rb : ra;
    gr->root[hi] = lo;
    gr->next[gr->last[lo]] = hi;
    gr->last[lo] = gr->last[hi];
    gr->size[lo] += gr->size[hi];
    gr->sources[lo] |= gr->sources[hi];
}

static int cmp_by_p(const void *x, const void *y)
{
    const px_link *p = *(const px_link *const *)x, *q = *(const px_link *const *)y;
    if (p->p != q->p)
        return p->p > q->p ? -1 : 1;
    if (p->a != q->a)
        return p->a < q->a ? -1 : 1;
    return p->b < q->b ? -1 : (p->b > q->b);
}

typedef PX_VEC(uint32_t) u32vec;

/* A claim serves at most this many facts besides its own group's: enough
 * for a sentence that states two or three things, and a bound on the facts
 * a story of many near-identical outlets can make. */
#define EXTRA_PER_CLAIM 2

/* Merge links into groups; a link that cannot merge but reaches extra
 * becomes a pair of its own (two claims appended to pairs). */
static void merge(const px_alignment *al, const adjacency *g, groups *gr, double link, double floor,
                  double extra, u32vec *pairs)
{
    uint8_t *used = px_xcalloc(al->nclaims + 1, 1);
    size_t nl = al->nlinks, n = 0;
    const px_link **order = px_xcalloc(nl + 1, sizeof *order);
    for (size_t k = 0; k < nl; k++)
        if (al->links[k].p >= link)
            order[n++] = &al->links[k];
    if (n)
        qsort(order, n, sizeof *order, cmp_by_p);
    for (size_t k = 0; k < n; k++) {
        const px_link *l = order[k];
        uint32_t ra = find(gr, l->a), rb = find(gr, l->b);
        if (ra == rb)
            continue;
        if (!(gr->sources[ra] & gr->sources[rb]) && clique(al, g, gr, ra, rb, floor)) {
            join(gr, ra, rb);
        } else if (l->p >= extra && used[l->a] < EXTRA_PER_CLAIM && used[l->b] < EXTRA_PER_CLAIM) {
            used[l->a]++;
            used[l->b]++;
            px_vec_push(*pairs, l->a);
            px_vec_push(*pairs, l->b);
        }
    }
    free(used);
    free(order);
}

typedef struct {
    uint32_t first; /* smallest claim: the fact's place in order */
    size_t n;       /* claims (one per outlet) */
    size_t at;      /* its claims: members[at .. at + n) */
} factkey;

static int cmp_fact(const void *x, const void *y)
{
    const factkey *p = x, *q = y;
    if (p->n != q->n)
        return p->n > q->n ? -1 : 1;
    if (p->first != q->first)
        return p->first < q->first ? -1 : 1;
    return p->at < q->at ? -1 : (p->at > q->at);
}

static int cmp_mention(const void *x, const void *y)
{
    const px_mention *p = x, *q = y;
    return p->source < q->source ? -1 : (p->source > q->source);
}

/* Scores, confidence and carry probabilities of one fact. */
static void judge(px_arena *a, const px_alignment *al, const adjacency *g, px_fact *f, double *acc,
                  uint32_t *touched)
{
    size_t ns = al->nsources;
    f->carry = px_arena_array(a, ns ? ns : 1, sizeof(double));
    f->confidence = 1;
    for (size_t i = 0; i < f->nmentions; i++) {
        double best = f->nmentions > 1 ? 0 : 1;
        for (size_t j = 0; j < f->nmentions; j++)
            if (i != j) {
                double p = pair_p(al, g, f->mentions[i].claim, f->mentions[j].claim);
                best = p > best ? p : best;
            }
        f->mentions[i].score = best;
        f->confidence = best < f->confidence ? best : f->confidence;
        f->carry[f->mentions[i].source] = best;
    }
    /* outlets outside: the mean probability of each of their sentences
     * against the members, best sentence per outlet */
    size_t nt = 0;
    for (size_t i = 0; i < f->nmentions; i++) {
        uint32_t m = f->mentions[i].claim;
        for (size_t k = g->at[m]; k < g->at[m + 1]; k++) {
            const px_link *l = &al->links[g->idx[k]];
            uint32_t o = l->a == m ? l->b : l->a;
            if (acc[o] == 0)
                touched[nt++] = o;
            acc[o] += l->p > 0 ? l->p : 1e-12;
        }
    }
    uint64_t in = 0;
    for (size_t i = 0; i < f->nmentions; i++)
        in |= 1ULL << f->mentions[i].source;
    for (size_t t = 0; t < nt; t++) {
        uint32_t o = touched[t];
        uint32_t s = al->claims[o].source;
        double mean = acc[o] / (double)f->nmentions;
        if (!(in >> s & 1) && mean > f->carry[s])
            f->carry[s] = mean;
        acc[o] = 0;
    }
}

static void fill_fact(px_arena *a, const px_alignment *al, const px_doc *const *docs,
                      const uint32_t *claims, size_t n, px_fact *f)
{
    memset(f, 0, sizeof *f);
    f->mentions = px_arena_array(a, n ? n : 1, sizeof(px_mention));
    for (size_t i = 0; i < n; i++) {
        const px_claim *c = &al->claims[claims[i]];
        px_mention *m = &f->mentions[f->nmentions++];
        memset(m, 0, sizeof *m);
        m->source = c->source;
        m->sent = c->sent;
        m->claim = claims[i];
        m->quoted = docs[c->source]->sents[c->sent].quoted > 0.5;
    }
    qsort(f->mentions, f->nmentions, sizeof *f->mentions, cmp_mention);
}

/* The representative: the member most likely the same claim as the
 * others (the first outlet's on a tie). */
static void represent(const px_alignment *al, const adjacency *g, px_fact *f)
{
    double best = -1;
    for (size_t i = 0; i < f->nmentions; i++) {
        double sum = 0;
        for (size_t j = 0; j < f->nmentions; j++)
            if (i != j)
                sum += pair_p(al, g, f->mentions[i].claim, f->mentions[j].claim);
        if (sum > best) {
            best = sum;
            f->rep = i;
        }
    }
}

/* Facts in order: most carriers first, then by their first claim. */
static void emit(px_arena *a, const px_doc *const *docs, px_alignment *al, const adjacency *g,
                 const groups *gr, const u32vec *pairs)
{
    size_t nc = al->nclaims, npairs = pairs->n / 2;
    u32vec members = {0};
    PX_VEC(factkey) keys = {0};
    for (uint32_t c = 0; c < nc; c++) {
        if (gr->root[c] != c)
            continue;
        factkey k = {c, gr->size[c], members.n};
        for (uint32_t x = c; x != UINT32_MAX; x = gr->next[x])
            px_vec_push(members, x);
        px_vec_push(keys, k);
    }
    for (size_t i = 0; i < npairs; i++) {
        uint32_t x = pairs->v[2 * i], y = pairs->v[2 * i + 1];
        factkey k = {x < y ? x : y, 2, members.n};
        px_vec_push(members, x);
        px_vec_push(members, y);
        px_vec_push(keys, k);
    }
    if (keys.n)
        qsort(keys.v, keys.n, sizeof *keys.v, cmp_fact);
    al->facts = px_arena_array(a, keys.n ? keys.n : 1, sizeof(px_fact));
    al->nfacts = keys.n;
    double *acc = px_xcalloc(nc + 1, sizeof *acc);
    uint32_t *touched = px_xcalloc(nc + 1, sizeof *touched);
    for (size_t f = 0; f < keys.n; f++) {
        px_fact *fact = &al->facts[f];
        fill_fact(a, al, docs, members.v + keys.v[f].at, keys.v[f].n, fact);
        judge(a, al, g, fact, acc, touched);
        represent(al, g, fact);
        px_align_conflicts(a, docs, al, fact);
    }
    free(acc);
    free(touched);
    px_vec_free(members);
    px_vec_free(keys);
}

void px_align_build(px_arena *a, const px_doc *const *docs, const px_align_model *m,
                    px_alignment *al)
{
    size_t nc = al->nclaims;
    adjacency g = adjacency_of(al);
    groups gr = {px_xcalloc(nc + 1, 4), px_xcalloc(nc + 1, 4), px_xcalloc(nc + 1, 4),
                 px_xcalloc(nc + 1, 4), px_xcalloc(nc + 1, 8)};
    for (uint32_t i = 0; i < nc; i++) {
        gr.root[i] = gr.last[i] = i;
        gr.next[i] = UINT32_MAX;
        gr.size[i] = 1;
        gr.sources[i] = 1ULL << al->claims[i].source;
    }
    double extra = m->param[PX_PARAM_EXTRA];
    if (extra < al->threshold)
        extra = al->threshold;
    u32vec pairs = {0};
    merge(al, &g, &gr, al->threshold, m->param[PX_PARAM_FLOOR], extra, &pairs);
    emit(a, docs, al, &g, &gr, &pairs);
    px_vec_free(pairs);
    free(gr.root);
    free(gr.next);
    free(gr.last);
    free(gr.size);
    free(gr.sources);
    adjacency_free(&g);
}
