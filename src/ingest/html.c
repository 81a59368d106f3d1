/*
 * html.c — HTML page → article body and metadata (libxml2's HTML parser).
 *
 * The page is parsed with libxml2 (no network, no external entities), page
 * chrome is dropped (script, style, nav, header, footer, aside, forms and
 * blocks whose class or id names navigation, promotion, newsletters,
 * sharing, comments or ads), and the main content is found by scoring
 * blocks on text length, punctuation and link density, as Readability does,
 * with <article>/<main> and JSON-LD articleBody as strong hints. The body is
 * emitted as paragraphs: one per p, heading, list item, block quote or
 * table row, separated by a blank line.
 *
 * Metadata: headline, outlet, authors, dates, canonical URL and language
 * from meta tags, JSON-LD and the document.
 */
#include "parallax/ingest.h"

#include <ctype.h>
#include <jansson.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ingest/internal.h"

static bool name_is(const xmlNode *n, const char *name)
{
    return n->type == XML_ELEMENT_NODE && xmlStrcasecmp(n->name, (const xmlChar *)name) == 0;
}

static bool name_in(const xmlNode *n, const char *const *names)
{
    for (; *names; names++)
        if (name_is(n, *names))
            return true;
    return false;
}

static const char *const junk_tags[] = {
    "script", "style", "noscript", "nav", "footer", "aside", "form", "iframe", "svg",
    "button", "select", "template", "object", "embed", "canvas", "input", "textarea",
    "label", "dialog", "menu", "link", "meta", NULL};

static const char *const block_tags[] = {
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "tr", "dt", "dd",
    "figcaption", "caption", "address", NULL};

static const char *negative_words[] = {
    "nav", "menu", "footer", "header", "masthead", "related", "promo", "newsletter",
    "subscribe", "signup", "sign-up", "share", "sharing", "social", "comment", "advert",
    "ad-", "-ad", "ads", "sponsor", "cookie", "consent", "sidebar", "breadcrumb", "widget",
    "popup", "modal", "banner", "outbrain", "taboola", "recirc", "more-stories", "trending",
    "byline", "author-bio", "caption", "credit", "tags", "toolbar", "paywall", "hidden",
    NULL};

static const char *positive_words[] = {
    "article", "story", "content", "body", "main", "post", "entry", "text", "prose", NULL};

/* Does class or id hold one of words (as a substring, case-insensitive)? */
static int hint(const xmlNode *n, const char **words)
{
    int hits = 0;
    static const char *attrs[] = {"class", "id", "role", "itemprop"};
    for (size_t a = 0; a < 4; a++) {
        xmlChar *v = xmlGetProp(n, (const xmlChar *)attrs[a]);
        if (!v)
            continue;
        for (xmlChar *p = v; *p; p++)
            *p = (xmlChar)tolower(*p);
        for (const char **w = words; *w; w++)
            if (strstr((const char *)v, *w)) {
                hits++;
                break;
            }
        xmlFree(v);
    }
    return hits;
}

static bool is_hidden(const xmlNode *n)
{
    if (xmlHasProp(n, (const xmlChar *)"hidden"))
        return true;
    xmlChar *aria = xmlGetProp(n, (const xmlChar *)"aria-hidden");
    bool hidden = aria && xmlStrcmp(aria, (const xmlChar *)"true") == 0;
    xmlFree(aria);
    xmlChar *style = xmlGetProp(n, (const xmlChar *)"style");
    if (style) {
        char *s = (char *)style;
        for (char *p = s; *p; p++)
            *p = (char)tolower((unsigned char)*p);
        if (strstr(s, "display:none") || strstr(s, "display: none"))
            hidden = true;
        xmlFree(style);
    }
    return hidden;
}

/* Remove chrome: junk tags, hidden blocks, and blocks whose class/id name
 * page furniture without naming content. */
static void strip(xmlNode *n)
{
    xmlNode *c = n->children;
    while (c) {
        xmlNode *next = c->next;
        if (c->type == XML_COMMENT_NODE) {
            xmlUnlinkNode(c);
            xmlFreeNode(c);
        } else if (c->type == XML_ELEMENT_NODE) {
            bool body_like = name_is(c, "body") || name_is(c, "html") || name_is(c, "article") ||
                             name_is(c, "main");
            bool drop = name_in(c, junk_tags) || is_hidden(c) ||
                        (name_is(c, "header") && hint(c, positive_words) == 0);
            if (!drop && !body_like && hint(c, negative_words) && !hint(c, positive_words))
                drop = true;
            if (drop) {
                xmlUnlinkNode(c);
                xmlFreeNode(c);
            } else {
                strip(c);
            }
        }
        c = next;
    }
}

