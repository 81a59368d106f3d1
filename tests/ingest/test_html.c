/* Unit tests of HTML extraction (src/ingest/html.c, blocks.c, score.c):
 * small pages written for these tests, one per rule the extractor claims —
 * chrome removed (nav, footer, related asides, newsletter boxes, share
 * bars, captions, bylines), article structure kept (lists, headings, block
 * quotes, tables, paragraphs), and the body found where it really is. */
#include "support.h"

/* Four paragraphs of an invented story, used as the body of most pages. */
#define P1                                                                                         \
    "<p>The town council of Millbrook voted on Tuesday to rebuild the old stone bridge, "          \
    "after three years of debate over its cost and its place in the town's history.</p>"
#define P2                                                                                         \
    "<p>Engineers told the council that the bridge, built in 1871, could carry only "              \
    "light traffic, and that repairs would cost more than a new span, about $4 million.</p>"
#define P3                                                                                         \
    "<p>Residents who spoke at the meeting were divided, with some asking that the old "           \
    "stones be reused and others saying the money should go to schools instead.</p>"
#define P4                                                                                         \
    "<p>Work is expected to begin next spring and to last about eighteen months, "                 \
    "during which a temporary crossing will be built downstream.</p>"
#define BODY P1 P2 P3 P4

static px_article *extract(px_arena *a, const char *html, const char *charset)
{
    px_furniture *f = px_furniture_default();
    px_ingest_opts o = {.furniture = f, .charset = charset};
    px_article *art = NULL;
    px_error err;
    px_status st = px_ingest_html(a, html, strlen(html), "page.html", &o, &art, &err);
    px_furniture_free(f);
    if (st != PX_OK)
        fail_msg("extraction failed: %s", err.message);
    return art;
}

static void has(const px_article *art, const char *s)
{
    if (!strstr(art->body, s))
        fail_msg("body lacks \"%s\":\n%s", s, art->body);
}

static void lacks(const px_article *art, const char *s)
{
    if (strstr(art->body, s))
        fail_msg("body has \"%s\":\n%s", s, art->body);
}

static void has_story(const px_article *art)
{
    has(art, "voted on Tuesday to rebuild");
    has(art, "built in 1871");
    has(art, "Residents who spoke");
    has(art, "temporary crossing");
}

static void nav_and_footer_removed(void **state)
{
    (void)state;
    px_arena *a = px_arena_new();
    px_article *art =
        extract(a,
                "<html><body><nav><ul><li><a href='/'>Home</a></li><li><a href='/w'>World News</a>"
                "</li><li><a href='/p'>Politics Desk</a></li></ul></nav>"
                "<div class='site-menu'>Weather Sports Opinion</div>"
                "<main><article>" BODY "</article></main>"
                "<footer><p>Copyright 2024 The Millbrook Courier. All rights reserved, including "
                "the right to reproduce this article in any form, by anyone, anywhere.</p>"
                "<p>Contact the newsroom: 12 Mill Street, Millbrook.</p></footer></body></html>",
                NULL);
    has_story(art);
    lacks(art, "World News");
    lacks(art, "Weather Sports");
    lacks(art, "All rights reserved");
    lacks(art, "Mill Street");
    px_arena_free(a);
}

static void related_aside_removed(void **state)
{
    (void)state;
    px_arena *a = px_arena_new();
    px_article *art = extract(
        a,
        "<html><body><div class='story-body'>" P1 P2
        "<aside class='related-links'><h3>More on the bridge</h3><ul>"
        "<li><a href='/a'>Council delays bridge decision, again</a></li>"
        "<li><a href='/b'>Opinion: why the old bridge should stay</a></li>"
        "<li><a href='/c'>Photos: Millbrook's bridges through the years</a></li></ul></aside>" P3 P4
        "</div>"
        "<div class='related-stories'><p>Flooding closes the river road for a week, and the "
        "county says the repairs will take until the end of the month at least.</p></div>"
        "</body></html>",
        NULL);
    has_story(art);
    lacks(art, "delays bridge decision");
    lacks(art, "More on the bridge");
    lacks(art, "Flooding closes");
    px_arena_free(a);
}

