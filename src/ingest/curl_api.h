/*
 * ingest/curl_api.h — libcurl, loaded on first use. The fetcher calls
 * libcurl through this table of function pointers, filled once by
 * px_curl_load with dlopen("libcurl.so.4"): a process that never fetches
 * (compare or extract of local files) never loads libcurl and the thirty
 * libraries it pulls in, which cost several milliseconds at every start.
 * Only libcurl's headers are used at build time.
 */
#ifndef PX_INGEST_CURL_API_H
#define PX_INGEST_CURL_API_H

#ifndef CURL_DISABLE_TYPECHECK
#define CURL_DISABLE_TYPECHECK /* the calls go through pointers, not the macros */
#endif
#include <curl/curl.h>

#include "util/toolbox.h"

/* The libcurl functions the fetcher uses, named without "curl_". */
typedef struct px_curl_api {
    CURLcode (*global_init)(long flags);
    const char *(*easy_strerror)(CURLcode rc);
    CURL *(*easy_init)(void);
    void (*easy_reset)(CURL *e);
    CURLcode (*easy_setopt)(CURL *e, CURLoption opt, ...);
    CURLcode (*easy_getinfo)(CURL *e, CURLINFO info, ...);
    void (*easy_cleanup)(CURL *e);
    time_t (*getdate)(const char *s, const time_t *unused);
    CURLM *(*multi_init)(void);
    CURLMcode (*multi_add_handle)(CURLM *m, CURL *e);
    CURLMcode (*multi_remove_handle)(CURLM *m, CURL *e);
    CURLMcode (*multi_perform)(CURLM *m, int *running);
    CURLMcode (*multi_poll)(CURLM *m, struct curl_waitfd fds[], unsigned n, int timeout_ms,
                            int *numfds);
    CURLMsg *(*multi_info_read)(CURLM *m, int *left);
    CURLMcode (*multi_cleanup)(CURLM *m);
    struct curl_slist *(*slist_append)(struct curl_slist *l, const char *s);
    void (*slist_free_all)(struct curl_slist *l);
    curl_version_info_data *(*version_info)(CURLversion v);
    CURLU *(*url)(void);
    CURLUcode (*url_set)(CURLU *u, CURLUPart what, const char *part, unsigned flags);
    CURLUcode (*url_get)(const CURLU *u, CURLUPart what, char **part, unsigned flags);
    void (*url_cleanup)(CURLU *u);
    void (*free)(void *p);
} px_curl_api;

/* libcurl, loaded and globally initialised on the first call of the
 * process (thread-safe); the same read-only table afterwards. NULL with
 * err set (PX_ENET, "libcurl could not be loaded: …") when it cannot be. */
const px_curl_api *px_curl_load(px_error *err);

#endif
