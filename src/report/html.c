/*
 * html.c — the report as one self-contained HTML page: inline CSS and SVG,
 * no script, no external request (a Content-Security-Policy says so to the
 * browser too). Every piece of article text, title, outlet name and URL is
 * escaped for its context; only http(s) URLs become links; anchors are made
 * from indexes, never from input.
 *
 * The page opens with the story at a glance (html_glance.c), on one screen
 * and one printed page; every other section folds into <details>, which
 * prints closed unless the reader opened it or the report was made with
 * --print full (px_report_opts.print_full).
 *
 * This file holds the page and the short sections: the header, the outlets
 * in detail, sourcing and the method notes. The fact matrix and per-fact
 * diffs are in html_facts.c, framing charts in html_frame.c, the articles
 * in html_articles.c.
 */
#include "report/html.h"

/* The page's head. Printing in full (--print full) sets class "pf" on the
 * root, which the stylesheet's print rules read: every folded section
 * then prints open. */
static void head(const px_story *s, const px_report_opts *o, px_buf *b)
{
    px_buf_puts(b, o && o->print_full ? "<!DOCTYPE html>\n<html lang=\"en\" class=\"pf\">"
                                      : "<!DOCTYPE html>\n<html lang=\"en\">");
    px_buf_puts(b, "<head><meta charset=\"utf-8\">"
                   "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
                   "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                   "style-src 'unsafe-inline'; img-src data:\">"
                   "<meta name=\"referrer\" content=\"no-referrer\">"
                   "<meta name=\"generator\" content=\"parallax ");
    ESC(b, px_version());
    px_buf_puts(b, "\"><title>");
    ESC(b, s->id);
    px_buf_puts(b, " — how the outlets told it · Parallax</title><style>");
    px_buf_add(b, px_embed_report_css, px_embed_report_css_len);
    px_buf_puts(b, "</style></head>");
}

static void header(const px_story *s, px_buf *b)
{
    const px_comparison *c = &s->compare;
    px_buf_puts(b, "<body><a class=\"skip\" href=\"#summary\">Skip to the summary</a>"
                   "<header><p class=\"kicker\">Parallax report · story <code>");
    ESC(b, s->id);
    px_buf_printf(b,
                  "</code></p><h1>How %zu outlets told one story</h1><p class=\"lede\">"
                  "%zu fact%s in all: <strong>%zu</strong> carried by every outlet, "
                  "<strong>%zu</strong> by only one",
                  s->nsources, c->nfacts, c->nfacts == 1 ? "" : "s", c->carried_by_all,
                  c->carried_by_one);
    if (c->conflicts)
        px_buf_printf(b, "; <strong>%zu</strong> conflicting detail%s", c->conflicts,
                      c->conflicts == 1 ? "" : "s");
    px_buf_puts(b, ".</p><nav aria-label=\"Sections\"><ol>"
                   "<li><a href=\"#summary\">At a glance</a></li>"
                   "<li><a href=\"#overview\">Outlets</a></li>"
                   "<li><a href=\"#matrix\">Fact matrix</a></li>"
                   "<li><a href=\"#facts\">Wording, fact by fact</a></li>");
    if (px_lexset_count(s->lexicons))
        px_buf_puts(b, "<li><a href=\"#framing\">Framing</a></li>");
    px_buf_puts(b, "<li><a href=\"#sourcing\">Sourcing</a></li>"
                   "<li><a href=\"#articles\">Articles</a></li>"
                   "<li><a href=\"#method\">Method</a></li></ol></nav></header><main>");
}

/* "quotes 3 named sources, 2 anonymous" */
static void speaker_summary(const px_story *s, px_buf *b, uint32_t src)
{
    const px_source_compare *c = &s->compare.sources[src];
    px_buf_printf(b, "<li>cites %zu named source%s, %zu anonymous</li>", c->named_speakers,
                  c->named_speakers == 1 ? "" : "s", c->anonymous_speakers);
}

/* One reading as a card line: "<label> in its narration: <reading>", the
 * figure's words linked to their evidence. */
static void reading_line(const px_story *s, px_buf *b, uint32_t i, uint32_t l, int fig,
                         const char *what)
{
    px_buf t;
    px_buf_init(&t, 0);
    px_report_reading(&t, s, i, l, fig, true);
    px_buf_printf(b, "<li class=\"rd\"><a href=\"#ev-o%u-l%u\">", i + 1, l);
    ESC(b, what);
    px_buf_puts(b, "</a>, in its narration: ");
    px_html_escape(b, t.data, t.len);
    px_buf_free(&t);
    px_score sc = px_report_score(s, i, l, -1);
    if (fig == PX_FIG_ALL && sc.quoted)
        px_buf_printf(b,
                      " <span class=\"mut\">In quotations, apart: %zu hit%s, %.1f per "
                      "1,000 quoted words.</span>",
                      sc.quoted, sc.quoted == 1 ? "" : "s", sc.quoted_per_1k);
    px_buf_puts(b, "</li>");
}

/* Framing on the card, narration first: a "most …" badge for the outlet
 * whose own narration clearly tops a lexicon (quotations never count), the
 * plain reading of the headline lexicon (loaded language) always, its slant
 * and the other lexicons when they differ clearly. */
