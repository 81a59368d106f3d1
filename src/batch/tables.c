/*
 * tables.c — the aggregate figures and their CSV files.
 *
 * Per outlet, over the stories it appears in (sorted by story id):
 *   facts per story      sum(carried) / stories
 *   omission rate        sum(omitted) / sum(facts it could omit: carried by
 *                        enough of the others, see figures.c)
 *   unique-fact rate     sum(unique) / sum(carried)
 *   conflict rate        sum(facts where its detail conflicts) / sum(facts it
 *                        shares with another outlet)
 *   per lexicon          narration hits per 1,000 narration words, quotation
 *                        hits per 1,000 words inside quotations
 * Per pair: fact overlap (Jaccard: facts both carry over facts either
 * carries, summed over shared stories) and agreement on conflicting details
 * (the share of disputed details on which the two give the same value).
 * Each with a 95% bootstrap interval over stories (stats.c). Numbers are
 * printed with fixed decimals; a figure without data is an empty field.
 */
#include <math.h>
#include <string.h>

#include "batch/aggregate.h"

/* Position of each index in a name order. */
static uint32_t *ranks(const uint32_t *order, size_t n)
{
    uint32_t *r = px_xcalloc(n ? n : 1, sizeof *r);
    for (size_t i = 0; i < n; i++)
        r[order[i]] = (uint32_t)i;
    return r;
}

static void outlet_row(const agg *g, const uint32_t *lexrank, const agg_src *const *src, size_t n,
                       agg_outlet_row *row)
{
    size_t m = AGG_FIXED + 2 * g->lexicons.n;
    double *num = px_xcalloc(n * m + 1, sizeof *num), *den = px_xcalloc(n * m + 1, sizeof *den);
    double *scale = px_xcalloc(m, sizeof *scale);
    for (size_t j = 0; j < m; j++)
        scale[j] = j < AGG_FIXED ? 1.0 : 1000.0;
    for (size_t i = 0; i < n; i++) {
        const agg_src *s = src[i];
        double *nu = num + i * m, *de = den + i * m;
        nu[AGG_FACTS] = (double)s->carried, de[AGG_FACTS] = 1;
        nu[AGG_OMISSION] = (double)s->omitted, de[AGG_OMISSION] = (double)s->eligible;
        nu[AGG_UNIQUE] = (double)s->unique, de[AGG_UNIQUE] = (double)s->carried;
        nu[AGG_CONFLICT] = (double)s->conflicts, de[AGG_CONFLICT] = (double)s->shared;
        /* every lexicon's words count, also where the story records no hit
         * of it (categories without hits are left out of index.jsonl) */
        for (size_t j = AGG_FIXED; j < m; j += 2) {
            de[j] = (double)(s->words - (s->quoted_words < s->words ? s->quoted_words : s->words));
            de[j + 1] = (double)s->quoted_words;
        }
        for (uint32_t k = 0; k < s->nlex; k++) {
            size_t j = AGG_FIXED + 2 * (size_t)lexrank[s->lex[k].lex];
            nu[j] = (double)s->lex[k].narration;
            nu[j + 1] = (double)s->lex[k].quoted;
        }
        row->carried += s->carried;
        row->words += s->words;
    }
    const char *name = g->outlets.v[row->outlet];
    row->stories = n;
    row->fig = px_xcalloc(m, sizeof *row->fig);
    px_batch_bootstrap(num, den, n, m, scale, g->replicates,
                       g->seed ^ px_batch_fnv(PX_FNV_START, name, strlen(name)), row->fig);
    free(num);
    free(den);
    free(scale);
}

