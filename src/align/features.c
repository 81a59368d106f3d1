/*
 * features.c — what a pair of claims has in common, as numbers a learned
 * model weighs (model.c).
 *
 * Each claim is described once (px_claim_info): its words in order, which
 * of them are quoted, its content terms in order, its names, the speaker of
 * its attribution, its length, its place in the article. A pair of claims
 * then gets a fixed vector of interpretable features (px_pair_features):
 * the weighted term similarity of similarity.c and its two coverages,
 * IDF-weighted overlap of exact terms, shared and missing names, shared and
 * differing figures, the longest run of words both state (a shared quote),
 * bigram overlap, plain word precision and recall, lengths, a fragment or
 * bare attribution, same or different speaker, position, quotation and
 * negation. The names in px_feature_names are the ones a model file uses.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "align/internal.h"

const char *const px_feature_names[PX_NFEATURES] = {
    "sim",         "cov_min",      "cov_max",      "jaccard",        "shared",     "shared_rare",
    "name_shared", "name_jaccard", "name_missing", "qty_shared",     "qty_differ", "run",
    "run_quoted",  "bigram",       "word_p",       "word_r",         "len_min",    "len_max",
    "len_ratio",   "fragment",     "speaker_same", "speaker_differ", "pos_min",    "pos_diff",
    "lead_both",   "quoted_min",   "quoted_max",   "negation",       "best_min",   "best_max",
    "margin_min",  "margin_max",   "local_min",    "local_max",      "name_local", "near_names",
    "action_min",  "action_max",
};

int px_feature_index(const char *name, size_t n)
{
    for (int i = 0; i < PX_NFEATURES; i++)
        if (strlen(px_feature_names[i]) == n && !memcmp(px_feature_names[i], name, n))
            return i;
    return -1;
}

static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

/* Sort and drop repeats; returns the new length. */
static size_t uniq(uint32_t *v, size_t n)
{
    if (n < 2)
        return n;
    qsort(v, n, sizeof *v, cmp_u32);
    size_t k = 1;
    for (size_t i = 1; i < n; i++)
        if (v[i] != v[k - 1])
            v[k++] = v[i];
    return k;
}

void px_words_init(px_words *w)
{
    memset(w, 0, sizeof *w);
    w->ids = px_map_new();
    px_vec_push(w->df, 0); /* ids start at 1 */
}

void px_words_free(px_words *w)
{
    px_map_free(w->ids);
    px_vec_free(w->df);
    free(w->idf);
}

static uint32_t word_id(px_words *w, const char *s)
{
    uintptr_t id;
    size_t n = strlen(s);
    if (px_map_get(w->ids, s, n, &id))
        return (uint32_t)id;
    id = w->df.n;
    px_map_put(w->ids, s, n, id);
    px_vec_push(w->df, 0);
    return (uint32_t)id;
}

/* How telling a word is within the claims compared: 1 for a word no other
 * claim holds, near 0 for one every claim holds. */
static double idf_of(double n, double df)
{
    if (n < 1)
        return 1;
    double v = log((n + 1) / (df + 0.5)) / log((n + 1) / 0.5);
    return v < 0 ? 0 : v;
}

void px_words_finish(px_words *w)
{
    free(w->idf);
    w->idf = px_xcalloc(w->df.n + 1, sizeof *w->idf);
    for (size_t i = 0; i < w->df.n; i++)
        w->idf[i] = idf_of((double)w->docs, (double)w->df.v[i]);
    w->nidf = w->df.n;
}

static double local_idf(const px_words *w, uint32_t id)
{
    if (id < w->nidf)
        return w->idf[id];
    return idf_of((double)w->docs, id < w->df.n ? (double)w->df.v[id] : 0);
}

typedef struct {
    const char *word;
    double weight;
} weighted;

static int cmp_weighted(const void *a, const void *b)
{
    return strcmp(((const weighted *)a)->word, ((const weighted *)b)->word);
}

/* Only the words counted in a claim's df (content words) are kept: the
 * others were never weighed by the story. */
void px_words_export(px_arena *a, const px_words *w, px_alignment *al)
{
    size_t n = px_map_count(w->ids), k = 0, i = 0;
    weighted *v = px_xcalloc(n + 1, sizeof *v);
    const char *key;
    size_t len;
    uintptr_t id;
    while (px_map_next(w->ids, &i, &key, &len, &id))
        if (id < w->df.n && w->df.v[id] > 0)
            v[k++] = (weighted){px_arena_strndup(a, key, len), local_idf(w, (uint32_t)id)};
    if (k)
        qsort(v, k, sizeof *v, cmp_weighted);
    al->words = px_arena_array(a, k + 1, sizeof *al->words);
    al->word_weights = px_arena_array(a, k + 1, sizeof *al->word_weights);
    for (size_t j = 0; j < k; j++) {
        al->words[j] = v[j].word;
        al->word_weights[j] = v[j].weight;
    }
    al->nwords = k;
    free(v);
}

