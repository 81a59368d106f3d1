/*
 * html_frame.c — framing: small-multiple bar charts in inline SVG, one per
 * lexicon category, the outlets side by side on one scale per lexicon, each
 * bar split into narration (the outlet's own words, solid) and quotation (a
 * speaker's words, hatched), and each bar a link to its evidence list: the
 * terms found, grouped, with links to their sentences and the neutral
 * wording a lexicon offers.
 *
 * Charts carry a <title> and a <desc> with the figures, so a screen reader
 * gets the numbers the bars show.
 */
#include "report/html.h"

enum { CHART_W = 300, ROW_H = 25, LABEL_W = 104, VALUE_W = 40, NAME_CHARS = 14 };

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

static double lexicon_max(const px_story *s, uint32_t l)
{
    double max = 1;
    const px_lexicon *L = px_lexset_get(s->lexicons, l);
    for (uint32_t i = 0; i < s->nsources; i++)
        for (size_t c = 0; c < L->ncategories; c++) {
            double v = px_report_score(s, i, l, (int32_t)c).per_1k;
            if (v > max)
                max = v;
        }
    return max;
}

/* Hits of category c of lexicon l over all outlets. */
static size_t category_hits(const px_story *s, uint32_t l, int32_t c)
{
    size_t n = 0;
    for (uint32_t i = 0; i < s->nsources; i++)
        n += px_report_score(s, i, l, c).hits;
    return n;
}

static void bar(const px_story *s, px_buf *b, uint32_t i, uint32_t l, int32_t c, double scale)
{
    px_score sc = px_report_score(s, i, l, c);
    double y = 4 + i * ROW_H, w = sc.per_1k * scale;
    double wn = sc.hits ? w * (double)sc.narration / (double)sc.hits : 0;
    px_buf_printf(b, "<text x=\"%d\" y=\"%.0f\" text-anchor=\"end\">", LABEL_W - 6, y + 15);
    escape_cut(b, px_report_outlet(s, i), NAME_CHARS);
    px_buf_puts(b, "</text>");
    if (sc.hits)
        px_buf_printf(b, "<a href=\"#ev-o%u-l%u-c%d\">", i + 1, l, c);
    px_buf_puts(b, "<title>");
    ESC(b, px_report_outlet(s, i));
    px_buf_printf(b, ": %zu hit%s, %.1f per 1,000 words (%zu in narration, %zu in quotations)"
                     "</title>",
                  sc.hits, sc.hits == 1 ? "" : "s", sc.per_1k, sc.narration, sc.quoted);
    if (wn > 0)
        px_buf_printf(b, "<rect class=\"bn\" x=\"%d\" y=\"%.0f\" width=\"%.1f\" height=\"18\"/>",
                      LABEL_W, y + 2, wn);
    if (w - wn > 0.05)
        px_buf_printf(b, "<rect class=\"bq\" x=\"%.1f\" y=\"%.0f\" width=\"%.1f\" height=\"18\"/>",
                      LABEL_W + wn, y + 2, w - wn);
    px_buf_printf(b, "<text x=\"%.1f\" y=\"%.0f\">%.1f</text>",
                  LABEL_W + w + 4, y + 15, sc.per_1k);
    if (sc.hits)
        px_buf_puts(b, "</a>");
}

