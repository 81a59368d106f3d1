/*
 * figures.c — an analysed story reduced to the counts the aggregate needs.
 *
 * The meta record of a story (its line in the journal, then in index.jsonl)
 * holds only integers, all of them the compare stage's (s->compare): per
 * outlet the words (and those inside quotations), facts carried, unique
 * (surely carried by no other), shared (carried with another outlet),
 * omitted and eligible to be omitted, not shown to carry, conflicts, and
 * per lexicon [hits, in narration, in quotations] (for a lexicon whose
 * categories have directions also "NAME:boosting" and "NAME:attacking", so
 * the aggregate shows a cheerleading outlet and a hostile one apart, each
 * with its interval like any lexicon; and "NAME.CATEGORY" for each category
 * with a hit — a category left out has none, and batch.json lists every
 * key); per pair of outlets the facts both or either
 * carry and how often they agree on a disputed detail. Integers merge
 * exactly, so shards sum to the same totals as one run; rates are formed
 * only in the aggregate, as ratios of sums.
 */
#include <stdio.h>
#include <string.h>

#include "batch/internal.h"

static json_t *jint(size_t v)
{
    return json_integer((json_int_t)v);
}

static json_t *counts(px_counts c)
{
    json_t *v = json_array();
    json_array_append_new(v, jint(c.hits));
    json_array_append_new(v, jint(c.narration));
    json_array_append_new(v, jint(c.quoted));
    return v;
}

static json_t *frame_json(const px_story *s, uint32_t i)
{
    static const char *const directions[] = {NULL, "boosting", "attacking"};
    json_t *o = json_object();
    size_t nlex = s->lexicons ? px_lexset_count(s->lexicons) : 0;
    for (uint32_t l = 0; l < nlex && s->frames; l++) {
        const px_score *sc = px_frame_score(&s->frames[i], l, -1);
        if (!sc)
            continue;
        const px_lexicon *L = px_lexset_get(s->lexicons, l);
        json_object_set_new(o, L->name, counts((px_counts){sc->hits, sc->narration, sc->quoted}));
        if (!L->directed || !L->directions)
            continue;
        for (int dir = PX_DIR_BOOSTING; dir <= PX_DIR_ATTACKING; dir++) {
            char key[256];
            snprintf(key, sizeof key, "%s:%s", L->name, directions[dir]);
            json_object_set_new(o, key, counts(s->compare.sources[i].lexicons[l].directions[dir]));
        }
    }
    for (uint32_t l = 0; l < nlex && s->frames; l++) {
        const px_lexicon *L = px_lexset_get(s->lexicons, l);
        for (uint32_t c = 0; c < L->ncategories; c++) {
            const px_score *sc = px_frame_score(&s->frames[i], l, (int32_t)c);
            if (!sc || !sc->hits)
                continue;
            char key[512];
            snprintf(key, sizeof key, "%s.%s", L->name, L->categories[c]);
            json_object_set_new(o, key, counts((px_counts){sc->hits, sc->narration, sc->quoted}));
        }
    }
    return o;
}

static json_t *source_json(const px_story *s, uint32_t i)
{
    const px_article *a = s->articles[i];
    const px_source_compare *c = &s->compare.sources[i];
    json_t *o = json_object();
    json_object_set_new(o, "id", px_batch_jstr(a->id));
    json_object_set_new(o, "name", px_batch_jstr(a->name ? a->name : a->id));
    json_object_set_new(o, "words", jint(s->docs[i]->words));
    json_object_set_new(o, "quoted_words", jint(c->quoted_words));
    json_object_set_new(o, "carried", jint(c->carried));
    json_object_set_new(o, "unique", jint(c->nunique));
    json_object_set_new(o, "shared", jint(c->shared));
    json_object_set_new(o, "omitted", jint(c->nomitted));
    json_object_set_new(o, "eligible", jint(c->eligible));
    size_t not_shown = 0;
    for (size_t f = 0; f < s->compare.nfacts; f++)
        not_shown += s->compare.facts[f].cells[i].verdict == PX_NOT_SHOWN;
    json_object_set_new(o, "not_shown", jint(not_shown));
    json_object_set_new(o, "conflicts", jint(c->nconflicts));
    json_object_set_new(o, "frame", frame_json(s, i));
    return o;
}

