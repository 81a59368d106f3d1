/*
 * test_deephtml.c — bound: an HTML page nested 100,000 elements deep.
 *
 * libxml2 parses it with XML_PARSE_HUGE (no depth limit of 256, so text
 * below broken markup is not lost); our walk over the tree is iterative.
 * The text at the bottom must reach the article whole: neither a crash
 * (stack) nor a silent cut. The same for 100,000 unclosed inline
 * elements (<b><i><font>…), the usual shape of broken pages.
 */
#include "limits.h"

#define DEPTH 100000

static char *nested(const char *open, const char *close, const char *inner)
{
    px_buf b;
    px_buf_init(&b, 0);
    px_buf_puts(&b, "<html><head><title>Deep page</title></head><body>"
                    "<p>The first paragraph of the page sits at the top.</p>");
    for (int i = 0; i < DEPTH; i++)
        px_buf_puts(&b, open);
    px_buf_puts(&b, inner);
    for (int i = 0; close && i < DEPTH; i++)
        px_buf_puts(&b, close);
    px_buf_puts(&b, "</body></html>");
    return px_buf_detach(&b, NULL);
}

static void check_page(const char *html, const char *want, const char *name)
{
    double t0 = limits_now();
    px_arena *a = px_arena_new();
    px_article *art;
    px_error err;
    assert_int_equal(px_ingest_html(a, html, strlen(html), "deep.html", NULL, &art, &err), PX_OK);
    if (!strstr(art->body, want))
        fail_msg("%s: the deep text is missing from the body: %.200s", name, art->body);
    px_arena_free(a);
    limits_report(name, t0, 256);
}

static void nested_blocks(void **state)
{
    (void)state;
    static const char deep[] = "The council approved the bridge at the bottom of the page.";
    char *html = nested("<div>", "</div>",
                        "<p>The council approved the bridge at the bottom "
                        "of the page.</p>");
    check_page(html, deep, "HTML nested 100,000 <div> deep");
    free(html);
}

static void unclosed_inlines(void **state)
{
    (void)state;
    static const char deep[] = "Critics said the cost would rise by a fifth.";
    char *html = nested("<b><font>", NULL, "Critics said the cost would rise by a fifth.");
    check_page(html, deep, "HTML with 100,000 unclosed inline elements");
    free(html);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(nested_blocks),
        cmocka_unit_test(unclosed_inlines),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
