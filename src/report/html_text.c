/*
 * html_text.c — the HTML renderer's small pieces: links that only ever point
 * at http(s) URLs or at anchors made from indexes, and one sentence rendered
 * with its marks: lexicon hits (<mark>, with the category as a label), the
 * words an outlet's version adds (<ins>) or lacks (<del>) against the
 * fact's representative wording, and conflicting values (<b class="cv">).
 *
 * Every byte of article text passes through px_html_escape; marks are
 * placed on token boundaries so they always nest.
 */
#include <strings.h>

#include "report/html.h"

void html_url(px_buf *b, const char *url)
{
    if (!url)
        return;
    if (strncasecmp(url, "http://", 7) == 0 || strncasecmp(url, "https://", 8) == 0) {
        px_buf_puts(b, "<a class=\"url\" href=\"");
        ESC(b, url);
        px_buf_puts(b, "\" rel=\"noopener noreferrer nofollow\">");
        ESC(b, url);
        px_buf_puts(b, "</a>");
    } else {
        px_buf_puts(b, "<span class=\"url\">");
        ESC(b, url);
        px_buf_puts(b, "</span>");
    }
}

void html_sentence_anchor(const px_story *s, uint32_t src, uint32_t sent, char *out, size_t size)
{
    const px_doc *d = s->docs[src];
    if (d->sents[sent].headline) {
        snprintf(out, size, "o%uh", src + 1);
        return;
    }
    uint32_t first = d->nsents && d->sents[0].headline ? 1 : 0;
    snprintf(out, size, "o%us%u", src + 1, sent - first + 1);
}

void html_sentence_link(const px_story *s, px_buf *b, uint32_t src, uint32_t sent)
{
    char anchor[48], sid[300];
    html_sentence_anchor(s, src, sent, anchor, sizeof anchor);
    px_buf_printf(b, "<a href=\"#%s\">", anchor);
    if (s->docs[src]->sents[sent].headline) {
        px_buf_puts(b, "headline");
    } else {
        px_story_sentence_id(s, src, sent, sid, sizeof sid);
        ESC(b, sid);
    }
    px_buf_puts(b, "</a>");
}

void html_fact_link(px_buf *b, size_t fact)
{
    px_buf_printf(b, "<a href=\"#f%zu\">f%zu</a>", fact + 1, fact + 1);
}

void html_highlight_key(const px_story *s, px_buf *b)
{
    size_t nl;
    size_t *order = px_report_lexicon_order(s, &nl);
    bool first = true;
    for (size_t k = 0; k < nl; k++) {
        uint32_t l = (uint32_t)order[k];
        if (!px_report_lexicon_inline(s, l))
            continue;
        px_buf_printf(b, "%s<mark class=\"h h%u\">", first ? "" : " ",
                      px_report_lexicon_style(s, l));
        ESC(b, px_report_lexicon_label(px_lexset_get(s->lexicons, l)));
        px_buf_puts(b, "</mark>");
        first = false;
    }
    free(order);
}

void html_hit_title(const px_story *s, px_buf *b, const px_hit *h)
{
    const char *cat;
    const px_lex_entry *e = px_lexset_entry(s->lexicons, h, NULL, &cat);
    ESC(b, px_report_lexicon_label(px_lexset_get(s->lexicons, h->lexicon)));
    px_buf_puts(b, ": ");
    ESC(b, cat);
    if (e->neutral) {
        px_buf_puts(b, "; neutral wording: ");
        ESC(b, e->neutral);
    }
    if (h->quoted)
        px_buf_puts(b, "; inside a quotation");
    if (h->negated)
        px_buf_puts(b, "; negated");
}

/* The marks on one token. */
typedef struct tok_state {
    int32_t hit; /* index into the source's hits, -1 for none */
    bool ins, conf;
} tok_state;

static bool same_state(tok_state a, tok_state b)
{
    return a.hit == b.hit && a.ins == b.ins && a.conf == b.conf;
}

static bool is_word(const px_token *t)
{
    return (t->flags & (PX_TOK_WORD | PX_TOK_NUMBER)) != 0;
}

static void mark_hits(const px_story *s, uint32_t src, const px_sentence *st, tok_state *ts)
{
    if (!s->frames)
        return;
    const px_source_frame *fr = &s->frames[src];
    for (size_t h = 0; h < fr->nhits; h++) {
        const px_hit *hit = &fr->hits[h];
        if (!px_report_lexicon_inline(s, hit->lexicon))
            continue;
        /* where hits of two lexicons overlap, the longer one shows */
        bool longer = true;
        for (size_t t = hit->tok; t < hit->tok + hit->ntok; t++)
            if (t >= st->tok && t < st->tok + st->ntok && ts[t - st->tok].hit >= 0 &&
                fr->hits[ts[t - st->tok].hit].ntok >= hit->ntok)
                longer = false;
        for (size_t t = hit->tok; t < hit->tok + hit->ntok && longer; t++)
            if (t >= st->tok && t < st->tok + st->ntok)
                ts[t - st->tok].hit = (int32_t)h;
    }
}

static void mark_inserted(const px_doc *d, const px_sentence *st, const html_sent_opts *o,
                          tok_state *ts)
{
    for (size_t k = 0; k < o->nops; k++)
        if (o->ops[k].kind == PX_DIFF_INS && o->ops[k].tok >= st->tok &&
            o->ops[k].tok < st->tok + st->ntok)
            ts[o->ops[k].tok - st->tok].ins = true;
    /* punctuation between two inserted words belongs to the insertion */
    for (size_t i = 1; i + 1 < st->ntok; i++) {
        if (is_word(&d->toks[st->tok + i]))
            continue;
        size_t p = i, n = i;
        while (p > 0 && !is_word(&d->toks[st->tok + p]))
            p--;
        while (n + 1 < st->ntok && !is_word(&d->toks[st->tok + n]))
            n++;
        ts[i].ins = ts[p].ins && ts[n].ins && p != i && n != i;
    }
}

