/*
 * html.c — the report as one self-contained HTML page: inline CSS, no
 * script, no external request. Every piece of article text, title, outlet
 * name and URL is escaped for its context; only http(s) URLs become links.
 *
 * Sections: overview, fact matrix (symbols as well as colours), each fact's
 * wording per outlet, omissions, framing scores with their evidence, the
 * articles in full, method notes.
 */
#include <string.h>
#include <strings.h>

#include "report/internal.h"

#define ESC(b, s) px_html_escape((b), (s), strlen(s))

static const char *css =
    ":root{--fg:#1b1b1b;--bg:#fff;--mut:#595959;--line:#d0d0d0;--yes:#1a6b35;--no:#8a1c1c;"
    "--conf:#8a5a00;--hl:#fff3bf}"
    "@media (prefers-color-scheme:dark){:root{--fg:#e8e8e8;--bg:#161616;--mut:#b0b0b0;"
    "--line:#444;--yes:#7fd49a;--no:#f29b9b;--conf:#f0c060;--hl:#4a4020}}"
    "body{font:16px/1.5 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;color:var(--fg);"
    "background:var(--bg);max-width:72rem;margin:0 auto;padding:1rem}"
    "h1{font-size:1.6rem;margin:.2rem 0}h2{margin-top:2rem;border-bottom:1px solid var(--line)}"
    "table{border-collapse:collapse;width:100%;margin:.5rem 0}"
    "th,td{border:1px solid var(--line);padding:.3rem .5rem;vertical-align:top;text-align:left}"
    "th{background:transparent}.mut{color:var(--mut)}"
    ".yes{color:var(--yes);font-weight:700}.no{color:var(--no)}.conf{color:var(--conf);font-weight:700}"
    "td.sym{text-align:center;white-space:nowrap}mark{background:var(--hl);color:inherit}"
    ".src{font-weight:600}.art p{margin:.4rem 0}.sent:target{outline:2px solid var(--conf)}"
    "details{margin:.3rem 0}summary{cursor:pointer}"
    "@media print{body{max-width:none;color:#000;background:#fff}h2{break-after:avoid}"
    "tr,li{break-inside:avoid}a{color:#000}mark{background:#eee}}";

static void attr_url(px_buf *b, const char *url)
{
    if (url && (strncasecmp(url, "http://", 7) == 0 || strncasecmp(url, "https://", 8) == 0)) {
        px_buf_puts(b, "<a href=\"");
        ESC(b, url);
        px_buf_puts(b, "\" rel=\"noopener noreferrer\">");
        ESC(b, url);
        px_buf_puts(b, "</a>");
    } else if (url) {
        ESC(b, url);
    }
}

static void overview(const px_story *s, px_buf *b)
{
    const px_alignment *al = &s->alignment;
    px_buf_puts(b, "<h2 id=\"overview\">Outlets</h2><table><thead><tr>"
                   "<th scope=\"col\">Outlet</th><th scope=\"col\">Headline</th>"
                   "<th scope=\"col\">Date</th><th scope=\"col\">Words</th>"
                   "<th scope=\"col\">Summary</th></tr></thead><tbody>");
    for (uint32_t i = 0; i < s->nsources; i++) {
        const px_article *a = s->articles[i];
        const px_source_compare *c = &s->compare[i];
        px_buf_puts(b, "<tr><th scope=\"row\" class=\"src\">");
        ESC(b, a->name);
        px_buf_puts(b, "</th><td>");
        ESC(b, a->title);
        if (a->byline) {
            px_buf_puts(b, "<br><span class=\"mut\">");
            ESC(b, a->byline);
            px_buf_puts(b, "</span>");
        }
        if (a->url) {
            px_buf_puts(b, "<br><span class=\"mut\">");
            attr_url(b, a->url);
            px_buf_puts(b, "</span>");
        }
        px_buf_puts(b, "</td><td>");
        ESC(b, a->date ? a->date : "—");
        px_buf_printf(b, "</td><td>%zu</td><td>carries %zu of %zu facts; omits %zu that most "
                         "others carry; %zu only here",
                      s->docs[i]->words, c->carried, al->nfacts, c->nomitted, c->nunique);
        if (c->nconflicts)
            px_buf_printf(b, "; %zu conflicting detail%s", c->nconflicts,
                          c->nconflicts == 1 ? "" : "s");
        px_buf_puts(b, "</td></tr>");
    }
    px_buf_puts(b, "</tbody></table>");
}