static void framing_summary(const px_story *s, px_buf *b, uint32_t i)
{
    size_t nl;
    size_t *order = px_report_lexicon_order(s, &nl);
    for (size_t k = 0; k < nl; k++) {
        uint32_t l = (uint32_t)order[k];
        const px_lexicon *L = px_lexset_get(s->lexicons, l);
        const char *most = px_report_lexicon_most(L);
        const px_contrast *c = px_report_contrast(s, i, l, PX_FIG_ALL);
        const px_top *top = &s->compare.lexicons[l].top[PX_FIG_ALL];
        if (most && top->source == (int32_t)i && top->clear) {
            px_buf_printf(b, "<li><a href=\"#ev-o%u-l%u\"><strong class=\"badge\">", i + 1, l);
            ESC(b, most);
            px_buf_puts(b, "</strong></a> <span class=\"mut\">(in its own narration)</span></li>");
        }
        if (c && (k == 0 || (most && c->reading > 0)))
            reading_line(s, b, i, l, PX_FIG_ALL, px_report_lexicon_label(L));
        const px_contrast *sl = px_report_contrast(s, i, l, PX_FIG_SLANT);
        if (sl && sl->reading)
            reading_line(s, b, i, l, PX_FIG_SLANT, "Slant");
    }
    free(order);
}

static void outlet_summary(const px_story *s, px_buf *b, uint32_t i)
{
    const px_source_compare *c = &s->compare.sources[i];
    px_buf_printf(b, "<ul><li>carries <strong>%zu</strong> of %zu facts</li>", c->carried,
                  s->alignment.nfacts);
    px_buf_printf(b, "<li>omits <strong>%zu</strong> that most others carry</li>", c->nomitted);
    if (c->nunique)
        px_buf_printf(b, "<li>%zu fact%s no other outlet carries</li>", c->nunique,
                      c->nunique == 1 ? "" : "s");
    if (c->nconflicts)
        px_buf_printf(b, "<li>%zu conflicting detail%s</li>", c->nconflicts,
                      c->nconflicts == 1 ? "" : "s");
    framing_summary(s, b, i);
    speaker_summary(s, b, i);
    px_buf_puts(b, "</ul>");
}

/* An outlet's name (linking to its article) and its headline. */
void html_outlet_head(const px_story *s, px_buf *b, uint32_t i)
{
    const px_article *a = s->articles[i];
    px_buf_printf(b, "<h3><a href=\"#o%u\">", i + 1);
    ESC(b, px_story_outlet(s, i));
    px_buf_puts(b, "</a></h3><p class=\"hl\">");
    ESC(b, *a->title ? a->title : "(no headline)");
    px_buf_puts(b, "</p>");
}

static void overview(const px_story *s, px_buf *b)
{
    html_fold_open(b, "overview", "Outlets in detail",
                   "bylines, links and every framing reading of each outlet");
    px_buf_puts(b, "<ul class=\"cards\">");
    for (uint32_t i = 0; i < s->nsources; i++) {
        const px_article *a = s->articles[i];
        px_buf_puts(b, "<li class=\"card\">");
        html_outlet_head(s, b, i);
        px_buf_puts(b, "<p class=\"meta\">");
        if (a->byline) {
            ESC(b, a->byline);
            px_buf_puts(b, " · ");
        }
        if (a->date) {
            ESC(b, a->date);
            px_buf_puts(b, " · ");
        }
        px_buf_printf(b, "%zu word%s", s->docs[i]->words, s->docs[i]->words == 1 ? "" : "s");
        if (a->url) {
            px_buf_puts(b, "<br>");
            html_url(b, a->url);
        }
        px_buf_puts(b, "</p>");
        outlet_summary(s, b, i);
        px_buf_puts(b, "</li>");
    }
    px_buf_puts(b, "</ul>");
    html_fold_close(b);
}

static void speaker_cell(const px_story *s, px_buf *b, uint32_t src, bool anonymous)
{
    const px_source_compare *c = &s->compare.sources[src];
    size_t total = anonymous ? c->anonymous_speakers : c->named_speakers, shown = 0;
    px_buf_printf(b, "<td data-label=\"%s\"><strong>%zu</strong>%s",
                  anonymous ? "Anonymous" : "Named", total, total ? ": " : "");
    for (size_t k = 0; k < c->nspeakers; k++) {
        const px_speaker *sp = &c->speakers[k];
        size_t count = sp->quotes + sp->paraphrases;
        if (sp->anonymous != anonymous)
            continue;
        if (shown++)
            px_buf_puts(b, "; ");
        ESC(b, sp->name);
        if (count > 1)
            px_buf_printf(b, " ×%zu", count);
        if (sp->quotes)
            px_buf_printf(b, " <span class=\"mut\">quoted%s</span>",
                          sp->quotes == count ? "" : " in part");
        px_buf_puts(b, " <span class=\"mut\">(");
        html_sentence_link(s, b, src, sp->first_sent);
        px_buf_puts(b, ")</span>");
    }
    px_buf_puts(b, "</td>");
}

