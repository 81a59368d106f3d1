/*
 * contrast.c — does an outlet's narration differ from the other outlets'?
 *
 * For every lexicon, and for a lexicon whose header gives its categories
 * directions also for its boosting hits, its attacking hits and the slant
 * (boosting minus attacking), each outlet gets a rate in hits per 1,000
 * words of its own narration (quotations are the speakers' words and stay
 * out), the story's reference rate, the difference, and a 95% interval for
 * that difference. The reference is the median of the outlets' rates (with
 * two outlets, the other one's): a median, so that one hostile or one
 * cheerleading outlet stands out alone instead of dragging the others'
 * mean and making every other outlet look different too. The interval:
 * each outlet's body sentences are resampled with replacement 500 times
 * (sentences, not words, because loaded words come in clusters; 500 keeps
 * a five-outlet story within a millisecond or two), the rates recomputed,
 * and the 2.5th and 97.5th percentiles of the difference taken. A difference is called (reading +1
 * or -1) only when the interval leaves out zero; otherwise it is noise and
 * the reports say so. The generator is splitmix64 from a fixed seed, so a
 * story gives the same intervals on every run and every thread.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "frame/internal.h"

enum { REPLICATES = 500 };
#define SEED 0x7061726178313600ULL

/* A count of one figure in one sentence. */
typedef struct {
    uint32_t fig;
    int32_t n;
} unit_count;

/* One outlet's body sentences as bootstrap units: narration words per
 * sentence and its figure counts (counts[first[i] .. first[i + 1])). */
typedef struct {
    double *words;
    size_t *first;
    PX_VEC(unit_count) counts;
    size_t n;
} units;

static uint32_t *unit_of_sentence(const px_doc *d, size_t *n)
{
    uint32_t *u = px_xcalloc(d->nsents + 1, sizeof *u);
    *n = 0;
    for (size_t s = 0; s < d->nsents; s++)
        u[s] = d->sents[s].headline ? UINT32_MAX : (uint32_t)(*n)++;
    return u;
}

/* Add n to figure fig of the unit being made (its counts start at
 * `from`): one entry per figure, so a draw adds each figure once. */
static void add_count(units *u, size_t from, uint32_t fig, int32_t n)
{
    for (size_t c = from; c < u->counts.n; c++)
        if (u->counts.v[c].fig == fig) {
            u->counts.v[c].n += n;
            return;
        }
    unit_count c = {fig, n};
    px_vec_push(u->counts, c);
}

/* The counts one narration hit adds: its lexicon's ALL figure, and its
 * direction's figure and the slant when the lexicon has directions. */
static void hit_counts(const px_lexset *s, const px_hit *h, units *u, size_t from)
{
    const px_lexicon *l = px_lexset_get(s, h->lexicon);
    uint32_t base = h->lexicon * PX_NFIGS;
    add_count(u, from, base + PX_FIG_ALL, 1);
    if (!l->directed || !l->directions)
        return;
    uint8_t dir = l->directions[l->entries[h->entry].category];
    if (dir == PX_DIR_BOOSTING) {
        add_count(u, from, base + PX_FIG_BOOSTING, 1);
        add_count(u, from, base + PX_FIG_SLANT, 1);
    } else if (dir == PX_DIR_ATTACKING) {
        add_count(u, from, base + PX_FIG_ATTACKING, 1);
        add_count(u, from, base + PX_FIG_SLANT, -1);
    }
}

/* Units of one outlet: hits come in text order, so each sentence's counts
 * are contiguous. */
static void make_units(const px_lexset *s, const px_doc *d, const px_source_frame *fr, units *u)
{
    uint32_t *of = unit_of_sentence(d, &u->n);
    u->words = px_xcalloc(u->n + 1, sizeof *u->words);
    u->first = px_xcalloc(u->n + 1, sizeof *u->first);
    for (size_t k = 0; k < d->ntoks; k++) {
        const px_token *t = &d->toks[k];
        if (of[t->sent] != UINT32_MAX && (t->flags & (PX_TOK_WORD | PX_TOK_NUMBER)) &&
            !(t->flags & PX_TOK_QUOTED))
            u->words[of[t->sent]]++;
    }
    size_t h = 0;
    for (size_t i = 0; i < u->n; i++) {
        u->first[i] = u->counts.n;
        for (; h < fr->nhits &&
               (of[fr->hits[h].sent] == UINT32_MAX || of[fr->hits[h].sent] <= (uint32_t)i);
             h++)
            if (of[fr->hits[h].sent] == (uint32_t)i && !fr->hits[h].quoted)
                hit_counts(s, &fr->hits[h], u, u->first[i]);
    }
    u->first[u->n] = u->counts.n;
    free(of);
}

static void free_units(units *u)
{
    free(u->words);
    free(u->first);
    px_vec_free(u->counts);
}

/* Rates of every figure for the units drawn (all of them once when state
 * is NULL, else n draws with replacement) into out[0..m), NaN without
 * narration words. Each draw takes 32 bits of the generator, scaled to
 * [0, n) by a multiply: no division per draw. */
