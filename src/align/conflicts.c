/*
 * conflicts.c — details on which the outlets of one fact disagree.
 *
 * Each member of a fact states some values: counts of a thing, durations,
 * dates and years, money, percentages, tallies (the text stage's
 * quantities), and vague amounts ("a handful of protesters", "hundreds").
 * Every value becomes a range: "21" is 21, "about two hours" 108–132
 * minutes, "more than two hours" above 120, "nearly 9,000" 8,100–9,000,
 * "under 50" up to 50, "hundreds" 200–1,999. Two members' values are the
 * same detail only when they are of one kind and count one thing: a count
 * of the same noun; money or a date with a word around it in common (two
 * for dates); a duration or a percentage with a word in common or as the
 * only value of its kind in both sentences; a tally. They conflict when their ranges do not
 * meet: "over 20 years" and "21 years" agree, "about two hours" and "more
 * than two hours" agree, "6-3" and "seven to two" do not, and neither do
 * "a handful of protesters" and "hundreds of protesters". Only members
 * linked directly and surely (at the link probability) are compared: a
 * conflict between two sentences that are not the same claim would be
 * noise.
 */
#include <math.h>
#include <string.h>

#include "align/internal.h"

/* A value as a range, with what it counts and the words around it. */
typedef struct {
    px_qty_kind kind;
    const char *unit; /* counted noun or currency (folded), or NULL */
    double lo, hi;
    size_t start, end;  /* its wording in the doc text */
    const char *ctx[6]; /* stems of the content words around it */
    size_t nctx;
    const char *object; /* the noun right after it ("a $43,000 watch"), or NULL */
} value;

typedef PX_VEC(value) valuevec;

/* Vague amounts and the ranges they stand for. */
static const struct {
    const char *first, *second; /* "a handful", "dozens" (second NULL) */
    double lo, hi;
} vague[] = {
    {"a", "couple", 2, 3},
    {"a", "few", 2, 9},
    {"a", "handful", 2, 10},
    {"several", NULL, 3, 12},
    {"dozens", NULL, 24, 199},
    {"scores", NULL, 40, 199},
    {"hundreds", NULL, 200, 1999},
    {"thousands", NULL, 2000, 19999},
    {"millions", NULL, 2e6, 1.999e9},
};

static bool is_word(const px_token *t, const char *w)
{
    return (t->flags & PX_TOK_WORD) && strcmp(t->fold, w) == 0;
}

static bool content(const px_token *t)
{
    return (t->flags & PX_TOK_WORD) && !(t->flags & (PX_TOK_STOP | PX_TOK_NUMBER));
}

/* Plural and singular of a counted noun compare equal. */
static bool same_noun(const char *a, const char *b)
{
    if (!a || !b)
        return false;
    size_t na = strlen(a), nb = strlen(b);
    if (na > 3 && a[na - 1] == 's')
        na--;
    if (nb > 3 && b[nb - 1] == 's')
        nb--;
    return na == nb && strncmp(a, b, na) == 0;
}

/* The stems of up to three content words on each side of tokens [i, j),
 * within the claim [lo, hi). */
static void context(const px_doc *d, size_t lo, size_t hi, size_t i, size_t j, value *v)
{
    v->nctx = 0;
    for (size_t k = i, n = 0; k > lo && n < 3; k--)
        if (content(&d->toks[k - 1])) {
            v->ctx[v->nctx++] = d->toks[k - 1].stem;
            n++;
        }
    for (size_t k = j, n = 0; k < hi && n < 3; k++)
        if (content(&d->toks[k])) {
            v->ctx[v->nctx++] = d->toks[k].stem;
            n++;
        }
}

static size_t token_at(const px_doc *d, size_t lo, size_t hi, size_t byte)
{
    for (size_t k = lo; k < hi; k++)
        if (d->toks[k].end > byte)
            return k;
    return hi;
}

/* A quantity's range from its value and hedge. */
static void range_of(const px_doc *d, const px_quantity *q, size_t first, value *v)
{
    double x = q->value;
    v->lo = v->hi = x;
    if (!q->approx)
        return;
    if (q->bound > 0) {
        v->hi = INFINITY;
    } else if (q->bound < 0) {
        const px_token *h = &d->toks[first];
        bool near = is_word(h, "nearly") || is_word(h, "almost") || is_word(h, "close") ||
                    is_word(h, "just");
        v->lo = near ? 0.9 * x : -INFINITY;
    } else {
        double w = fabs(x) * 0.1;
        v->lo = x - w;
        v->hi = x + w;
    }
}

