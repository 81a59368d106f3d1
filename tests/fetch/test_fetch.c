/* Unit tests of fetching (src/ingest/fetch.c, transfer.c) against the
 * local test server (tests/fetch/server.py): pages, redirects, HTTP
 * errors, retries, timeouts, size caps, compression, charsets, refused
 * protocols, politeness. Every case asserts the exact outcome. */
#include <sys/socket.h>
#include <netinet/in.h>
#include <time.h>

#include "server.h"

static int64_t ms_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void normal_article(void **state)
{
    (void)state;
    px_arena *a = px_arena_new();
    px_fetch_opts o = test_opts();
    px_page *p = fetch1(a, "/pages/harbor.html", &o);
    assert_int_equal(p->status, PX_OK);
    assert_int_equal(p->http_status, 200);
    assert_int_equal(p->kind, PX_KIND_HTML);
    assert_int_equal(p->attempts, 1);
    assert_false(p->cached);
    assert_string_equal(p->final_url, p->url);
    /* the body is the file, byte for byte */
    char *file;
    size_t len;
    assert_int_equal(px_file_read("tests/fetch/pages/harbor.html", 0, &file, &len, NULL), PX_OK);
    assert_int_equal(p->len, len);
    assert_memory_equal(p->body, file, len);
    free(file);
    px_article *art;
    px_error err;
    assert_int_equal(px_fetch_ingest(a, p, NULL, &art, &err), PX_OK);
    assert_string_equal(art->id, "harbor");
    assert_string_equal(art->origin, p->url);
    assert_non_null(strstr(art->body, "voted 7 to 2"));
    px_arena_free(a);
}

static void redirect_chain_of_three(void **state)
{
    (void)state;
    px_arena *a = px_arena_new();
    px_fetch_opts o = test_opts();
    px_page *p = fetch1(a, "/hops/3", &o);
    assert_int_equal(p->status, PX_OK);
    assert_string_equal(p->final_url, url(a, "/hops/0"));
    assert_non_null(strstr(p->body, "Arrived after the redirects"));
    /* five hops are allowed, six are not */
    assert_int_equal(fetch1(a, "/hops/5", &o)->status, PX_OK);
    assert_failed(fetch1(a, "/hops/6", &o), PX_ENET, "too many redirects (more than 5");
    px_arena_free(a);
}

static void redirect_loop(void **state)
{
    (void)state;
    px_arena *a = px_arena_new();
    px_fetch_opts o = test_opts();
    px_page *p = fetch1(a, "/loop/a", &o);
    assert_failed(p, PX_ENET, "too many redirects (more than 5; a redirect loop?)");
    assert_int_equal(p->attempts, 1);
    assert_null(p->body);
    px_arena_free(a);
}

static void not_found_is_not_retried(void **state)
{
    (void)state;
    px_arena *a = px_arena_new();
    px_fetch_opts o = test_opts();
    px_page *p = fetch1(a, "/missing", &o);
    assert_failed(p, PX_ENET, "HTTP 404 (Not Found)");
    assert_string_equal(p->err.message, "HTTP 404 (Not Found)");
    assert_int_equal(p->attempts, 1);
    assert_int_equal(hits(a, "/missing"), 1);
    p = fetch1(a, "/forbidden", &o);
    assert_string_equal(p->err.message, "HTTP 403 (Forbidden)");
    assert_int_equal(hits(a, "/forbidden"), 1);
    px_arena_free(a);
}

static void server_error_then_success(void **state)
{
    (void)state;
    px_arena *a = px_arena_new();
    px_fetch_opts o = test_opts();
    px_page *p = fetch1(a, "/flaky/once", &o);
    assert_int_equal(p->status, PX_OK);
    assert_int_equal(p->attempts, 2);
    assert_non_null(strstr(p->body, "Served on the second try"));
    assert_int_equal(hits(a, "/flaky/once"), 2);
    px_arena_free(a);
}

static void too_many_requests_waits_for_retry_after(void **state)
{
    (void)state;
    px_arena *a = px_arena_new();
    px_fetch_opts o = test_opts(); /* backoff 20 ms: the wait comes from Retry-After: 1 */
    int64_t t0 = ms_now();
    px_page *p = fetch1(a, "/busy/one", &o);
    int64_t took = ms_now() - t0;
    assert_int_equal(p->status, PX_OK);
    assert_int_equal(p->attempts, 2);
    assert_true(took >= 1000);
    /* capped: Retry-After: 8 waits only the cap */
    o.retry_after_cap_ms = 100;
    t0 = ms_now();
    p = fetch1(a, "/busy-long/one", &o);
    assert_int_equal(p->status, PX_OK);
    assert_int_equal(p->attempts, 2);
    assert_true(ms_now() - t0 < 6000);
    px_arena_free(a);
}

