/*
 * map.c — a string-keyed hash map (open addressing, linear probing, FNV-1a).
 *
 * Used for vocabularies, document frequencies and lexicon indexes. The map
 * owns copies of its keys; values are plain integers or pointers.
 */
#include "parallax/util.h"
#include "util/toolbox.h"

#include <stdlib.h>
#include <string.h>

struct slot {
    char *key; /* NULL = empty */
    size_t len;
    uint64_t hash;
    uintptr_t value;
};

struct px_map {
    struct slot *slots;
    size_t cap, count;
};

uint64_t px_hash(const void *p, size_t n)
{
    const unsigned char *s = p;
    uint64_t h = 14695981039346656037ULL; /* FNV-1a offset basis */
    for (size_t i = 0; i < n; i++) {
        h ^= s[i];
        h *= 1099511628211ULL;
    }
    return h;
}

px_map *px_map_new(void)
{
    px_map *m = px_xcalloc(1, sizeof *m);
    m->cap = 16;
    m->slots = px_xcalloc(m->cap, sizeof *m->slots);
    return m;
}

void px_map_free(px_map *m)
{
    if (!m)
        return;
    for (size_t i = 0; i < m->cap; i++)
        free(m->slots[i].key);
    free(m->slots);
    free(m);
}

static struct slot *find(const px_map *m, const char *key, size_t len, uint64_t h)
{
    size_t i = h & (m->cap - 1);
    for (;;) {
        struct slot *s = &m->slots[i];
        if (!s->key || (s->hash == h && s->len == len && memcmp(s->key, key, len) == 0))
            return s;
        i = (i + 1) & (m->cap - 1);
    }
}

bool px_map_get(const px_map *m, const char *key, size_t len, uintptr_t *value)
{
    struct slot *s = find(m, key, len, px_hash(key, len));
    if (!s->key)
        return false;
    if (value)
        *value = s->value;
    return true;
}

static void grow(px_map *m)
{
    struct slot *old = m->slots;
    size_t oldcap = m->cap;
    m->cap *= 2;
    m->slots = px_xcalloc(m->cap, sizeof *m->slots);
    for (size_t i = 0; i < oldcap; i++)
        if (old[i].key)
            *find(m, old[i].key, old[i].len, old[i].hash) = old[i];
    free(old);
}

void px_map_put(px_map *m, const char *key, size_t len, uintptr_t value)
{
    uint64_t h = px_hash(key, len);
    struct slot *s = find(m, key, len, h);
    if (!s->key) {
        if ((m->count + 1) * 4 > m->cap * 3) {
            grow(m);
            s = find(m, key, len, h);
        }
        s->key = px_xstrndup(key, len);
        s->len = len;
        s->hash = h;
        m->count++;
    }
    s->value = value;
}

size_t px_map_count(const px_map *m)
{
    return m->count;
}

bool px_map_next(const px_map *m, size_t *i, const char **key, size_t *len, uintptr_t *value)
{
    while (*i < m->cap) {
        struct slot *s = &m->slots[(*i)++];
        if (s->key) {
            if (key)
                *key = s->key;
            if (len)
                *len = s->len;
            if (value)
                *value = s->value;
            return true;
        }
    }
    return false;
}