static void add_quantities(const px_doc *d, const px_claim *c, valuevec *out)
{
    for (size_t k = 0; k < d->nqty; k++) {
        const px_quantity *q = &d->qty[k];
        if (q->sent != c->sent || q->start < c->start || q->end > c->end || q->kind == PX_QTY_TIME)
            continue;
        value v = {q->kind, q->unit, 0, 0, q->start, q->end, {0}, 0, NULL};
        size_t i = token_at(d, c->tok, c->tok + c->ntok, q->start);
        size_t j = token_at(d, c->tok, c->tok + c->ntok, q->end);
        range_of(d, q, i, &v);
        context(d, c->tok, c->tok + c->ntok, i, j, &v);
        if (j < c->tok + c->ntok && content(&d->toks[j]))
            v.object = d->toks[j].stem;
        px_vec_push(*out, v);
    }
}

/* Vague amounts: "a handful of protesters", "hundreds of people",
 * "dozens were hurt" (no noun). */
static void add_vague(const px_doc *d, const px_claim *c, valuevec *out)
{
    size_t lo = c->tok, hi = c->tok + c->ntok;
    for (size_t k = lo; k < hi; k++)
        for (size_t w = 0; w < sizeof vague / sizeof *vague; w++) {
            size_t end = k + 1;
            if (!is_word(&d->toks[k], vague[w].first))
                continue;
            if (vague[w].second) {
                if (end >= hi || !is_word(&d->toks[end], vague[w].second))
                    continue;
                end++;
            }
            if (end < hi && is_word(&d->toks[end], "of"))
                end++;
            const char *noun = end < hi && content(&d->toks[end]) ? d->toks[end].fold : NULL;
            value v = {PX_QTY_COUNT,
                       noun,
                       vague[w].lo,
                       vague[w].hi,
                       d->toks[k].start,
                       d->toks[noun ? end : end - 1].end,
                       {0},
                       0,
                       NULL};
            context(d, lo, hi, k, noun ? end + 1 : end, &v);
            px_vec_push(*out, v);
        }
}

static size_t of_kind(const valuevec *vs, px_qty_kind kind)
{
    size_t n = 0;
    for (size_t i = 0; i < vs->n; i++)
        n += vs->v[i].kind == kind;
    return n;
}

/* Words around x and y in common. */
static size_t shared_context(const value *x, const value *y)
{
    size_t n = 0;
    for (size_t i = 0; i < x->nctx; i++)
        for (size_t j = 0; j < y->nctx; j++)
            if (strcmp(x->ctx[i], y->ctx[j]) == 0) {
                n++;
                break;
            }
    return n;
}

static bool share_context(const value *x, const value *y)
{
    return shared_context(x, y) > 0;
}

/* Does the claim of doc d hold a word that is this noun? */
static bool claim_names(const px_doc *d, const px_claim *c, const char *noun)
{
    for (size_t k = c->tok; noun && k < c->tok + c->ntok; k++)
        if ((d->toks[k].flags & PX_TOK_WORD) && same_noun(d->toks[k].fold, noun))
            return true;
    return false;
}

typedef struct {
    const px_doc *d;
    const px_claim *c;
    valuevec vals;
} side;

/* Are x (of side a) and y (of side b) the same detail? */
static bool same_detail(const side *a, const value *x, const side *b, const value *y)
{
    if (x->kind != y->kind)
        return false;
    switch (x->kind) {
    case PX_QTY_COUNT:
        if (x->unit && y->unit)
            return same_noun(x->unit, y->unit);
        if (x->unit)
            return of_kind(&b->vals, y->kind) == 1 && claim_names(b->d, b->c, x->unit) &&
                   share_context(x, y);
        if (y->unit)
            return of_kind(&a->vals, x->kind) == 1 && claim_names(a->d, a->c, y->unit) &&
                   share_context(x, y);
        return share_context(x, y) && of_kind(&a->vals, x->kind) == 1 &&
               of_kind(&b->vals, y->kind) == 1;
    case PX_QTY_TALLY: return true;
    case PX_QTY_MONEY: /* sums of money are of many things: a word in common,
                        * and the price of a named thing only against the same */
        if (x->unit && y->unit && strcmp(x->unit, y->unit) != 0)
            return false;
        if ((x->object || y->object) &&
            !(x->object && y->object && strcmp(x->object, y->object) == 0))
            return false;
        return share_context(x, y);
    case PX_QTY_DURATION:
    case PX_QTY_PERCENT:
        return share_context(x, y) ||
               (of_kind(&a->vals, x->kind) == 1 && of_kind(&b->vals, y->kind) == 1);
    default: /* dates and years: a story names many; only with two words
              * around them in common ("opens in 2027" / "opens in 2028") */
        return shared_context(x, y) >= 2;
    }
}

