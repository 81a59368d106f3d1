/*
 * arena.c — bump allocation for one story's analysis.
 *
 * Everything a story allocates (cleaned text, sentences, tokens, facts,
 * scores) lives in its arena and is freed at once with px_arena_free(), so
 * stages never free individual objects and results stay valid together.
 */
#include "parallax/util.h"
#include "util/toolbox.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CHUNK_MIN ((size_t)64 * 1024)
#define ALIGN 16

struct chunk {
    struct chunk *next;
    size_t size, used;
    _Alignas(ALIGN) unsigned char data[];
};

struct px_arena {
    struct chunk *head;
    size_t total;
};

px_arena *px_arena_new(void)
{
    return px_xcalloc(1, sizeof(px_arena));
}

void px_arena_free(px_arena *a)
{
    if (!a)
        return;
    struct chunk *c = a->head;
    while (c) {
        struct chunk *next = c->next;
        free(c);
        c = next;
    }
    free(a);
}

void *px_arena_alloc(px_arena *a, size_t n)
{
    n = (n + ALIGN - 1) & ~(size_t)(ALIGN - 1);
    if (n == 0)
        n = ALIGN;
    struct chunk *c = a->head;
    if (!c || c->size - c->used < n) {
        size_t size = n > CHUNK_MIN / 2 ? n : CHUNK_MIN;
        if (size > SIZE_MAX - sizeof(struct chunk))
            px_xmalloc(SIZE_MAX); /* aborts */
        struct chunk *fresh = px_xmalloc(sizeof(struct chunk) + size);
        fresh->size = size;
        fresh->used = 0;
        if (c && n > CHUNK_MIN / 2) {
            /* a big block: keep the current chunk in front for small ones */
            fresh->next = c->next;
            c->next = fresh;
        } else {
            fresh->next = c;
            a->head = fresh;
        }
        c = fresh;
    }
    void *p = c->data + c->used;
    c->used += n;
    a->total += n;
    memset(p, 0, n);
    return p;
}

void *px_arena_array(px_arena *a, size_t n, size_t size)
{
    if (size && n > SIZE_MAX / size)
        px_xmalloc(SIZE_MAX); /* aborts with a message */
    return px_arena_alloc(a, n * size);
}

void *px_arena_memdup(px_arena *a, const void *p, size_t n)
{
    void *q = px_arena_alloc(a, n);
    if (n)
        memcpy(q, p, n);
    return q;
}

char *px_arena_strndup(px_arena *a, const char *s, size_t n)
{
    char *p = px_arena_alloc(a, n + 1);
    if (n)
        memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *px_arena_strdup(px_arena *a, const char *s)
{
    return s ? px_arena_strndup(a, s, strlen(s)) : NULL;
}

char *px_arena_printf(px_arena *a, const char *fmt, ...)
{
    va_list ap, ap2;
    if (!fmt) /* never true; tells GCC's -Wformat-truncation under UBSan so */
        return px_arena_strdup(a, "");
    va_start(ap, fmt);
    va_copy(ap2, ap);
    char probe[1];
    int n = vsnprintf(probe, sizeof probe, fmt, ap);
    va_end(ap);
    if (n < 0)
        n = 0;
    char *p = px_arena_alloc(a, (size_t)n + 1);
    vsnprintf(p, (size_t)n + 1, fmt, ap2);
    va_end(ap2);
    return p;
}

size_t px_arena_used(const px_arena *a)
{
    return a->total;
}
