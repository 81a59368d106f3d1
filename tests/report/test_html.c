/* Unit tests of the HTML report (src/report/html*.c) on the bridge fixture:
 * what the fact matrix marks, the word diffs, highlighted hits, unique
 * sentences, omissions, charts, method notes, and that no input byte
 * escapes its context. */
#include <strings.h>

#include "fixture.h"
#include "report/html.h"

static char *render(const px_story *s, const char *cmdline)
{
    px_buf b;
    px_buf_init(&b, 0);
    px_report_opts o = {.command_line = cmdline, .width = 80};
    assert_int_equal(px_report_html(s, &o, &b), PX_OK);
    return px_buf_detach(&b, NULL);
}

/* The text from the element opening with `open` to the next `close`. */
static char *between(const char *html, const char *open, const char *close)
{
    const char *p = strstr(html, open);
    if (!p)
        fail_msg("no %s in the report", open);
    const char *q = strstr(p, close);
    assert_non_null(q);
    return px_xstrndup(p, (size_t)(q - p));
}

static size_t count(const char *s, const char *needle)
{
    size_t n = 0;
    for (const char *p = strstr(s, needle); p; p = strstr(p + 1, needle))
        n++;
    return n;
}

/* Does any element of html have an attribute named attr (or, with prefix,
 * starting so)? Reads tags as a browser would: names, then attributes with
 * quoted or bare values. */
static bool has_attribute(const char *html, const char *attr, bool prefix)
{
    size_t n = strlen(attr);
    for (const char *p = strchr(html, '<'); p; p = strchr(p, '<')) {
        p++;
        if (*p == '!' || *p == '/')
            continue;
        while (*p && !strchr(" \t\n/>", *p))
            p++; /* tag name */
        while (*p && *p != '>') {
            while (*p && strchr(" \t\n/", *p))
                p++;
            const char *name = p;
            while (*p && !strchr(" \t\n/=>", *p))
                p++;
            size_t len = (size_t)(p - name);
            if (len && (prefix ? len >= n : len == n) && !strncasecmp(name, attr, n))
                return true;
            if (*p != '=')
                continue;
            p++;
            if (*p == '"' || *p == '\'') {
                const char *q = strchr(p + 1, *p);
                p = q ? q + 1 : p + strlen(p);
            } else {
                while (*p && !strchr(" \t\n>", *p))
                    p++;
            }
        }
    }
    return false;
}

static void matrix_marks_each_outlet(void **state)
{
    (void)state;
    px_lexset *lex;
    px_story *s = fixture_story(&lex);
    char *html = render(s, NULL);
    int beams = fixture_fact(s, "cracked beams");
    assert_true(beams >= 0);
    char open[48];
    snprintf(open, sizeof open, "<tr id=\"r%d\">", beams + 1);
    char *row = between(html, open, "</tr>");
    /* north and south conflict (12 and 15), east omits: symbol and word */
    assert_int_equal(count(row, "class=\"st-x\""), 2);
    assert_int_equal(count(row, "class=\"st-o\""), 1);
    assert_non_null(strstr(row, "≠"));
    assert_non_null(strstr(row, "✗</span>omits"));
    /* the row opens the hidden row of every outlet's sentence */
    char x[32];
    snprintf(x, sizeof x, "href=\"#x%d\"", beams + 1);
    assert_non_null(strstr(row, x));
    snprintf(open, sizeof open, "<tr class=\"x\" id=\"x%d\">", beams + 1);
    char *sentences = between(html, open, "</tr>");
    assert_non_null(strstr(sentences, "Engineers found 15 cracked beams"));
    assert_non_null(strstr(sentences, "Engineers found 12 cracked beams"));
    free(sentences);
    free(row);
    free(html);
    px_story_free(s);
    px_lexset_free(lex);
}

