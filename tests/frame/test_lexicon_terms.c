/* Unit tests of how lexicon terms and weights are read (src/frame/lexicon.c).
 * Plain terms (ASCII letters in single-spaced words) and plain decimal
 * weights are read without the tokeniser and strtod; every shape must come
 * out as the tokeniser and strtod would have it, whichever way it is read. */
#include <stdlib.h>

#include "frame_support.h"

/* The words of entry e as "word/mode word/mode", into the arena. */
static const char *words_of(px_arena *a, const px_lex_entry *e)
{
    const char *out = "";
    for (uint32_t i = 0; i < e->nwords; i++)
        out = px_arena_printf(a, "%s%s%s/%u", out, i ? " " : "", e->words[i], e->modes[i]);
    return out;
}

static void terms_read_as_the_tokeniser_reads_them(void **state)
{
    (void)state;
    static const struct {
        const char *term, *words; /* modes: 0 exact, 1 prefix, 2 stem */
        bool prefix, cased;
    } cases[] = {
        {"slammed", "slammed/0", false, false},
        {"Walked Back", "walked/0 back/0", false, true},
        {"walk* back~", "walk/1 back/2", false, false},
        {"sham~", "sham/2", false, false},
        {"anti*", "anti/1", true, false},
        {"walked  back", "walked/0 back/0", false, false}, /* two spaces */
        {"face-off", "face/0 -/0 off/0", false, false},
        {"anti-*", "anti/0 -/0 /1", true, false},
        {"didn't", "didn't/0", false, false},
        {"U.S.", "u.s./0", false, true},
        {"G7", "g7/0", false, true},
        {"caf\xC3\xA9s~", "caf\xC3\xA9/2", false, false}, /* non-ASCII: tokenised */
        {"NAIVE", "naive/0", false, true},
    };
    px_arena *a = px_arena_new();
    px_buf tsv;
    px_buf_init(&tsv, 0);
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
        px_buf_printf(&tsv, "%s\tcat\t1\n", cases[i].term);
    px_lexicon *l;
    px_error err = {0};
    assert_int_equal(px_lexicon_parse("t.tsv", tsv.data, tsv.len, &l, &err), PX_OK);
    assert_int_equal(l->nentries, sizeof cases / sizeof *cases);
    for (size_t i = 0; i < l->nentries; i++) {
        const px_lex_entry *e = &l->entries[i];
        assert_string_equal(words_of(a, e), cases[i].words);
        assert_int_equal(e->prefix, cases[i].prefix);
        assert_int_equal(e->cased, cases[i].cased);
    }
    px_lexicon_free(l);
    px_buf_free(&tsv);
    px_arena_free(a);
}

static void stems_match_the_tokenisers_stems(void **state)
{
    (void)state;
    px_arena *a = px_arena_new();
    px_text_ctx *ctx = px_text_ctx_new();
    px_lexicon *l;
    px_error err = {0};
    const char *tsv = "warnings~\tcat\t1\nRallied~ hard\tcat\t1\n";
    assert_int_equal(px_lexicon_parse("t.tsv", tsv, strlen(tsv), &l, &err), PX_OK);
    assert_string_equal(l->entries[0].words[0], px_text_stem(ctx, a, "warnings", 8));
    assert_string_equal(l->entries[1].words[0], px_text_stem(ctx, a, "rallied", 7));
    assert_string_equal(l->entries[1].words[1], "hard");
    px_lexicon_free(l);
    px_text_ctx_free(ctx);
    px_arena_free(a);
}

static void weights_read_as_strtod_reads_them(void **state)
{
    (void)state;
    static const char *weights[] = {"1",
                                    "0.5",
                                    "-2",
                                    "+1.5 ",
                                    "1.",
                                    ".25",
                                    "007",
                                    "0.1",
                                    "-0",
                                    "1e0",
                                    "0x10",
                                    "2.675",
                                    "0.3333333333333",
                                    "123456789012345678"};
    for (size_t i = 0; i < sizeof weights / sizeof *weights; i++) {
        char line[80];
        snprintf(line, sizeof line, "word\tcat\t%s\n", weights[i]);
        px_lexicon *l;
        px_error err = {0};
        assert_int_equal(px_lexicon_parse("t.tsv", line, strlen(line), &l, &err), PX_OK);
        double want = strtod(weights[i], NULL);
        assert_memory_equal(&l->entries[0].weight, &want, sizeof want); /* to the bit: -0 too */
        px_lexicon_free(l);
    }
}

static void words_that_are_not_numbers_stay_categories(void **state)
{
    (void)state;
    px_lexicon *l;
    px_error err = {0};
    /* "information" and "nancy" start like inf and nan, but are no numbers */
    const char *tsv = "a\tinformation\t1\nb\tnancy\t1\nc\tinformation\t2\n";
    assert_int_equal(px_lexicon_parse("t.tsv", tsv, strlen(tsv), &l, &err), PX_OK);
    assert_int_equal(l->ncategories, 2);
    assert_int_equal(l->entries[2].category, 0);
    px_lexicon_free(l);
    const char *bad = "a\tnews\t1\nb\tInf\t1\n";
    assert_int_equal(px_lexicon_parse("t.tsv", bad, strlen(bad), &l, &err), PX_EINPUT);
    assert_int_equal(err.line, 2);
    assert_non_null(strstr(err.message, "a number 'Inf' where the category belongs"));
    const char *worse = "a\tnews\tabc\n";
    assert_int_equal(px_lexicon_parse("t.tsv", worse, strlen(worse), &l, &err), PX_EINPUT);
    assert_non_null(strstr(err.message, "weight 'abc' is not a number"));
}

static void a_latin1_file_is_read_as_latin1(void **state)
{
    (void)state;
    px_lexicon *l;
    px_error err = {0};
    /* valid UTF-8 elsewhere in the file; the term itself is Latin-1, so the
     * whole file is taken for Latin-1 and loads */
    const char *latin1 = "# name: x \xE2\x80\x94 y\ncaf\xE9\tcat\t1\n";
    assert_int_equal(px_lexicon_parse("t.tsv", latin1, strlen(latin1), &l, &err), PX_OK);
    assert_string_equal(l->entries[0].term, "caf\xC3\xA9");
    px_lexicon_free(l);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(terms_read_as_the_tokeniser_reads_them),
        cmocka_unit_test(stems_match_the_tokenisers_stems),
        cmocka_unit_test(weights_read_as_strtod_reads_them),
        cmocka_unit_test(words_that_are_not_numbers_stay_categories),
        cmocka_unit_test(a_latin1_file_is_read_as_latin1),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