/* Collapse whitespace of the text under n into b. */
static void text_of(const xmlNode *n, px_buf *b)
{
    for (const xmlNode *c = n->children; c; c = c->next) {
        if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
            for (const xmlChar *p = c->content; p && *p; p++) {
                if (isspace(*p)) {
                    if (b->len && b->data[b->len - 1] != ' ')
                        px_buf_putc(b, ' ');
                } else {
                    px_buf_putc(b, (char)*p);
                }
            }
        } else if (c->type == XML_ELEMENT_NODE) {
            if (name_is(c, "br")) {
                if (b->len && b->data[b->len - 1] != ' ')
                    px_buf_putc(b, ' ');
            } else {
                text_of(c, b);
            }
        }
    }
}

static size_t text_len(const xmlNode *n)
{
    px_buf b;
    px_buf_init(&b, 0);
    text_of(n, &b);
    size_t len = b.len;
    px_buf_free(&b);
    return len;
}

static size_t link_text_len(const xmlNode *n)
{
    size_t sum = 0;
    for (const xmlNode *c = n->children; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE)
            sum += name_is(c, "a") ? text_len(c) : link_text_len(c);
    return sum;
}

/* ---- content scoring (Readability's idea) ---- */

typedef struct {
    const xmlNode *node;
    double score;
} cand;

typedef PX_VEC(cand) cands;

static cand *cand_of(cands *cs, const xmlNode *n)
{
    for (size_t i = 0; i < cs->n; i++)
        if (cs->v[i].node == n)
            return &cs->v[i];
    double base = 0;
    if (name_is(n, "article") || name_is(n, "main"))
        base += 25;
    else if (name_is(n, "div") || name_is(n, "section"))
        base += 5;
    base += 25 * hint(n, positive_words) - 25 * hint(n, negative_words);
    cand c = {n, base};
    px_vec_push(*cs, c);
    return &cs->v[cs->n - 1];
}

static void score_paragraphs(const xmlNode *n, cands *cs)
{
    for (const xmlNode *c = n->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        if (name_is(c, "p") || name_is(c, "pre") || name_is(c, "blockquote") ||
            name_is(c, "td")) {
            px_buf b;
            px_buf_init(&b, 0);
            text_of(c, &b);
            size_t len = b.len;
            size_t commas = 0;
            for (size_t i = 0; i < b.len; i++)
                commas += b.data[i] == ',';
            px_buf_free(&b);
            if (len < 25)
                continue;
            double s = 1 + (double)commas + (len / 100 > 3 ? 3 : (double)(len / 100));
            double link = len ? (double)link_text_len(c) / (double)len : 0;
            s *= 1 - link;
            const xmlNode *p = c->parent, *g = p ? p->parent : NULL;
            if (p && p->type == XML_ELEMENT_NODE)
                cand_of(cs, p)->score += s;
            if (g && g->type == XML_ELEMENT_NODE)
                cand_of(cs, g)->score += s / 2;
        } else {
            score_paragraphs(c, cs);
        }
    }
}

static const xmlNode *best_candidate(const xmlNode *body)
{
    cands cs = {0};
    score_paragraphs(body, &cs);
    const xmlNode *best = NULL;
    double top = 0;
    for (size_t i = 0; i < cs.n; i++) {
        size_t len = text_len(cs.v[i].node);
        double link = len ? (double)link_text_len(cs.v[i].node) / (double)len : 1;
        double s = cs.v[i].score * (1 - link);
        if (!best || s > top) {
            best = cs.v[i].node;
            top = s;
        }
    }
    px_vec_free(cs);
    /* a lone wrapper: prefer the ancestor that holds more of the text */
    while (best && best->parent && best->parent->type == XML_ELEMENT_NODE &&
           !name_is(best->parent, "body") &&
           text_len(best) * 10 >= text_len(best->parent) * 9)
        best = best->parent;
    return best;
}

/* ---- emitting paragraphs ---- */

