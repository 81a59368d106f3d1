/*
 * transfer.c — the libcurl side of fetching: one easy handle per URL, a
 * multi handle driving them, and a scheduler that keeps to the connection
 * limits and holds retries back until their time.
 *
 * Callbacks watch each response as it comes: the header callback starts a
 * fresh header block at every status line (redirects, 100 Continue), and
 * at the end of a final response's headers stops the transfer when the
 * status is 400 or more, or the type is not a page — nothing more is
 * downloaded. The write callback keeps the body of 2xx responses only and
 * stops past the size cap (CURLOPT_MAXFILESIZE stops earlier when the
 * server announces the length). When a transfer ends, its outcome becomes
 * either a stored page (fetch.c), a retry later, or an error in words that
 * names the URL. libcurl is called through r->curl (curl_api.h).
 */
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "ingest/fetch.h"

#define HEADERS_MAX (256u << 10)

/* Status line: "HTTP/1.1 404 Not Found" → code, reason. */
static void status_line(px_fetch_job *j, const char *p, size_t n)
{
    const char *sp = memchr(p, ' ', n);
    j->code = 0;
    j->reason[0] = '\0';
    j->ctype[0] = '\0';
    if (!sp)
        return;
    char tmp[96];
    size_t k = (size_t)(p + n - sp - 1);
    if (k >= sizeof tmp)
        k = sizeof tmp - 1;
    memcpy(tmp, sp + 1, k);
    tmp[k] = '\0';
    char *end;
    j->code = strtol(tmp, &end, 10);
    while (*end == ' ')
        end++;
    size_t r = strcspn(end, "\r\n");
    if (r >= sizeof j->reason)
        r = sizeof j->reason - 1;
    memcpy(j->reason, end, r);
    j->reason[r] = '\0';
}

/* The value of header line p if it is name, trimmed, into out. */
static bool header_is(const char *p, size_t n, const char *name, char *out, size_t size)
{
    size_t nl = strlen(name);
    if (n <= nl || strncasecmp(p, name, nl) != 0 || p[nl] != ':')
        return false;
    const char *v = p + nl + 1, *e = p + n;
    while (v < e && (*v == ' ' || *v == '\t'))
        v++;
    while (e > v && (e[-1] == '\r' || e[-1] == '\n' || e[-1] == ' '))
        e--;
    size_t k = (size_t)(e - v) < size - 1 ? (size_t)(e - v) : size - 1;
    memcpy(out, v, k);
    out[k] = '\0';
    return true;
}

/* Retry-After: delay-seconds or an HTTP date; -1 when unreadable. */
static long retry_after_s(const px_curl_api *c, const char *v)
{
    char *end;
    long s = strtol(v, &end, 10);
    if (end != v && *end == '\0')
        return s < 0 ? 0 : s;
    time_t when = c->getdate(v, NULL);
    if (when < 0)
        return -1;
    time_t now = time(NULL);
    return when > now ? (long)(when - now) : 0;
}

/* End of a response's headers: decide whether to read its body. */
static size_t end_of_headers(px_fetch_job *j, size_t n)
{
    px_input_kind kind;
    if (j->code < 200 || (j->code >= 300 && j->code < 400))
        return n; /* interim, or a redirect curl follows (or reports) */
    if (j->code >= 400) {
        j->stop = STOP_HTTP;
        return 0;
    }
    if (!px_fetch_page_kind(j->ctype, &kind)) {
        j->stop = STOP_TYPE;
        return 0;
    }
    return n;
}

static size_t on_header(char *p, size_t size, size_t nitems, void *ud)
{
    px_fetch_job *j = ud;
    size_t n = size * nitems;
    if (n >= 5 && strncmp(p, "HTTP/", 5) == 0) {
        status_line(j, p, n);
        j->retry_after = -1;
        px_buf_reset(&j->headers);
        px_buf_reset(&j->body);
    }
    if (px_buf_add(&j->headers, p, n) != PX_OK) {
        j->stop = STOP_HEADERS;
        return 0;
    }
    header_is(p, n, "Content-Type", j->ctype, sizeof j->ctype);
    char ra[64];
    if (header_is(p, n, "Retry-After", ra, sizeof ra))
        j->retry_after = retry_after_s(j->run->curl, ra);
    if (n <= 2 && (p[0] == '\r' || p[0] == '\n'))
        return end_of_headers(j, n);
    return n;
}