static void newsletter_box_in_body_removed(void **state)
{
    (void)state;
    px_arena *a = px_arena_new();
    px_article *art = extract(
        a,
        "<html><body><article><div class='article-body'>" P1 P2
        "<div class='newsletter-signup'><h4>The Courier Morning Brief</h4>"
        "<p>Everything you need to know about Millbrook, every weekday at 7 a.m., free.</p>"
        "<form><input type='email'><button>Subscribe</button></form></div>"
        "<p>Sign up for our free daily newsletter to get stories like this in your inbox.</p>"
        "<p>Read more: Council votes to close the Elm Street library branch</p>" P3 P4
        "</div></article></body></html>",
        NULL);
    has_story(art);
    lacks(art, "Morning Brief");
    lacks(art, "every weekday");
    lacks(art, "Sign up for our free");
    lacks(art, "Elm Street library");
    px_arena_free(a);
}

static void in_body_list_heading_quote_table_kept(void **state)
{
    (void)state;
    px_arena *a = px_arena_new();
    px_article *art =
        extract(a,
                "<html><body><div class='entry-content'>" P1 "<h2>What the plan includes</h2>"
                "<ul><li>A two-lane span with a footpath</li><li>Reuse of the 1871 keystones</li>"
                "<li>A new <a href='/park'>riverside park</a> on the east bank</li></ul>" P2
                "<blockquote><p>\"We are keeping the heart of the old bridge,\" the mayor said."
                "</p></blockquote>"
                "<table><tr><th>Option</th><th>Cost</th></tr><tr><td>Repair</td><td>$4.6m</td></tr>"
                "<tr><td>Rebuild</td><td>$4.1m</td></tr></table>" P3 P4 "</div></body></html>",
                NULL);
    has_story(art);
    has(art, "What the plan includes");
    has(art, "A two-lane span with a footpath");
    has(art, "Reuse of the 1871 keystones");
    has(art, "riverside park on the east bank");
    has(art, "keeping the heart of the old bridge");
    has(art, "Rebuild $4.1m");
    px_arena_free(a);
}

static void paragraphs_separated_by_blank_line(void **state)
{
    (void)state;
    px_arena *a = px_arena_new();
    px_article *art = extract(a, "<html><body><article>" BODY "</article></body></html>", NULL);
    assert_non_null(strstr(art->body, "history.\n\nEngineers told"));
    assert_null(strstr(art->body, "\n\n\n"));
    assert_int_not_equal(art->body[art->body_len - 1], '\n');
    /* text broken only by <br><br> becomes paragraphs too */
    px_article *brs =
        extract(a,
                "<html><body><div id='text'>The council met on Tuesday evening to hear the "
                "engineers, who had studied the old bridge for a year, present their report."
                "<br><br>They found cracks in two of the three arches and said the bridge could "
                "not carry trucks, buses or fire engines safely any more.<br><br>A vote is due "
                "next month, after a second public hearing at the town hall.</div></body></html>",
                NULL);
    assert_non_null(strstr(brs->body, "their report.\n\nThey found"));
    px_arena_free(a);
}

static void chrome_inside_article_removed(void **state)
{
    (void)state;
    px_arena *a = px_arena_new();
    px_article *art = extract(
        a,
        "<html><body><article><h1>Millbrook votes to rebuild its stone bridge</h1>"
        "<div class='byline'>By Ana Ruiz</div><time datetime='2024-03-05'>March 5</time>"
        "<div class='share-bar'><a href='#'>Share on Facebook</a> <a href='#'>Tweet</a></div>"
        "<figure><img src='b.jpg'><figcaption>The bridge at dusk. Photo: Ana Ruiz</figcaption>"
        "</figure>" P1 P2 "<p>Advertisement</p>" P3
        "<div class='ad-slot'><p>Buy one mattress and get a second one free at Dreamland "
        "this weekend only, while stocks last in every store.</p></div>" P4
        "<p style='display:none'>Please enable JavaScript to view the comments below this "
        "article, which are moderated by our staff.</p></article></body></html>",
        NULL);
    has_story(art);
    lacks(art, "Millbrook votes to rebuild its stone bridge"); /* the headline is the title */
    lacks(art, "Ana Ruiz");
    lacks(art, "Share on Facebook");
    lacks(art, "at dusk");
    lacks(art, "Advertisement");
    lacks(art, "mattress");
    lacks(art, "enable JavaScript");
    assert_string_equal(art->title, "Millbrook votes to rebuild its stone bridge");
    px_arena_free(a);
}

static void split_body_kept_together(void **state)
{
    (void)state;
    px_arena *a = px_arena_new();
    px_article *art =
        extract(a,
                "<html><body><div class='wrap'><section class='body-part'>" P1 P2 "</section>"
                "<div class='inline-promo'><a href='/x'>Subscribe for $1 a week</a></div>"
                "<section class='body-part'>" P3 P4 "</section></div>"
                "<div class='comments'><p>I have crossed that bridge every day for forty years and "
                "I never once felt unsafe, this is a waste of money, in my opinion.</p>"
                "<p>Good riddance, it was an eyesore and the traffic was terrible, honestly.</p>"
                "</div></body></html>",
                NULL);
    has_story(art);
    lacks(art, "Subscribe for");
    lacks(art, "forty years");
    px_arena_free(a);
}