static void rows_follow_carriers(void **state)
{
    (void)state;
    px_lexset *lex;
    px_story *s = fixture_story(&lex);
    char *html = render(s, NULL);
    size_t last = SIZE_MAX, rows = 0;
    for (const char *p = strstr(html, "<tr id=\"r"); p; p = strstr(p + 1, "<tr id=\"r")) {
        unsigned long f = strtoul(p + 9, NULL, 10);
        assert_true(f >= 1 && f <= s->alignment.nfacts);
        size_t carriers = s->alignment.facts[f - 1].nmentions;
        assert_true(carriers <= last);
        last = carriers;
        rows++;
    }
    assert_int_equal(rows, s->alignment.nfacts);
    /* every outlet has a column head in the matrix */
    char *head = between(html, "<table class=\"matrix\"", "</thead>");
    for (uint32_t i = 0; i < s->nsources; i++)
        assert_non_null(strstr(head, px_story_outlet(s, i)));
    free(head);
    free(html);
    px_story_free(s);
    px_lexset_free(lex);
}

static void facts_show_word_diffs(void **state)
{
    (void)state;
    px_lexset *lex;
    px_story *s = fixture_story(&lex);
    char *html = render(s, NULL);
    int beams = fixture_fact(s, "cracked beams");
    char open[48];
    snprintf(open, sizeof open, "<section class=\"fact\" id=\"f%d\"", beams + 1);
    char *sec = between(html, open, "</section>");
    /* one version has 12, the other 15: one removed, one added, both called out */
    bool a = strstr(sec, "<del>12</del>") && strstr(sec, "<ins><b class=\"cv\">15</b></ins>");
    bool b = strstr(sec, "<del>15</del>") && strstr(sec, "<ins><b class=\"cv\">12</b></ins>");
    if (!a && !b)
        fail_msg("no diff of 12 and 15 in: %s", sec);
    assert_non_null(strstr(sec, "Conflicting number"));
    free(sec);
    int closed = fixture_fact(s, "was closed on Monday");
    snprintf(open, sizeof open, "<section class=\"fact\" id=\"f%d\"", closed + 1);
    sec = between(html, open, "</section>");
    /* south adds "violent"; the word shows as inserted whatever the base */
    assert_true(strstr(sec, "<ins>violent</ins>") || strstr(sec, "<del>violent</del>"));
    free(sec);
    free(html);
    px_story_free(s);
    px_lexset_free(lex);
}

static void hits_unique_and_omissions(void **state)
{
    (void)state;
    px_lexset *lex;
    px_story *s = fixture_story(&lex);
    char *html = render(s, NULL);
    char *south = between(html, "<article class=\"art\" id=\"o2\"", "</article>");
    /* the lexicon hit is highlighted, titled with its category and neutral word */
    assert_non_null(strstr(south, "title=\"testloaded: combative; neutral wording: "
                                  "criticised\">slammed</mark>"));
    /* "Critics slammed…" is only in south: marked unique */
    char *crit = between(south, "<span class=\"s u\"", "only here");
    assert_non_null(strstr(crit, "Critics"));
    free(crit);
    free(south);
    char *east = between(html, "<article class=\"art\" id=\"o3\"", "</article>");
    char *omits = between(east, "<div class=\"omits\">", "</div>");
    assert_non_null(strstr(omits, "cracked beams"));
    assert_non_null(strstr(omits, "Mayor Ana Ruiz"));
    free(omits);
    free(east);
    free(html);
    px_story_free(s);
    px_lexset_free(lex);
}

static void charts_link_evidence(void **state)
{
    (void)state;
    px_lexset *lex;
    px_story *s = fixture_story(&lex);
    char *html = render(s, "parallax compare a b <c>");
    /* one chart per category, titled and described for screen readers */
    assert_int_equal(count(html, "<figure class=\"chart\">"), 2);
    assert_int_equal(count(html, "role=\"img\" aria-labelledby"), 2);
    char *label = between(html, "<figcaption id=\"ch-l0-c1\">", "</figure>");
    assert_non_null(strstr(label, "<desc"));
    /* south's bar links to south's evidence, which holds the term */
    assert_non_null(strstr(label, "<a href=\"#ev-o2-l0-c1\">"));
    free(label);
    char *ev = between(html, "<li id=\"ev-o2-l0-c1\">", "</li>");
    assert_non_null(strstr(ev, ">chaos</mark>"));
    assert_non_null(strstr(ev, "disorder"));
    free(ev);
    /* method notes: lexicon, version, size; the command line, escaped */
    char *method = between(html, "<h2 id=\"method\">", "</section>");
    assert_non_null(strstr(method, "<th scope=\"row\">testloaded</th><td data-label=\"Version\">1"
                                   "</td><td data-label=\"Terms\">3</td>"));
    assert_non_null(strstr(method, "parallax compare a b &lt;c&gt;"));
    free(method);
    free(html);
    px_story_free(s);
    px_lexset_free(lex);
}

