/*
 * cache.c — the on-disk cache of fetched pages, keyed by URL.
 *
 * One file per URL, named by a 128-bit hash of it, in the cache folder.
 * A file holds a short text header, then the response's header block,
 * then the body as received (decompressed, not decoded):
 *
 *     parallax-cache 1
 *     url https://example.org/a.html
 *     final-url https://example.org/a.html
 *     status 200
 *     fetched 1764000000
 *     content-type text/html; charset=utf-8
 *     headers 312
 *     body 48211
 *     <blank line><312 bytes of headers><48211 bytes of body>
 *
 * Entries are written to a temporary file in the same folder and renamed
 * into place, so an interrupted run leaves either the old entry or the new
 * one, never half of one. The URL is stored and compared on reading, so a
 * hash collision can only cost a miss. Decoding happens after reading, the
 * same way for a live page and a cached one.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "ingest/fetch.h"

#define MAGIC "parallax-cache 1\n"

char *px_cache_path(px_arena *a, const char *dir, const char *url)
{
    size_t n = strlen(url);
    uint64_t h1 = px_hash(url, n);
    /* a second, independent hash: FNV over the URL read backwards */
    uint64_t h2 = 0x9E3779B97F4A7C15ULL;
    for (size_t i = n; i > 0; i--) {
        h2 ^= (unsigned char)url[i - 1];
        h2 *= 1099511628211ULL;
    }
    return px_arena_printf(a, "%s/%016" PRIx64 "%016" PRIx64 ".page", dir, h1, h2);
}

/* mkdir -p */
static px_status make_dirs(const char *dir, px_error *err)
{
    char *p = px_xstrdup(dir);
    px_status st = PX_OK;
    for (char *s = p + 1;; s++) {
        if (*s != '/' && *s != '\0')
            continue;
        char c = *s;
        *s = '\0';
        if (mkdir(p, 0755) != 0 && errno != EEXIST)
            st = px_error_set(err, PX_EIO, p, 0, "cannot create the cache folder: %s",
                              strerror(errno));
        *s = c;
        if (!c || st != PX_OK)
            break;
    }
    free(p);
    return st;
}

px_status px_cache_put(const char *dir, const px_cache_entry *e, px_error *err)
{
    px_status st = make_dirs(dir, err);
    if (st != PX_OK)
        return st;
    px_buf b;
    px_buf_init(&b, 0);
    px_buf_puts(&b, MAGIC);
    px_buf_printf(&b, "url %s\nfinal-url %s\nstatus %ld\nfetched %" PRId64 "\n", e->url,
                  e->final_url ? e->final_url : e->url, e->http_status, e->fetched_at);
    if (e->content_type)
        px_buf_printf(&b, "content-type %s\n", e->content_type);
    px_buf_printf(&b, "headers %zu\nbody %zu\n\n", e->headers_len, e->len);
    px_buf_add(&b, e->headers ? e->headers : "", e->headers_len);
    px_buf_add(&b, e->body ? e->body : "", e->len);
    px_arena *a = px_arena_new();
    st = px_file_write_atomic(px_cache_path(a, dir, e->url), b.data, b.len, err);
    px_arena_free(a);
    px_buf_free(&b);
    return st;
}

/* One "key value" line of the text header: the value, or NULL. */
static const char *header_value(px_arena *a, const char *head, size_t n, const char *key)
{
    size_t kl = strlen(key);
    for (const char *p = head; p < head + n;) {
        const char *nl = memchr(p, '\n', (size_t)(head + n - p));
        if (!nl)
            break;
        if ((size_t)(nl - p) > kl && strncmp(p, key, kl) == 0 && p[kl] == ' ')
            return px_arena_strndup(a, p + kl + 1, (size_t)(nl - p) - kl - 1);
        p = nl + 1;
    }
    return NULL;
}

static bool parse_size(const char *s, size_t *out)
{
    if (!s || !*s)
        return false;
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    if (*end || errno || v > SIZE_MAX)
        return false;
    *out = (size_t)v;
    return true;
}

/* Split data into the entry's fields; false when it is not a whole entry. */
static bool parse_entry(px_arena *a, const char *data, size_t len, px_cache_entry *e)
{
    size_t ml = strlen(MAGIC);
    if (len < ml || memcmp(data, MAGIC, ml) != 0)
        return false;
    const char *end = NULL;
    for (size_t i = ml; i + 1 < len && !end; i++)
        if (data[i] == '\n' && data[i + 1] == '\n')
            end = data + i + 1;
    if (!end)
        return false;
    size_t hn = (size_t)(end - data);
    size_t hl, bl;
    const char *status = header_value(a, data, hn, "status");
    const char *fetched = header_value(a, data, hn, "fetched");
    if (!parse_size(header_value(a, data, hn, "headers"), &hl) ||
        !parse_size(header_value(a, data, hn, "body"), &bl) || !status || !fetched)
        return false;
    const char *p = end + 1;
    size_t rest = (size_t)(data + len - p);
    if (hl > rest || bl != rest - hl)
        return false; /* truncated or padded: not an entry we wrote */
    e->url = header_value(a, data, hn, "url");
    e->final_url = header_value(a, data, hn, "final-url");
    e->content_type = header_value(a, data, hn, "content-type");
    e->http_status = strtol(status, NULL, 10);
    e->fetched_at = strtoll(fetched, NULL, 10);
    e->headers = px_arena_strndup(a, p, hl);
    e->headers_len = hl;
    char *body = px_arena_alloc(a, bl + 1); /* NUL-terminated, as pages are */
    memcpy(body, p + hl, bl);
    e->body = body;
    e->len = bl;
    return e->url != NULL;
}

px_status px_cache_get(px_arena *a, const char *dir, const char *url, size_t max, px_cache_entry *e,
                       bool *found, px_error *err)
{
    memset(e, 0, sizeof *e);
    *found = false;
    const char *path = px_cache_path(a, dir, url);
    struct stat sb;
    if (stat(path, &sb) != 0)
        return PX_OK;
    char *data;
    size_t len;
    px_error ferr;
    /* the header block is small; a body past the cap was never stored */
    if (px_file_read(path, max + (1u << 20), &data, &len, &ferr) != PX_OK)
        return px_error_set(err, PX_EIO, path, 0, "cannot read the cached page of %s: %s", url,
                            ferr.message);
    bool ok = parse_entry(a, data, len, e);
    free(data);
    if (!ok)
        return px_error_set(err, PX_EIO, path, 0,
                            "the cached page of %s is damaged; fetch it again with --refresh", url);
    *found = strcmp(e->url, url) == 0;
    return PX_OK;
}
