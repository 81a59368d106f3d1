/*
 * figures.c — an analysed story reduced to the counts the aggregate needs.
 *
 * The meta record of a story (its line in the journal, then in index.jsonl)
 * holds only integers: per outlet the words (and those inside quotations),
 * facts carried, unique (surely carried by no other), shared (carried with
 * another outlet; a fact carried alone that another outlet may carry is
 * neither), omitted and eligible to be omitted, conflicts, and
 * per lexicon the hits in narration and in quotations (for a lexicon whose
 * categories have directions also "NAME:boosting" and "NAME:attacking", so
 * the aggregate shows a cheerleading outlet and a hostile one apart, each
 * with its interval like any lexicon); per pair of outlets
 * the facts both or either carry and how often they agree on a disputed
 * detail. Integers merge exactly, so shards sum to the same totals as one
 * run; rates are formed only in the aggregate, as ratios of sums.
 */
#include <stdio.h>
#include <string.h>

#include "batch/internal.h"

static bool carries(const px_fact *f, uint32_t s)
{
    return px_fact_mention(f, s) != NULL;
}

/* Facts that outlet s could be said to omit, carried or not: the rule of
 * px_compare_story (at least half of the other outlets, and two when there
 * are three or more), applied to the carriers other than s — and, when s
 * does not carry the fact, only where the alignment is sure it does not
 * (px_fact_verdict): a fact s is "not shown to carry" is neither omitted
 * nor eligible, so the omission rate counts only decided cases. */
static size_t eligible(const px_alignment *al, uint32_t s)
{
    size_t ns = al->nsources, n = 0;
    size_t need = ns / 2;
    if (ns >= 3 && need < 2)
        need = 2;
    for (size_t f = 0; f < al->nfacts; f++) {
        const px_fact *fact = &al->facts[f];
        bool has = carries(fact, s);
        size_t others = fact->nmentions - (has ? 1 : 0);
        if (others >= need && others > 0 && (has || px_fact_verdict(al, fact, s) == PX_OMITS))
            n++;
    }
    return n;
}

/* Facts s carries together with at least one other outlet. */
static size_t shared(const px_alignment *al, uint32_t s)
{
    size_t n = 0;
    for (size_t f = 0; f < al->nfacts; f++)
        n += al->facts[f].nmentions > 1 && carries(&al->facts[f], s);
    return n;
}

static size_t quoted_words(const px_doc *d)
{
    size_t n = 0;
    for (size_t t = 0; t < d->ntoks; t++) {
        const px_token *k = &d->toks[t];
        if (k->start >= d->body_start && (k->flags & (PX_TOK_WORD | PX_TOK_NUMBER)) &&
            (k->flags & PX_TOK_QUOTED))
            n++;
    }
    return n;
}

static json_t *jint(size_t v)
{
    return json_integer((json_int_t)v);
}

static json_t *counts(size_t hits, size_t narration, size_t quoted)
{
    json_t *v = json_array();
    json_array_append_new(v, jint(hits));
    json_array_append_new(v, jint(narration));
    json_array_append_new(v, jint(quoted));
    return v;
}

/* "NAME:boosting" and "NAME:attacking": the lexicon's categories of each
 * direction summed. */
static void direction_json(json_t *o, const px_lexicon *L, const px_source_frame *fr,
                           uint32_t l)
{
    static const char *const names[] = {NULL, "boosting", "attacking"};
    for (int dir = PX_DIR_BOOSTING; dir <= PX_DIR_ATTACKING; dir++) {
        size_t hits = 0, narration = 0, quoted = 0;
        for (size_t c = 0; c < L->ncategories; c++) {
            const px_score *sc = px_frame_score(fr, l, (int32_t)c);
            if (sc && L->directions[c] == dir) {
                hits += sc->hits;
                narration += sc->narration;
                quoted += sc->quoted;
            }
        }
        char key[256];
        snprintf(key, sizeof key, "%s:%s", L->name, names[dir]);
        json_object_set_new(o, key, counts(hits, narration, quoted));
    }
}

