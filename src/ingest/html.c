/*
 * html.c — HTML page → px_article: body and metadata.
 *
 * The steps: decode the bytes to UTF-8 (charset.c), parse with libxml2's
 * HTML parser (no network, errors recovered), read the metadata (meta.c),
 * flatten the page into paragraphs (blocks.c), find the element that holds
 * the article and the paragraphs in it that are article text (score.c),
 * then emit them here, one paragraph per block, separated by a blank line.
 * Emitting drops what only a reader of the words can tell apart: the
 * headline repeated in the body, lines the furniture rules name (bylines,
 * "Read more", "Sign up for…", credits; listed in px_article.removed) and
 * a summary shown twice. When the page yields (almost) no text but its
 * JSON-LD carries an articleBody, that is the body.
 *
 * Hands on: a px_article in the caller's arena; the parsed page is freed.
 */
#include <ctype.h>
#include <libxml/HTMLparser.h>
#include <string.h>
#include <strings.h>

#include "ingest/dom.h"
#include "ingest/internal.h"

#define FURNITURE_MAX 300 /* longer paragraphs are never page furniture */
#define SUMMARY_MIN 40    /* a shorter first paragraph repeated later is not a summary */

static bool same_words(const char *s, size_t n, const char *t)
{
    if (!t)
        return false;
    char x[512], y[512];
    size_t a = px_squash(s, n, x, sizeof x), b = px_squash(t, strlen(t), y, sizeof y);
    return a > 0 && a == b && memcmp(x, y, a) == 0;
}

struct emit {
    px_arena *a;
    const px_flat *pg;
    const px_html_meta *m;
    const px_furniture *fur;
    px_buf out;
    const char *byline;           /* a "By …" line found in the body */
    PX_VEC(const char *) removed; /* furniture lines dropped from the body */
};

/* Is paragraph p page furniture by the rules of data/furniture.txt? */
static bool furniture(struct emit *e, const char *s, size_t n)
{
    if (!e->fur || n > FURNITURE_MAX)
        return false;
    char *line = px_xstrndup(s, n);
    for (char *c = line; *c; c++)
        if (*c == '\n')
            *c = ' ';
    px_furn_kind k = px_furniture_match(e->fur, line);
    if (k == PX_FURN_BYLINE && !e->byline && n > 3)
        e->byline = px_arena_strdup(e->a, line + 3);
    if (k != PX_FURN_NONE)
        px_vec_push(e->removed, px_utf8_clean(e->a, line, n, NULL));
    free(line);
    return k != PX_FURN_NONE;
}

static void emit_para(struct emit *e, const px_para *p)
{
    const char *s = e->pg->text.data + p->start;
    size_t n = p->len;
    if ((p->kind & P_HEADING) && (same_words(s, n, e->m->title) || same_words(s, n, e->m->h1)))
        return;
    if (furniture(e, s, n))
        return;
    if (e->out.len)
        px_buf_puts(&e->out, "\n\n");
    px_buf_add(&e->out, s, n);
}

/* A summary shown twice: the first kept paragraph repeated word for word
 * later in the body, or opening the paragraph after it. The later copy is
 * the article's own; the first one goes. */
static void drop_repeated_summary(const px_flat *pg, bool *keep)
{
    size_t first = 0;
    while (first < pg->paras.n && !keep[first])
        first++;
    if (first == pg->paras.n || pg->paras.v[first].len < SUMMARY_MIN)
        return;
    const px_para *f = &pg->paras.v[first];
    const char *fs = pg->text.data + f->start;
    bool next = true;
    for (size_t i = first + 1; i < pg->paras.n; i++) {
        const px_para *p = &pg->paras.v[i];
        if (!keep[i])
            continue;
        bool same = p->len == f->len && memcmp(pg->text.data + p->start, fs, f->len) == 0;
        bool opens = next && p->len > f->len && memcmp(pg->text.data + p->start, fs, f->len) == 0;
        if (same || opens) {
            keep[first] = false;
            return;
        }
        next = false;
    }
}

/* The body: the kept paragraphs of the main element. */
static void emit_body(struct emit *e, uint32_t m)
{
    const px_flat *pg = e->pg;
    if (m == UINT32_MAX)
        return;
    bool *keep = px_xmalloc(pg->paras.n * sizeof *keep + 1);
    px_flat_select(pg, m, keep);
    drop_repeated_summary(pg, keep);
    for (size_t i = 0; i < pg->paras.n; i++)
        if (keep[i])
            emit_para(e, &pg->paras.v[i]);
    free(keep);
}

/* The page's JSON-LD articleBody is the body when the page gave almost no
 * text, or far less than the structured data says the article holds (the
 * text is rendered by script, or the page fooled the scoring). */
static bool ld_body_better(size_t found, size_t ld)
{
    return (found < 200 && ld > found) || (ld > 1000 && found * 4 < ld);
}