static void outlet_rows(const agg *g, agg_tables *t)
{
    size_t no = g->outlets.n;
    size_t *start = px_xcalloc(no + 1, sizeof *start), *fill = px_xcalloc(no + 1, sizeof *fill);
    for (size_t i = 0; i < g->stories.n; i++)
        for (uint32_t k = 0; k < g->stories.v[i].nsrc; k++)
            start[g->stories.v[i].src[k].outlet + 1]++;
    for (size_t o = 0; o < no; o++)
        start[o + 1] += start[o];
    const agg_src **src = px_xcalloc(start[no] + 1, sizeof *src);
    for (size_t i = 0; i < g->stories.n; i++)
        for (uint32_t k = 0; k < g->stories.v[i].nsrc; k++) {
            uint32_t o = g->stories.v[i].src[k].outlet;
            src[start[o] + fill[o]++] = &g->stories.v[i].src[k];
        }
    uint32_t *lexrank = ranks(g->lex_order, g->lexicons.n);
    t->outlets = px_xcalloc(no ? no : 1, sizeof *t->outlets);
    for (size_t r = 0; r < no; r++) {
        uint32_t o = g->outlet_order[r];
        if (fill[o] == 0)
            continue;
        agg_outlet_row *row = &t->outlets[t->noutlets++];
        row->outlet = o;
        outlet_row(g, lexrank, src + start[o], fill[o], row);
    }
    free(lexrank);
    free(src);
    free(start);
    free(fill);
}

typedef struct pair_ref {
    uint32_t a, b; /* outlet ranks, a < b */
    size_t story;  /* index in the sorted stories */
    const agg_pair *p;
} pair_ref;

static int cmp_ref(const void *pa, const void *pb)
{
    const pair_ref *x = pa, *y = pb;
    if (x->a != y->a)
        return x->a < y->a ? -1 : 1;
    if (x->b != y->b)
        return x->b < y->b ? -1 : 1;
    return x->story < y->story ? -1 : x->story > y->story;
}

static void pair_row(const agg *g, const pair_ref *refs, size_t n, agg_pair_row *row)
{
    double *num = px_xcalloc(2 * n, sizeof *num), *den = px_xcalloc(2 * n, sizeof *den);
    static const double scale[2] = {1.0, 1.0};
    for (size_t i = 0; i < n; i++) {
        num[2 * i] = (double)refs[i].p->both, den[2 * i] = (double)refs[i].p->either;
        num[2 * i + 1] = (double)refs[i].p->agree, den[2 * i + 1] = (double)refs[i].p->details;
        row->details += refs[i].p->details;
    }
    row->a = g->outlet_order[refs[0].a];
    row->b = g->outlet_order[refs[0].b];
    row->stories = n;
    const char *an = g->outlets.v[row->a], *bn = g->outlets.v[row->b];
    uint64_t seed = px_batch_fnv(px_batch_fnv(PX_FNV_START, an, strlen(an) + 1), bn, strlen(bn));
    px_ratio out[2];
    px_batch_bootstrap(num, den, n, 2, scale, g->replicates, g->seed ^ seed, out);
    row->jaccard = out[0];
    row->agreement = out[1];
    free(num);
    free(den);
}

static void pair_rows(const agg *g, agg_tables *t)
{
    uint32_t *rank = ranks(g->outlet_order, g->outlets.n);
    PX_VEC(pair_ref) refs = {0};
    for (size_t i = 0; i < g->stories.n; i++)
        for (uint32_t k = 0; k < g->stories.v[i].npairs; k++) {
            const agg_pair *p = &g->stories.v[i].pairs[k];
            uint32_t a = rank[p->a], b = rank[p->b];
            pair_ref r = {a < b ? a : b, a < b ? b : a, i, p};
            px_vec_push(refs, r);
        }
    if (refs.n)
        qsort(refs.v, refs.n, sizeof *refs.v, cmp_ref);
    t->pairs = px_xcalloc(refs.n ? refs.n : 1, sizeof *t->pairs);
    for (size_t i = 0; i < refs.n;) {
        size_t j = i;
        while (j < refs.n && refs.v[j].a == refs.v[i].a && refs.v[j].b == refs.v[i].b)
            j++;
        pair_row(g, refs.v + i, j - i, &t->pairs[t->npairs++]);
        i = j;
    }
    px_vec_free(refs);
    free(rank);
}

void px_agg_tables(const agg *g, agg_tables *t)
{
    memset(t, 0, sizeof *t);
    outlet_rows(g, t);
    pair_rows(g, t);
}

void px_agg_tables_free(agg_tables *t)
{
    for (size_t i = 0; i < t->noutlets; i++)
        free(t->outlets[i].fig);
    free(t->outlets);
    free(t->pairs);
    memset(t, 0, sizeof *t);
}

static void csv_field(px_buf *b, const char *s)
{
    px_csv_field(b, s, strlen(s));
}

void px_agg_num(px_buf *b, double v, int decimals)
{
    if (!isnan(v))
        px_buf_printf(b, "%.*f", decimals, v);
}

