/* Unit tests of the page cache (src/ingest/cache.c) and of what px_fetch
 * does with it: reuse, --offline, --refresh, atomic entries, damage; plus
 * outlet ids from URLs and the default cache folder. */
#include <dirent.h>
#include <sys/stat.h>

#include "ingest/fetch.h"
#include "server.h"

static char cache_dir[64];

static int setup(void **state)
{
    snprintf(cache_dir, sizeof cache_dir, "/tmp/pxcacheXXXXXX");
    if (!mkdtemp(cache_dir))
        return -1;
    return server_start(state);
}

static int teardown(void **state)
{
    DIR *d = opendir(cache_dir);
    struct dirent *e;
    while (d && (e = readdir(d))) {
        char p[512];
        snprintf(p, sizeof p, "%s/%s", cache_dir, e->d_name);
        if (e->d_name[0] != '.')
            unlink(p);
    }
    if (d)
        closedir(d);
    rmdir(cache_dir);
    return server_stop(state);
}

static px_fetch_opts cache_opts(void)
{
    px_fetch_opts o = test_opts();
    o.no_cache = false;
    o.cache_dir = cache_dir;
    return o;
}

static void cached_page_is_identical(void **state)
{
    (void)state;
    px_arena *a = px_arena_new();
    px_fetch_opts o = cache_opts();
    px_page *live = fetch1(a, "/pages/ledger.html", &o);
    assert_int_equal(live->status, PX_OK);
    assert_false(live->cached);
    assert_int_equal(hits(a, "/pages/ledger.html"), 1);
    /* the second time it comes from the cache, without a request */
    px_page *again = fetch1(a, "/pages/ledger.html", &o);
    assert_true(again->cached);
    assert_int_equal(again->attempts, 0);
    assert_int_equal(hits(a, "/pages/ledger.html"), 1);
    o.offline = true;
    px_page *off = fetch1(a, "/pages/ledger.html", &o);
    assert_int_equal(off->status, PX_OK);
    assert_true(off->cached);
    assert_int_equal(off->len, live->len);
    assert_memory_equal(off->body, live->body, live->len);
    assert_string_equal(off->final_url, live->final_url);
    assert_string_equal(off->headers, live->headers);
    assert_int_equal(off->fetched_at, live->fetched_at);
    /* the same article either way */
    px_article *x, *y;
    assert_int_equal(px_fetch_ingest(a, live, NULL, &x, NULL), PX_OK);
    assert_int_equal(px_fetch_ingest(a, off, NULL, &y, NULL), PX_OK);
    assert_string_equal(x->body, y->body);
    assert_string_equal(x->title, y->title);
    assert_string_equal(x->id, "ledger");
    px_arena_free(a);
}

static void offline_names_the_missing_url(void **state)
{
    (void)state;
    px_arena *a = px_arena_new();
    px_fetch_opts o = cache_opts();
    o.offline = true;
    px_page *p = fetch1(a, "/pages/wire.html", &o);
    assert_failed(p, PX_ENET, "not in the cache (");
    assert_non_null(strstr(p->err.message, ") and --offline forbids fetching it"));
    assert_int_equal(hits(a, "/pages/wire.html"), 0);
    /* failures are not cached */
    o.offline = false;
    assert_int_equal(fetch1(a, "/missing", &o)->status, PX_ENET);
    o.offline = true;
    assert_failed(fetch1(a, "/missing", &o), PX_ENET, "not in the cache");
    px_arena_free(a);
}

static void refresh_fetches_again(void **state)
{
    (void)state;
    px_arena *a = px_arena_new();
    px_fetch_opts o = cache_opts();
    assert_false(fetch1(a, "/hops/2", &o)->cached);
    o.refresh = true;
    px_page *p = fetch1(a, "/hops/2", &o);
    assert_false(p->cached);
    assert_int_equal(hits(a, "/hops/2"), 2);
    /* the final URL after redirects is kept with the entry */
    o.refresh = false;
    o.offline = true;
    p = fetch1(a, "/hops/2", &o);
    assert_true(p->cached);
    assert_string_equal(p->final_url, url(a, "/hops/0"));
    px_arena_free(a);
}

