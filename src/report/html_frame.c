/*
 * html_frame.c — framing: small-multiple bar charts in inline SVG, one per
 * lexicon category, the outlets side by side on one scale per lexicon. The
 * headline bar is the outlet's own narration (hits per 1,000 words of
 * narration, solid); quotations (a speaker's words, per 1,000 quoted words)
 * get a thin hatched bar beside it, never added in. Each bar links to its
 * evidence list: the terms found, grouped, with links to their sentences
 * and the neutral wording a lexicon offers.
 *
 * Charts carry a <title> and a <desc> with the figures, so a screen reader
 * gets the numbers the bars show.
 */
#include <math.h>

#include "report/html.h"

/* Each outlet's row: its name on a line of its own above its bars, so a
 * long name is never cut at the chart's left edge (a name longer than the
 * chart's width is shortened with "…", whole in the bar's title). */
enum { CHART_W = 300, ROW_H = 38, NAME_H = 13, LABEL_W = 0, VALUE_W = 40, NAME_CHARS = 42 };

/* Escape at most max code points of s, adding "…" when cut. */
static void escape_cut(px_buf *b, const char *s, size_t max)
{
    size_t n = strlen(s), i = 0, cps = 0;
    while (i < n && cps < max) {
        i++;
        while (i < n && ((unsigned char)s[i] & 0xC0) == 0x80)
            i++;
        cps++;
    }
    px_html_escape(b, s, i);
    if (i < n)
        px_buf_puts(b, "…");
}

/* The outlet's name over its row, starting at the chart's left edge. */
static void row_name(const px_story *s, px_buf *b, uint32_t i, double y)
{
    px_buf_printf(b, "<text class=\"nm\" x=\"0\" y=\"%.0f\">", y + NAME_H - 2);
    escape_cut(b, px_story_outlet(s, i), NAME_CHARS);
    px_buf_puts(b, "</text>");
}

static double lexicon_max(const px_story *s, uint32_t l)
{
    double max = 1;
    const px_lexicon *L = px_lexset_get(s->lexicons, l);
    for (uint32_t i = 0; i < s->nsources; i++)
        for (size_t c = 0; c < L->ncategories; c++) {
            px_score sc = px_report_score(s, i, l, (int32_t)c);
            double v =
                sc.narration_per_1k > sc.quoted_per_1k ? sc.narration_per_1k : sc.quoted_per_1k;
            if (v > max)
                max = v;
        }
    return max;
}

static void bar(const px_story *s, px_buf *b, uint32_t i, uint32_t l, int32_t c, double scale)
{
    px_score sc = px_report_score(s, i, l, c);
    double y = 4 + i * ROW_H, wn = sc.narration_per_1k * scale, wq = sc.quoted_per_1k * scale;
    row_name(s, b, i, y);
    y += NAME_H;
    if (sc.hits)
        px_buf_printf(b, "<a href=\"#ev-o%u-l%u-c%d\">", i + 1, l, c);
    px_buf_puts(b, "<title>");
    ESC(b, px_story_outlet(s, i));
    px_buf_printf(b,
                  ": %.1f per 1,000 words of narration (%zu hit%s); inside quotations, apart, "
                  "%.1f per 1,000 quoted words (%zu)</title>",
                  sc.narration_per_1k, sc.narration, sc.narration == 1 ? "" : "s", sc.quoted_per_1k,
                  sc.quoted);
    if (wn > 0)
        px_buf_printf(b, "<rect class=\"bn\" x=\"%d\" y=\"%.0f\" width=\"%.1f\" height=\"13\"/>",
                      LABEL_W, y + 2, wn);
    if (wq > 0.05)
        px_buf_printf(b, "<rect class=\"bq\" x=\"%d\" y=\"%.0f\" width=\"%.1f\" height=\"5\"/>",
                      LABEL_W, y + 16, wq);
    px_buf_printf(b, "<text x=\"%.1f\" y=\"%.0f\">%.1f</text>", LABEL_W + wn + 4, y + 13,
                  sc.narration_per_1k);
    if (sc.quoted)
        px_buf_printf(b, "<text class=\"qv\" x=\"%.1f\" y=\"%.0f\">q %.1f</text>", LABEL_W + wq + 4,
                      y + 23, sc.quoted_per_1k);
    if (sc.hits)
        px_buf_puts(b, "</a>");
}

