/*
 * token.c — words, figures and punctuation, case-folded and stemmed.
 *
 * A word runs over letters, digits and combining marks, across an
 * apostrophe between letters (didn't, Putin's) and across the periods of
 * letter abbreviations (U.S., a.m.); a figure holds its thousands commas and
 * decimal point (175,000; 1.2). Hyphens split words ("two-hour" → two, -,
 * hour), so phrases match however they are hyphenated. Stems come from
 * Snowball's English stemmer; a px_text_ctx caches them.
 */
#include <libstemmer.h>
#include <stdlib.h>
#include <string.h>

#include "text/internal.h"

#define STEM_CACHE_MAX 200000

struct px_text_ctx {
    struct sb_stemmer *stemmer;
    px_map *cache; /* fold → index in stems */
    PX_VEC(char *) stems;
};

px_text_ctx *px_text_ctx_new(void)
{
    px_text_ctx *c = px_xcalloc(1, sizeof *c);
    c->stemmer = sb_stemmer_new("english", NULL);
    if (!c->stemmer) {
        free(c);
        return NULL;
    }
    c->cache = px_map_new();
    return c;
}

void px_text_ctx_free(px_text_ctx *c)
{
    if (!c)
        return;
    sb_stemmer_delete(c->stemmer);
    px_map_free(c->cache);
    for (size_t i = 0; i < c->stems.n; i++)
        free(c->stems.v[i]);
    px_vec_free(c->stems);
    free(c);
}

const char *px_text_stem(px_text_ctx *c, px_arena *a, const char *fold, size_t len)
{
    /* the result goes into the arena: tokens outlive the context */
    uintptr_t idx;
    if (px_map_get(c->cache, fold, len, &idx))
        return px_arena_strdup(a, c->stems.v[idx]);
    /* possessive 's and a trailing apostrophe go before stemming */
    size_t n = len;
    if (n > 2 && fold[n - 2] == '\'' && fold[n - 1] == 's')
        n -= 2;
    else if (n > 1 && fold[n - 1] == '\'')
        n -= 1;
    const sb_symbol *s = sb_stemmer_stem(c->stemmer, (const sb_symbol *)fold, (int)n);
    const char *stem;
    size_t sl;
    if (s) {
        stem = (const char *)s;
        sl = (size_t)sb_stemmer_length(c->stemmer);
    } else {
        stem = fold;
        sl = n;
    }
    if (c->stems.n < STEM_CACHE_MAX) {
        char *copy = px_xstrndup(stem, sl);
        px_map_put(c->cache, fold, len, c->stems.n);
        px_vec_push(c->stems, copy);
        return px_arena_strdup(a, copy);
    }
    return px_arena_strndup(a, stem, sl);
}

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* ASCII is most of any text: its letters and digits are answered here,
 * without a Unicode category lookup; the answers are the same. */
static bool is_alnum(int32_t cp)
{
    if (cp < 0x80)
        return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
    return px_text_is_alnum(cp);
}

static bool is_upper(int32_t cp)
{
    return cp < 0x80 ? cp >= 'A' && cp <= 'Z' : px_text_is_upper(cp);
}

static int32_t cp_at(const char *t, size_t n, size_t i, size_t *len)
{
    if (i < n && (unsigned char)t[i] < 0x80) {
        *len = 1;
        return (unsigned char)t[i];
    }
    int32_t cp = 0xFFFD;
    size_t k = i < n ? px_utf8_decode(t + i, n - i, &cp) : 0;
    *len = k ? k : 1;
    return k ? cp : 0xFFFD;
}

static bool is_apostrophe(int32_t cp)
{
    return cp == '\'' || cp == 0x2019;
}

