/*
 * conflicts.c — details on which the outlets of one fact disagree.
 *
 * Within a fact, each outlet's claim states some quantities (numbers,
 * durations, dates, money, tallies). Quantities of the same kind — and for
 * plain counts the same counted noun — are compared across outlets; when
 * their values (or their bounds: "more than two hours" against "about two
 * hours") differ, the fact records a conflict with each outlet's wording.
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
    return x->kind == PX_QTY_DURATION || x->kind == PX_QTY_MONEY || x->kind == PX_QTY_PERCENT ||
           x->kind == PX_QTY_DATE;
}

/* Conflicts within fact f: for each quantity of the representative's kind,
 * the other outlets' quantity of the same kind (and unit) in their claim. */
void px_align_conflicts(px_arena *a, const px_doc *const *docs, const px_alignment *al,
                           px_fact *f)
{
    PX_VEC(px_conflict) cs = {0};
    PX_VEC(const px_quantity *) done = {0};
    size_t ns = al->nsources;
    for (size_t mi = 0; mi < f->nmentions; mi++) {
        const px_mention *m = &f->mentions[mi];
        const px_doc *d = docs[m->source];
        for (size_t qi = 0; qi < d->nqty; qi++) {
            const px_quantity *q = &d->qty[qi];
            if (q->sent != m->sent || q->kind == PX_QTY_YEAR || q->kind == PX_QTY_TIME)
                continue;
            /* each kind of detail (kind and unit) is compared once */
            bool seen = false;
            for (size_t c = 0; c < done.n && !seen; c++)
                seen = same_detail(done.v[c], q);
            if (seen)
                continue;
            px_vec_push(done, q);
            const char **values = px_arena_array(a, ns, sizeof(char *));
            size_t with = 0;
            bool differ = false;
            values[m->source] = qty_text(a, d, q);
            with++;
            for (size_t mj = 0; mj < f->nmentions; mj++) {
                const px_mention *o = &f->mentions[mj];
                if (o->source == m->source)
                    continue;
                const px_doc *od = docs[o->source];
                for (size_t qj = 0; qj < od->nqty; qj++) {
                    const px_quantity *oq = &od->qty[qj];
                    if (oq->sent != o->sent || !same_detail(q, oq))
                        continue;
                    values[o->source] = qty_text(a, od, oq);
                    with++;
                    if (fabs(oq->value - q->value) > 1e-9 || oq->approx != q->approx ||
                        oq->bound != q->bound)
                        differ = true;
                    break;
                }
            }
            if (with >= 2 && differ) {
                px_conflict c = {q->kind == PX_QTY_DURATION ? PX_CONFLICT_DURATION
                                 : q->kind == PX_QTY_DATE   ? PX_CONFLICT_DATE
                                                            : PX_CONFLICT_NUMBER,
                                 q->unit, values};
                px_vec_push(cs, c);
            }
        }
    }
    f->conflicts = px_arena_memdup(a, cs.v, cs.n * sizeof *cs.v);
    f->nconflicts = cs.n;
    px_vec_free(cs);
    px_vec_free(done);
}

