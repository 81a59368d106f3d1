/*
 * align.c — sentences of N outlets scored pair by pair, then grouped into
 * facts (group.c).
 *
 * Every body sentence of every outlet is a claim. Its terms (similarity.c)
 * give every pair of claims of two outlets a similarity in one sweep
 * (simmatrix.c); each pair that shares anything gets its features
 * (features.c) and the pair stage of the learned model (model.c) turns them
 * into a probability. The story stage then weighs that probability against
 * the pair's rivals: is it each sentence's best partner in the other
 * outlet and by how much, are the sentences beside them linked too. The
 * result is one probability per pair (px_link), from which group.c builds
 * the facts.
 *
 * Deterministic: pairs are visited in claim order and every choice is
 * ordered by probability, then by claim index.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "align/internal.h"

/* Pairs less similar than this share too little to be the same claim
 * (3 % of the labelled same-claim pairs fall below it, none of which the
 * model would link); they are not scored. */
#define SIM_FLOOR 0.05
/* Content words outside its attribution a sentence needs to be linked. */
#define MIN_OWN 2

void px_align_defaults(px_align_opts *o)
{
    o->threshold = 0;
    o->keep_features = false;
    o->model = NULL;
}

const px_mention *px_fact_mention(const px_fact *f, uint32_t source)
{
    for (size_t i = 0; i < f->nmentions; i++)
        if (f->mentions[i].source == source)
            return &f->mentions[i];
    return NULL;
}

px_verdict px_fact_verdict(const px_alignment *al, const px_fact *f, uint32_t source)
{
    if (px_fact_mention(f, source))
        return PX_CARRIES;
    if (f->confidence >= al->confident && f->carry && f->carry[source] < al->omits)
        return PX_OMITS;
    return PX_NOT_SHOWN;
}

double px_align_pair_p(const px_alignment *al, uint32_t a, uint32_t b)
{
    if (a == b)
        return 1;
    uint32_t lo = a < b ? a : b, hi = a < b ? b : a;
    size_t l = 0, h = al->nlinks;
    while (l < h) {
        size_t mid = (l + h) / 2;
        const px_link *k = &al->links[mid];
        if (k->a < lo || (k->a == lo && k->b < hi))
            l = mid + 1;
        else
            h = mid;
    }
    return l < al->nlinks && al->links[l].a == lo && al->links[l].b == hi ? al->links[l].p : 0;
}

