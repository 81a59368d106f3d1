/* Unit tests of src/batch/names.c and lines.c: safe file names from any
 * story id, the shard hash, the capped line reader and the tolerant
 * "story" key scanner. */
#include <stdlib.h>

#include "support.h"
#include "batch/internal.h"

static void names_are_safe(void **state)
{
    (void)state;
    px_arena *a = px_arena_new();
    assert_string_equal(px_batch_file_name(a, "story-12_a.b"), "story-12_a.b");
    assert_string_equal(px_batch_file_name(a, "../etc/passwd"), "%2E.%2Fetc%2Fpasswd");
    assert_string_equal(px_batch_file_name(a, "."), "%2E");
    assert_string_equal(px_batch_file_name(a, "-rf"), "%2Drf");
    assert_string_equal(px_batch_file_name(a, "a b%"), "a%20b%25");
    assert_string_equal(px_batch_file_name(a, "na\xC3\xAFve"), "na%C3%AFve");
    assert_string_equal(px_batch_file_name(a, ""), "%");
    px_arena_free(a);
}

static void names_never_clash(void **state)
{
    (void)state;
    px_arena *a = px_arena_new();
    /* ids that a naive mapping would merge */
    const char *ids[] = {"a/b", "a%2Fb", "a_b", "a b", "a%20b", "A/B", "", "%"};
    size_t n = sizeof ids / sizeof ids[0];
    for (size_t i = 0; i < n; i++)
        for (size_t j = i + 1; j < n; j++)
            assert_string_not_equal(px_batch_file_name(a, ids[i]), px_batch_file_name(a, ids[j]));
    px_arena_free(a);
}

static void long_names_are_cut_with_a_hash(void **state)
{
    (void)state;
    px_arena *a = px_arena_new();
    char one[401], two[401];
    memset(one, 'x', 400);
    one[400] = '\0';
    memcpy(two, one, sizeof one);
    two[399] = 'y'; /* differs only past the cut */
    const char *n1 = px_batch_file_name(a, one), *n2 = px_batch_file_name(a, two);
    assert_true(strlen(n1) <= 160);
    assert_non_null(strchr(n1, '~'));
    assert_string_not_equal(n1, n2);
    assert_string_equal(n1, px_batch_file_name(a, one)); /* stable */
    px_arena_free(a);
}

static void shards_are_fixed_and_cover_all(void **state)
{
    (void)state;
    unsigned seen[4] = {0};
    char id[32];
    for (int i = 0; i < 300; i++) {
        snprintf(id, sizeof id, "story-%d", i);
        unsigned k = px_batch_shard_of(id, 3);
        assert_true(k >= 1 && k <= 3);
        seen[k]++;
    }
    for (unsigned k = 1; k <= 3; k++)
        assert_true(seen[k] > 60); /* roughly even */
    assert_int_equal(px_batch_shard_of("anything", 1), 1);
    /* FNV-1a 64 of "abc" is 0xe71fa2190541574b: the split is the same on
     * every machine and in every version */
    assert_int_equal(px_batch_fnv(PX_FNV_START, "abc", 3), 0xe71fa2190541574bULL);
    assert_int_equal(px_batch_shard_of("abc", 7), 0xe71fa2190541574bULL % 7 + 1);
}

static void story_key_found_at_top_level_only(void **state)
{
    (void)state;
    px_arena *a = px_arena_new();
#define KEY(s) px_batch_story_key(a, s, strlen(s))
    assert_string_equal(KEY("{\"story\": \"s1\", \"text\": \"x\"}"), "s1");
    assert_string_equal(KEY("{\"meta\": {\"story\": \"inner\"}, \"story\": \"outer\"}"), "outer");
    assert_string_equal(KEY("{\"t\": \"a \\\"story\\\": \\\"no\\\"\", \"story\": \"yes\"}"), "yes");
    assert_string_equal(KEY("{\"story\": \"caf\\u00e9 \\\"q\\\"\"}"), "caf\xC3\xA9 \"q\"");
    /* broken after the key: still named, so the story fails as a whole */
    assert_string_equal(KEY("{\"story\": \"s2\", \"text\": \"cut off"), "s2");
    assert_null(KEY("{\"text\": \"cut off"));
    assert_null(KEY("{\"story\": 12}"));
    assert_null(KEY("[\"story\", \"s\"]"));
    assert_null(KEY("not json"));
    assert_null(KEY(""));
#undef KEY
    px_arena_free(a);
}

static void lines_keep_a_capped_prefix(void **state)
{
    (void)state;
    /* a short line, a long one past the cap, one with a NUL, one without \n */
    char data[200000];
    size_t n = 0;
    n += (size_t)snprintf(data + n, sizeof data - n, "first\n");
    memset(data + n, 'L', 100000);
    n += 100000;
    data[n++] = '\n';
    memcpy(data + n, "a\0b\n", 4);
    n += 4;
    memcpy(data + n, "last", 4);
    n += 4;
    FILE *f = fmemopen(data, n, "r");
    px_lines r;
    px_lines_init(&r, f, 1000);
    assert_true(px_lines_next(&r));
    assert_string_equal(r.buf, "first");
    assert_int_equal(r.off, 0);
    assert_true(px_lines_next(&r));
    assert_int_equal(r.len, 1000);    /* kept */
    assert_int_equal(r.full, 100000); /* measured */
    assert_int_equal(r.off, 6);
    assert_int_equal(r.hash, px_batch_fnv(PX_FNV_START, data + 6, 100001));
    assert_true(px_lines_next(&r));
    assert_int_equal(r.full, 3);
    assert_memory_equal(r.buf, "a\0b", 3);
    assert_true(px_lines_next(&r));
    assert_string_equal(r.buf, "last");
    assert_int_equal(r.line, 4);
    assert_int_equal(r.next, n);
    assert_false(px_lines_next(&r));
    px_lines_free(&r);
    fclose(f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(names_are_safe),
        cmocka_unit_test(names_never_clash),
        cmocka_unit_test(long_names_are_cut_with_a_hash),
        cmocka_unit_test(shards_are_fixed_and_cover_all),
        cmocka_unit_test(story_key_found_at_top_level_only),
        cmocka_unit_test(lines_keep_a_capped_prefix),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
