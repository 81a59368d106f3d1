/* Unit tests of the CSV reports (src/report/csv.c): RFC 4180 quoting, CRLF
 * line ends, one row per fact with three columns per outlet, one row per
 * outlet, lexicon and category of scores. */
#include "fixture.h"
#include "report/internal.h"

/* Parse RFC 4180 text into rows of fields; returns the number of rows.
 * fields[r][c] are heap strings; *ncols receives each row's field count. */
enum { MAX_ROWS = 64, MAX_COLS = 64 };
static size_t parse_csv(const char *s, char *fields[MAX_ROWS][MAX_COLS], size_t ncols[MAX_ROWS])
{
    size_t r = 0, c = 0;
    px_buf f;
    px_buf_init(&f, 0);
    while (*s && r < MAX_ROWS) {
        px_buf_reset(&f);
        px_buf_puts(&f, "");
        if (*s == '"') {
            for (s++; *s && !(*s == '"' && s[1] != '"'); s++) {
                if (*s == '"')
                    s++;
                px_buf_putc(&f, *s);
            }
            assert_int_equal(*s, '"');
            s++;
        } else {
            while (*s && *s != ',' && *s != '\r' && *s != '\n') {
                assert_int_not_equal(*s, '"'); /* a bare quote must have been quoted */
                px_buf_putc(&f, *s++);
            }
        }
        assert_true(c < MAX_COLS);
        fields[r][c++] = px_xstrdup(f.data);
        if (*s == ',') {
            s++;
        } else {
            assert_int_equal(s[0], '\r'); /* CRLF, not a bare LF */
            assert_int_equal(s[1], '\n');
            s += 2;
            ncols[r++] = c;
            c = 0;
        }
    }
    px_buf_free(&f);
    return r;
}

static void free_rows(char *fields[MAX_ROWS][MAX_COLS], const size_t *ncols, size_t rows)
{
    for (size_t r = 0; r < rows; r++)
        for (size_t c = 0; c < ncols[r]; c++)
            free(fields[r][c]);
}

static void field_quoting(void **state)
{
    (void)state;
    static const struct {
        const char *in, *out;
    } cases[] = {
        {"plain", "plain"},
        {"a, b", "\"a, b\""},
        {"say \"no\"", "\"say \"\"no\"\"\""},
        {"two\nlines", "\"two\nlines\""},
        {"cr\rhere", "\"cr\rhere\""},
        {"", ""},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        px_buf b;
        px_buf_init(&b, 0);
        px_csv_field(&b, cases[i].in, strlen(cases[i].in));
        assert_string_equal(b.data ? b.data : "", cases[i].out);
        px_buf_free(&b);
    }
}

static void fact_matrix(void **state)
{
    (void)state;
    px_lexset *lex;
    px_story *s = fixture_story(&lex);
    px_buf b;
    px_buf_init(&b, 0);
    assert_int_equal(px_report_csv_facts(s, NULL, &b), PX_OK);
    static char *fields[MAX_ROWS][MAX_COLS];
    size_t ncols[MAX_ROWS];
    size_t rows = parse_csv(b.data, fields, ncols);
    assert_int_equal(rows, s->alignment.nfacts + 1);
    for (size_t r = 0; r < rows; r++)
        assert_int_equal(ncols[r], 3 + 3 * s->nsources + 1);
    assert_string_equal(fields[0][3], "north");
    assert_string_equal(fields[0][4], "north_where");
    assert_string_equal(fields[0][5], "north_sentence");
    /* the beams row: north and south conflict, east omits; values listed */
    bool found = false;
    for (size_t r = 1; r < rows; r++) {
        if (!strstr(fields[r][1], "cracked beams"))
            continue;
        found = true;
        assert_string_equal(fields[r][3], "conflict");
        assert_string_equal(fields[r][6], "conflict");
        assert_string_equal(fields[r][9], "omits");
        assert_string_equal(fields[r][11], "");
        assert_non_null(strstr(fields[r][12], "north=12"));
        assert_non_null(strstr(fields[r][12], "south=15"));
        assert_int_equal(strncmp(fields[r][5], "north:s", 7), 0);
    }
    assert_true(found);
    /* the fact with a comma survives the round trip */
    int crit = fixture_fact(s, "Critics slammed");
    char id[16];
    snprintf(id, sizeof id, "f%d", crit + 1);
    for (size_t r = 1; r < rows; r++)
        if (!strcmp(fields[r][0], id))
            assert_string_equal(fields[r][1], "Critics slammed the city for years of neglect, "
                                              "calling the closure a disgrace.");
    free_rows(fields, ncols, rows);
    px_buf_free(&b);
    px_story_free(s);
    px_lexset_free(lex);
}

static void scores(void **state)
{
    (void)state;
    px_lexset *lex;
    px_story *s = fixture_story(&lex);
    px_buf b;
    px_buf_init(&b, 0);
    assert_int_equal(px_report_csv_scores(s, NULL, &b), PX_OK);
    static char *fields[MAX_ROWS][MAX_COLS];
    size_t ncols[MAX_ROWS];
    size_t rows = parse_csv(b.data, fields, ncols);
    /* header + 3 outlets x (lexicon + 2 categories) */
    assert_int_equal(rows, 1 + 3 * 3);
    assert_string_equal(fields[0][3], "hits");
    assert_string_equal(fields[0][15], "reading");
    bool label = false, lexicon = false;
    for (size_t r = 1; r < rows; r++) {
        assert_int_equal(ncols[r], 22);
        if (!strcmp(fields[r][0], "south") && !strcmp(fields[r][2], "label")) {
            /* disgrace; chaos is in the headline, listed but not counted */
            assert_string_equal(fields[r][3], "1");
            assert_string_equal(fields[r][15], ""); /* contrasts are per lexicon */
            label = true;
        }
        if (!strcmp(fields[r][0], "south") && !strcmp(fields[r][2], "")) {
            /* one word against none: within the noise, and no slant (the
             * test lexicon has no directions) */
            assert_string_equal(fields[r][15], "noise");
            assert_string_equal(fields[r][16], "");
            lexicon = true;
        }
    }
    assert_true(label && lexicon);
    free_rows(fields, ncols, rows);
    px_buf_free(&b);
    px_story_free(s);
    px_lexset_free(lex);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(field_quoting),
        cmocka_unit_test(fact_matrix),
        cmocka_unit_test(scores),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