double px_align_word_weight(const px_alignment *al, const char *stem)
{
    size_t lo = 0, hi = al->nwords;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = strcmp(al->words[mid], stem);
        if (c == 0)
            return al->word_weights[mid];
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return 1; /* a word no claim holds tells the most */
}

static bool in_span(const px_token *t, size_t s, size_t e)
{
    return s < e && t->start >= s && t->end <= e;
}

/* Is token k inside one of the doc's name spans? */
static bool in_name(const px_doc *d, const px_token *t)
{
    size_t lo = 0, hi = d->nnames;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (d->names[mid].end <= t->start)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < d->nnames && d->names[lo].start <= t->start && t->end <= d->names[lo].end;
}

static const px_attribution *attribution_of(const px_doc *d, uint32_t sent)
{
    for (size_t i = 0; i < d->nattrs; i++)
        if (d->attrs[i].sent == sent)
            return &d->attrs[i];
    return NULL;
}

/* Name ids of sentence k of d, appended to out[*n..]. */
static void sentence_names(px_words *words, const px_doc *d, uint32_t k, uint32_t *out, size_t *n)
{
    const px_sentence *se = &d->sents[k];
    for (size_t t = se->tok; t < se->tok + se->ntok; t++) {
        const px_token *tk = &d->toks[t];
        if ((tk->flags & PX_TOK_WORD) && !(tk->flags & PX_TOK_STOP) && in_name(d, tk))
            out[(*n)++] = word_id(words, tk->stem);
    }
}

/* The names of the claim's sentence and of the sentences beside it in the
 * same paragraph. */
static void near_names(px_arena *a, px_words *words, const px_doc *d, const px_claim *c,
                       px_claim_info *out)
{
    size_t cap = 0;
    uint32_t lo = c->sent;
    uint32_t hi = lo;
    if (lo > 0 && !d->sents[lo - 1].headline && d->sents[lo - 1].para == d->sents[c->sent].para)
        lo--;
    if (hi + 1 < d->nsents && d->sents[hi + 1].para == d->sents[c->sent].para)
        hi++;
    for (uint32_t k = lo; k <= hi; k++)
        cap += d->sents[k].ntok;
    out->near_names = px_arena_array(a, cap ? cap : 1, sizeof(uint32_t));
    out->nnear = 0;
    for (uint32_t k = lo; k <= hi; k++)
        sentence_names(words, d, k, out->near_names, &out->nnear);
    out->nnear = uniq(out->near_names, out->nnear);
}

void px_claim_info_make(px_arena *a, px_words *words, const px_doc *d, const px_claim *c,
                        bool count, px_claim_info *out)
{
    memset(out, 0, sizeof *out);
    size_t n = c->ntok ? c->ntok : 1;
    out->words = px_arena_array(a, n, sizeof(uint32_t));
    out->quoted_word = px_arena_array(a, n, 1);
    out->content = px_arena_array(a, n, sizeof(uint32_t));
    out->names = px_arena_array(a, n, sizeof(uint32_t));
    out->speaker = px_arena_array(a, n, sizeof(uint32_t));
    const px_attribution *at = attribution_of(d, c->sent);
    size_t as = at ? at->start : 0, ae = at ? at->end : 0;
    size_t qbytes = 0, bytes = 0;
    for (size_t k = c->tok; k < c->tok + c->ntok; k++) {
        const px_token *t = &d->toks[k];
        if (in_span(t, d->dateline.start, d->dateline.end))
            continue;
        if (!(t->flags & (PX_TOK_WORD | PX_TOK_NUMBER)))
            continue;
        uint32_t id = word_id(words, t->stem);
        bool q = (t->flags & PX_TOK_QUOTED) != 0;
        out->words[out->nwords] = id;
        out->quoted_word[out->nwords++] = q;
        bytes += t->end - t->start;
        qbytes += q ? t->end - t->start : 0;
        if (t->flags & PX_TOK_STOP)
            continue;
        out->content[out->ncontent++] = id;
        if (!in_span(t, as, ae))
            out->own++;
        if (in_name(d, t))
            out->names[out->nnames++] = id;
        if (at && in_span(t, at->speaker_start, at->speaker_end))
            out->speaker[out->nspeaker++] = id;
    }
    out->nnames = uniq(out->names, out->nnames);
    out->nspeaker = uniq(out->speaker, out->nspeaker);
    out->sorted = px_arena_memdup(a, out->words, (out->nwords ? out->nwords : 1) * 4);
    out->idpos = px_arena_array(a, out->nwords ? out->nwords : 1, sizeof(uint64_t));
    for (size_t i = 0; i < out->nwords; i++)
        out->idpos[i] = (uint64_t)out->words[i] << 32 | i;
    if (out->nwords) {
        qsort(out->sorted, out->nwords, sizeof *out->sorted, cmp_u32);
        qsort(out->idpos, out->nwords, sizeof *out->idpos, cmp_u64);
    }
    for (size_t i = 0; i < out->nwords; i++)
        out->nquoted += out->quoted_word[i];
    out->uniq = px_arena_memdup(a, out->content, (out->ncontent ? out->ncontent : 1) * 4);
    out->nuniq = uniq(out->uniq, out->ncontent);
    near_names(a, words, d, c, out);
    if (count) {
        for (size_t i = 0; i < out->nuniq; i++)
            words->df.v[out->uniq[i]]++;
        words->docs++;
    }
    out->quoted = bytes ? (double)qbytes / (double)bytes : 0;
    uint32_t first = d->nsents && d->sents[0].headline ? 1 : 0;
    uint32_t total = (uint32_t)d->nsents - first;
    out->share = total > 1 ? (double)(c->sent - first) / (double)(total - 1) : 0;
    out->lead = c->sent - first < 2;
}

