/* Unit tests of the literals a furniture rule's matches must hold
 * (src/ingest/needles.c): a line without them is never tried with regexec,
 * so every line a rule matches must pass, and lines far from any match
 * should not. */
#include <regex.h>

#include "support.h"
#include "ingest/needles.h"

/* True when the needles let line through (NULL needles: always). */
static bool may(const px_needles *n, const char *line)
{
    char lower[512];
    size_t k = 0;
    for (; line[k] && k + 1 < sizeof lower; k++)
        lower[k] = (char)(line[k] >= 'A' && line[k] <= 'Z' ? line[k] + 32 : line[k]);
    lower[k] = '\0';
    return !n || px_needles_may_match(n, line, lower);
}

/* Every line regexec matches passes the needles; returns how many of the
 * lines the needles turned away. */
static size_t check_rule(const char *re, bool icase, const char *const *lines, size_t n)
{
    regex_t rx;
    int flags = REG_EXTENDED | REG_NOSUB | (icase ? REG_ICASE : 0);
    assert_int_equal(regcomp(&rx, re, flags), 0);
    px_needles *nd = px_needles_new(re, icase);
    size_t away = 0;
    for (size_t i = 0; i < n; i++) {
        bool match = regexec(&rx, lines[i], 0, NULL, 0) == 0;
        if (match && !may(nd, lines[i]))
            fail_msg("'%s' matches '%s' but its needles turn it away", re, lines[i]);
        away += !may(nd, lines[i]);
    }
    px_needles_free(nd);
    regfree(&rx);
    return away;
}

static const char *const lines[] = {
    "Sign up for our morning newsletter",
    "SUBSCRIBE to the Daily Brief, delivered to your inbox",
    "Our newsletters: delivered straight to your INBOX.",
    "The council met on Tuesday to discuss the budget.",
    "Photo: Jane Roe / Harbor Post",
    "(AP Photo/John Doe)",
    "(Reuters)",
    "This website uses cookies",
    "We use cookie settings",
    "Brief. Sign up.",
    "The mayor said the newsletter was late.",
    "wEb SiTe uses cookies",
    "Read more: the bridge vote",
    "aaab",
    "ab",
    "abbbc",
    "xyz",
    "colour",
    "color",
    "colouur",
};
#define NLINES (sizeof lines / sizeof *lines)

static void every_match_passes_the_needles(void **state)
{
    (void)state;
    static const struct {
        const char *re;
        bool icase;
    } rules[] = {
        {"\\b(sign up|subscribe)\\b.*(newsletter|inbox|brief)", true},
        {"(newsletter|brief)s?[^.]*(delivered|straight|direct(ly)?) to your inbox", true},
        {"(newsletter|brief)[^.]*\\. *(sign up|subscribe)[^.]*\\.?$", true},
        {"\\b(this (web)?site|our (web)?site|we) uses? cookies\\b", true},
        {"\\((AP|AFP|Reuters|REUTERS)\\)\\.?$", false},
        {"\\([^()][^()]+ / [^()][^()]+\\)\\.?$", true},
        {"^(photo|image)( credit)?: .+$", true},
        {"^(related|read more|see also)( [a-z]+)?: ...+[^.]$", true},
        {"a+b", false},
        {"ab{2,}c", false},
        {"colou?r", true},
        {"(x|y)z|xyz", false},
        {"[[:alpha:]]b", false},
        {"web|", true}, /* an empty alternative: anything */
    };
    for (size_t i = 0; i < sizeof rules / sizeof *rules; i++)
        check_rule(rules[i].re, rules[i].icase, lines, NLINES);
}

static void lines_without_the_words_are_turned_away(void **state)
{
    (void)state;
    const char *news = "\\b(sign up|subscribe)\\b.*(newsletter|inbox|brief)";
    /* only the first two lines hold both a verb and a noun */
    assert_int_equal(check_rule(news, true, lines, NLINES), NLINES - 3);
    px_needles *nd =
        px_needles_new("\\b(this (web)?site|our (web)?site|we) uses? cookies\\b", true);
    assert_non_null(nd);
    assert_false(may(nd, "The council met on Tuesday."));
    assert_true(may(nd, "WE USE COOKIES")); /* case is ignored */
    px_needles_free(nd);
    nd = px_needles_new("\\((AP|Reuters)\\)$", false);
    assert_true(may(nd, "(Reuters)"));
    assert_false(may(nd, "(REUTERS)")); /* a rule that keeps case */
    px_needles_free(nd);
}

static void what_cannot_be_read_has_no_needles(void **state)
{
    (void)state;
    assert_null(px_needles_new("^[A-Z][a-z]+$", false)); /* no literal at all */
    assert_null(px_needles_new(".*", true));
    assert_null(px_needles_new("a|b*", true)); /* a branch needs nothing */
    assert_null(px_needles_new("(abc", true)); /* unbalanced */
    assert_null(px_needles_new("abc\\", true));
    assert_null(px_needles_new("ab{x}", true));
    /* a multibyte character: no byte of it is needed (in a UTF-8 locale
     * the '?' makes all of it optional) */
    px_needles *nd = px_needles_new("caf\xC3\xA9?", false);
    assert_true(may(nd, "caf"));
    assert_false(may(nd, "cab"));
    px_needles_free(nd);
    /* one without case is needed whole; one with case, when case is
     * ignored, is not (a UTF-8 locale would fold it) */
    nd = px_needles_new("^(copyright|\xC2\xA9)", true);
    assert_true(may(nd, "\xC2\xA9 2024 Harbor Post"));
    assert_false(may(nd, "(c) 2024"));
    px_needles_free(nd);
    nd = px_needles_new("\xC3\xA9t\xC3\xA9s", true);
    assert_true(may(nd, "\xC3\x89T\xC3\x89S"));
    px_needles_free(nd);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_match_passes_the_needles),
        cmocka_unit_test(lines_without_the_words_are_turned_away),
        cmocka_unit_test(what_cannot_be_read_has_no_needles),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