static void rates(const units *u, uint64_t *state, size_t m, double *sum, double *out)
{
    memset(sum, 0, m * sizeof *sum);
    double words = 0;
    uint64_t bits = 0;
    for (size_t i = 0; i < u->n; i++) {
        size_t k = i;
        if (state) {
            if (!(i & 1))
                bits = px_splitmix64(state);
            k = (size_t)(((bits & 0xFFFFFFFFu) * u->n) >> 32);
            bits >>= 32;
        }
        words += u->words[k];
        for (size_t c = u->first[k]; c < u->first[k + 1]; c++)
            sum[u->counts.v[c].fig] += u->counts.v[c].n;
    }
    double scale = words > 0 ? 1000.0 / words : NAN;
    for (size_t j = 0; j < m; j++)
        out[j] = sum[j] * scale;
}

/* Put the k-th smallest of v[0..n) at v[k], smaller ones before it and
 * larger ones after (Hoare's selection): two quantiles of 1,000 values
 * without sorting them all. */
static void select_kth(double *v, size_t n, size_t k)
{
    size_t lo = 0, hi = n - 1;
    while (lo < hi) {
        double pivot = v[lo + (hi - lo) / 2];
        size_t i = lo, j = hi;
        while (i <= j) {
            while (v[i] < pivot)
                i++;
            while (v[j] > pivot)
                j--;
            if (i <= j) {
                double t = v[i];
                v[i++] = v[j];
                v[j] = t;
                if (j == 0)
                    break;
                j--;
            }
        }
        if (k <= j)
            hi = j;
        else if (k >= i)
            lo = i;
        else
            return;
    }
}

/* Quantile p of v[0..n) (linear interpolation between order statistics,
 * R's type 7); reorders v. */
static double quantile(double *v, size_t n, double p)
{
    double h = (double)(n - 1) * p;
    size_t lo = (size_t)h;
    select_kth(v, n, lo);
    if (lo + 1 >= n)
        return v[lo];
    double next = v[lo + 1];
    for (size_t i = lo + 2; i < n; i++)
        next = v[i] < next ? v[i] : next;
    return v[lo] + (h - (double)lo) * (next - v[lo]);
}

/* The reference for outlet i on figure j, from rate[d * stride + j]: the
 * other outlet's rate when there are two, else the median of all the
 * outlets' rates; NaNs left out; NaN when no other outlet has one. */
static double reference(const double *rate, size_t n, size_t stride, size_t i, size_t j,
                        double *scratch)
{
    size_t k = 0, others = 0;
    for (size_t d = 0; d < n; d++) {
        double v = rate[d * stride + j];
        if (isnan(v) || (n == 2 && d == i))
            continue;
        scratch[k++] = v;
        others += d != i;
    }
    if (!others)
        return NAN;
    for (size_t a = 1; a < k; a++) /* a few outlets: insertion sort */
        for (size_t b = a; b > 0 && scratch[b - 1] > scratch[b]; b--) {
            double t = scratch[b];
            scratch[b] = scratch[b - 1];
            scratch[b - 1] = t;
        }
    return k % 2 ? scratch[k / 2] : (scratch[k / 2 - 1] + scratch[k / 2]) / 2;
}

typedef struct {
    size_t n, m;     /* outlets, figures with a hit somewhere */
    double *point;   /* n x m: the rates */
    double *reps;    /* REPLICATES x n x m */
    double *refs;    /* REPLICATES x m: the replicates' medians (n >= 3) */
    double *diffs;   /* REPLICATES: scratch */
    double *scratch; /* n: scratch */
} boot;

/* With three outlets or more the reference is the median of all of them,
 * the same for each outlet: one per replicate and figure. */
static void medians(boot *b)
{
    if (b->n < 3)
        return;
    for (size_t r = 0; r < REPLICATES; r++)
        for (size_t j = 0; j < b->m; j++)
            b->refs[r * b->m + j] =
                reference(b->reps + r * b->n * b->m, b->n, b->m, 0, j, b->scratch);
}

/* Contrast of outlet i on figure j from the replicates. */
static void contrast(const boot *b, size_t i, size_t j, px_contrast *c)
{
    double mine = b->point[i * b->m + j];
    double ref = reference(b->point, b->n, b->m, i, j, b->scratch);
    c->rate = isnan(mine) ? 0 : mine;
    c->reference = isnan(ref) ? 0 : ref;
    c->diff = c->rate - c->reference;
    c->lo = c->hi = c->diff;
    c->reading = 0;
    if (isnan(mine) || isnan(ref))
        return;
    size_t k = 0;
    for (size_t r = 0; r < REPLICATES; r++) {
        const double *rep = b->reps + r * b->n * b->m;
        double x = rep[i * b->m + j];
        double o = b->n >= 3 ? b->refs[r * b->m + j] : rep[(1 - i) * b->m + j];
        if (!isnan(x) && !isnan(o))
            b->diffs[k++] = x - o;
    }
    if (!k)
        return;
    c->lo = quantile(b->diffs, k, 0.025);
    c->hi = quantile(b->diffs, k, 0.975);
    c->reading = c->lo > 0 ? 1 : c->hi < 0 ? -1 : 0;
}