static void sourcing(const px_story *s, px_buf *b)
{
    html_fold_open(b, "sourcing", "Sourcing", "who each outlet quotes, named or not");
    px_buf_puts(b, "<p class=\"legend\">Who each outlet attributes statements to (\"…, X said\", "
                   "\"according to X\"), each speaker once with how often and whether in "
                   "direct quotation, and how much of the body is direct quotation.</p><div "
                   "class=\"tw\"><table class=\"stack\"><thead><tr>"
                   "<th scope=\"col\">Outlet</th><th scope=\"col\">Named speakers</th>"
                   "<th scope=\"col\">Anonymous sources</th>"
                   "<th scope=\"col\">Quoted</th></tr></thead><tbody>");
    for (uint32_t i = 0; i < s->nsources; i++) {
        px_buf_puts(b, "<tr><th scope=\"row\">");
        ESC(b, px_story_outlet(s, i));
        px_buf_puts(b, "</th>");
        speaker_cell(s, b, i, false);
        speaker_cell(s, b, i, true);
        px_buf_printf(b, "<td data-label=\"Quoted\">%.0f%%</td></tr>",
                      100 * s->compare.sources[i].quoted_share);
    }
    px_buf_puts(b, "</tbody></table></div>");
    html_fold_close(b);
}

static void method_lexicons(const px_story *s, px_buf *b)
{
    size_t nl = px_lexset_count(s->lexicons);
    if (!nl) {
        px_buf_puts(b, "<p>No lexicons were loaded: no framing scores.</p>");
        return;
    }
    px_buf_puts(
        b, "<div class=\"tw\"><table class=\"stack\"><caption>Lexicons used</caption><thead><tr>"
           "<th scope=\"col\">Lexicon</th><th scope=\"col\">Version</th>"
           "<th scope=\"col\">Terms</th><th scope=\"col\">Categories</th>"
           "<th scope=\"col\">Licence</th></tr></thead><tbody>");
    for (size_t l = 0; l < nl; l++) {
        const px_lexicon *L = px_lexset_get(s->lexicons, l);
        px_buf_puts(b, "<tr><th scope=\"row\">");
        ESC(b, L->name);
        px_buf_puts(b, "</th><td data-label=\"Version\">");
        ESC(b, L->version && *L->version ? L->version : "—");
        px_buf_printf(b, "</td><td data-label=\"Terms\">%zu</td><td data-label=\"Categories\">",
                      L->nentries);
        for (size_t c = 0; c < L->ncategories; c++) {
            if (c)
                px_buf_puts(b, ", ");
            ESC(b, px_report_category_label(L, c));
        }
        px_buf_puts(b, "</td><td data-label=\"Licence\">");
        ESC(b, L->licence && *L->licence ? L->licence : "—");
        px_buf_puts(b, "</td></tr>");
    }
    px_buf_puts(b, "</tbody></table></div>");
}

static void method(const px_story *s, const px_report_opts *o, px_buf *b)
{
    html_fold_open(b, "method", "Method", "how the facts and figures are made");
    px_buf_printf(b,
                  "<ul>"
                  "<li>Made by parallax %s.</li>"
                  "<li>Sentences of different outlets are linked into one fact when their "
                  "similarity (shared word stems weighted by rarity, names and values) is at "
                  "least <strong>%.2f</strong>; each outlet contributes at most one sentence "
                  "to a fact.</li>"
                  "<li>A fact counts as <em>omitted</em> by an outlet when at least half of "
                  "the other outlets carry it (and at least two, with three or more outlets)."
                  "</li><li>Positions: <em>headline</em> when the outlet's headline shares with "
                  "its sentence a figure or several words that are rare in the story; "
                  "<em>lead</em> the first two sentences of the body; <em>end</em> the last "
                  "two of a body longer than five.</li>"
                  "<li>Framing scores are lexicon hits per 1,000 words of the article; "
                  "hits inside direct quotations are the speaker's voice and are shown "
                  "apart from the outlet's own narration.</li></ul>",
                  px_version(), s->alignment.threshold);
    method_lexicons(s, b);
    if (o && o->command_line) {
        px_buf_puts(b, "<p>Command line: <code>");
        ESC(b, o->command_line);
        px_buf_puts(b, "</code></p>");
    }
    html_fold_close(b);
}

px_status px_report_html(const px_story *s, const px_report_opts *o, px_buf *b)
{
    if (!s || !s->analyzed)
        return PX_EUSAGE;
    const size_t *order = s->compare.order;
    head(s, o, b);
    header(s, b);
    html_glance(s, b);
    overview(s, b);
    html_matrix(s, b, order);
    html_facts(s, b, order);
    html_framing(s, b);
    sourcing(s, b);
    html_articles(s, b);
    method(s, o, b);
    px_buf_puts(b, "</main><footer><p class=\"mut\">Generated by parallax ");
    ESC(b, px_version());
    px_buf_puts(b, ". Every figure on this page links to the sentences it comes from."
                   "</p></footer></body></html>\n");
    return b->toobig ? PX_ELIMIT : PX_OK;
}
