/*
 * utf8.c — UTF-8 validation, cleaning and case folding.
 *
 * Every text that enters Parallax passes px_utf8_clean() once: invalid
 * bytes, overlong forms, surrogates and NULs become U+FFFD, line ends become
 * LF, and the result is NFC (utf8proc), so byte offsets computed later are
 * offsets into one stable string.
 */
#include "parallax/util.h"
#include "util/toolbox.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

size_t px_utf8_decode(const char *str, size_t n, int32_t *cp)
{
    const unsigned char *s = (const unsigned char *)str;
    if (n == 0)
        return 0;
    unsigned c = s[0];
    if (c < 0x80) {
        *cp = (int32_t)c;
        return 1;
    }
    size_t len;
    int32_t v, min;
    if ((c & 0xE0) == 0xC0) {
        len = 2, v = (int32_t)(c & 0x1F), min = 0x80;
    } else if ((c & 0xF0) == 0xE0) {
        len = 3, v = (int32_t)(c & 0x0F), min = 0x800;
    } else if ((c & 0xF8) == 0xF0) {
        len = 4, v = (int32_t)(c & 0x07), min = 0x10000;
    } else {
        return 0;
    }
    if (n < len)
        return 0;
    for (size_t i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        v = (v << 6) | (s[i] & 0x3F);
    }
    if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
        return 0;
    *cp = v;
    return len;
}

bool px_utf8_check(const char *s, size_t n, size_t *bad)
{
    size_t i = 0;
    while (i < n) {
        int32_t cp;
        size_t k = px_utf8_decode(s + i, n - i, &cp);
        if (k == 0 || cp == 0) {
            if (bad)
                *bad = i;
            return false;
        }
        i += k;
    }
    return true;
}

void px_utf8_put(px_buf *b, int32_t cp)
{
    char out[4];
    size_t n;
    if (cp < 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        cp = 0xFFFD;
    if (cp < 0x80) {
        out[0] = (char)cp;
        n = 1;
    } else if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        n = 2;
    } else if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        n = 3;
    } else {
        out[0] = (char)(0xF0 | (cp >> 18));
        out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
        out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[3] = (char)(0x80 | (cp & 0x3F));
        n = 4;
    }
    px_buf_add(b, out, n);
}

/* Valid UTF-8 with LF line ends, invalid sequences replaced. */
static void sanitize(px_buf *b, const char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        if (c == '\r') {
            px_buf_putc(b, '\n');
            i += (i + 1 < n && s[i + 1] == '\n') ? 2 : 1;
            continue;
        }
        int32_t cp;
        size_t k = px_utf8_decode(s + i, n - i, &cp);
        if (k == 0 || cp == 0) {
            px_utf8_put(b, 0xFFFD);
            i++;
            continue;
        }
        px_buf_add(b, s + i, k);
        i += k;
    }
}

static bool is_ascii(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)s[i] >= 0x80)
            return false;
    return true;
}

/* NFC of s[0..n) into out; false when utf8proc refuses a part (an
 * unassigned code point). Only the stretches around non-ASCII characters
 * go through utf8proc: every code point below U+0300, ASCII among them, has
 * combining class 0 and never composes with what precedes it, so a
 * composition unit starts at each (ICU's boundary test); normalising each
 * non-ASCII run with the ASCII character before it is normalising the
 * whole, at a fraction of the cost for text that is mostly ASCII. */
static bool nfc(px_buf *out, const char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        size_t j = i;
        while (j < n && (unsigned char)s[j] < 0x80)
            j++;
        size_t start = j > i ? j - 1 : j, k = j;
        while (k < n && (unsigned char)s[k] >= 0x80)
            k++;
        px_buf_add(out, s + i, start - i);
        if (k > start) {
            utf8proc_uint8_t *f = NULL;
            utf8proc_ssize_t r =
                utf8proc_map((const utf8proc_uint8_t *)s + start, (utf8proc_ssize_t)(k - start), &f,
                             UTF8PROC_STABLE | UTF8PROC_COMPOSE);
            if (r >= 0)
                px_buf_add(out, f, (size_t)r);
            free(f);
            if (r < 0)
                return false;
        }
        i = k;
    }
    return true;
}

char *px_utf8_clean(px_arena *a, const char *s, size_t n, size_t *out_len)
{
    px_buf b;
    px_buf_init(&b, 0);
    sanitize(&b, s, n);
    if (!b.data)
        px_buf_add(&b, "", 0);
    /* skip a byte-order mark */
    size_t off = (b.len >= 3 && memcmp(b.data, "\xEF\xBB\xBF", 3) == 0) ? 3 : 0;
    char *res;
    size_t len;
    px_buf norm;
    px_buf_init(&norm, 0);
    if (is_ascii(b.data + off, b.len - off) || !nfc(&norm, b.data + off, b.len - off)) {
        /* ASCII is NFC already; utf8proc cannot refuse sanitized text but
         * for an unassigned code point, and then the text is kept as is */
        res = px_arena_strndup(a, b.data + off, b.len - off);
        len = b.len - off;
    } else {
        res = px_arena_strndup(a, norm.data ? norm.data : "", norm.len);
        len = norm.len;
    }
    px_buf_free(&norm);
    px_buf_free(&b);
    if (out_len)
        *out_len = len;
    return res;
}

char *px_utf8_fold(px_arena *a, const char *s, size_t n, size_t *out_len)
{
    if (is_ascii(s, n)) {
        char *p = px_arena_strndup(a, s, n);
        for (size_t i = 0; i < n; i++)
            if (p[i] >= 'A' && p[i] <= 'Z')
                p[i] = (char)(p[i] + 32);
        if (out_len)
            *out_len = n;
        return p;
    }
    utf8proc_uint8_t *f = NULL;
    utf8proc_ssize_t r = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, &f,
                                      UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD);
    char *p;
    if (r < 0) {
        p = px_arena_strndup(a, s, n);
        r = (utf8proc_ssize_t)n;
    } else {
        p = px_arena_strndup(a, (const char *)f, (size_t)r);
    }
    free(f);
    if (out_len)
        *out_len = (size_t)r;
    return p;
}
