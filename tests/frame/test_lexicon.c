/* Unit tests of lexicon loading (src/frame/lexicon.c, dic.c, lexset.c): our
 * TSV format with its header, term<TAB>score files, LIWC-style .dic files,
 * and every error and warning a bad line gets. */
#include <stdlib.h>
#include <unistd.h>

#include "frame_support.h"

static const char *const good_tsv =
    "# name: test-loaded\n"
    "# version: 2.1\n"
    "# licence: CC0-1.0\n"
    "# description: loaded words for a test\n"
    "# built: written for this test\n"
    "# category: label — names that judge\n"
    "# category: combative: verbs of attack\n"
    "regime\tlabel\t1\tgovernment\n"
    "slam*\tcombative\t0.5\n"
    "\n"
    "# a comment after the header is not a header line: name: nope\n"
    "walked back\tcombative\n"
    "attack~\tcombative\t1\tcriticism\n";

static void tsv_header_categories_and_entries(void **state)
{
    (void)state;
    px_lexicon *l;
    px_error err = {0};
    assert_int_equal(lex_parse("x.tsv", good_tsv, &l, &err), PX_OK);
    assert_string_equal(l->name, "test-loaded");
    assert_string_equal(l->version, "2.1");
    assert_string_equal(l->licence, "CC0-1.0");
    assert_string_equal(l->description, "loaded words for a test");
    assert_string_equal(l->built, "written for this test");
    assert_int_equal(l->ncategories, 2);
    assert_string_equal(l->categories[0], "label"); /* header order */
    assert_string_equal(l->category_notes[0], "names that judge");
    assert_string_equal(l->category_notes[1], "verbs of attack");
    assert_int_equal(l->nentries, 4);
    assert_string_equal(l->entries[0].neutral, "government");
    assert_true(l->entries[1].prefix);
    assert_true(l->entries[1].weight == 0.5);
    assert_int_equal(l->entries[2].nwords, 2);
    assert_true(l->entries[2].weight == 1); /* weight column left out */
    assert_int_equal(l->entries[3].modes[0], PX_LEX_STEM);
    assert_string_equal(l->entries[3].words[0], "attack");
    assert_int_equal(l->entries[3].line, 13);
    px_lexicon_free(l);
}

/* The header gives categories a direction; the fifth column gives an entry
 * the positions where it names a thing rather than judges. */
static void tsv_directions_and_context_rules(void **state)
{
    (void)state;
    px_lexicon *l;
    px_error err = {0};
    const char *text = "# name: slanted\n"
                       "# category: praise — talks up\n"
                       "# category: attack — talks down\n"
                       "# category: loud — neither\n"
                       "# boosting: praise\n"
                       "# attacking: attack\n"
                       "gleaming\tpraise\n"
                       "claims\tattack\t1\tstatements\tnot-head\n"
                       "terrorist\tattack\t1\t\tnot-modifier, not-head\n"
                       "stunning\tloud\t1\n";
    assert_int_equal(lex_parse("s.tsv", text, &l, &err), PX_OK);
    assert_true(l->directed);
    assert_int_equal(l->directions[0], PX_DIR_BOOSTING);
    assert_int_equal(l->directions[1], PX_DIR_ATTACKING);
    assert_int_equal(l->directions[2], PX_DIR_NONE);
    assert_int_equal(l->entries[0].unless, 0);
    assert_int_equal(l->entries[1].unless, PX_CTX_HEAD);
    assert_string_equal(l->entries[1].neutral, "statements");
    assert_int_equal(l->entries[2].unless, PX_CTX_HEAD | PX_CTX_MODIFIER);
    assert_null(l->entries[2].neutral);
    px_lexicon_free(l);
    /* a label names a category for readers and gives it no direction */
    assert_int_equal(lex_parse("f.tsv",
                               "# category: capacity_resources — enough to act\n"
                               "# label: capacity_resources — capacity and resources\n"
                               "# boosting: praise\n"
                               "staff\tcapacity_resources\ngleaming\tpraise\n",
                               &l, &err),
                     PX_OK);
    assert_string_equal(l->category_labels[0], "capacity and resources");
    assert_null(l->category_labels[1]);
    assert_int_equal(l->directions[0], PX_DIR_NONE);
    assert_int_equal(l->directions[1], PX_DIR_BOOSTING);
    px_lexicon_free(l);
    /* without the header lines: no directions */
    assert_int_equal(lex_parse("p.tsv", "gleaming\tpraise\n", &l, &err), PX_OK);
    assert_false(l->directed);
    assert_int_equal(l->directions[0], PX_DIR_NONE);
    px_lexicon_free(l);
}