static void chart(const px_story *s, px_buf *b, uint32_t l, int32_t c, double max)
{
    const px_lexicon *L = px_lexset_get(s->lexicons, l);
    const char *cat = px_report_category_label(L, (size_t)c);
    double scale = (CHART_W - LABEL_W - VALUE_W) / max;
    int h = (int)(s->nsources * ROW_H + 8);
    px_buf_printf(b, "<figure class=\"chart\"><figcaption id=\"ch-l%u-c%d\">", l, c);
    ESC(b, cat);
    px_buf_printf(b,
                  " <span class=\"mut\">per 1,000 words of narration</span></figcaption>"
                  "<svg viewBox=\"0 0 %d %d\" role=\"img\" aria-labelledby=\"cht-l%u-c%d "
                  "chd-l%u-c%d\"><title id=\"cht-l%u-c%d\">",
                  CHART_W, h, l, c, l, c, l, c);
    ESC(b, px_report_lexicon_label(L));
    px_buf_puts(b, ", ");
    ESC(b, cat);
    px_buf_printf(b,
                  ": hits per 1,000 words of narration by outlet, quotations apart</title>"
                  "<desc id=\"chd-l%u-c%d\">",
                  l, c);
    for (uint32_t i = 0; i < s->nsources; i++) {
        px_score sc = px_report_score(s, i, l, c);
        ESC(b, px_story_outlet(s, i));
        px_buf_printf(b, " %.1f in narration (%zu hits), %.1f in quotations (%zu)%s",
                      sc.narration_per_1k, sc.narration, sc.quoted_per_1k, sc.quoted,
                      i + 1 < s->nsources ? "; " : ".");
    }
    px_buf_printf(b, "</desc><line class=\"ax\" x1=\"%d\" y1=\"2\" x2=\"%d\" y2=\"%d\"/>", LABEL_W,
                  LABEL_W, h - 2);
    for (uint32_t i = 0; i < s->nsources; i++)
        bar(s, b, i, l, c, scale);
    px_buf_puts(b, "</svg></figure>");
}

/* x of value v on the slant chart: zero in the middle of the room left
 * between the names and a value's width on either side. */
static double slant_x(double v, double scale)
{
    return LABEL_W + VALUE_W + (CHART_W - LABEL_W - 2.0 * VALUE_W) / 2.0 + v * scale;
}

/* One outlet's slant: a bar from zero (right: boosting outweighs attacking,
 * left: the reverse) and a whisker for the 95% interval of its difference
 * from the story median, drawn around the median's line. */
static void slant_bar(const px_story *s, px_buf *b, uint32_t i, uint32_t l, double scale)
{
    const px_contrast *c = px_report_contrast(s, i, l, PX_FIG_SLANT);
    double y = 4 + i * ROW_H, x0 = slant_x(0, scale), x = slant_x(c->rate, scale);
    row_name(s, b, i, y);
    y += NAME_H;
    px_buf_printf(b, "<g class=\"%s\"><title>", c->reading ? "sl clear" : "sl");
    ESC(b, px_story_outlet(s, i));
    px_buf_puts(b, ": ");
    px_buf t;
    px_buf_init(&t, 0);
    px_report_reading(&t, s, i, l, PX_FIG_SLANT, false);
    px_html_escape(b, t.data, t.len);
    px_buf_free(&t);
    px_buf_printf(b,
                  "</title><rect class=\"bn\" x=\"%.1f\" y=\"%.0f\" width=\"%.1f\" "
                  "height=\"13\"/>",
                  x < x0 ? x : x0, y + 2, fabs(x - x0));
    double w0 = slant_x(c->reference + c->lo, scale), w1 = slant_x(c->reference + c->hi, scale);
    px_buf_printf(b, "<path class=\"wh\" d=\"M%.1f %.0fH%.1fM%.1f %.0fV%.0fM%.1f %.0fV%.0f\"/>", w0,
                  y + 19, w1, w0, y + 16, y + 22, w1, y + 16, y + 22);
    px_buf_printf(b, "<text x=\"%.1f\" y=\"%.0f\"%s>%+.1f</text></g>", x < x0 ? x - 4 : x + 4,
                  y + 13, x < x0 ? " text-anchor=\"end\"" : "", c->rate);
}

/* The slant of a lexicon with directions: boosting minus attacking hits
 * per 1,000 words of narration, outlets side by side around zero. */
