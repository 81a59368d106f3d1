/*
 * ingest/dom.h — what the HTML extractor knows about a page's elements and
 * the flattened page it works on.
 *
 * dom.c classifies elements (tag kinds, class/id hints, hidden), blocks.c
 * flattens a parsed page into paragraphs (one per run of inline text) and
 * elements (each with the range of paragraphs it holds), score.c picks the
 * element that holds the article and marks the chrome inside it, and
 * html.c emits the kept paragraphs. meta.c reads the metadata.
 */
#ifndef PX_INGEST_DOM_H
#define PX_INGEST_DOM_H

#include <libxml/tree.h>
#include <stdint.h>

#include "parallax/ingest.h"
#include "util/toolbox.h"

/* Tag kinds (bits). */
enum {
    T_BLOCK = 1 << 0,    /* breaks inline text into paragraphs */
    T_JUNK = 1 << 1,     /* never text: script, style, form controls, media */
    T_HEADING = 1 << 2,  /* h1–h6 */
    T_ITEM = 1 << 3,     /* li, dt, dd */
    T_CAPTION = 1 << 4,  /* figcaption, caption, figure */
    T_QUOTE = 1 << 5,    /* blockquote */
    T_PRE = 1 << 6,      /* pre: keep line breaks */
    T_CELL = 1 << 7,     /* td, th: a space between cells */
    T_CHROME = 1 << 8,   /* nav, aside, footer, header: page chrome unless it holds the text */
    T_LINK = 1 << 9,     /* a */
    T_BR = 1 << 10,      /* br */
    T_ARTICLE = 1 << 11, /* article, main */
    T_PARA = 1 << 12,    /* p */
    T_LIST = 1 << 13,    /* ul, ol, dl */
    T_NAV = 1 << 14,     /* nav, menu: never article text */
    T_TIME = 1 << 15,    /* time */
    T_INLINE = 1 << 16,  /* known inline tags (span, em, b…); other unknown tags with a '-'
                            in their name are custom elements, treated as blocks */
};

/* Class/id hints (bits). */
enum {
    H_BAD = 1 << 0,     /* names chrome: related, share, newsletter, comments, ads */
    H_WEAK = 1 << 1,    /* names chrome unless it also names content (sidebar, meta) */
    H_GOOD = 1 << 2,    /* names content once (article, story, content, body) */
    H_BEST = 1 << 3,    /* names the body (article-body, entry-content, itemprop) */
    H_HIDDEN = 1 << 4,  /* hidden attribute, display:none, aria-hidden */
    H_CAPTION = 1 << 5, /* names a caption or credit */
    H_BYLINE = 1 << 6,  /* names a byline or an author */
    H_DATE = 1 << 7,    /* names a dateline or a timestamp */
};

/* The tag kinds of element n (0 for unknown tags). */
unsigned px_dom_tag(const xmlNode *n);
/* The value of attribute name (lower case), without copying; NULL if absent. */
const char *px_dom_attr(const xmlNode *n, const char *name);
/* Hints from n's class, id and itemprop, and whether it is hidden. */
unsigned px_dom_hints(const xmlNode *n);

/* A paragraph: a run of inline text inside one block. */
enum {
    P_HEADING = 1,
    P_ITEM = 2,
    P_CAPTION = 4,
    P_QUOTE = 8,
    P_PRE = 16,
    P_DATE = 64 /* all of it inside <time>: a dateline */
};
typedef struct px_para {
    uint32_t start, len;   /* bytes in px_flat.text */
    uint32_t chars, links; /* code points; of them inside links */
    uint32_t dates;        /* code points inside <time> */
    uint32_t words, stops; /* words; sentence ends and commas */
    uint32_t elem;         /* the block element that holds it */
    uint8_t kind;          /* P_* bits */
    uint8_t level;         /* heading level 1–6, else 0 */
} px_para;

/* An element, in document order: its paragraphs are [first, last) and its
 * descendants are the elements (index, end). */
typedef struct px_elem {
    const xmlNode *node;
    uint32_t first, last, end;
    uint32_t parent; /* index of the parent element; UINT32_MAX for the root */
    uint32_t outer;  /* the innermost block around it */
    uint32_t tag;    /* T_* bits */
    uint8_t hints;   /* H_* bits */
    uint16_t depth;
} px_elem;

typedef struct px_flat {
    px_buf text; /* paragraph text, back to back */
    PX_VEC(px_para) paras;
    PX_VEC(px_elem) elems;
} px_flat;

/* Flatten the tree under root into pg (zero it first); page_bytes, the
 * size of the page, sizes the buffers. Junk elements and hidden or chrome
 * inline elements contribute no text. */
void px_flat_build(px_flat *pg, const xmlNode *root, size_t page_bytes);
void px_flat_free(px_flat *pg);

/* The element that holds the article (index into pg->elems), or UINT32_MAX
 * when the page has no text. */
uint32_t px_flat_main(const px_flat *pg);
/* Mark keep[i] for each paragraph of element m that is article text: not
 * inside chrome, captions or link lists (keep has pg->paras.n entries). */
void px_flat_select(const px_flat *pg, uint32_t m, bool *keep);

/* Page bytes in any declared or sniffed charset → UTF-8 (BOM, the declared
 * charset, <meta charset>/http-equiv, else UTF-8 if valid, else
 * windows-1252); invalid bytes become U+FFFD. Returns NULL when html is
 * already valid UTF-8 without a BOM (use it as is); else a malloc'd,
 * NUL-terminated copy the caller frees. *used names the charset read. */
char *px_html_decode(const char *html, size_t len, const char *declared, size_t *out_len,
                     const char **used);

/* Metadata of the page (read before extraction; strings in the arena). */
typedef struct px_html_meta {
    const char *title, *site, *author, *url, *lang, *description;
    const char *date, *modified; /* ISO 8601 */
    const char *ld_body;         /* JSON-LD articleBody */
    const char *h1;              /* the first <h1> */
} px_html_meta;
void px_html_meta_read(px_arena *a, const xmlNode *root, px_html_meta *m);

#endif