/* End of the word or figure starting at i. */
static size_t scan_word(const char *t, size_t n, size_t i, bool *number)
{
    size_t k = i, len;
    bool digits_only = true;
    while (k < n) {
        int32_t cp = cp_at(t, n, k, &len);
        if (is_alnum(cp)) {
            if (!(cp >= '0' && cp <= '9'))
                digits_only = false;
            k += len;
            continue;
        }
        /* 175,000 and 1.2: a separator between digits */
        if ((cp == ',' || cp == '.') && k > i && is_digit(t[k - 1]) && k + 1 < n &&
            is_digit(t[k + 1]) && digits_only) {
            if (cp == ',' && !(k + 3 < n + 0 && is_digit(t[k + 2]) && is_digit(t[k + 3]) &&
                               (k + 4 >= n || !is_digit(t[k + 4]))))
                break;
            k++;
            continue;
        }
        /* didn't, Putin's */
        if (is_apostrophe(cp) && k > i) {
            size_t l2;
            int32_t nx = k + len < n ? cp_at(t, n, k + len, &l2) : 0;
            if (nx && is_alnum(nx) && !(nx >= '0' && nx <= '9')) {
                k += len;
                digits_only = false;
                continue;
            }
        }
        /* U.S., a.m.: single letters each followed by a period */
        if (cp == '.' && k - i == 1 && !digits_only) {
            size_t j = i;
            bool ok = true;
            while (j < n && ok) {
                size_t l3;
                int32_t c3 = cp_at(t, n, j, &l3);
                if (is_alnum(c3) && l3 == 1 && j + 1 < n && t[j + 1] == '.') {
                    j += 2;
                    size_t l4;
                    if (j >= n || !is_alnum(cp_at(t, n, j, &l4)) ||
                        (j + 1 < n && is_alnum(cp_at(t, n, j + 1, &l4)) && t[j + 1] != '.'))
                        break;
                } else {
                    ok = false;
                }
            }
            if (j >= i + 4) /* at least two letters with their periods */
                return j;
        }
        break;
    }
    *number = digits_only;
    return k;
}

static bool negation(const char *f, size_t n)
{
#define W(s)                                                                                       \
    {                                                                                              \
        (s), sizeof(s) - 1                                                                         \
    }
    static const struct {
        const char *w;
        size_t n;
    } words[] = {W("not"),     W("no"),  W("never"),   W("none"),   W("nobody"), W("nothing"),
                 W("neither"), W("nor"), W("without"), W("cannot"), W("hardly")};
#undef W
    for (size_t i = 0; i < sizeof words / sizeof *words; i++)
        if (words[i].n == n && memcmp(words[i].w, f, n) == 0)
            return true;
    return n > 3 && memcmp(f + n - 3, "n't", 3) == 0;
}

/* Fold with the curly apostrophe made straight. */
static char *fold_word(px_arena *a, const char *s, size_t n, size_t *out)
{
    char *f = px_utf8_fold(a, s, n, out);
    char *w = f;
    for (size_t i = 0; i < *out; i++) {
        if (i + 2 < *out && (unsigned char)f[i] == 0xE2 && (unsigned char)f[i + 1] == 0x80 &&
            (unsigned char)f[i + 2] == 0x99) {
            *w++ = '\'';
            i += 2;
        } else {
            *w++ = f[i];
        }
    }
    *w = '\0';
    *out = (size_t)(w - f);
    return f;
}

void px_text_tokenize(px_arena *a, px_text_ctx *ctx, const char *t, size_t s, size_t e,
                      uint32_t sent, px_tokvec *out)
{
    size_t i = s, len;
    bool first = true;
    while (i < e) {
        int32_t cp = cp_at(t, e, i, &len);
        if (cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0xA0) {
            i += len;
            continue;
        }
        px_token tok = {0};
        tok.start = i;
        tok.sent = sent;
        if (is_alnum(cp)) {
            bool number = false;
            tok.end = scan_word(t, e, i, &number);
            size_t fl;
            char *f = fold_word(a, t + i, tok.end - i, &fl);
            tok.fold = f;
            tok.flags = number ? PX_TOK_NUMBER : PX_TOK_WORD;
            if (is_upper(cp))
                tok.flags |= PX_TOK_CAPITAL;
            if (!number) {
                tok.stem = ctx ? px_text_stem(ctx, a, f, fl) : f;
                if (px_text_is_stopword(f, fl))
                    tok.flags |= PX_TOK_STOP;
                if (negation(f, fl))
                    tok.flags |= PX_TOK_NEGATION;
            } else {
                tok.stem = f;
            }
            if (first)
                tok.flags |= PX_TOK_SENTSTART;
            first = false;
        } else {
            tok.end = i + len;
            tok.fold = px_arena_strndup(a, t + i, len);
            tok.stem = tok.fold;
            tok.flags = PX_TOK_PUNCT;
        }
        px_vec_push(*out, tok);
        i = tok.end;
    }
}

size_t px_text_tokens(px_arena *a, px_text_ctx *ctx, const char *s, size_t n, px_token **out)
{
    px_tokvec v = {0};
    px_text_tokenize(a, ctx, s, 0, n, 0, &v);
    *out = px_arena_memdup(a, v.v, v.n * sizeof *v.v);
    size_t count = v.n;
    px_vec_free(v);
    return count;
}
