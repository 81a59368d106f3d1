/*
 * worksheet.c — `parallax worksheet`: a printable media-literacy exercise
 * made from a finished story, and its answer key.
 *
 * The sheet prints each article under a letter (Source A, B… in an order
 * fixed by the seed), its paragraphs numbered in the margin and its
 * sentences numbered in the text, with outlet names, bylines, URLs and
 * self-references blanked out (anon.c); then the exercises
 * (exercises.c). The key (key.c) gives the answers with their
 * evidence and the outlets behind the letters. Both are one self-contained
 * HTML page each (inline CSS from worksheet.css, no script, no request),
 * laid out for A4 and Letter paper. The same story and options give the
 * same bytes: nothing depends on the time, the paths or the machine.
 */
#include <string.h>

#include "worksheet/internal.h"

extern const char px_embed_worksheet_css[];
extern const size_t px_embed_worksheet_css_len;

bool px_worksheet_level_parse(const char *name, px_worksheet_level *out)
{
    static const char *const names[] = {"intro", "standard", "advanced"};
    for (size_t i = 0; name && i < sizeof names / sizeof *names; i++)
        if (!strcmp(name, names[i])) {
            *out = (px_worksheet_level)i;
            return true;
        }
    return false;
}

static const char *level_name(px_worksheet_level l)
{
    return l == PX_WORKSHEET_INTRO ? "intro" : l == PX_WORKSHEET_ADVANCED ? "advanced" : "standard";
}

void ws_head(px_buf *b, const char *title)
{
    px_buf_puts(b, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                   "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
                   "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                   "style-src 'unsafe-inline'\"><meta name=\"referrer\" content=\"no-referrer\">"
                   "<title>");
    px_html_escape(b, title, strlen(title));
    px_buf_puts(b, "</title><style>");
    px_buf_add(b, px_embed_worksheet_css, px_embed_worksheet_css_len);
    px_buf_puts(b, "</style></head>");
}

uint32_t ws_sentence_number(const ws_plan *p, uint32_t src, uint32_t sent)
{
    return p->numbers[src][sent];
}

uint32_t ws_first_sentence(const ws_plan *p, uint32_t src)
{
    const px_doc *d = p->s->docs[src];
    uint32_t k = 0;
    while (k < d->nsents && (d->sents[k].headline || p->numbers[src][k] == WS_HIDDEN))
        k++;
    return k;
}

void ws_sentence_ref(const ws_plan *p, px_buf *b, uint32_t src, uint32_t sent)
{
    uint32_t n = ws_sentence_number(p, src, sent);
    if (n == WS_HIDDEN)
        px_buf_puts(b, "a line left off the sheet");
    else if (n)
        px_buf_printf(b, "sentence %u", n);
    else
        px_buf_puts(b, "the headline");
}

void ws_source_name(const ws_plan *p, px_buf *b, uint32_t src, bool named)
{
    px_buf_printf(b, "Source %c", ws_letter(p, src));
    if (named) {
        const char *name = px_story_outlet(p->s, src);
        px_buf_puts(b, " (");
        px_html_escape(b, name, strlen(name));
        px_buf_putc(b, ')');
    }
}

void ws_source_list(const ws_plan *p, px_buf *b, uint64_t set)
{
    size_t n = 0, k = 0;
    for (uint32_t l = 0; l < p->s->nsources; l++)
        n += (set >> p->by_letter[l]) & 1;
    px_buf_puts(b, n == 1 ? "Source " : "Sources ");
    for (uint32_t l = 0; l < p->s->nsources; l++) {
        if (!((set >> p->by_letter[l]) & 1))
            continue;
        if (k)
            px_buf_puts(b, k + 1 == n ? " and " : ", ");
        px_buf_putc(b, (char)('A' + l));
        k++;
    }
}

void ws_answer_lines(px_buf *b, unsigned lines)
{
    px_buf_puts(b, "<div class=\"lines\" aria-hidden=\"true\">");
    for (unsigned i = 0; i < lines; i++)
        px_buf_puts(b, "<div></div>");
    px_buf_puts(b, "</div>");
}

/* What the blanked-out words look like, for the kinds this sheet has:
 * "Where an article named an outlet or a reporter, you will see [Source B]
 * or [reporter] instead." */
static void cut_legend(const ws_plan *p, px_buf *b)
{
    static const char *const labels[] = {
        [WS_CUT_OUTLET] = "[Source B]", [WS_CUT_REPORTER] = "[reporter]", [WS_CUT_LINK] = "[link]"};
    static const char *const what[] = {[WS_CUT_OUTLET] = "an outlet",
                                       [WS_CUT_REPORTER] = "a reporter",
                                       [WS_CUT_LINK] = "a web or e-mail address"};
    bool has[3] = {false};
    size_t kinds = 0;
    for (uint32_t src = 0; src < p->s->nsources; src++)
        for (size_t k = 0; k < p->ncuts[src]; k++)
            if (!has[p->cuts[src][k].what]) {
                has[p->cuts[src][k].what] = true;
                kinds++;
            }
    if (!kinds)
        return;
    for (int pass = 0; pass < 2; pass++) {
        px_buf_puts(b, pass ? ", you will see " : " Where an article named ");
        for (int k = 0, shown = 0; k < 3; k++) {
            if (!has[k])
                continue;
            if (shown++)
                px_buf_puts(b, (size_t)shown == kinds ? " or " : ", ");
            if (pass)
                px_buf_printf(b, "<span class=\"cut\">%s</span>", labels[k]);
            else
                px_buf_puts(b, what[k]);
        }
    }
    px_buf_puts(b, " instead.");
}

