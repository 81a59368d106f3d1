/*
 * blocks.c — a parsed page flattened into paragraphs and elements.
 *
 * One walk over the tree: every run of inline text inside a block becomes
 * a paragraph (whitespace collapsed; one <br> is a line break, two end the
 * paragraph; table cells are separated by a space), and every element
 * records the range of paragraphs it holds. Script, style, media and form
 * controls give no text; inline elements that are hidden or named as
 * chrome (a share link, a hidden hover card) are skipped here, because
 * they can never hold the article. Blocks are only classified; score.c
 * decides what they are worth.
 *
 * Hands on: px_flat (text, paragraphs with their length, link text, words
 * and punctuation, elements with ranges, tags and hints) to score.c and
 * html.c.
 */
#include <string.h>

#include "ingest/dom.h"

#define MAX_DEPTH 400 /* deeper than any real page; guards the recursion */

struct walker {
    px_flat *pg;
    uint32_t block;        /* innermost block element */
    int links, captions, quotes, items, pres, times;
    uint8_t level;         /* heading level, 0 outside headings */
    bool open, space, word;
    int brs;               /* line breaks since the last text */
    px_para cur;
};

/* A linked headline with a summary cut short ("…" or "...") is a teaser
 * for another page. */
static bool teaser(const px_flat *pg, const px_para *p)
{
    const char *end = pg->text.data + p->start + p->len;
    return p->links && p->len > 3 &&
           (memcmp(end - 3, "...", 3) == 0 || memcmp(end - 3, "\xE2\x80\xA6", 3) == 0);
}

static void close_run(struct walker *w)
{
    if (w->open && w->cur.len) {
        w->cur.len = (uint32_t)(w->pg->text.len - w->cur.start);
        if (teaser(w->pg, &w->cur))
            w->cur.kind |= P_TEASER;
        if (w->cur.dates == w->cur.chars)
            w->cur.kind |= P_DATE;
        px_vec_push(w->pg->paras, w->cur);
    }
    w->open = w->space = w->word = false;
    w->brs = 0;
}

static void open_run(struct walker *w)
{
    memset(&w->cur, 0, sizeof w->cur);
    w->cur.start = (uint32_t)w->pg->text.len;
    w->cur.elem = w->block;
    w->cur.level = w->level;
    w->cur.kind = (uint8_t)((w->level ? P_HEADING : 0) | (w->items ? P_ITEM : 0) |
                            (w->captions ? P_CAPTION : 0) | (w->quotes ? P_QUOTE : 0) |
                            (w->pres ? P_PRE : 0));
    w->open = true;
    w->space = w->word = false;
    w->brs = 0;
}

static bool is_stop(const unsigned char *s)
{
    switch (s[0]) {
    case '.': case '!': case '?': case ',': case ';': case ':':
        return true;
    case 0xE3: /* 、 。 */
        return s[1] == 0x80 && (s[2] == 0x81 || s[2] == 0x82);
    case 0xEF: /* ， ！ ？ */
        return s[1] == 0xBC && (s[2] == 0x8C || s[2] == 0x81 || s[2] == 0x9F);
    default:
        return false;
    }
}

/* Before a visible character: open a run, or separate it from what came
 * before by a space, a line break or a new paragraph. */
static void before_char(struct walker *w)
{
    if (!w->open) {
        open_run(w);
    } else if (w->brs >= 2) {
        close_run(w);
        open_run(w);
    } else if (w->brs == 1) {
        px_buf_putc(&w->pg->text, '\n');
        w->word = false;
    } else if (w->space) {
        px_buf_putc(&w->pg->text, ' ');
        w->word = false;
    }
    w->brs = 0;
    w->space = false;
}

