/* Unit tests of conflicting details (src/align/conflicts.c) and of the
 * learned model's file and verdicts (src/align/model.c, group.c).
 *
 * Each conflict case is a two-outlet story: a shared lead, then the
 * sentence under test in both outlets, worded so the two are plainly the
 * same claim; the test asks whether the fact holding them reports a
 * conflicting detail. Stories written for the tests. */
#include <stdlib.h>
#include <unistd.h>

#include "support.h"
#include "align/internal.h"

static px_text_ctx *ctx;

static int setup(void **state)
{
    (void)state;
    ctx = px_text_ctx_new();
    return ctx ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    px_text_ctx_free(ctx);
    return 0;
}

/* Conflicts of the fact holding outlet a's second body sentence, or -1
 * when that sentence is not linked to outlet b's. */
static long conflicts_of(const char *x, const char *y)
{
    char ta[512], tb[512];
    snprintf(ta, sizeof ta,
             "Council acts on Harlow bridge\n\nThe Harlow city council met on Tuesday evening to "
             "decide the future of the old river bridge.\n\n%s\n\nResidents packed the hall.",
             x);
    snprintf(tb, sizeof tb,
             "Harlow bridge decision\n\nOn Tuesday evening the Harlow city council met to decide "
             "the future of the old river bridge.\n\n%s\n\nThe mayor did not attend.",
             y);
    const char *texts[] = {"a", ta, "b", tb};
    px_story *s = test_story(texts, 2);
    px_error err;
    assert_int_equal(px_story_analyze(s, NULL, ctx, &err), PX_OK);
    long out = -1;
    const px_alignment *al = &s->alignment;
    for (size_t f = 0; f < al->nfacts; f++) {
        const px_mention *ma = px_fact_mention(&al->facts[f], 0);
        const px_mention *mb = px_fact_mention(&al->facts[f], 1);
        if (ma && mb && ma->sent == 2)
            out = (long)al->facts[f].nconflicts;
    }
    px_story_free(s);
    return out;
}

static void ranges_that_meet_agree(void **state)
{
    (void)state;
    /* "over 20 years" holds 21; "about two hours" and "more than two hours" meet */
    assert_int_equal(conflicts_of("The engineer who inspected it served over 20 years at the "
                                  "state transport agency.",
                                  "The engineer who inspected it served 21 years at the state "
                                  "transport agency."),
                     0);
    assert_int_equal(conflicts_of("The council debated the bridge for about two hours before "
                                  "the vote.",
                                  "The council debated the bridge for more than two hours before "
                                  "the vote."),
                     0);
    /* number words and figures are one value */
    assert_int_equal(conflicts_of("Two in three residents cross the bridge every day, a city "
                                  "survey found.",
                                  "2 in 3 residents cross the bridge every day, a city survey "
                                  "found."),
                     0);
}

static void ranges_apart_conflict(void **state)
{
    (void)state;
    assert_int_equal(conflicts_of("The council voted 6-3 to close the bridge to trucks.",
                                  "The council voted seven to two to close the bridge to trucks."),
                     1);
    assert_int_equal(conflicts_of("A handful of protesters gathered outside the hall before the "
                                  "vote.",
                                  "Hundreds of protesters gathered outside the hall before the "
                                  "vote."),
                     1);
    assert_int_equal(conflicts_of("The new bridge is expected to open in 2027, the council "
                                  "said.",
                                  "The new bridge is expected to open in 2028, the council "
                                  "said."),
                     1);
    assert_int_equal(conflicts_of("The debate lasted nearly two hours before the vote.",
                                  "The debate lasted about 90 minutes before the vote."),
                     1);
}

static void different_things_do_not_conflict(void **state)
{
    (void)state;
    /* two sums of money, of different things: not one detail */
    assert_int_equal(conflicts_of("The engineer, paid $750,000 by the city, wore a $43,000 watch "
                                  "to the hearing.",
                                  "The engineer wore a $43,000 watch to the hearing, a city "
                                  "record shows."),
                     0);
    assert_int_equal(conflicts_of("The engineer admitted he spent $750,000 in city money on "
                                  "personal items over five years.",
                                  "The engineer admitted he spent city money on personal items, "
                                  "including a $43,000 watch."),
                     0);
}

/* ---- the model file ---- */

