/*
 * parallax/util.h — what every part of the public API uses: the version,
 * status codes and errors, per-story arenas and capped growable buffers.
 *
 * Ownership: an arena owns everything allocated from it and frees it all in
 * px_arena_free(); a px_buf owns its data until px_buf_free(). Every *_free
 * function accepts NULL. Out of memory, the library prints one line and
 * aborts (a documented decision, see README); every other failure is
 * returned as a px_status with a px_error.
 */
#ifndef PARALLAX_UTIL_H
#define PARALLAX_UTIL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "parallax/version.h"

#ifdef __cplusplus
extern "C" {
#endif

#if defined(PX_BUILDING) && defined(__GNUC__)
#define PX_API __attribute__((visibility("default")))
#else
#define PX_API
#endif

#if defined(__GNUC__)
#define PX_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define PX_PRINTF(f, a)
#endif

/* Status codes. Negative values are errors; the CLI maps them to exit codes
 * (see src/cli/common.c): usage 2, input 3, network 4. */
typedef enum {
    PX_OK = 0,
    PX_EUSAGE = -2, /* bad arguments or options */
    PX_EINPUT = -3, /* unreadable, empty, malformed or too large input */
    PX_ENET = -4,   /* network failure */
    PX_ELIMIT = -5, /* a documented resource limit was exceeded */
    PX_EIO = -6,    /* writing output failed */
} px_status;

/* An error as the library reports it: where (file, line, column; line and
 * column 0 when not applicable) and what, in words. */
typedef struct px_error {
    px_status status;
    char file[512];
    size_t line, column;
    char message[512];
} px_error;

/* Fill err (if not NULL) and return status. file may be NULL. */
PX_API px_status px_error_set(px_error *err, px_status status, const char *file, size_t line,
                              const char *fmt, ...) PX_PRINTF(5, 6);
/* Format "FILE:LINE: message" (or "FILE: message") into out. */
PX_API void px_error_format(const px_error *err, char *out, size_t size);

/* Arena: bump allocation in chunks; px_arena_free releases everything. */
typedef struct px_arena px_arena;
PX_API px_arena *px_arena_new(void);
PX_API void px_arena_free(px_arena *a);
/* Zeroed memory, aligned for any type. */
PX_API void *px_arena_alloc(px_arena *a, size_t n);
PX_API void *px_arena_array(px_arena *a, size_t n, size_t size);
PX_API void *px_arena_memdup(px_arena *a, const void *p, size_t n);
PX_API char *px_arena_strndup(px_arena *a, const char *s, size_t n);
PX_API char *px_arena_strdup(px_arena *a, const char *s);
PX_API char *px_arena_printf(px_arena *a, const char *fmt, ...) PX_PRINTF(2, 3);
/* Bytes handed out so far (for limits and benchmarks). */
PX_API size_t px_arena_used(const px_arena *a);

/* A growable byte buffer, always NUL-terminated, with an optional hard cap:
 * an append past max frees the data, sets toobig and returns PX_ELIMIT. */
typedef struct px_buf {
    char *data;
    size_t len, cap, max;
    bool toobig;
} px_buf;
PX_API void px_buf_init(px_buf *b, size_t max);
PX_API px_status px_buf_add(px_buf *b, const void *p, size_t n);
PX_API px_status px_buf_puts(px_buf *b, const char *s);
PX_API px_status px_buf_putc(px_buf *b, char c);
PX_API px_status px_buf_printf(px_buf *b, const char *fmt, ...) PX_PRINTF(2, 3);
PX_API px_status px_buf_vprintf(px_buf *b, const char *fmt, va_list ap);
PX_API void px_buf_reset(px_buf *b);
/* Hand the data to the caller (who frees it with free()); b becomes empty. */
PX_API char *px_buf_detach(px_buf *b, size_t *len);
PX_API void px_buf_free(px_buf *b);

/* Version of the library linked, e.g. "0.1.0" (PX_VERSION_STRING is the
 * version of the headers compiled against). */
PX_API const char *px_version(void);

#ifdef __cplusplus
}
#endif

#endif
