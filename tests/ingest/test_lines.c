/* Unit tests of the line classifier for pasted text (src/ingest/lines.c,
 * linemodel.c, headline.c): what the features say of lines written for
 * these tests, the model file's errors (file and line named), and the
 * built-in model on a page of our own — an article between a menu, share
 * buttons, a newsletter pitch, a bio, related headlines, comments and a
 * footer. */
#include <stdlib.h>
#include <unistd.h>

#include "support.h"
#include "ingest/filter.h"

/* Features of the lines of text (title: the headline). */
static double *features(const char *text, const char *title, px_lines *lines)
{
    memset(lines, 0, sizeof *lines);
    px_lines_split(text, strlen(text), lines);
    double *x = calloc(lines->n * PX_LINE_NFEAT + 1, sizeof *x);
    px_lines_features(lines->v, lines->n, title, x);
    return x;
}

static double f(const double *x, size_t line, int k)
{
    return x[line * PX_LINE_NFEAT + k];
}

static void features_describe_lines(void **state)
{
    (void)state;
    px_lines l;
    double *x = features("Share this article\n"
                         "The council voted on Monday to close the old harbour bridge to lorries, "
                         "citing cracks found in a spring survey.\n"
                         "Sign up for our free morning newsletter\n"
                         "Harbour bridge to close to lorries\n"
                         "Ferry fares rise again\nNew bus lanes for the north end\nTags: harbour\n",
                         "Harbour bridge to close to lorries", &l);
    assert_int_equal(l.n, 7);
    assert_true(f(x, 0, PXF_w_share) > 0.3);
    assert_true(f(x, 1, PXF_prose) == 1 && f(x, 1, PXF_end_stop) == 1);
    assert_true(f(x, 1, PXF_stop_share) > 0.2 && f(x, 1, PXF_in_run) == 1);
    assert_true(f(x, 1, PXF_head_words) > 0); /* harbour, bridge, lorries */
    assert_true(f(x, 2, PXF_w_newsletter) > 0.2);
    assert_true(f(x, 3, PXF_is_headline) == 1);
    assert_true(f(x, 4, PXF_title_like) == 1 && f(x, 4, PXF_title_run) > f(x, 1, PXF_title_run));
    assert_true(f(x, 4, PXF_run_after) > 0 && f(x, 0, PXF_run_before) > 0);
    assert_true(f(x, 5, PXF_head_words) == 0); /* another story */
    assert_true(f(x, 6, PXF_w_related) > 0);
    free(x);
    px_vec_free(l);
}