static size_t on_body(char *p, size_t size, size_t nitems, void *ud)
{
    px_fetch_job *j = ud;
    size_t n = size * nitems;
    if (j->code < 200 || j->code >= 300)
        return n; /* the body of a redirect: not ours */
    if (px_buf_add(&j->body, p, n) != PX_OK) {
        j->stop = STOP_TOOBIG;
        return 0;
    }
    j->run->prog.bytes += n;
    return n;
}

static void setup_easy(px_fetch_run *r, px_fetch_job *j)
{
    const px_curl_api *c = r->curl;
    const px_fetch_limits *l = &r->lim;
    CURL *e = j->easy ? j->easy : c->easy_init();
    if (!e) {
        fprintf(stderr, "parallax: out of memory (curl_easy_init)\n");
        abort();
    }
    c->easy_reset(e);
    j->easy = e;
    px_buf_free(&j->body);
    px_buf_free(&j->headers);
    px_buf_init(&j->body, l->max_bytes);
    px_buf_init(&j->headers, HEADERS_MAX);
    j->code = 0;
    j->stop = STOP_NONE;
    j->ctype[0] = j->reason[0] = j->errbuf[0] = '\0';
    c->easy_setopt(e, CURLOPT_URL, j->key);
    c->easy_setopt(e, CURLOPT_PRIVATE, j);
    c->easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https");
    c->easy_setopt(e, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
    c->easy_setopt(e, CURLOPT_FOLLOWLOCATION, l->max_redirects > 0 ? 1L : 0L);
    c->easy_setopt(e, CURLOPT_MAXREDIRS, (long)(l->max_redirects > 0 ? l->max_redirects : 0));
    c->easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS, l->connect_ms);
    c->easy_setopt(e, CURLOPT_TIMEOUT_MS, l->timeout_ms);
    c->easy_setopt(e, CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)l->max_bytes);
    c->easy_setopt(e, CURLOPT_ACCEPT_ENCODING, ""); /* every encoding libcurl decodes */
    c->easy_setopt(e, CURLOPT_USERAGENT, r->user_agent);
    c->easy_setopt(e, CURLOPT_HTTPHEADER, r->accept);
    c->easy_setopt(e, CURLOPT_HEADERFUNCTION, on_header);
    c->easy_setopt(e, CURLOPT_HEADERDATA, j);
    c->easy_setopt(e, CURLOPT_WRITEFUNCTION, on_body);
    c->easy_setopt(e, CURLOPT_WRITEDATA, j);
    c->easy_setopt(e, CURLOPT_ERRORBUFFER, j->errbuf);
    c->easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
}

static size_t active_on_host(const px_fetch_run *r, const char *host)
{
    size_t n = 0;
    for (size_t i = 0; i < r->njobs; i++)
        if (r->jobs[i].state == JOB_ACTIVE && strcmp(r->jobs[i].host, host) == 0)
            n++;
    return n;
}

/* Start the waiting jobs whose time has come, within the limits. */
static void start_due(px_fetch_run *r, int64_t now)
{
    const px_curl_api *c = r->curl;
    for (size_t i = 0; i < r->njobs && r->active < (size_t)r->lim.connections; i++) {
        px_fetch_job *j = &r->jobs[i];
        if (j->state != JOB_WAITING || j->not_before > now ||
            active_on_host(r, j->host) >= (size_t)r->lim.per_host)
            continue;
        setup_easy(r, j);
        j->attempts++;
        j->page->attempts = j->attempts;
        j->state = JOB_ACTIVE;
        r->active++;
        c->multi_add_handle(r->multi, j->easy);
    }
}

/* libcurl's failures in words, and whether trying again may help (the
 * connection failed; not: the name does not resolve, TLS is wrong). */