/* Size of the intersection of two sorted unique lists. */
static size_t common(const uint32_t *x, size_t nx, const uint32_t *y, size_t ny)
{
    size_t i = 0, j = 0, n = 0;
    while (i < nx && j < ny) {
        if (x[i] == y[j])
            n++, i++, j++;
        else if (x[i] < y[j])
            i++;
        else
            j++;
    }
    return n;
}

/* Longest run of equal words in x and y; with quoted, only runs whose
 * words are quoted on both sides count. Positions of equal words come
 * from merging the claims' (word, position) lists, and a run is followed
 * forward only from where it starts, so the cost follows the words the two
 * share rather than the product of their lengths. */
static size_t longest_run(const px_claim_info *x, const px_claim_info *y, bool quoted)
{
    size_t best = 0, i = 0, j = 0;
    while (i < x->nwords && j < y->nwords) {
        uint32_t wx = (uint32_t)(x->idpos[i] >> 32), wy = (uint32_t)(y->idpos[j] >> 32);
        if (wx != wy) {
            if (wx < wy)
                i++;
            else
                j++;
            continue;
        }
        size_t ie = i, je = j;
        while (ie < x->nwords && (uint32_t)(x->idpos[ie] >> 32) == wx)
            ie++;
        while (je < y->nwords && (uint32_t)(y->idpos[je] >> 32) == wx)
            je++;
        for (size_t a = i; a < ie; a++)
            for (size_t b = j; b < je; b++) {
                size_t pa = (uint32_t)x->idpos[a], pb = (uint32_t)y->idpos[b];
                /* a run starts where the words before differ */
                if (pa > 0 && pb > 0 && x->words[pa - 1] == y->words[pb - 1] &&
                    (!quoted || (x->quoted_word[pa - 1] && y->quoted_word[pb - 1])))
                    continue;
                size_t n = 0;
                while (pa + n < x->nwords && pb + n < y->nwords &&
                       x->words[pa + n] == y->words[pb + n] &&
                       (!quoted || (x->quoted_word[pa + n] && y->quoted_word[pb + n])))
                    n++;
                best = n > best ? n : best;
            }
        i = ie;
        j = je;
    }
    return best;
}

/* Dice overlap of the bigrams of two id sequences. */
static double bigram_dice(const uint32_t *x, size_t nx, const uint32_t *y, size_t ny)
{
    if (nx < 2 || ny < 2)
        return 0;
    size_t hit = 0;
    for (size_t i = 0; i + 1 < nx; i++)
        for (size_t j = 0; j + 1 < ny; j++)
            if (x[i] == y[j] && x[i + 1] == y[j + 1]) {
                hit++;
                break;
            }
    return 2.0 * (double)hit / (double)(nx - 1 + ny - 1);
}

/* Words two sorted multisets share (clipped). */
static size_t shared_words(const uint32_t *sx, size_t nx, const uint32_t *sy, size_t ny)
{
    size_t i = 0, j = 0, hit = 0;
    while (i < nx && j < ny) {
        if (sx[i] == sy[j])
            hit++, i++, j++;
        else if (sx[i] < sy[j])
            i++;
        else
            j++;
    }
    return hit;
}

