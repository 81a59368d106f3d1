/*
 * lexset.c — a set of loaded lexicons and the index matching walks.
 *
 * Every entry is filed under its first word: exact words in one map, prefix
 * words (`slam*`) in another, stem words (`attack~`) in a third, each key
 * leading to the list of (lexicon, entry) pairs that start so. After loading
 * the set is read-only, so the threads of a batch share one.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "frame/internal.h"

px_lexset *px_lexset_new(void)
{
    px_lexset *s = px_xcalloc(1, sizeof *s);
    for (int m = 0; m < 3; m++)
        s->index[m] = px_map_new();
    return s;
}

void px_lexset_free(px_lexset *s)
{
    if (!s)
        return;
    for (size_t i = 0; i < s->lex.n; i++)
        px_lexicon_free(s->lex.v[i]);
    px_vec_free(s->lex);
    px_vec_free(s->lists);
    px_vec_free(s->pending);
    free(s->refs);
    for (int m = 0; m < 3; m++)
        px_map_free(s->index[m]);
    free(s);
}

static void index_ref(px_lexset *s, px_map *m, const char *key, px_lexref r)
{
    uintptr_t idx;
    size_t n = strlen(key);
    if (!px_map_get(m, key, n, &idx)) {
        px_refvec empty = {0};
        idx = s->lists.n;
        px_vec_push(s->lists, empty);
        px_map_put(m, key, n, idx);
    }
    struct px_pending_ref p = {(uint32_t)idx, r};
    px_vec_push(s->pending, p);
}

/* Group every pair by its list (a stable counting sort: a list keeps the
 * order its pairs were added in) and point the lists into the result: a
 * few allocations for the whole set instead of one growing array a key. */
static void group_refs(px_lexset *s)
{
    free(s->refs);
    s->refs = px_xreallocarray(NULL, s->pending.n ? s->pending.n : 1, sizeof *s->refs);
    for (size_t i = 0; i < s->lists.n; i++)
        s->lists.v[i].n = 0;
    for (size_t i = 0; i < s->pending.n; i++)
        s->lists.v[s->pending.v[i].list].n++;
    size_t at = 0;
    for (size_t i = 0; i < s->lists.n; i++) {
        s->lists.v[i].v = s->refs + at;
        at += s->lists.v[i].n;
        s->lists.v[i].n = 0;
    }
    for (size_t i = 0; i < s->pending.n; i++) {
        px_refvec *l = &s->lists.v[s->pending.v[i].list];
        s->refs[l->v - s->refs + l->n++] = s->pending.v[i].r;
    }
}

void px_lexset_add(px_lexset *s, px_lexicon *l)
{
    uint32_t li = (uint32_t)s->lex.n;
    px_vec_push(s->lex, l);
    for (uint32_t e = 0; e < l->nentries; e++) {
        const px_lex_entry *en = &l->entries[e];
        px_lexref r = {li, e};
        uint8_t mode = en->modes[0];
        index_ref(s, s->index[mode], en->words[0], r);
        size_t n = strlen(en->words[0]);
        if (mode == PX_LEX_PREFIX && n > s->max_prefix)
            s->max_prefix = n;
    }
    group_refs(s);
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool lexicon_file(const char *name)
{
    return name[0] != '.' && (px_has_ext(name, ".tsv") || px_has_ext(name, ".dic"));
}

px_status px_lexset_load_dir(px_lexset *s, const char *dir, px_error *err)
{
    DIR *d = opendir(dir);
    if (!d)
        return px_error_set(err, PX_EINPUT, dir, 0, "cannot open the lexicon folder");
    PX_VEC(char *) names = {0};
    struct dirent *e;
    while ((e = readdir(d)))
        if (lexicon_file(e->d_name))
            px_vec_push(names, px_xstrdup(e->d_name));
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
            if (st == PX_OK && px_lexset_find(s, l->name)) {
                st = px_error_set(err, PX_EINPUT, path, 0, "a lexicon named '%s' is already loaded",
                                  l->name);
                px_lexicon_free(l);
            } else if (st == PX_OK) {
                px_lexset_add(s, l);
            }
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

const px_lex_entry *px_lexset_entry(const px_lexset *s, const px_hit *h, const char **lexicon,
                                    const char **category)
{
    const px_lexicon *l = px_lexset_get(s, h->lexicon);
    const px_lex_entry *e = &l->entries[h->entry];
    if (lexicon)
        *lexicon = l->name;
    if (category)
        *category = l->categories[e->category];
    return e;
}

const px_lexicon *px_lexset_find(const px_lexset *s, const char *name)
{
    for (size_t i = 0; i < s->lex.n; i++)
        if (strcmp(s->lex.v[i]->name, name) == 0)
            return s->lex.v[i];
    return NULL;
}
