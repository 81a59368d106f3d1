/*
 * align.c — claims of N outlets matched into facts.
 *
 * Every body sentence of every outlet is a claim (its attribution clause
 * set aside). For every pair of outlets, claims are scored against each
 * other; links above the threshold are then merged strongest first into
 * groups that never hold two claims of one outlet, so an early weak match
 * cannot steal a claim from a better one. Each group is a fact; claims no
 * other outlet shares stay as single-outlet facts. Within a fact, quantities
 * of the same kind and unit that differ between outlets are conflicts.
 *
 * Deterministic: links are sorted by score, then by outlet and sentence
 * indexes, so the same input gives the same facts in the same order.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "align/internal.h"

void px_align_defaults(px_align_opts *o)
{
    o->threshold = PX_ALIGN_THRESHOLD;
}

const px_mention *px_fact_mention(const px_fact *f, uint32_t source)
{
    for (size_t i = 0; i < f->nmentions; i++)
        if (f->mentions[i].source == source)
            return &f->mentions[i];
    return NULL;
}

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

/* Union-find groups that track which sources they hold. */
typedef struct {
    uint32_t *parent;
    uint64_t *sources; /* bit set per root (PX_MAX_SOURCES ≤ 64) */
} groups;

static uint32_t root(groups *g, uint32_t x)
{
    while (g->parent[x] != x) {
        g->parent[x] = g->parent[g->parent[x]];
        x = g->parent[x];
    }
    return x;
}

/* The attribution clause of sentence s, if any. */
static void attribution_of(const px_doc *d, uint32_t s, size_t *as, size_t *ae)
{
    *as = *ae = 0;
    for (size_t i = 0; i < d->nattrs; i++)
        if (d->attrs[i].sent == s) {
            *as = d->attrs[i].start;
            *ae = d->attrs[i].end;
            return;
        }
}

typedef struct {
    size_t first; /* smallest claim index: order of appearance */
    size_t carriers;
    uint32_t root;
} factkey;

static int cmp_fact(const void *x, const void *y)
{
    const factkey *p = x, *q = y;
    if (p->carriers != q->carriers)
        return p->carriers > q->carriers ? -1 : 1;
    return p->first < q->first ? -1 : (p->first > q->first);
}

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
static void find_conflicts(px_arena *a, const px_doc *const *docs, const px_alignment *al,
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

px_status px_align_story(px_arena *a, const px_doc *const *docs, size_t ndocs,
                         const px_align_opts *o, px_alignment *out, px_error *err)
{
    memset(out, 0, sizeof *out);
    if (ndocs > 64)
        return px_error_set(err, PX_ELIMIT, NULL, 0, "at most 64 sources in one story");
    px_align_opts defaults;
    if (!o) {
        px_align_defaults(&defaults);
        o = &defaults;
    }
    out->nsources = ndocs;
    out->threshold = o->threshold;
    /* claims: body sentences */
    PX_VEC(px_claim) claims = {0};
    for (uint32_t s = 0; s < ndocs; s++)
        for (uint32_t k = 0; k < docs[s]->nsents; k++) {
            const px_sentence *se = &docs[s]->sents[k];
            if (se->headline)
                continue;
            px_claim c = {s, k, se->start, se->end, se->tok, se->ntok};
            px_vec_push(claims, c);
        }
    size_t nc = claims.n;
    px_vocab voc;
    px_vocab_init(&voc);
    voc.story = true;
    px_bag *bags = px_xcalloc(nc ? nc : 1, sizeof *bags);
    for (size_t i = 0; i < nc; i++) {
        size_t as, ae;
        attribution_of(docs[claims.v[i].source], claims.v[i].sent, &as, &ae);
        bags[i] = px_claim_bag(a, &voc, docs[claims.v[i].source], claims.v[i].tok,
                                    claims.v[i].ntok, as, ae, true);
    }
    px_vocab_finish(&voc);
    /* links between claims of different outlets */
    PX_VEC(link) links = {0};
    for (size_t i = 0; i < nc; i++)
        for (size_t j = i + 1; j < nc; j++) {
            if (claims.v[i].source == claims.v[j].source)
                continue;
            double s = px_bag_similarity(&voc, &bags[i], &bags[j]);
            if (s >= o->threshold) {
                link l = {s, (uint32_t)i, (uint32_t)j};
                px_vec_push(links, l);
            }
        }
    if (links.n)
        qsort(links.v, links.n, sizeof *links.v, cmp_link);
    groups g = {px_xcalloc(nc ? nc : 1, sizeof(uint32_t)), px_xcalloc(nc ? nc : 1, sizeof(uint64_t))};
    for (size_t i = 0; i < nc; i++) {
        g.parent[i] = (uint32_t)i;
        g.sources[i] = 1ULL << claims.v[i].source;
    }
    for (size_t l = 0; l < links.n; l++) {
        uint32_t ra = root(&g, links.v[l].a), rb = root(&g, links.v[l].b);
        if (ra == rb || (g.sources[ra] & g.sources[rb]))
            continue;
        uint32_t lo = ra < rb ? ra : rb, hi = ra < rb ? rb : ra;
        g.parent[hi] = lo;
        g.sources[lo] |= g.sources[hi];
    }
    /* facts: one per root, ordered by carriers then first appearance */
    factkey *keys = px_xcalloc(nc ? nc : 1, sizeof *keys);
    size_t nf = 0;
    for (size_t i = 0; i < nc; i++)
        if (root(&g, (uint32_t)i) == i) {
            keys[nf].first = i;
            keys[nf].carriers = (size_t)__builtin_popcountll(g.sources[i]);
            keys[nf].root = (uint32_t)i;
            nf++;
        }
    qsort(keys, nf, sizeof *keys, cmp_fact);
    out->claims = px_arena_memdup(a, claims.v, nc * sizeof *claims.v);
    out->nclaims = nc;
    out->facts = px_arena_array(a, nf, sizeof(px_fact));
    out->nfacts = nf;
    for (size_t f = 0; f < nf; f++) {
        px_fact *fact = &out->facts[f];
        size_t cnt = keys[f].carriers;
        fact->mentions = px_arena_array(a, cnt, sizeof(px_mention));
        for (size_t i = 0; i < nc; i++) {
            if (root(&g, (uint32_t)i) != keys[f].root)
                continue;
            px_mention *m = &fact->mentions[fact->nmentions++];
            m->source = claims.v[i].source;
            m->sent = claims.v[i].sent;
            m->claim = (uint32_t)i;
            m->quoted = docs[m->source]->sents[m->sent].quoted > 0.5;
        }
        /* representative: the claim most similar to the others */
        double best = -1;
        for (size_t i = 0; i < fact->nmentions; i++) {
            double sum = 0;
            for (size_t j = 0; j < fact->nmentions; j++)
                if (i != j)
                    sum += px_bag_similarity(&voc, &bags[fact->mentions[i].claim],
                                             &bags[fact->mentions[j].claim]);
            if (sum > best) {
                best = sum;
                fact->rep = i;
            }
        }
        for (size_t i = 0; i < fact->nmentions; i++)
            fact->mentions[i].score =
                i == fact->rep ? 1.0
                               : px_bag_similarity(&voc, &bags[fact->mentions[i].claim],
                                                   &bags[fact->mentions[fact->rep].claim]);
        find_conflicts(a, docs, out, fact);
    }
    free(keys);
    free(g.parent);
    free(g.sources);
    px_vec_free(links);
    free(bags);
    px_vocab_free(&voc);
    px_vec_free(claims);
    return PX_OK;
}