static void chart(const px_story *s, px_buf *b, uint32_t l, int32_t c, double max)
{
    const px_lexicon *L = px_lexset_get(s->lexicons, l);
    const char *cat = L->categories[c];
    double scale = (CHART_W - LABEL_W - VALUE_W) / max;
    int h = (int)(s->nsources * ROW_H + 8);
    px_buf_printf(b, "<figure class=\"chart\"><figcaption id=\"ch-l%u-c%d\">", l, c);
    ESC(b, cat);
    px_buf_printf(b, " <span class=\"mut\">per 1,000 words</span></figcaption>"
                     "<svg viewBox=\"0 0 %d %d\" role=\"img\" aria-labelledby=\"cht-l%u-c%d "
                     "chd-l%u-c%d\"><title id=\"cht-l%u-c%d\">",
                  CHART_W, h, l, c, l, c, l, c);
    ESC(b, px_report_lexicon_label(L));
    px_buf_puts(b, ", ");
    ESC(b, cat);
    px_buf_printf(b, ": hits per 1,000 words by outlet</title><desc id=\"chd-l%u-c%d\">", l, c);
    for (uint32_t i = 0; i < s->nsources; i++) {
        px_score sc = px_report_score(s, i, l, c);
        ESC(b, px_report_outlet(s, i));
        px_buf_printf(b, " %.1f (%zu in narration, %zu quoted)%s", sc.per_1k, sc.narration,
                      sc.quoted, i + 1 < s->nsources ? "; " : ".");
    }
    px_buf_printf(b, "</desc><line class=\"ax\" x1=\"%d\" y1=\"2\" x2=\"%d\" y2=\"%d\"/>",
                  LABEL_W, LABEL_W, h - 2);
    for (uint32_t i = 0; i < s->nsources; i++)
        bar(s, b, i, l, c, scale);
    px_buf_puts(b, "</svg></figure>");
}

/* The hits of one outlet in one category, grouped by lexicon entry. */
static void evidence_category(const px_story *s, px_buf *b, uint32_t i, uint32_t l, int32_t c)
{
    const px_source_frame *fr = &s->frames[i];
    const px_lexicon *L = px_lexset_get(s->lexicons, l);
    px_score sc = px_report_score(s, i, l, c);
    px_buf_printf(b, "<li id=\"ev-o%u-l%u-c%d\"><strong>", i + 1, l, c);
    ESC(b, L->categories[c]);
    px_buf_printf(b, "</strong> <span class=\"mut\">(%zu in narration, %zu quoted)</span>:",
                  sc.narration, sc.quoted);
    const char *sep = " ";
    for (size_t h = 0; h < fr->nhits; h++) {
        const px_hit *hit = &fr->hits[h];
        const px_lex_entry *e = &L->entries[hit->entry];
        bool seen = false;
        for (size_t p = 0; p < h && !seen; p++)
            seen = fr->hits[p].lexicon == l && fr->hits[p].entry == hit->entry;
        if (hit->lexicon != l || (int32_t)e->category != c || seen)
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
        const char *lsep = "";
        for (size_t k = h; k < fr->nhits; k++) {
            if (fr->hits[k].lexicon != l || fr->hits[k].entry != hit->entry)
                continue;
            px_buf_puts(b, lsep);
            html_sentence_link(s, b, i, fr->hits[k].sent);
            if (s->docs[i]->sents[fr->hits[k].sent].headline)
                px_buf_puts(b, ", not counted");
            else if (fr->hits[k].quoted)
                px_buf_puts(b, ", in a quotation");
            lsep = ", ";
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
        ESC(b, px_report_outlet(s, i));
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
            ESC(b, px_report_outlet(s, none.v[k]));
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
    PX_VEC(size_t) empty = {0};
    for (size_t c = 0; c < L->ncategories; c++) {
        if (category_hits(s, l, (int32_t)c))
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
            ESC(b, L->categories[empty.v[k]]);
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
    px_buf_puts(b, "<section aria-labelledby=\"framing\"><h2 id=\"framing\">Framing</h2>"
                   "<p class=\"legend\">Lexicon hits per 1,000 words of each article. "
                   "<span class=\"key n\"></span> the outlet's own narration · "
                   "<span class=\"key q\"></span> inside quotations (a speaker's words). "
                   "Charts of one lexicon share a scale. Select a bar for the words behind it; "
                   "words in a headline are listed but not counted (the rates are per word of "
                   "the body)."
                   "</p><svg width=\"0\" height=\"0\" aria-hidden=\"true\" focusable=\"false\" "
                   "style=\"position:absolute\"><defs><pattern id=\"px-hatch\" class=\"hatch\" "
                   "width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" "
                   "patternTransform=\"rotate(45)\"><path d=\"M0 0V6\"/></pattern></defs></svg>");
    size_t *order = px_report_lexicon_order(s, &nl);
    for (size_t k = 0; k < nl; k++)
        lexicon_section(s, b, (uint32_t)order[k]);
    free(order);
    px_buf_puts(b, "</section>");
}
