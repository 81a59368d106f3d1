/*
 * matrix.c — the fact matrix: one cell per fact and outlet (its status,
 * the alignment's verdict, where the fact sits, the values it conflicts
 * on, its wording diffed against the representative's), each fact's
 * summary (carriers, headlines, member links, lexicons hit), the facts in
 * matrix order, and the facts each sentence states.
 *
 * Placement: a sentence is in the lead when it is one of the first two
 * body sentences, at the end when it is one of the last two of a body of
 * more than five, else in the body; its share is its position among the
 * body sentences. A fact is in an outlet's headline when the align stage
 * found the headline states it (prominence.c) and the outlet carries it.
 */
#include <stdlib.h>
#include <string.h>

#include "compare/internal.h"

static void place(const px_doc *d, uint32_t sent, px_cell *c)
{
    uint32_t first = d->nsents && d->sents[0].headline ? 1 : 0;
    uint32_t n = (uint32_t)d->nsents - first, k = sent - first;
    c->share = n ? (double)k / (double)n : 0;
    c->where = k < 2 ? PX_WHERE_LEAD : (n > 5 && k >= n - 2) ? PX_WHERE_END : PX_WHERE_BODY;
}

/* A diff helps when the version keeps a good part of the representative's
 * words; a paraphrase diffs into a wall of marks, and is better read
 * whole. */
static bool readable(const px_diff_op *ops, size_t n)
{
    size_t same = 0, words = 0;
    for (size_t k = 0; k < n; k++) {
        same += ops[k].kind == PX_DIFF_SAME;
        words += ops[k].kind != PX_DIFF_DEL;
    }
    return n && same * 5 >= words * 2;
}

static void diff_cell(const px_compare_in *in, const px_fact *f, px_cell *c)
{
    const px_mention *rep = &f->mentions[f->rep], *m = &f->mentions[c->mention];
    if ((size_t)c->mention == f->rep)
        return;
    px_diff_op *ops;
    size_t n =
        px_compare_diff(in->docs[rep->source], rep->sent, in->docs[m->source], m->sent, &ops);
    c->diff = n ? px_arena_memdup(in->a, ops, n * sizeof *ops) : NULL;
    c->ndiff = n;
    c->diff_readable = readable(ops, n);
    free(ops);
}

static void conflict_values(px_arena *a, const px_fact *f, uint32_t s, px_cell *c)
{
    c->values = px_arena_array(a, f->nconflicts ? f->nconflicts : 1, sizeof *c->values);
    for (size_t k = 0; k < f->nconflicts; k++)
        if (f->conflicts[k].values[s])
            c->values[c->nvalues++] = f->conflicts[k].values[s];
}

static bool in_list(const uint32_t *v, size_t n, size_t x)
{
    for (size_t i = 0; i < n; i++)
        if (v[i] == x)
            return true;
    return false;
}

static void cell(const px_compare_in *in, const px_comparison *cmp, size_t fi, uint32_t s,
                 px_cell *c)
{
    const px_fact *f = &in->al->facts[fi];
    c->verdict = px_fact_verdict(in->al, f, s);
    c->p_carries = f->carry ? f->carry[s] : 0;
    c->mention = -1;
    for (size_t k = 0; k < f->nmentions; k++)
        if (f->mentions[k].source == s)
            c->mention = (int32_t)k;
    if (c->mention < 0) {
        const px_source_compare *sc = &cmp->sources[s];
        c->status = in_list(sc->omitted, sc->nomitted, fi) ? PX_CELL_OMITS
                    : c->verdict == PX_OMITS               ? PX_CELL_ABSENT
                                                           : PX_CELL_NOT_SHOWN;
        return;
    }
    c->sent = f->mentions[c->mention].sent;
    place(in->docs[s], c->sent, c);
    c->headline = (f->in_headline >> s) & 1;
    conflict_values(in->a, f, s, c);
    c->status = c->nvalues ? PX_CELL_CONFLICT : PX_CELL_CARRIES;
    diff_cell(in, f, c);
}