/* Exact-term overlaps of two prepared bags: IDF-weighted Jaccard, the
 * number of shared terms, of shared rare terms, of shared and differing
 * quantities. */
static void term_overlap(const px_vocab *v, const px_bag *x, const px_bag *y, double *f)
{
    double inter = 0, uni = 0;
    size_t i = 0, j = 0, shared = 0, rare = 0, qshared = 0;
    while (i < x->n || j < y->n) {
        if (j >= y->n || (i < x->n && x->terms[i] < y->terms[j])) {
            uni += x->w[i++];
        } else if (i >= x->n || y->terms[j] < x->terms[i]) {
            uni += y->w[j++];
        } else {
            double w = x->w[i] > y->w[j] ? x->w[i] : y->w[j];
            inter += w;
            uni += w;
            shared++;
            rare += v->weight[x->terms[i]] >= 0.6;
            qshared += v->info.v[x->terms[i]].kind == PX_TERM_QTY;
            i++, j++;
        }
    }
    /* differing quantities: a kind on both sides with no shared value */
    size_t differ = 0;
    for (i = 0; i < x->n; i++) {
        const px_term *tx = &v->info.v[x->terms[i]];
        if (tx->kind != PX_TERM_QTY)
            continue;
        bool other = false, same = false;
        for (j = 0; j < y->n; j++) {
            const px_term *ty = &v->info.v[y->terms[j]];
            if (ty->kind != PX_TERM_QTY || strcmp(tx->slot, ty->slot) != 0)
                continue;
            other = true;
            same = same || x->terms[i] == y->terms[j];
        }
        differ += other && !same;
    }
    f[PX_F_JACCARD] = uni > 0 ? inter / uni : 0;
    f[PX_F_SHARED] = log1p((double)(shared - qshared));
    f[PX_F_SHARED_RARE] = log1p((double)rare);
    f[PX_F_QTY_SHARED] = (double)qshared;
    f[PX_F_QTY_DIFFER] = (double)differ;
}

/* Local-IDF weight of the ids of x also in y, and of all of x's. */
static void local_weights(const px_words *w, const uint32_t *x, size_t nx, const uint32_t *y,
                          size_t ny, double *shared, double *all)
{
    size_t i = 0, j = 0;
    *shared = *all = 0;
    for (; i < nx; i++) {
        double v = local_idf(w, x[i]);
        *all += v;
        while (j < ny && y[j] < x[i])
            j++;
        if (j < ny && y[j] == x[i])
            *shared += v;
    }
}

/* As local_weights over x's content words that are no names (of x). */
static void action_weights(const px_words *w, const px_claim_info *x, const px_claim_info *y,
                           double *shared, double *all)
{
    size_t j = 0, k = 0;
    *shared = *all = 0;
    for (size_t i = 0; i < x->nuniq; i++) {
        uint32_t id = x->uniq[i];
        while (k < x->nnames && x->names[k] < id)
            k++;
        if (k < x->nnames && x->names[k] == id)
            continue;
        double v = local_idf(w, id);
        *all += v;
        while (j < y->nuniq && y->uniq[j] < id)
            j++;
        if (j < y->nuniq && y->uniq[j] == id)
            *shared += v;
    }
}

/* Exact content words weighted by how rare they are in the story alone:
 * the two coverages; and the same Jaccard for names, of the sentence and
 * of its neighbours. */
static void local_overlap(const px_words *w, const px_claim_info *x, const px_claim_info *y,
                          double *f)
{
    double sx, ax, sy, ay;
    local_weights(w, x->uniq, x->nuniq, y->uniq, y->nuniq, &sx, &ax);
    local_weights(w, y->uniq, y->nuniq, x->uniq, x->nuniq, &sy, &ay);
    double cx = ax > 0 ? sx / ax : 0, cy = ay > 0 ? sy / ay : 0;
    f[PX_F_LOCAL_MIN] = cx < cy ? cx : cy;
    f[PX_F_LOCAL_MAX] = cx < cy ? cy : cx;
    local_weights(w, x->names, x->nnames, y->names, y->nnames, &sx, &ax);
    local_weights(w, y->names, y->nnames, x->names, x->nnames, &sy, &ay);
    f[PX_F_NAME_LOCAL] = ax + ay - sx > 0 ? sx / (ax + ay - sx) : 0;
    local_weights(w, x->near_names, x->nnear, y->near_names, y->nnear, &sx, &ax);
    local_weights(w, y->near_names, y->nnear, x->near_names, x->nnear, &sy, &ay);
    f[PX_F_NEAR_NAMES] = ax + ay - sx > 0 ? sx / (ax + ay - sx) : 0; /* × sim below */
    /* what is done or said, not who: the words that are no names */
    action_weights(w, x, y, &sx, &ax);
    action_weights(w, y, x, &sy, &ay);
    cx = ax > 0 ? sx / ax : 0;
    cy = ay > 0 ? sy / ay : 0;
    f[PX_F_ACTION_MIN] = cx < cy ? cx : cy;
    f[PX_F_ACTION_MAX] = cx < cy ? cy : cx;
}

