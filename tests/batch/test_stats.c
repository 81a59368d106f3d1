/* Unit tests of src/batch/stats.c: ratios of sums and their bootstrap
 * intervals — right value, sensible interval, the same on every run. */
#include <math.h>

#include "support.h"
#include "batch/internal.h"

static void value_is_the_ratio_of_sums(void **state)
{
    (void)state;
    /* three stories: 1/4, 3/4, 0/2 → 4/10, not the mean of the rates */
    const double num[] = {1, 3, 0}, den[] = {4, 4, 2}, scale[] = {1};
    px_ratio r;
    px_batch_bootstrap(num, den, 3, 1, scale, 500, 42, &r);
    assert_float_equal(r.value, 0.4, 1e-12);
    assert_true(r.lo <= r.value && r.value <= r.hi);
    assert_true(r.lo >= 0 && r.hi <= 0.75);
    assert_true(r.hi - r.lo > 0.05); /* three uneven stories: a wide interval */
}

static void interval_narrows_with_more_stories(void **state)
{
    (void)state;
    enum { N = 400 };
    double num[N], den[N];
    const double scale[] = {1000};
    for (int i = 0; i < N; i++) {
        num[i] = (double)(i % 7);
        den[i] = 500;
    }
    px_ratio small, large;
    px_batch_bootstrap(num, den, 20, 1, scale, 1000, 1, &small);
    px_batch_bootstrap(num, den, N, 1, scale, 1000, 1, &large);
    assert_true(large.hi - large.lo < small.hi - small.lo);
    assert_true(large.lo < large.value && large.value < large.hi);
}

static void same_seed_same_interval(void **state)
{
    (void)state;
    const double num[] = {2, 5, 1, 0, 7, 3}, den[] = {10, 10, 9, 8, 12, 10};
    const double scale[] = {1};
    px_ratio a, b, c;
    px_batch_bootstrap(num, den, 6, 1, scale, 300, 7, &a);
    px_batch_bootstrap(num, den, 6, 1, scale, 300, 7, &b);
    px_batch_bootstrap(num, den, 6, 1, scale, 300, 8, &c);
    assert_memory_equal(&a, &b, sizeof a);
    assert_true(a.lo != c.lo || a.hi != c.hi);
}

static void figures_share_resamples(void **state)
{
    (void)state;
    /* two figures, the second is the first doubled: intervals double too,
     * which holds only if both saw the same resampled stories */
    const double num[] = {1, 2, 4, 8, 0, 0, 3, 6}, den[] = {5, 5, 6, 6, 4, 4, 5, 5};
    const double scale[] = {1, 1};
    px_ratio r[2];
    px_batch_bootstrap(num, den, 4, 2, scale, 400, 3, r);
    assert_float_equal(r[1].value, 2 * r[0].value, 1e-12);
    assert_float_equal(r[1].lo, 2 * r[0].lo, 1e-12);
    assert_float_equal(r[1].hi, 2 * r[0].hi, 1e-12);
}

static void no_data_is_nan(void **state)
{
    (void)state;
    const double num[] = {0, 0}, den[] = {0, 0}, scale[] = {1};
    px_ratio r;
    px_batch_bootstrap(num, den, 2, 1, scale, 100, 1, &r);
    assert_true(isnan(r.value) && isnan(r.lo) && isnan(r.hi));
    px_batch_bootstrap(num, den, 0, 1, scale, 100, 1, &r);
    assert_true(isnan(r.value) && isnan(r.lo));
    /* identical stories: no spread */
    const double n2[] = {2, 2, 2}, d2[] = {4, 4, 4};
    px_batch_bootstrap(n2, d2, 3, 1, scale, 100, 1, &r);
    assert_float_equal(r.lo, 0.5, 1e-12);
    assert_float_equal(r.hi, 0.5, 1e-12);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(value_is_the_ratio_of_sums),
        cmocka_unit_test(interval_narrows_with_more_stories),
        cmocka_unit_test(same_seed_same_interval),
        cmocka_unit_test(figures_share_resamples),
        cmocka_unit_test(no_data_is_nan),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
