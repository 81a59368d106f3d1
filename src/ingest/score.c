/*
 * score.c — which element of a flattened page holds the article, and which
 * of its paragraphs are article text.
 *
 * Every paragraph gets a value: prose (enough words, punctuation, few
 * links) counts its unlinked characters, link lists and text inside chrome
 * (blocks named related, share, newsletter, comments, ads; nav, aside,
 * header, footer; hidden blocks) count against, short text counts nothing
 * (unless the page has no prose at all). The article is the element whose
 * paragraphs sum highest — the best subtree — with a bonus for elements
 * named as the body (article-body, itemprop=articleBody). This keeps a body
 * split into several blocks together (their common parent sums higher)
 * while a comments section or a related-stories rail beside it pulls the
 * sum down.
 *
 * Chrome names are overruled when the block holds most of the page's prose:
 * a wrapper called "content-with-sidebar" is still the article.
 *
 * Every rule here was checked on the development pages split in two halves
 * by site (issue 15): each helps pages of several sites and harms neither
 * half. Rules that helped one site only, or helped one half and harmed the
 * other, were dropped: a linked paragraph ending in "…" as a teaser, small
 * "cards" opening with a linked headline, a bonus for <article>/<main>,
 * lists of mostly linked items, a lone linked heading as a link run.
 *
 * Hands on: px_flat_main (the element) and px_flat_select (the paragraphs
 * of it to keep) to html.c.
 */
#include <stdlib.h>
#include <string.h>

#include "ingest/dom.h"

#define SHORT_VALUE                                                                                \
    0.25                 /* what a character of short, non-prose text is worth when                \
                            the page has no prose at all */
#define LINK_RUN 3       /* this many linked lines in a row are a list of links */
#define CHROME_COST 1.0  /* what a character of chrome costs a block, against one of prose */
#define CHROME_SHARE 0.5 /* chrome names count unless the block holds this share of the prose */

static bool is_prose(const px_para *p)
{
    return p->words >= 10 && p->stops >= 1 && p->links * 2 < p->chars;
}

/* What a paragraph says about the block around it, chrome aside. */
static double para_value(const px_para *p, double short_value)
{
    double text = (double)(p->chars - p->links);
    if (p->kind & P_CAPTION)
        return -0.25 * p->chars;
    if (p->links * 2 > p->chars)
        return p->stops >= 3 && p->words >= 30 ? text - p->links : -(double)p->chars;
    if (is_prose(p))
        return text - p->links;
    return short_value * text - p->links;
}

static bool chrome_elem(const px_elem *e)
{
    if (e->tag & T_NAV)
        return true;
    return (e->tag & T_CHROME) ||
           (e->hints & (H_BAD | H_WEAK | H_HIDDEN | H_CAPTION | H_BYLINE | H_DATE));
}

/* Prose mass: the positive value of each paragraph, summed as a prefix. */
static double *prose_prefix(const px_flat *pg)
{
    double *pre = px_xmalloc((pg->paras.n + 1) * sizeof *pre);
    pre[0] = 0;
    for (size_t i = 0; i < pg->paras.n; i++) {
        double v = para_value(&pg->paras.v[i], SHORT_VALUE);
        pre[i + 1] = pre[i] + (v > 0 ? v : 0);
    }
    return pre;
}

/* Mark the paragraphs inside chrome elements under [lo, hi) of elems: a
 * count per paragraph, so nested chrome nests. share is the prose mass
 * above which a chrome name is overruled. */
static void mark_chrome(const px_flat *pg, size_t lo, size_t hi, const double *mass, double share,
                        int *inside)
{
    int *diff = px_xcalloc(pg->paras.n + 1, sizeof *diff);
    for (size_t i = lo; i < hi; i++) {
        const px_elem *e = &pg->elems.v[i];
        if (!chrome_elem(e) || e->first >= e->last)
            continue;
        double m = mass[e->last] - mass[e->first];
        if (!(e->tag & T_NAV) && m > share)
            continue;
        diff[e->first]++;
        diff[e->last]--;
    }
    int run = 0;
    for (size_t p = 0; p < pg->paras.n; p++) {
        run += diff[p];
        inside[p] = run;
    }
    free(diff);
}

static double bonus(const px_elem *e)
{
    double b = 1.0;
    if (e->hints & H_BEST)
        b *= 1.25;
    else if (e->hints & H_GOOD)
        b *= 1.05;
    return b;
}

