/*
 * match.c — claims of N outlets matched into groups, resolved globally.
 *
 * For every pair of outlets, the claims of one are matched to the claims
 * of the other by a maximum-weight bipartite matching (the Hungarian
 * method), so a claim is paired with the partner that serves the whole
 * pair of articles best, not with the first good-enough one. The matched
 * pairs of all outlet pairs are then merged, strongest first, into groups
 * that never hold two claims of one outlet and whose members stay alike on
 * average (average linkage) with no two members unrelated, so one strong
 * pair cannot chain two different facts together. Ties are broken by claim index: same input, same groups.
 */
#include <float.h>
#include <stdlib.h>
#include <string.h>

#include "align/internal.h"

typedef struct {
    double score;
    uint32_t a, b; /* claim indexes, a < b */
} link;

static int cmp_link(const void *x, const void *y)
{
    const link *p = x, *q = y;
    if (p->score != q->score)
        return p->score > q->score ? -1 : 1;
    if (p->a != q->a)
        return p->a < q->a ? -1 : 1;
    return p->b < q->b ? -1 : (p->b > q->b);
}

typedef PX_VEC(link) linkvec;

/* Hungarian method on an n×m cost matrix (n ≤ m), minimising; row of
 * column j in p[j] (1-based, 0 = none). e-maxx formulation. */
static void hungarian(const double *cost, size_t n, size_t m, size_t *p)
{
    double *u = px_xcalloc(n + 1, sizeof *u), *v = px_xcalloc(m + 1, sizeof *v);
    double *minv = px_xcalloc(m + 1, sizeof *minv);
    size_t *way = px_xcalloc(m + 1, sizeof *way);
    bool *used = px_xcalloc(m + 1, sizeof *used);
    memset(p, 0, (m + 1) * sizeof *p);
    for (size_t i = 1; i <= n; i++) {
        p[0] = i;
        size_t j0 = 0;
        for (size_t j = 0; j <= m; j++) {
            minv[j] = DBL_MAX;
            used[j] = false;
        }
        do {
            used[j0] = true;
            size_t i0 = p[j0], j1 = 0;
            double delta = DBL_MAX;
            for (size_t j = 1; j <= m; j++) {
                if (used[j])
                    continue;
                double cur = cost[(i0 - 1) * m + (j - 1)] - u[i0] - v[j];
                if (cur < minv[j]) {
                    minv[j] = cur;
                    way[j] = j0;
                }
                if (minv[j] < delta) {
                    delta = minv[j];
                    j1 = j;
                }
            }
            for (size_t j = 0; j <= m; j++) {
                if (used[j]) {
                    u[p[j]] += delta;
                    v[j] -= delta;
                } else {
                    minv[j] -= delta;
                }
            }
            j0 = j1;
        } while (p[j0] != 0);
        do {
            size_t j1 = way[j0];
            p[j0] = p[j1];
            j0 = j1;
        } while (j0);
    }
    free(u);
    free(v);
    free(minv);
    free(way);
    free(used);
}

/* Matched pairs between the claims xs and ys (claim indexes) of two
 * outlets, scores from sim (row-major, |xs| × |ys|). */
static void match_pair(const uint32_t *xs, size_t nx, const uint32_t *ys, size_t ny,
                       const double *sim, double threshold, linkvec *out)
{
    bool flip = nx > ny;
    size_t n = flip ? ny : nx, m = flip ? nx : ny;
    double *cost = px_xcalloc(n * m > 0 ? n * m : 1, sizeof *cost);
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < m; j++) {
            double s = flip ? sim[j * ny + i] : sim[i * ny + j];
            cost[i * m + j] = s >= threshold ? -s : 0;
        }
    size_t *p = px_xcalloc(m + 1, sizeof *p);
    if (n)
        hungarian(cost, n, m, p);
    for (size_t j = 1; j <= m; j++) {
        if (!p[j])
            continue;
        size_t i = p[j] - 1, j0 = j - 1;
        double s = -cost[i * m + j0];
        if (s < threshold)
            continue;
        uint32_t a = flip ? xs[j0] : xs[i], b = flip ? ys[i] : ys[j0];
        link l = {s, a < b ? a : b, a < b ? b : a};
        px_vec_push(*out, l);
    }
    free(p);
    free(cost);
}

