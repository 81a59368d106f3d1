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

struct walker {
    px_flat *pg;
    uint32_t elem;  /* the element being walked */
    uint32_t block; /* innermost block element */
    unsigned depth;
    int links, captions, quotes, items, pres, times;
    uint8_t level; /* heading level, 0 outside headings */
    bool open, space, word;
    int brs; /* line breaks since the last text */
    px_para cur;
};

static void close_run(struct walker *w)
{
    if (w->open && w->cur.len) {
        w->cur.len = (uint32_t)(w->pg->text.len - w->cur.start);
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
    case '.':
    case '!':
    case '?':
    case ',':
    case ';':
    case ':': return true;
    case 0xE3: /* 、 。 */ return s[1] == 0x80 && (s[2] == 0x81 || s[2] == 0x82);
    case 0xEF: /* ， ！ ？ */ return s[1] == 0xBC && (s[2] == 0x8C || s[2] == 0x81 || s[2] == 0x9F);
    default: return false;
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

static bool blank(const unsigned char *s)
{
    return *s == ' ' || *s == '\t' || *s == '\n' || *s == '\r' || *s == '\f' ||
           (s[0] == 0xC2 && s[1] == 0xA0); /* no-break space */
}

/* Count the characters, words and stops of a run of visible bytes. */
static void count_run(struct walker *w, const unsigned char *s, size_t n)
{
    uint32_t chars = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = s[i];
        if ((c & 0xC0) == 0x80)
            continue; /* a continuation byte: counted with its lead byte */
        chars++;
        bool wordch =
            c >= 0x80 || (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
        bool ideograph = c >= 0xE3 && c <= 0xE9; /* U+3000–U+9FFF: kana, CJK, one word each */
        if (wordch && (!w->word || ideograph))
            w->cur.words++;
        w->word = wordch;
        w->cur.stops += is_stop(s + i);
    }
    w->cur.chars += chars;
    w->cur.links += w->links > 0 ? chars : 0;
    w->cur.dates += w->times > 0 ? chars : 0;
}

/* Text: whitespace collapsed (kept as line breaks in <pre>), each run of
 * visible bytes appended whole. */
static void add_text(struct walker *w, const unsigned char *s)
{
    while (s && *s) {
        if (blank(s)) {
            if (w->pres && *s == '\n' && w->open)
                w->brs++;
            else
                w->space = true;
            s += *s == 0xC2 ? 2 : 1;
            continue;
        }
        size_t n = 0;
        while (s[n] && !blank(s + n))
            n++;
        before_char(w);
        px_buf_add(&w->pg->text, s, n);
        w->cur.len = 1;
        count_run(w, s, n);
        s += n;
    }
}

static uint32_t push_elem(px_flat *pg, const xmlNode *n, unsigned tag, unsigned hints,
                          uint32_t parent, uint32_t outer, unsigned depth)
{
    px_elem e = {n,
                 (uint32_t)pg->paras.n,
                 0,
                 0,
                 parent,
                 outer,
                 tag,
                 (uint8_t)hints,
                 (uint16_t)(depth < UINT16_MAX ? depth : UINT16_MAX)};
    px_vec_push(pg->elems, e);
    return (uint32_t)(pg->elems.n - 1);
}

/* The context an element opens, or (sign -1) closes. */
static void count(struct walker *w, const xmlNode *n, unsigned tag, int sign)
{
    w->links += sign * ((tag & T_LINK) != 0);
    w->captions += sign * ((tag & T_CAPTION) != 0);
    w->quotes += sign * ((tag & T_QUOTE) != 0);
    w->items += sign * ((tag & T_ITEM) != 0);
    w->pres += sign * ((tag & T_PRE) != 0);
    w->times += sign * ((tag & T_TIME) != 0);
    if (tag & T_HEADING)
        w->level = sign > 0 ? (uint8_t)(n->name[1] - '0') : 0;
    if (tag & T_CELL)
        w->space = true;
}

/* Entering element n: classify it, record it, open its context. False
 * when it gives no text (junk, a <br>, hidden or chrome inline): its
 * children are skipped and it is not left. */
static bool enter(struct walker *w, const xmlNode *n)
{
    unsigned tag = px_dom_tag(n);
    if (tag & T_JUNK)
        return false;
    if (tag & T_BR) {
        if (w->open)
            w->brs++;
        return false;
    }
    if (!tag && strchr((const char *)n->name, '-'))
        tag = T_BLOCK; /* a custom element: a component, not a word */
    unsigned hints = px_dom_hints(n);
    if (!(tag & (T_BLOCK | T_CELL)) && (hints & (H_HIDDEN | H_BAD)))
        return false;
    if (tag & T_BLOCK)
        close_run(w);
    uint32_t me = push_elem(w->pg, n, tag, hints, w->elem, w->block, w->depth);
    w->elem = me;
    if (tag & T_BLOCK)
        w->block = me;
    count(w, n, tag, +1);
    w->depth++;
    return true;
}

/* Leaving the current element: close its paragraph and its context. */
static void leave(struct walker *w)
{
    px_elem *e = &w->pg->elems.v[w->elem];
    if (e->tag & T_BLOCK)
        close_run(w);
    e = &w->pg->elems.v[w->elem]; /* close_run may have moved the vector */
    e->last = (uint32_t)w->pg->paras.n + (w->open ? 1 : 0);
    e->end = (uint32_t)w->pg->elems.n;
    w->block = e->outer;
    count(w, e->node, e->tag, -1);
    w->elem = e->parent;
    w->depth--;
}

/* Text nodes add text; elements are entered and, after their children,
 * left. A loop over the tree (children, next, parent), not recursion:
 * broken pages nest thousands deep. */
static void walk(struct walker *w, const xmlNode *root)
{
    const xmlNode *n = root;
    for (;;) {
        bool down = false;
        if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE)
            add_text(w, n->content);
        else if (n->type == XML_ELEMENT_NODE)
            down = enter(w, n);
        if (down && n->children) {
            n = n->children;
            continue;
        }
        if (down)
            leave(w);
        while (n != root && !n->next) {
            n = n->parent;
            leave(w);
        }
        if (n == root)
            return;
        n = n->next;
    }
}

/* Room for a page of page_bytes at once: growing by doubling copies and
 * churns the allocator; untouched pages of a large block cost nothing. */
static void reserve(px_flat *pg, size_t page_bytes)
{
    size_t text = page_bytes / 2 + 256, elems = page_bytes / 24 + 64, paras = page_bytes / 96 + 64;
    pg->text.data = px_xmalloc(text);
    pg->text.data[0] = '\0';
    pg->text.cap = text;
    pg->elems.v = px_xreallocarray(NULL, elems, sizeof *pg->elems.v);
    pg->elems.cap = elems;
    pg->paras.v = px_xreallocarray(NULL, paras, sizeof *pg->paras.v);
    pg->paras.cap = paras;
}

void px_flat_build(px_flat *pg, const xmlNode *root, size_t page_bytes)
{
    px_buf_init(&pg->text, 0);
    reserve(pg, page_bytes);
    struct walker w = {0};
    w.pg = pg;
    w.block = w.elem = UINT32_MAX;
    if (root && root->type == XML_ELEMENT_NODE)
        walk(&w, root);
    close_run(&w);
}

void px_flat_free(px_flat *pg)
{
    px_buf_free(&pg->text);
    px_vec_free(pg->paras);
    px_vec_free(pg->elems);
}