static const struct {
    CURLcode rc;
    const char *words;
    bool retry;
} curl_words[] = {
    {CURLE_COULDNT_RESOLVE_HOST, "could not resolve the host name", false},
    {CURLE_COULDNT_RESOLVE_PROXY, "could not resolve the proxy's host name", false},
    {CURLE_COULDNT_CONNECT, "could not connect (refused or unreachable)", true},
    {CURLE_GOT_NOTHING, "the server closed the connection without replying", true},
    {CURLE_SEND_ERROR, "the connection failed while sending the request", true},
    {CURLE_RECV_ERROR, "the connection failed while receiving the page", true},
    {CURLE_PARTIAL_FILE, "the page arrived incomplete (the connection closed early)", true},
    {CURLE_BAD_CONTENT_ENCODING, "could not decompress the page (bad Content-Encoding)", false},
    {CURLE_PEER_FAILED_VERIFICATION, "the server's TLS certificate is not trusted", false},
    {CURLE_SSL_CONNECT_ERROR, "the TLS handshake failed", false},
    {CURLE_URL_MALFORMAT, "not a valid URL", false},
    {CURLE_WEIRD_SERVER_REPLY, "the server's reply is not HTTP", false},
};

static const char *curl_message(px_fetch_run *r, px_fetch_job *j, CURLcode rc, bool *retry)
{
    const px_curl_api *c = r->curl;
    px_arena *a = r->a;
    char *url = NULL;
    curl_off_t connected = 0;
    switch (rc) {
    case CURLE_OPERATION_TIMEDOUT:
        c->easy_getinfo(j->easy, CURLINFO_CONNECT_TIME_T, &connected);
        *retry = connected == 0; /* could not connect in time: a connection failure */
        return connected ? px_arena_printf(a, "timed out after %s",
                                           px_fetch_human_ms(a, r->lim.timeout_ms))
                         : px_arena_printf(a, "could not connect within %s",
                                           px_fetch_human_ms(a, r->lim.connect_ms));
    case CURLE_TOO_MANY_REDIRECTS:
        return px_arena_printf(a, "too many redirects (more than %d; a redirect loop?)",
                               r->lim.max_redirects);
    case CURLE_UNSUPPORTED_PROTOCOL:
        c->easy_getinfo(j->easy, CURLINFO_EFFECTIVE_URL, &url);
        if (url && !px_fetch_is_url(url))
            return px_arena_printf(a, "refused a redirect to %s (only http and https)", url);
        return px_arena_printf(a, "refused: only http and https are fetched (%s)", j->errbuf);
    case CURLE_FILESIZE_EXCEEDED:
        return px_arena_printf(a, "body larger than %s", px_fetch_human_size(a, r->lim.max_bytes));
    default: break;
    }
    for (size_t i = 0; i < sizeof curl_words / sizeof curl_words[0]; i++)
        if (curl_words[i].rc == rc) {
            *retry = curl_words[i].retry;
            return curl_words[i].words;
        }
    return px_arena_printf(a, "%s%s%s", c->easy_strerror(rc), *j->errbuf ? ": " : "", j->errbuf);
}

/* A final status that is not 2xx: its message, whether to retry (429,
 * 5xx) and the wait the server asked for. */
static const char *http_message(px_fetch_run *r, px_fetch_job *j, bool *retry, long *wait_ms)
{
    const px_curl_api *c = r->curl;
    px_arena *a = r->a;
    *retry = j->code == 429 || (j->code >= 500 && j->code <= 599);
    if (j->retry_after >= 0)
        *wait_ms = j->retry_after * 1000 < r->lim.retry_cap_ms ? j->retry_after * 1000
                                                               : r->lim.retry_cap_ms;
    const char *what = *j->reason ? px_arena_printf(a, "HTTP %ld (%s)", j->code, j->reason)
                                  : px_arena_printf(a, "HTTP %ld", j->code);
    char *to = NULL;
    if (j->code >= 300 && j->code < 400) {
        c->easy_getinfo(j->easy, CURLINFO_REDIRECT_URL, &to);
        return to ? px_arena_printf(a, "%s: a redirect to %s, not followed", what, to)
                  : px_arena_printf(a, "%s: not a page", what);
    }
    return what;
}