/* The payloads of the security test: markup, attribute breaks, script URLs. */
#define EVIL "<script>document.title='pwned'</script>\"><img src=x onerror=alert(1)></style>"

static void every_input_byte_is_escaped(void **state)
{
    (void)state;
    static const char *const texts[] = {
        "a",
        ("Headline " EVIL "\n\nThe council voted " EVIL " to close the old bridge on "
         "Monday. Repairs will take two weeks."),
        "b",
        ("Bridge vote\n\nThe council voted to close the old bridge on Monday. Repairs "
         "will take two weeks, officials said."),
    };
    px_story *s = test_story(texts, 2);
    px_arena *a = px_story_arena(s);
    s->articles[0]->name = px_arena_strdup(a, "Outlet " EVIL);
    s->articles[0]->url = px_arena_strdup(a, "javascript:alert(1)");
    s->articles[1]->name = px_arena_strdup(a, "B's \"news\"");
    s->articles[1]->url = px_arena_strdup(a, "https://example.org/a?b=1&c=\"><script>x</script>");
    s->articles[1]->byline = px_arena_strdup(a, EVIL);
    assert_int_equal(px_story_analyze(s, NULL, NULL, NULL), PX_OK);
    char *html = render(s, EVIL);
    assert_null(strstr(html, "<script"));
    assert_null(strstr(html, "<img"));
    assert_null(strstr(html, "javascript:alert(1)\""));
    assert_null(strstr(html, "href=\"javascript"));
    assert_int_equal(count(html, "</style>"), 1);
    assert_true(count(html, "&lt;script&gt;") >= 5);
    assert_non_null(strstr(html, "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"));
    /* the http(s) URL is a link with its quotes escaped; the other is text */
    assert_non_null(strstr(html, "<a class=\"url\" href=\"https://example.org/a?b=1&amp;c="
                                 "&quot;&gt;&lt;script&gt;x&lt;/script&gt;\""));
    assert_non_null(strstr(html, "<span class=\"url\">javascript:alert(1)</span>"));
    /* nothing is fetched: no src attributes, no external url() */
    assert_true(has_attribute(html, "class", false)); /* the check sees attributes */
    assert_false(has_attribute(html, "src", false));
    assert_false(has_attribute(html, "on", true));
    assert_null(strstr(html, "url(http"));
    assert_null(strstr(html, "@import"));
    free(html);
    px_story_free(s);
}

static void url_links_only_http(void **state)
{
    (void)state;
    static const char *const urls[] = {
        "http://a.example/", "HTTPS://B.example/x", "javascript:alert(1)", " javascript:x",
        "data:text/html,x",  "//evil.example/",     "ftp://c.example/"};
    for (size_t i = 0; i < sizeof urls / sizeof *urls; i++) {
        px_buf b;
        px_buf_init(&b, 0);
        html_url(&b, urls[i]);
        bool link = strstr(b.data, "<a ") != NULL;
        if (link != (i < 2))
            fail_msg("%s: link %d", urls[i], link);
        px_buf_free(&b);
    }
}

/* The summary comes first, outside every fold: each outlet's headline and
 * a coverage bar of the facts it carries, carries alone and omits, then the
 * facts most outlets carry that one leaves out: east leaves out the cracked
 * beams and the mayor's cost that north and south both report. */
