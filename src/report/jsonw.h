/*
 * jsonw.h — a streaming JSON writer into a px_buf.
 *
 * The report is written straight out, key by key, instead of built as a
 * tree and serialised (as jansson does): the JSON report of a five-outlet
 * story has tens of thousands of values, and building then freeing them
 * was most of `compare`'s time. Strings are escaped and any invalid UTF-8
 * becomes U+FFFD, so the output is always valid JSON; numbers are rounded
 * to three decimals (the report's precision) and printed without exponent.
 */
#ifndef PX_REPORT_JSONW_H
#define PX_REPORT_JSONW_H

#include "util/toolbox.h"

#define JW_DEPTH 32

typedef struct {
    px_buf *b;
    bool pretty;
    int depth;
    bool first[JW_DEPTH]; /* no value written yet at this depth */
    bool after_key;       /* a key was written: the value follows it */
} jw;

void jw_init(jw *w, px_buf *b, bool pretty);
void jw_obj(jw *w);
void jw_obj_end(jw *w);
void jw_arr(jw *w);
void jw_arr_end(jw *w);
void jw_key(jw *w, const char *k);
void jw_strn(jw *w, const char *s, size_t n);
void jw_str(jw *w, const char *s); /* NULL → null */
void jw_int(jw *w, long long v);
void jw_real(jw *w, double v);
void jw_bool(jw *w, bool v);
void jw_null(jw *w);

/* key + value in one call */
#define jw_kstr(w, k, v) (jw_key((w), (k)), jw_str((w), (v)))
#define jw_kstrn(w, k, v, n) (jw_key((w), (k)), jw_strn((w), (v), (n)))
#define jw_kint(w, k, v) (jw_key((w), (k)), jw_int((w), (long long)(v)))
#define jw_kreal(w, k, v) (jw_key((w), (k)), jw_real((w), (v)))
#define jw_kbool(w, k, v) (jw_key((w), (k)), jw_bool((w), (v)))

#endif
