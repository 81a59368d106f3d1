/*
 * summary.c — summary.html: the aggregate's tables as one self-contained
 * page (inline CSS and SVG, no scripts, no network), every name and title
 * escaped. Bars show a rate with its 95% interval as a whisker; framing
 * charts put each outlet's hits per 1,000 words on one shared scale per
 * lexicon. It reads only the tables; nothing here computes a figure, and
 * nothing depends on how the stories were split into shards.
 */
#include <math.h>
#include <string.h>

#include "batch/aggregate.h"

#define BAR_W 100

static void esc(px_buf *b, const char *s)
{
    if (s)
        px_html_escape(b, s, strlen(s));
}

static const char style[] =
    "body{font:15px/1.45 system-ui,sans-serif;margin:2em auto;max-width:72em;padding:0 1em;"
    "color:#222}h1{font-size:1.6em}h2{margin-top:2em;border-bottom:1px solid #ccc}"
    "table{border-collapse:collapse;margin:.5em 0}td,th{padding:.2em .6em;text-align:right;"
    "border-bottom:1px solid "
    "#eee;vertical-align:middle;white-space:nowrap}td.t{white-space:normal}td:first-child,th:first-"
    "child,"
    "td.t{text-align:left}th{background:#f4f4f4}.meta{color:#555}.ci{color:#777;"
    "font-size:.85em}svg{display:block}.bar{fill:#4a7ab7}.wh{stroke:#222;stroke-width:1.2}"
    ".dot{fill:#b7472a}.axis{stroke:#bbb}\n";

/* "0.123 [0.100, 0.150]" with the interval in grey. */
static void ratio_cell(px_buf *b, px_ratio r, int decimals)
{
    px_buf_puts(b, "<td>");
    if (isnan(r.value)) {
        px_buf_puts(b, "–</td>");
        return;
    }
    px_agg_num(b, r.value, decimals);
    if (!isnan(r.lo)) {
        px_buf_puts(b, " <span class=ci>[");
        px_agg_num(b, r.lo, decimals);
        px_buf_puts(b, ", ");
        px_agg_num(b, r.hi, decimals);
        px_buf_puts(b, "]</span>");
    }
    px_buf_puts(b, "</td>");
}

/* A bar for a rate in [0,1] with its interval as a whisker. */
static void bar_cell(px_buf *b, px_ratio r)
{
    px_buf_printf(b, "<td><svg width=%d height=14 role=img>", BAR_W);
    if (!isnan(r.value)) {
        px_buf_printf(b, "<rect class=bar x=0 y=3 height=8 width=%.1f />", r.value * BAR_W);
        if (!isnan(r.lo))
            px_buf_printf(b, "<line class=wh x1=%.1f x2=%.1f y1=7 y2=7 />", r.lo * BAR_W,
                          r.hi * BAR_W);
    }
    px_buf_puts(b, "</svg></td>");
}

static void outlets_table(const agg *g, const agg_tables *t, px_buf *b)
{
    px_buf_puts(b, "<h2>Outlets</h2>\n<p>Rates are sums over the stories each outlet covers; "
                   "grey brackets and whiskers are 95% bootstrap intervals over stories.</p>\n"
                   "<table><tr><th>outlet</th><th>stories</th><th>facts per story</th>"
                   "<th colspan=2>omission rate</th><th colspan=2>unique-fact rate</th>"
                   "<th colspan=2>conflict rate</th></tr>\n");
    for (size_t r = 0; r < t->noutlets; r++) {
        const agg_outlet_row *row = &t->outlets[r];
        const char *id = g->outlets.v[row->outlet], *name = g->outlet_names.v[row->outlet];
        px_buf_puts(b, "<tr><td>");
        esc(b, name);
        if (strcmp(id, name) != 0) { /* the id as in the CSV files */
            px_buf_puts(b, " <span class=ci>");
            esc(b, id);
            px_buf_puts(b, "</span>");
        }
        px_buf_printf(b, "</td><td>%zu", row->stories);
        if (row->stories < AGG_MIN_STORIES) /* as outlets.csv's warning column */
            px_buf_puts(b, " <span class=ci>(too few stories: intervals not meaningful)</span>");
        px_buf_puts(b, "</td>");
        ratio_cell(b, row->fig[AGG_FACTS], 2);
        for (int j = AGG_OMISSION; j <= AGG_CONFLICT; j++) {
            ratio_cell(b, row->fig[j], 3);
            bar_cell(b, row->fig[j]);
        }
        px_buf_puts(b, "</tr>\n");
    }
    px_buf_puts(b, "</table>\n");
}

