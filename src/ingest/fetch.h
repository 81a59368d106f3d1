/*
 * ingest/fetch.h — private to the fetcher: the state of a run shared by
 * fetch.c (options, cache, results) and transfer.c (libcurl, loaded on
 * first use: curl_api.h), and the on-disk cache (cache.c).
 */
#ifndef PX_INGEST_FETCH_H
#define PX_INGEST_FETCH_H

#include "ingest/curl_api.h"

#include "parallax/fetch.h"
#include "util/toolbox.h"

/* The options with the defaults filled in. */
typedef struct px_fetch_limits {
    int connections, per_host, max_redirects, retries;
    long connect_ms, timeout_ms, backoff_ms, retry_cap_ms;
    size_t max_bytes;
} px_fetch_limits;

typedef enum { JOB_WAITING, JOB_ACTIVE, JOB_DONE } px_job_state;
/* Why a transfer was stopped from a callback. */
typedef enum { STOP_NONE, STOP_HTTP, STOP_TOOBIG, STOP_TYPE, STOP_HEADERS } px_job_stop;

/* One distinct URL to fetch. */
typedef struct px_fetch_job {
    px_page *page;
    const char *key;  /* normalised URL: what is fetched and cached */
    const char *host; /* lower case, for the per-host limit */
    px_job_state state;
    int attempts;
    int64_t not_before; /* monotonic ms: a retry waits until then */
    long code;          /* status of the response being received */
    char reason[64];    /* its reason phrase */
    char ctype[256];    /* its Content-Type ("" when none) */
    long retry_after;   /* its Retry-After in seconds, -1 when none */
    px_job_stop stop;
    CURL *easy;
    px_buf body, headers;
    struct px_fetch_run *run;
    char errbuf[CURL_ERROR_SIZE];
} px_fetch_job;

typedef struct px_fetch_run {
    const px_curl_api *curl;
    px_arena *a;
    const px_fetch_opts *o;
    px_fetch_limits lim;
    const char *cache_dir; /* NULL: no cache */
    px_fetch_job *jobs;
    size_t njobs, active, pending;
    CURLM *multi;
    struct curl_slist *accept;
    char user_agent[160];
    px_fetch_progress prog;
    int64_t last_progress;
} px_fetch_run;

/* transfer.c: run every waiting job of r to its end (success or error). */
void px_fetch_transfers(px_fetch_run *r);
/* fetch.c: a page arrived whole in j: cache it, decode it into j->page. */
void px_fetch_store(px_fetch_run *r, px_fetch_job *j);
/* fetch.c: settle j as failed with st and msg (the URL is named). */
void px_fetch_fail(px_fetch_run *r, px_fetch_job *j, px_status st, const char *msg);
/* fetch.c: the input kind for a Content-Type; false when not a page. */
bool px_fetch_page_kind(const char *ctype, px_input_kind *kind);
/* fetch.c: sizes and durations in words, into the arena. */
const char *px_fetch_human_size(px_arena *a, size_t n);
const char *px_fetch_human_ms(px_arena *a, long ms);
/* fetch.c: monotonic milliseconds. */
int64_t px_fetch_now_ms(void);
/* fetch.c: tell the caller's progress callback, at most every 100 ms
 * unless force. */
void px_fetch_report_progress(px_fetch_run *r, bool force);

/* One cached response: the raw body (decompressed, not yet decoded) and
 * what is needed to decode it again the same way. */
typedef struct px_cache_entry {
    const char *url; /* the cache key (the normalised URL asked for) */
    const char *final_url;
    const char *content_type; /* or NULL */
    const char *headers;      /* the final response's header block */
    size_t headers_len;
    long http_status;
    int64_t fetched_at;
    const char *body;
    size_t len;
} px_cache_entry;

/* The entry file for url in dir, into the arena. */
char *px_cache_path(px_arena *a, const char *dir, const char *url);

/* Read the entry for url. *found is false when there is none (or it holds
 * another URL); a damaged entry is an error. The entry lives in a. */
px_status px_cache_get(px_arena *a, const char *dir, const char *url, size_t max, px_cache_entry *e,
                       bool *found, px_error *err);

/* Write the entry atomically (a temporary file, then rename), creating dir
 * and its parents when needed. */
px_status px_cache_put(const char *dir, const px_cache_entry *e, px_error *err);

#endif
