/*
 * fetch.c — URLs in, pages out: libcurl's multi interface, the cache, and
 * what each outcome means in words.
 *
 * px_fetch turns a list of URLs into px_page results. Cached pages are
 * read first (unless --refresh); the rest are downloaded in parallel, at
 * most `connections` at once and `per_host` per host, by a small scheduler
 * around curl_multi_poll that also holds back retries until their time has
 * come. Each transfer is capped (timeouts, body size, redirects, http and
 * https only, not even after a redirect); a status of 400 or more, or a
 * 2xx of a type that is not a page, stops the transfer at the end of the
 * headers. Connection failures, 429 and 5xx are retried with exponential
 * backoff, honouring Retry-After up to a cap; other 4xx never are.
 *
 * A successful response is written to the cache as received and the page
 * is filled from that same entry: a page read back from the cache later
 * holds identical bytes and headers, so the reports match. Decoding to
 * UTF-8 is the extractor's (px_fetch_ingest passes the declared charset).
 */
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "ingest/dom.h"
#include "ingest/fetch.h"

int64_t px_fetch_now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static px_fetch_limits resolve_limits(const px_fetch_opts *o)
{
    px_fetch_limits l = {
        .connections = o->connections > 0 ? o->connections : PX_FETCH_CONNECTIONS,
        .per_host = o->per_host > 0 ? o->per_host : PX_FETCH_PER_HOST,
        .max_redirects = o->max_redirects ? o->max_redirects : PX_FETCH_MAX_REDIRECTS,
        .retries = o->retries ? o->retries : PX_FETCH_RETRIES,
        .connect_ms =
            o->connect_timeout_ms > 0 ? o->connect_timeout_ms : PX_FETCH_CONNECT_TIMEOUT_MS,
        .timeout_ms = o->timeout_ms > 0 ? o->timeout_ms : PX_FETCH_TIMEOUT_MS,
        .backoff_ms = o->backoff_ms > 0 ? o->backoff_ms : PX_FETCH_BACKOFF_MS,
        .retry_cap_ms =
            o->retry_after_cap_ms > 0 ? o->retry_after_cap_ms : PX_FETCH_RETRY_AFTER_CAP_MS,
        .max_bytes = o->max_bytes ? o->max_bytes : PX_FETCH_MAX_BYTES,
    };
    if (l.retries < 0)
        l.retries = 0;
    return l;
}

bool px_fetch_is_url(const char *s)
{
    return s && (strncasecmp(s, "http://", 7) == 0 || strncasecmp(s, "https://", 8) == 0);
}

const char *px_fetch_cache_dir(px_arena *a)
{
    const char *xdg = getenv("XDG_CACHE_HOME");
    if (xdg && *xdg == '/')
        return px_arena_printf(a, "%s/parallax", xdg);
    const char *home = getenv("HOME");
    if (home && *home)
        return px_arena_printf(a, "%s/.cache/parallax", home);
    return NULL;
}

/* "10 MiB", "512 KiB", "1500 bytes": sizes as people read them. */
const char *px_fetch_human_size(px_arena *a, size_t n)
{
    if (n >= (1u << 20) && n % (1u << 20) == 0)
        return px_arena_printf(a, "%zu MiB", n >> 20);
    if (n >= (1u << 20))
        return px_arena_printf(a, "%.1f MiB", (double)n / (1u << 20));
    if (n >= 1024 && n % 1024 == 0)
        return px_arena_printf(a, "%zu KiB", n >> 10);
    return px_arena_printf(a, "%zu bytes", n);
}

/* "30 s", "1.5 s", "250 ms" */
const char *px_fetch_human_ms(px_arena *a, long ms)
{
    if (ms % 1000 == 0)
        return px_arena_printf(a, "%ld s", ms / 1000);
    if (ms > 1000)
        return px_arena_printf(a, "%.1f s", (double)ms / 1000);
    return px_arena_printf(a, "%ld ms", ms);
}

/* Parse and normalise url; the host (lower case) and the key, or false
 * when url is not an http(s) URL curl can use. */