static void summary_comes_first(void **state)
{
    (void)state;
    px_lexset *lex;
    px_story *s = fixture_story(&lex);
    char *html = render(s, NULL);
    const char *glance = strstr(html, "<section class=\"glance\"");
    assert_non_null(glance);
    assert_true(glance < strstr(html, "<details>"));
    assert_true(glance < strstr(html, "id=\"matrix\""));
    char *g = between(html, "<section class=\"glance\"", "</section>");
    assert_int_equal(count(g, "<div class=\"cov\""), 3);
    /* north carries all five facts it shares, south adds the critics and
     * leaves out the cars and the ferries, east adds the shops and leaves
     * out the beams and the mayor */
    const char *bars[] = {"north", "carries 5 facts, 0 of them only here; omits 0",
                          "south", "carries 4 facts, 1 of them only here; omits 2",
                          "east",  "carries 4 facts, 1 of them only here; omits 2"};
    for (size_t k = 0; k < 6; k += 2) {
        char open[64];
        snprintf(open, sizeof open, "<a href=\"#o%zu\">%s</a>", k / 2 + 1, bars[k]);
        char *li = between(g, open, "</li>");
        assert_non_null(strstr(li, bars[k + 1]));
        free(li);
    }
    assert_non_null(strstr(g, "Bridge closed after storm")); /* east's headline */
    int beams = fixture_fact(s, "cracked beams"), mayor = fixture_fact(s, "Mayor Ana Ruiz");
    assert_true(beams >= 0 && mayor >= 0);
    char *bs = between(g, "<ul class=\"bs\">", "</ul>");
    char want[96];
    snprintf(want, sizeof want, "<strong>east</strong> leaves out <a href=\"#f%d\">", beams + 1);
    assert_non_null(strstr(bs, want));
    snprintf(want, sizeof want, "<strong>east</strong> leaves out <a href=\"#f%d\">", mayor + 1);
    assert_non_null(strstr(bs, want));
    assert_null(strstr(bs, "<strong>north</strong>"));
    free(bs);
    /* the conflicting count of beams, 12 against 15 */
    char *cf = between(g, "<ul class=\"cfs\">", "</ul>");
    assert_non_null(strstr(cf, "north <b class=\"cv\">12"));
    assert_non_null(strstr(cf, "south <b class=\"cv\">15"));
    free(cf);
    free(g);
    free(html);
    px_story_free(s);
    px_lexset_free(lex);
}

/* The long sections fold: each is a <details> closed by default, with its
 * heading in the summary line; the default print stylesheet leaves closed
 * sections closed, and --print full (print_full) opens them all on paper. */
static void long_sections_fold(void **state)
{
    (void)state;
    px_lexset *lex;
    px_story *s = fixture_story(&lex);
    char *html = render(s, NULL);
    const char *ids[] = {"overview", "matrix",   "facts", "framing",
                         "sourcing", "articles", "method"};
    for (size_t k = 0; k < sizeof ids / sizeof *ids; k++) {
        char want[96];
        snprintf(want, sizeof want, "<details><summary><h2 id=\"%s\">", ids[k]);
        assert_non_null(strstr(html, want));
    }
    assert_null(strstr(html, "<details open"));
    assert_null(strstr(html, "<html lang=\"en\" class=\"pf\">"));
    px_buf b;
    px_buf_init(&b, 0);
    px_report_opts o = {.print_full = true};
    assert_int_equal(px_report_html(s, &o, &b), PX_OK);
    assert_non_null(strstr(b.data, "<html lang=\"en\" class=\"pf\">"));
    /* the stylesheet's rule that opens every fold on paper reads that class */
    char *print = between(b.data, "@media print{", "</style>");
    assert_non_null(strstr(print, ".pf details::details-content{content-visibility:visible"));
    free(print);
    px_buf_free(&b);
    free(html);
    px_story_free(s);
    px_lexset_free(lex);
}

/* A category's header label is the name readers see; the id stays in
 * machine outputs only. */
static void categories_show_labels(void **state)
{
    (void)state;
    px_lexset *lex;
    px_story *s = fixture_story(&lex);
    char *html = render(s, NULL);
    char *chart = between(html, "<figcaption id=\"ch-l0-c1\">", " <span");
    assert_string_equal(chart, "<figcaption id=\"ch-l0-c1\">contentious label");
    free(chart);
    char *ev = between(html, "<li id=\"ev-o2-l0-c1\"><strong>", "</strong>");
    assert_non_null(strstr(ev, "contentious label"));
    free(ev);
    free(html);
    px_story_free(s);
    px_lexset_free(lex);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(matrix_marks_each_outlet), cmocka_unit_test(rows_follow_carriers),
        cmocka_unit_test(facts_show_word_diffs),    cmocka_unit_test(hits_unique_and_omissions),
        cmocka_unit_test(charts_link_evidence),     cmocka_unit_test(every_input_byte_is_escaped),
        cmocka_unit_test(url_links_only_http),      cmocka_unit_test(summary_comes_first),
        cmocka_unit_test(long_sections_fold),       cmocka_unit_test(categories_show_labels),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