/* JSON-LD articleBody as paragraphs: one per line. */
static void emit_ld_body(struct emit *e, const char *body)
{
    px_buf_reset(&e->out);
    for (const char *p = body; *p;) {
        size_t n = strcspn(p, "\r\n");
        size_t s = 0;
        while (s < n && isspace((unsigned char)p[s]))
            s++;
        if (s < n) {
            if (e->out.len)
                px_buf_puts(&e->out, "\n\n");
            px_buf_add(&e->out, p + s, n - s);
        }
        p += n;
        while (*p == '\r' || *p == '\n')
            p++;
    }
}

/* The first short text in an element named as a byline, before the end
 * of the article, without "By": the authors when the metadata names none. */
static const char *dom_byline(px_arena *a, const px_flat *pg, uint32_t main)
{
    uint32_t end = main < pg->elems.n ? pg->elems.v[main].last : (uint32_t)pg->paras.n;
    for (size_t i = 0; i < pg->elems.n; i++) {
        const px_elem *e = &pg->elems.v[i];
        if (!(e->hints & H_BYLINE) || e->first >= e->last || e->first >= end)
            continue;
        const px_para *p = &pg->paras.v[e->first];
        if (p->chars > 100 || p->words < 2)
            continue;
        const char *s = pg->text.data + p->start;
        size_t n = p->len;
        static const char *const lead[] = {"written by ", "by ", "von ", "par ", "por "};
        for (size_t k = 0; k < sizeof lead / sizeof lead[0]; k++) {
            size_t l = strlen(lead[k]);
            if (n > l && strncasecmp(s, lead[k], l) == 0) {
                s += l, n -= l;
                break;
            }
        }
        return px_utf8_clean(a, s, n, NULL);
    }
    return NULL;
}

static void fill(px_arena *a, px_article *art, const px_html_meta *m, const char *origin)
{
    art->kind = PX_KIND_HTML;
    art->origin = px_arena_strdup(a, origin);
    art->id = px_ingest_id_from_path(a, origin);
    art->name = m->site ? m->site : art->id;
    art->title = m->title ? m->title : "";
    art->byline = m->author;
    art->date = m->date;
    art->modified = m->modified;
    art->url = m->url;
    art->lang = m->lang;
}

/* Parse the page as UTF-8. XML_PARSE_HUGE lifts libxml2's depth limit of
 * 256: broken pages (unclosed <font> or <b>) nest deeper, and the text
 * below that depth would be lost. The input size is capped by the caller. */
static htmlDocPtr parse(const char *html, size_t len, const char *charset)
{
    size_t ulen = len;
    const char *used;
    char *utf8 = px_html_decode(html, len, charset, &ulen, &used);
    int opts = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
               HTML_PARSE_COMPACT | HTML_PARSE_IGNORE_ENC | XML_PARSE_HUGE;
    const char *src = utf8 ? utf8 : html;
    htmlDocPtr doc = ulen <= INT32_MAX ? htmlReadMemory(src, (int)ulen, NULL, "UTF-8", opts) : NULL;
    free(utf8);
    return doc;
}

px_status px_ingest_html(px_arena *a, const char *html, size_t len, const char *origin,
                         const px_ingest_opts *o, px_article **out, px_error *err)
{
    *out = NULL;
    if (len == 0)
        return px_error_set(err, PX_EINPUT, origin, 0, "empty file");
    if (len > INT32_MAX / 2)
        return px_error_set(err, PX_ELIMIT, origin, 0, "page too large");
    htmlDocPtr doc = parse(html, len, o ? o->charset : NULL);
    xmlNode *root = doc ? xmlDocGetRootElement(doc) : NULL;
    if (!root) {
        xmlFreeDoc(doc);
        return px_error_set(err, PX_EINPUT, origin, 0, "not an HTML page (nothing parsed)");
    }
    px_html_meta m;
    px_html_meta_read(a, root, &m);
    px_flat pg = {0};
    px_flat_build(&pg, root, len);
    struct emit e = {a, &pg, &m, o ? o->furniture : NULL, {0}, NULL, {0}};
    px_buf_init(&e.out, 0);
    uint32_t main = px_flat_main(&pg);
    emit_body(&e, main);
    if (m.ld_body && ld_body_better(e.out.len, strlen(m.ld_body)))
        emit_ld_body(&e, m.ld_body);
    px_article *art = px_arena_alloc(a, sizeof *art);
    fill(a, art, &m, origin);
    if (!art->byline)
        art->byline = e.byline ? e.byline : dom_byline(a, &pg, main);
    art->body = px_utf8_clean(a, e.out.data ? e.out.data : "", e.out.len, &art->body_len);
    px_buf_free(&e.out);
    art->removed = px_arena_memdup(a, e.removed.v, e.removed.n * sizeof *e.removed.v);
    art->nremoved = e.removed.n;
    px_vec_free(e.removed);
    px_flat_free(&pg);
    xmlFreeDoc(doc);
    px_ingest_finish(a, art);
    if (art->body_len == 0)
        return px_error_set(err, PX_EINPUT, origin, 0, "no article text found in the page");
    *out = art;
    return PX_OK;
}
