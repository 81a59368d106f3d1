/*
 * similarity.c — what two claims share, weighted by what carries meaning.
 *
 * A claim becomes a bag of terms: Snowball stems of its content words
 * (stopwords, punctuation and the attribution clause left out) and its
 * quantities by value ("two hours and one minute" and "121 minutes" give the
 * same term). Each term weighs by how rare it is — in the story's own
 * sentences and in a background frequency list (data/wordnet.tsv) — so
 * shared rare words, names and figures count more than common ones.
 *
 * The score aligns each term of one claim with its best match in the
 * other: the same term earns full credit, a WordNet synonym or derivation
 * (talk / speak, invade / invasion) most of it, a broader word (reporter /
 * journalist) less, the same kind of quantity with another value (6,000
 * gallons / 9,000 gallons) half. The weighted shares of both directions are
 * averaged; a negation on one side only, or an antonym pair (approve /
 * reject), lowers the score, since the claims then say opposite things.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "align/internal.h"

/* Credits and weights, tuned on graded news sentence pairs (STS news):
 * figures in the header comment of bench/compare.sh and the report of
 * issue 4. Within one story, a differing figure keeps half its credit and
 * an attribution's words 0.6 of their weight (tuned on our gold stories). */
#define STORY_QUANTITY 0.5
#define STORY_ATTRIBUTION 0.6f

typedef struct {
    double local;       /* share of the story's IDF in a term's weight */
    double synonym;     /* credit for a WordNet synonym or derivation */
    double broader;     /* credit for a direct hypernym */
    double quantity;    /* credit for the same kind of quantity, another value */
    double name;        /* weight factor of capitalised names */
    double negation;    /* score factor when one side only is negated */
    double antonym;     /* score factor for an antonym pair */
    double gamma;       /* calibration exponent */
    double attribution; /* weight factor of the attribution's words */
} params;

static params get_params(void)
{
    params p = {0.3, 0.9, 0.6, 0.0, 1.0, 0.9, 0.8, 1.0, 1.0};
    return p;
}

void px_vocab_init(px_vocab *v)
{
    memset(v, 0, sizeof *v);
    v->ids = px_map_new();
    v->arena = px_arena_new();
}

void px_vocab_free(px_vocab *v)
{
    px_map_free(v->ids);
    px_vec_free(v->df);
    px_vec_free(v->info);
    px_arena_free(v->arena);
}