static void retries_give_up(void **state)
{
    (void)state;
    px_arena *a = px_arena_new();
    px_fetch_opts o = test_opts();
    o.retries = 2;
    o.retry_after_cap_ms = 10;
    px_page *p = fetch1(a, "/always-busy/x", &o);
    assert_failed(p, PX_ENET, "HTTP 503 (Service Unavailable), after 3 attempts");
    assert_int_equal(hits(a, "/always-busy/x"), 3);
    o.retries = -1; /* none */
    p = fetch1(a, "/always-busy/y", &o);
    assert_string_equal(p->err.message, "HTTP 503 (Service Unavailable)");
    assert_int_equal(hits(a, "/always-busy/y"), 1);
    px_arena_free(a);
}

static void dropped_connection_is_retried(void **state)
{
    (void)state;
    px_arena *a = px_arena_new();
    px_fetch_opts o = test_opts();
    px_page *p = fetch1(a, "/drop/one", &o);
    assert_int_equal(p->status, PX_OK);
    assert_int_equal(p->attempts, 2);
    assert_non_null(strstr(p->body, "after a dropped connection"));
    px_arena_free(a);
}

static void connection_refused(void **state)
{
    (void)state;
    px_arena *a = px_arena_new();
    /* a port nobody listens on: bind one, note it, close it */
    int s = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in sa = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    socklen_t sl = sizeof sa;
    assert_int_equal(bind(s, (struct sockaddr *)&sa, sizeof sa), 0);
    assert_int_equal(getsockname(s, (struct sockaddr *)&sa, &sl), 0);
    close(s);
    px_fetch_opts o = test_opts();
    o.backoff_ms = 5;
    const char *u = px_arena_printf(a, "http://127.0.0.1:%d/x", ntohs(sa.sin_port));
    px_page *p = fetch1(a, u, &o);
    assert_failed(p, PX_ENET, "could not connect (refused or unreachable), after 4 attempts");
    assert_int_equal(p->attempts, 4);
    px_arena_free(a);
}

static void stalled_page_times_out(void **state)
{
    (void)state;
    px_arena *a = px_arena_new();
    px_fetch_opts o = test_opts();
    o.timeout_ms = 500;
    int64_t t0 = ms_now();
    px_page *p = fetch1(a, "/stall", &o);
    assert_failed(p, PX_ENET, "timed out after 500 ms");
    assert_string_equal(p->err.message, "timed out after 500 ms");
    assert_int_equal(p->attempts, 1); /* a stall is not retried */
    assert_true(ms_now() - t0 < 5000);
    px_arena_free(a);
}

static void body_size_cap(void **state)
{
    (void)state;
    px_arena *a = px_arena_new();
    px_fetch_opts o = test_opts();
    /* announced length: refused before the body */
    px_page *p = fetch1(a, "/huge", &o);
    assert_failed(p, PX_ENET, "body larger than 10 MiB");
    assert_string_equal(p->err.message, "body larger than 10 MiB");
    /* no length: cut off as it passes the cap */
    p = fetch1(a, "/huge-unsized", &o);
    assert_string_equal(p->err.message, "body larger than 10 MiB");
    assert_int_equal(p->attempts, 1);
    o.max_bytes = 1000;
    p = fetch1(a, "/pages/harbor.html", &o);
    assert_string_equal(p->err.message, "body larger than 1000 bytes");
    px_arena_free(a);
}

static void gzip_content(void **state)
{
    (void)state;
    px_arena *a = px_arena_new();
    px_fetch_opts o = test_opts();
    px_page *p = fetch1(a, "/gzip", &o); /* the server answers 406 unless gzip is accepted */
    assert_int_equal(p->status, PX_OK);
    assert_non_null(strstr(p->body, "travelled gzip-compressed and arrives whole"));
    assert_non_null(strstr(p->headers, "Content-Encoding: gzip"));
    px_arena_free(a);
}

static const char *article_body(px_arena *a, const char *path)
{
    px_fetch_opts o = test_opts();
    px_page *p = fetch1(a, path, &o);
    assert_int_equal(p->status, PX_OK);
    px_article *art;
    px_error err;
    assert_int_equal(px_fetch_ingest(a, p, NULL, &art, &err), PX_OK);
    return art->body;
}

static void charsets(void **state)
{
    (void)state;
    px_arena *a = px_arena_new();
    /* windows-1252 declared only in <meta charset> */
    const char *b = article_body(a, "/cp1252");
    assert_non_null(strstr(b, "The caf\xC3\xA9 on Mill Street said a \xE2\x80\x9C"
                              "fair"
                              "\xE2\x80\x9D coffee now costs \xE2\x82\xAC"
                              "3.10"));
    /* iso-8859-1 in http-equiv: read as browsers do, as windows-1252 */
    b = article_body(a, "/latin1-equiv");
    assert_non_null(strstr(b, "\xE2\x80\x9C"
                              "fair"
                              "\xE2\x80\x9D"));
    /* the header's utf-8 wins over the page's windows-1252 */
    b = article_body(a, "/header-wins");
    assert_non_null(strstr(b, "na\xC3\xAFve caf\xC3\xA9"));
    /* UTF-16 with a byte-order mark */
    b = article_body(a, "/utf16");
    assert_non_null(strstr(b, "\xC3\xBC"
                              "ber"));
    /* undecodable bytes are replaced, never a crash */
    b = article_body(a, "/bad-bytes");
    assert_non_null(strstr(b, "ok \xEF\xBF\xBD"));
    assert_true(px_utf8_check(b, strlen(b), NULL));
    px_arena_free(a);
}

