/*
 * test_libxml.c — libxml2 used safely (issue 10, point 3): pages that ask
 * the parser to read local files or the network get neither. External
 * entities are not expanded (no XML_PARSE_NOENT), external DTDs are not
 * loaded, XInclude is never run, and HTML_PARSE_NONET forbids fetching.
 * A file this test writes stands in for /etc/passwd; its marker must never
 * reach the article. (libxml2's HTML parser ignores the internal subset
 * today; reading pages with its XML parser and XML_PARSE_NOENT — say for
 * .xhtml — puts the marker in the body, and this test fails.)
 */
#include <unistd.h>

#include "limits.h"

#define MARKER "SECRET-MARKER-4711"

static void no_file_reaches_the_article(void **state)
{
    (void)state;
    char path[] = "/tmp/px-libxml-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, MARKER "\n", sizeof MARKER), (ssize_t)sizeof MARKER);
    close(fd);
    px_arena *a = px_arena_new();
    char *html = px_arena_printf(
        a,
        "<?xml version=\"1.0\"?>\n"
        "<!DOCTYPE html SYSTEM \"file://%s\" [\n"
        "  <!ENTITY ext SYSTEM \"file://%s\">\n"
        "  <!ENTITY net SYSTEM \"http://127.0.0.1:9/entity\">\n"
        "]>\n"
        "<html xmlns:xi=\"http://www.w3.org/2001/XInclude\"><body>"
        "<p>The council approved the bridge. Entity: &ext; and &net; here.</p>"
        "<p><xi:include href=\"file://%s\" parse=\"text\"/>Work starts in March.</p>"
        "<iframe src=\"file://%s\"></iframe></body></html>",
        path, path, path, path);
    px_article *art;
    px_error err;
    assert_int_equal(px_ingest_html(a, html, strlen(html), "xxe.html", NULL, &art, &err), PX_OK);
    assert_non_null(strstr(art->body, "The council approved the bridge."));
    if (strstr(art->body, MARKER) || strstr(art->title, MARKER))
        fail_msg("a local file reached the article: %s", art->body);
    unlink(path);
    px_arena_free(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(no_file_reaches_the_article),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
