/*
 * jsonw.c — the streaming JSON writer (see jsonw.h).
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "report/jsonw.h"

/* px_buf_add with its common case — room left, within the cap — inline:
 * a report is tens of thousands of short writes. */
static inline void add(px_buf *b, const void *p, size_t n)
{
    if (b->len + n + 1 <= b->cap && (!b->max || n <= b->max - b->len)) {
        memcpy(b->data + b->len, p, n);
        b->len += n;
        b->data[b->len] = '\0';
        return;
    }
    px_buf_add(b, p, n);
}

void jw_init(jw *w, px_buf *b, bool pretty)
{
    memset(w, 0, sizeof *w);
    w->b = b;
    w->pretty = pretty;
    w->first[0] = true;
}

static void newline(jw *w)
{
    static const char spaces[JW_DEPTH + 1] = "\n                                ";
    if (w->pretty)
        add(w->b, spaces, (size_t)w->depth + 1);
}

/* Before a value (or a key): the comma and line break it needs. */
static void before(jw *w)
{
    if (w->after_key) {
        w->after_key = false;
        return;
    }
    if (w->depth > 0) {
        if (!w->first[w->depth])
            px_buf_putc(w->b, ',');
        newline(w);
    }
    w->first[w->depth] = false;
}

static void begin(jw *w, char c)
{
    before(w);
    px_buf_putc(w->b, c);
    if (w->depth + 1 < JW_DEPTH)
        w->depth++;
    w->first[w->depth] = true;
}

static void finish(jw *w, char c)
{
    bool empty = w->first[w->depth];
    if (w->depth > 0)
        w->depth--;
    if (!empty)
        newline(w);
    px_buf_putc(w->b, c);
}

void jw_obj(jw *w)
{
    begin(w, '{');
}

void jw_obj_end(jw *w)
{
    finish(w, '}');
}

void jw_arr(jw *w)
{
    begin(w, '[');
}

void jw_arr_end(jw *w)
{
    finish(w, ']');
}

static void string(px_buf *b, const char *s, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    px_buf_putc(b, '"');
    size_t run = 0;
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c != '"' && c != '\\' && c < 0x80) {
            i++;
            continue;
        }
        int32_t cp;
        size_t k = c >= 0x80 ? px_utf8_decode(s + i, n - i, &cp) : 1;
        if (c >= 0x80 && k > 0 && cp != 0) {
            i += k; /* valid UTF-8 passes through */
            continue;
        }
        add(b, s + run, i - run);
        if (c >= 0x80) {
            px_buf_puts(b, "\xEF\xBF\xBD");
        } else if (c == '"' || c == '\\') {
            char esc[2] = {'\\', (char)c};
            add(b, esc, 2);
        } else if (c == '\n') {
            px_buf_puts(b, "\\n");
        } else if (c == '\t') {
            px_buf_puts(b, "\\t");
        } else if (c == '\r') {
            px_buf_puts(b, "\\r");
        } else {
            char u[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
            add(b, u, 6);
        }
        i++;
        run = i;
    }
    add(b, s + run, n - run);
    px_buf_putc(b, '"');
}

void jw_key(jw *w, const char *k)
{
    before(w);
    /* keys are short plain words: copied with their quotes in one write */
    char q[64];
    size_t n = 0;
    const char *p = k;
    q[n++] = '"';
    while (*p && n < sizeof q - 1 && (unsigned char)*p >= 0x20 && (unsigned char)*p < 0x80 &&
           *p != '"' && *p != '\\')
        q[n++] = *p++;
    if (*p) {
        string(w->b, k, strlen(k));
    } else {
        q[n++] = '"';
        add(w->b, q, n);
    }
    add(w->b, ": ", w->pretty ? 2 : 1);
    w->after_key = true;
}

/* v in decimal, as "%lld" writes it, into out (24 bytes); its length. */
static size_t decimal(char *out, long long v)
{
    char tmp[24];
    size_t n = 0, k = 0;
    unsigned long long u = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;
    do {
        tmp[n++] = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    if (v < 0)
        out[k++] = '-';
    while (n)
        out[k++] = tmp[--n];
    return k;
}

void jw_strn(jw *w, const char *s, size_t n)
{
    before(w);
    string(w->b, s ? s : "", s ? n : 0);
}

void jw_str(jw *w, const char *s)
{
    if (!s) {
        jw_null(w);
        return;
    }
    before(w);
    string(w->b, s, strlen(s));
}

void jw_int(jw *w, long long v)
{
    before(w);
    char num[24];
    add(w->b, num, decimal(num, v));
}

void jw_real(jw *w, double v)
{
    before(w);
    if (!isfinite(v)) {
        px_buf_puts(w->b, "null");
        return;
    }
    if (fabs(v) >= 1e12) {
        px_buf_printf(w->b, "%.10g", v);
        return;
    }
    /* three decimals at most, trailing zeros dropped, always a point */
    long long m = llround(fabs(v) * 1000.0);
    char num[40];
    int n = 0;
    if (m && v < 0)
        num[n++] = '-';
    n += (int)decimal(num + n, m / 1000);
    num[n++] = '.';
    int frac = (int)(m % 1000);
    if (frac == 0) {
        num[n++] = '0';
    } else {
        num[n++] = (char)('0' + frac / 100);
        if (frac % 100) {
            num[n++] = (char)('0' + frac / 10 % 10);
            if (frac % 10)
                num[n++] = (char)('0' + frac % 10);
        }
    }
    add(w->b, num, (size_t)n);
}

void jw_bool(jw *w, bool v)
{
    before(w);
    px_buf_puts(w->b, v ? "true" : "false");
}

void jw_null(jw *w)
{
    before(w);
    px_buf_puts(w->b, "null");
}
