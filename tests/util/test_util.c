/* Unit tests of src/util: arena, capped buffers, maps, UTF-8, files. */
#include "support.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static void arena_holds_many_allocations(void **state)
{
    (void)state;
    px_arena *a = px_arena_new();
    char *first = px_arena_strdup(a, "first");
    for (int i = 0; i < 10000; i++) {
        char *p = px_arena_printf(a, "item %d", i);
        assert_string_equal(p + 5, px_arena_printf(a, "%d", i));
    }
    void *big = px_arena_alloc(a, 1 << 20);
    memset(big, 7, 1 << 20);
    assert_string_equal(first, "first");
    assert_true(px_arena_used(a) > (1 << 20));
    px_arena_free(a);
    px_arena_free(NULL);
}

static void buffer_cap_is_an_error_not_a_crash(void **state)
{
    (void)state;
    px_buf b;
    px_buf_init(&b, 10);
    assert_int_equal(px_buf_puts(&b, "12345"), PX_OK);
    assert_int_equal(px_buf_puts(&b, "67890"), PX_OK);
    assert_string_equal(b.data, "1234567890");
    assert_int_equal(px_buf_putc(&b, 'x'), PX_ELIMIT);
    assert_true(b.toobig);
    assert_null(b.data);
    assert_int_equal(px_buf_puts(&b, "y"), PX_ELIMIT);
    px_buf_free(&b);
}

static void buffer_printf_grows(void **state)
{
    (void)state;
    px_buf b;
    px_buf_init(&b, 0);
    for (int i = 0; i < 1000; i++)
        px_buf_printf(&b, "%04d,", i);
    assert_int_equal(b.len, 5000);
    assert_memory_equal(b.data + 4995, "0999,", 5);
    px_buf_free(&b);
}

static void map_stores_and_iterates(void **state)
{
    (void)state;
    px_map *m = px_map_new();
    char key[32];
    for (int i = 0; i < 5000; i++) {
        int n = snprintf(key, sizeof key, "k%d", i);
        px_map_put(m, key, (size_t)n, (uintptr_t)i);
    }
    px_map_put(m, "k42", 3, 4242);
    assert_int_equal(px_map_count(m), 5000);
    uintptr_t v;
    assert_true(px_map_get(m, "k42", 3, &v));
    assert_int_equal(v, 4242);
    assert_false(px_map_get(m, "k5000", 5, NULL));
    size_t i = 0, seen = 0;
    while (px_map_next(m, &i, NULL, NULL, NULL))
        seen++;
    assert_int_equal(seen, 5000);
    px_map_free(m);
}

static void utf8_check_finds_the_bad_byte(void **state)
{
    (void)state;
    size_t bad;
    assert_true(px_utf8_check("caf\xC3\xA9", 5, &bad));
    assert_false(px_utf8_check("caf\xE9 noir", 9, &bad));
    assert_int_equal(bad, 3);
    assert_false(px_utf8_check("\xC0\xAF", 2, &bad));     /* overlong '/' */
    assert_false(px_utf8_check("\xED\xA0\x80", 3, &bad)); /* lone surrogate */
    assert_false(px_utf8_check("a\0b", 3, &bad));
    assert_int_equal(bad, 1);
}

static void utf8_clean_replaces_and_normalises(void **state)
{
    (void)state;
    px_arena *a = px_arena_new();
    size_t n;
    /* invalid byte → U+FFFD; CRLF → LF; e + combining acute → é (NFC) */
    char *s = px_utf8_clean(a, "x\xFFy\r\nz e\xCC\x81", 10, &n);
    assert_string_equal(s, "x\xEF\xBF\xBDy\nz \xC3\xA9");
    assert_int_equal(n, strlen(s));
    char *bom = px_utf8_clean(a, "\xEF\xBB\xBFhi", 5, &n);
    assert_string_equal(bom, "hi");
    char *f = px_utf8_fold(a, "\xC3\x89T\xC3\x89", 6, &n);
    assert_string_equal(f, "\xC3\xA9t\xC3\xA9");
    px_arena_free(a);
}

static void atomic_write_replaces_whole_file(void **state)
{
    (void)state;
    char dir[] = "/tmp/pxtestXXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[128];
    snprintf(path, sizeof path, "%s/out.txt", dir);
    px_error err;
    assert_int_equal(px_file_write_atomic(path, "old", 3, &err), PX_OK);
    assert_int_equal(px_file_write_atomic(path, "new text", 8, &err), PX_OK);
    char *data;
    size_t len;
    assert_int_equal(px_file_read(path, 0, &data, &len, &err), PX_OK);
    assert_string_equal(data, "new text");
    free(data);
    assert_int_equal(px_file_read(path, 4, &data, &len, &err), PX_ELIMIT);
    assert_int_equal(px_file_read("/nonexistent/x", 0, &data, &len, &err), PX_EINPUT);
    assert_string_equal(err.file, "/nonexistent/x");
    unlink(path);
    rmdir(dir);
}

/* One comparison of names for every stage: ASCII letters folded, digits
 * kept, punctuation and spaces dropped, UTF-8 characters kept whole; the
 * result is cut, never overrun, at the buffer's size. */
static void squash_keeps_letters_digits_and_utf8(void **state)
{
    (void)state;
    char out[64];
    assert_int_equal(px_squash("The Iron-Sentinel, 2021!", 24, out, sizeof out), 19);
    assert_string_equal(out, "theironsentinel2021");
    px_squash("Z\xC3\xBCrich Post", 12, out, sizeof out);
    assert_string_equal(out, "z\xC3\xBCrichpost");
    assert_int_equal(px_squash("ABCDEF", 6, out, 4), 3);
    assert_string_equal(out, "abc");
    assert_int_equal(px_squash("...", 3, out, sizeof out), 0);
    assert_string_equal(out, "");
}

static void has_ext_ignores_case_and_needs_a_name(void **state)
{
    (void)state;
    assert_true(px_has_ext("story.JSONL", ".jsonl"));
    assert_true(px_has_ext("dir/page.html", ".html"));
    assert_false(px_has_ext("page.html", ".htm"));
    assert_false(px_has_ext(".json", ".json"));
    assert_false(px_has_ext("json", ".json"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(arena_holds_many_allocations),
        cmocka_unit_test(buffer_cap_is_an_error_not_a_crash),
        cmocka_unit_test(buffer_printf_grows),
        cmocka_unit_test(map_stores_and_iterates),
        cmocka_unit_test(utf8_check_finds_the_bad_byte),
        cmocka_unit_test(utf8_clean_replaces_and_normalises),
        cmocka_unit_test(atomic_write_replaces_whole_file),
        cmocka_unit_test(squash_keeps_letters_digits_and_utf8),
        cmocka_unit_test(has_ext_ignores_case_and_needs_a_name),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