/* Dot-and-whisker chart of figure j for every outlet, on one scale. */
static void framing_chart(const agg *g, const agg_tables *t, size_t j, px_buf *b)
{
    double max = 0;
    for (size_t r = 0; r < t->noutlets; r++) {
        px_ratio f = t->outlets[r].fig[j];
        double top = !isnan(f.hi) ? f.hi : f.value;
        if (!isnan(top) && top > max)
            max = top;
    }
    if (max <= 0)
        max = 1;
    int w = 420, row_h = 18, left = 150;
    px_buf_printf(b, "<svg width=%d height=%d role=img>", left + w + 60,
                  (int)t->noutlets * row_h + 20);
    for (size_t r = 0; r < t->noutlets; r++) {
        px_ratio f = t->outlets[r].fig[j];
        int y = (int)r * row_h + 12;
        px_buf_printf(b, "<text x=%d y=%d text-anchor=end font-size=12>", left - 8, y + 4);
        esc(b, g->outlet_names.v[t->outlets[r].outlet]);
        px_buf_puts(b, "</text>");
        px_buf_printf(b, "<line class=axis x1=%d x2=%d y1=%d y2=%d />", left, left + w, y, y);
        if (isnan(f.value))
            continue;
        if (!isnan(f.lo))
            px_buf_printf(b, "<line class=wh x1=%.1f x2=%.1f y1=%d y2=%d />", left + f.lo / max * w,
                          left + f.hi / max * w, y, y);
        px_buf_printf(b, "<circle class=dot cx=%.1f cy=%d r=4 />", left + f.value / max * w, y);
        px_buf_printf(b, "<text x=%d y=%d font-size=11>%.2f</text>", left + w + 8, y + 4, f.value);
    }
    px_buf_printf(b,
                  "<text x=%d y=%d font-size=11>0</text><text x=%d y=%d font-size=11 "
                  "text-anchor=end>%.2f</text></svg>\n",
                  left, (int)t->noutlets * row_h + 18, left + w, (int)t->noutlets * row_h + 18,
                  max);
}

static void framing(const agg *g, const agg_tables *t, px_buf *b)
{
    if (g->lexicons.n == 0 || t->noutlets == 0)
        return;
    px_buf_puts(b, "<h2>Framing</h2>\n<p>Lexicon hits per 1,000 words: in the outlet's own "
                   "narration, and inside the quotations it prints. Dots are the figure over "
                   "all its stories, whiskers the 95% interval.</p>\n");
    for (size_t l = 0; l < g->lexicons.n; l++) {
        if (strchr(g->lexicons.v[g->lex_order[l]], '.'))
            continue; /* a category ("loaded.combative"): outlets.csv has it, the page not */
        px_buf_puts(b, "<h3>");
        esc(b, g->lexicons.v[g->lex_order[l]]);
        px_buf_puts(b, " — narration</h3>\n");
        framing_chart(g, t, AGG_FIXED + 2 * l, b);
        px_buf_puts(b, "<h3>");
        esc(b, g->lexicons.v[g->lex_order[l]]);
        px_buf_puts(b, " — quotations</h3>\n");
        framing_chart(g, t, AGG_FIXED + 2 * l + 1, b);
    }
}