static void add_text(struct walker *w, const unsigned char *s)
{
    for (; s && *s; s++) {
        unsigned char c = *s;
        bool nbsp = c == 0xC2 && s[1] == 0xA0;
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || nbsp) {
            s += nbsp;
            if (w->pres && c == '\n' && w->open)
                w->brs++;
            else
                w->space = true;
            continue;
        }
        before_char(w);
        px_buf_putc(&w->pg->text, (char)c);
        w->cur.len = 1;
        if ((c & 0xC0) == 0x80)
            continue; /* a continuation byte: counted with its lead byte */
        w->cur.chars++;
        w->cur.links += w->links > 0;
        w->cur.dates += w->times > 0;
        bool wordch = c >= 0x80 || (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
        bool ideograph = c >= 0xE3 && c <= 0xE9; /* U+3000–U+9FFF: kana, CJK, one word each */
        if (wordch && (!w->word || ideograph))
            w->cur.words++;
        w->word = wordch;
        w->cur.stops += is_stop(s);
    }
}

static uint32_t push_elem(px_flat *pg, const xmlNode *n, unsigned tag, unsigned hints,
                          uint32_t parent, unsigned depth)
{
    px_elem e = {n, (uint32_t)pg->paras.n, 0, 0, parent, tag, (uint8_t)hints, (uint16_t)depth};
    px_vec_push(pg->elems, e);
    return (uint32_t)(pg->elems.n - 1);
}

static void walk(struct walker *w, const xmlNode *n, uint32_t parent, unsigned depth);

/* One element: classify, adjust the context, walk its children. */
static void enter(struct walker *w, const xmlNode *c, uint32_t parent, unsigned depth)
{
    unsigned tag = px_dom_tag(c);
    if (tag & T_JUNK)
        return;
    if (tag & T_BR) {
        if (w->open)
            w->brs++;
        return;
    }
    if (!tag && strchr((const char *)c->name, '-'))
        tag = T_BLOCK; /* a custom element: a component, not a word */
    unsigned hints = px_dom_hints(c);
    bool inline_ = !(tag & (T_BLOCK | T_CELL));
    if (inline_ && (hints & (H_HIDDEN | H_BAD)))
        return;
    struct walker saved = *w;
    if (tag & T_BLOCK)
        close_run(w);
    uint32_t me = push_elem(w->pg, c, tag, hints, parent, depth);
    if (tag & T_BLOCK)
        w->block = me;
    if (tag & T_CELL)
        w->space = true;
    w->links += (tag & T_LINK) != 0;
    w->captions += (tag & T_CAPTION) != 0;
    w->quotes += (tag & T_QUOTE) != 0;
    w->items += (tag & T_ITEM) != 0;
    w->pres += (tag & T_PRE) != 0;
    w->times += (tag & T_TIME) != 0;
    if (tag & T_HEADING)
        w->level = (uint8_t)(c->name[1] - '0');
    walk(w, c, me, depth + 1);
    if (tag & T_BLOCK)
        close_run(w);
    px_elem *e = &w->pg->elems.v[me];
    e->last = (uint32_t)w->pg->paras.n + (w->open ? 1 : 0);
    e->end = (uint32_t)w->pg->elems.n;
    w->block = saved.block;
    w->links = saved.links, w->captions = saved.captions, w->quotes = saved.quotes;
    w->items = saved.items, w->pres = saved.pres, w->level = saved.level;
    w->times = saved.times;
    if (tag & T_CELL)
        w->space = true;
}

static void walk(struct walker *w, const xmlNode *n, uint32_t parent, unsigned depth)
{
    if (depth > MAX_DEPTH)
        return;
    for (const xmlNode *c = n->children; c; c = c->next) {
        if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE)
            add_text(w, c->content);
        else if (c->type == XML_ELEMENT_NODE)
            enter(w, c, parent, depth);
    }
}

void px_flat_build(px_flat *pg, const xmlNode *root)
{
    px_buf_init(&pg->text, 0);
    struct walker w = {0};
    w.pg = pg;
    w.block = UINT32_MAX;
    if (root && root->type == XML_ELEMENT_NODE) {
        /* the root as an element of its own, so every paragraph has one */
        xmlNode holder = {0};
        holder.children = (xmlNode *)root;
        walk(&w, &holder, UINT32_MAX, 0);
    }
    close_run(&w);
}

void px_flat_free(px_flat *pg)
{
    px_buf_free(&pg->text);
    px_vec_free(pg->paras);
    px_vec_free(pg->elems);
}