static bool normalise(const px_curl_api *c, px_arena *a, const char *url, const char **key,
                      const char **host)
{
    CURLU *u = c->url();
    char *full = NULL, *h = NULL, *scheme = NULL;
    bool ok = c->url_set(u, CURLUPART_URL, url, 0) == CURLUE_OK &&
              c->url_get(u, CURLUPART_SCHEME, &scheme, 0) == CURLUE_OK &&
              (!strcmp(scheme, "http") || !strcmp(scheme, "https")) &&
              c->url_get(u, CURLUPART_HOST, &h, 0) == CURLUE_OK &&
              c->url_get(u, CURLUPART_URL, &full, 0) == CURLUE_OK;
    if (ok) {
        char *lh = px_arena_strdup(a, h);
        for (char *p = lh; *p; p++)
            *p = (char)((*p >= 'A' && *p <= 'Z') ? *p + 32 : *p);
        *host = lh;
        *key = px_arena_strdup(a, full);
    }
    c->free(full);
    c->free(h);
    c->free(scheme);
    c->url_cleanup(u);
    return ok;
}

char *px_fetch_url_id(px_arena *a, const char *url)
{
    const px_curl_api *c = px_curl_load(NULL);
    if (!c)
        return px_arena_strdup(a, "page");
    CURLU *u = c->url();
    char *path = NULL, *host = NULL;
    char *id = NULL;
    if (c->url_set(u, CURLUPART_URL, url, CURLU_NON_SUPPORT_SCHEME) == CURLUE_OK) {
        c->url_get(u, CURLUPART_PATH, &path, CURLU_URLDECODE);
        c->url_get(u, CURLUPART_HOST, &host, 0);
    }
    size_t n = path ? strlen(path) : 0;
    while (n && path[n - 1] == '/')
        n--;
    if (n) {
        size_t s = n;
        while (s && path[s - 1] != '/')
            s--;
        id = px_ingest_id_from_path(a, px_arena_strndup(a, path + s, n - s));
    }
    if ((!id || !*id) && host) {
        const char *h = strncasecmp(host, "www.", 4) == 0 ? host + 4 : host;
        id = px_arena_strdup(a, h);
        for (char *p = id; *p; p++)
            if (*p == '.' || *p == ':')
                *p = '-';
    }
    c->free(path);
    c->free(host);
    c->url_cleanup(u);
    return id && *id ? id : px_arena_strdup(a, "page");
}

/* The types a page may have, and how it is read. */
static const struct {
    const char *type;
    px_input_kind kind;
} page_types[] = {
    {"text/html", PX_KIND_HTML},
    {"application/xhtml+xml", PX_KIND_HTML},
    {"text/plain", PX_KIND_TEXT},
};

/* The kind for a Content-Type; false when it is not a page we read. A
 * missing type is taken for HTML. */
bool px_fetch_page_kind(const char *ctype, px_input_kind *kind)
{
    *kind = PX_KIND_HTML;
    if (!ctype || !*ctype)
        return true;
    size_t n = strcspn(ctype, "; \t");
    for (size_t i = 0; i < sizeof page_types / sizeof page_types[0]; i++)
        if (strlen(page_types[i].type) == n && strncasecmp(ctype, page_types[i].type, n) == 0) {
            *kind = page_types[i].kind;
            return true;
        }
    return false;
}

void px_fetch_report_progress(px_fetch_run *r, bool force)
{
    if (!r->o->progress)
        return;
    int64_t now = px_fetch_now_ms();
    if (!force && now - r->last_progress < 100)
        return;
    r->last_progress = now;
    r->o->progress(r->o->progress_ctx, &r->prog);
}

/* The charset parameter of a Content-Type, unquoted, or NULL. */
static const char *charset_label(px_arena *a, const char *ctype)
{
    for (const char *p = ctype; p && (p = strchr(p, ';'));) {
        p++;
        while (*p == ' ' || *p == '\t')
            p++;
        if (strncasecmp(p, "charset=", 8) != 0)
            continue;
        p += 8;
        if (*p == '"' || *p == '\'')
            p++;
        size_t n = strcspn(p, "\"'; \t");
        return n ? px_arena_strndup(a, p, n) : NULL;
    }
    return NULL;
}