static json_t *frame_json(const px_story *s, uint32_t i)
{
    json_t *o = json_object();
    size_t nlex = s->lexicons ? px_lexset_count(s->lexicons) : 0;
    for (uint32_t l = 0; l < nlex && s->frames; l++) {
        const px_score *sc = px_frame_score(&s->frames[i], l, -1);
        if (!sc)
            continue;
        const px_lexicon *L = px_lexset_get(s->lexicons, l);
        json_object_set_new(o, L->name, counts(sc->hits, sc->narration, sc->quoted));
        if (L->directed && L->directions)
            direction_json(o, L, &s->frames[i], l);
    }
    return o;
}

static json_t *source_json(const px_story *s, uint32_t i)
{
    const px_article *a = s->articles[i];
    const px_source_compare *c = &s->compare[i];
    json_t *o = json_object();
    json_object_set_new(o, "id", px_batch_jstr(a->id));
    json_object_set_new(o, "name", px_batch_jstr(a->name ? a->name : a->id));
    json_object_set_new(o, "words", jint(s->docs[i]->words));
    json_object_set_new(o, "quoted_words", jint(quoted_words(s->docs[i])));
    json_object_set_new(o, "carried", jint(c->carried));
    json_object_set_new(o, "unique", jint(c->nunique));
    json_object_set_new(o, "shared", jint(shared(&s->alignment, i)));
    json_object_set_new(o, "omitted", jint(c->nomitted));
    json_object_set_new(o, "eligible", jint(eligible(&s->alignment, i)));
    json_object_set_new(o, "conflicts", jint(c->nconflicts));
    json_object_set_new(o, "frame", frame_json(s, i));
    return o;
}

static json_t *pair_json(const px_story *s, uint32_t a, uint32_t b)
{
    size_t both = 0, either = 0, details = 0, agree = 0;
    const px_alignment *al = &s->alignment;
    for (size_t f = 0; f < al->nfacts; f++) {
        const px_fact *fact = &al->facts[f];
        bool ca = carries(fact, a), cb = carries(fact, b);
        both += ca && cb;
        either += ca || cb;
        for (size_t k = 0; ca && cb && k < fact->nconflicts; k++) {
            const char *va = fact->conflicts[k].values[a], *vb = fact->conflicts[k].values[b];
            if (va && vb) {
                details++;
                agree += strcmp(va, vb) == 0;
            }
        }
    }
    const char *ida = s->articles[a]->id, *idb = s->articles[b]->id;
    if (strcmp(ida, idb) > 0) { /* pairs are named in id order; the counts are symmetric */
        const char *t = ida;
        ida = idb;
        idb = t;
    }
    json_t *o = json_object();
    json_object_set_new(o, "a", px_batch_jstr(ida));
    json_object_set_new(o, "b", px_batch_jstr(idb));
    json_object_set_new(o, "both", jint(both));
    json_object_set_new(o, "either", jint(either));
    json_object_set_new(o, "details", jint(details));
    json_object_set_new(o, "agree", jint(agree));
    return o;
}

/* Story-level counts: facts, facts two or more carry, facts all carry,
 * facts with a conflicting detail. */
static void story_counts(const px_story *s, json_t *root)
{
    const px_alignment *al = &s->alignment;
    size_t shared = 0, all = 0, conflicts = 0, words = 0;
    for (size_t f = 0; f < al->nfacts; f++) {
        shared += al->facts[f].nmentions >= 2;
        all += al->facts[f].nmentions == s->nsources;
        conflicts += al->facts[f].nconflicts > 0;
    }
    for (size_t i = 0; i < s->nsources; i++)
        words += s->docs[i]->words;
    json_object_set_new(root, "outlets", jint(s->nsources));
    json_object_set_new(root, "facts", jint(al->nfacts));
    json_object_set_new(root, "shared", jint(shared));
    json_object_set_new(root, "all", jint(all));
    json_object_set_new(root, "conflicts", jint(conflicts));
    json_object_set_new(root, "words", jint(words));
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
    for (uint32_t i = 0; i < s->nsources; i++) {
        json_array_append_new(sources, source_json(s, i));
        for (uint32_t j = i + 1; j < s->nsources; j++)
            json_array_append_new(pairs, pair_json(s, i, j));
    }
    json_object_set_new(root, "sources", sources);
    json_object_set_new(root, "pairs", pairs);
    return root;
}
