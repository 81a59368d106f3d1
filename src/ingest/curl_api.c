/*
 * curl_api.c — loads libcurl on the first fetch of the process: dlopen of
 * libcurl.so.4, each function the fetcher calls looked up by name into a
 * px_curl_api table, then curl_global_init. All of it runs once, under
 * pthread_once; the table is read-only afterwards and shared by every
 * thread. A process that never fetches never pays for libcurl's loading.
 */
#include <dlfcn.h>
#include <pthread.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "ingest/curl_api.h"

#define PX_CURL_SONAME "libcurl.so.4"

/* Every field of px_curl_api and the libcurl symbol it holds. */
#define FN(field)                                                                                  \
    {                                                                                              \
        "curl_" #field, offsetof(px_curl_api, field)                                               \
    }
static const struct {
    const char *name;
    size_t offset;
} functions[] = {
    FN(global_init),
    FN(easy_strerror),
    FN(easy_init),
    FN(easy_reset),
    FN(easy_setopt),
    FN(easy_getinfo),
    FN(easy_cleanup),
    FN(getdate),
    FN(multi_init),
    FN(multi_add_handle),
    FN(multi_remove_handle),
    FN(multi_perform),
    FN(multi_poll),
    FN(multi_info_read),
    FN(multi_cleanup),
    FN(slist_append),
    FN(slist_free_all),
    FN(version_info),
    FN(url),
    FN(url_set),
    FN(url_get),
    FN(url_cleanup),
    FN(free),
};
#undef FN

/* Written once by load() under pthread_once, read-only afterwards. */
static pthread_once_t once = PTHREAD_ONCE_INIT;
static px_curl_api api;
static bool loaded;
static char why[256]; /* why loading failed */

static bool load_symbols(void *lib)
{
    for (size_t i = 0; i < sizeof functions / sizeof *functions; i++) {
        void *sym = dlsym(lib, functions[i].name);
        if (!sym) {
            snprintf(why, sizeof why, "libcurl could not be loaded: %s has no %s", PX_CURL_SONAME,
                     functions[i].name);
            return false;
        }
        /* POSIX: a data pointer from dlsym converts to a function pointer */
        memcpy((char *)&api + functions[i].offset, &sym, sizeof sym);
    }
    return true;
}

static void load(void)
{
    void *lib = dlopen(PX_CURL_SONAME, RTLD_NOW | RTLD_LOCAL);
    if (!lib) {
        const char *e = dlerror();
        snprintf(why, sizeof why, "libcurl could not be loaded: %s", e ? e : PX_CURL_SONAME);
        return;
    }
    if (!load_symbols(lib))
        return; /* the library stays open: it may be in use elsewhere in the process */
    CURLcode rc = api.global_init(CURL_GLOBAL_ALL);
    if (rc != CURLE_OK) {
        snprintf(why, sizeof why, "libcurl could not start: %s", api.easy_strerror(rc));
        return;
    }
    loaded = true;
}

const px_curl_api *px_curl_load(px_error *err)
{
    pthread_once(&once, load);
    if (!loaded) {
        px_error_set(err, PX_ENET, NULL, 0, "%s", why);
        return NULL;
    }
    return &api;
}