static bool conflicted(const px_fact *f, uint32_t src)
{
    for (size_t k = 0; k < f->nconflicts; k++)
        if (f->conflicts[k].values[src])
            return true;
    return false;
}

static void sentence_link(const px_story *s, px_buf *b, uint32_t src, uint32_t sent)
{
    char sid[300];
    px_report_sentence_id(s, src, sent, sid, sizeof sid);
    px_buf_puts(b, "<a href=\"#");
    ESC(b, sid);
    px_buf_puts(b, "\">");
    ESC(b, sid);
    px_buf_puts(b, "</a>");
}

static void matrix(const px_story *s, px_buf *b)
{
    const px_alignment *al = &s->alignment;
    px_buf_puts(b, "<h2 id=\"matrix\">Fact matrix</h2><p class=\"mut\">"
                   "<span class=\"yes\">✓</span> carries the fact, "
                   "<span class=\"no\">✗</span> omits it, "
                   "<span class=\"conf\">≠</span> carries it with a conflicting detail. "
                   "Rows follow how many outlets carry the fact. Each fact links to the "
                   "outlets' own sentences.</p><table><thead><tr><th scope=\"col\">Fact</th>");
    for (uint32_t i = 0; i < s->nsources; i++) {
        px_buf_puts(b, "<th scope=\"col\">");
        ESC(b, s->articles[i]->name);
        px_buf_puts(b, "</th>");
    }
    px_buf_puts(b, "</tr></thead><tbody>");
    for (size_t f = 0; f < al->nfacts; f++) {
        const px_fact *fact = &al->facts[f];
        size_t tl;
        const char *t = px_report_fact_text(s, fact, &tl);
        px_buf_printf(b, "<tr><th scope=\"row\"><a href=\"#f%zu\">f%zu</a> ", f + 1, f + 1);
        px_html_escape(b, t, tl);
        px_buf_puts(b, "</th>");
        for (uint32_t i = 0; i < s->nsources; i++) {
            const px_mention *m = px_fact_mention(fact, i);
            if (!m) {
                px_buf_puts(b, "<td class=\"sym no\" title=\"omits\">✗</td>");
                continue;
            }
            double share;
            const char *where = px_report_where(s, i, m->sent, &share);
            bool c = conflicted(fact, i);
            px_buf_printf(b, "<td class=\"sym %s\" title=\"%s, %s\">%s <span class=\"mut\">%s</span></td>",
                          c ? "conf" : "yes", c ? "conflicting detail" : "carries", where,
                          c ? "≠" : "✓", where);
        }
        px_buf_puts(b, "</tr>");
    }
    px_buf_puts(b, "</tbody></table>");
}

static void fact_details(const px_story *s, px_buf *b)
{
    const px_alignment *al = &s->alignment;
    px_buf_puts(b, "<h2 id=\"facts\">Each fact, in each outlet's words</h2>");
    for (size_t f = 0; f < al->nfacts; f++) {
        const px_fact *fact = &al->facts[f];
        px_buf_printf(b, "<section id=\"f%zu\"><h3>f%zu</h3><ul>", f + 1, f + 1);
        for (size_t k = 0; k < fact->nmentions; k++) {
            const px_mention *m = &fact->mentions[k];
            size_t ml;
            const char *mt = px_report_sentence(s, m->source, m->sent, &ml);
            px_buf_puts(b, "<li><span class=\"src\">");
            ESC(b, s->articles[m->source]->name);
            px_buf_puts(b, "</span> (");
            sentence_link(s, b, m->source, m->sent);
            px_buf_printf(b, ", %s): ", px_report_where(s, m->source, m->sent, NULL));
            px_html_escape(b, mt, ml);
            px_buf_puts(b, "</li>");
        }
        px_buf_puts(b, "</ul>");
        for (size_t c = 0; c < fact->nconflicts; c++) {
            px_buf_puts(b, "<p class=\"conf\">Conflicting detail:");
            for (uint32_t i = 0; i < s->nsources; i++)
                if (fact->conflicts[c].values[i]) {
                    px_buf_puts(b, " ");
                    ESC(b, s->articles[i]->name);
                    px_buf_puts(b, " says “");
                    ESC(b, fact->conflicts[c].values[i]);
                    px_buf_puts(b, "”;");
                }
            px_buf_puts(b, "</p>");
        }
        px_buf_puts(b, "</section>");
    }
}