/* Fill p from a cache entry: the body decoded the same way whether the
 * entry was just written or read back. */
static void fill_page(px_arena *a, px_page *p, const px_cache_entry *e, bool cached)
{
    p->status = PX_OK;
    p->final_url = e->final_url ? e->final_url : e->url;
    p->http_status = e->http_status;
    p->content_type = e->content_type;
    p->headers = e->headers;
    p->fetched_at = e->fetched_at;
    p->cached = cached;
    px_fetch_page_kind(e->content_type, &p->kind);
    p->charset = charset_label(a, e->content_type);
    p->body = e->body;
    p->len = e->len;
}

void px_fetch_store(px_fetch_run *r, px_fetch_job *j)
{
    char *final = NULL;
    r->curl->easy_getinfo(j->easy, CURLINFO_EFFECTIVE_URL, &final);
    px_cache_entry e = {
        .url = j->key,
        .final_url = px_arena_strdup(r->a, final ? final : j->key),
        .content_type = *j->ctype ? px_arena_strdup(r->a, j->ctype) : NULL,
        .headers = px_arena_strndup(r->a, j->headers.data ? j->headers.data : "", j->headers.len),
        .headers_len = j->headers.len,
        .http_status = j->code,
        .fetched_at = (int64_t)time(NULL),
        .body = px_arena_memdup(r->a, j->body.data ? j->body.data : "", j->body.len + 1),
        .len = j->body.len,
    };
    if (r->cache_dir) {
        px_error err;
        if (px_cache_put(r->cache_dir, &e, &err) != PX_OK) {
            char msg[1200];
            px_error_format(&err, msg, sizeof msg);
            j->page->cache_warning = px_arena_printf(r->a, "not cached: %s", msg);
        }
    }
    fill_page(r->a, j->page, &e, false);
}

void px_fetch_fail(px_fetch_run *r, px_fetch_job *j, px_status st, const char *msg)
{
    px_error_set(&j->page->err, st, j->page->url, 0, "%s", msg);
    j->page->status = st;
    j->state = JOB_DONE;
    r->prog.done++;
    r->prog.failed++;
}

/* Serve j from the cache when allowed; true when j is settled (served, or
 * failed because it is offline and missing). */
static bool from_cache(px_fetch_run *r, px_fetch_job *j)
{
    if (!r->cache_dir) {
        if (r->o->offline)
            px_fetch_fail(r, j, PX_ENET,
                          "no cache folder to read in offline mode (set --cache DIR)");
        return r->o->offline;
    }
    if (r->o->refresh && !r->o->offline)
        return false;
    px_cache_entry e;
    bool found;
    px_error err;
    px_status st = px_cache_get(r->a, r->cache_dir, j->key, r->lim.max_bytes, &e, &found, &err);
    if (st == PX_OK && found) {
        fill_page(r->a, j->page, &e, true);
        r->prog.done++;
        j->state = JOB_DONE;
        return true;
    }
    if (!r->o->offline)
        return false; /* missing or damaged: fetch it (again) */
    if (st != PX_OK)
        px_fetch_fail(r, j, PX_ENET, err.message);
    else
        px_fetch_fail(r, j, PX_ENET,
                      px_arena_printf(r->a,
                                      "not in the cache (%s) and --offline forbids fetching it",
                                      r->cache_dir));
    return true;
}