/* The score of element i as the article's container (0 if it cannot be). */
static double candidate_score(const px_flat *pg, const double *sum, size_t i)
{
    const px_elem *e = &pg->elems.v[i];
    if (!(e->tag & (T_BLOCK | T_CELL)) || (e->tag & (T_PARA | T_HEADING | T_ITEM)) ||
        e->first >= e->last)
        return 0;
    return (sum[e->last] - sum[e->first]) * bonus(e);
}

/* The best-scoring block when a character of short text is worth
 * short_value (and one of prose 1). */
static uint32_t best_block(const px_flat *pg, const int *inside, double short_value)
{
    double *sum = px_xmalloc((pg->paras.n + 1) * sizeof *sum);
    sum[0] = 0;
    for (size_t i = 0; i < pg->paras.n; i++) {
        const px_para *p = &pg->paras.v[i];
        double v = inside[i] ? -CHROME_COST * p->chars : para_value(p, short_value);
        sum[i + 1] = sum[i] + v;
    }
    uint32_t best = UINT32_MAX;
    double top = 0;
    for (size_t i = 0; i < pg->elems.n; i++) {
        double s = candidate_score(pg, sum, i);
        /* later (deeper) elements win ties: the tightest block */
        if (s > 0 && s >= top) {
            best = (uint32_t)i;
            top = s;
        }
    }
    free(sum);
    return best;
}

/* Prose decides where the article is: short text (labels, menus without
 * links, a sidebar's lines) then pulls no block its way. Only a page
 * without prose is judged on its short text. */
uint32_t px_flat_main(const px_flat *pg)
{
    if (pg->paras.n == 0 || pg->elems.n == 0)
        return UINT32_MAX;
    double *mass = prose_prefix(pg);
    int *inside = px_xmalloc(pg->paras.n * sizeof *inside);
    mark_chrome(pg, 0, pg->elems.n, mass, CHROME_SHARE * mass[pg->paras.n], inside);
    uint32_t best = best_block(pg, inside, 0);
    if (best == UINT32_MAX)
        best = best_block(pg, inside, SHORT_VALUE);
    free(inside);
    free(mass);
    return best;
}

static bool linky(const px_para *p)
{
    return p->links * 2 > p->chars;
}

/* A linked line set in capitals, or several linked lines in one block:
 * promotion for other stories. */
static bool promo(const px_flat *pg, const px_para *p)
{
    const char *s = pg->text.data + p->start;
    size_t upper = 0, lower = 0;
    for (size_t i = 0; i < p->len; i++) {
        if (s[i] == '\n')
            return true;
        upper += s[i] >= 'A' && s[i] <= 'Z';
        lower += s[i] >= 'a' && s[i] <= 'z';
    }
    return upper >= 10 && upper >= 4 * lower;
}

/* Links in the body: a lone linked line ("Get it on Amazon for $39") is
 * text, but a run of linked lines or a linked line in capitals are links
 * to elsewhere (related stories, tags). */
static void drop_link_runs(const px_flat *pg, const px_elem *main, bool *keep)
{
    size_t run = 0, start = 0;
    for (size_t i = main->first; i <= main->last; i++) {
        if (i < main->last && !keep[i])
            continue;
        if (i < main->last && linky(&pg->paras.v[i])) {
            if (run++ == 0)
                start = i;
            continue;
        }
        for (size_t k = start; run && k < i; k++) {
            const px_para *p = &pg->paras.v[k];
            if (keep[k] && (run >= LINK_RUN || promo(pg, p)))
                keep[k] = false;
        }
        run = 0;
    }
}

void px_flat_select(const px_flat *pg, uint32_t m, bool *keep)
{
    memset(keep, 0, pg->paras.n * sizeof *keep);
    if (m >= pg->elems.n)
        return;
    const px_elem *main = &pg->elems.v[m];
    double *mass = prose_prefix(pg);
    int *inside = px_xcalloc(pg->paras.n, sizeof *inside);
    double share = CHROME_SHARE * (mass[main->last] - mass[main->first]);
    mark_chrome(pg, m + 1, main->end, mass, share, inside);
    for (size_t i = main->first; i < main->last; i++) {
        const px_para *p = &pg->paras.v[i];
        keep[i] = !inside[i] && !(p->kind & (P_CAPTION | P_DATE));
    }
    drop_link_runs(pg, main, keep);
    free(inside);
    free(mass);
}