static void pairs_table(const agg *g, const agg_tables *t, px_buf *b)
{
    px_buf_puts(b, "<h2>Pairs of outlets</h2>\n<p>Fact overlap is the Jaccard index of the "
                   "facts two outlets carry in the stories both cover; agreement is the share "
                   "of disputed details (numbers, dates, names) on which they give the same "
                   "value.</p>\n<table><tr><th>outlet</th><th class=t>outlet</th>"
                   "<th>stories</th><th colspan=2>fact overlap</th><th>disputed details</th>"
                   "<th>agreement</th></tr>\n");
    for (size_t r = 0; r < t->npairs; r++) {
        const agg_pair_row *p = &t->pairs[r];
        px_buf_puts(b, "<tr><td>");
        esc(b, g->outlet_names.v[p->a]);
        px_buf_puts(b, "</td><td class=t>");
        esc(b, g->outlet_names.v[p->b]);
        px_buf_printf(b, "</td><td>%zu</td>", p->stories);
        ratio_cell(b, p->jaccard, 3);
        bar_cell(b, p->jaccard);
        px_buf_printf(b, "<td>%llu</td>", (unsigned long long)p->details);
        ratio_cell(b, p->agreement, 3);
        px_buf_puts(b, "</tr>\n");
    }
    px_buf_puts(b, "</table>\n");
}

static void stories_table(const agg *g, px_buf *b)
{
    px_buf_printf(b,
                  "<h2>Stories</h2>\n<details><summary>All %zu stor%s</summary>\n"
                  "<table><tr><th>story</th><th class=t>title</th><th>outlets</th>"
                  "<th>facts</th><th>carried by all</th><th>by one</th>"
                  "<th>with conflicts</th><th>words</th></tr>\n",
                  g->stories.n, g->stories.n == 1 ? "y" : "ies");
    for (size_t i = 0; i < g->stories.n; i++) {
        const agg_story *s = &g->stories.v[i];
        px_buf_puts(b, "<tr><td>");
        esc(b, s->id);
        px_buf_puts(b, "</td><td class=t>");
        esc(b, s->title);
        px_buf_printf(b,
                      "</td><td>%llu</td><td>%llu</td><td>%llu</td><td>%llu</td>"
                      "<td>%llu</td><td>%llu</td></tr>\n",
                      (unsigned long long)s->outlets, (unsigned long long)s->facts,
                      (unsigned long long)s->all, (unsigned long long)(s->facts - s->shared),
                      (unsigned long long)s->conflicts, (unsigned long long)s->words);
    }
    px_buf_puts(b, "</table></details>\n");
}

px_status px_agg_write_html(const agg *g, const agg_tables *t, const char *outdir, px_error *err)
{
    px_buf b;
    px_buf_init(&b, 0);
    px_buf_printf(&b,
                  "<!doctype html>\n<html lang=en><head><meta charset=utf-8>"
                  "<title>Parallax: %zu outlet%s over %zu stor%s</title><style>%s</style>"
                  "</head><body>\n<h1>%zu outlet%s over %zu stor%s</h1>\n",
                  t->noutlets, t->noutlets == 1 ? "" : "s", g->stories.n,
                  g->stories.n == 1 ? "y" : "ies", style, t->noutlets, t->noutlets == 1 ? "" : "s",
                  g->stories.n, g->stories.n == 1 ? "y" : "ies");
    px_buf_printf(&b,
                  "<p class=meta>parallax %s · %zu stor%s analysed · %zu failed · %zu "
                  "skipped (fewer than two outlets) · intervals from %u bootstrap "
                  "resamples of stories, seed %llu</p>\n",
                  px_version(), g->stories.n, g->stories.n == 1 ? "y" : "ies",
                  px_map_count(g->failed), px_map_count(g->skipped), g->replicates,
                  (unsigned long long)g->seed);
    outlets_table(g, t, &b);
    framing(g, t, &b);
    pairs_table(g, t, &b);
    stories_table(g, &b);
    px_buf_puts(&b, "</body></html>\n");
    px_status st = px_batch_write(outdir, "summary.html", b.data, b.len, err);
    px_buf_free(&b);
    return st;
}