/* Each pair of the fact's members and how sure the alignment is of it. */
static void links(const px_compare_in *in, const px_fact *f, px_fact_compare *fc)
{
    size_t n = f->nmentions;
    fc->links = px_arena_array(in->a, n * n / 2 + 1, sizeof *fc->links);
    for (size_t i = 0; i < n; i++)
        for (size_t j = i + 1; j < n; j++)
            fc->links[fc->nlinks++] =
                (px_fact_link){(uint32_t)i, (uint32_t)j,
                               px_align_pair_p(in->al, f->mentions[i].claim, f->mentions[j].claim)};
}

static void fact(const px_compare_in *in, const px_comparison *cmp, size_t fi, px_fact_compare *fc)
{
    const px_fact *f = &in->al->facts[fi];
    fc->cells = px_arena_array(in->a, in->nsources ? in->nsources : 1, sizeof *fc->cells);
    for (uint32_t s = 0; s < in->nsources; s++) {
        cell(in, cmp, fi, s, &fc->cells[s]);
        if (fc->cells[s].mention >= 0 && fc->cells[s].headline)
            fc->headlines |= 1ULL << s;
    }
    fc->carriers = f->nmentions;
    fc->single = in->nsources > 1 && f->nmentions == 1;
    fc->conflict_sources = px_arena_array(in->a, f->nconflicts + 1, sizeof(size_t));
    for (size_t k = 0; k < f->nconflicts; k++)
        for (uint32_t s = 0; s < in->nsources; s++)
            fc->conflict_sources[k] += f->conflicts[k].values[s] != NULL;
    links(in, f, fc);
    fc->lexicon_hits = px_arena_array(in->a, in->nlex + 1, sizeof(bool));
    for (uint32_t l = 0; l < in->nlex; l++)
        for (uint32_t s = 0; s < in->nsources && !fc->lexicon_hits[l]; s++) {
            const px_score *sc = px_frame_fact_score(&in->frames[s], fi, l, -1);
            fc->lexicon_hits[l] = sc && sc->hits;
        }
}

/* Facts by how many outlets carry them (most first), ties in fact order. */
static size_t *order(px_arena *a, const px_alignment *al)
{
    size_t *v = px_arena_array(a, al->nfacts + 1, sizeof *v);
    for (size_t i = 0; i < al->nfacts; i++) {
        size_t j = i;
        while (j > 0 && al->facts[v[j - 1]].nmentions < al->facts[i].nmentions) {
            v[j] = v[j - 1];
            j--;
        }
        v[j] = i;
    }
    return v;
}

/* The facts each sentence of outlet s states, and whether one of them is
 * carried by s alone. */
static void sentences(const px_compare_in *in, const px_comparison *cmp, uint32_t s,
                      px_source_compare *sc)
{
    size_t ns = in->docs[s]->nsents, total = 0;
    sc->sentence_at = px_arena_array(in->a, ns + 1, sizeof *sc->sentence_at);
    sc->only_here = px_arena_array(in->a, ns + 1, sizeof *sc->only_here);
    for (size_t f = 0; f < cmp->nfacts; f++) {
        const px_cell *c = &cmp->facts[f].cells[s];
        if (c->mention >= 0 && c->sent < ns) {
            sc->sentence_at[c->sent + 1]++;
            total++;
        }
    }
    for (size_t k = 0; k < ns; k++)
        sc->sentence_at[k + 1] += sc->sentence_at[k];
    sc->sentence_facts = px_arena_array(in->a, total + 1, sizeof *sc->sentence_facts);
    size_t *fill = px_xcalloc(ns + 1, sizeof *fill);
    for (size_t f = 0; f < cmp->nfacts; f++) {
        const px_cell *c = &cmp->facts[f].cells[s];
        if (c->mention < 0 || c->sent >= ns)
            continue;
        sc->sentence_facts[sc->sentence_at[c->sent] + fill[c->sent]++] = (uint32_t)f;
        sc->only_here[c->sent] = sc->only_here[c->sent] || cmp->facts[f].single;
    }
    free(fill);
}

void px_compare_matrix(const px_compare_in *in, px_comparison *c)
{
    const px_alignment *al = in->al;
    c->facts = px_arena_array(in->a, al->nfacts + 1, sizeof *c->facts);
    for (size_t f = 0; f < al->nfacts; f++)
        fact(in, c, f, &c->facts[f]);
    c->order = order(in->a, al);
    for (uint32_t s = 0; s < in->nsources; s++)
        sentences(in, c, s, &c->sources[s]);
}