static void emit(const xmlNode *n, px_buf *out)
{
    for (const xmlNode *c = n->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        if (name_in(c, block_tags)) {
            px_buf b;
            px_buf_init(&b, 0);
            text_of(c, &b);
            size_t s = 0, e = b.len;
            while (s < e && b.data[s] == ' ')
                s++;
            while (e > s && b.data[e - 1] == ' ')
                e--;
            size_t len = e - s;
            double link = len ? (double)link_text_len(c) / (double)len : 0;
            bool keep = len > 0 && !(link > 0.6 && name_is(c, "li"));
            if (keep) {
                if (out->len)
                    px_buf_puts(out, "\n\n");
                px_buf_add(out, b.data + s, len);
            }
            px_buf_free(&b);
        } else {
            emit(c, out);
        }
    }
}

/* ---- metadata ---- */

static char *prop(const xmlNode *n, const char *name)
{
    xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
    if (!v)
        return NULL;
    char *s = px_xstrdup((const char *)v);
    xmlFree(v);
    return s;
}

static void set_once(px_arena *a, const char **field, const char *value)
{
    if (!*field && value && *value) {
        size_t n = strlen(value);
        while (n && isspace((unsigned char)value[n - 1]))
            n--;
        while (n && isspace((unsigned char)*value))
            value++, n--;
        if (n)
            *field = px_utf8_clean(a, value, n, NULL);
    }
}

struct meta {
    const char *og_title, *title, *h1, *site, *author, *date, *modified, *url, *lang;
    const char *ld_headline, *ld_site, *ld_author, *ld_date, *ld_modified, *ld_body;
};

static const char *json_str(json_t *o, const char *key)
{
    json_t *v = json_object_get(o, key);
    if (json_is_string(v))
        return json_string_value(v);
    if (json_is_object(v))
        return json_str(v, "name");
    if (json_is_array(v) && json_array_size(v) > 0) {
        json_t *first = json_array_get(v, 0);
        if (json_is_string(first))
            return json_string_value(first);
        if (json_is_object(first))
            return json_str(first, "name");
    }
    return NULL;
}

static void read_ld(px_arena *a, json_t *j, struct meta *m)
{
    if (json_is_array(j)) {
        for (size_t i = 0; i < json_array_size(j); i++)
            read_ld(a, json_array_get(j, i), m);
        return;
    }
    if (!json_is_object(j))
        return;
    json_t *graph = json_object_get(j, "@graph");
    if (graph)
        read_ld(a, graph, m);
    const char *type = json_str(j, "@type");
    if (!type || !strstr(type, "Article"))
        return;
    set_once(a, &m->ld_headline, json_str(j, "headline"));
    set_once(a, &m->ld_site, json_str(j, "publisher"));
    set_once(a, &m->ld_author, json_str(j, "author"));
    set_once(a, &m->ld_date, json_str(j, "datePublished"));
    set_once(a, &m->ld_modified, json_str(j, "dateModified"));
    set_once(a, &m->ld_body, json_str(j, "articleBody"));
}

static void read_meta(px_arena *a, const xmlNode *n, struct meta *m)
{
    for (const xmlNode *c = n; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        if (name_is(c, "meta")) {
            char *key = prop(c, "property");
            if (!key)
                key = prop(c, "name");
            if (!key)
                key = prop(c, "itemprop");
            char *content = prop(c, "content");
            if (key && content) {
                for (char *p = key; *p; p++)
                    *p = (char)tolower((unsigned char)*p);
                if (!strcmp(key, "og:title") || !strcmp(key, "twitter:title"))
                    set_once(a, &m->og_title, content);
                else if (!strcmp(key, "og:site_name") || !strcmp(key, "application-name"))
                    set_once(a, &m->site, content);
                else if (!strcmp(key, "author") || !strcmp(key, "article:author") ||
                         !strcmp(key, "byl") || !strcmp(key, "parsely-author"))
                    set_once(a, &m->author, content);
                else if (!strcmp(key, "article:published_time") ||
                         !strcmp(key, "datepublished") || !strcmp(key, "date") ||
                         !strcmp(key, "pubdate") || !strcmp(key, "publish-date") ||
                         !strcmp(key, "parsely-pub-date") || !strcmp(key, "dc.date"))
                    set_once(a, &m->date, content);
                else if (!strcmp(key, "article:modified_time") ||
                         !strcmp(key, "datemodified") || !strcmp(key, "og:updated_time"))
                    set_once(a, &m->modified, content);
                else if (!strcmp(key, "og:url"))
                    set_once(a, &m->url, content);
            }
            free(key);
            free(content);
        } else if (name_is(c, "link")) {
            char *rel = prop(c, "rel");
            if (rel && !strcasecmp(rel, "canonical")) {
                char *href = prop(c, "href");
                set_once(a, &m->url, href);
                free(href);
            }
            free(rel);
        } else if (name_is(c, "title")) {
            px_buf b;
            px_buf_init(&b, 0);
            text_of(c, &b);
            set_once(a, &m->title, b.data);
            px_buf_free(&b);
        } else if (name_is(c, "h1") && !m->h1) {
            px_buf b;
            px_buf_init(&b, 0);
            text_of(c, &b);
            set_once(a, &m->h1, b.data);
            px_buf_free(&b);
        } else if (name_is(c, "time") && !m->date) {
            char *dt = prop(c, "datetime");
            set_once(a, &m->date, dt);
            free(dt);
        } else if (name_is(c, "script")) {
            char *type = prop(c, "type");
            if (type && !strcasecmp(type, "application/ld+json")) {
                xmlChar *txt = xmlNodeGetContent(c);
                json_error_t je;
                json_t *j = txt ? json_loads((const char *)txt, JSON_DISABLE_EOF_CHECK, &je)
                                : NULL;
                if (j)
                    read_ld(a, j, m);
                json_decref(j);
                xmlFree(txt);
            }
            free(type);
        } else if (name_is(c, "html")) {
            char *lang = prop(c, "lang");
            set_once(a, &m->lang, lang);
            free(lang);
        }
        if (!name_is(c, "script") && !name_is(c, "style"))
            read_meta(a, c->children, m);
    }
}

