/*
 * parts.c — clauses that join a second fact.
 *
 * After the whole sentences are matched into groups, each clause of a
 * sentence that states several facts looks for a group its outlet is not
 * yet in and whose members state what the clause states (average
 * similarity to them, each member taken as a whole or by its best clause).
 * The clause joins when it fits that group better than it fits its own
 * sentence's group. Candidates are taken strongest first, so each group
 * still holds at most one claim per outlet. Only groups sharing a term
 * with the clause are considered, which keeps this near-linear.
 */
#include <stdlib.h>

#include "align/internal.h"

typedef struct {
    double score;
    uint32_t part, group;
} cand;

static int cmp_cand(const void *x, const void *y)
{
    const cand *p = x, *q = y;
    if (p->score != q->score)
        return p->score > q->score ? -1 : 1;
    if (p->part != q->part)
        return p->part < q->part ? -1 : 1;
    return p->group < q->group ? -1 : (p->group > q->group);
}

/* Similarity of claim k to whole claim m, or to m's best clause. */
static double fit(const px_parts_in *in, uint32_t k, uint32_t m)
{
    double best = px_bag_similarity(in->vocab, &in->bags[k], &in->bags[m]);
    for (uint32_t j = in->first_part[m]; j < in->first_part[m + 1]; j++) {
        double s = px_bag_similarity(in->vocab, &in->bags[k], &in->bags[in->part_of[j]]);
        if (s > best)
            best = s;
    }
    return best;
}

/* Average fit of claim k to the members of group g (skipping claim skip). */
static double group_fit(const px_parts_in *in, uint32_t k, uint32_t g, uint32_t skip)
{
    double sum = 0;
    size_t n = 0;
    for (uint32_t m = g; m != UINT32_MAX; m = in->next[m]) {
        if (m == skip)
            continue;
        sum += fit(in, k, m);
        n++;
    }
    return n ? sum / (double)n : 0;
}

typedef PX_VEC(cand) candvec;

/* Groups sharing a term with part k: candidates above the threshold. */
static void candidates(const px_parts_in *in, uint32_t k, uint32_t *stamp, candvec *out)
{
    const px_bag *b = &in->bags[k];
    uint32_t parent = in->parent[k], own = in->group[parent];
    uint64_t bit = 1ULL << in->source[k];
    double home = -1;
    for (size_t t = 0; t < b->n; t++) {
        uint32_t term = b->terms[t];
        for (size_t x = in->term_at[term]; x < in->term_at[term + 1]; x++) {
            uint32_t g = in->group[in->term_claims[x]];
            if (stamp[g] == k + 1 || g == own || (in->held[g] & bit))
                continue;
            stamp[g] = k + 1;
            double s = group_fit(in, k, g, UINT32_MAX);
            if (s < in->threshold)
                continue;
            if (home < 0)
                home = group_fit(in, k, own, parent);
            if (s > home) {
                cand c = {s, k, g};
                px_vec_push(*out, c);
            }
        }
    }
}

size_t px_match_parts(const px_parts_in *in, uint32_t **part_out, uint32_t **group_out)
{
    uint32_t *stamp = px_xcalloc(in->nwhole + 1, sizeof *stamp);
    candvec cs = {0};
    for (uint32_t k = (uint32_t)in->nwhole; k < in->nclaims; k++)
        candidates(in, k, stamp, &cs);
    if (cs.n)
        qsort(cs.v, cs.n, sizeof *cs.v, cmp_cand);
    uint64_t *held = px_xcalloc(in->nwhole + 1, sizeof *held);
    for (size_t g = 0; g < in->nwhole; g++)
        held[g] = in->held[g];
    PX_VEC(uint32_t) ps = {0}, gs = {0};
    for (size_t i = 0; i < cs.n; i++) {
        uint64_t bit = 1ULL << in->source[cs.v[i].part];
        if (held[cs.v[i].group] & bit)
            continue;
        held[cs.v[i].group] |= bit;
        px_vec_push(ps, cs.v[i].part);
        px_vec_push(gs, cs.v[i].group);
    }
    free(held);
    free(stamp);
    px_vec_free(cs);
    *part_out = ps.v;
    *group_out = gs.v;
    return ps.n;
}
