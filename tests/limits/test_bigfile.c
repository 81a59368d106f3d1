/*
 * test_bigfile.c — bound: a 50 MiB text file on one line, and the 64 MiB
 * input cap.
 *
 * As a file the line is all headline, so ingest refuses it with a clear
 * error; as a body (a headline line before it) it is ingested whole, the
 * sentence splitter finds every one of its sentences, and a comparison
 * refuses it by the story's byte limit before the text stage runs. A file
 * one byte over the input cap is refused, not cut.
 */
#include <unistd.h>

#include "limits.h"

#define BIG ((size_t)50 << 20)
static const char unit[] = "The council met on Monday to approve the bridge. ";

static char *temp_file(const char *data, size_t n)
{
    char *path = px_xstrdup("/tmp/px-limits-XXXXXX");
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    for (size_t done = 0; done < n;) {
        ssize_t w = write(fd, data + done, n - done);
        assert_true(w > 0);
        done += (size_t)w;
    }
    close(fd);
    return path;
}

static void one_line_file_is_all_headline(void **state)
{
    (void)state;
    double t0 = limits_now();
    char *line = limits_repeat("", unit, BIG);
    char *path = temp_file(line, BIG);
    free(line);
    px_arena *a = px_arena_new();
    px_article **arts;
    size_t n;
    px_error err;
    assert_int_equal(px_ingest_file(a, path, NULL, &arts, &n, &err), PX_EINPUT);
    assert_non_null(strstr(err.message, "no article text after the headline"));
    unlink(path);
    free(path);
    px_arena_free(a);
    limits_report("50 MiB one-line file, ingested", t0, 512);
}

static void one_line_body_is_split_whole(void **state)
{
    (void)state;
    double t0 = limits_now();
    char *text = limits_repeat("Headline\n", unit, BIG);
    px_arena *a = px_arena_new();
    px_article *art;
    px_error err;
    assert_int_equal(px_ingest_text(a, text, BIG, "big.txt", NULL, &art, &err), PX_OK);
    free(text);
    size_t body = BIG - strlen("Headline\n");
    assert_true(art->body_len >= body - sizeof unit && art->body_len <= body);
    px_span *sp;
    size_t ns = px_text_split(a, art->body, art->body_len, &sp);
    size_t want = (body + sizeof unit - 2) / (sizeof unit - 1); /* the last one cut short */
    assert_int_equal(ns, want);
    assert_int_equal(sp[ns - 1].end, art->body_len);
    limits_report("50 MiB one-line body, split into sentences", t0, 512);

    t0 = limits_now();
    px_story *s = px_story_new("big");
    assert_int_equal(px_story_add(s, art, &err), PX_OK);
    char *small = limits_article(px_story_arena(s), 1, 10);
    assert_int_equal(limits_add(s, "small", small, strlen(small), &err), PX_OK);
    assert_int_equal(px_story_analyze(s, NULL, NULL, &err), PX_ELIMIT);
    assert_non_null(strstr(err.message, "a story compared holds at most 32 MiB"));
    assert_string_equal(err.file, "big.txt");
    px_story_free(s);
    px_arena_free(a);
    limits_report("50 MiB one-line body, compared", t0, 512);
}

static void input_cap_refuses_not_cuts(void **state)
{
    (void)state;
    double t0 = limits_now();
    size_t cap = (size_t)64 << 20;
    char *text = limits_repeat("Headline\n\n", unit, cap + 1);
    char *path = temp_file(text, cap + 1);
    free(text);
    px_arena *a = px_arena_new();
    px_article **arts;
    size_t n;
    px_error err;
    assert_int_equal(px_ingest_file(a, path, NULL, &arts, &n, &err), PX_ELIMIT);
    assert_non_null(strstr(err.message, "larger than the limit"));
    unlink(path);
    free(path);
    px_arena_free(a);
    limits_report("64 MiB + 1 byte file", t0, 512);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(one_line_file_is_all_headline),
        cmocka_unit_test(one_line_body_is_split_whole),
        cmocka_unit_test(input_cap_refuses_not_cuts),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
