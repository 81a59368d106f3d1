/*
 * charset.c — page bytes in whatever charset they came in → UTF-8.
 *
 * The order is the browsers': a byte-order mark, then the charset the
 * server declared (px_ingest_opts.charset, from Content-Type), then
 * <meta charset> or <meta http-equiv="Content-Type"> near the top of the
 * page (or an XML declaration). One exception, because pages lie: bytes
 * that are valid UTF-8 are read as UTF-8 whatever the label says (text in a
 * legacy charset is almost never valid UTF-8 by accident). Labels are
 * mapped to the charsets browsers really use (latin1 and ascii mean
 * windows-1252, gb2312 means GB18030, euc-kr means CP949) and converted
 * with iconv; undecodable bytes become U+FFFD. A page with no label that is
 * not UTF-8 is read as windows-1252.
 *
 * Hands on: a UTF-8 copy of the page (or NULL: use it as it is) to html.c,
 * which parses it with libxml2 told to ignore the page's own label.
 */
#include <ctype.h>
#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <string.h>
#include <strings.h>

#include "ingest/dom.h"

#define SNIFF_BYTES 65536 /* how far to look for <meta charset> (heads can be long) */

static const struct alias {
    const char *label, *charset;
} aliases[] = {
    {"utf-8", "UTF-8"},
    {"utf8", "UTF-8"},
    {"unicode-1-1-utf-8", "UTF-8"},
    {"utf-16", "UTF-8"},
    {"iso-8859-1", "WINDOWS-1252"},
    {"iso8859-1", "WINDOWS-1252"},
    {"iso_8859-1", "WINDOWS-1252"},
    {"latin1", "WINDOWS-1252"},
    {"l1", "WINDOWS-1252"},
    {"us-ascii", "WINDOWS-1252"},
    {"ascii", "WINDOWS-1252"},
    {"cp1252", "WINDOWS-1252"},
    {"windows-1252", "WINDOWS-1252"},
    {"x-cp1252", "WINDOWS-1252"},
    {"iso-8859-9", "WINDOWS-1254"},
    {"latin5", "WINDOWS-1254"},
    {"tis-620", "WINDOWS-874"},
    {"iso-8859-11", "WINDOWS-874"},
    {"gb2312", "GB18030"},
    {"gbk", "GB18030"},
    {"x-gbk", "GB18030"},
    {"gb18030", "GB18030"},
    {"chinese", "GB18030"},
    {"euc-kr", "CP949"},
    {"ks_c_5601-1987", "CP949"},
    {"korean", "CP949"},
    {"windows-949", "CP949"},
    {"shift_jis", "CP932"},
    {"shift-jis", "CP932"},
    {"sjis", "CP932"},
    {"x-sjis", "CP932"},
    {"ms_kanji", "CP932"},
    {"windows-31j", "CP932"},
    {"big5", "BIG5-HKSCS"},
};

/* The charset iconv should use for a label; NULL for an empty label. */
static const char *charset_of(const char *label, char *buf, size_t size)
{
    if (!label || !*label)
        return NULL;
    for (size_t i = 0; i < sizeof aliases / sizeof aliases[0]; i++)
        if (strcasecmp(label, aliases[i].label) == 0)
            return aliases[i].charset;
    size_t n = 0;
    for (; label[n] && n + 1 < size; n++)
        buf[n] = (char)toupper((unsigned char)label[n]);
    buf[n] = '\0';
    return buf;
}

/* Copy the label that follows "charset" / "encoding" at p. */
static bool label_after(const char *p, const char *end, char *out, size_t size)
{
    while (p < end && (*p == ' ' || *p == '='))
        p++;
    if (p < end && (*p == '"' || *p == '\''))
        p++;
    size_t n = 0;
    while (p < end && n + 1 < size && (isalnum((unsigned char)*p) || strchr("-_:.", *p)))
        out[n++] = *p++;
    out[n] = '\0';
    return n > 0;
}

/* The label in the first <meta …charset=…> (or XML declaration). */
static bool sniff_meta(const char *html, size_t len, char *out, size_t size)
{
    const char *end = html + (len < SNIFF_BYTES ? len : SNIFF_BYTES);
    if (end - html > 5 && strncmp(html, "<?xml", 5) == 0) {
        const char *q = memchr(html, '>', (size_t)(end - html));
        for (const char *p = html; q && p + 8 < q; p++)
            if (strncmp(p, "encoding", 8) == 0)
                return label_after(p + 8, q, out, size);
    }
    for (const char *p = html; p + 5 < end; p++) {
        if (*p != '<' || strncasecmp(p + 1, "meta", 4) != 0)
            continue;
        const char *q = memchr(p, '>', (size_t)(end - p));
        if (!q)
            return false;
        for (const char *k = p + 5; k + 7 < q; k++)
            if (strncasecmp(k, "charset", 7) == 0 && label_after(k + 7, q, out, size))
                return true;
        p = q;
    }
    return false;
}

