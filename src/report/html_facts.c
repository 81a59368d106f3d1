/*
 * html_facts.c — the fact matrix and the facts one by one.
 *
 * The matrix has one row per fact (representative wording), one column per
 * outlet; a cell says with a symbol, a colour and a word whether the outlet
 * carries the fact, carries it with a conflicting detail, omits it or just
 * does not carry it, and where it sits (headline, lead, body, end). Each row
 * links to a hidden row right under it that shows every outlet's exact
 * sentence (CSS :target, so it works without script), and each cell links to
 * the sentence in the article.
 *
 * Below, each fact gets a section: the representative wording, then every
 * other outlet's sentence as a word-level diff against it, with lexicon hits
 * and conflicting values marked.
 */
#include "report/html.h"

static const char *status_class[] = {
    [PX_CELL_CARRIES] = "st-c", [PX_CELL_CONFLICT] = "st-x",  [PX_CELL_OMITS] = "st-o",
    [PX_CELL_ABSENT] = "st-a",  [PX_CELL_NOT_SHOWN] = "st-u",
};

static void legend(px_buf *b)
{
    px_buf_puts(b, "<p class=\"legend\">");
    static const px_cell_status order[] = {PX_CELL_CARRIES, PX_CELL_CONFLICT, PX_CELL_OMITS,
                                           PX_CELL_ABSENT, PX_CELL_NOT_SHOWN};
    for (size_t i = 0; i < 5; i++) {
        px_buf_printf(b, "%s<span class=\"sy %s\">%s</span> %s", i ? "; " : "",
                      status_class[order[i]], px_cell_status_symbol(order[i]),
                      px_cell_status_words(order[i]));
    }
    px_buf_puts(b, ". Under each mark: where the fact sits in that outlet (headline, lead = "
                   "first two sentences, body, end). Rows run from the facts most outlets carry "
                   "to those only one does. Only verdicts the alignment is sure of are shown as "
                   "carried or left out; \"?\" marks an outlet with a sentence close to the "
                   "fact that was not linked. Select a fact to see each outlet's sentence; select "
                   "a mark to jump to the sentence in the article.</p>");
}

static void cell(const px_story *s, px_buf *b, size_t f, uint32_t i)
{
    const px_cell *c = px_compare_cell(&s->compare, f, i);
    px_cell_status st = c->status;
    const char *where = px_cell_place(c);
    px_buf_printf(b, "<td class=\"%s\" title=\"", status_class[st]);
    ESC(b, px_story_outlet(s, i));
    px_buf_printf(b, ": %s%s%s\">", px_cell_status_words(st), where ? ", " : "",
                  where ? where : "");
    if (c->mention >= 0) {
        char anchor[48];
        html_sentence_anchor(s, i, c->sent, anchor, sizeof anchor);
        px_buf_printf(b, "<a href=\"#%s\">", anchor);
    }
    px_buf_printf(b, "<span class=\"sy\" aria-hidden=\"true\">%s</span>",
                  px_cell_status_symbol(st));
    if (st == PX_CELL_CARRIES || st == PX_CELL_CONFLICT)
        px_buf_printf(b, "<span class=\"vh\">%s, </span>%s",
                      st == PX_CELL_CONFLICT ? "conflicting detail" : "carries", where);
    else if (st == PX_CELL_OMITS)
        px_buf_puts(b, "omits");
    else if (st == PX_CELL_NOT_SHOWN)
        px_buf_puts(b, "<span class=\"vh\">not shown to carry</span>");
    else
        px_buf_puts(b, "<span class=\"vh\">not carried</span>");
    px_buf_puts(b, c->mention >= 0 ? "</a></td>" : "</td>");
}