static bool disjoint(const value *x, const value *y)
{
    double eps = 1e-9 * (fabs(x->lo) > 1 ? fabs(x->lo) : 1);
    return x->hi + eps < y->lo || y->hi + eps < x->lo;
}

static px_conflict_kind kind_of(px_qty_kind k)
{
    return k == PX_QTY_DURATION                   ? PX_CONFLICT_DURATION
           : k == PX_QTY_DATE || k == PX_QTY_YEAR ? PX_CONFLICT_DATE
                                                  : PX_CONFLICT_NUMBER;
}

static const char *wording(px_arena *a, const px_doc *d, const value *v)
{
    return px_arena_strndup(a, d->text + v->start, v->end - v->start);
}

typedef PX_VEC(px_conflict) conflictvec;

/* Record that x (source sa) and y (source sb) disagree: into the fact's
 * conflict on that detail, or a new one. */
static void record(px_arena *a, const px_alignment *al, conflictvec *cs, const side *sd,
                   uint32_t sa, const value *x, uint32_t sb, const value *y)
{
    const char *detail = x->kind == PX_QTY_TALLY ? "tally" : x->unit ? x->unit : y->unit;
    for (size_t k = 0; k < cs->n; k++) {
        px_conflict *c = &cs->v[k];
        if (c->kind != kind_of(x->kind) || !c->detail != !detail ||
            (detail && strcmp(c->detail, detail) != 0))
            continue;
        if (!c->values[sa])
            c->values[sa] = wording(a, sd[0].d, x);
        if (!c->values[sb])
            c->values[sb] = wording(a, sd[1].d, y);
        return;
    }
    px_conflict c = {kind_of(x->kind), detail,
                     px_arena_array(a, al->nsources ? al->nsources : 1, sizeof(char *))};
    c.values[sa] = wording(a, sd[0].d, x);
    c.values[sb] = wording(a, sd[1].d, y);
    px_vec_push(*cs, c);
}

/* Does side s state a value of x's kind that agrees with x? Then x is
 * accounted for, and a differing value beside it is another detail. */
static bool agreed(const side *s, const value *x)
{
    for (size_t i = 0; i < s->vals.n; i++)
        if (s->vals.v[i].kind == x->kind && !disjoint(&s->vals.v[i], x))
            return true;
    return false;
}

static void compare_pair(px_arena *a, const px_alignment *al, conflictvec *cs, side *sd,
                         uint32_t sa, uint32_t sb)
{
    for (size_t i = 0; i < sd[0].vals.n; i++)
        for (size_t j = 0; j < sd[1].vals.n; j++) {
            const value *x = &sd[0].vals.v[i], *y = &sd[1].vals.v[j];
            if (same_detail(&sd[0], x, &sd[1], y) && disjoint(x, y) && !agreed(&sd[1], x) &&
                !agreed(&sd[0], y))
                record(a, al, cs, sd, sa, x, sb, y);
        }
}

static void values_of(const px_doc *const *docs, const px_alignment *al, const px_mention *m,
                      side *s)
{
    s->d = docs[m->source];
    s->c = &al->claims[m->claim];
    s->vals.n = 0;
    add_quantities(s->d, s->c, &s->vals);
    add_vague(s->d, s->c, &s->vals);
}

void px_align_conflicts(px_arena *a, const px_doc *const *docs, const px_alignment *al, px_fact *f)
{
    conflictvec cs = {0};
    if (f->nmentions < 2) {
        f->conflicts = NULL;
        f->nconflicts = 0;
        return;
    }
    side *sd = px_xcalloc(f->nmentions, sizeof *sd);
    for (size_t i = 0; i < f->nmentions; i++)
        values_of(docs, al, &f->mentions[i], &sd[i]);
    for (size_t i = 0; i < f->nmentions; i++)
        for (size_t j = i + 1; j < f->nmentions; j++) {
            const px_mention *mi = &f->mentions[i], *mj = &f->mentions[j];
            if (!sd[i].vals.n || !sd[j].vals.n ||
                px_align_pair_p(al, mi->claim, mj->claim) < al->threshold)
                continue;
            side pair[2] = {sd[i], sd[j]};
            compare_pair(a, al, &cs, pair, mi->source, mj->source);
        }
    for (size_t i = 0; i < f->nmentions; i++)
        px_vec_free(sd[i].vals);
    free(sd);
    f->conflicts = px_arena_memdup(a, cs.v, cs.n * sizeof *cs.v);
    f->nconflicts = cs.n;
    px_vec_free(cs);
}