/* Union-find groups with their members and the outlets they hold. */
typedef struct {
    uint32_t *parent, *next, *last, *size;
    uint64_t *sources;
} groups;

static uint32_t root(const groups *g, uint32_t x)
{
    while (g->parent[x] != x)
        x = g->parent[x];
    return x;
}

static double pair_sim(const px_match_in *in, uint32_t a, uint32_t b)
{
    if (in->sim)
        return in->sim[(size_t)a * in->nclaims + b];
    return px_bag_similarity(in->vocab, &in->bags[a], &in->bags[b]);
}

static double average_link(const px_match_in *in, const groups *g, uint32_t ra, uint32_t rb)
{
    double sum = 0;
    size_t n = 0;
    for (uint32_t x = ra; x != UINT32_MAX; x = g->next[x])
        for (uint32_t y = rb; y != UINT32_MAX; y = g->next[y]) {
            double s = pair_sim(in, x, y);
            if (s < in->floor)
                return 0; /* two members that share nothing: not one fact */
            sum += s;
            n++;
        }
    return n ? sum / (double)n : 0;
}

static void join(groups *g, uint32_t ra, uint32_t rb)
{
    uint32_t lo = ra < rb ? ra : rb, hi = ra < rb ? rb : ra;
    g->parent[hi] = lo;
    g->next[g->last[lo]] = hi;
    g->last[lo] = g->last[hi];
    g->size[lo] += g->size[hi];
    g->sources[lo] |= g->sources[hi];
}

uint32_t *px_match_groups(const px_match_in *in)
{
    size_t nc = in->nclaims, ns = in->nsources;
    /* claims of each outlet */
    uint32_t **of = px_xcalloc(ns ? ns : 1, sizeof *of);
    size_t *nof = px_xcalloc(ns ? ns : 1, sizeof *nof);
    for (size_t i = 0; i < nc; i++)
        nof[in->source[i]]++;
    for (size_t s = 0; s < ns; s++) {
        of[s] = px_xcalloc(nof[s] ? nof[s] : 1, sizeof **of);
        nof[s] = 0;
    }
    for (size_t i = 0; i < nc; i++)
        of[in->source[i]][nof[in->source[i]]++] = (uint32_t)i;
    linkvec links = {0};
    for (size_t s = 0; s < ns; s++)
        for (size_t t = s + 1; t < ns; t++) {
            double *sim = px_xcalloc(nof[s] * nof[t] + 1, sizeof *sim);
            for (size_t i = 0; i < nof[s]; i++)
                for (size_t j = 0; j < nof[t]; j++)
                    sim[i * nof[t] + j] = pair_sim(in, of[s][i], of[t][j]);
            match_pair(of[s], nof[s], of[t], nof[t], sim, in->link, &links);
            free(sim);
        }
    if (links.n)
        qsort(links.v, links.n, sizeof *links.v, cmp_link);
    groups g = {px_xcalloc(nc + 1, 4), px_xcalloc(nc + 1, 4), px_xcalloc(nc + 1, 4),
                px_xcalloc(nc + 1, 4), px_xcalloc(nc + 1, 8)};
    for (uint32_t i = 0; i < nc; i++) {
        g.parent[i] = g.last[i] = i;
        g.next[i] = UINT32_MAX;
        g.size[i] = 1;
        g.sources[i] = 1ULL << in->source[i];
    }
    for (size_t l = 0; l < links.n; l++) {
        uint32_t ra = root(&g, links.v[l].a), rb = root(&g, links.v[l].b);
        if (ra == rb || (g.sources[ra] & g.sources[rb]))
            continue;
        if (g.size[ra] + g.size[rb] > 2 && average_link(in, &g, ra, rb) < in->merge)
            continue;
        join(&g, ra, rb);
    }
    uint32_t *out = px_xcalloc(nc ? nc : 1, sizeof *out);
    for (uint32_t i = 0; i < nc; i++)
        out[i] = root(&g, i);
    free(g.parent);
    free(g.next);
    free(g.last);
    free(g.size);
    free(g.sources);
    px_vec_free(links);
    for (size_t s = 0; s < ns; s++)
        free(of[s]);
    free(of);
    free(nof);
    return out;
}
