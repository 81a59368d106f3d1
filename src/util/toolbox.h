/*
 * util/toolbox.h — the library's own toolbox, for src/ and the tests only:
 * allocation that aborts on out-of-memory, heap vectors, string-keyed hash
 * maps, UTF-8 helpers, whole-file reads and atomic writes, the registry of
 * temporary files, HTML and CSV escaping. Not installed and not part of the
 * public API (include/parallax/): it may change in any release. Its functions
 * are exported from the shared library for the parallax program alone.
 */
#ifndef PX_UTIL_TOOLBOX_H
#define PX_UTIL_TOOLBOX_H

#include <stdlib.h>
#include <string.h>

#include "parallax/util.h"
#include "util/escape.h"

/* Allocation that never returns NULL: out-of-memory prints one line and
 * aborts (a documented decision, see README). */
PX_API void *px_xmalloc(size_t n);
PX_API void *px_xcalloc(size_t n, size_t size);
PX_API void *px_xrealloc(void *p, size_t n);
PX_API void *px_xreallocarray(void *p, size_t n, size_t size);
PX_API char *px_xstrdup(const char *s);
PX_API char *px_xstrndup(const char *s, size_t n);

/* Whether s is one of the words of list (NULL-ended). The first bytes are
 * compared before strcmp: most words of a list differ there. */
static inline bool px_str_in(const char *const *list, const char *s)
{
    for (; *list; list++)
        if ((*list)[0] == s[0] && strcmp(*list, s) == 0)
            return true;
    return false;
}

/* splitmix64: a small, well-mixed generator; one seed gives the same
 * sequence on every machine (bootstrap intervals are reproducible). */
static inline uint64_t px_splitmix64(uint64_t *state)
{
    uint64_t z = (*state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

/* Whether name ends in ext (".jsonl"), ignoring case, with something
 * before it. */
PX_API bool px_has_ext(const char *name, const char *ext);
/* The letters and digits of s[0..n), ASCII letters in lower case, every
 * byte of a multi-byte UTF-8 character kept as it is (so "Zürich" is not
 * "zrich"), into out (NUL-terminated, cut to size - 1 bytes); returns the
 * length. For comparing names: "The Iron Sentinel" holds "sentinel". */
size_t px_squash(const char *s, size_t n, char *out, size_t size);

/* A growable array of T on the heap, for building results before they are
 * copied into an arena. px_vec_free releases it. */
#define PX_VEC(T)                                                                                  \
    struct {                                                                                       \
        T *v;                                                                                      \
        size_t n, cap;                                                                             \
    }
#define px_vec_push(vec, x)                                                                        \
    do {                                                                                           \
        if ((vec).n == (vec).cap) {                                                                \
            (vec).cap = (vec).cap ? (vec).cap * 2 : 8;                                             \
            (vec).v = px_xreallocarray((vec).v, (vec).cap, sizeof(*(vec).v));                      \
        }                                                                                          \
        (vec).v[(vec).n++] = (x);                                                                  \
    } while (0)
#define px_vec_free(vec)                                                                           \
    do {                                                                                           \
        free((vec).v);                                                                             \
        (vec).v = NULL;                                                                            \
        (vec).n = (vec).cap = 0;                                                                   \
    } while (0)

/* A hash map from byte-string keys to uintptr_t values (open addressing).
 * The map owns copies of its keys. */
typedef struct px_map px_map;
PX_API px_map *px_map_new(void);
PX_API void px_map_free(px_map *m);
/* Returns true and fills *value when key is present. */
PX_API bool px_map_get(const px_map *m, const char *key, size_t len, uintptr_t *value);
/* Insert or replace. */
PX_API void px_map_put(px_map *m, const char *key, size_t len, uintptr_t value);
PX_API size_t px_map_count(const px_map *m);
/* Iterate: i from 0 while px_map_next returns true. */
PX_API bool px_map_next(const px_map *m, size_t *i, const char **key, size_t *len,
                        uintptr_t *value);
PX_API uint64_t px_hash(const void *p, size_t n);

/* UTF-8. */
/* Length of the valid UTF-8 sequence at s (1–4), or 0 if invalid (overlong,
 * surrogate, out of range, truncated). *cp receives the code point. */
PX_API size_t px_utf8_decode(const char *s, size_t n, int32_t *cp);
/* True when all of s is valid UTF-8 without NUL bytes; else *bad is the
 * offset of the first offending byte. */
PX_API bool px_utf8_check(const char *s, size_t n, size_t *bad);
/* Copy s into the arena as valid UTF-8, NFC-normalised, invalid bytes and
 * NULs replaced by U+FFFD, CR LF and CR turned into LF. */
PX_API char *px_utf8_clean(px_arena *a, const char *s, size_t n, size_t *out_len);
/* Append code point cp as UTF-8. */
PX_API void px_utf8_put(px_buf *b, int32_t cp);
/* Case-folded, NFC copy of s (utf8proc), into the arena. */
PX_API char *px_utf8_fold(px_arena *a, const char *s, size_t n, size_t *out_len);

/* Files. Read a whole file (NUL-terminated, caller frees *data). Files
 * larger than max bytes fail with PX_ELIMIT. */
PX_API px_status px_file_read(const char *path, size_t max, char **data, size_t *len,
                              px_error *err);
/* Write atomically: a temporary file in the same folder, then rename. */
PX_API px_status px_file_write_atomic(const char *path, const void *data, size_t len,
                                      px_error *err);

/* Temporary files in flight. A writer registers its temporary's name while
 * the file exists (px_tmp_add returns a slot, or -1 when the name is not
 * kept) and px_tmp_remove(slot) after renaming or unlinking it. After
 * px_tmp_signals(), SIGINT, SIGTERM and SIGHUP unlink every registered file
 * before the process dies of the signal. */
PX_API int px_tmp_add(const char *path);
/* Bracket the creation of a temporary and its px_tmp_add: a signal that
 * arrives meanwhile on another thread waits for it, so no file is left. */
PX_API void px_tmp_begin(void);
PX_API void px_tmp_end(void);
PX_API void px_tmp_remove(int slot);
PX_API size_t px_tmp_count(void);
PX_API void px_tmp_signals(void);

#endif