/* ",value,lo,hi" */
static void put_ratio(px_buf *b, px_ratio r, int decimals)
{
    px_buf_putc(b, ',');
    px_agg_num(b, r.value, decimals);
    px_buf_putc(b, ',');
    px_agg_num(b, r.lo, decimals);
    px_buf_putc(b, ',');
    px_agg_num(b, r.hi, decimals);
}

static void put_head3(px_buf *b, const char *name)
{
    px_buf_printf(b, ",%s,%s_lo,%s_hi", name, name, name);
}

/* ",warning": an interval over fewer than AGG_MIN_STORIES stories. */
static void put_warning(px_buf *b, size_t stories)
{
    px_buf_putc(b, ',');
    if (stories == 1)
        px_buf_puts(b, "based on 1 story; interval not meaningful");
    else if (stories < AGG_MIN_STORIES)
        px_buf_printf(b, "based on %zu stories; interval unreliable below %d", stories,
                      AGG_MIN_STORIES);
}

static void outlets_csv(const agg *g, const agg_tables *t, px_buf *b)
{
    px_buf_puts(b, "outlet,name,stories,facts_carried,words");
    static const char *const fixed[AGG_FIXED] = {"facts_per_story", "omission_rate", "unique_rate",
                                                 "conflict_rate"};
    for (size_t j = 0; j < AGG_FIXED; j++)
        put_head3(b, fixed[j]);
    for (size_t l = 0; l < g->lexicons.n; l++) {
        px_buf head;
        px_buf_init(&head, 0);
        const char *lex = g->lexicons.v[g->lex_order[l]];
        px_csv_key(&head, lex);
        px_buf_puts(&head, "_narration_per_1k");
        put_head3(b, head.data);
        px_buf_reset(&head);
        px_csv_key(&head, lex);
        px_buf_puts(&head, "_quotes_per_1k");
        put_head3(b, head.data);
        px_buf_free(&head);
    }
    px_buf_puts(b, ",warning\n");
    for (size_t r = 0; r < t->noutlets; r++) {
        const agg_outlet_row *row = &t->outlets[r];
        csv_field(b, g->outlets.v[row->outlet]);
        px_buf_putc(b, ',');
        csv_field(b, g->outlet_names.v[row->outlet]);
        px_buf_printf(b, ",%zu,%llu,%llu", row->stories, (unsigned long long)row->carried,
                      (unsigned long long)row->words);
        for (size_t j = 0; j < AGG_FIXED + 2 * g->lexicons.n; j++)
            put_ratio(b, row->fig[j], j == AGG_FACTS ? 2 : j < AGG_FIXED ? 4 : 3);
        put_warning(b, row->stories);
        px_buf_putc(b, '\n');
    }
}

static void pairs_csv(const agg *g, const agg_tables *t, px_buf *b)
{
    px_buf_puts(b, "outlet_a,outlet_b,stories,jaccard,jaccard_lo,jaccard_hi,details,"
                   "agreement,agreement_lo,agreement_hi,warning\n");
    for (size_t r = 0; r < t->npairs; r++) {
        const agg_pair_row *p = &t->pairs[r];
        csv_field(b, g->outlets.v[p->a]);
        px_buf_putc(b, ',');
        csv_field(b, g->outlets.v[p->b]);
        px_buf_printf(b, ",%zu", p->stories);
        put_ratio(b, p->jaccard, 4);
        px_buf_printf(b, ",%llu", (unsigned long long)p->details);
        put_ratio(b, p->agreement, 4);
        put_warning(b, p->stories);
        px_buf_putc(b, '\n');
    }
}

/* A rate per 1,000 words, or an empty field without words. */
static void put_rate(px_buf *b, uint64_t hits, uint64_t words)
{
    px_buf_putc(b, ',');
    if (words)
        px_buf_printf(b, "%.3f", 1000.0 * (double)hits / (double)words);
}

/* One row per outlet per story: the counts of index.jsonl, flat, with every
 * framing key's narration and quotation hits and rates (doc/codebook.md). */