static const char *write_tmp(const char *text)
{
    static char path[64];
    snprintf(path, sizeof path, "/tmp/px-model-%d.tsv", (int)getpid());
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
    return path;
}

static void model_file_errors_name_the_line(void **state)
{
    (void)state;
    px_align_model *m = NULL;
    px_error err;
    const char *p = write_tmp("# a model\npair\tbias\t-3\npair\tsim\tlots\n");
    assert_int_equal(px_align_model_load(p, &m, &err), PX_EINPUT);
    assert_null(m);
    assert_int_equal(err.line, 3);
    assert_non_null(strstr(err.message, "not a number"));
    p = write_tmp("pair\tbias\t-3\npair\tsimilarity\t2\n");
    assert_int_equal(px_align_model_load(p, &m, &err), PX_EINPUT);
    assert_int_equal(err.line, 2);
    assert_non_null(strstr(err.message, "unknown weight"));
    p = write_tmp("pair\tbias\t-3\nstory\tlogit\t1\n");
    assert_int_equal(px_align_model_load(p, &m, &err), PX_EINPUT);
    assert_non_null(strstr(err.message, "stages pair, story and similar"));
    p = write_tmp("pair\tbias\t-3\n\tsim\n");
    assert_int_equal(px_align_model_load(p, &m, &err), PX_EINPUT);
    assert_int_equal(err.line, 2);
    unlink(p);
}

/* A model that links nothing: every pair stays apart, and no outlet is
 * said to omit anything it might carry. */
static void a_model_decides_the_links(void **state)
{
    (void)state;
    const char *p = write_tmp("pair\tbias\t-30\nstory\tbias\t-30\nstory\tlogit\t1\n"
                              "similar\tbias\t-30\n");
    px_align_model *m = NULL;
    px_error err;
    assert_int_equal(px_align_model_load(p, &m, &err), PX_OK);
    unlink(p);
    const char *texts[] = {"a", "Bridge closes\n\nThe Harlow bridge closed on Monday.", "b",
                           "Harlow bridge shut\n\nThe Harlow bridge closed on Monday."};
    px_story *s = test_story(texts, 2);
    px_config cfg;
    px_config_defaults(&cfg);
    cfg.align.model = m;
    assert_int_equal(px_story_analyze(s, &cfg, ctx, &err), PX_OK);
    assert_int_equal(s->alignment.nfacts, 2);
    px_story_free(s);
    /* the built-in model links the same two sentences */
    s = test_story(texts, 2);
    assert_int_equal(px_story_analyze(s, NULL, ctx, &err), PX_OK);
    assert_int_equal(s->alignment.nfacts, 1);
    assert_true(s->alignment.facts[0].confidence > 0.9);
    px_story_free(s);
    px_align_model_free(m);
}

/* "Trump said." states nothing of its own: two of them are not one fact,
 * however alike */
static void bare_attributions_never_link(void **state)
{
    (void)state;
    const char *texts[] = {
        "a",
        "Wall talks\n\nThe president spoke to reporters on Monday about the border wall."
        "\n\n\"We will build it,\" Trump said.\n\nTrump said.",
        "b",
        "Border wall\n\nPresident Trump spoke to reporters about the border wall on "
        "Monday.\n\nTrump said."};
    px_story *s = test_story(texts, 2);
    px_error err;
    assert_int_equal(px_story_analyze(s, NULL, ctx, &err), PX_OK);
    const px_alignment *al = &s->alignment;
    size_t linked = 0;
    for (size_t f = 0; f < al->nfacts; f++) {
        const px_fact *fact = &al->facts[f];
        if (fact->nmentions < 2)
            continue;
        linked++;
        for (size_t k = 0; k < fact->nmentions; k++) {
            const px_sentence *se =
                &s->docs[fact->mentions[k].source]->sents[fact->mentions[k].sent];
            assert_true(se->end - se->start > strlen("Trump said."));
        }
    }
    assert_int_equal(linked, 1); /* the talks, and nothing else */
    px_story_free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(ranges_that_meet_agree),
        cmocka_unit_test(ranges_apart_conflict),
        cmocka_unit_test(different_things_do_not_conflict),
        cmocka_unit_test(model_file_errors_name_the_line),
        cmocka_unit_test(a_model_decides_the_links),
        cmocka_unit_test(bare_attributions_never_link),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