static void json_ld_metadata(void **state)
{
    (void)state;
    px_arena *a = px_arena_new();
    px_article *art = extract(
        a,
        "<html lang='en-GB'><head><title>Bridge vote | The Millbrook Courier</title>"
        "<link rel='canonical' href='https://courier.example/news/bridge-vote'>"
        "<script type='application/ld+json'>{\"@context\": \"https://schema.org\", "
        "\"@graph\": [{\"@type\": \"WebSite\", \"name\": \"Courier site\"}, "
        "{\"@type\": \"NewsArticle\", \"headline\": \"Millbrook votes to rebuild bridge\", "
        "\"datePublished\": \"2024-03-05T18:30:00+00:00\", "
        "\"dateModified\": \"2024-03-06T09:00:00+00:00\", "
        "\"author\": [{\"@type\": \"Person\", \"name\": \"Ana Ruiz\"}, "
        "{\"@type\": \"Person\", \"name\": \"Tom Okafor\"}], "
        "\"publisher\": {\"@type\": \"Organization\", \"name\": \"The Millbrook Courier\"}}]}"
        "</script></head><body><article>" BODY "</article></body></html>",
        NULL);
    assert_string_equal(art->title, "Millbrook votes to rebuild bridge");
    assert_string_equal(art->name, "The Millbrook Courier");
    assert_string_equal(art->date, "2024-03-05T18:30:00+00:00");
    assert_string_equal(art->modified, "2024-03-06T09:00:00+00:00");
    assert_string_equal(art->byline, "Ana Ruiz, Tom Okafor");
    assert_string_equal(art->url, "https://courier.example/news/bridge-vote");
    assert_string_equal(art->lang, "en-GB");
    has_story(art);
    px_arena_free(a);
}

static void meta_tag_metadata(void **state)
{
    (void)state;
    px_arena *a = px_arena_new();
    px_article *art =
        extract(a,
                "<html><head><title>Bridge vote splits Millbrook - Courier</title>"
                "<meta property='og:site_name' content='Courier'>"
                "<meta name='author' content='Ana Ruiz'>"
                "<meta property='article:published_time' content='2024-03-05T18:30:00Z'>"
                "<meta property='og:url' content='https://courier.example/b'></head>"
                "<body><article>" BODY "</article></body></html>",
                NULL);
    assert_string_equal(art->title, "Bridge vote splits Millbrook"); /* " - Courier" cut */
    assert_string_equal(art->name, "Courier");
    assert_string_equal(art->byline, "Ana Ruiz");
    assert_string_equal(art->date, "2024-03-05T18:30:00Z");
    assert_string_equal(art->url, "https://courier.example/b");
    /* a <time> element when nothing else dates the page; the domain names the outlet */
    px_article *t = extract(
        a,
        "<html><head><link rel='canonical' href='https://www.ledger.example/x'></head><body>"
        "<article><time datetime='2024-02-01T08:00:00Z'>1 Feb</time>" BODY "</article>"
        "</body></html>",
        NULL);
    assert_string_equal(t->date, "2024-02-01T08:00:00Z");
    assert_string_equal(t->name, "ledger.example");
    /* other date spellings become ISO 8601; a placeholder year is no date */
    px_article *d =
        extract(a,
                "<html><head><meta name='dcterms.date' content='2024/03/05'>"
                "<meta property='article:modified_time' content='0001-01-01T00:00:00Z'></head>"
                "<body><article>" BODY "</article></body></html>",
                NULL);
    assert_string_equal(d->date, "2024-03-05");
    assert_null(d->modified);
    px_arena_free(a);
}

static void repeated_summary_and_removed_lines(void **state)
{
    (void)state;
    px_arena *a = px_arena_new();
    px_article *art =
        extract(a,
                "<html><body><article><p>Millbrook will rebuild its 1871 stone bridge, the council "
                "decided.</p><p>Millbrook will rebuild its 1871 stone bridge, the council decided. "
                "The vote was five to two, after a debate that ran past midnight.</p>" P2 P3
                "<p>Follow us on Twitter for more local news</p>" P4 "</article></body></html>",
                NULL);
    has(art, "built in 1871");
    has(art, "temporary crossing");
    const char *lead =
        "Millbrook will rebuild its 1871 stone bridge, the council decided. The vote";
    if (strncmp(art->body, lead, strlen(lead)) != 0)
        fail_msg("the summary was not dropped:\n%s", art->body);
    lacks(art, "Follow us on Twitter");
    assert_int_equal(art->nremoved, 1);
    assert_string_equal(art->removed[0], "Follow us on Twitter for more local news");
    px_arena_free(a);
}

