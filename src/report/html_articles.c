/*
 * html_articles.c — each article in full: the cleaned text, paragraph by
 * paragraph, each sentence an anchor (o2s5) that the matrix, the diffs and
 * the evidence lists link to; sentences linked to the facts they state;
 * lexicon hits highlighted; sentences stating a fact no other outlet
 * carries marked as unique; then what the outlet omits and the page
 * furniture removed from it.
 */
#include "report/html.h"

static void sentence(const px_story *s, px_buf *b, uint32_t src, uint32_t sent)
{
    const px_source_compare *c = &s->compare.sources[src];
    const uint32_t *facts = c->sentence_facts + c->sentence_at[sent];
    size_t n = c->sentence_at[sent + 1] - c->sentence_at[sent];
    bool unique = c->only_here[sent];
    char anchor[48];
    html_sentence_anchor(s, src, sent, anchor, sizeof anchor);
    px_buf_printf(b, "<span class=\"s%s\" id=\"%s\">", unique ? " u" : "", anchor);
    html_sent_opts o = {.hits = true, .labels = false};
    html_sentence(s, b, src, sent, &o);
    if (n) {
        px_buf_puts(b, "<span class=\"fl\">");
        for (size_t k = 0; k < n; k++)
            html_fact_link(b, facts[k]);
        px_buf_puts(b, "</span>");
    }
    if (unique)
        px_buf_puts(b, "<span class=\"uq\" title=\"no other outlet carries this fact\">"
                       "★ only here</span>");
    px_buf_puts(b, "</span> ");
}

static void meta(const px_story *s, px_buf *b, uint32_t i)
{
    const px_article *a = s->articles[i];
    px_buf_puts(b, "<p class=\"meta\">");
    if (a->byline) {
        ESC(b, a->byline);
        px_buf_puts(b, " · ");
    }
    if (a->date) {
        ESC(b, a->date);
        px_buf_puts(b, " · ");
    }
    size_t w = s->docs[i]->words, n = s->docs[i]->nsents;
    px_buf_printf(b, "%zu word%s · %zu sentence%s", w, w == 1 ? "" : "s", n, n == 1 ? "" : "s");
    if (a->url) {
        px_buf_puts(b, "<br>");
        html_url(b, a->url);
    }
    px_buf_puts(b, "</p>");
}

static void body(const px_story *s, px_buf *b, uint32_t i)
{
    const px_doc *d = s->docs[i];
    bool open = false;
    uint32_t para = 0;
    for (uint32_t k = 0; k < d->nsents; k++) {
        if (d->sents[k].headline) {
            px_buf_puts(b, "<p class=\"ahl\">");
            sentence(s, b, i, k);
            px_buf_puts(b, "</p>");
            continue;
        }
        if (!open || d->sents[k].para != para) {
            px_buf_puts(b, open ? "</p><p>" : "<div class=\"body\"><p>");
            open = true;
            para = d->sents[k].para;
        }
        sentence(s, b, i, k);
    }
    if (open)
        px_buf_puts(b, "</p></div>");
}

static void omissions(const px_story *s, px_buf *b, uint32_t i)
{
    const px_source_compare *c = &s->compare.sources[i];
    px_buf_puts(b, "<div class=\"omits\"><h4>What ");
    ESC(b, px_story_outlet(s, i));
    px_buf_puts(b, " omits</h4>");
    if (!c->nomitted) {
        px_buf_puts(b, "<p class=\"mut\">None of the facts most others carry.</p></div>");
        return;
    }
    px_buf_puts(b, "<ul>");
    for (size_t k = 0; k < c->nomitted; k++) {
        const px_fact *f = &s->alignment.facts[c->omitted[k]];
        size_t n;
        const char *t = px_story_fact_text(s, f, &n);
        px_buf_puts(b, "<li>");
        html_fact_link(b, c->omitted[k]);
        px_buf_puts(b, " ");
        px_html_escape(b, t, n);
        px_buf_printf(b, " <span class=\"mut\">(carried by %zu of %zu)</span></li>",
                      s->compare.facts[c->omitted[k]].carriers, s->nsources);
    }
    px_buf_puts(b, "</ul></div>");
}

static void furniture(const px_story *s, px_buf *b, uint32_t i)
{
    const px_article *a = s->articles[i];
    if (!a->nremoved)
        return;
    px_buf_printf(b, "<details><summary>Removed as page furniture (%zu line%s)</summary><ul>",
                  a->nremoved, a->nremoved == 1 ? "" : "s");
    for (size_t k = 0; k < a->nremoved; k++) {
        px_buf_puts(b, "<li>");
        ESC(b, a->removed[k]);
        px_buf_puts(b, "</li>");
    }
    px_buf_puts(b, "</ul></details>");
}

void html_articles(const px_story *s, px_buf *b)
{
    html_fold_open(b, "articles", "The articles",
                   "each article's cleaned text, its facts and lexicon hits marked");
    px_buf_puts(b, "<p class=\"legend\">The cleaned text of each article. "
                   "<span class=\"fl\"><a href=\"#facts\">f3</a></span> links a sentence to the "
                   "fact it states; <span class=\"u\">a dashed underline</span> "
                   "<span class=\"uq\">★ only here</span> marks a sentence stating a fact no "
                   "other outlet carries; lexicon hits are highlighted (hover or tap for the "
                   "category): ");
    html_highlight_key(s, b);
    px_buf_puts(b, ".</p><div class=\"articles\">");
    for (uint32_t i = 0; i < s->nsources; i++) {
        px_buf_printf(b,
                      "<article class=\"art\" id=\"o%u\" aria-labelledby=\"o%ut\">"
                      "<h3 id=\"o%ut\">",
                      i + 1, i + 1, i + 1);
        ESC(b, px_story_outlet(s, i));
        px_buf_puts(b, "</h3>");
        meta(s, b, i);
        body(s, b, i);
        omissions(s, b, i);
        furniture(s, b, i);
        px_buf_puts(b, "</article>");
    }
    px_buf_puts(b, "</div>");
    html_fold_close(b);
}
