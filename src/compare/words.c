/*
 * words.c — the words behind the framing scores: per outlet and lexicon,
 * the terms found (each text once, case aside, with how often), the hits
 * grouped by lexicon entry (the evidence lists), and for a lexicon whose
 * categories have directions the boosting and attacking hits summed; per
 * attribution the hits on its verb; per lexicon the story's hits and the
 * outlet that tops each figure in its own narration (px_frame_top).
 */
#include <stdlib.h>
#include <string.h>

#include "compare/internal.h"

/* The hit's text in ASCII lower case, the key terms group by. */
static char *term_key(const px_doc *d, const px_hit *h, size_t *n)
{
    *n = h->end - h->start;
    char *k = px_xmalloc(*n + 1);
    for (size_t i = 0; i < *n; i++) {
        char ch = d->text[h->start + i];
        if (ch >= 'A' && ch <= 'Z')
            ch = (char)(ch - 'A' + 'a');
        k[i] = ch;
    }
    k[*n] = '\0';
    return k;
}

static void terms(px_arena *a, const px_doc *d, const px_source_frame *fr, uint32_t l,
                  px_lexicon_compare *out)
{
    PX_VEC(px_term_count) v = {0};
    px_map *seen = px_map_new();
    for (size_t h = 0; h < fr->nhits; h++) {
        if (fr->hits[h].lexicon != l)
            continue;
        size_t n;
        char *key = term_key(d, &fr->hits[h], &n);
        uintptr_t at;
        if (px_map_get(seen, key, n, &at) && at < v.n) {
            v.v[at].count++;
        } else {
            px_map_put(seen, key, n, v.n);
            px_term_count t = {h, 1};
            px_vec_push(v, t);
        }
        free(key);
    }
    out->terms = px_arena_memdup(a, v.v, v.n * sizeof *v.v);
    out->nterms = v.n;
    px_map_free(seen);
    px_vec_free(v);
}

static void evidence(px_arena *a, const px_lexicon *L, const px_source_frame *fr, uint32_t l,
                     px_lexicon_compare *out)
{
    /* per entry: its group, +1 (0: none yet) */
    uint32_t *group = px_xcalloc(L->nentries + 1, sizeof *group);
    PX_VEC(px_evidence) v = {0};
    for (size_t h = 0; h < fr->nhits; h++) {
        const px_hit *hit = &fr->hits[h];
        if (hit->lexicon != l || hit->entry >= L->nentries)
            continue;
        if (!group[hit->entry]) {
            px_evidence e = {hit->entry, L->entries[hit->entry].category, NULL, 0};
            px_vec_push(v, e);
            group[hit->entry] = (uint32_t)v.n;
        }
        v.v[group[hit->entry] - 1].nhits++;
    }
    for (size_t g = 0; g < v.n; g++) {
        v.v[g].hits = px_arena_array(a, v.v[g].nhits, sizeof *v.v[g].hits);
        v.v[g].nhits = 0;
    }
    for (size_t h = 0; h < fr->nhits; h++) {
        const px_hit *hit = &fr->hits[h];
        if (hit->lexicon == l && hit->entry < L->nentries) {
            px_evidence *e = &v.v[group[hit->entry] - 1];
            e->hits[e->nhits++] = h;
        }
    }
    out->evidence = px_arena_memdup(a, v.v, v.n * sizeof *v.v);
    out->nevidence = v.n;
    free(group);
    px_vec_free(v);
}

/* The categories of each direction summed. */
static void directions(const px_lexicon *L, const px_source_frame *fr, uint32_t l,
                       px_lexicon_compare *out)
{
    if (!L->directed || !L->directions)
        return;
    for (size_t c = 0; c < L->ncategories; c++) {
        const px_score *sc = px_frame_score(fr, l, (int32_t)c);
        uint8_t dir = L->directions[c];
        if (!sc || (dir != PX_DIR_BOOSTING && dir != PX_DIR_ATTACKING))
            continue;
        out->directions[dir].hits += sc->hits;
        out->directions[dir].narration += sc->narration;
        out->directions[dir].quoted += sc->quoted;
    }
}

/* The hits on each attribution's verb: the lexicon categories that frame
 * it ("attribution:distancing"). */
static void verbs(px_arena *a, const px_doc *d, const px_source_frame *fr, px_source_compare *sc)
{
    sc->verb_at = px_arena_array(a, d->nattrs + 1, sizeof *sc->verb_at);
    PX_VEC(size_t) v = {0};
    for (size_t k = 0; k < d->nattrs; k++) {
        const px_attribution *at = &d->attrs[k];
        for (size_t h = 0; h < fr->nhits; h++)
            if (fr->hits[h].start <= at->verb_start && fr->hits[h].end >= at->verb_end)
                px_vec_push(v, h);
        sc->verb_at[k + 1] = v.n;
    }
    sc->verb_hits = px_arena_memdup(a, v.v, v.n * sizeof(size_t));
    px_vec_free(v);
}

static void totals(const px_compare_in *in, uint32_t l, px_lexicon_total *t)
{
    const px_lexicon *L = px_lexset_get(in->lex, l);
    t->category_hits = px_arena_array(in->a, L->ncategories + 1, sizeof *t->category_hits);
    for (uint32_t s = 0; s < in->nsources; s++) {
        const px_score *sc = px_frame_score(&in->frames[s], l, -1);
        t->hits += sc ? sc->hits : 0;
        for (size_t c = 0; c < L->ncategories; c++) {
            sc = px_frame_score(&in->frames[s], l, (int32_t)c);
            t->category_hits[c] += sc ? sc->hits : 0;
        }
    }
    for (int fig = 0; fig < PX_NFIGS; fig++) {
        bool clear = false;
        int top = in->nsources >= 2
                      ? px_frame_top(in->frames, in->nsources, in->lex, l, fig, &clear)
                      : -1;
        t->top[fig] = (px_top){top, top >= 0 && clear};
    }
}

void px_compare_words(const px_compare_in *in, px_comparison *c)
{
    for (uint32_t s = 0; s < in->nsources; s++) {
        px_source_compare *sc = &c->sources[s];
        const px_source_frame *fr = &in->frames[s];
        sc->lexicons = px_arena_array(in->a, in->nlex + 1, sizeof *sc->lexicons);
        for (uint32_t l = 0; l < in->nlex; l++) {
            const px_lexicon *L = px_lexset_get(in->lex, l);
            terms(in->a, in->docs[s], fr, l, &sc->lexicons[l]);
            evidence(in->a, L, fr, l, &sc->lexicons[l]);
            directions(L, fr, l, &sc->lexicons[l]);
        }
        verbs(in->a, in->docs[s], fr, sc);
    }
    c->lexicons = px_arena_array(in->a, in->nlex + 1, sizeof *c->lexicons);
    for (uint32_t l = 0; l < in->nlex; l++)
        totals(in, l, &c->lexicons[l]);
}
