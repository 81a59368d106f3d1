/*
 * similarity.c — what two claims share, weighted by what carries meaning.
 *
 * A claim becomes a bag of terms: Snowball stems of its content words
 * (stopwords, punctuation and the attribution clause left out) and the
 * values of its quantities ("two hours and one minute" and "121 minutes"
 * give the same term). Terms are weighted by inverse document frequency
 * over the story's sentences, so rare shared words and names count more than
 * common ones. The score is the IDF-weighted cosine of the two bags.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "align/internal.h"

void px_vocab_init(px_vocab *v)
{
    memset(v, 0, sizeof *v);
    v->ids = px_map_new();
}

void px_vocab_free(px_vocab *v)
{
    px_map_free(v->ids);
    px_vec_free(v->df);
}

static uint32_t term_id(px_vocab *v, const char *s, size_t n)
{
    uintptr_t id;
    if (px_map_get(v->ids, s, n, &id))
        return (uint32_t)id;
    id = v->df.n;
    px_map_put(v->ids, s, n, id);
    px_vec_push(v->df, 0);
    return (uint32_t)id;
}

static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

/* Is token k covered by a quantity? Returns its index or -1. */
static long quantity_of(const px_doc *d, size_t k)
{
    const px_token *t = &d->toks[k];
    size_t lo = 0, hi = d->nqty;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (d->qty[mid].end <= t->start)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < d->nqty && d->qty[lo].start <= t->start && t->end <= d->qty[lo].end)
        return (long)lo;
    return -1;
}

px_bag px_claim_features(px_arena *a, px_vocab *v, const px_doc *d, size_t tok, size_t ntok,
                         size_t skip_s, size_t skip_e, bool count_df)
{
    PX_VEC(uint32_t) ids = {0};
    long last_q = -1;
    for (size_t k = tok; k < tok + ntok; k++) {
        const px_token *t = &d->toks[k];
        if (t->start >= skip_s && t->end <= skip_e)
            continue;
        long q = quantity_of(d, k);
        if (q >= 0) {
            if (q != last_q) {
                const px_quantity *qt = &d->qty[q];
                char key[64];
                int n = snprintf(key, sizeof key, "#%d:%g", (int)qt->kind, qt->value);
                px_vec_push(ids, term_id(v, key, (size_t)n));
                last_q = q;
            }
            /* the counted noun still counts as a word below */
            if (!(t->flags & PX_TOK_WORD) || (t->flags & PX_TOK_STOP))
                continue;
            if (d->qty[q].kind != PX_QTY_COUNT)
                continue;
        }
        if (!(t->flags & (PX_TOK_WORD | PX_TOK_NUMBER)) || (t->flags & PX_TOK_STOP))
            continue;
        px_vec_push(ids, term_id(v, t->stem, strlen(t->stem)));
    }
    if (ids.n)
        qsort(ids.v, ids.n, sizeof *ids.v, cmp_u32);
    size_t u = 0;
    for (size_t i = 0; i < ids.n; i++)
        if (u == 0 || ids.v[u - 1] != ids.v[i])
            ids.v[u++] = ids.v[i];
    px_bag b = {px_arena_memdup(a, ids.v, u * sizeof *ids.v), u};
    if (count_df) {
        for (size_t i = 0; i < u; i++)
            v->df.v[b.terms[i]]++;
        v->docs++;
    }
    px_vec_free(ids);
    return b;
}

static double weight(const px_vocab *v, uint32_t t)
{
    double df = t < v->df.n ? v->df.v[t] : 0;
    return log(1.0 + ((double)v->docs + 1.0) / (df + 1.0));
}

double px_bag_similarity(const px_vocab *v, const px_bag *x, const px_bag *y)
{
    double shared = 0, nx = 0, ny = 0;
    size_t i = 0, j = 0;
    for (size_t k = 0; k < x->n; k++) {
        double w = weight(v, x->terms[k]);
        nx += w * w;
    }
    for (size_t k = 0; k < y->n; k++) {
        double w = weight(v, y->terms[k]);
        ny += w * w;
    }
    while (i < x->n && j < y->n) {
        if (x->terms[i] == y->terms[j]) {
            double w = weight(v, x->terms[i]);
            shared += w * w;
            i++, j++;
        } else if (x->terms[i] < y->terms[j]) {
            i++;
        } else {
            j++;
        }
    }
    if (nx == 0 || ny == 0)
        return 0;
    double s = shared / sqrt(nx * ny);
    return s > 1 ? 1 : s;
}

/* ---- the standalone model for `parallax similar` ---- */

struct px_simmodel {
    px_text_ctx *ctx;
    px_arena *arena;
    px_vocab vocab;
};

px_simmodel *px_simmodel_new(px_text_ctx *ctx)
{
    px_simmodel *m = px_xcalloc(1, sizeof *m);
    m->ctx = ctx;
    m->arena = px_arena_new();
    px_vocab_init(&m->vocab);
    return m;
}

static px_bag bag_of(px_simmodel *m, px_arena *a, const char *s, size_t n, bool count)
{
    px_doc *d;
    size_t cl;
    char *clean = px_utf8_clean(a, s, n, &cl);
    if (px_text_analyze(a, m->ctx, NULL, clean, cl, &d, NULL) != PX_OK) {
        px_bag empty = {NULL, 0};
        return empty;
    }
    size_t skip_s = 0, skip_e = 0;
    if (d->nattrs) {
        skip_s = d->attrs[0].start;
        skip_e = d->attrs[0].end;
    }
    return px_claim_features(a, &m->vocab, d, 0, d->ntoks, skip_s, skip_e, count);
}

void px_simmodel_add(px_simmodel *m, const char *s, size_t n)
{
    bag_of(m, m->arena, s, n, true);
}

double px_simmodel_score(px_simmodel *m, const char *a, size_t alen, const char *b, size_t blen)
{
    px_arena *tmp = px_arena_new();
    px_bag x = bag_of(m, tmp, a, alen, false);
    px_bag y = bag_of(m, tmp, b, blen, false);
    double s = px_bag_similarity(&m->vocab, &x, &y);
    px_arena_free(tmp);
    return s;
}

double px_simmodel_threshold(const px_simmodel *m)
{
    (void)m;
    return PX_ALIGN_THRESHOLD;
}

void px_simmodel_free(px_simmodel *m)
{
    if (!m)
        return;
    px_vocab_free(&m->vocab);
    px_arena_free(m->arena);
    free(m);
}