static void omissions(const px_story *s, px_buf *b)
{
    px_buf_puts(b, "<h2 id=\"omissions\">What each outlet leaves out</h2>");
    for (uint32_t i = 0; i < s->nsources; i++) {
        const px_source_compare *c = &s->compare[i];
        px_buf_puts(b, "<h3>");
        ESC(b, s->articles[i]->name);
        px_buf_puts(b, "</h3>");
        if (!c->nomitted) {
            px_buf_puts(b, "<p class=\"mut\">Omits none of the facts most others carry.</p>");
            continue;
        }
        px_buf_puts(b, "<ul>");
        for (size_t k = 0; k < c->nomitted; k++) {
            const px_fact *fact = &s->alignment.facts[c->omitted[k]];
            size_t tl;
            const char *t = px_report_fact_text(s, fact, &tl);
            px_buf_printf(b, "<li><a href=\"#f%u\">f%u</a> ", c->omitted[k] + 1, c->omitted[k] + 1);
            px_html_escape(b, t, tl);
            px_buf_printf(b, " <span class=\"mut\">(carried by %zu of %zu)</span></li>",
                          fact->nmentions, s->nsources);
        }
        px_buf_puts(b, "</ul>");
    }
}

static void framing(const px_story *s, px_buf *b)
{
    size_t nl = px_lexset_count(s->lexicons);
    if (!nl)
        return;
    px_buf_puts(b, "<h2 id=\"framing\">Framing</h2><p class=\"mut\">Lexicon hits per 1,000 "
                   "words of each article, the difference from the story's mean, and the words "
                   "that produced them.</p>");
    for (size_t l = 0; l < nl; l++) {
        const px_lexicon *L = px_lexset_get(s->lexicons, l);
        px_buf_puts(b, "<h3>");
        ESC(b, L->name);
        px_buf_puts(b, "</h3><table><thead><tr><th scope=\"col\">Outlet</th><th scope=\"col\">"
                       "Hits</th><th scope=\"col\">Per 1,000 words</th><th scope=\"col\">vs mean"
                       "</th><th scope=\"col\">Evidence</th></tr></thead><tbody>");
        for (uint32_t i = 0; i < s->nsources; i++) {
            const px_score *sc = px_frame_score(&s->frames[i], (uint32_t)l, -1);
            px_buf_puts(b, "<tr><th scope=\"row\">");
            ESC(b, s->articles[i]->name);
            px_buf_printf(b, "</th><td>%zu</td><td>%.1f</td><td>%+.1f</td><td>", sc->hits,
                          sc->per_1k, sc->delta);
            bool first = true;
            for (size_t h = 0; h < s->frames[i].nhits; h++) {
                const px_hit *hit = &s->frames[i].hits[h];
                if (hit->lexicon != l)
                    continue;
                const char *cat;
                const px_lex_entry *e = px_report_entry(s, hit, NULL, &cat);
                if (!first)
                    px_buf_puts(b, ", ");
                first = false;
                px_buf_puts(b, "<mark>");
                px_html_escape(b, s->docs[i]->text + hit->start, hit->end - hit->start);
                px_buf_puts(b, "</mark> <span class=\"mut\">");
                ESC(b, cat);
                if (hit->quoted)
                    px_buf_puts(b, ", in a quote");
                if (e->neutral) {
                    px_buf_puts(b, "; neutral: ");
                    ESC(b, e->neutral);
                }
                px_buf_puts(b, " (");
                sentence_link(s, b, i, hit->sent);
                px_buf_puts(b, ")</span>");
            }
            px_buf_puts(b, "</td></tr>");
        }
        px_buf_puts(b, "</tbody></table>");
    }
}

