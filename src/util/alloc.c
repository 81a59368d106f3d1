/*
 * alloc.c — allocation that never returns NULL, and px_error helpers.
 *
 * Parallax treats out-of-memory as fatal (as cmark, jq and redis do): one
 * line on stderr and abort(). Every other failure is returned as px_status.
 */
#include "parallax/util.h"
#include "util/toolbox.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void oom(size_t n)
{
    fprintf(stderr, "parallax: out of memory (allocating %zu bytes)\n", n);
    abort();
}

void *px_xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p)
        oom(n);
    return p;
}

void *px_xcalloc(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size ? size : 1);
    if (!p)
        oom(n * size);
    return p;
}

void *px_xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    if (!q)
        oom(n);
    return q;
}

void *px_xreallocarray(void *p, size_t n, size_t size)
{
    if (size && n > SIZE_MAX / size)
        oom(SIZE_MAX);
    return px_xrealloc(p, n * size);
}

char *px_xstrdup(const char *s)
{
    return px_xstrndup(s, strlen(s));
}

char *px_xstrndup(const char *s, size_t n)
{
    char *p = px_xmalloc(n + 1);
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

px_status px_error_set(px_error *err, px_status status, const char *file, size_t line,
                       const char *fmt, ...)
{
    if (!err)
        return status;
    err->status = status;
    err->line = line;
    err->column = 0;
    snprintf(err->file, sizeof err->file, "%s", file ? file : "");
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->message, sizeof err->message, fmt, ap);
    va_end(ap);
    return status;
}

void px_error_format(const px_error *err, char *out, size_t size)
{
    if (err->file[0] && err->line)
        snprintf(out, size, "%s:%zu: %s", err->file, err->line, err->message);
    else if (err->file[0])
        snprintf(out, size, "%s: %s", err->file, err->message);
    else
        snprintf(out, size, "%s", err->message);
}

const char *px_version(void)
{
    return PX_VERSION;
}