static void chinese_prose_found(void **state)
{
    (void)state;
    px_arena *a = px_arena_new();
    /* no spaces between words: each ideograph counts as a word */
    px_article *art =
        extract(a,
                "<html><body><div class='menu'><a href='/'>首页</a> <a href='/a'>新闻</a> "
                "<a href='/b'>体育</a></div><div id='wrap'><div>"
                "<p>周二，米尔布鲁克镇议会投票决定重建那座古老的石桥，此前争论持续了三年。</p>"
                "<p>工程师告诉议会，这座桥只能承受轻型车辆，修缮费用将高于新建一座桥。</p>"
                "<p>在会上发言的居民意见分歧，一些人要求重新使用旧石块。</p></div>"
                "<ul><li><a href='/1'>其他新闻一</a></li><li><a href='/2'>其他新闻二</a></li>"
                "<li><a href='/3'>其他新闻三</a></li></ul>"
                "<div><span>天气晴朗气温十五度</span> <span>交通状况良好无拥堵</span> "
                "<span>今日油价保持不变</span> <span>本周末将举行市集活动</span> "
                "<span>图书馆开放时间延长</span> <span>游泳馆暂停开放一周</span> "
                "<span>公交线路临时调整</span> <span>社区医院新增夜间门诊</span> "
                "<span>公园举办秋季花展</span> <span>博物馆推出免费讲座</span></div>"
                "</div></body></html>",
                NULL);
    has(art, "投票决定重建");
    has(art, "轻型车辆");
    has(art, "旧石块");
    lacks(art, "体育");
    lacks(art, "其他新闻");
    lacks(art, "天气晴朗");
    px_arena_free(a);
}

static void page_of_short_lines_kept(void **state)
{
    (void)state;
    px_arena *a = px_arena_new();
    /* no prose anywhere: the short lines are the article */
    px_article *art =
        extract(a,
                "<html><body><nav><a href='/'>Home</a> <a href='/n'>News</a></nav>"
                "<div class='schedule'><h2>Bridge works: the timetable</h2><p>March: survey</p>"
                "<p>April: old deck removed</p><p>May to July: new arches</p><p>August: paving</p>"
                "</div></body></html>",
                NULL);
    assert_string_equal(art->body, "Bridge works: the timetable\n\nMarch: survey\n\n"
                                   "April: old deck removed\n\nMay to July: new arches\n\n"
                                   "August: paving");
    px_arena_free(a);
}

static void deeply_nested_page(void **state)
{
    (void)state;
    px_arena *a = px_arena_new();
    /* unclosed formatting tags nest thousands deep in broken pages */
    px_buf b;
    px_buf_init(&b, 0);
    px_buf_puts(&b, "<html><body>");
    for (int i = 0; i < 3000; i++)
        px_buf_puts(&b, "<div><font>");
    px_buf_puts(&b, BODY "</body></html>");
    has_story(extract(a, b.data, NULL));
    px_buf_free(&b);
    px_arena_free(a);
}

/* A page around one paragraph of bytes in some charset. */
static px_article *page_in(px_arena *a, const char *head, const char *para, const char *declared)
{
    char html[2048];
    snprintf(html, sizeof html,
             "<html><head>%s</head><body><article><p>%s</p>" P2 P3 "</article></body></html>", head,
             para);
    return extract(a, html, declared);
}

static void windows_1252_page_decoded(void **state)
{
    (void)state;
    px_arena *a = px_arena_new();
    const char *para = "\x93"
                       "Caf\xE9 society\x94 met at the caf\xE9 \x96 as always.";
    const char *want = "\xE2\x80\x9C"
                       "Caf\xC3\xA9 society\xE2\x80\x9D met at the caf\xC3\xA9 "
                       "\xE2\x80\x93 as always.";
    has(page_in(a, "<meta charset='windows-1252'>", para, NULL), want);
    has(page_in(a, "<meta http-equiv='Content-Type' content='text/html; charset=ISO-8859-1'>", para,
                NULL),
        want);                             /* latin1 means windows-1252, as in browsers */
    has(page_in(a, "", para, NULL), want); /* no label, not UTF-8: windows-1252 */
    px_arena_free(a);
}