static void outlet_story_csv(const agg *g, px_buf *b)
{
    px_buf_puts(b, "story,outlet,name,words,narration_words,quoted_words,story_facts,"
                   "facts_carried,facts_only_here,facts_shared,facts_omitted,facts_omittable,"
                   "facts_not_shown,conflicts");
    for (size_t l = 0; l < g->lexicons.n; l++) {
        static const char *const tails[] = {"_narration", "_quoted", "_narration_per_1k",
                                            "_quoted_per_1k"};
        for (size_t t = 0; t < 4; t++) {
            px_buf_putc(b, ',');
            px_csv_key(b, g->lexicons.v[g->lex_order[l]]);
            px_buf_puts(b, tails[t]);
        }
    }
    px_buf_putc(b, '\n');
    uint32_t *rank = ranks(g->lex_order, g->lexicons.n);
    uint64_t *nq = px_xcalloc(2 * g->lexicons.n + 1, sizeof *nq);
    for (size_t i = 0; i < g->stories.n; i++) {
        const agg_story *st = &g->stories.v[i];
        for (uint32_t k = 0; k < st->nsrc; k++) {
            const agg_src *s = &st->src[k];
            uint64_t qw = s->quoted_words < s->words ? s->quoted_words : s->words;
            csv_field(b, st->id);
            px_buf_putc(b, ',');
            csv_field(b, g->outlets.v[s->outlet]);
            px_buf_putc(b, ',');
            csv_field(b, s->name);
            px_buf_printf(b, ",%llu,%llu,%llu,%llu,%llu,%llu,%llu,%llu,%llu,%llu,%llu",
                          (unsigned long long)s->words, (unsigned long long)(s->words - qw),
                          (unsigned long long)qw, (unsigned long long)st->facts,
                          (unsigned long long)s->carried, (unsigned long long)s->unique,
                          (unsigned long long)s->shared, (unsigned long long)s->omitted,
                          (unsigned long long)s->eligible, (unsigned long long)s->not_shown,
                          (unsigned long long)s->conflicts);
            memset(nq, 0, (2 * g->lexicons.n + 1) * sizeof *nq);
            for (uint32_t x = 0; x < s->nlex; x++) {
                size_t at = 2 * (size_t)rank[s->lex[x].lex];
                nq[at] = s->lex[x].narration;
                nq[at + 1] = s->lex[x].quoted;
            }
            for (size_t l = 0; l < g->lexicons.n; l++) {
                px_buf_printf(b, ",%llu,%llu", (unsigned long long)nq[2 * l],
                              (unsigned long long)nq[2 * l + 1]);
                put_rate(b, nq[2 * l], s->words - qw);
                put_rate(b, nq[2 * l + 1], qw);
            }
            px_buf_putc(b, '\n');
        }
    }
    free(nq);
    free(rank);
}

static void stories_csv(const agg *g, px_buf *b)
{
    px_buf_puts(b, "story,title,outlets,facts,shared_facts,facts_all_carry,single_outlet_facts,"
                   "conflicts,words\n");
    for (size_t i = 0; i < g->stories.n; i++) {
        const agg_story *s = &g->stories.v[i];
        csv_field(b, s->id);
        px_buf_putc(b, ',');
        csv_field(b, s->title);
        px_buf_printf(b, ",%llu,%llu,%llu,%llu,%llu,%llu,%llu\n", (unsigned long long)s->outlets,
                      (unsigned long long)s->facts, (unsigned long long)s->shared,
                      (unsigned long long)s->all, (unsigned long long)(s->facts - s->shared),
                      (unsigned long long)s->conflicts, (unsigned long long)s->words);
    }
}

px_status px_agg_write_csv(const agg *g, const agg_tables *t, const char *outdir, px_error *err)
{
    px_buf b;
    px_buf_init(&b, 0);
    outlets_csv(g, t, &b);
    px_status st = px_batch_write(outdir, "outlets.csv", b.data, b.len, err);
    px_buf_reset(&b);
    pairs_csv(g, t, &b);
    if (st == PX_OK)
        st = px_batch_write(outdir, "pairs.csv", b.data, b.len, err);
    px_buf_reset(&b);
    stories_csv(g, &b);
    if (st == PX_OK)
        st = px_batch_write(outdir, "stories.csv", b.data, b.len, err);
    px_buf_reset(&b);
    outlet_story_csv(g, &b);
    if (st == PX_OK)
        st = px_batch_write(outdir, "outlet_story.csv", b.data, b.len, err);
    px_buf_free(&b);
    return st;
}