const char *const *px_align_feature_names(size_t *n)
{
    *n = PX_NFEATURES;
    return px_feature_names;
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

typedef PX_VEC(px_claim) claimvec;

static void make_claims(const px_doc *const *docs, size_t ndocs, claimvec *out)
{
    for (uint32_t s = 0; s < ndocs; s++)
        for (uint32_t k = 0; k < docs[s]->nsents; k++) {
            const px_sentence *se = &docs[s]->sents[k];
            if (se->headline)
                continue;
            px_claim c = {s, k, se->start, se->end, se->tok, se->ntok};
            px_vec_push(*out, c);
        }
}

typedef struct {
    px_arena *a;
    const px_doc *const *docs;
    const px_claim *claims;
    size_t nc;
    px_vocab voc;
    px_bag *bags;
    uint32_t *source;
} state;

/* Best and second-best value of each claim towards each outlet. */
typedef struct {
    size_t ns;
    double *best, *second;
} rivals;

static void rivals_add(rivals *r, size_t at, double v)
{
    if (v > r->best[at]) {
        r->second[at] = r->best[at];
        r->best[at] = v;
    } else if (v > r->second[at]) {
        r->second[at] = v;
    }
}

static rivals rivals_of(const px_link *links, size_t nl, const uint32_t *source, size_t nc,
                        size_t ns, bool by_sim)
{
    rivals r = {ns, px_xcalloc(nc * ns + 1, sizeof(double)), px_xcalloc(nc * ns + 1, 8)};
    for (size_t k = 0; k < nl; k++) {
        double v = by_sim ? links[k].sim : links[k].p;
        rivals_add(&r, (size_t)links[k].a * ns + source[links[k].b], v);
        rivals_add(&r, (size_t)links[k].b * ns + source[links[k].a], v);
    }
    return r;
}

/* Is v the best at slot i, and its margin over the best other. */
static void place_among(const rivals *r, size_t i, double v, double *top, double *gap)
{
    bool is_top = v >= r->best[i];
    *top = is_top;
    *gap = v - (is_top ? r->second[i] : r->best[i]);
}

static void rivals_free(rivals *r)
{
    free(r->best);
    free(r->second);
}

/* Index of link (a, b), a < b, in links sorted by (a, b); -1 if absent. */
static long find_link(const px_link *links, size_t nl, uint32_t a, uint32_t b)
{
    size_t lo = 0, hi = nl;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        const px_link *l = &links[mid];
        if (l->a < a || (l->a == a && l->b < b))
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < nl && links[lo].a == a && links[lo].b == b ? (long)lo : -1;
}

/* Pair-stage probability of claims x and y (any order), 0 if no link. */
static double p1_of(const px_link *links, size_t nl, const double *p1, size_t nc, long x, long y)
{
    if (x < 0 || y < 0 || (size_t)x >= nc || (size_t)y >= nc || x == y)
        return 0;
    long k = x < y ? find_link(links, nl, (uint32_t)x, (uint32_t)y)
                   : find_link(links, nl, (uint32_t)y, (uint32_t)x);
    return k < 0 ? 0 : p1[k];
}

/* Claims are numbered outlet by outlet in sentence order, so claim c ± 1
 * is the sentence beside c when it belongs to the same outlet. */
static long beside(const uint32_t *source, size_t nc, uint32_t c, int d)
{
    long k = (long)c + d;
    if (k < 0 || (size_t)k >= nc || source[k] != source[c])
        return -1;
    return k;
}

static double max2(double a, double b)
{
    return a > b ? a : b;
}

/* The story stage: each pair's pair-stage probability among its rivals. */
static void story_stage(state *st, const px_align_model *m, px_link *links, size_t nl, size_t ns)
{
    double *p1 = px_xcalloc(nl + 1, sizeof *p1);
    for (size_t k = 0; k < nl; k++)
        p1[k] = links[k].p;
    rivals r = rivals_of(links, nl, st->source, st->nc, ns, false);
    for (size_t k = 0; k < nl; k++) {
        px_link *l = &links[k];
        double g[PX_NSTORY], q = p1[k];
        double qc = q < 1e-6 ? 1e-6 : q > 1 - 1e-6 ? 1 - 1e-6 : q;
        g[PX_S_LOGIT] = log(qc / (1 - qc));
        double ta, tb, ga, gb;
        place_among(&r, (size_t)l->a * ns + st->source[l->b], q, &ta, &ga);
        place_among(&r, (size_t)l->b * ns + st->source[l->a], q, &tb, &gb);
        g[PX_S_TOP_MIN] = ta < tb ? ta : tb;
        g[PX_S_TOP_MAX] = ta < tb ? tb : ta;
        g[PX_S_GAP_MIN] = ga < gb ? ga : gb;
        g[PX_S_GAP_MAX] = ga < gb ? gb : ga;
        g[PX_S_MUTUAL] = ta > 0 && tb > 0;
        long a0 = beside(st->source, st->nc, l->a, -1), a1 = beside(st->source, st->nc, l->a, 1);
        long b0 = beside(st->source, st->nc, l->b, -1), b1 = beside(st->source, st->nc, l->b, 1);
        /* neighbours strengthen a link, they never make one: times q */
        g[PX_S_DIAG] =
            q * max2(p1_of(links, nl, p1, st->nc, a0, b0), p1_of(links, nl, p1, st->nc, a1, b1));
        g[PX_S_SIDE] = q * max2(max2(p1_of(links, nl, p1, st->nc, a0, l->b),
                                     p1_of(links, nl, p1, st->nc, a1, l->b)),
                                max2(p1_of(links, nl, p1, st->nc, l->a, b0),
                                     p1_of(links, nl, p1, st->nc, l->a, b1)));
        l->p = px_model_story(m, g);
    }
    rivals_free(&r);
    free(p1);
}

/* Context by similarity (part of the pair features): is the pair each
 * side's most similar partner in the other outlet, and by how much. */
static void sim_context(const state *st, const rivals *r, const px_link *l, double *f)
{
    size_t ns = r->ns;
    double ba, bb, ma, mb;
    place_among(r, (size_t)l->a * ns + st->source[l->b], l->sim, &ba, &ma);
    place_among(r, (size_t)l->b * ns + st->source[l->a], l->sim, &bb, &mb);
    f[PX_F_BEST_MIN] = ba < bb ? ba : bb;
    f[PX_F_BEST_MAX] = ba < bb ? bb : ba;
    f[PX_F_MARGIN_MIN] = ma < mb ? ma : mb;
    f[PX_F_MARGIN_MAX] = ma < mb ? mb : ma;
}

/* Each claim keeps its TOP_K most similar partners in every other outlet;
 * a pair is scored when either side keeps it. Enough for a sentence that
 * states two facts another outlet tells apart, and it bounds the pairs by
 * claims × outlets × TOP_K rather than claims squared. */
#define TOP_K 3

typedef struct {
    size_t ns;
    double *val; /* per claim, outlet, rank */
    uint32_t *idx;
} topk;

static void topk_offer(topk *t, uint32_t x, uint32_t src, uint32_t y, double s)
{
    double *v = t->val + ((size_t)x * t->ns + src) * TOP_K;
    uint32_t *ix = t->idx + ((size_t)x * t->ns + src) * TOP_K;
    int k = TOP_K;
    while (k > 0 && s > v[k - 1])
        k--;
    if (k == TOP_K)
        return;
    for (int j = TOP_K - 1; j > k; j--) {
        v[j] = v[j - 1];
        ix[j] = ix[j - 1];
    }
    v[k] = s;
    ix[k] = y;
}

static int cmp_link_ab(const void *x, const void *y)
{
    const px_link *p = x, *q = y;
    if (p->a != q->a)
        return p->a < q->a ? -1 : 1;
    return p->b < q->b ? -1 : (p->b > q->b);
}

typedef PX_VEC(px_link) linkvec;

static void candidates(const state *st, const double *sim, size_t ns, linkvec *out)
{
    size_t nc = st->nc;
    topk t = {ns, px_xcalloc(nc * ns * TOP_K + 1, sizeof(double)),
              px_xcalloc(nc * ns * TOP_K + 1, sizeof(uint32_t))};
    for (size_t i = 0; i < nc * ns * TOP_K; i++)
        t.val[i] = -1;
    for (uint32_t x = 0; x < nc; x++)
        for (uint32_t y = x + 1; y < nc; y++) {
            if (st->source[x] == st->source[y])
                continue;
            double s = sim ? sim[(size_t)x * nc + y]
                           : px_bag_similarity(&st->voc, &st->bags[x], &st->bags[y]);
            if (s < SIM_FLOOR)
                continue;
            topk_offer(&t, x, st->source[y], y, s);
            topk_offer(&t, y, st->source[x], x, s);
        }
    for (uint32_t x = 0; x < nc; x++)
        for (size_t k = 0; k < ns * TOP_K; k++) {
            size_t at = (size_t)x * ns * TOP_K + k;
            if (t.val[at] < 0)
                continue;
            uint32_t y = t.idx[at];
            px_link l = {x < y ? x : y, x < y ? y : x, t.val[at], 0, NULL};
            px_vec_push(*out, l);
        }
    if (out->n)
        qsort(out->v, out->n, sizeof *out->v, cmp_link_ab);
    size_t w = 0;
    for (size_t i = 0; i < out->n; i++)
        if (w == 0 || out->v[i].a != out->v[w - 1].a || out->v[i].b != out->v[w - 1].b)
            out->v[w++] = out->v[i];
    out->n = w;
    free(t.val);
    free(t.idx);
}

/* The candidate pairs of claims of two outlets, with their features and
 * probability. */
static void score_links(state *st, const double *sim, const px_align_model *m, size_t ns, bool keep,
                        px_alignment *out)
{
    size_t nc = st->nc;
    linkvec links = {0};
    candidates(st, sim, ns, &links);
    px_words words;
    px_words_init(&words);
    px_claim_info *info = px_xcalloc(nc + 1, sizeof *info);
    for (size_t i = 0; i < nc; i++)
        px_claim_info_make(st->a, &words, st->docs[st->source[i]], &st->claims[i], true, &info[i]);
    px_words_finish(&words);
    px_words_export(st->a, &words, out);
    rivals r = rivals_of(links.v, links.n, st->source, nc, ns, true);
    double *kept = keep ? px_arena_array(st->a, links.n * PX_NFEATURES + 1, sizeof *kept) : NULL;
    for (size_t k = 0; k < links.n; k++) {
        px_link *l = &links.v[k];
        double buf[PX_NFEATURES], *f = kept ? kept + k * PX_NFEATURES : buf;
        px_pair_features(&st->voc, &words, &st->bags[l->a], &st->bags[l->b], &info[l->a],
                         &info[l->b], l->sim, f);
        sim_context(st, &r, l, f);
        l->p = px_model_pair(m, f);
        l->features = kept ? f : NULL;
    }
    rivals_free(&r);
    story_stage(st, m, links.v, links.n, ns);
    /* a fragment or a bare attribution ("Trump said.", 'The FBI responded:
     * "Mr.') states nothing of its own: it never makes a link */
    for (size_t k = 0; k < links.n; k++)
        if (info[links.v[k].a].own < MIN_OWN || info[links.v[k].b].own < MIN_OWN)
            links.v[k].p = 0;
    out->links = px_arena_memdup(st->a, links.v, links.n * sizeof *links.v);
    out->nlinks = links.n;
    free(info);
    px_words_free(&words);
    px_vec_free(links);
}

/* Each outlet's headline as a bag (empty when it has none); headlines
 * are not claims and add nothing to the word statistics. */
static px_bag *headline_bags(px_arena *a, px_vocab *v, const px_doc *const *docs, size_t n)
{
    px_bag *h = px_xcalloc(n + 1, sizeof *h);
    for (size_t s = 0; s < n; s++) {
        const px_doc *d = docs[s];
        if (d->nsents && d->sents[0].headline)
            h[s] = px_claim_bag(a, v, d, d->sents[0].tok, d->sents[0].ntok, 0, 0, false);
    }
    return h;
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
    const px_align_model *m = o->model ? o->model : px_align_model_builtin();
    if (!m)
        return px_error_set(err, PX_EINPUT, "align-model.tsv", 0,
                            "the built-in alignment model does not parse");
    out->nsources = ndocs;
    out->threshold = o->threshold > 0 ? o->threshold : m->param[PX_PARAM_LINK];
    out->confident = m->param[PX_PARAM_CONFIDENT];
    out->omits = m->param[PX_PARAM_OMITS];
    claimvec claims = {0};
    make_claims(docs, ndocs, &claims);
    size_t nc = claims.n;
    state st = {a, docs, claims.v, nc, {0}, NULL, NULL};
    px_vocab_init(&st.voc);
    st.voc.story = true;
    st.bags = px_xcalloc(nc + 1, sizeof *st.bags);
    st.source = px_xcalloc(nc + 1, sizeof *st.source);
    for (size_t i = 0; i < nc; i++) {
        const px_claim *c = &claims.v[i];
        size_t as, ae;
        attribution_of(docs[c->source], c->sent, &as, &ae);
        st.bags[i] = px_claim_bag(a, &st.voc, docs[c->source], c->tok, c->ntok, as, ae, true);
        st.source[i] = c->source;
    }
    px_bag *heads = headline_bags(a, &st.voc, docs, ndocs);
    px_vocab_finish(&st.voc);
    for (size_t i = 0; i < nc; i++)
        px_bag_prepare(a, &st.voc, &st.bags[i]);
    double *sim = px_sim_matrix(&st.voc, st.bags, st.source, nc);
    score_links(&st, sim, m, ndocs, o->keep_features, out);
    free(sim);
    out->claims = px_arena_memdup(a, claims.v, nc * sizeof *claims.v);
    out->nclaims = nc;
    px_align_build(a, docs, m, out);
    px_prominence_in pi = {docs, &st.voc, st.bags, heads, PX_ALIGN_THRESHOLD};
    px_align_prominence(&pi, out);
    free(heads);
    free(st.source);
    free(st.bags);
    px_vocab_free(&st.voc);
    px_vec_free(claims);
    return PX_OK;
}
