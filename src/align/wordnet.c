/*
 * wordnet.c — the word table derived from WordNet (data/wordnet.tsv),
 * compiled into the library and searched in place.
 *
 * The table is sorted by stem, so a lookup is a binary search over the
 * embedded text: nothing is built at start-up and nothing is shared but
 * read-only bytes, so any number of threads may look words up. A lookup
 * hands the similarity its background frequency, the ids of its senses
 * (shared ids mean synonyms or derivations: talk / speak, invade /
 * invasion), the ids of its broader senses (reporter → journalist) and the
 * stems of its antonyms.
 */
#include <stdlib.h>
#include <string.h>

#include "align/internal.h"

extern const char px_embed_wordnet[];
extern const size_t px_embed_wordnet_len;

/* Start of the line holding byte i. */
static size_t line_start(const char *t, size_t lo, size_t i)
{
    while (i > lo && t[i - 1] != '\n')
        i--;
    return i;
}

static int compare_key(const char *line, size_t avail, const char *key, size_t n)
{
    size_t k = 0;
    while (k < avail && line[k] != '\t' && line[k] != '\n')
        k++;
    size_t m = k < n ? k : n;
    int c = memcmp(line, key, m);
    if (c)
        return c;
    return k < n ? -1 : (k > n);
}

/* Parse "1,2,3" up to a tab or newline into ids (arena). */
static const char *parse_ids(px_arena *a, const char *p, const char *end, uint32_t **ids, size_t *n)
{
    PX_VEC(uint32_t) v = {0};
    while (p < end && *p != '\t' && *p != '\n') {
        uint32_t x = 0;
        while (p < end && *p >= '0' && *p <= '9')
            x = x * 10 + (uint32_t)(*p++ - '0');
        px_vec_push(v, x);
        if (p < end && *p == ',')
            p++;
    }
    *ids = px_arena_memdup(a, v.v, v.n * sizeof *v.v);
    *n = v.n;
    px_vec_free(v);
    return p < end && *p == '\t' ? p + 1 : p;
}

static void parse_row(px_arena *a, const char *p, const char *end, px_wn_entry *e)
{
    while (p < end && *p != '\t')
        p++;
    p++;
    e->count = 0;
    while (p < end && *p >= '0' && *p <= '9')
        e->count = e->count * 10 + (uint32_t)(*p++ - '0');
    p++;
    p = parse_ids(a, p, end, &e->senses, &e->nsenses);
    p = parse_ids(a, p, end, &e->broader, &e->nbroader);
    const char *q = p;
    while (q < end && *q != '\n')
        q++;
    e->antonyms = px_arena_strndup(a, p, (size_t)(q - p)); /* "a,b" */
}

bool px_wn_lookup(px_arena *a, const char *stem, size_t n, px_wn_entry *e)
{
    memset(e, 0, sizeof *e);
    const char *t = px_embed_wordnet;
    size_t len = px_embed_wordnet_len, lo = 0;
    while (lo < len && t[lo] == '#') /* header comments */
        while (lo < len && t[lo++] != '\n')
            ;
    size_t hi = len;
    while (lo < hi) {
        size_t ls = line_start(t, lo, lo + (hi - lo) / 2);
        int c = compare_key(t + ls, len - ls, stem, n);
        if (c == 0) {
            parse_row(a, t + ls, t + len, e);
            return true;
        }
        if (c < 0) {
            const char *nl = memchr(t + ls, '\n', len - ls);
            lo = nl ? (size_t)(nl - t) + 1 : len;
        } else {
            hi = ls;
        }
    }
    return false;
}