static void refused_protocols(void **state)
{
    (void)state;
    px_arena *a = px_arena_new();
    px_fetch_opts o = test_opts();
    px_page *p = fetch1(a, "/to-file", &o);
    assert_failed(p, PX_ENET, "refused a redirect to file:///etc/passwd (only http and https)");
    assert_null(p->body);
    assert_int_equal(p->attempts, 1);
    p = fetch1(a, "/to-ftp", &o);
    assert_failed(p, PX_ENET, "refused a redirect to ftp://");
    /* asked directly: not even tried */
    p = fetch1(a, "file:///etc/passwd", &o);
    assert_failed(p, PX_EUSAGE, "not an http or https URL");
    px_arena_free(a);
}

static void not_a_page(void **state)
{
    (void)state;
    px_arena *a = px_arena_new();
    px_fetch_opts o = test_opts();
    px_page *p = fetch1(a, "/pdf", &o);
    assert_failed(p, PX_ENET, "not an HTML page (application/pdf)");
    assert_string_equal(p->err.message, "not an HTML page (application/pdf)");
    px_arena_free(a);
}

static void honest_user_agent(void **state)
{
    (void)state;
    px_arena *a = px_arena_new();
    px_fetch_opts o = test_opts();
    px_page *p = fetch1(a, "/headers", &o);
    assert_int_equal(p->status, PX_OK);
    assert_non_null(strstr(p->body, px_arena_printf(a, "User-Agent: parallax/%s (", PX_VERSION)));
    px_arena_free(a);
}

/* Six slow pages on one host: never more than two at once. */
static void polite_per_host(void **state)
{
    (void)state;
    px_arena *a = px_arena_new();
    const char *urls[6];
    for (int i = 0; i < 6; i++)
        urls[i] = url(a, px_arena_printf(a, "/slow/host/%d", i));
    px_fetch_opts o = test_opts();
    px_page *pages;
    assert_int_equal(px_fetch(a, urls, 6, &o, &pages, NULL), PX_OK);
    px_page *c = fetch1(a, "/concurrency/host", &o);
    assert_string_equal(c->body, "2");
    /* and --connections 1 means one at a time */
    for (int i = 0; i < 3; i++)
        urls[i] = url(a, px_arena_printf(a, "/slow/one/%d", i));
    o.connections = 1;
    assert_int_equal(px_fetch(a, urls, 3, &o, &pages, NULL), PX_OK);
    c = fetch1(a, "/concurrency/one", &o);
    assert_string_equal(c->body, "1");
    px_arena_free(a);
}

static void duplicates_fetched_once(void **state)
{
    (void)state;
    px_arena *a = px_arena_new();
    const char *urls[3] = {url(a, "/pages/wire.html"), url(a, "/missing-dup"),
                           url(a, "/pages/wire.html")};
    px_fetch_opts o = test_opts();
    px_page *pages;
    px_error err;
    /* the first failure is returned, the other pages are still filled */
    assert_int_equal(px_fetch(a, urls, 3, &o, &pages, &err), PX_ENET);
    assert_string_equal(err.file, urls[1]);
    assert_int_equal(pages[0].status, PX_OK);
    assert_int_equal(pages[2].status, PX_OK);
    assert_int_equal(pages[0].len, pages[2].len);
    assert_int_equal(hits(a, "/pages/wire.html"), 1);
    px_arena_free(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(normal_article),
        cmocka_unit_test(redirect_chain_of_three),
        cmocka_unit_test(redirect_loop),
        cmocka_unit_test(not_found_is_not_retried),
        cmocka_unit_test(server_error_then_success),
        cmocka_unit_test(too_many_requests_waits_for_retry_after),
        cmocka_unit_test(retries_give_up),
        cmocka_unit_test(dropped_connection_is_retried),
        cmocka_unit_test(connection_refused),
        cmocka_unit_test(stalled_page_times_out),
        cmocka_unit_test(body_size_cap),
        cmocka_unit_test(gzip_content),
        cmocka_unit_test(charsets),
        cmocka_unit_test(refused_protocols),
        cmocka_unit_test(not_a_page),
        cmocka_unit_test(honest_user_agent),
        cmocka_unit_test(polite_per_host),
        cmocka_unit_test(duplicates_fetched_once),
    };
    return cmocka_run_group_tests(tests, server_start, server_stop);
}