static void sheet_intro(const ws_plan *p, px_buf *b)
{
    px_buf_printf(b,
                  "<body class=\"sheet\"><header><p class=\"kicker\">Media literacy "
                  "worksheet</p><h1>One story, %zu sources</h1>"
                  "<p class=\"who\"><span>Name:</span><span>Class:</span><span>Date:</span>"
                  "</p><div class=\"howto\"><p>Below are %zu news articles about the same "
                  "event. ",
                  p->s->nsources, p->s->nsources);
    if (p->reveal)
        px_buf_puts(b, "Each is called by a letter, with the outlet that published it.");
    else
        px_buf_puts(b, p->s->nsources == 2
                           ? "The names of the outlets that published them are hidden: they "
                             "are called <strong>Source A</strong> and <strong>Source "
                             "B</strong>."
                           : "The names of the outlets that published them are hidden: they "
                             "are called <strong>Source A</strong>, <strong>Source B</strong> "
                             "and so on.");
    cut_legend(p, b);
    px_buf_puts(
        b, "</p><p>Read them all first. Every sentence has a number in a small box "
           "<sup class=\"sn\">1</sup> before it, so you can say exactly where you "
           "found something: <em>Source A, sentence 4</em>. Paragraphs are numbered "
           "in the margin, with the source's letter (<span class=\"pn demo\">A · para 1</span>)."
           "</p>"
           "</div></header><main>");
}

/* One article: the headline, then the paragraphs, sentences numbered. */
static void article(const ws_plan *p, px_buf *b, uint32_t src)
{
    const px_doc *d = p->s->docs[src];
    const px_article *a = p->s->articles[src];
    char c = ws_letter(p, src);
    px_buf_printf(b, "<article class=\"source\" id=\"%c\"><h2>", c);
    ws_source_name(p, b, src, p->reveal);
    px_buf_puts(b, "</h2>");
    if (p->reveal && (a->byline || a->date)) {
        px_buf_puts(b, "<p class=\"meta\">");
        px_html_escape(b, a->byline ? a->byline : a->date, strlen(a->byline ? a->byline : a->date));
        px_buf_puts(b, "</p>");
    }
    bool headline = d->nsents && d->sents[0].headline;
    if (headline) {
        px_buf_printf(b, "<p class=\"hl\" id=\"%ch\"><span class=\"lab\">Headline</span> ", c);
        ws_sentence_text(p, b, src, 0);
        px_buf_puts(b, "</p>");
    }
    uint32_t para = UINT32_MAX, shown = 0;
    for (uint32_t k = headline ? 1 : 0; k < d->nsents; k++) {
        uint32_t n = ws_sentence_number(p, src, k);
        if (n == WS_HIDDEN)
            continue;
        if (d->sents[k].para != para) {
            if (para != UINT32_MAX)
                px_buf_puts(b, "</p>");
            para = d->sents[k].para;
            px_buf_printf(b, "<p class=\"para\"><span class=\"pn\">%c · para %u</span>", c,
                          ++shown);
        }
        px_buf_printf(b, "<span class=\"s\" id=\"%c%u\"><sup class=\"sn\">%u</sup>", c, n, n);
        ws_sentence_text(p, b, src, k);
        px_buf_puts(b, "</span> ");
    }
    if (para != UINT32_MAX)
        px_buf_puts(b, "</p>");
    px_buf_puts(b, "</article>");
}

/* The sheet's code lets a teacher match a sheet to its key. */
static void footer(const ws_plan *p, px_buf *b, uint64_t seed)
{
    px_buf_printf(b,
                  "<footer><p>Made with Parallax %s · sheet %llu-%s</p></footer>"
                  "</body></html>\n",
                  px_version(), (unsigned long long)seed, level_name(p->level));
}

static void render_sheet(const ws_plan *p, px_buf *b, uint64_t seed)
{
    ws_head(b, "Worksheet: one story, several sources");
    sheet_intro(p, b);
    px_buf_puts(b, "<section class=\"articles\" aria-label=\"The articles\">");
    for (uint32_t l = 0; l < p->s->nsources; l++)
        article(p, b, p->by_letter[l]);
    px_buf_puts(b, "</section>");
    ws_exercises(p, b);
    px_buf_puts(b, "</main>");
    footer(p, b, seed);
}

static void render_key(const ws_plan *p, px_buf *b, uint64_t seed)
{
    ws_head(b, "Answer key: one story, several sources");
    ws_key(p, b);
    footer(p, b, seed);
}

px_status px_worksheet_render(const px_story *s, const px_worksheet_opts *o, px_buf *sheet,
                              px_buf *key)
{
    if (!s || !o || !s->analyzed || s->nsources < 2 || s->nsources > PX_WORKSHEET_MAX_SOURCES)
        return PX_EUSAGE;
    px_arena *a = px_arena_new();
    ws_plan p;
    ws_plan_build(&p, s, o, a);
    if (sheet)
        render_sheet(&p, sheet, o->seed);
    if (key)
        render_key(&p, key, o->seed);
    px_arena_free(a);
    return (sheet && sheet->toobig) || (key && key->toobig) ? PX_ELIMIT : PX_OK;
}