static void slant_chart(const px_story *s, px_buf *b, uint32_t l)
{
    if (!px_report_contrast(s, 0, l, PX_FIG_SLANT))
        return;
    double max = 1;
    for (uint32_t i = 0; i < s->nsources; i++) {
        const px_contrast *c = px_report_contrast(s, i, l, PX_FIG_SLANT);
        double m =
            fmax(fabs(c->rate), fmax(fabs(c->reference + c->lo), fabs(c->reference + c->hi)));
        max = m > max ? m : max;
    }
    double scale = (CHART_W - LABEL_W - 2.0 * VALUE_W) / 2.0 / max;
    int h = (int)(s->nsources * ROW_H + 8);
    double xm = slant_x(px_report_contrast(s, 0, l, PX_FIG_SLANT)->reference, scale);
    px_buf_printf(b,
                  "<figure class=\"chart slant\"><figcaption id=\"ch-l%u-sl\">slant <span "
                  "class=\"mut\">boosting minus attacking, per 1,000 words of narration"
                  "</span></figcaption><svg viewBox=\"0 0 %d %d\" role=\"img\" "
                  "aria-labelledby=\"cht-l%u-sl chd-l%u-sl\"><title id=\"cht-l%u-sl\">",
                  l, CHART_W, h, l, l, l);
    ESC(b, px_report_lexicon_label(px_lexset_get(s->lexicons, l)));
    px_buf_printf(b,
                  ", slant: boosting minus attacking hits per 1,000 words of narration by "
                  "outlet</title><desc id=\"chd-l%u-sl\">",
                  l);
    for (uint32_t i = 0; i < s->nsources; i++) {
        const px_contrast *c = px_report_contrast(s, i, l, PX_FIG_SLANT);
        ESC(b, px_story_outlet(s, i));
        px_buf_printf(b, " %+.1f (%s)%s", c->rate,
                      c->reading > 0   ? "clearly up"
                      : c->reading < 0 ? "clearly down"
                                       : "noise",
                      i + 1 < s->nsources ? "; " : ".");
    }
    px_buf_printf(b,
                  "</desc><line class=\"ax\" x1=\"%.1f\" y1=\"2\" x2=\"%.1f\" y2=\"%d\"/>"
                  "<line class=\"md\" x1=\"%.1f\" y1=\"2\" x2=\"%.1f\" y2=\"%d\"/>",
                  slant_x(0, scale), slant_x(0, scale), h - 2, xm, xm, h - 2);
    for (uint32_t i = 0; i < s->nsources; i++)
        slant_bar(s, b, i, l, scale);
    px_buf_puts(b, "</svg><p class=\"mut\">Right of zero: more boosting than attacking "
                   "language. Dashed: the story median; whiskers: the 95% interval of each "
                   "outlet's difference from it. A bar in bold differs clearly; the others are "
                   "within the noise.</p></figure>");
}

/* The hits of one outlet in one category, grouped by lexicon entry (the
 * compare stage's evidence). */
static void evidence_category(const px_story *s, px_buf *b, uint32_t i, uint32_t l, int32_t c)
{
    const px_source_frame *fr = &s->frames[i];
    const px_lexicon *L = px_lexset_get(s->lexicons, l);
    const px_lexicon_compare *lc = &s->compare.sources[i].lexicons[l];
    px_score sc = px_report_score(s, i, l, c);
    px_buf_printf(b, "<li id=\"ev-o%u-l%u-c%d\"><strong>", i + 1, l, c);
    ESC(b, px_report_category_label(L, (size_t)c));
    px_buf_printf(b, "</strong> <span class=\"mut\">(%zu in narration, %zu quoted)</span>:",
                  sc.narration, sc.quoted);
    const char *sep = " ";
    for (size_t g = 0; g < lc->nevidence; g++) {
        const px_evidence *ev = &lc->evidence[g];
        const px_hit *hit = &fr->hits[ev->hits[0]];
        const px_lex_entry *e = &L->entries[ev->entry];
        if ((int32_t)ev->category != c)
            continue;
        px_buf_printf(b, "%s<mark class=\"h h%u\">", sep, px_report_lexicon_style(s, l));
        px_html_escape(b, s->docs[i]->text + hit->start, hit->end - hit->start);
        px_buf_puts(b, "</mark>");
        if (e->neutral) {
            px_buf_puts(b, " <span class=\"mut\">→ ");
            ESC(b, e->neutral);
            px_buf_puts(b, "</span>");
        }
        px_buf_puts(b, " <span class=\"mut\">(");
        for (size_t k = 0; k < ev->nhits; k++) {
            const px_hit *h = &fr->hits[ev->hits[k]];
            px_buf_puts(b, k ? ", " : "");
            html_sentence_link(s, b, i, h->sent);
            if (s->docs[i]->sents[h->sent].headline)
                px_buf_puts(b, ", not counted");
            else if (h->quoted)
                px_buf_puts(b, ", in a quotation");
        }
        px_buf_puts(b, ")</span>");
        sep = "; ";
    }
    px_buf_puts(b, "</li>");
}

