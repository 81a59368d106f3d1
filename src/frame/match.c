/*
 * match.c — lexicon sets and matching lexicon terms in documents.
 *
 * A px_lexset indexes every entry by its first word (exact entries) or by
 * the prefix of a one-word wildcard entry ("slam*"). Matching walks the
 * tokens of a document; at each token, each lexicon's longest matching
 * entry wins (an exact entry over a wildcard of the same length), and the
 * lexicon's next match starts after it. Matching is on case-folded word
 * forms, across line breaks and whitespace; a term never matches inside a
 * longer word (claim ≠ claimant) unless it ends in '*'. A hit is tagged
 * quoted when it sits inside a direct quotation, and negated when a
 * negation word precedes it within three tokens of the same sentence.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parallax/frame.h"

#define NEGATION_WINDOW 3

typedef struct {
    uint32_t lexicon, entry;
} ref;

typedef PX_VEC(ref) refvec;

struct px_lexset {
    PX_VEC(px_lexicon *) lex;
    px_map *first;    /* first word → index in lists */
    px_map *prefixes; /* wildcard prefix → index in lists */
    PX_VEC(refvec) lists;
    size_t max_prefix;
};

px_lexset *px_lexset_new(void)
{
    px_lexset *s = px_xcalloc(1, sizeof *s);
    s->first = px_map_new();
    s->prefixes = px_map_new();
    return s;
}

void px_lexset_free(px_lexset *s)
{
    if (!s)
        return;
    for (size_t i = 0; i < s->lex.n; i++)
        px_lexicon_free(s->lex.v[i]);
    px_vec_free(s->lex);
    for (size_t i = 0; i < s->lists.n; i++)
        px_vec_free(s->lists.v[i]);
    px_vec_free(s->lists);
    px_map_free(s->first);
    px_map_free(s->prefixes);
    free(s);
}

static void index_ref(px_lexset *s, px_map *m, const char *key, ref r)
{
    uintptr_t idx;
    size_t n = strlen(key);
    if (!px_map_get(m, key, n, &idx)) {
        refvec empty = {0};
        idx = s->lists.n;
        px_vec_push(s->lists, empty);
        px_map_put(m, key, n, idx);
    }
    px_vec_push(s->lists.v[idx], r);
}

