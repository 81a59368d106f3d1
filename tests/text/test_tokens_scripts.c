/* Unit tests of tokenisation beyond ASCII (src/text/token.c): ASCII letters
 * and digits take a fast path; every other letter, digit, mark and space
 * must still be read by its Unicode category, in the same words. */
#include "support.h"

/* The folds of s's tokens, joined by '|', into the arena. */
static const char *folds(px_arena *a, const char *s, px_token **toks, size_t *n)
{
    *n = px_text_tokens(a, NULL, s, strlen(s), toks);
    px_buf b;
    px_buf_init(&b, 0);
    for (size_t i = 0; i < *n; i++) {
        if (i)
            px_buf_putc(&b, '|');
        px_buf_puts(&b, (*toks)[i].fold);
    }
    px_buf_putc(&b, '\0');
    char *out = px_arena_strdup(a, b.data);
    px_buf_free(&b);
    return out;
}

static void letters_beyond_ascii_join_words(void **state)
{
    (void)state;
    px_arena *a = px_arena_new();
    px_token *t;
    size_t n;
    /* é, ï, ü inside words; Greek and Cyrillic words; a superscript digit */
    assert_string_equal(folds(a, "Café naïve Müller's x\xC2\xB2", &t, &n),
                        "café|naïve|müller's|x\xC2\xB2");
    assert_true(t[0].flags & PX_TOK_CAPITAL);
    assert_true(t[2].flags & PX_TOK_CAPITAL);
    assert_false(t[1].flags & PX_TOK_CAPITAL);
    assert_string_equal(folds(a, "\xC3\x89lan \xCE\xA9mega \xD0\x9C\xD0\xB8\xD1\x80", &t, &n),
                        "\xC3\xA9lan|\xCF\x89mega|\xD0\xBC\xD0\xB8\xD1\x80");
    for (size_t i = 0; i < n; i++)
        assert_true(t[i].flags & PX_TOK_CAPITAL); /* É, Ω and М are capitals */
    /* a combining acute accent stays in its word (folded to NFC: é) */
    assert_string_equal(folds(a, "cafe\xCC\x81s", &t, &n), "caf\xC3\xA9s");
    px_arena_free(a);
}

static void spaces_and_punctuation_beyond_ascii_split(void **state)
{
    (void)state;
    px_arena *a = px_arena_new();
    px_token *t;
    size_t n;
    /* a no-break space separates; an em dash and « » are punctuation */
    assert_string_equal(folds(a, "ten\xC2\xA0miles\xE2\x80\x94\xC2\xABnow\xC2\xBB", &t, &n),
                        "ten|miles|\xE2\x80\x94|\xC2\xAB|now|\xC2\xBB");
    assert_true(t[2].flags & PX_TOK_PUNCT);
    assert_true(t[0].flags & PX_TOK_WORD);
    /* figures and ASCII words around them are unchanged */
    assert_string_equal(folds(a, "1,200 of 3.5 U.S. won't", &t, &n), "1,200|of|3.5|u.s.|won't");
    assert_true(t[0].flags & PX_TOK_NUMBER);
    assert_true(t[4].flags & PX_TOK_NEGATION);
    px_arena_free(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(letters_beyond_ascii_join_words),
        cmocka_unit_test(spaces_and_punctuation_beyond_ascii_split),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
