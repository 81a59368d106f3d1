/*
 * stats.c — ratios of sums with bootstrap confidence intervals.
 *
 * Every aggregate figure is sum(numerator) / sum(denominator) over the
 * stories an outlet (or a pair) appears in: omitted facts over facts it
 * could omit, narration hits over narration words, and so on. Its 95%
 * interval comes from resampling those stories with replacement; all the
 * figures of one outlet share the same resamples. The generator is
 * splitmix64 from a fixed seed mixed with the outlet's name, and the
 * stories come sorted by id, so the intervals are the same on every run
 * and whether the stories came from one batch or from many shards.
 */
#include <math.h>
#include <string.h>

#include "batch/internal.h"

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

/* Quantile p of sorted v[0..n) (linear interpolation between order
 * statistics, as R's type 7). */
static double quantile(const double *v, size_t n, double p)
{
    double h = (double)(n - 1) * p;
    size_t lo = (size_t)h;
    if (lo + 1 >= n)
        return v[n - 1];
    return v[lo] + (h - (double)lo) * (v[lo + 1] - v[lo]);
}

/* Interval of metric j from its replicates (NaNs left out). */
static void interval(double *reps, size_t nrep, px_ratio *out)
{
    size_t k = 0;
    for (size_t b = 0; b < nrep; b++)
        if (!isnan(reps[b]))
            reps[k++] = reps[b];
    if (k == 0) {
        out->lo = out->hi = NAN;
        return;
    }
    qsort(reps, k, sizeof *reps, cmp_double);
    out->lo = quantile(reps, k, 0.025);
    out->hi = quantile(reps, k, 0.975);
}

static double ratio(double num, double den, double scale)
{
    return den > 0 ? num / den * scale : NAN;
}

void px_batch_bootstrap(const double *num, const double *den, size_t n, size_t m,
                        const double *scale, unsigned replicates, uint64_t seed, px_ratio *out)
{
    double *sn = px_xcalloc(m ? m : 1, sizeof *sn), *sd = px_xcalloc(m ? m : 1, sizeof *sd);
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < m; j++) {
            sn[j] += num[i * m + j];
            sd[j] += den[i * m + j];
        }
    for (size_t j = 0; j < m; j++)
        out[j].value = ratio(sn[j], sd[j], scale[j]);
    double *reps = px_xcalloc((size_t)replicates * m + 1, sizeof *reps);
    uint64_t state = seed;
    for (unsigned b = 0; b < replicates && n > 0; b++) {
        memset(sn, 0, m * sizeof *sn);
        memset(sd, 0, m * sizeof *sd);
        for (size_t i = 0; i < n; i++) {
            size_t k = (size_t)(px_splitmix64(&state) % n);
            const double *rn = num + k * m, *rd = den + k * m;
            for (size_t j = 0; j < m; j++) {
                sn[j] += rn[j];
                sd[j] += rd[j];
            }
        }
        for (size_t j = 0; j < m; j++)
            reps[j * replicates + b] = ratio(sn[j], sd[j], scale[j]);
    }
    for (size_t j = 0; j < m; j++) {
        if (n == 0)
            out[j].lo = out[j].hi = NAN;
        else
            interval(reps + j * replicates, replicates, &out[j]);
    }
    free(reps);
    free(sn);
    free(sd);
}