/* The hidden row under fact f: every outlet's exact sentence. */
static void sentences_row(const px_story *s, px_buf *b, size_t f)
{
    px_buf_printf(b, "<tr class=\"x\" id=\"x%zu\"><td colspan=\"%zu\"><ul>", f + 1,
                  s->nsources + 1);
    for (uint32_t i = 0; i < s->nsources; i++) {
        const px_cell *c = px_compare_cell(&s->compare, f, i);
        px_buf_puts(b, "<li><strong>");
        ESC(b, px_story_outlet(s, i));
        px_buf_puts(b, "</strong> ");
        if (c->mention < 0) {
            px_buf_printf(b, "<span class=\"%s\">%s %s</span></li>", status_class[c->status],
                          px_cell_status_symbol(c->status), px_cell_status_words(c->status));
            continue;
        }
        px_buf_printf(b, "<span class=\"mut\">(%s, ", px_cell_place(c));
        html_sentence_link(s, b, i, c->sent);
        px_buf_puts(b, ")</span>: ");
        size_t n;
        const char *t = px_story_sentence(s, i, c->sent, &n);
        px_html_escape(b, t, n);
        px_buf_puts(b, "</li>");
    }
    px_buf_printf(b,
                  "</ul><p><a href=\"#f%zu\">Word-level differences</a> · "
                  "<a href=\"#r%zu\">Close</a></p></td></tr>",
                  f + 1, f + 1);
}

void html_matrix(const px_story *s, px_buf *b, const size_t *order)
{
    bool wide = s->nsources > 8;
    char note[96];
    snprintf(note, sizeof note, "%zu facts × %zu outlets: who carries, omits or conflicts on each",
             s->compare.nfacts, s->nsources);
    html_fold_open(b, "matrix", "Fact matrix", note);
    legend(b);
    px_buf_printf(b,
                  "%s<table class=\"matrix\"><caption class=\"vh\">Which outlet carries "
                  "which fact (%zu fact%s, %zu outlets)</caption><thead><tr>"
                  "<th scope=\"col\">Fact</th>",
                  wide ? "<div class=\"mx wide\">" : "<div class=\"mx\">", s->compare.nfacts,
                  s->compare.nfacts == 1 ? "" : "s", s->nsources);
    for (uint32_t i = 0; i < s->nsources; i++) {
        px_buf_printf(b, "<th scope=\"col\"><a href=\"#o%u\">", i + 1);
        ESC(b, px_story_outlet(s, i));
        px_buf_puts(b, "</a></th>");
    }
    px_buf_puts(b, "</tr></thead><tbody>");
    for (size_t r = 0; r < s->compare.nfacts; r++) {
        size_t f = order[r];
        size_t n;
        const char *t = px_story_fact_text(s, &s->alignment.facts[f], &n);
        px_buf_printf(b,
                      "<tr id=\"r%zu\"><th scope=\"row\"><a class=\"fx\" href=\"#x%zu\">"
                      "<span class=\"fid\">f%zu</span><span class=\"ft\">",
                      f + 1, f + 1, f + 1);
        px_html_escape(b, t, n);
        px_buf_puts(b, "</span></a></th>");
        for (uint32_t i = 0; i < s->nsources; i++)
            cell(s, b, f, i);
        px_buf_puts(b, "</tr>");
        sentences_row(s, b, f);
    }
    px_buf_puts(b, "</tbody></table></div>");
    html_fold_close(b);
}

/* Each outlet's value of a conflicting detail: "SEP Outlet <b>value</b> · …". */
void html_conflict_values(const px_story *s, px_buf *b, const px_conflict *c, const char *sep)
{
    for (uint32_t i = 0; i < s->nsources; i++) {
        if (!c->values[i])
            continue;
        px_buf_puts(b, sep);
        ESC(b, px_story_outlet(s, i));
        px_buf_puts(b, " <b class=\"cv\">");
        ESC(b, c->values[i]);
        px_buf_puts(b, "</b>");
        sep = " · ";
    }
}

static void conflicts(const px_story *s, px_buf *b, const px_fact *f)
{
    for (size_t k = 0; k < f->nconflicts; k++) {
        const px_conflict *c = &f->conflicts[k];
        px_buf_printf(b, "<p class=\"cf\"><span aria-hidden=\"true\">≠</span> Conflicting %s",
                      px_conflict_kind_name(c->kind));
        if (c->detail) {
            px_buf_puts(b, " (");
            ESC(b, c->detail);
            px_buf_puts(b, ")");
        }
        px_buf_puts(b, ":");
        html_conflict_values(s, b, c, " ");
        px_buf_puts(b, "</p>");
    }
}

