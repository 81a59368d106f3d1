/* Unit tests of NFC in px_utf8_clean (src/util/utf8.c): only the stretches
 * around non-ASCII characters are normalised, and the result must be
 * exactly utf8proc's NFC of the whole text — compositions with the ASCII
 * letter before (e + U+0301), reordering of combining marks, Hangul
 * syllables, singletons — and an unassigned code point keeps the text as
 * it is. */
#include <stdlib.h>
#include <utf8proc.h>

#include "support.h"

/* utf8proc's NFC of the whole of s (s itself when it refuses). */
static char *whole_nfc(const char *s)
{
    utf8proc_uint8_t *f = NULL;
    utf8proc_ssize_t r = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)strlen(s), &f,
                                      UTF8PROC_STABLE | UTF8PROC_COMPOSE);
    if (r < 0) {
        free(f);
        return strdup(s);
    }
    return (char *)f;
}

static void same_as_whole(const char *s)
{
    px_arena *a = px_arena_new();
    size_t n;
    char *got = px_utf8_clean(a, s, strlen(s), &n);
    char *want = whole_nfc(s);
    assert_string_equal(got, want);
    assert_int_equal(n, strlen(want));
    free(want);
    px_arena_free(a);
}

static void stretches_normalise_as_the_whole(void **state)
{
    (void)state;
    static const char *const cases[] = {
        "cafe\xCC\x81 au lait",                                  /* e + acute → é */
        "\xCC\x81 at the start, then A\xCC\x8A",                 /* a lone mark; A + ring → Å */
        "\xE2\x84\xAB ngstr\xC3\xB6m",                           /* U+212B ANGSTROM SIGN → Å */
        "a\xCC\x81\xCC\xA8 and a\xCC\xA8\xCC\x81",               /* marks reordered by class */
        "\xE1\x84\x80\xE1\x85\xA1 and \xEA\xB0\x80\xE1\x86\xA8", /* Hangul L+V, LV+T */
        "\xE2\x80\x9CQuoted,\xE2\x80\x9D she said \xE2\x80\x94 twice\xE2\x80\xA6",
        "plain ASCII only",
        "\xC3\xA9\xC3\xA9\xC3\xA9",
        "x\xCD\x84y",                                    /* U+0344 decomposes */
        "fin \xF0\x9F\x98\x80",                          /* an emoji */
        "unassigned \xF3\xA0\x80\x80\xCD\xB8 e\xCC\x81", /* U+0378 unassigned */
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
        same_as_whole(cases[i]);
}

static void random_mixtures_normalise_as_the_whole(void **state)
{
    (void)state;
    /* pieces that compose, reorder or decompose with their neighbours */
    static const char *const pieces[] = {
        "a",
        "e",
        "A",
        "o",
        "u",
        " ",
        ".",
        "n",
        "s",
        "\xCC\x81",
        "\xCC\x88",
        "\xCC\xA8",
        "\xCC\x8A",
        "\xCC\xA3",
        "\xC3\xA9",
        "\xE1\x84\x80",
        "\xE1\x85\xA1",
        "\xE1\x86\xA8",
        "\xE2\x80\x99",
        "\xE2\x84\xAB",
        "\xEF\xAC\x81",
        "\xCD\x84",
        "\xE0\xA4\xA8\xE0\xA4\xBC",
    };
    srand(7);
    char buf[256];
    for (int t = 0; t < 3000; t++) {
        size_t n = 0;
        int len = 1 + rand() % 12;
        for (int k = 0; k < len; k++) {
            const char *p = pieces[rand() % (int)(sizeof pieces / sizeof *pieces)];
            size_t pl = strlen(p);
            memcpy(buf + n, p, pl);
            n += pl;
        }
        buf[n] = '\0';
        same_as_whole(buf);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(stretches_normalise_as_the_whole),
        cmocka_unit_test(random_mixtures_normalise_as_the_whole),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
