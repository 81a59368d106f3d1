/*
 * conflicts.c — details on which the outlets of one fact disagree.
 *
 * Within a fact, each outlet's claim states some quantities: counts of a
 * thing, durations, dates, money, percentages, tallies. A quantity of one
 * outlet is compared with the first quantity of the same kind — for counts,
 * of the same counted noun — in each other outlet's claim. When the values
 * differ ("two hours" against "90 minutes", "6-3" against "seven to two",
 * "100,000 troops" against "175,000 troops"), the fact records a conflict
 * with each outlet's own wording, as do hedges that exclude each other
 * ("more than two hours" against "about two hours"). A hedge alone is no
 * conflict: "about 6,000 gallons" and "6,000 gallons" agree.
 */
#include <math.h>
#include <string.h>

#include "align/internal.h"

static const char *qty_text(px_arena *a, const px_doc *d, const px_quantity *q)
{
    return px_arena_strndup(a, d->text + q->start, q->end - q->start);
}

static bool same_detail(const px_quantity *x, const px_quantity *y)
{
    if (x->kind != y->kind)
        return false;
    if (x->kind == PX_QTY_COUNT)
        return x->unit && y->unit && strcmp(x->unit, y->unit) == 0;
    if (x->kind == PX_QTY_MONEY)
        return x->unit && y->unit && strcmp(x->unit, y->unit) == 0;
    return x->kind == PX_QTY_DURATION || x->kind == PX_QTY_PERCENT || x->kind == PX_QTY_DATE ||
           x->kind == PX_QTY_TALLY;
}

/* Values differ; or both are hedged in ways that exclude each other
 * ("more than two hours" against "about two hours"). An exact figure and a
 * hedged one of the same value agree. */
static bool differ(const px_quantity *x, const px_quantity *y)
{
    double scale = fabs(x->value) > fabs(y->value) ? fabs(x->value) : fabs(y->value);
    if (fabs(x->value - y->value) > 1e-9 * (scale > 1 ? scale : 1))
        return true;
    return x->approx && y->approx && x->bound != y->bound;
}

/* Does the claim c of d hold a word of stem unit? */
static bool claim_has(const px_doc *d, const px_claim *c, const char *unit)
{
    for (size_t k = c->tok; unit && k < c->tok + c->ntok; k++)
        if ((d->toks[k].flags & PX_TOK_WORD) && strcmp(d->toks[k].stem, unit) == 0)
            return true;
    return false;
}

/* Quantity of claim c (of doc d) comparable with q, or NULL. A bare count
 * ("put the number of troops at about 100,000") is taken to count a noun
 * its claim names. */
static const px_quantity *counterpart(const px_doc *d, const px_claim *c, const px_quantity *q)
{
    for (size_t k = 0; k < d->nqty; k++) {
        const px_quantity *o = &d->qty[k];
        if (o->sent != c->sent || o->start < c->start || o->end > c->end)
            continue;
        if (same_detail(q, o))
            return o;
        if (o->kind == PX_QTY_COUNT && q->kind == PX_QTY_COUNT && !o->unit && q->unit &&
            claim_has(d, c, q->unit))
            return o;
    }
    return NULL;
}

static px_conflict_kind kind_of(const px_quantity *q)
{
    return q->kind == PX_QTY_DURATION ? PX_CONFLICT_DURATION
           : q->kind == PX_QTY_DATE   ? PX_CONFLICT_DATE
                                      : PX_CONFLICT_NUMBER;
}

static const char *detail_of(const px_quantity *q)
{
    return q->kind == PX_QTY_TALLY ? "tally" : q->unit;
}

/* Compare q (in mention mi) with the other mentions; push a conflict. */
static void compare_one(px_arena *a, const px_doc *const *docs, const px_alignment *al,
                        const px_fact *f, size_t mi, const px_quantity *q, void *vec)
{
    PX_VEC(px_conflict) *cs = vec;
    const px_mention *m = &f->mentions[mi];
    const char **values = px_arena_array(a, al->nsources, sizeof(char *));
    values[m->source] = qty_text(a, docs[m->source], q);
    size_t with = 1;
    bool diff = false;
    for (size_t j = 0; j < f->nmentions; j++) {
        const px_mention *o = &f->mentions[j];
        if (j == mi)
            continue;
        const px_quantity *oq = counterpart(docs[o->source], &al->claims[o->claim], q);
        if (!oq)
            continue;
        values[o->source] = qty_text(a, docs[o->source], oq);
        with++;
        diff = diff || differ(q, oq);
    }
    if (with >= 2 && diff) {
        px_conflict c = {kind_of(q), detail_of(q), values};
        px_vec_push(*cs, c);
    }
}

void px_align_conflicts(px_arena *a, const px_doc *const *docs, const px_alignment *al,
                        px_fact *f)
{
    PX_VEC(px_conflict) cs = {0};
    PX_VEC(const px_quantity *) done = {0};
    for (size_t mi = 0; mi < f->nmentions; mi++) {
        const px_mention *m = &f->mentions[mi];
        const px_doc *d = docs[m->source];
        const px_claim *c = &al->claims[m->claim];
        for (size_t qi = 0; qi < d->nqty; qi++) {
            const px_quantity *q = &d->qty[qi];
            if (q->sent != c->sent || q->start < c->start || q->end > c->end ||
                q->kind == PX_QTY_YEAR || q->kind == PX_QTY_TIME)
                continue;
            /* each kind of detail is compared once per fact */
            bool seen = false;
            for (size_t k = 0; k < done.n && !seen; k++)
                seen = same_detail(done.v[k], q);
            if (seen)
                continue;
            px_vec_push(done, q);
            compare_one(a, docs, al, f, mi, q, &cs);
        }
    }
    f->conflicts = px_arena_memdup(a, cs.v, cs.n * sizeof *cs.v);
    f->nconflicts = cs.n;
    px_vec_free(cs);
    px_vec_free(done);
}