/* A model file with a mistake names the file and the line. */
static void model_errors_name_the_line(void **state)
{
    (void)state;
    static const struct {
        const char *text;
        size_t line;
        const char *says;
    } cases[] = {
        {"format parallax-line-model 2\nbias 1\nfeature log_chras 1 0 1\n", 3, "unknown feature"},
        {"format parallax-line-model 2\n\n# c\nfeature log_chars 1 0 0\n", 4, "SCALE > 0"},
        {"format parallax-line-model 2\nfeature log_chars 1 0 1\nfeature log_chars 1 0 1\n", 3,
         "twice"},
        {"format parallax-line-model 2\nshift x1\n", 2, "one number"},
        {"format parallax-line-model 2\nadapt -1\n", 2, "0 or more"},
        {"format parallax-line-model 2\nact 4\n", 2, "act ACT AROUND"},
        {"format parallax-line-model 2\nstyle log_chars\n", 2, "after the feature line"},
        {"format parallax-line-model 2\nthreshold 0.5\n", 2, "unknown setting"},
        {"format parallax-line-model 2\nboundary -1 0 0\n", 2, "boundary WEIGHT"},
        {"format parallax-line-model 2\nend log_chars x\n", 2, "start|end NAME WEIGHT"},
        {"format parallax-line-model 2\nstart log_chras 1\n", 2, "unknown feature"},
        {"bias 1\n", 1, "not a line model"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        px_line_model *m = NULL;
        px_error err;
        px_status st = px_line_model_parse(cases[i].text, strlen(cases[i].text), "m.txt", &m, &err);
        if (st != PX_EINPUT || err.line != cases[i].line || !strstr(err.message, cases[i].says))
            fail_msg("case %zu: status %d line %zu: %s", i, st, err.line, err.message);
        assert_string_equal(err.file, "m.txt");
    }
}

static void builtin_model_loads(void **state)
{
    (void)state;
    assert_non_null(px_line_model_builtin());
    /* and the file on disk through the public loader */
    char path[1024];
    snprintf(path, sizeof path, "%s/data/line-model.txt", PX_SOURCE_ROOT);
    px_furniture *fur = px_furniture_default();
    px_error err;
    if (px_furniture_load_model(fur, path, &err) != PX_OK)
        fail_msg("%s:%zu: %s", err.file, err.line, err.message);
    px_furniture_free(fur);
}

/* A page of our own, as a reader pastes it from the headline down. */
static const char *const page =
    "Harbour bridge to close to lorries after survey finds cracks\n"
    "By Ines Marlow\n"
    "Published 4 March 2025, 09:12\n"
    "Share\nFacebook\nTwitter\nEmail\n"
    "The council voted on Monday to close the old harbour bridge to lorries from next month, "
    "after engineers found cracks in two of its supports during a routine spring survey.\n"
    "Cars and buses will still be allowed to cross, but vehicles over 7.5 tonnes will have to "
    "use the ring road, adding about twenty minutes to deliveries into the port.\n"
    "\"We cannot take the risk of waiting for the next survey,\" said the council's head of "
    "transport, who added that repairs could begin in the autumn if funding is found.\n"
    "Hauliers said they had been given too little notice and asked for the ban to be delayed "
    "until the repairs are priced.\n"
    "The bridge, which opened in 1962, carries about 14,000 vehicles a day.\n"
    "Get the Harbour Herald morning briefing in your inbox. Sign up for free.\n"
    "Ines Marlow is a reporter for the Harbour Herald covering transport.\n"
    "Related stories\n"
    "Ferry fares rise for the third year running\n"
    "Night buses return to the north end\n"
    "Port workers vote to strike over pay\n"
    "12 comments\n"
    "harbourfan\n"
    "2 hours ago\n"
    "About time someone did something about that bridge.\n"
    "Reply\n"
    "About us\nContact\nPrivacy policy\nTerms of use\n"
    "Copyright 2025 Harbour Herald. All rights reserved.\n";

static void builtin_model_keeps_the_article(void **state)
{
    (void)state;
    px_furniture *fur = px_furniture_default();
    px_ingest_opts o = {.furniture = fur};
    px_arena *a = px_arena_new();
    px_article *art = NULL;
    px_error err;
    assert_int_equal(px_ingest_text(a, page, strlen(page), "herald.txt", &o, &art, &err), PX_OK);
    static const char *const kept[] = {"found cracks in two", "adding about twenty minutes",
                                       "cannot take the risk", "given too little notice",
                                       "opened in 1962"};
    for (size_t i = 0; i < sizeof kept / sizeof kept[0]; i++)
        if (!strstr(art->body, kept[i]))
            fail_msg("article lost: \"%s\"\n%s", kept[i], art->body);
    static const char *const gone[] = {"Facebook",           "morning briefing",   "is a reporter",
                                       "Related stories",    "Ferry fares",        "Port workers",
                                       "12 comments",        "About time someone", "Privacy policy",
                                       "All rights reserved"};
    for (size_t i = 0; i < sizeof gone / sizeof gone[0]; i++)
        if (strstr(art->body, gone[i]))
            fail_msg("furniture kept: \"%s\"\n%s", gone[i], art->body);
    assert_string_equal(art->byline, "Ines Marlow");
    px_arena_free(a);
    px_furniture_free(fur);
}

/* A magazine's page: its name alone on a line, the headline twice, a
 * newsletter pitch in two sentences, and related headlines that run into
 * their section labels ("…50 years onIn Focus The region…"), separated by
 * "-" lines. */
static void magazine_page_cleaned(void **state)
{
    (void)state;
    const char *mag =
        "Leaders agree to resume river talks after a two-hour call\n"
        "The Northern Review\n"
        "Leaders agree to resume river talks after a two-hour call\n"
        "By Petra Lund\n"
        "The leaders of the two neighbouring states spoke by telephone for nearly two hours on "
        "Tuesday and agreed to restart talks on sharing the river's water next month.\n"
        "The call was the first direct contact between the two since the dam on the upper "
        "river was finished last year, cutting the flow downstream by about a third.\n"
        "\"It was a frank conversation, and a useful one,\" a spokesman for one of the "
        "governments said, adding that technical teams would meet in Geneva.\n"
        "The other side was more guarded, saying that serious differences remained over how "
        "much water the dam should release in the dry months.\n"
        "Both governments also agreed to postpone military exercises near the border.\n"
        "Cut through the noise. The stories that matter, straight to your inbox.\n"
        "A free morning email with the day's essential news and our best long reads.\n"
        "Related\n-\n"
        "How a dam divided two countries 50 years onIn Focus The region still counts the "
        "cost of the flood\n-\n"
        "Farmers downstream brace for a dry summerEnvironment The harvest may be the "
        "smallest in a decade\n-\n"
        "The Northern Review\nAbout us\nContact\n\xC2\xA9 2025 The Northern Review\n";
    px_furniture *fur = px_furniture_default();
    px_ingest_opts o = {.furniture = fur};
    px_arena *a = px_arena_new();
    px_article *art = NULL;
    px_error err;
    assert_int_equal(px_ingest_text(a, mag, strlen(mag), "review.txt", &o, &art, &err), PX_OK);
    assert_string_equal(art->title, "Leaders agree to resume river talks after a two-hour call");
    static const char *const kept[] = {"spoke by telephone", "first direct contact",
                                       "frank conversation", "more guarded",
                                       "postpone military exercises"};
    for (size_t i = 0; i < sizeof kept / sizeof kept[0]; i++)
        if (!strstr(art->body, kept[i]))
            fail_msg("article lost: \"%s\"\n%s", kept[i], art->body);
    static const char *const gone[] = {"Northern Review",
                                       "two-hour call",
                                       "Petra Lund",
                                       "straight to your inbox",
                                       "free morning email",
                                       "50 years onIn Focus",
                                       "dry summerEnvironment",
                                       "About us"};
    for (size_t i = 0; i < sizeof gone / sizeof gone[0]; i++)
        if (strstr(art->body, gone[i]))
            fail_msg("furniture kept: \"%s\"\n%s", gone[i], art->body);
    assert_string_equal(art->name, "The Northern Review");
    px_arena_free(a);
    px_furniture_free(fur);
}

/* The rules alone (no classifier) keep what they do not name. */
static void rules_only_keeps_more(void **state)
{
    (void)state;
    px_furniture *fur = px_furniture_default();
    px_furniture_rules_only(fur);
    px_ingest_opts o = {.furniture = fur};
    px_arena *a = px_arena_new();
    px_article *art = NULL;
    px_error err;
    assert_int_equal(px_ingest_text(a, page, strlen(page), "herald.txt", &o, &art, &err), PX_OK);
    assert_non_null(strstr(art->body, "About time someone"));
    assert_null(strstr(art->body, "morning briefing")); /* a rule names it */
    px_arena_free(a);
    px_furniture_free(fur);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(features_describe_lines),
        cmocka_unit_test(model_errors_name_the_line),
        cmocka_unit_test(builtin_model_loads),
        cmocka_unit_test(builtin_model_keeps_the_article),
        cmocka_unit_test(magazine_page_cleaned),
        cmocka_unit_test(rules_only_keeps_more),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