static void evidence(const px_story *s, px_buf *b, uint32_t l)
{
    const px_lexicon *L = px_lexset_get(s->lexicons, l);
    px_buf_puts(b, "<div class=\"ev\"><h4>Evidence</h4>");
    PX_VEC(uint32_t) none = {0};
    for (uint32_t i = 0; i < s->nsources; i++) {
        if (!px_report_score(s, i, l, -1).hits) {
            px_vec_push(none, i);
            continue;
        }
        px_buf_printf(b, "<p id=\"ev-o%u-l%u\"><strong>", i + 1, l);
        ESC(b, px_story_outlet(s, i));
        px_buf_puts(b, "</strong></p><ul>");
        for (size_t c = 0; c < L->ncategories; c++)
            if (px_report_score(s, i, l, (int32_t)c).hits)
                evidence_category(s, b, i, l, (int32_t)c);
        px_buf_puts(b, "</ul>");
    }
    if (none.n) {
        px_buf_puts(b, "<p>No hits in ");
        for (size_t k = 0; k < none.n; k++) {
            px_buf_printf(b, "%s<span id=\"ev-o%u-l%u\">", k ? ", " : "", none.v[k] + 1, l);
            ESC(b, px_story_outlet(s, none.v[k]));
            px_buf_puts(b, "</span>");
        }
        px_buf_puts(b, ".</p>");
    }
    px_vec_free(none);
    px_buf_puts(b, "</div>");
}

static void lexicon_section(const px_story *s, px_buf *b, uint32_t l)
{
    const px_lexicon *L = px_lexset_get(s->lexicons, l);
    px_buf_printf(b, "<section aria-labelledby=\"lex-l%u\"><h3 id=\"lex-l%u\">", l, l);
    ESC(b, px_report_lexicon_label(L));
    px_buf_puts(b, "</h3>");
    if (L->description && *L->description) {
        px_buf_puts(b, "<p class=\"mut\">");
        ESC(b, L->description);
        px_buf_puts(b, "</p>");
    }
    double max = lexicon_max(s, l);
    px_buf_puts(b, "<div class=\"charts\">");
    slant_chart(s, b, l);
    PX_VEC(size_t) empty = {0};
    for (size_t c = 0; c < L->ncategories; c++) {
        if (s->compare.lexicons[l].category_hits[c])
            chart(s, b, l, (int32_t)c, max);
        else
            px_vec_push(empty, c);
    }
    px_buf_puts(b, "</div>");
    if (empty.n) {
        /* a chart of zeros tells nothing: name the categories instead */
        px_buf_puts(b, "<p class=\"mut\">No hits in any outlet: ");
        for (size_t k = 0; k < empty.n; k++) {
            px_buf_puts(b, k ? ", " : "");
            ESC(b, px_report_category_label(L, empty.v[k]));
        }
        px_buf_puts(b, ".</p>");
    }
    px_vec_free(empty);
    evidence(s, b, l);
    px_buf_puts(b, "</section>");
}

void html_framing(const px_story *s, px_buf *b)
{
    size_t nl = px_lexset_count(s->lexicons);
    if (!nl)
        return;
    html_fold_open(b, "framing", "Framing",
                   "every lexicon and category per outlet, with the words behind each figure");
    px_buf_puts(b, "<p class=\"legend\"><span class=\"key n\"></span> lexicon hits per 1,000 "
                   "words of the outlet's own narration: the figure outlets are compared and "
                   "ranked on · <span class=\"key q\"></span> <span class=\"mut\">q</span> "
                   "hits inside quotations per 1,000 quoted words, shown beside it and never "
                   "added in (a speaker's words are not the outlet's). Charts of one lexicon "
                   "share a scale. Select a bar for the words behind it; words in a headline "
                   "are listed but not counted (the rates are per word of the body)."
                   "</p><svg width=\"0\" height=\"0\" aria-hidden=\"true\" focusable=\"false\" "
                   "style=\"position:absolute\"><defs><pattern id=\"px-hatch\" class=\"hatch\" "
                   "width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" "
                   "patternTransform=\"rotate(45)\"><path d=\"M0 0V6\"/></pattern></defs></svg>");
    size_t *order = px_report_lexicon_order(s, &nl);
    for (size_t k = 0; k < nl; k++)
        lexicon_section(s, b, (uint32_t)order[k]);
    free(order);
    html_fold_close(b);
}