static uint32_t term_id(px_vocab *v, const char *s, size_t n, px_term_kind kind, const char *slot)
{
    uintptr_t id;
    if (px_map_get(v->ids, s, n, &id))
        return (uint32_t)id;
    id = v->df.n;
    px_map_put(v->ids, s, n, id);
    px_vec_push(v->df, 0);
    px_term t = {kind, {0}, slot ? px_arena_strdup(v->arena, slot) : NULL};
    if (kind != PX_TERM_QTY)
        px_wn_lookup(v->arena, s, n, &t.wn);
    px_vec_push(v->info, t);
    v->ready = false;
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

static uint32_t quantity_term(px_vocab *v, const px_quantity *q)
{
    char slot[96], key[128];
    snprintf(slot, sizeof slot, "#%d", (int)q->kind);
    int n = snprintf(key, sizeof key, "%s:%.6g", slot, q->value);
    return term_id(v, key, (size_t)n, PX_TERM_QTY, slot);
}

/* "U.S.", "US" and "D.C.", "DC" are one term: an acronym's letters,
 * folded, without periods; "US" in capitals is no pronoun. Returns the
 * key's length (0: no acronym); *keep when the stopword list must not drop
 * it (dotted, or two capitals). */
static size_t acronym(const px_doc *d, const px_token *t, char *key, size_t size, bool *keep)
{
    size_t n = 0;
    bool dots = memchr(d->text + t->start, '.', t->end - t->start) != NULL;
    for (size_t k = t->start; k < t->end; k++) {
        char c = d->text[k];
        if (c == '.')
            continue;
        if (!(c >= 'A' && c <= 'Z') && !(dots && c >= 'a' && c <= 'z'))
            return 0;
        if (n + 1 >= size)
            return 0;
        key[n++] = (char)(c | 0x20);
    }
    *keep = dots || n == 2;
    return n >= 2 && n <= 5 ? n : 0;
}

static bool is_name(const px_token *t)
{
    return (t->flags & PX_TOK_CAPITAL) && !(t->flags & PX_TOK_SENTSTART);
}

typedef struct {
    uint32_t term;
    float mult;
} tm;

static int cmp_tm(const void *a, const void *b)
{
    const tm *x = a, *y = b;
    if (x->term != y->term)
        return x->term < y->term ? -1 : 1;
    return x->mult > y->mult ? -1 : (x->mult < y->mult);
}

/* Sorted unique terms, each with its largest multiplier. */
static px_bag make_bag(px_arena *a, tm *v, size_t n, uint32_t neg)
{
    if (n)
        qsort(v, n, sizeof *v, cmp_tm);
    px_bag b = {px_arena_array(a, n ? n : 1, sizeof(uint32_t)),
                px_arena_array(a, n ? n : 1, sizeof(float)),
                0,
                neg,
                NULL,
                0};
    for (size_t i = 0; i < n; i++)
        if (b.n == 0 || b.terms[b.n - 1] != v[i].term) {
            b.terms[b.n] = v[i].term;
            b.mult[b.n++] = v[i].mult;
        }
    return b;
}

px_bag px_claim_bag(px_arena *a, px_vocab *v, const px_doc *d, size_t tok, size_t ntok,
                    size_t skip_s, size_t skip_e, bool count_df)
{
    params p = get_params();
    PX_VEC(tm) ids = {0};
    long last_q = -1;
    uint32_t neg = 0;
    for (size_t k = tok; k < tok + ntok; k++) {
        const px_token *t = &d->toks[k];
        float attr = v->story ? STORY_ATTRIBUTION : (float)p.attribution;
        float mult = t->start >= skip_s && t->end <= skip_e ? attr : 1.0f;
        if (t->start >= d->dateline.start && t->end <= d->dateline.end)
            continue; /* "WASHINGTON —" says where it was filed, not what happened */
        if ((t->flags & PX_TOK_NEGATION) && !(t->flags & PX_TOK_QUOTED))
            neg++;
        long q = quantity_of(d, k);
        if (q >= 0) {
            if (q != last_q) {
                tm x = {quantity_term(v, &d->qty[q]), mult};
                px_vec_push(ids, x);
                last_q = q;
            }
            /* the counted noun still counts as a word below */
            if (!(t->flags & PX_TOK_WORD) || (t->flags & PX_TOK_STOP))
                continue;
            if (d->qty[q].kind != PX_QTY_COUNT)
                continue;
        }
        char key[64];
        bool keep = false;
        size_t kn = acronym(d, t, key, sizeof key, &keep);
        if (!(t->flags & (PX_TOK_WORD | PX_TOK_NUMBER)) || ((t->flags & PX_TOK_STOP) && !keep))
            continue;
        px_term_kind kind = is_name(t) ? PX_TERM_NAME : PX_TERM_WORD;
        tm x = {kn ? term_id(v, key, kn, kind, NULL)
                   : term_id(v, t->stem, strlen(t->stem), kind, NULL),
                mult};
        px_vec_push(ids, x);
    }
    px_bag b = make_bag(a, ids.v, ids.n, neg);
    if (count_df) {
        for (size_t i = 0; i < b.n; i++)
            v->df.v[b.terms[i]]++;
        v->docs++;
    }
    px_vec_free(ids);
    return b;
}

/* ---- weights and related terms ---- */

static double term_weight(const px_vocab *v, uint32_t t, const params *p)
{
    double n = (double)v->docs;
    double local = log((n + 1.0) / (v->df.v[t] + 0.5)) / log((n + 1.0) / 0.5);
    const px_term *ti = &v->info.v[t];
    double bg = 1.0;
    if (ti->kind != PX_TERM_QTY)
        bg = log(3001.0 / (ti->wn.count + 1.0)) / log(3001.0);
    if (bg < 0.05)
        bg = 0.05;
    double w = p->local * local + (1 - p->local) * bg;
    if (ti->kind == PX_TERM_NAME)
        w *= p->name;
    return w;
}

typedef struct {
    uint32_t concept, term;
    bool broad; /* a broader sense of term */
} cpair;

static int cmp_cpair(const void *x, const void *y)
{
    const cpair *a = x, *b = y;
    if (a->concept != b->concept)
        return (a->concept < b->concept) ? -1 : 1;
    if (a->broad != b->broad)
        return a->broad ? 1 : -1;
    return a->term < b->term ? -1 : (a->term > b->term);
}

typedef struct {
    uint32_t a, b;
    float credit;
} rpair;

static int cmp_rpair(const void *x, const void *y)
{
    const rpair *p = x, *q = y;
    if (p->a != q->a)
        return p->a < q->a ? -1 : 1;
    if (p->b != q->b)
        return p->b < q->b ? -1 : 1;
    return p->credit > q->credit ? -1 : (p->credit < q->credit);
}

typedef PX_VEC(rpair) rvec;

static void add_pair(rvec *r, uint32_t a, uint32_t b, double credit)
{
    if (a == b)
        return;
    rpair x = {a, b, (float)credit}, y = {b, a, (float)credit};
    px_vec_push(*r, x);
    px_vec_push(*r, y);
}

/* Pairs of terms sharing a WordNet sense (synonyms) or where one's sense is
 * the other's broader sense. */
static void wordnet_pairs(const px_vocab *v, const params *p, rvec *out)
{
    PX_VEC(cpair) cs = {0};
    for (uint32_t t = 0; t < v->info.n; t++) {
        const px_wn_entry *e = &v->info.v[t].wn;
        for (size_t i = 0; i < e->nsenses; i++) {
            cpair c = {e->senses[i], t, false};
            px_vec_push(cs, c);
        }
        for (size_t i = 0; i < e->nbroader; i++) {
            cpair c = {e->broader[i], t, true};
            px_vec_push(cs, c);
        }
    }
    if (cs.n)
        qsort(cs.v, cs.n, sizeof *cs.v, cmp_cpair);
    for (size_t i = 0; i < cs.n;) {
        size_t j = i;
        while (j < cs.n && cs.v[j].concept == cs.v[i].concept)
            j++;
        for (size_t x = i; x < j && !cs.v[x].broad; x++)
            for (size_t y = x + 1; y < j; y++)
                add_pair(out, cs.v[x].term, cs.v[y].term, cs.v[y].broad ? p->broader : p->synonym);
        i = j;
    }
    px_vec_free(cs);
}

static void quantity_pairs(const px_vocab *v, const params *p, rvec *out)
{
    PX_VEC(uint32_t) qs = {0};
    for (uint32_t t = 0; t < v->info.n; t++)
        if (v->info.v[t].kind == PX_TERM_QTY)
            px_vec_push(qs, t);
    double credit = v->story ? STORY_QUANTITY : p->quantity;
    for (size_t i = 0; i < qs.n && credit > 0; i++)
        for (size_t j = i + 1; j < qs.n; j++)
            if (strcmp(v->info.v[qs.v[i]].slot, v->info.v[qs.v[j]].slot) == 0)
                add_pair(out, qs.v[i], qs.v[j], credit);
    px_vec_free(qs);
}

/* Antonym pairs: a term whose antonym list names another term's stem. */
static void antonym_pairs(px_vocab *v)
{
    PX_VEC(uint32_t) at = {0}, list = {0};
    for (uint32_t t = 0; t < v->info.n; t++) {
        px_vec_push(at, (uint32_t)list.n);
        const char *s = v->info.v[t].wn.antonyms;
        while (s && *s) {
            const char *e = strchr(s, ',');
            size_t n = e ? (size_t)(e - s) : strlen(s);
            uintptr_t id;
            if (px_map_get(v->ids, s, n, &id))
                px_vec_push(list, (uint32_t)id);
            s = e ? e + 1 : s + n;
        }
    }
    px_vec_push(at, (uint32_t)list.n);
    v->anti_at = px_arena_array(v->arena, at.n, sizeof(size_t));
    for (size_t i = 0; i < at.n; i++)
        v->anti_at[i] = at.v[i];
    v->anti = px_arena_memdup(v->arena, list.v, list.n * sizeof *list.v);
    px_vec_free(at);
    px_vec_free(list);
}

void px_vocab_finish(px_vocab *v)
{
    if (v->ready)
        return;
    params p = get_params();
    size_t n = v->info.n;
    v->weight = px_arena_array(v->arena, n ? n : 1, sizeof(double));
    for (uint32_t t = 0; t < n; t++)
        v->weight[t] = term_weight(v, t, &p);
    rvec r = {0};
    wordnet_pairs(v, &p, &r);
    quantity_pairs(v, &p, &r);
    if (r.n)
        qsort(r.v, r.n, sizeof *r.v, cmp_rpair);
    v->rel_at = px_arena_array(v->arena, n + 1, sizeof(size_t));
    v->rel = px_arena_array(v->arena, r.n ? r.n : 1, sizeof(px_rel));
    size_t k = 0;
    for (size_t i = 0; i < r.n; i++) {
        if (i > 0 && r.v[i].a == r.v[i - 1].a && r.v[i].b == r.v[i - 1].b)
            continue; /* sorted best credit first */
        v->rel[k].term = r.v[i].b;
        v->rel[k].credit = r.v[i].credit;
        v->rel_at[r.v[i].a + 1] = ++k;
    }
    for (size_t t = 1; t <= n; t++)
        if (v->rel_at[t] < v->rel_at[t - 1])
            v->rel_at[t] = v->rel_at[t - 1];
    px_vec_free(r);
    antonym_pairs(v);
    v->ready = true;
}

/* ---- the score ---- */

static bool has(const px_bag *b, uint32_t t)
{
    return bsearch(&t, b->terms, b->n, sizeof *b->terms, cmp_u32) != NULL;
}

void px_bag_prepare(px_arena *a, const px_vocab *v, px_bag *b)
{
    b->w = px_arena_array(a, b->n ? b->n : 1, sizeof(double));
    b->total = 0;
    for (size_t i = 0; i < b->n; i++) {
        b->w[i] = v->weight[b->terms[i]] * b->mult[i];
        b->total += b->w[i];
    }
}

static double term_w(const px_vocab *v, const px_bag *b, size_t i)
{
    return b->w ? b->w[i] : v->weight[b->terms[i]] * b->mult[i];
}

/* Weighted share of x's terms found in y, with partial credit. Exact
 * matches by a merge of the two sorted lists; related terms by search. */
double px_bag_coverage(const px_vocab *v, const px_bag *x, const px_bag *y, bool *antonym)
{
    double got = 0, total = 0;
    size_t j = 0;
    for (size_t i = 0; i < x->n; i++) {
        uint32_t t = x->terms[i];
        double w = term_w(v, x, i), best = 0;
        total += w;
        while (j < y->n && y->terms[j] < t)
            j++;
        if (j < y->n && y->terms[j] == t) {
            got += w;
            continue;
        }
        for (size_t r = v->rel_at[t]; r < v->rel_at[t + 1]; r++)
            if (v->rel[r].credit > best && has(y, v->rel[r].term))
                best = v->rel[r].credit;
        got += w * best;
        for (size_t r = v->anti_at[t]; r < v->anti_at[t + 1]; r++)
            if (has(y, v->anti[r]))
                *antonym = true;
    }
    return total > 0 ? got / total : 0;
}

double px_sim_combine(const px_bag *x, const px_bag *y, double cxy, double cyx, bool antonym)
{
    params p = get_params();
    double s = (cxy + cyx) / 2;
    if ((x->negations > 0) != (y->negations > 0))
        s *= p.negation;
    if (antonym)
        s *= p.antonym;
    if (p.gamma != 1.0)
        s = pow(s, p.gamma);
    return s > 1 ? 1 : s;
}

double px_bag_similarity(const px_vocab *v, const px_bag *x, const px_bag *y)
{
    if (!x->n || !y->n)
        return 0;
    bool antonym = false;
    double cxy = px_bag_coverage(v, x, y, &antonym), cyx = px_bag_coverage(v, y, x, &antonym);
    return px_sim_combine(x, y, cxy, cyx, antonym);
}

/* ---- the standalone model for `parallax similar` ---- */

struct px_simmodel {
    px_text_ctx *ctx;
    px_arena *arena;
    px_vocab vocab;
    px_words words; /* word ids and counts for the pair features */
};

px_simmodel *px_simmodel_new(px_text_ctx *ctx)
{
    px_simmodel *m = px_xcalloc(1, sizeof *m);
    m->ctx = ctx;
    m->arena = px_arena_new();
    px_vocab_init(&m->vocab);
    px_words_init(&m->words);
    return m;
}

static px_bag bag_of(px_simmodel *m, px_arena *a, const char *s, size_t n, bool count,
                     px_claim_info *info)
{
    px_doc *d;
    size_t cl;
    char *clean = px_utf8_clean(a, s, n, &cl);
    if (px_text_analyze(a, m->ctx, NULL, clean, cl, &d, NULL) != PX_OK) {
        px_bag empty = {NULL, NULL, 0, 0, NULL, 0};
        if (info)
            memset(info, 0, sizeof *info);
        return empty;
    }
    if (info) {
        /* the whole text as one claim, with no place in an article */
        px_claim c = {0, 0, 0, d->len, 0, d->ntoks};
        px_claim_info_make(a, &m->words, d, &c, count, info);
        info->share = 0;
        info->lead = false;
    }
    size_t skip_s = 0, skip_e = 0;
    if (d->nattrs) {
        skip_s = d->attrs[0].start;
        skip_e = d->attrs[0].end;
    }
    return px_claim_bag(a, &m->vocab, d, 0, d->ntoks, skip_s, skip_e, count);
}

void px_simmodel_add(px_simmodel *m, const char *s, size_t n)
{
    px_arena *tmp = px_arena_new();
    px_claim_info info;
    bag_of(m, tmp, s, n, true, &info);
    px_arena_free(tmp);
}

double px_simmodel_score(px_simmodel *m, const char *a, size_t alen, const char *b, size_t blen)
{
    px_arena *tmp = px_arena_new();
    px_bag x = bag_of(m, tmp, a, alen, false, NULL);
    px_bag y = bag_of(m, tmp, b, blen, false, NULL);
    px_vocab_finish(&m->vocab);
    double s = px_bag_similarity(&m->vocab, &x, &y);
    px_arena_free(tmp);
    return s;
}

void px_simmodel_features(px_simmodel *m, const char *a, size_t alen, const char *b, size_t blen,
                          double *f)
{
    px_arena *tmp = px_arena_new();
    px_claim_info ix, iy;
    px_bag x = bag_of(m, tmp, a, alen, false, &ix);
    px_bag y = bag_of(m, tmp, b, blen, false, &iy);
    px_vocab_finish(&m->vocab);
    px_bag_prepare(tmp, &m->vocab, &x);
    px_bag_prepare(tmp, &m->vocab, &y);
    double s = px_bag_similarity(&m->vocab, &x, &y);
    px_pair_features(&m->vocab, &m->words, &x, &y, &ix, &iy, s, f);
    /* a pair on its own: each is the other's best and only partner */
    f[PX_F_BEST_MIN] = f[PX_F_BEST_MAX] = 1;
    f[PX_F_MARGIN_MIN] = f[PX_F_MARGIN_MAX] = s;
    px_arena_free(tmp);
}

double px_simmodel_probability(px_simmodel *m, const px_align_model *model, const char *a,
                               size_t alen, const char *b, size_t blen)
{
    if (!model)
        model = px_align_model_builtin();
    if (!model)
        return 0;
    double f[PX_NFEATURES];
    px_simmodel_features(m, a, alen, b, blen, f);
    return px_model_similar(model, f);
}

double px_simmodel_threshold(const px_simmodel *m)
{
    (void)m;
    return 0.5; /* a probability: more likely the same claim than not */
}

void px_simmodel_free(px_simmodel *m)
{
    if (!m)
        return;
    px_vocab_free(&m->vocab);
    px_words_free(&m->words);
    px_arena_free(m->arena);
    free(m);
}
