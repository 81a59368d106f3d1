/* Unit tests of the streaming JSON writer (src/report/jsonw.c): integers
 * exactly as "%lld" prints them, reals to three decimals, keys quoted and
 * escaped like any string. */
#include <limits.h>

#include "support.h"
#include "report/jsonw.h"

/* One value written compact, as text (into the arena). */
static const char *one(px_arena *a, void (*put)(jw *, const void *), const void *v)
{
    px_buf b;
    px_buf_init(&b, 0);
    jw w;
    jw_init(&w, &b, false);
    put(&w, v);
    const char *s = px_arena_strndup(a, b.data, b.len);
    px_buf_free(&b);
    return s;
}

static void put_int(jw *w, const void *v)
{
    jw_int(w, *(const long long *)v);
}

static void put_real(jw *w, const void *v)
{
    jw_real(w, *(const double *)v);
}

static void integers_as_printf_writes_them(void **state)
{
    (void)state;
    px_arena *a = px_arena_new();
    const long long vs[] = {0, 7, -7, 10, 1000000, -45, LLONG_MAX, LLONG_MIN};
    for (size_t i = 0; i < sizeof vs / sizeof *vs; i++) {
        char want[32];
        snprintf(want, sizeof want, "%lld", vs[i]);
        assert_string_equal(one(a, put_int, &vs[i]), want);
    }
    px_arena_free(a);
}

static void reals_to_three_decimals(void **state)
{
    (void)state;
    px_arena *a = px_arena_new();
    const struct {
        double v;
        const char *s;
    } cases[] = {{0, "0.0"},        {1, "1.0"},       {-1.5, "-1.5"},     {0.1234, "0.123"},
                 {2.0005, "2.001"}, {-0.0004, "0.0"}, {-12.25, "-12.25"}, {123456.7, "123456.7"},
                 {1e13, "1e+13"}};
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
        assert_string_equal(one(a, put_real, &cases[i].v), cases[i].s);
    px_arena_free(a);
}

static void keys_are_quoted_and_escaped(void **state)
{
    (void)state;
    px_buf b;
    px_buf_init(&b, 0);
    jw w;
    jw_init(&w, &b, true);
    jw_obj(&w);
    jw_kint(&w, "plain_key", 1);
    jw_kint(&w, "a \"quoted\" \\ key", 2);
    jw_kint(&w, "caf\xC3\xA9", 3);
    jw_kint(&w, "a key far longer than the sixty-four bytes the writer copies at once", 4);
    jw_obj_end(&w);
    assert_string_equal(b.data, "{\n \"plain_key\": 1,\n \"a \\\"quoted\\\" \\\\ key\": 2,\n"
                                " \"caf\xC3\xA9\": 3,\n \"a key far longer than the sixty-four "
                                "bytes the writer copies at once\": 4\n}");
    px_buf_reset(&b);
    jw_init(&w, &b, false);
    jw_obj(&w);
    jw_kstr(&w, "k", "v");
    jw_obj_end(&w);
    assert_string_equal(b.data, "{\"k\":\"v\"}");
    px_buf_free(&b);
}

static void a_capped_buffer_stops_at_its_cap(void **state)
{
    (void)state;
    px_buf b;
    px_buf_init(&b, 12);
    jw w;
    jw_init(&w, &b, false);
    jw_obj(&w);
    jw_kint(&w, "n", 123);
    assert_false(b.toobig);
    assert_string_equal(b.data, "{\"n\":123");
    jw_kint(&w, "longer", 4);
    assert_true(b.toobig); /* the cap is an error, not a crash */
    jw_obj_end(&w);
    assert_true(b.toobig);
    px_buf_free(&b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(integers_as_printf_writes_them),
        cmocka_unit_test(reals_to_three_decimals),
        cmocka_unit_test(keys_are_quoted_and_escaped),
        cmocka_unit_test(a_capped_buffer_stops_at_its_cap),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
