/*
 * csv_outlets.c — outlet_story.csv: one row per outlet of the story, flat.
 *
 * The columns are those of the aggregate's outlet_story.csv (batch/tables.c),
 * so a story compared alone and a batch of stories give tables that stack:
 * the story, the outlet, its words (in narration and inside quotations), the
 * fact counts of the compare stage (carried, only here, shared, omitted,
 * omittable, not shown, conflicts), then for every framing key — each
 * lexicon, each of its categories, each direction of a directed lexicon, in
 * byte order of "NAME", "NAME.CATEGORY", "NAME:DIRECTION" — the hits in
 * narration and in quotations and both per 1,000 words of that voice.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report/internal.h"

/* A framing key: a lexicon (category -1), a category, or a direction. */
typedef struct fkey {
    char *name; /* "loaded", "loaded.combative", "loaded:boosting" (heap) */
    uint32_t lex;
    int32_t cat; /* category, or -1 */
    int dir;     /* PX_DIR_BOOSTING / _ATTACKING, or 0 */
} fkey;

static int cmp_key(const void *a, const void *b)
{
    return strcmp(((const fkey *)a)->name, ((const fkey *)b)->name);
}

static char *join(const char *a, char sep, const char *b)
{
    size_t n = strlen(a) + strlen(b) + 2;
    char *k = px_xmalloc(n);
    snprintf(k, n, "%s%c%s", a, sep, b);
    return k;
}

/* Every framing key of the story's lexicons, sorted; the caller frees. */
static fkey *framing_keys(const px_lexset *set, size_t *n)
{
    size_t nl = set ? px_lexset_count(set) : 0, cap = 1, k = 0;
    for (size_t l = 0; l < nl; l++)
        cap += 3 + px_lexset_get(set, l)->ncategories;
    fkey *keys = px_xcalloc(cap, sizeof *keys);
    for (uint32_t l = 0; l < nl; l++) {
        const px_lexicon *L = px_lexset_get(set, l);
        keys[k++] = (fkey){px_xstrdup(L->name), l, -1, 0};
        for (uint32_t c = 0; c < L->ncategories; c++)
            keys[k++] = (fkey){join(L->name, '.', L->categories[c]), l, (int32_t)c, 0};
        if (!L->directed || !L->directions)
            continue;
        keys[k++] = (fkey){join(L->name, ':', "boosting"), l, -1, PX_DIR_BOOSTING};
        keys[k++] = (fkey){join(L->name, ':', "attacking"), l, -1, PX_DIR_ATTACKING};
    }
    qsort(keys, k, sizeof *keys, cmp_key);
    *n = k;
    return keys;
}

static px_counts key_counts(const px_story *s, uint32_t i, const fkey *k)
{
    if (k->dir)
        return s->compare.sources[i].lexicons[k->lex].directions[k->dir];
    const px_score *sc = px_frame_score(&s->frames[i], k->lex, k->cat);
    return sc ? (px_counts){sc->hits, sc->narration, sc->quoted} : (px_counts){0, 0, 0};
}

static void rate(px_buf *b, size_t hits, size_t words)
{
    px_buf_putc(b, ',');
    if (words)
        px_buf_printf(b, "%.3f", 1000.0 * (double)hits / (double)words);
}

static void header(px_buf *b, const fkey *keys, size_t nk)
{
    static const char *const tails[] = {"_narration", "_quoted", "_narration_per_1k",
                                        "_quoted_per_1k"};
    px_buf_puts(b, "story,outlet,name,words,narration_words,quoted_words,story_facts,"
                   "facts_carried,facts_only_here,facts_shared,facts_omitted,facts_omittable,"
                   "facts_not_shown,conflicts");
    for (size_t k = 0; k < nk; k++)
        for (size_t t = 0; t < 4; t++) {
            px_buf_putc(b, ',');
            px_csv_key(b, keys[k].name);
            px_buf_puts(b, tails[t]);
        }
    px_buf_puts(b, "\r\n");
}

static void row(px_buf *b, const px_story *s, uint32_t i, const fkey *keys, size_t nk)
{
    const px_source_compare *c = &s->compare.sources[i];
    const px_article *a = s->articles[i];
    size_t words = s->docs[i]->words;
    size_t qw = c->quoted_words < words ? c->quoted_words : words, not_shown = 0;
    for (size_t f = 0; f < s->compare.nfacts; f++)
        not_shown += s->compare.facts[f].cells[i].verdict == PX_NOT_SHOWN;
    px_csv_field(b, a->id, strlen(a->id));
    px_buf_putc(b, ',');
    const char *name = a->name ? a->name : a->id;
    px_csv_field(b, name, strlen(name));
    px_buf_printf(b, ",%zu,%zu,%zu,%zu,%zu,%zu,%zu,%zu,%zu,%zu,%zu", words, words - qw, qw,
                  s->compare.nfacts, c->carried, c->nunique, c->shared, c->nomitted, c->eligible,
                  not_shown, c->nconflicts);
    for (size_t k = 0; k < nk; k++) {
        px_counts n = key_counts(s, i, &keys[k]);
        px_buf_printf(b, ",%zu,%zu", n.narration, n.quoted);
        rate(b, n.narration, words - qw);
        rate(b, n.quoted, qw);
    }
    px_buf_puts(b, "\r\n");
}

px_status px_report_csv_outlets(const px_story *s, const px_report_opts *o, px_buf *b)
{
    if (!s || !s->analyzed)
        return PX_EUSAGE;
    size_t nk;
    fkey *keys = framing_keys(s->lexicons, &nk);
    header(b, keys, nk);
    const char *story = o && o->story ? o->story : s->id ? s->id : "";
    for (uint32_t i = 0; i < s->nsources; i++) {
        px_csv_field(b, story, strlen(story));
        px_buf_putc(b, ',');
        row(b, s, i, keys, nk);
    }
    for (size_t k = 0; k < nk; k++)
        free(keys[k].name);
    free(keys);
    return b->toobig ? PX_ELIMIT : PX_OK;
}