static void articles(const px_story *s, px_buf *b)
{
    px_buf_puts(b, "<h2 id=\"articles\">The articles</h2>");
    for (uint32_t i = 0; i < s->nsources; i++) {
        const px_doc *d = s->docs[i];
        px_buf_puts(b, "<details class=\"art\"><summary><span class=\"src\">");
        ESC(b, s->articles[i]->name);
        px_buf_puts(b, "</span>: ");
        ESC(b, s->articles[i]->title);
        px_buf_puts(b, "</summary><p>");
        uint32_t para = d->nsents ? d->sents[0].para : 0;
        for (uint32_t k = 0; k < d->nsents; k++) {
            if (d->sents[k].headline)
                continue;
            if (d->sents[k].para != para) {
                px_buf_puts(b, "</p><p>");
                para = d->sents[k].para;
            }
            char sid[300];
            px_report_sentence_id(s, i, k, sid, sizeof sid);
            px_buf_puts(b, "<span class=\"sent\" id=\"");
            ESC(b, sid);
            px_buf_puts(b, "\">");
            px_html_escape(b, d->text + d->sents[k].start, d->sents[k].end - d->sents[k].start);
            px_buf_puts(b, "</span> ");
        }
        px_buf_puts(b, "</p></details>");
    }
}

static void method(const px_story *s, const px_report_opts *o, px_buf *b)
{
    px_buf_printf(b, "<h2 id=\"method\">Method</h2><p>Made by parallax %s. Sentences of "
                     "different outlets are linked into one fact when their similarity "
                     "(IDF-weighted shared word stems, names and values) is at least %.2f; a "
                     "fact is an omission for an outlet when at least half of the others (and "
                     "at least two) carry it.</p>",
                  px_version(), s->alignment.threshold);
    size_t nl = px_lexset_count(s->lexicons);
    if (nl) {
        px_buf_puts(b, "<p>Lexicons:</p><ul>");
        for (size_t l = 0; l < nl; l++) {
            const px_lexicon *L = px_lexset_get(s->lexicons, l);
            px_buf_puts(b, "<li>");
            ESC(b, L->name);
            px_buf_printf(b, " %s (%zu terms", "", L->nentries);
            if (*L->version) {
                px_buf_puts(b, ", version ");
                ESC(b, L->version);
            }
            if (*L->licence) {
                px_buf_puts(b, ", licence ");
                ESC(b, L->licence);
            }
            px_buf_puts(b, ")</li>");
        }
        px_buf_puts(b, "</ul>");
    }
    if (o && o->command_line) {
        px_buf_puts(b, "<p>Command: <code>");
        ESC(b, o->command_line);
        px_buf_puts(b, "</code></p>");
    }
}

px_status px_report_html(const px_story *s, const px_report_opts *o, px_buf *b)
{
    px_buf_puts(b, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                   "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
                   "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                   "style-src 'unsafe-inline'; img-src data:\"><title>");
    ESC(b, s->title ? s->title : s->id);
    px_buf_puts(b, " — Parallax</title><style>");
    px_buf_puts(b, css);
    px_buf_puts(b, "</style></head><body><header><p class=\"mut\">Parallax report</p><h1>");
    ESC(b, s->title ? s->title : s->id);
    px_buf_printf(b, "</h1><p>%zu outlets, %zu facts.</p><nav><a href=\"#matrix\">Fact matrix"
                     "</a> · <a href=\"#omissions\">Omissions</a> · <a href=\"#framing\">Framing"
                     "</a> · <a href=\"#articles\">Articles</a> · <a href=\"#method\">Method</a>"
                     "</nav></header><main>",
                  s->nsources, s->alignment.nfacts);
    overview(s, b);
    matrix(s, b);
    omissions(s, b);
    framing(s, b);
    fact_details(s, b);
    articles(s, b);
    method(s, o, b);
    px_buf_puts(b, "</main></body></html>\n");
    return b->toobig ? PX_ELIMIT : PX_OK;
}