/* "Headline | Site" or "Headline - Site" → "Headline". */
static const char *trim_title(px_arena *a, const char *t, const char *site)
{
    static const char *seps[] = {" | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " :: "};
    for (size_t i = 0; i < sizeof seps / sizeof seps[0]; i++) {
        const char *p = strstr(t, seps[i]);
        const char *last = NULL;
        while (p) {
            last = p;
            p = strstr(p + 1, seps[i]);
        }
        if (last && last - t > 10) {
            if (site && !strstr(last, site) && i > 0)
                continue;
            return px_arena_strndup(a, t, (size_t)(last - t));
        }
    }
    return t;
}

px_status px_ingest_html(px_arena *a, const char *html, size_t len, const char *origin,
                         const px_ingest_opts *o, px_article **out, px_error *err)
{
    *out = NULL;
    if (len == 0)
        return px_error_set(err, PX_EINPUT, origin, 0, "empty file");
    if (len > INT32_MAX)
        return px_error_set(err, PX_ELIMIT, origin, 0, "page too large");
    int opts = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
               HTML_PARSE_NONET | HTML_PARSE_NOIMPLIED | HTML_PARSE_COMPACT;
    htmlDocPtr doc = htmlReadMemory(html, (int)len, NULL, NULL, opts);
    if (!doc || !xmlDocGetRootElement(doc)) {
        xmlFreeDoc(doc);
        return px_error_set(err, PX_EINPUT, origin, 0, "not an HTML page (nothing parsed)");
    }
    xmlNode *root = xmlDocGetRootElement(doc);
    struct meta m = {0};
    read_meta(a, root, &m);
    strip(root);
    const xmlNode *best = best_candidate(root);
    px_buf body;
    px_buf_init(&body, 0);
    if (best)
        emit(best, &body);
    if (body.len < 200 && m.ld_body && strlen(m.ld_body) > body.len) {
        px_buf_reset(&body);
        px_buf_puts(&body, m.ld_body);
    }
    xmlFreeDoc(doc);

    px_article *art = px_arena_alloc(a, sizeof *art);
    art->kind = PX_KIND_HTML;
    art->origin = px_arena_strdup(a, origin);
    art->id = px_ingest_id_from_path(a, origin);
    const char *site = m.site ? m.site : m.ld_site;
    art->name = site ? site : art->id;
    const char *title = m.og_title ? m.og_title
                        : m.ld_headline ? m.ld_headline
                        : m.h1 ? m.h1
                        : m.title ? trim_title(a, m.title, site) : "";
    art->title = title;
    art->byline = m.author ? m.author : m.ld_author;
    art->date = px_ingest_iso_date(a, m.date ? m.date : m.ld_date);
    art->modified = px_ingest_iso_date(a, m.modified ? m.modified : m.ld_modified);
    art->url = m.url;
    art->lang = m.lang;
    art->body = px_utf8_clean(a, body.data ? body.data : "", body.len, &art->body_len);
    px_buf_free(&body);
    px_ingest_finish(a, art);
    (void)o;
    if (art->body_len == 0)
        return px_error_set(err, PX_EINPUT, origin, 0, "no article text found in the page");
    *out = art;
    return PX_OK;
}