/* Valid UTF-8 without NULs? Eight ASCII bytes at a time, the rest one
 * character at a time: pages are mostly markup. */
static bool valid_utf8(const char *s, size_t n)
{
    const uint64_t high = 0x8080808080808080ull, ones = 0x0101010101010101ull;
    size_t i = 0;
    while (i < n) {
        if (i + 8 <= n) {
            uint64_t v;
            memcpy(&v, s + i, 8);
            if (((v | ((v - ones) & ~v)) & high) == 0) { /* ASCII, no NUL */
                i += 8;
                continue;
            }
        }
        int32_t cp;
        size_t k = px_utf8_decode(s + i, n - i, &cp);
        if (k == 0 || cp == 0)
            return false;
        i += k;
    }
    return true;
}

/* Invalid sequences and NULs → U+FFFD; the rest copied. */
static char *repair_utf8(const char *s, size_t n, size_t *out_len)
{
    px_buf b;
    px_buf_init(&b, 0);
    for (size_t i = 0; i < n;) {
        int32_t cp;
        size_t k = px_utf8_decode(s + i, n - i, &cp);
        if (k == 0 || cp == 0) {
            px_buf_puts(&b, "\xEF\xBF\xBD");
            i++;
        } else {
            px_buf_add(&b, s + i, k);
            i += k;
        }
    }
    return px_buf_detach(&b, out_len);
}

/* Mostly UTF-8 with a few bad bytes, or a legacy charset? */
static bool mostly_utf8(const char *s, size_t n)
{
    size_t good = 0, bad = 0;
    for (size_t i = 0; i < n;) {
        int32_t cp;
        size_t k = px_utf8_decode(s + i, n - i, &cp);
        if (k == 0) {
            bad++;
            i++;
        } else {
            good += k > 1;
            i += k;
        }
    }
    return good >= bad;
}

static char *convert(const char *charset, const char *s, size_t n, size_t *out_len)
{
    iconv_t cd = iconv_open("UTF-8", charset);
    if (cd == (iconv_t)-1) /* NOLINT(performance-no-int-to-ptr): iconv's failure value */
        return NULL;
    px_buf b;
    px_buf_init(&b, 0);
    char chunk[4096];
    char *in = (char *)s;
    size_t left = n;
    while (left > 0) {
        char *out = chunk;
        size_t room = sizeof chunk;
        size_t rc = iconv(cd, &in, &left, &out, &room);
        px_buf_add(&b, chunk, (size_t)(out - chunk));
        if (rc == (size_t)-1 && errno != E2BIG) {
            px_buf_puts(&b, "\xEF\xBF\xBD"); /* EILSEQ or a truncated end */
            in++;
            left--;
            iconv(cd, NULL, NULL, NULL, NULL);
        }
    }
    iconv_close(cd);
    /* a converter may still pass NULs through */
    char *res = repair_utf8(b.data ? b.data : "", b.len, out_len);
    px_buf_free(&b);
    return res;
}

char *px_html_decode(const char *html, size_t len, const char *declared, size_t *out_len,
                     const char **used)
{
    const unsigned char *u = (const unsigned char *)html;
    *used = "UTF-8";
    if (len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF))) {
        *used = u[0] == 0xFF ? "UTF-16LE" : "UTF-16BE";
        return convert(*used, html + 2, len - 2, out_len);
    }
    if (len >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF)
        return repair_utf8(html + 3, len - 3, out_len);
    if (valid_utf8(html, len))
        return NULL;
    char label[64] = "", buf[64];
    if (declared && *declared)
        snprintf(label, sizeof label, "%s", declared);
    else
        sniff_meta(html, len, label, sizeof label);
    const char *cs = charset_of(label, buf, sizeof buf);
    if (!cs)
        cs = mostly_utf8(html, len) ? "UTF-8" : "WINDOWS-1252";
    char *res = strcmp(cs, "UTF-8") ? convert(cs, html, len, out_len) : NULL;
    if (!res && strcmp(cs, "UTF-8") && strcmp(cs, "WINDOWS-1252")) {
        cs = "WINDOWS-1252"; /* a label iconv does not know */
        res = convert(cs, html, len, out_len);
    }
    if (!res) {
        cs = "UTF-8";
        res = repair_utf8(html, len, out_len);
    }
    *used = cs;
    return res;
}
