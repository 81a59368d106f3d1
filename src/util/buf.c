/*
 * buf.c — growable, always NUL-terminated byte buffers with a hard cap.
 *
 * Reports and HTTP bodies are built in a px_buf; when a cap is set and an
 * append would pass it, the buffer frees its data, sets toobig and every
 * later append fails too (curl's dynbuf idea), so a limit is an error the
 * caller reports, never a crash.
 */
#include "parallax/util.h"
#include "util/toolbox.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void px_buf_init(px_buf *b, size_t max)
{
    b->data = NULL;
    b->len = b->cap = 0;
    b->max = max;
    b->toobig = false;
}

px_status px_buf_add(px_buf *b, const void *p, size_t n)
{
    if (b->toobig)
        return PX_ELIMIT;
    if ((b->max && n > b->max - b->len) || n > SIZE_MAX / 2 - b->len) {
        free(b->data);
        b->data = NULL;
        b->len = b->cap = 0;
        b->toobig = true;
        return PX_ELIMIT;
    }
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 256;
        while (cap < b->len + n + 1)
            cap *= 2;
        b->data = px_xrealloc(b->data, cap);
        b->cap = cap;
    }
    if (n)
        memcpy(b->data + b->len, p, n);
    b->len += n;
    b->data[b->len] = '\0';
    return PX_OK;
}

px_status px_buf_puts(px_buf *b, const char *s)
{
    return px_buf_add(b, s, strlen(s));
}

px_status px_buf_putc(px_buf *b, char c)
{
    /* the common case: room for c and the NUL, and within the cap */
    if (b->len + 2 <= b->cap && (!b->max || b->len < b->max)) {
        b->data[b->len++] = c;
        b->data[b->len] = '\0';
        return PX_OK;
    }
    return px_buf_add(b, &c, 1);
}

px_status px_buf_vprintf(px_buf *b, const char *fmt, va_list ap)
{
    char small[256];
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    if (n < 0) {
        va_end(ap2);
        return PX_OK;
    }
    px_status st;
    if ((size_t)n < sizeof small) {
        st = px_buf_add(b, small, (size_t)n);
    } else {
        char *big = px_xmalloc((size_t)n + 1);
        vsnprintf(big, (size_t)n + 1, fmt, ap2);
        st = px_buf_add(b, big, (size_t)n);
        free(big);
    }
    va_end(ap2);
    return st;
}

px_status px_buf_printf(px_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    px_status st = px_buf_vprintf(b, fmt, ap);
    va_end(ap);
    return st;
}

void px_buf_reset(px_buf *b)
{
    b->len = 0;
    if (b->data)
        b->data[0] = '\0';
}

char *px_buf_detach(px_buf *b, size_t *len)
{
    char *p = b->data;
    if (!p)
        p = px_xstrdup("");
    if (len)
        *len = b->len;
    b->data = NULL;
    b->len = b->cap = 0;
    return p;
}

void px_buf_free(px_buf *b)
{
    if (!b)
        return;
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}
