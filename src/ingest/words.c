/*
 * words.c — the vocabulary of page furniture the line classifier counts
 * (data/line-words.txt, compiled in): words and short phrases typical of
 * navigation, section names, share buttons, newsletter pitches, author
 * bios, related-story lists, footers, advertising, posting times, reader
 * comments and photo credits.
 *
 * The table is built once, on first use, under pthread_once, and read-only
 * after: any number of threads may look words up. The file is ours and
 * checked by the tests; a line it cannot read is skipped.
 *
 * Hands on: px_words_kinds and px_words_norm to lines.c.
 */
#include <pthread.h>
#include <string.h>
#include <utf8proc.h>

#include "ingest/lines.h"

extern const char px_embed_line_words[];
extern const size_t px_embed_line_words_len;

static const char *const kind_names[W_NKINDS] = {
    "nav",   "section", "share", "newsletter", "bio",    "related",
    "legal", "ad",      "time",  "comment",    "credit",
};

static px_map *vocab, *ends; /* phrases; the last words of phrases of two or three */
static pthread_once_t once = PTHREAD_ONCE_INIT;

/* Punctuation (Unicode categories P*) at either end of a word goes. */
static bool punct(int32_t cp)
{
    utf8proc_category_t c = utf8proc_category(cp);
    return c >= UTF8PROC_CATEGORY_PC && c <= UTF8PROC_CATEGORY_PO;
}

size_t px_words_norm(const char *w, size_t n, char *out, size_t size)
{
    size_t s = 0, e = n;
    while (s < e) {
        int32_t cp;
        size_t k = px_utf8_decode(w + s, e - s, &cp);
        if (!k || !punct(cp))
            break;
        s += k;
    }
    while (e > s) {
        size_t b = e - 1;
        while (b > s && ((unsigned char)w[b] & 0xC0) == 0x80)
            b--;
        int32_t cp;
        size_t k = px_utf8_decode(w + b, e - b, &cp);
        if (!k || !punct(cp))
            break;
        e = b;
    }
    size_t m = 0;
    for (size_t i = s; i < e; i++) {
        if (m + 1 >= size)
            return 0;
        unsigned char c = (unsigned char)w[i];
        if (c == 0xE2 && i + 2 < e && (unsigned char)w[i + 1] == 0x80 &&
            (unsigned char)w[i + 2] == 0x99) { /* ’ */
            out[m++] = '\'';
            i += 2;
            continue;
        }
        out[m++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    out[m] = '\0';
    return m;
}

/* One entry: its words normalised and joined, under the kind's bit. */
static void add_entry(const char *kind, size_t klen, const char *phrase, size_t plen)
{
    unsigned bit = 0;
    for (unsigned k = 0; k < W_NKINDS; k++)
        if (strlen(kind_names[k]) == klen && memcmp(kind_names[k], kind, klen) == 0)
            bit = 1u << k;
    char key[128], w[64];
    size_t n = 0;
    for (size_t i = 0; i < plen && bit;) {
        while (i < plen && phrase[i] == ' ')
            i++;
        size_t j = i;
        while (j < plen && phrase[j] != ' ')
            j++;
        size_t m = j > i ? px_words_norm(phrase + i, j - i, w, sizeof w) : 0;
        if (m && n + m + 2 < sizeof key) {
            if (n)
                key[n++] = ' ';
            memcpy(key + n, w, m);
            n += m;
        }
        i = j;
    }
    uintptr_t old = 0;
    if (bit && n) {
        px_map_get(vocab, key, n, &old);
        px_map_put(vocab, key, n, old | bit);
        size_t sp = n;
        while (sp > 0 && key[sp - 1] != ' ')
            sp--;
        if (sp > 0) /* a phrase: its last word */
            px_map_put(ends, key + sp, n - sp, 1);
    }
}

static void build(void)
{
    vocab = px_map_new();
    ends = px_map_new();
    const char *d = px_embed_line_words;
    size_t len = px_embed_line_words_len;
    for (size_t i = 0; i < len;) {
        size_t j = i;
        while (j < len && d[j] != '\n')
            j++;
        const char *tab = memchr(d + i, '\t', j - i);
        if (d[i] != '#' && tab)
            add_entry(d + i, (size_t)(tab - (d + i)), tab + 1, (size_t)(d + j - tab - 1));
        i = j + 1;
    }
}

bool px_words_ends_phrase(const char *word, size_t len)
{
    pthread_once(&once, build);
    return px_map_get(ends, word, len, NULL);
}

unsigned px_words_kinds(const char *key, size_t len)
{
    pthread_once(&once, build);
    uintptr_t v = 0;
    return px_map_get(vocab, key, len, &v) ? (unsigned)v : 0;
}
