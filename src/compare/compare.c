/*
 * compare.c — the compare stage: every judgement a reader is shown, made
 * once (parallax/compare.h). This file runs the parts and holds the
 * omission rule; matrix.c fills the fact matrix, words.c the words behind
 * the framing scores, summary.c the speakers, pairs and counts, glance.c
 * the blind spots and each outlet's own wording of a fact.
 *
 * Omission rule: a fact is omitted by outlet s when s does not carry it and
 * at least half of the other outlets do — and, with three or more outlets,
 * at least two of them — so a detail one other outlet mentions in passing
 * is not called an omission; and only when the alignment is sure of it
 * (px_fact_verdict: the fact's own members are confidently one claim and
 * no sentence of s comes close). A fact only s carries is "only here" when
 * every other outlet surely does not carry it. Otherwise the outlet is
 * "not shown to carry" the fact, and nothing is claimed.
 */
#include <stdlib.h>
#include <string.h>

#include "compare/internal.h"

/* How many other outlets must carry a fact for its absence to be an
 * omission. */
static size_t needed(size_t nsources)
{
    size_t need = nsources / 2;
    return nsources >= 3 && need < 2 ? 2 : need;
}

static bool carries(const px_fact *f, uint32_t s)
{
    return px_fact_mention(f, s) != NULL;
}

bool px_compare_omits(const px_compare_in *in, const px_fact *f, uint32_t s)
{
    return !carries(f, s) && f->nmentions >= needed(in->nsources) && f->nmentions > 0 &&
           px_fact_verdict(in->al, f, s) == PX_OMITS;
}

/* Do all outlets but s surely not carry f? */
static bool others_omit(const px_compare_in *in, const px_fact *f, uint32_t s)
{
    for (uint32_t o = 0; o < in->nsources; o++)
        if (o != s && px_fact_verdict(in->al, f, o) != PX_OMITS)
            return false;
    return true;
}

/* Could s be said to omit f, carried or not: enough of the others carry
 * it, and when s does not, the alignment is sure of that — a fact s is
 * "not shown to carry" is neither omitted nor eligible, so omission rates
 * count decided cases only. */
static bool eligible(const px_compare_in *in, const px_fact *f, uint32_t s)
{
    bool has = carries(f, s);
    size_t others = f->nmentions - (has ? 1 : 0);
    return others >= needed(in->nsources) && others > 0 &&
           (has || px_fact_verdict(in->al, f, s) == PX_OMITS);
}

static bool conflicts_in(const px_fact *f, uint32_t s)
{
    for (size_t k = 0; k < f->nconflicts; k++)
        if (f->conflicts[k].values[s])
            return true;
    return false;
}

static uint32_t *keep(px_arena *a, const uint32_t *v, size_t n)
{
    return px_arena_memdup(a, v, n * sizeof *v);
}

static void one_outlet(const px_compare_in *in, uint32_t s, px_source_compare *out)
{
    const px_alignment *al = in->al;
    PX_VEC(uint32_t) uni = {0}, omit = {0}, conf = {0};
    for (uint32_t f = 0; f < al->nfacts; f++) {
        const px_fact *fact = &al->facts[f];
        out->eligible += eligible(in, fact, s);
        if (!carries(fact, s)) {
            if (px_compare_omits(in, fact, s))
                px_vec_push(omit, f);
            continue;
        }
        out->carried++;
        out->shared += fact->nmentions > 1;
        if (fact->nmentions == 1 && in->nsources > 1 && others_omit(in, fact, s))
            px_vec_push(uni, f);
        if (conflicts_in(fact, s))
            px_vec_push(conf, f);
    }
    out->unique = keep(in->a, uni.v, uni.n);
    out->nunique = uni.n;
    out->omitted = keep(in->a, omit.v, omit.n);
    out->nomitted = omit.n;
    out->conflicts = keep(in->a, conf.v, conf.n);
    out->nconflicts = conf.n;
    px_vec_free(uni);
    px_vec_free(omit);
    px_vec_free(conf);
}

void px_compare_outlets(const px_compare_in *in, px_comparison *c)
{
    for (uint32_t s = 0; s < in->nsources; s++)
        one_outlet(in, s, &c->sources[s]);
}

px_status px_compare_story(px_arena *a, const px_doc *const *docs, size_t ndocs,
                           const px_alignment *al, const px_lexset *lex,
                           const px_source_frame *frames, px_comparison *out, px_error *err)
{
    memset(out, 0, sizeof *out);
    if (!a || !docs || !al || !frames || al->nsources != ndocs)
        return px_error_set(err, PX_EUSAGE, NULL, 0,
                            "px_compare_story: docs, an alignment of them and their frames");
    px_compare_in in = {a, docs, ndocs, al, lex, frames, lex ? px_lexset_count(lex) : 0};
    out->nsources = ndocs;
    out->nfacts = al->nfacts;
    out->nlexicons = in.nlex;
    out->sources = px_arena_array(a, ndocs ? ndocs : 1, sizeof *out->sources);
    px_compare_outlets(&in, out);
    px_compare_matrix(&in, out);
    px_compare_glance(&in, out);
    px_compare_words(&in, out);
    px_compare_summary(&in, out);
    return PX_OK;
}

const px_cell *px_compare_cell(const px_comparison *c, size_t f, uint32_t s)
{
    return &c->facts[f].cells[s];
}

const char *px_where_name(px_where w)
{
    static const char *const names[] = {"lead", "body", "end"};
    return (size_t)w < sizeof names / sizeof *names ? names[w] : "body";
}

const char *px_cell_place(const px_cell *c)
{
    if (c->mention < 0)
        return NULL;
    return c->headline ? "headline" : px_where_name(c->where);
}

/* Symbols differ in shape, not only colour, so the matrix reads in
 * greyscale and for colour-blind readers. */
static const struct {
    const char *name, *symbol, *words;
} status_names[] = {
    [PX_CELL_CARRIES] = {"carries", "✓", "carries"},
    [PX_CELL_CONFLICT] = {"conflict", "≠", "carries, with a conflicting detail"},
    [PX_CELL_OMITS] = {"omits", "✗", "omits (most others carry it)"},
    [PX_CELL_ABSENT] = {"absent", "–", "does not carry"},
    [PX_CELL_NOT_SHOWN] = {"not_shown", "?", "not shown to carry (a sentence of it comes close)"},
};

static size_t status_row(px_cell_status st)
{
    return (size_t)st < sizeof status_names / sizeof *status_names ? (size_t)st : PX_CELL_NOT_SHOWN;
}

const char *px_cell_status_name(px_cell_status st)
{
    return status_names[status_row(st)].name;
}

const char *px_cell_status_symbol(px_cell_status st)
{
    return status_names[status_row(st)].symbol;
}

const char *px_cell_status_words(px_cell_status st)
{
    return status_names[status_row(st)].words;
}

const char *px_conflict_kind_name(px_conflict_kind k)
{
    static const char *const kinds[] = {"number", "duration", "date", "name"};
    return (size_t)k < sizeof kinds / sizeof *kinds ? kinds[k] : "detail";
}