/* One job per distinct URL; pages of invalid URLs fail at once. */
static void make_jobs(px_fetch_run *r, const char *const *urls, size_t n, px_page *pages,
                      size_t *job_of)
{
    px_map *seen = px_map_new();
    r->jobs = px_arena_array(r->a, n ? n : 1, sizeof *r->jobs);
    for (size_t i = 0; i < n; i++) {
        px_page *p = &pages[i];
        p->url = px_arena_strdup(r->a, urls[i]);
        job_of[i] = SIZE_MAX;
        const char *key, *host;
        if (!normalise(r->curl, r->a, urls[i], &key, &host)) {
            px_error_set(&p->err, PX_EUSAGE, p->url, 0, "not an http or https URL");
            p->status = PX_EUSAGE;
            continue;
        }
        uintptr_t k;
        if (px_map_get(seen, key, strlen(key), &k)) {
            job_of[i] = k;
            continue;
        }
        px_fetch_job *j = &r->jobs[r->njobs];
        j->page = p;
        j->key = key;
        j->host = host;
        j->run = r;
        job_of[i] = r->njobs;
        px_map_put(seen, key, strlen(key), r->njobs++);
    }
    px_map_free(seen);
}

/* libcurl could not be loaded: every URL fails with why. */
static px_status fail_all(px_arena *a, const char *const *urls, size_t n, const px_error *why,
                          px_page **pages, px_error *err)
{
    px_page *out = px_arena_array(a, n ? n : 1, sizeof *out);
    for (size_t i = 0; i < n; i++) {
        out[i].url = urls[i];
        out[i].status = PX_ENET;
        px_error_set(&out[i].err, PX_ENET, urls[i], 0, "%s", why->message);
    }
    *pages = out;
    if (err)
        *err = n ? out[0].err : *why;
    return PX_ENET;
}

px_status px_fetch(px_arena *a, const char *const *urls, size_t n, const px_fetch_opts *o,
                   px_page **pages, px_error *err)
{
    static const px_fetch_opts none = {0};
    px_error why;
    const px_curl_api *curl = px_curl_load(&why);
    if (!curl)
        return fail_all(a, urls, n, &why, pages, err);
    px_fetch_run r = {.curl = curl, .a = a, .o = o ? o : &none};
    r.lim = resolve_limits(r.o);
    if (!r.o->no_cache)
        r.cache_dir = r.o->cache_dir ? r.o->cache_dir : px_fetch_cache_dir(a);
    px_page *out = px_arena_array(a, n ? n : 1, sizeof *out);
    size_t *job_of = px_xcalloc(n ? n : 1, sizeof *job_of);
    make_jobs(&r, urls, n, out, job_of);
    r.prog.total = r.njobs;
    for (size_t i = 0; i < r.njobs; i++)
        if (!from_cache(&r, &r.jobs[i]))
            r.pending++;
    if (r.pending)
        px_fetch_transfers(&r);
    px_fetch_report_progress(&r, true);
    px_status st = PX_OK;
    for (size_t i = 0; i < n; i++) {
        if (job_of[i] != SIZE_MAX && r.jobs[job_of[i]].page != &out[i]) {
            const char *asked = out[i].url;
            out[i] = *r.jobs[job_of[i]].page; /* a duplicate: the same result */
            out[i].url = asked;
        }
        if (out[i].status != PX_OK && st == PX_OK) {
            st = out[i].status;
            if (err)
                *err = out[i].err;
        }
    }
    free(job_of);
    *pages = out;
    return st;
}

px_status px_fetch_ingest(px_arena *a, const px_page *p, const px_ingest_opts *o, px_article **out,
                          px_error *err)
{
    *out = NULL;
    if (p->status != PX_OK) {
        if (err)
            *err = p->err;
        return p->status;
    }
    px_ingest_opts io = {0};
    if (o)
        io = *o;
    io.charset = p->charset;
    px_status st;
    if (p->kind == PX_KIND_TEXT) {
        size_t n;
        const char *used;
        char *utf8 = px_html_decode(p->body, p->len, p->charset, &n, &used);
        st = px_ingest_text(a, utf8 ? utf8 : p->body, utf8 ? n : p->len, p->url, &io, out, err);
        free(utf8);
    } else {
        st = px_ingest_html(a, p->body, p->len, p->url, &io, out, err);
    }
    if (st == PX_OK)
        (*out)->id = px_fetch_url_id(a, p->url);
    return st;
}
