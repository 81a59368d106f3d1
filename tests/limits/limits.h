/*
 * limits.h — helpers for the resource-bound tests: peak memory of the
 * test process (getrusage), a wall clock for the figures the tests print
 * (bench/limits.sh collects them; no test asserts time), big inputs made
 * in memory, and stories of short generated articles.
 *
 * Each bound is its own test program, so the peak memory it asserts is
 * that bound's alone (the peak of a process only grows: a program's tests
 * run smallest first). Under AddressSanitizer memory is measured but not
 * asserted: its shadow memory and quarantine are no part of Parallax's use.
 */
#ifndef PX_TEST_LIMITS_H
#define PX_TEST_LIMITS_H

#include <sys/resource.h>
#include <time.h>

#include "support.h"

#if defined(__SANITIZE_ADDRESS__)
#define LIMITS_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define LIMITS_ASAN 1
#endif
#endif
#ifndef LIMITS_ASAN
#define LIMITS_ASAN 0
#endif

/* Peak resident memory of this process so far, in MiB. */
static inline double limits_peak_mib(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return (double)ru.ru_maxrss / 1024.0;
}

static inline double limits_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Print "bound: NAME: S s, P MiB peak (limit L MiB)" and fail when the
 * peak passes the limit (not under ASan). */
static inline void limits_report(const char *name, double start, double limit_mib)
{
    double peak = limits_peak_mib();
    printf("bound: %s: %.2f s, %.0f MiB peak (limit %.0f MiB%s)\n", name, limits_now() - start,
           peak, limit_mib, LIMITS_ASAN ? ", not asserted under ASan" : "");
    fflush(stdout);
    if (!LIMITS_ASAN && peak > limit_mib)
        fail_msg("%s: peak memory %.0f MiB, limit %.0f MiB", name, peak, limit_mib);
}

/* n bytes of text made of `unit` repeated (the last copy cut short),
 * NUL-terminated; the caller frees it. */
static inline char *limits_repeat(const char *prefix, const char *unit, size_t n)
{
    size_t p = strlen(prefix), u = strlen(unit);
    char *s = malloc(n + 1);
    assert_non_null(s);
    memcpy(s, prefix, p < n ? p : n);
    for (size_t i = p; i < n; i += u)
        memcpy(s + i, unit, n - i < u ? n - i : u);
    s[n] = '\0';
    return s;
}

/* Article k of a story: a headline and `sentences` sentences drawn from a
 * small vocabulary, different for each k (a story's outlets share words,
 * as real coverage does). Arena string. */
static inline char *limits_article(px_arena *a, unsigned k, unsigned sentences)
{
    static const char *const subj[] = {"The council", "Mayor Ellen Price",
                                       "Officials",   "The transport committee",
                                       "Residents",   "Critics"};
    static const char *const verb[] = {"approved", "debated", "questioned",
                                       "backed",   "delayed", "funded"};
    static const char *const obj[] = {"the new bridge",     "a 12.5 million dollar budget",
                                      "the river crossing", "three more hearings",
                                      "the March start",    "a review of costs"};
    px_buf b;
    px_buf_init(&b, 0);
    px_buf_printf(&b, "Outlet %u reports on the Harlow bridge vote\n\n", k);
    unsigned x = k * 2654435761u + 1;
    for (unsigned i = 0; i < sentences; i++) {
        x = x * 1103515245u + 12345u;
        px_buf_printf(&b, "%s %s %s on day %u%s", subj[(x >> 8) % 6], verb[(x >> 12) % 6],
                      obj[(x >> 16) % 6], (x >> 20) % 28 + 1, i % 4 == 3 ? ".\n\n" : ". ");
    }
    char *s = px_arena_strndup(a, b.data, b.len);
    px_buf_free(&b);
    return s;
}

/* Ingest pasted text as outlet id and add it to s. */
static inline px_status limits_add(px_story *s, const char *id, const char *text, size_t n,
                                   px_error *err)
{
    px_article *art;
    px_status st = px_ingest_text(px_story_arena(s), text, n, id, NULL, &art, err);
    return st == PX_OK ? px_story_add(s, art, err) : st;
}

#endif