static void score_files_load_as_one_category(void **state)
{
    (void)state;
    px_lexicon *l;
    px_error err = {0};
    /* AFINN style: term<TAB>score, named after the file */
    assert_int_equal(lex_parse("dir/afinn-test.txt", "abandon\t-2\ngood\t3\n", &l, &err), PX_OK);
    assert_string_equal(l->name, "afinn-test");
    assert_int_equal(l->ncategories, 1);
    assert_string_equal(l->categories[0], "afinn-test");
    assert_true(l->entries[0].weight == -2);
    px_lexicon_free(l);
    /* VADER style: token, mean, sd, ratings */
    assert_int_equal(lex_parse("vader.txt",
                               "$:\t-1.5\t0.80623\t[-1, -1, -1]\n"
                               "good\t1.9\t0.9434\t[2, 1, 1]\n",
                               &l, &err),
                     PX_OK);
    assert_int_equal(l->nentries, 2);
    assert_true(l->entries[1].weight == 1.9);
    px_lexicon_free(l);
}

static void dic_categories_wildcards_and_several_per_word(void **state)
{
    (void)state;
    px_lexicon *l;
    px_error err = {0};
    const char *dic = "%\n"
                      "01\tcare.virtue\n"
                      "\t2\tcare.vice\tharm and suffering\n"
                      "%\n"
                      "compassion\t1\n"
                      "safe*\t01\n"
                      "hurt\t2 1\n"
                      "civil rights\t1\n";
    assert_int_equal(lex_parse("mfd.dic", dic, &l, &err), PX_OK);
    assert_string_equal(l->name, "mfd");
    assert_int_equal(l->ncategories, 2);
    assert_string_equal(l->categories[1], "care.vice");
    assert_string_equal(l->category_notes[1], "harm and suffering");
    assert_int_equal(l->nentries, 5); /* hurt counts in two categories */
    assert_true(l->entries[1].prefix);
    assert_int_equal(l->entries[2].category, 1);
    assert_int_equal(l->entries[3].category, 0);
    assert_int_equal(l->entries[4].nwords, 2);
    assert_int_equal(l->nwarnings, 0);
    px_lexicon_free(l);
}

static void dic_latin1_is_converted(void **state)
{
    (void)state;
    px_lexicon *l;
    px_error err = {0};
    assert_int_equal(lex_parse("old.dic", "%\n1\tpos\n%\ncaf\xe9\t1\n", &l, &err), PX_OK);
    assert_string_equal(l->entries[0].term, "caf\xC3\xA9");
    px_lexicon_free(l);
}

static void dic_old_markup_and_unknown_ids_are_warnings(void **state)
{
    (void)state;
    px_lexicon *l;
    px_error err = {0};
    const char *dic = "%\n1\tfunct\n%\nthe\t1\nkind <of>\t1\nlike\t(02 134)125/464\nwell\t1 9\n";
    assert_int_equal(lex_parse("liwc.dic", dic, &l, &err), PX_OK);
    assert_int_equal(l->nentries, 2);
    assert_int_equal(l->nwarnings, 3);
    assert_non_null(strstr(l->warnings[0], "liwc.dic:5:"));
    assert_non_null(strstr(l->warnings[1], "liwc.dic:6:"));
    assert_non_null(strstr(l->warnings[2], "liwc.dic:7: category 9 is not defined"));
    px_lexicon_free(l);
}

