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
 * names the URL.
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
static long retry_after_s(const char *v)
{
    char *end;
    long s = strtol(v, &end, 10);
    if (end != v && *end == '\0')
        return s < 0 ? 0 : s;
    time_t when = curl_getdate(v, NULL);
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
        j->retry_after = retry_after_s(ra);
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
    const px_fetch_limits *l = &r->lim;
    CURL *e = j->easy ? j->easy : curl_easy_init();
    if (!e) {
        fprintf(stderr, "parallax: out of memory (curl_easy_init)\n");
        abort();
    }
    curl_easy_reset(e);
    j->easy = e;
    px_buf_free(&j->body);
    px_buf_free(&j->headers);
    px_buf_init(&j->body, l->max_bytes);
    px_buf_init(&j->headers, HEADERS_MAX);
    j->code = 0;
    j->stop = STOP_NONE;
    j->ctype[0] = j->reason[0] = j->errbuf[0] = '\0';
    curl_easy_setopt(e, CURLOPT_URL, j->key);
    curl_easy_setopt(e, CURLOPT_PRIVATE, j);
    curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(e, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(e, CURLOPT_FOLLOWLOCATION, l->max_redirects > 0 ? 1L : 0L);
    curl_easy_setopt(e, CURLOPT_MAXREDIRS, (long)(l->max_redirects > 0 ? l->max_redirects : 0));
    curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS, l->connect_ms);
    curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, l->timeout_ms);
    curl_easy_setopt(e, CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)l->max_bytes);
    curl_easy_setopt(e, CURLOPT_ACCEPT_ENCODING, ""); /* every encoding libcurl decodes */
    curl_easy_setopt(e, CURLOPT_USERAGENT, r->user_agent);
    curl_easy_setopt(e, CURLOPT_HTTPHEADER, r->accept);
    curl_easy_setopt(e, CURLOPT_HEADERFUNCTION, on_header);
    curl_easy_setopt(e, CURLOPT_HEADERDATA, j);
    curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(e, CURLOPT_WRITEDATA, j);
    curl_easy_setopt(e, CURLOPT_ERRORBUFFER, j->errbuf);
    curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
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
        curl_multi_add_handle(r->multi, j->easy);
    }
}