static void name_overlap(const px_claim_info *x, const px_claim_info *y, double *f)
{
    size_t c = common(x->names, x->nnames, y->names, y->nnames);
    size_t u = x->nnames + y->nnames - c;
    f[PX_F_NAME_SHARED] = log1p((double)c);
    f[PX_F_NAME_JACCARD] = u ? (double)c / (double)u : 0;
    /* the larger share of one side's names the other lacks */
    double mx = x->nnames ? (double)(x->nnames - c) / (double)x->nnames : 0;
    double my = y->nnames ? (double)(y->nnames - c) / (double)y->nnames : 0;
    f[PX_F_NAME_MISSING] = mx > my ? mx : my;
}

void px_pair_features(const px_vocab *v, const px_words *w, const px_bag *bx, const px_bag *by,
                      const px_claim_info *x, const px_claim_info *y, double sim, double *f)
{
    memset(f, 0, PX_NFEATURES * sizeof *f);
    bool anti = false;
    double cxy = 0, cyx = 0;
    if (bx->n && by->n) {
        cxy = px_bag_coverage(v, bx, by, &anti);
        cyx = px_bag_coverage(v, by, bx, &anti);
    }
    f[PX_F_SIM] = sim;
    f[PX_F_COV_MIN] = cxy < cyx ? cxy : cyx;
    f[PX_F_COV_MAX] = cxy < cyx ? cyx : cxy;
    term_overlap(v, bx, by, f);
    name_overlap(x, y, f);
    local_overlap(w, x, y, f);
    /* who is near counts only as far as the sentences themselves agree: in
     * a short article every sentence is near the same names */
    f[PX_F_NEAR_NAMES] *= sim;
    /* the longest run of words both state (a shared quote): a run needs
     * two shared words, so pairs sharing fewer skip the table */
    size_t hit = shared_words(x->sorted, x->nwords, y->sorted, y->nwords);
    size_t run = hit < 2 ? hit : longest_run(x, y, false);
    f[PX_F_RUN] = log1p((double)run);
    if (run > 0 && x->nquoted && y->nquoted)
        f[PX_F_RUN_QUOTED] = log1p((double)longest_run(x, y, true));
    f[PX_F_BIGRAM] = bigram_dice(x->content, x->ncontent, y->content, y->ncontent);
    double px = x->nwords ? (double)hit / (double)x->nwords : 0;
    double py = y->nwords ? (double)hit / (double)y->nwords : 0;
    f[PX_F_WORD_P] = px < py ? px : py;
    f[PX_F_WORD_R] = px < py ? py : px;
    double lx = (double)x->ncontent, ly = (double)y->ncontent;
    f[PX_F_LEN_MIN] = log1p(lx < ly ? lx : ly);
    f[PX_F_LEN_MAX] = log1p(lx < ly ? ly : lx);
    f[PX_F_LEN_RATIO] = (lx < ly ? lx : ly) / ((lx < ly ? ly : lx) + 1e-9);
    f[PX_F_FRAGMENT] = x->own < 3 || y->own < 3;
    if (x->nspeaker && y->nspeaker) {
        bool same = common(x->speaker, x->nspeaker, y->speaker, y->nspeaker) > 0;
        f[PX_F_SPEAKER_SAME] = same;
        f[PX_F_SPEAKER_DIFFER] = !same;
    }
    f[PX_F_POS_MIN] = x->share < y->share ? x->share : y->share;
    f[PX_F_POS_DIFF] = fabs(x->share - y->share);
    f[PX_F_LEAD_BOTH] = x->lead && y->lead;
    f[PX_F_QUOTED_MIN] = x->quoted < y->quoted ? x->quoted : y->quoted;
    f[PX_F_QUOTED_MAX] = x->quoted < y->quoted ? y->quoted : x->quoted;
    f[PX_F_NEGATION] = (bx->negations > 0) != (by->negations > 0) || anti;
}