static void entries_are_whole(void **state)
{
    (void)state;
    px_arena *a = px_arena_new();
    px_fetch_opts o = cache_opts();
    px_page *p = fetch1(a, "/pages/harbor.html", &o);
    assert_int_equal(p->status, PX_OK);
    const char *path = px_cache_path(a, cache_dir, p->url);
    char *data;
    size_t len;
    assert_int_equal(px_file_read(path, 0, &data, &len, NULL), PX_OK);
    assert_true(strncmp(data, "parallax-cache 1\nurl http://127.0.0.1:", 38) == 0);
    /* an interrupted write leaves a temporary file that is never read */
    const char *tmp = px_arena_printf(a, "%s.tmpAbC123", path);
    assert_int_equal(px_file_write_atomic(tmp, data, len / 2, NULL), PX_OK);
    /* a damaged entry: offline it is an error, online it is fetched again */
    assert_int_equal(px_file_write_atomic(path, data, len - 10, NULL), PX_OK);
    o.offline = true;
    assert_failed(fetch1(a, "/pages/harbor.html", &o), PX_ENET, "is damaged");
    o.offline = false;
    p = fetch1(a, "/pages/harbor.html", &o);
    assert_int_equal(p->status, PX_OK);
    assert_false(p->cached);
    o.offline = true;
    assert_true(fetch1(a, "/pages/harbor.html", &o)->cached);
    free(data);
    unlink(tmp);
    px_arena_free(a);
}

static void cache_key_is_the_url(void **state)
{
    (void)state;
    px_arena *a = px_arena_new();
    const char *p1 = px_cache_path(a, "/c", "http://example.org/a");
    const char *p2 = px_cache_path(a, "/c", "http://example.org/b");
    assert_string_not_equal(p1, p2);
    assert_string_equal(p1, px_cache_path(a, "/c", "http://example.org/a"));
    assert_int_equal(strlen(p1), strlen("/c/") + 32 + strlen(".page"));
    /* an entry that holds another URL (a hash collision) is a miss */
    px_cache_entry e = {.url = "http://example.org/a", .http_status = 200, .body = "x", .len = 1};
    assert_int_equal(px_cache_put(cache_dir, &e, NULL), PX_OK);
    const char *from = px_cache_path(a, cache_dir, "http://example.org/a");
    const char *to = px_cache_path(a, cache_dir, "http://example.org/b");
    assert_int_equal(rename(from, to), 0);
    px_cache_entry got;
    bool found = true;
    assert_int_equal(px_cache_get(a, cache_dir, "http://example.org/b", 100, &got, &found, NULL),
                     PX_OK);
    assert_false(found);
    unlink(to);
    px_arena_free(a);
}

static void default_cache_folder(void **state)
{
    (void)state;
    px_arena *a = px_arena_new();
    char *xdg = getenv("XDG_CACHE_HOME") ? px_arena_strdup(a, getenv("XDG_CACHE_HOME")) : NULL;
    char *home = getenv("HOME") ? px_arena_strdup(a, getenv("HOME")) : NULL;
    setenv("XDG_CACHE_HOME", "/var/cache/me", 1);
    assert_string_equal(px_fetch_cache_dir(a), "/var/cache/me/parallax");
    unsetenv("XDG_CACHE_HOME");
    setenv("HOME", "/home/me", 1);
    assert_string_equal(px_fetch_cache_dir(a), "/home/me/.cache/parallax");
    unsetenv("HOME");
    assert_null(px_fetch_cache_dir(a));
    if (xdg)
        setenv("XDG_CACHE_HOME", xdg, 1);
    if (home)
        setenv("HOME", home, 1);
    px_arena_free(a);
}

static void outlet_ids_from_urls(void **state)
{
    (void)state;
    px_arena *a = px_arena_new();
    assert_string_equal(px_fetch_url_id(a, "http://127.0.0.1:8080/pages/fox.html"), "fox");
    assert_string_equal(px_fetch_url_id(a, "https://news.example/2026/03/bridge-vote/?ref=rss"),
                        "bridge-vote");
    assert_string_equal(px_fetch_url_id(a, "https://www.example.co.uk/"), "example-co-uk");
    assert_string_equal(px_fetch_url_id(a, "https://example.org"), "example-org");
    assert_true(px_fetch_is_url("HTTPS://example.org/"));
    assert_false(px_fetch_is_url("ftp://example.org/"));
    assert_false(px_fetch_is_url("http.html"));
    px_arena_free(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(cached_page_is_identical), cmocka_unit_test(offline_names_the_missing_url),
        cmocka_unit_test(refresh_fetches_again),    cmocka_unit_test(entries_are_whole),
        cmocka_unit_test(cache_key_is_the_url),     cmocka_unit_test(default_cache_folder),
        cmocka_unit_test(outlet_ids_from_urls),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