/* Each bad file must fail with FILE:LINE and a reason naming the fault. */
static void expect_error(const char *name, const char *text, size_t line, const char *needle)
{
    px_lexicon *l = (px_lexicon *)1;
    px_error err = {0};
    assert_int_equal(lex_parse(name, text, &l, &err), PX_EINPUT);
    assert_null(l);
    assert_string_equal(err.file, name);
    if (err.line != line || !strstr(err.message, needle))
        fail_msg("%s: got %zu: %s; want %zu: …%s…", name, err.line, err.message, line, needle);
}

static void tsv_errors_name_file_and_line(void **state)
{
    (void)state;
    expect_error("a.tsv", "# name: a\nslammed\tcombative\t1\nblasted combative 1\n", 3, "no tab");
    expect_error("a.tsv", "x\t\t1\n", 1, "empty category");
    expect_error("a.tsv", "x\tlabel\tlots\n", 1, "weight 'lots' is not a number");
    expect_error("a.tsv", "x\tlabel\t1\tneutral\tnot-head\textra\n", 1, "too many columns");
    expect_error("a.tsv", "x\tlabel\t1\tneutral\tnot-heads\n", 1,
                 "unknown context rule 'not-heads'");
    expect_error("a.tsv",
                 "# name: a\n# category: label — l\n# attacking: label, labels\n"
                 "x\tlabel\t1\n",
                 3, "'labels' is not a category");
    expect_error("a.tsv", "# label: lable — a label\nx\tlabel\t1\n", 1,
                 "'lable' is not a category");
    expect_error("a.tsv", "sl*am\tlabel\t1\n", 1, "only at the end of a word");
    expect_error("a.tsv", "~\tlabel\t1\n", 1, "must follow a word");
    expect_error("a.tsv", "   \tlabel\t1\n", 1, "empty term");
    expect_error("a.tsv", "ok\tlabel\t1\nbad\t2\n", 2, "a number '2' where the category");
    expect_error("s.tsv", "good\t3\nbad\tlabel\n", 2, "score 'label' is not a number");
    expect_error("a.tsv", "# name: empty\n# only comments\n", 0, "no entries");
}

static void dic_errors_name_file_and_line(void **state)
{
    (void)state;
    expect_error("d.dic", "1\tcare\n%\n", 1, "must start with a '%' line");
    expect_error("d.dic", "%\ncare\n%\n", 2, "a number, then a name");
    expect_error("d.dic", "%\n1\tcare\n1\tharm\n%\n", 3, "category 1 defined twice");
    expect_error("d.dic", "%\n1\tcare\n%\nkindness\n", 4, "has no category number");
    expect_error("d.dic", "%\n1\tcare\n%\nkindness\t1 x\n", 4, "'x' is not a category number");
    expect_error("d.dic", "%\n1\tcare\n%\nkind\t1\n%\n", 5, "a third '%' line");
    expect_error("d.dic", "%\n1\tcare\nkind\t1\n", 3, "a number, then a name");
    expect_error("d.dic", "%\n1\tcare\n", 2, "missing the '%' line");
    expect_error("d.dic", "%\n1\tcare\n%\n", 0, "no entries");
}

static void files_nul_bytes_and_missing(void **state)
{
    (void)state;
    px_lexicon *l;
    px_error err = {0};
    assert_int_equal(px_lexicon_parse("bin.tsv", "a\tb\0c", 5, &l, &err), PX_EINPUT);
    assert_non_null(strstr(err.message, "NUL byte"));
    assert_int_not_equal(px_lexicon_load("/nonexistent/lexicon.tsv", &l, &err), PX_OK);
    assert_null(l);
}

