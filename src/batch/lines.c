/*
 * lines.c — read a file line by line in bounded memory, and find a JSON
 * line's "story" without parsing the rest of it.
 *
 * px_lines keeps at most `cap` bytes of a line (enough to find its story
 * key) while still measuring and hashing all of it, so one enormous line
 * costs no more memory than the cap. px_batch_story_key walks the top level
 * of a JSON object, skipping nested values and strings, and decodes the
 * "story" string with jansson; what follows the key may be broken (the
 * story is then named in the error instead of the error being anonymous).
 */
#include <string.h>

#include "batch/internal.h"

void px_lines_init(px_lines *r, FILE *f, size_t cap)
{
    memset(r, 0, sizeof *r);
    r->f = f;
    r->cap = cap;
    r->size = 256;
    r->buf = px_xmalloc(r->size);
    r->buf[0] = '\0';
}

void px_lines_free(px_lines *r)
{
    free(r->buf);
    r->buf = NULL;
}

static void keep(px_lines *r, const char *p, size_t n)
{
    if (r->len + n > r->cap)
        n = r->cap > r->len ? r->cap - r->len : 0;
    if (n == 0)
        return;
    if (r->len + n + 1 > r->size) {
        r->size = (r->len + n + 1) * 2;
        if (r->size > r->cap + 1)
            r->size = r->cap + 1;
        r->buf = px_xrealloc(r->buf, r->size);
    }
    memcpy(r->buf + r->len, p, n);
    r->len += n;
}

bool px_lines_next(px_lines *r)
{
    r->off = r->next;
    r->len = 0;
    r->full = 0;
    r->hash = PX_FNV_START;
    bool any = false;
    for (;;) {
        if (r->bpos == r->blen) {
            r->blen = fread(r->block, 1, sizeof r->block, r->f);
            r->bpos = 0;
            if (r->blen == 0)
                break;
        }
        const char *p = r->block + r->bpos;
        size_t avail = r->blen - r->bpos;
        const char *nl = memchr(p, '\n', avail);
        size_t n = nl ? (size_t)(nl - p) : avail;
        any = true;
        keep(r, p, n);
        r->full += n;
        size_t used = nl ? n + 1 : n;
        r->hash = px_batch_fnv(r->hash, p, used);
        r->next += used;
        r->bpos += used;
        if (nl)
            break;
    }
    if (!any)
        return false;
    r->buf[r->len] = '\0';
    r->line++;
    return true;
}

/* Skip whitespace; returns the new position. */
static size_t ws(const char *s, size_t n, size_t i)
{
    while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n'))
        i++;
    return i;
}

/* s[i] is '"': the index after the closing quote, or n. */
static size_t skip_string(const char *s, size_t n, size_t i)
{
    for (i++; i < n; i++) {
        if (s[i] == '\\')
            i++;
        else if (s[i] == '"')
            return i + 1;
    }
    return n;
}

/* Skip one value (object, array, string, number, literal); n when broken. */
static size_t skip_value(const char *s, size_t n, size_t i)
{
    if (i >= n)
        return n;
    if (s[i] == '"')
        return skip_string(s, n, i);
    if (s[i] != '{' && s[i] != '[') {
        while (i < n && s[i] != ',' && s[i] != '}' && s[i] != ']')
            i++;
        return i;
    }
    size_t depth = 0;
    for (; i < n; i++) {
        if (s[i] == '"')
            i = skip_string(s, n, i) - 1;
        else if (s[i] == '{' || s[i] == '[')
            depth++;
        else if ((s[i] == '}' || s[i] == ']') && --depth == 0)
            return i + 1;
    }
    return n;
}

static char *decode_string(px_arena *a, const char *s, size_t n)
{
    json_error_t je;
    json_t *j = json_loadb(s, n, JSON_DECODE_ANY, &je);
    char *out = NULL;
    if (json_is_string(j))
        out = px_arena_strndup(a, json_string_value(j), json_string_length(j));
    json_decref(j);
    return out;
}

char *px_batch_story_key(px_arena *a, const char *s, size_t n)
{
    size_t i = ws(s, n, 0);
    if (i >= n || s[i] != '{')
        return NULL;
    i = ws(s, n, i + 1);
    while (i < n && s[i] == '"') {
        size_t kend = skip_string(s, n, i);
        bool is_story = kend - i == 7 && memcmp(s + i, "\"story\"", 7) == 0;
        i = ws(s, n, kend);
        if (i >= n || s[i] != ':')
            return NULL;
        i = ws(s, n, i + 1);
        size_t vend = skip_value(s, n, i);
        if (is_story)
            return i < n && s[i] == '"' ? decode_string(a, s + i, vend - i) : NULL;
        i = ws(s, n, vend);
        if (i >= n || s[i] != ',')
            return NULL;
        i = ws(s, n, i + 1);
    }
    return NULL;
}