/* One outlet's version of fact f, diffed against the representative. */
static void version(const px_story *s, px_buf *b, size_t f, uint32_t i)
{
    const px_fact *fact = &s->alignment.facts[f];
    const px_cell *c = px_compare_cell(&s->compare, f, i);
    px_cell_status st = c->status;
    if (c->mention < 0) {
        px_buf_printf(b, "<li class=\"miss\"><strong>");
        ESC(b, px_story_outlet(s, i));
        px_buf_printf(b, "</strong> <span class=\"%s\">%s %s</span></li>", status_class[st],
                      px_cell_status_symbol(st), px_cell_status_words(st));
        return;
    }
    const px_mention *m = &fact->mentions[c->mention];
    px_buf_printf(b, "<li%s><span class=\"lab\"><strong>",
                  st == PX_CELL_CONFLICT ? " class=\"cfl\"" : "");
    ESC(b, px_story_outlet(s, i));
    px_buf_printf(b, "</strong> · %s", px_where_name(c->where));
    if (c->headline)
        px_buf_puts(b, ", and in its headline");
    px_buf_puts(b, " · ");
    html_sentence_link(s, b, i, m->sent);
    px_buf_printf(b, " · similarity %.2f%s</span>", m->score,
                  m->quoted ? " · inside a quotation" : "");
    html_sent_opts o = {.hits = true,
                        .labels = true,
                        .base_src = fact->mentions[fact->rep].source,
                        .conflict_values = c->values,
                        .nconflict_values = c->nvalues};
    if (c->diff_readable) {
        o.ops = c->diff;
        o.nops = c->ndiff;
    } else {
        px_buf_puts(b, "<span class=\"lab\">worded too differently for a word diff; "
                       "shown whole</span>");
    }
    html_sentence(s, b, i, m->sent, &o);
    px_buf_puts(b, "</li>");
}

static void fact_section(const px_story *s, px_buf *b, size_t f)
{
    const px_fact *fact = &s->alignment.facts[f];
    const px_mention *rep = &fact->mentions[fact->rep];
    const px_cell *rc = px_compare_cell(&s->compare, f, rep->source);
    bool unique = s->compare.facts[f].single;
    px_buf_printf(b,
                  "<section class=\"fact\" id=\"f%zu\" aria-labelledby=\"f%zuh\">"
                  "<h3 id=\"f%zuh\"><span class=\"fid\">f%zu</span> ",
                  f + 1, f + 1, f + 1, f + 1);
    if (unique) {
        px_buf_puts(b, "only in ");
        ESC(b, px_story_outlet(s, rep->source));
    } else {
        px_buf_printf(b, "carried by %zu of %zu outlets", fact->nmentions, s->nsources);
    }
    px_buf_printf(b,
                  " <a class=\"mut\" href=\"#r%zu\">(matrix row)</a></h3><p class=\"rep\">"
                  "<span class=\"lab\">%s — <strong>",
                  f + 1, unique ? "Its wording" : "Representative wording");
    ESC(b, px_story_outlet(s, rep->source));
    px_buf_printf(b, "</strong> · %s", px_where_name(rc->where));
    if (rc->headline)
        px_buf_puts(b, ", and in its headline");
    px_buf_puts(b, " · ");
    html_sentence_link(s, b, rep->source, rep->sent);
    px_buf_puts(b, "</span>");
    html_sent_opts o = {.hits = true,
                        .labels = true,
                        .conflict_values = rc->values,
                        .nconflict_values = rc->nvalues};
    html_sentence(s, b, rep->source, rep->sent, &o);
    px_buf_puts(b, "</p>");
    if (!unique) {
        px_buf_puts(b, "<ul class=\"vers\">");
        for (uint32_t i = 0; i < s->nsources; i++)
            if (i != rep->source)
                version(s, b, f, i);
        px_buf_puts(b, "</ul>");
    }
    conflicts(s, b, fact);
    px_buf_puts(b, "</section>");
}

void html_facts(const px_story *s, px_buf *b, const size_t *order)
{
    html_fold_open(b, "facts", "Wording, fact by fact",
                   "each outlet's sentence against the others', word by word");
    px_buf_puts(b, "<p class=\"legend\">Each outlet's sentence compared word by word with "
                   "the representative wording: <ins>added</ins> words it has that the "
                   "representative lacks, <del>removed</del> words of the representative it "
                   "lacks; <b class=\"cv\">values</b> on which outlets conflict; lexicon hits "
                   "with their category in small capitals: ");
    html_highlight_key(s, b);
    px_buf_puts(b, ".</p>");
    for (size_t r = 0; r < s->compare.nfacts; r++)
        fact_section(s, b, order[r]);
    html_fold_close(b);
}