static void mark_conflicts(const px_doc *d, const px_sentence *st, const html_sent_opts *o,
                           tok_state *ts)
{
    for (size_t v = 0; v < o->nconflict_values; v++) {
        const char *val = o->conflict_values[v];
        size_t vl = val ? strlen(val) : 0;
        if (!vl)
            continue;
        for (size_t p = st->start; p + vl <= st->end; p++) {
            if (strncasecmp(d->text + p, val, vl) != 0)
                continue;
            for (size_t i = 0; i < st->ntok; i++) {
                const px_token *t = &d->toks[st->tok + i];
                if (t->start >= p && t->end <= p + vl)
                    ts[i].conf = true;
            }
            break;
        }
    }
}

static void open_state(const px_story *s, px_buf *b, uint32_t src, tok_state st)
{
    if (st.hit >= 0) {
        const px_hit *h = &s->frames[src].hits[st.hit];
        px_buf_printf(b, "<mark class=\"h h%u\" title=\"", px_report_lexicon_style(s, h->lexicon));
        html_hit_title(s, b, h);
        px_buf_puts(b, "\">");
    }
    if (st.ins)
        px_buf_puts(b, "<ins>");
    if (st.conf)
        px_buf_puts(b, "<b class=\"cv\">");
}

/* Close the marks of st after token tok; a hit's label follows its last
 * token. */
static void close_state(const px_story *s, px_buf *b, uint32_t src, tok_state st, size_t tok,
                        bool labels)
{
    if (st.conf)
        px_buf_puts(b, "</b>");
    if (st.ins)
        px_buf_puts(b, "</ins>");
    if (st.hit < 0)
        return;
    const px_hit *h = &s->frames[src].hits[st.hit];
    if (labels && tok + 1 == h->tok + h->ntok) {
        const char *cat;
        px_lexset_entry(s->lexicons, h, NULL, &cat);
        px_buf_puts(b, "<small>");
        ESC(b, cat);
        px_buf_puts(b, "</small>");
    }
    px_buf_puts(b, "</mark>");
}

/* Emit the run of removed base words starting at ops[*k], if any, set off
 * by spaces from the words around it. */
static void removed_run(const px_story *s, px_buf *b, const html_sent_opts *o, size_t *k,
                        bool space_after)
{
    size_t first = *k;
    while (*k < o->nops && o->ops[*k].kind == PX_DIFF_DEL)
        (*k)++;
    if (*k == first)
        return;
    const px_doc *bd = s->docs[o->base_src];
    size_t from = bd->toks[o->ops[first].tok].start, to = bd->toks[o->ops[*k - 1].tok].end;
    if (b->len && b->data[b->len - 1] != ' ')
        px_buf_putc(b, ' ');
    px_buf_puts(b, "<del>");
    px_html_escape(b, bd->text + from, to - from);
    px_buf_puts(b, space_after ? "</del> " : "</del>");
}

/* Walks the tokens of a sentence, emitting text between them and the marks
 * each token carries. */
typedef struct walker {
    const px_story *s;
    px_buf *b;
    uint32_t src;
    const html_sent_opts *o;
    bool open;
    tok_state cur;
    size_t cur_tok;
} walker;

static void walker_close(walker *w)
{
    if (w->open)
        close_state(w->s, w->b, w->src, w->cur, w->cur_tok, w->o->labels);
    w->open = false;
}

void html_sentence(const px_story *s, px_buf *b, uint32_t src, uint32_t sent,
                   const html_sent_opts *o)
{
    const px_doc *d = s->docs[src];
    const px_sentence *st = &d->sents[sent];
    tok_state *ts = px_xmalloc((st->ntok ? st->ntok : 1) * sizeof *ts);
    size_t last_word = 0;
    for (size_t i = 0; i < st->ntok; i++) {
        ts[i] = (tok_state){-1, false, false};
        if (is_word(&d->toks[st->tok + i]))
            last_word = i;
    }
    if (o->hits && s->lexicons)
        mark_hits(s, src, st, ts);
    mark_inserted(d, st, o, ts);
    mark_conflicts(d, st, o, ts);
    walker w = {s, b, src, o, false, {-1, false, false}, 0};
    size_t pos = st->start, k = 0;
    for (size_t i = 0; i < st->ntok; i++) {
        const px_token *t = &d->toks[st->tok + i];
        bool word = is_word(t);
        bool dels = k < o->nops && o->ops[k].kind == PX_DIFF_DEL && (word || i > last_word);
        if (w.open && (dels || !same_state(w.cur, ts[i])))
            walker_close(&w);
        px_html_escape(b, d->text + pos, t->start > pos ? t->start - pos : 0);
        if (dels)
            removed_run(s, b, o, &k, word);
        if (word && k < o->nops && o->ops[k].tok == st->tok + i)
            k++;
        if (!w.open && (ts[i].hit >= 0 || ts[i].ins || ts[i].conf)) {
            open_state(s, b, src, ts[i]);
            w.open = true;
            w.cur = ts[i];
        }
        px_html_escape(b, d->text + t->start, t->end - t->start);
        w.cur_tok = st->tok + i;
        pos = t->end;
    }
    walker_close(&w);
    if (st->end > pos)
        px_html_escape(b, d->text + pos, st->end - pos);
    removed_run(s, b, o, &k, false);
    free(ts);
}