/* Figures with a hit in some outlet get a compact index (the others are
 * zero everywhere: nothing to resample); the counts are renumbered so, and
 * each outlet's hits per figure kept in hits[d * m + fig]. Returns the
 * number of figures used; index[fig] is SIZE_MAX for the unused. */
static size_t compact(units *u, size_t n, size_t m, size_t *index, size_t *hits)
{
    for (size_t j = 0; j < m; j++)
        index[j] = SIZE_MAX;
    size_t used = 0;
    for (size_t d = 0; d < n; d++)
        for (size_t c = 0; c < u[d].counts.n; c++) {
            unit_count *k = &u[d].counts.v[c];
            hits[d * m + k->fig] += (size_t)abs(k->n);
            if (index[k->fig] == SIZE_MAX)
                index[k->fig] = used++;
        }
    for (size_t d = 0; d < n; d++) {
        for (size_t c = 0; c < u[d].counts.n; c++)
            u[d].counts.v[c].fig = (uint32_t)index[u[d].counts.v[c].fig];
        for (size_t j = PX_FIG_SLANT; j < m; j += PX_NFIGS) /* counted net per sentence */
            hits[d * m + j] = hits[d * m + j - PX_FIG_SLANT + PX_FIG_BOOSTING] +
                              hits[d * m + j - PX_FIG_SLANT + PX_FIG_ATTACKING];
    }
    return used;
}

static void fill(px_arena *a, const boot *b, size_t m, const size_t *index, const size_t *hits,
                 px_source_frame *fr)
{
    for (size_t i = 0; i < b->n; i++) {
        fr[i].contrasts = px_arena_array(a, m, sizeof *fr[i].contrasts);
        for (size_t j = 0; j < m; j++) {
            px_contrast *c = &fr[i].contrasts[j];
            c->hits = hits[i * m + j];
            if (index[j] != SIZE_MAX)
                contrast(b, i, index[j], c);
        }
    }
}

void px_frame_contrasts(px_arena *a, const px_lexset *s, const px_doc *const *docs, size_t n,
                        px_source_frame *fr)
{
    size_t m = px_lexset_count(s) * PX_NFIGS;
    if (n < 2 || m == 0)
        return;
    units *u = px_xcalloc(n, sizeof *u);
    for (size_t d = 0; d < n; d++)
        make_units(s, docs[d], &fr[d], &u[d]);
    size_t *index = px_xcalloc(m, sizeof *index), *hits = px_xcalloc(n * m, sizeof *hits);
    size_t mu = compact(u, n, m, index, hits);
    boot b = {n,
              mu,
              px_xcalloc(n * mu + 1, sizeof(double)),
              px_xcalloc(n * REPLICATES * mu + 1, sizeof(double)),
              px_xcalloc(REPLICATES * mu + 1, sizeof(double)),
              px_xcalloc(REPLICATES, sizeof(double)),
              px_xcalloc(n, sizeof(double))};
    double *sum = px_xcalloc(mu + 1, sizeof *sum);
    uint64_t state = SEED;
    for (size_t d = 0; d < n && mu; d++) {
        rates(&u[d], NULL, mu, sum, b.point + d * mu);
        for (size_t r = 0; r < REPLICATES; r++)
            rates(&u[d], &state, mu, sum, b.reps + (r * n + d) * mu);
    }
    if (mu)
        medians(&b);
    fill(a, &b, m, index, hits, fr);
    for (size_t d = 0; d < n; d++)
        free_units(&u[d]);
    free(u);
    free(index);
    free(hits);
    free(sum);
    free(b.point);
    free(b.reps);
    free(b.refs);
    free(b.diffs);
    free(b.scratch);
}

const px_contrast *px_frame_contrast(const px_source_frame *f, const px_lexset *s, uint32_t l,
                                     int fig)
{
    if (!f->contrasts || l >= px_lexset_count(s) || fig < 0 || fig >= PX_NFIGS)
        return NULL;
    if (fig != PX_FIG_ALL && !px_lexset_get(s, l)->directed)
        return NULL;
    return &f->contrasts[(size_t)l * PX_NFIGS + (size_t)fig];
}

int px_frame_top(const px_source_frame *frames, size_t n, const px_lexset *s, uint32_t l, int fig,
                 bool *clear)
{
    int best = -1;
    bool tie = false;
    *clear = false;
    for (size_t i = 0; i < n; i++) {
        const px_contrast *c = px_frame_contrast(&frames[i], s, l, fig);
        if (!c || !c->hits)
            continue;
        const px_contrast *b = best >= 0 ? px_frame_contrast(&frames[best], s, l, fig) : NULL;
        if (!b || c->rate > b->rate) {
            best = (int)i;
            tie = false;
        } else if (c->rate == b->rate) {
            tie = true;
        }
    }
    if (best < 0 || tie)
        return -1;
    *clear = px_frame_contrast(&frames[best], s, l, fig)->reading > 0;
    return best;
}
