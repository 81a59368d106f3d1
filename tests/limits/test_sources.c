/*
 * test_sources.c — bound: 500 sources in one story.
 *
 * A story holds at most PX_MAX_SOURCES (64) sources: px_story_add refuses
 * the 65th with a clear error and the story stays usable. A story of 64
 * sources is compared within a stated memory bound; a story whose
 * sentences pass PX_MAX_STORY_SENTENCES is refused before alignment.
 */
#include "limits.h"

static void five_hundred_sources(void **state)
{
    (void)state;
    double t0 = limits_now();
    px_story *s = px_story_new("crowd");
    size_t added = 0;
    px_error err;
    for (unsigned k = 0; k < 500; k++) {
        char id[32];
        snprintf(id, sizeof id, "outlet%u", k);
        /* every outlet also states one fact in the same words */
        char *body = limits_article(px_story_arena(s), k, 25);
        size_t n = strlen(body) + 96;
        char *text = px_arena_array(px_story_arena(s), n, 1);
        snprintf(text, n, "%s\n\nThe vote on the Harlow bridge ended in a tie of seven to seven.\n",
                 body);
        px_status st = limits_add(s, id, text, strlen(text), &err);
        if (k < PX_MAX_SOURCES) {
            assert_int_equal(st, PX_OK);
            added++;
        } else {
            assert_int_equal(st, PX_ELIMIT);
            assert_non_null(strstr(err.message, "a story holds at most 64"));
            assert_string_equal(err.file, id);
        }
    }
    assert_int_equal(s->nsources, PX_MAX_SOURCES);
    assert_int_equal(px_story_analyze(s, NULL, NULL, &err), PX_OK);
    assert_true(s->alignment.nfacts > 0);
    size_t widest = 0;
    for (size_t f = 0; f < s->alignment.nfacts; f++)
        if (s->alignment.facts[f].nmentions > widest)
            widest = s->alignment.facts[f].nmentions;
    assert_int_equal(widest, PX_MAX_SOURCES); /* the outlet sets hold all 64 */
    px_buf out;
    px_buf_init(&out, (size_t)256 << 20);
    assert_int_equal(px_report_json(s, NULL, &out), PX_OK);
    px_buf_free(&out);
    px_story_free(s);
    limits_report("500 sources offered, 64 compared (25 sentences each)", t0, 256);
}

static void story_sentence_limit(void **state)
{
    (void)state;
    double t0 = limits_now();
    px_story *s = px_story_new("long-crowd");
    px_error err;
    unsigned each = PX_MAX_STORY_SENTENCES / PX_MAX_SOURCES + 2;
    for (unsigned k = 0; k < PX_MAX_SOURCES; k++) {
        char id[32];
        snprintf(id, sizeof id, "outlet%u", k);
        char *text = limits_article(px_story_arena(s), k, each);
        assert_int_equal(limits_add(s, id, text, strlen(text), &err), PX_OK);
    }
    assert_int_equal(px_story_analyze(s, NULL, NULL, &err), PX_ELIMIT);
    assert_non_null(strstr(err.message, "a story compared holds at most 10000"));
    px_story_free(s);
    limits_report("64 sources of 158 sentences, refused", t0, 256);
}

/* The most a story may hold: 64 sources of 156 sentences (9,984 in
 * all, the headlines counted). */
static void largest_story(void **state)
{
    (void)state;
    double t0 = limits_now();
    px_story *s = px_story_new("largest");
    px_error err;
    unsigned each = PX_MAX_STORY_SENTENCES / PX_MAX_SOURCES - 1;
    for (unsigned k = 0; k < PX_MAX_SOURCES; k++) {
        char id[32];
        snprintf(id, sizeof id, "outlet%u", k);
        char *text = limits_article(px_story_arena(s), k, each);
        assert_int_equal(limits_add(s, id, text, strlen(text), &err), PX_OK);
    }
    assert_int_equal(px_story_analyze(s, NULL, NULL, &err), PX_OK);
    px_story_free(s);
    limits_report("64 sources of 156 sentences, compared", t0, 256);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(story_sentence_limit),
        cmocka_unit_test(five_hundred_sources),
        cmocka_unit_test(largest_story),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
