/*
 * escape.c — HTML and CSV escaping, one of each for every writer (see
 * util/escape.h).
 */
#include "util/escape.h"

void px_html_escape(px_buf *b, const char *s, size_t n)
{
    size_t run = 0;
    for (size_t i = 0; i < n; i++) {
        const char *rep = NULL;
        switch (s[i]) {
        case '&': rep = "&amp;"; break;
        case '<': rep = "&lt;"; break;
        case '>': rep = "&gt;"; break;
        case '"': rep = "&quot;"; break;
        case '\'': rep = "&#39;"; break;
        default: break;
        }
        if (rep) {
            px_buf_add(b, s + run, i - run);
            px_buf_puts(b, rep);
            run = i + 1;
        }
    }
    px_buf_add(b, s + run, n - run);
}

void px_csv_field(px_buf *b, const char *s, size_t n)
{
    bool quote = false;
    for (size_t i = 0; i < n && !quote; i++)
        quote = s[i] == '"' || s[i] == ',' || s[i] == '\n' || s[i] == '\r';
    if (!quote) {
        px_buf_add(b, s, n);
        return;
    }
    px_buf_putc(b, '"');
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '"')
            px_buf_putc(b, '"');
        px_buf_putc(b, s[i]);
    }
    px_buf_putc(b, '"');
}

void px_csv_key(px_buf *b, const char *key)
{
    bool sep = false; /* the first ':' or '.' separates lexicon and the rest */
    for (const char *p = key; *p; p++) {
        char ch = *p;
        if (!sep && (ch == ':' || ch == '.')) {
            px_buf_puts(b, ch == ':' ? "_dir_" : "_cat_");
            sep = true;
        } else if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
                   (ch >= '0' && ch <= '9') || ch == '_') {
            px_buf_putc(b, ch);
        } else {
            px_buf_putc(b, '_');
        }
    }
}