static void folder_loads_in_name_order_and_refuses_broken(void **state)
{
    (void)state;
    char dir[] = "/tmp/px-lexdir-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char p[256];
    const char *files[][2] = {{"b.tsv", "# name: bee\nx\tc\t1\n"},
                              {"a.dic", "%\n1\tc\n%\ny\t1\n"},
                              {"notes.txt", "not a lexicon"}};
    for (size_t i = 0; i < 3; i++) {
        snprintf(p, sizeof p, "%s/%s", dir, files[i][0]);
        FILE *f = fopen(p, "w");
        assert_non_null(f);
        fputs(files[i][1], f);
        fclose(f);
    }
    px_lexset *s = px_lexset_new();
    px_error err = {0};
    assert_int_equal(px_lexset_load_dir(s, dir, &err), PX_OK);
    assert_int_equal(px_lexset_count(s), 2);
    assert_string_equal(px_lexset_get(s, 0)->name, "a");
    assert_non_null(px_lexset_find(s, "bee"));
    px_lexset_free(s);
    /* one broken file: the folder does not load */
    snprintf(p, sizeof p, "%s/c.tsv", dir);
    FILE *f = fopen(p, "w");
    fputs("ok\tc\t1\nbroken line\n", f);
    fclose(f);
    s = px_lexset_new();
    assert_int_equal(px_lexset_load_dir(s, dir, &err), PX_EINPUT);
    assert_int_equal(err.line, 2);
    assert_non_null(strstr(err.file, "c.tsv"));
    px_lexset_free(s);
    for (size_t i = 0; i < 3; i++) {
        snprintf(p, sizeof p, "%s/%s", dir, files[i][0]);
        unlink(p);
    }
    unlink(p);
    snprintf(p, sizeof p, "%s/c.tsv", dir);
    unlink(p);
    rmdir(dir);
}

/* The lexicons we ship: each loads, has its full header and a note for
 * every category. */
static void shipped_lexicons_are_complete(void **state)
{
    (void)state;
    const char *root = getenv("PARALLAX_SOURCE_ROOT");
    char dir[1024];
    snprintf(dir, sizeof dir, "%s/lexicons", root ? root : PX_SOURCE_ROOT);
    px_lexset *s = px_lexset_new();
    px_error err = {0};
    assert_int_equal(px_lexset_load_dir(s, dir, &err), PX_OK);
    const char *want[] = {"hedges", "loaded",       "attribution", "sourcing",
                          "tone",   "subjectivity", "frames"};
    for (size_t i = 0; i < sizeof want / sizeof *want; i++)
        assert_non_null(px_lexset_find(s, want[i]));
    for (size_t i = 0; i < px_lexset_count(s); i++) {
        const px_lexicon *l = px_lexset_get(s, i);
        assert_true(*l->version && *l->licence);
        assert_non_null(l->description);
        assert_non_null(l->built);
        assert_int_equal(l->nwarnings, 0);
        for (size_t c = 0; c < l->ncategories; c++)
            if (!l->category_notes[c])
                fail_msg("%s: category %s has no note", l->name, l->categories[c]);
    }
    assert_int_equal(px_lexset_find(s, "frames")->ncategories, 15);
    assert_true(px_lexset_find(s, "loaded")->nentries >= 500);
    assert_true(px_lexset_find(s, "tone")->nentries >= 500);
    px_lexset_free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(tsv_header_categories_and_entries),
        cmocka_unit_test(tsv_directions_and_context_rules),
        cmocka_unit_test(score_files_load_as_one_category),
        cmocka_unit_test(dic_categories_wildcards_and_several_per_word),
        cmocka_unit_test(dic_latin1_is_converted),
        cmocka_unit_test(dic_old_markup_and_unknown_ids_are_warnings),
        cmocka_unit_test(tsv_errors_name_file_and_line),
        cmocka_unit_test(dic_errors_name_file_and_line),
        cmocka_unit_test(files_nul_bytes_and_missing),
        cmocka_unit_test(folder_loads_in_name_order_and_refuses_broken),
        cmocka_unit_test(shipped_lexicons_are_complete),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
