/*
 * parallax/fetch.h — stage 1, before extraction: URLs in, pages out.
 *
 * px_fetch downloads several http/https URLs in parallel with libcurl (the
 * multi interface), politely (a few connections, at most two per host, an
 * honest User-Agent, retries with backoff that honour Retry-After) and
 * safely (timeouts, a body size cap, at most five redirects, no protocol
 * but http and https, not even after a redirect). Pages are kept in an
 * on-disk cache keyed by URL, so a second run, or an --offline one, reads
 * the same bytes and yields the same report.
 *
 * A page's body is kept as it arrived (decompressed), with the charset
 * its Content-Type declared; px_fetch_ingest hands both to the extractor,
 * which decodes to UTF-8 (the header's charset, a byte-order mark,
 * <meta charset>; see src/ingest/charset.c) exactly as it would the saved
 * file, so a cached page and a live one give the same article.
 *
 * libcurl is loaded (dlopen of libcurl.so.4) on the first call that
 * needs it, not when the program starts: a program that never fetches
 * never loads it. When it cannot be loaded, px_fetch fails with PX_ENET
 * ("libcurl could not be loaded: …").
 *
 * Everything a call returns lives in the arena the caller passes.
 */
#ifndef PARALLAX_FETCH_H
#define PARALLAX_FETCH_H

#include <stdint.h>

#include "parallax/ingest.h"
#include "parallax/util.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Defaults, also shown in `parallax fetch --help`. */
#define PX_FETCH_CONNECTIONS 8
#define PX_FETCH_PER_HOST 2
#define PX_FETCH_CONNECT_TIMEOUT_MS 10000L
#define PX_FETCH_TIMEOUT_MS 30000L
#define PX_FETCH_MAX_BYTES ((size_t)10 << 20)
#define PX_FETCH_MAX_REDIRECTS 5
#define PX_FETCH_RETRIES 3
#define PX_FETCH_BACKOFF_MS 1000L
#define PX_FETCH_RETRY_AFTER_CAP_MS 30000L

/* What a progress callback sees: pages finished (fetched, cached or
 * failed) out of total, and body bytes received so far. */
typedef struct px_fetch_progress {
    size_t done, total, failed;
    uint64_t bytes;
} px_fetch_progress;

/* Options; a zeroed struct means the defaults above. */
typedef struct px_fetch_opts {
    const char *cache_dir;   /* NULL: px_fetch_cache_dir() */
    bool no_cache;           /* neither read nor write the cache */
    bool offline;            /* only the cache; a missing page is an error */
    bool refresh;            /* fetch again even when cached (and update the cache) */
    int connections;         /* transfers at once; 0 = 8 */
    int per_host;            /* transfers at once per host; 0 = 2 */
    long connect_timeout_ms; /* 0 = 10 s */
    long timeout_ms;         /* whole transfer, per attempt; 0 = 30 s */
    size_t max_bytes;        /* body cap (after decompression); 0 = 10 MiB */
    int max_redirects;       /* 0 = 5; negative: follow none */
    int retries;             /* 0 = 3; negative: none */
    long backoff_ms;         /* first retry delay, doubled each time; 0 = 1 s */
    long retry_after_cap_ms; /* longest Retry-After honoured; 0 = 30 s */
    /* Called from the fetching thread now and then, and once at the end. */
    void (*progress)(void *ctx, const px_fetch_progress *p);
    void *progress_ctx;
} px_fetch_opts;

/* One URL's outcome. When status is not PX_OK, err says what happened and
 * only url (and, if known, final_url and http_status) are set. */
typedef struct px_page {
    const char *url; /* as asked */
    px_status status;
    px_error err;             /* err.file is the URL */
    const char *final_url;    /* after redirects */
    long http_status;         /* of the final response; 0 when none came */
    const char *content_type; /* the Content-Type header, or NULL */
    px_input_kind kind;       /* PX_KIND_HTML, or PX_KIND_TEXT for text/plain */
    const char *headers;      /* the final response's header block */
    const char *charset;      /* the Content-Type's charset label, or NULL */
    const char *body;         /* as received (decompressed), NUL-terminated */
    size_t len;
    int64_t fetched_at;        /* Unix time of the download */
    bool cached;               /* read from the cache, not the network */
    int attempts;              /* network attempts made (0 when cached) */
    const char *cache_warning; /* the page could not be written to the cache, or NULL */
} px_page;

/* The default cache folder: $XDG_CACHE_HOME/parallax, else
 * ~/.cache/parallax; NULL when neither variable is set. Into the arena. */
PX_API const char *px_fetch_cache_dir(px_arena *a);

/* Fetch n URLs (duplicates are fetched once). *pages receives an array of
 * n results in the order of urls, allocated in a. Returns PX_OK when every
 * page arrived; otherwise the status of the first failed URL (in urls
 * order), with its error copied into err — the other pages are still
 * filled. PX_EUSAGE for a URL that is not http(s), PX_ENET for every
 * network, HTTP, size, type or offline-cache failure, and when libcurl
 * cannot be loaded. */
PX_API px_status px_fetch(px_arena *a, const char *const *urls, size_t n, const px_fetch_opts *o,
                          px_page **pages, px_error *err);

/* True for an input that names a URL (http:// or https://, any case). */
PX_API bool px_fetch_is_url(const char *s);

/* The outlet id for a URL: its last path segment without extension (as
 * px_ingest_id_from_path for files), else the host name; "page" when
 * neither (or libcurl cannot be loaded). Into the arena. */
PX_API char *px_fetch_url_id(px_arena *a, const char *url);

/* A fetched page → article, as px_ingest_html (px_ingest_text for
 * text/plain) would make from the saved file, with the declared charset;
 * the origin is the page's URL, the id px_fetch_url_id. */
PX_API px_status px_fetch_ingest(px_arena *a, const px_page *p, const px_ingest_opts *o,
                                 px_article **out, px_error *err);

#ifdef __cplusplus
}
#endif

#endif