void px_lexset_add(px_lexset *s, px_lexicon *l)
{
    uint32_t li = (uint32_t)s->lex.n;
    px_vec_push(s->lex, l);
    for (uint32_t e = 0; e < l->nentries; e++) {
        const px_lex_entry *en = &l->entries[e];
        ref r = {li, e};
        if (en->prefix && en->nwords == 1) {
            index_ref(s, s->prefixes, en->words[0], r);
            size_t n = strlen(en->words[0]);
            if (n > s->max_prefix)
                s->max_prefix = n;
        } else {
            index_ref(s, s->first, en->words[0], r);
        }
    }
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

px_status px_lexset_load_dir(px_lexset *s, const char *dir, px_error *err)
{
    DIR *d = opendir(dir);
    if (!d)
        return px_error_set(err, PX_EINPUT, dir, 0, "cannot open the lexicon folder");
    PX_VEC(char *) names = {0};
    struct dirent *e;
    while ((e = readdir(d))) {
        size_t n = strlen(e->d_name);
        if (e->d_name[0] != '.' && n > 4 &&
            (strcmp(e->d_name + n - 4, ".tsv") == 0 || strcmp(e->d_name + n - 4, ".dic") == 0))
            px_vec_push(names, px_xstrdup(e->d_name));
    }
    closedir(d);
    if (names.n)
        qsort(names.v, names.n, sizeof *names.v, cmp_str);
    px_status st = PX_OK;
    for (size_t i = 0; i < names.n; i++) {
        if (st == PX_OK) {
            size_t len = strlen(dir) + strlen(names.v[i]) + 2;
            char *path = px_xmalloc(len);
            snprintf(path, len, "%s/%s", dir, names.v[i]);
            px_lexicon *l;
            st = px_lexicon_load(path, &l, err);
            if (st == PX_OK)
                px_lexset_add(s, l);
            free(path);
        }
        free(names.v[i]);
    }
    px_vec_free(names);
    if (st == PX_OK && s->lex.n == 0)
        st = px_error_set(err, PX_EINPUT, dir, 0, "no lexicons (*.tsv, *.dic) in the folder");
    return st;
}

size_t px_lexset_count(const px_lexset *s)
{
    return s ? s->lex.n : 0;
}

const px_lexicon *px_lexset_get(const px_lexset *s, size_t i)
{
    return s->lex.v[i];
}

const px_lexicon *px_lexset_find(const px_lexset *s, const char *name)
{
    for (size_t i = 0; i < s->lex.n; i++)
        if (strcmp(s->lex.v[i]->name, name) == 0)
            return s->lex.v[i];
    return NULL;
}

/* Does entry e match the tokens from i? Returns the token count or 0. */
static size_t match_entry(const px_lex_entry *e, const px_doc *d, size_t i, size_t end)
{
    if (i + e->nwords > end)
        return 0;
    for (uint32_t w = 0; w < e->nwords; w++) {
        const char *f = d->toks[i + w].fold;
        if (w + 1 == e->nwords && e->prefix) {
            if (strncmp(f, e->words[w], strlen(e->words[w])) != 0)
                return 0;
        } else if (strcmp(f, e->words[w]) != 0) {
            return 0;
        }
    }
    return e->nwords;
}

typedef PX_VEC(px_hit) hitvec;

static bool negated(const px_doc *d, size_t i)
{
    uint32_t sent = d->toks[i].sent;
    for (size_t k = i, n = 0; k > 0 && n < NEGATION_WINDOW; n++) {
        k--;
        if (d->toks[k].sent != sent)
            break;
        if (d->toks[k].flags & PX_TOK_NEGATION)
            return true;
    }
    return false;
}

/* Best candidate per lexicon at token i from one list. */
static void consider(const px_lexset *s, const refvec *list, const px_doc *d, size_t i,
                     size_t end, size_t *best_len, bool *best_exact)
{
    for (size_t k = 0; k < list->n; k++) {
        const px_lex_entry *e = &s->lex.v[list->v[k].lexicon]->entries[list->v[k].entry];
        size_t len = match_entry(e, d, i, end);
        uint32_t l = list->v[k].lexicon;
        if (len > best_len[l] || (len && len == best_len[l] && !e->prefix && !best_exact[l])) {
            best_len[l] = len;
            best_exact[l] = !e->prefix;
        }
    }
}

static void emit_hits(const px_lexset *s, const refvec *list, const px_doc *d, size_t i,
                      size_t end, const size_t *best_len, const bool *best_exact, hitvec *out,
                      bool *done)
{
    for (size_t k = 0; k < list->n; k++) {
        uint32_t l = list->v[k].lexicon;
        const px_lex_entry *e = &s->lex.v[l]->entries[list->v[k].entry];
        if (!best_len[l] || e->prefix == best_exact[l] ||
            match_entry(e, d, i, end) != best_len[l])
            continue;
        /* one hit per category at a position */
        bool dup = false;
        for (size_t h = out->n; h > 0 && out->v[h - 1].tok == i && !dup; h--)
            dup = out->v[h - 1].lexicon == l &&
                  s->lex.v[l]->entries[out->v[h - 1].entry].category == e->category;
        if (dup)
            continue;
        size_t last = i + best_len[l] - 1;
        px_hit h = {d->toks[i].sent, i, best_len[l], d->toks[i].start, d->toks[last].end,
                    l, list->v[k].entry, (d->toks[i].flags & PX_TOK_QUOTED) != 0,
                    negated(d, i)};
        px_vec_push(*out, h);
        done[l] = true;
    }
}

size_t px_frame_match(px_arena *a, const px_lexset *s, const px_doc *doc, px_hit **out)
{
    hitvec hits = {0};
    size_t nl = s ? s->lex.n : 0;
    size_t *next = px_xcalloc(nl ? nl : 1, sizeof *next);    /* per lexicon: first free token */
    size_t *best_len = px_xcalloc(nl ? nl : 1, sizeof *best_len);
    bool *best_exact = px_xcalloc(nl ? nl : 1, sizeof *best_exact);
    bool *done = px_xcalloc(nl ? nl : 1, sizeof *done);
    for (size_t i = 0; i < doc->ntoks && nl; i++) {
        const px_token *t = &doc->toks[i];
        if (t->flags & PX_TOK_PUNCT)
            continue;
        const px_sentence *se = &doc->sents[t->sent];
        size_t end = se->tok + se->ntok;
        memset(best_len, 0, nl * sizeof *best_len);
        memset(best_exact, 0, nl * sizeof *best_exact);
        memset(done, 0, nl * sizeof *done);
        uintptr_t idx;
        const refvec *lists[64];
        size_t nlists = 0;
        if (px_map_get(s->first, t->fold, strlen(t->fold), &idx))
            lists[nlists++] = &s->lists.v[idx];
        size_t fl = strlen(t->fold);
        for (size_t p = 1; p <= fl && p <= s->max_prefix && nlists < 64; p++)
            if (px_map_get(s->prefixes, t->fold, p, &idx))
                lists[nlists++] = &s->lists.v[idx];
        for (size_t k = 0; k < nlists; k++)
            consider(s, lists[k], doc, i, end, best_len, best_exact);
        for (size_t l = 0; l < nl; l++)
            if (next[l] > i)
                best_len[l] = 0; /* inside this lexicon's previous match */
        for (size_t k = 0; k < nlists; k++)
            emit_hits(s, lists[k], doc, i, end, best_len, best_exact, &hits, done);
        for (size_t l = 0; l < nl; l++)
            if (done[l])
                next[l] = i + best_len[l];
    }
    free(next);
    free(best_len);
    free(best_exact);
    free(done);
    *out = px_arena_memdup(a, hits.v, hits.n * sizeof *hits.v);
    size_t n = hits.n;
    px_vec_free(hits);
    return n;
}