static json_t *pair_json(const px_story *s, const px_pair_compare *p)
{
    const char *ida = s->articles[p->a]->id, *idb = s->articles[p->b]->id;
    if (strcmp(ida, idb) > 0) { /* pairs are named in id order; the counts are symmetric */
        const char *t = ida;
        ida = idb;
        idb = t;
    }
    json_t *o = json_object();
    json_object_set_new(o, "a", px_batch_jstr(ida));
    json_object_set_new(o, "b", px_batch_jstr(idb));
    json_object_set_new(o, "both", jint(p->both));
    json_object_set_new(o, "either", jint(p->either));
    json_object_set_new(o, "details", jint(p->details));
    json_object_set_new(o, "agree", jint(p->agree));
    return o;
}

/* Story-level counts: facts, facts two or more carry, facts all carry,
 * facts with a conflicting detail. */
static void story_counts(const px_story *s, json_t *root)
{
    const px_comparison *c = &s->compare;
    json_object_set_new(root, "outlets", jint(s->nsources));
    json_object_set_new(root, "facts", jint(c->nfacts));
    json_object_set_new(root, "shared", jint(c->shared_facts));
    json_object_set_new(root, "all", jint(c->carried_by_all));
    json_object_set_new(root, "conflicts", jint(c->conflict_facts));
    json_object_set_new(root, "words", jint(c->words));
}

json_t *px_batch_figures(const px_story *s, const char *file, uint64_t input_hash,
                         uint64_t config_hash, size_t first_line)
{
    char ih[17], ch[17];
    px_batch_hex(input_hash, ih);
    px_batch_hex(config_hash, ch);
    json_t *root = json_object();
    json_object_set_new(root, "story", px_batch_jstr(s->id));
    json_object_set_new(root, "file", px_batch_jstr(file));
    json_object_set_new(root, "input", json_string(ih));
    json_object_set_new(root, "config", json_string(ch));
    json_object_set_new(root, "line", jint(first_line));
    json_object_set_new(root, "title", px_batch_jstr(s->title ? s->title : ""));
    story_counts(s, root);
    json_t *sources = json_array(), *pairs = json_array();
    for (uint32_t i = 0; i < s->nsources; i++)
        json_array_append_new(sources, source_json(s, i));
    for (size_t k = 0; k < s->compare.npairs; k++)
        json_array_append_new(pairs, pair_json(s, &s->compare.pairs[k]));
    json_object_set_new(root, "sources", sources);
    json_object_set_new(root, "pairs", pairs);
    return root;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

json_t *px_batch_frame_keys(const px_lexset *set)
{
    PX_VEC(char *) keys = {0};
    size_t nlex = set ? px_lexset_count(set) : 0;
    for (size_t l = 0; l < nlex; l++) {
        const px_lexicon *L = px_lexset_get(set, l);
        px_vec_push(keys, px_xstrdup(L->name));
        for (size_t c = 0; c < L->ncategories; c++) {
            size_t n = strlen(L->name) + strlen(L->categories[c]) + 2;
            char *k = px_xmalloc(n);
            snprintf(k, n, "%s.%s", L->name, L->categories[c]);
            px_vec_push(keys, k);
        }
        for (int dir = 0; L->directed && L->directions && dir < 2; dir++) {
            const char *d = dir ? "attacking" : "boosting";
            size_t n = strlen(L->name) + strlen(d) + 2;
            char *k = px_xmalloc(n);
            snprintf(k, n, "%s:%s", L->name, d);
            px_vec_push(keys, k);
        }
    }
    if (keys.n)
        qsort(keys.v, keys.n, sizeof *keys.v, cmp_str);
    json_t *a = json_array();
    for (size_t k = 0; k < keys.n; k++) {
        json_array_append_new(a, px_batch_jstr(keys.v[k]));
        free(keys.v[k]);
    }
    px_vec_free(keys);
    return a;
}