/* What ended transfer j, in words; NULL when a page arrived. */
static const char *outcome(px_fetch_run *r, px_fetch_job *j, CURLcode rc, bool *retry,
                           long *wait_ms)
{
    px_arena *a = r->a;
    switch (j->stop) {
    case STOP_HTTP: return http_message(r, j, retry, wait_ms);
    case STOP_TOOBIG:
        return px_arena_printf(a, "body larger than %s", px_fetch_human_size(a, r->lim.max_bytes));
    case STOP_TYPE: return px_arena_printf(a, "not an HTML page (%s)", j->ctype);
    case STOP_HEADERS:
        return px_arena_printf(a, "response headers larger than %s",
                               px_fetch_human_size(a, HEADERS_MAX));
    case STOP_NONE: break;
    }
    if (rc != CURLE_OK)
        return curl_message(r, j, rc, retry);
    if (j->code < 200 || j->code >= 300)
        return http_message(r, j, retry, wait_ms);
    return NULL;
}

static void finish(px_fetch_run *r, px_fetch_job *j, CURLcode rc)
{
    const px_curl_api *c = r->curl;
    c->multi_remove_handle(r->multi, j->easy);
    r->active--;
    bool retry = false;
    long wait_ms = 0;
    const char *msg = outcome(r, j, rc, &retry, &wait_ms);
    if (!msg) {
        px_fetch_store(r, j);
        j->state = JOB_DONE;
        r->prog.done++;
        r->pending--;
        return;
    }
    if (retry && j->attempts <= r->lim.retries) {
        long delay = r->lim.backoff_ms << (j->attempts - 1);
        j->state = JOB_WAITING;
        j->not_before = px_fetch_now_ms() + (wait_ms > delay ? wait_ms : delay);
        return;
    }
    if (j->attempts > 1)
        msg = px_arena_printf(r->a, "%s, after %d attempts", msg, j->attempts);
    px_fetch_fail(r, j, PX_ENET, msg);
    r->pending--;
}

/* How long to sleep: until the next retry is due, at most a second (curl
 * wakes the poll earlier for its own transfers). */
static int next_wait(const px_fetch_run *r)
{
    int64_t now = px_fetch_now_ms(), wait = 1000;
    for (size_t i = 0; i < r->njobs; i++) {
        const px_fetch_job *j = &r->jobs[i];
        if (j->state == JOB_WAITING && j->not_before > now && j->not_before - now < wait)
            wait = j->not_before - now;
    }
    return (int)wait;
}

static void drain(px_fetch_run *r)
{
    const px_curl_api *c = r->curl;
    CURLMsg *m;
    int left;
    while ((m = c->multi_info_read(r->multi, &left))) {
        if (m->msg != CURLMSG_DONE)
            continue;
        char *priv = NULL;
        c->easy_getinfo(m->easy_handle, CURLINFO_PRIVATE, &priv);
        finish(r, (px_fetch_job *)priv, m->data.result);
    }
}

void px_fetch_transfers(px_fetch_run *r)
{
    const px_curl_api *c = r->curl;
    r->multi = c->multi_init();
    if (!r->multi) {
        fprintf(stderr, "parallax: out of memory (curl_multi_init)\n");
        abort();
    }
    snprintf(r->user_agent, sizeof r->user_agent,
             "parallax/%s (news comparison for research and teaching) libcurl/%s", px_version(),
             c->version_info(CURLVERSION_NOW)->version);
    r->accept = c->slist_append(NULL, "Accept: text/html,application/xhtml+xml;q=0.9,"
                                      "text/plain;q=0.8,*/*;q=0.1");
    start_due(r, px_fetch_now_ms());
    while (r->pending) {
        int running;
        c->multi_perform(r->multi, &running);
        drain(r);
        px_fetch_report_progress(r, false);
        /* a freed slot or a due retry: a new handle makes the poll return at once */
        start_due(r, px_fetch_now_ms());
        if (r->pending)
            c->multi_poll(r->multi, NULL, 0, next_wait(r), NULL);
    }
    for (size_t i = 0; i < r->njobs; i++) {
        if (r->jobs[i].easy)
            c->easy_cleanup(r->jobs[i].easy);
        r->jobs[i].easy = NULL;
        px_buf_free(&r->jobs[i].body);
        px_buf_free(&r->jobs[i].headers);
    }
    c->multi_cleanup(r->multi);
    c->slist_free_all(r->accept);
}