static void declared_charset_and_bom(void **state)
{
    (void)state;
    px_arena *a = px_arena_new();
    /* the server's charset wins over the page's: KOI8-R bytes of "Мир" */
    has(page_in(a, "<meta charset='windows-1252'>", "\xED\xC9\xD2 peace.", "koi8-r"),
        "\xD0\x9C\xD0\xB8\xD1\x80 peace.");
    /* a UTF-8 byte-order mark, and UTF-8 that a label calls latin1 */
    char bom[512];
    snprintf(bom, sizeof bom,
             "\xEF\xBB\xBF<html><body><article><p>Na\xC3\xAFve caf\xC3\xA9.</p>" P2 P3
             "</article></body></html>");
    has(extract(a, bom, NULL), "Na\xC3\xAFve caf\xC3\xA9.");
    /* the mark is in the bytes themselves: it beats a server that says
     * latin1 (HTML's order: BOM, then the header, then <meta>) */
    has(extract(a, bom, "iso-8859-1"), "Na\xC3\xAFve caf\xC3\xA9.");
    has(page_in(a, "<meta charset='iso-8859-1'>", "Caf\xC3\xA9 cr\xC3\xA8me.", NULL),
        "Caf\xC3\xA9 cr\xC3\xA8me.");
    /* a label far down a long head still counts: windows-1251 "Мир" */
    px_buf big;
    px_buf_init(&big, 0);
    px_buf_puts(&big, "<html><head><style>");
    for (int i = 0; i < 2000; i++)
        px_buf_puts(&big, ".a{color:red}");
    px_buf_puts(&big, "</style><meta charset='windows-1251'></head><body><article>"
                      "<p>\xCC\xE8\xF0 peace.</p>" P2 P3 "</article></body></html>");
    has(extract(a, big.data, NULL), "\xD0\x9C\xD0\xB8\xD1\x80 peace.");
    px_buf_free(&big);
    /* invalid bytes in a UTF-8 page become U+FFFD, not mojibake of the rest */
    has(page_in(a, "<meta charset='utf-8'>", "Caf\xC3\xA9 \xFF here.", NULL),
        "Caf\xC3\xA9 \xEF\xBF\xBD here.");
    px_arena_free(a);
}

static void utf16_page_decoded(void **state)
{
    (void)state;
    px_arena *a = px_arena_new();
    const char *ascii = "<html><body><article>" P1 P2 P3 "<p>Caf\xC3\xA9 closes.</p>"
                        "</article></body></html>";
    /* encode as UTF-16LE with a BOM (é is U+00E9) */
    size_t n = strlen(ascii);
    char *u16 = px_arena_alloc(a, 2 * n + 2);
    size_t k = 0;
    u16[k++] = (char)0xFF, u16[k++] = (char)0xFE;
    for (size_t i = 0; i < n; i++) {
        if ((unsigned char)ascii[i] == 0xC3) {
            u16[k++] = (char)(0xC0 | (ascii[++i] & 0x3F)), u16[k++] = 0;
        } else {
            u16[k++] = ascii[i], u16[k++] = 0;
        }
    }
    px_furniture *f = px_furniture_default();
    px_ingest_opts o = {.furniture = f};
    px_article *art;
    px_error err;
    assert_int_equal(px_ingest_html(a, u16, k, "u16.html", &o, &art, &err), PX_OK);
    has(art, "Caf\xC3\xA9 closes.");
    has(art, "voted on Tuesday to rebuild");
    has(art, "Residents who spoke");
    px_furniture_free(f);
    px_arena_free(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(nav_and_footer_removed),
        cmocka_unit_test(related_aside_removed),
        cmocka_unit_test(newsletter_box_in_body_removed),
        cmocka_unit_test(in_body_list_heading_quote_table_kept),
        cmocka_unit_test(paragraphs_separated_by_blank_line),
        cmocka_unit_test(chrome_inside_article_removed),
        cmocka_unit_test(split_body_kept_together),
        cmocka_unit_test(json_ld_metadata),
        cmocka_unit_test(meta_tag_metadata),
        cmocka_unit_test(repeated_summary_and_removed_lines),
        cmocka_unit_test(chinese_prose_found),
        cmocka_unit_test(page_of_short_lines_kept),
        cmocka_unit_test(deeply_nested_page),
        cmocka_unit_test(windows_1252_page_decoded),
        cmocka_unit_test(declared_charset_and_bom),
        cmocka_unit_test(utf16_page_decoded),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
