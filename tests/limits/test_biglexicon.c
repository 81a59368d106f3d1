/*
 * test_biglexicon.c — bound: a lexicon of 1,000,000 entries.
 *
 * A TSV lexicon of a million made-up words, phrases, prefixes and stems
 * in 20 categories loads whole (no entry dropped), within a stated memory
 * bound, and the matcher finds its terms in an article. The same words as
 * a LIWC .dic load as well.
 */
#include "limits.h"

#define ENTRIES 1000000

/* Word i of the made-up vocabulary: "lx" and five letters. */
static void word(unsigned i, char out[8])
{
    out[0] = 'l';
    out[1] = 'x';
    for (int k = 6; k >= 2; k--, i /= 26)
        out[k] = (char)('a' + i % 26);
    out[7] = '\0';
}

static char *tsv(size_t *len)
{
    px_buf b;
    px_buf_init(&b, 0);
    px_buf_puts(&b, "# name: huge\n# version: 1\n# licence: CC0-1.0\n");
    for (unsigned i = 0; i < ENTRIES; i++) {
        char w[8];
        word(i, w);
        const char *form = i % 10 == 1    ? "%s bridge\tcat%u\t1\n"
                           : i % 50 == 2  ? "%s*\tcat%u\t0.5\n"
                           : i % 100 == 3 ? "%s~\tcat%u\t2\n"
                                          : "%s\tcat%u\t1\n";
        px_buf_printf(&b, form, w, i % 20);
    }
    return px_buf_detach(&b, len);
}

static char *dic(size_t *len)
{
    px_buf b;
    px_buf_init(&b, 0);
    px_buf_puts(&b, "%\n");
    for (unsigned c = 1; c <= 20; c++)
        px_buf_printf(&b, "%u\tcat%u\n", c, c);
    px_buf_puts(&b, "%\n");
    for (unsigned i = 0; i < ENTRIES; i++) {
        char w[8];
        word(i, w);
        px_buf_printf(&b, "%s\t%u\n", w, i % 20 + 1);
    }
    return px_buf_detach(&b, len);
}

static void million_entry_tsv(void **state)
{
    (void)state;
    double t0 = limits_now();
    size_t len;
    char *data = tsv(&len);
    px_lexicon *l;
    px_error err;
    assert_int_equal(px_lexicon_parse("huge.tsv", data, len, &l, &err), PX_OK);
    free(data);
    assert_int_equal(l->nentries, ENTRIES);
    assert_int_equal(l->ncategories, 20);
    limits_report("lexicon of 1,000,000 entries (TSV), loaded", t0, 512);

    px_arena *a = px_arena_new();
    char w0[8], w1[8], w2[8], w7[8];
    word(0, w0), word(1, w1), word(2, w2), word(7, w7);
    char *body =
        px_arena_printf(a, "The %s met the %s bridge. Then %sing and %s left.", w0, w1, w2, w7);
    px_text_ctx *ctx = px_text_ctx_new();
    px_doc *d;
    assert_int_equal(px_text_analyze(a, ctx, "", body, strlen(body), &d, &err), PX_OK);
    px_text_ctx_free(ctx);
    px_lexset *set = px_lexset_new();
    px_lexset_add(set, l);
    px_hit *hits;
    assert_int_equal(px_frame_match(a, set, d, &hits), 4); /* word, phrase, prefix, word */
    px_lexset_free(set);
    px_arena_free(a);
    limits_report("lexicon of 1,000,000 entries (TSV), matched", t0, 512);
}

static void million_entry_dic(void **state)
{
    (void)state;
    double t0 = limits_now();
    size_t len;
    char *data = dic(&len);
    px_lexicon *l;
    px_error err;
    assert_int_equal(px_lexicon_parse("huge.dic", data, len, &l, &err), PX_OK);
    free(data);
    assert_int_equal(l->nentries, ENTRIES);
    px_lexicon_free(l);
    limits_report("lexicon of 1,000,000 entries (.dic), loaded", t0, 512);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(million_entry_dic),
        cmocka_unit_test(million_entry_tsv),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
