/* Unit tests of the terminal report (src/report/text.c): 80 columns at most
 * (in terminal cells), colours only when asked, no control bytes from the
 * input, and the matrix readable by outlet letter. */
#include <utf8proc.h>

#include "fixture.h"
#include "report/internal.h"

static char *render(const px_story *s, bool colour, int width)
{
    px_buf b;
    px_buf_init(&b, 0);
    px_report_opts o = {.color = colour, .width = width};
    assert_int_equal(px_report_text(s, &o, &b), PX_OK);
    return px_buf_detach(&b, NULL);
}

/* The widest line, in terminal cells, ANSI sequences not counted. */
static int widest(const char *s)
{
    int max = 0, w = 0;
    for (const char *p = s; *p;) {
        if (*p == '\n') {
            max = w > max ? w : max;
            w = 0;
            p++;
            continue;
        }
        if (*p == '\033') {
            while (*p && *p != 'm')
                p++;
            p += *p != 0;
            continue;
        }
        utf8proc_int32_t cp;
        utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)p, -1, &cp);
        assert_true(k > 0);
        w += utf8proc_charwidth(cp);
        p += k;
    }
    return w > max ? w : max;
}

static void fits_eighty_columns(void **state)
{
    (void)state;
    px_lexset *lex;
    px_story *s = fixture_story(&lex);
    /* a long outlet name and headline must wrap too */
    s->articles[0]->name = "The North Riverside Evening Chronicle and Weekly Advertiser of Harlow "
                           "County";
    char *t = render(s, false, 0);
    assert_true(widest(t) <= 80);
    assert_null(strchr(t, '\033'));
    assert_non_null(strstr(t, "Facts"));
    assert_non_null(strstr(t, "≠ number"));
    free(t);
    t = render(s, false, 50);
    if (widest(t) > 50)
        fail_msg("wider than 50 columns:\n%s", t);
    free(t);
    px_story_free(s);
    px_lexset_free(lex);
}

static void colour_only_when_asked(void **state)
{
    (void)state;
    px_lexset *lex;
    px_story *s = fixture_story(&lex);
    char *t = render(s, true, 80);
    assert_non_null(strstr(t, "\033[1m"));
    assert_non_null(strstr(t, "\033[0m"));
    assert_true(widest(t) <= 80);
    free(t);
    px_story_free(s);
    px_lexset_free(lex);
}

static void matrix_by_letter(void **state)
{
    (void)state;
    px_lexset *lex;
    px_story *s = fixture_story(&lex);
    char *t = render(s, false, 80);
    assert_non_null(strstr(t, "  A  north,"));
    assert_non_null(strstr(t, "  C  east,"));
    assert_non_null(strstr(t, "       A B C\n"));
    int beams = fixture_fact(s, "cracked beams");
    char row[32];
    snprintf(row, sizeof row, "f%-4d≠ ≠ ✗ ", beams + 1);
    assert_non_null(strstr(t, row));
    free(t);
    px_story_free(s);
    px_lexset_free(lex);
}

static void control_bytes_neutralised(void **state)
{
    (void)state;
    px_lexset *lex;
    px_story *s = fixture_story(&lex);
    s->articles[1]->name = "evil\033]0;owned\007\302\233name";
    char *t = render(s, false, 80);
    assert_null(strchr(t, '\033'));
    assert_null(strchr(t, '\007'));
    assert_null(strstr(t, "\302\233"));
    assert_non_null(strstr(t, "evil?]0;owned??name"));
    free(t);
    px_story_free(s);
    px_lexset_free(lex);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(fits_eighty_columns),
        cmocka_unit_test(colour_only_when_asked),
        cmocka_unit_test(matrix_by_letter),
        cmocka_unit_test(control_bytes_neutralised),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
