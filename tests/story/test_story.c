/* Unit tests of the story (src/story/story.c): outlet ids made unique, the
 * source limit, story.json errors, the names and ids of sentences and
 * facts, and what analysing asks of a story. */
#include <stdlib.h>
#include <unistd.h>

#include "report/fixture.h"

static px_article *article(px_story *s, const char *id, const char *text)
{
    px_article *art;
    assert_int_equal(px_ingest_text(px_story_arena(s), text, strlen(text), id, NULL, &art, NULL),
                     PX_OK);
    return art;
}

static void ids_are_made_unique(void **state)
{
    (void)state;
    px_story *s = px_story_new("twice");
    px_error err = {0};
    assert_int_equal(px_story_add(s, article(s, "wire", "A\n\nOne."), &err), PX_OK);
    assert_int_equal(px_story_add(s, article(s, "wire", "B\n\nTwo."), &err), PX_OK);
    assert_int_equal(px_story_add(s, article(s, "wire", "C\n\nThree."), &err), PX_OK);
    assert_string_equal(s->articles[1]->id, "wire-2");
    assert_string_equal(s->articles[2]->id, "wire-3");
    assert_int_equal(px_story_source(s, "wire-3"), 2);
    assert_int_equal(px_story_source(s, "none"), -1);
    assert_string_equal(s->title, "A"); /* the first headline */
    px_story_free(s);
}

static void at_most_max_sources(void **state)
{
    (void)state;
    px_story *s = px_story_new(NULL);
    assert_string_equal(s->id, "story");
    px_error err = {0};
    for (int i = 0; i < PX_MAX_SOURCES; i++)
        assert_int_equal(px_story_add(s, article(s, "o", "T\n\nText."), &err), PX_OK);
    assert_int_equal(px_story_add(s, article(s, "o", "T\n\nText."), &err), PX_ELIMIT);
    assert_int_equal(s->nsources, PX_MAX_SOURCES);
    /* and one source is no comparison */
    px_story *one = px_story_new("one");
    assert_int_equal(px_story_add(one, article(one, "a", "T\n\nText."), &err), PX_OK);
    assert_int_equal(px_story_analyze(one, NULL, NULL, &err), PX_EUSAGE);
    assert_false(one->analyzed);
    px_story_free(one);
    px_story_free(s);
}

static void invalid_id_bytes_are_replaced(void **state)
{
    (void)state;
    px_story *s = px_story_new("caf\xE9");
    assert_string_equal(s->id, "caf\xEF\xBF\xBD"); /* U+FFFD */
    px_story_free(s);
}

static void story_json_errors_name_the_file(void **state)
{
    (void)state;
    px_story *s = px_story_new("meta");
    px_error err = {0};
    assert_int_equal(px_story_add(s, article(s, "wire", "A\n\nOne."), &err), PX_OK);
    char path[] = "/tmp/pxmetaXXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    const char *bad = "{\"sources\": {\"ghost\": {\"name\": \"Ghost\"}}}";
    assert_int_equal(write(fd, bad, strlen(bad)), (ssize_t)strlen(bad));
    close(fd);
    assert_int_equal(px_story_load_meta(s, path, &err), PX_EINPUT);
    assert_string_equal(err.file, path);
    assert_non_null(strstr(err.message, "'ghost' is not among the story's files"));
    unlink(path);
    px_story_free(s);
}

static void names_of_sentences_and_facts(void **state)
{
    (void)state;
    px_lexset *lex;
    px_story *s = fixture_story(&lex);
    char id[64];
    px_story_sentence_id(s, 0, 0, id, sizeof id);
    assert_string_equal(id, "north:h");
    px_story_sentence_id(s, 0, 2, id, sizeof id);
    assert_string_equal(id, "north:s2");
    size_t n;
    const char *t = px_story_sentence(s, 0, 2, &n);
    assert_true(n > 20 && !strncmp(t, "Engineers found 12", 18));
    px_story_fact_id(0, id, sizeof id);
    assert_string_equal(id, "f1");
    int beams = fixture_fact(s, "cracked beams");
    t = px_story_fact_text(s, &s->alignment.facts[beams], &n);
    assert_non_null(memchr(t, 'b', n));
    assert_string_equal(px_story_outlet(s, 1), "south"); /* no name: the id */
    px_story_free(s);
    px_lexset_free(lex);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(ids_are_made_unique),
        cmocka_unit_test(at_most_max_sources),
        cmocka_unit_test(invalid_id_bytes_are_replaced),
        cmocka_unit_test(story_json_errors_name_the_file),
        cmocka_unit_test(names_of_sentences_and_facts),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
