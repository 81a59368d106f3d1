/*
 * meta.c — an HTML page's metadata: headline, outlet, authors, dates,
 * canonical URL, language and summary.
 *
 * Sources, best first: <meta> tags (Open Graph, article:*, Dublin Core,
 * Parse.ly and the plain names), JSON-LD (an Article, NewsArticle or
 * BlogPosting, also inside @graph: headline, publisher, authors, dates,
 * articleBody), then the document itself (<h1>, <title>, <time datetime>,
 * <html lang>, <a rel=author>). Which meta names feed which field is a
 * table. The headline is og:title, else the JSON-LD headline, else the
 * first h1, else the title without its " | Site" tail.
 *
 * Hands on: px_html_meta (strings in the story's arena) to html.c, which
 * turns dates into ISO 8601 and fills the px_article.
 */
#include <ctype.h>
#include <jansson.h>
#include <string.h>
#include <strings.h>

#include "ingest/dom.h"
#include "ingest/internal.h"

enum field { F_TITLE, F_SITE, F_AUTHOR, F_DATE, F_MODIFIED, F_URL, F_DESC, F_LANG };

/* Meta names (property, name, itemprop or http-equiv), lower case. */
static const struct {
    const char *key;
    enum field f;
} meta_keys[] = {
    {"og:title", F_TITLE},
    {"twitter:title", F_TITLE},
    {"og:site_name", F_SITE},
    {"application-name", F_SITE},
    {"author", F_AUTHOR},
    {"article:author", F_AUTHOR},
    {"byl", F_AUTHOR},
    {"parsely-author", F_AUTHOR},
    {"sailthru.author", F_AUTHOR},
    {"dc.creator", F_AUTHOR},
    {"article:published_time", F_DATE},
    {"article:published", F_DATE},
    {"og:published_time", F_DATE},
    {"datepublished", F_DATE},
    {"date", F_DATE},
    {"pubdate", F_DATE},
    {"publish-date", F_DATE},
    {"publishdate", F_DATE},
    {"parsely-pub-date", F_DATE},
    {"sailthru.date", F_DATE},
    {"dc.date", F_DATE},
    {"dc.date.issued", F_DATE},
    {"dc.date.created", F_DATE},
    {"dcterms.date", F_DATE},
    {"dcterms.created", F_DATE},
    {"dcterms.issued", F_DATE},
    {"publication_date", F_DATE},
    {"publish_date", F_DATE},
    {"article.published", F_DATE},
    {"article_date_original", F_DATE},
    {"og:article:published_time", F_DATE},
    {"displaydate", F_DATE},
    {"pdate", F_DATE},
    {"article:modified_time", F_MODIFIED},
    {"article:modified", F_MODIFIED},
    {"og:updated_time", F_MODIFIED},
    {"datemodified", F_MODIFIED},
    {"dc.date.modified", F_MODIFIED},
    {"dcterms.modified", F_MODIFIED},
    {"og:article:modified_time", F_MODIFIED},
    {"article.updated", F_MODIFIED},
    {"lastmod", F_MODIFIED},
    {"og:url", F_URL},
    {"description", F_DESC},
    {"og:description", F_DESC},
    {"content-language", F_LANG},
    {"dc.language", F_LANG},
    {"og:locale", F_LANG},
};

struct found {
    const char *v[8]; /* by enum field, from meta tags */
    const char *ld_headline, *ld_site, *ld_author, *ld_date, *ld_modified, *ld_body, *ld_lang;
    const char *h1, *title, *time, *html_lang, *rel_author, *canonical;
};

static void set_once(px_arena *a, const char **field, const char *value)
{
    if (*field || !value)
        return;
    while (isspace((unsigned char)*value))
        value++;
    size_t n = strlen(value);
    while (n && isspace((unsigned char)value[n - 1]))
        n--;
    if (n)
        *field = px_utf8_clean(a, value, n, NULL);
}

/* The text of n, whitespace collapsed, into the arena. */
static const char *text_of(px_arena *a, const xmlNode *n)
{
    xmlChar *t = xmlNodeGetContent(n);
    if (!t)
        return NULL;
    char *s = (char *)t, *o = s;
    bool sp = false;
    for (char *p = s; *p; p++) {
        if (isspace((unsigned char)*p)) {
            sp = o > s;
        } else {
            if (sp)
                *o++ = ' ';
            *o++ = *p;
            sp = false;
        }
    }
    *o = '\0';
    const char *r = NULL;
    set_once(a, &r, s);
    xmlFree(t);
    return r;
}

static void meta_key(px_arena *a, const char *key, size_t n, const char *content, struct found *f)
{
    for (size_t i = 0; i < sizeof meta_keys / sizeof meta_keys[0]; i++) {
        if (strlen(meta_keys[i].key) != n || strncasecmp(key, meta_keys[i].key, n) != 0)
            continue;
        /* article:author is often a profile URL, not a name */
        if (meta_keys[i].f == F_AUTHOR && strncmp(content, "http", 4) == 0)
            continue;
        set_once(a, &f->v[meta_keys[i].f], content);
    }
}

static void read_meta_tag(px_arena *a, const xmlNode *n, struct found *f)
{
    const char *content = px_dom_attr(n, "content");
    if (!content)
        return;
    const char *keys[] = {px_dom_attr(n, "property"), px_dom_attr(n, "name"),
                          px_dom_attr(n, "itemprop"), px_dom_attr(n, "http-equiv")};
    for (size_t k = 0; k < 4; k++) {
        /* itemprop may hold several names: "datePublished dateCreated" */
        for (const char *p = keys[k]; p && *p;) {
            size_t len = strcspn(p, " ");
            if (len)
                meta_key(a, p, len, content, f);
            p += len;
            p += *p == ' ';
        }
    }
}

/* ---- JSON-LD ---- */

static const char *json_name(json_t *v)
{
    if (json_is_string(v))
        return json_string_value(v);
    if (json_is_object(v))
        return json_name(json_object_get(v, "name"));
    if (json_is_array(v) && json_array_size(v) > 0)
        return json_name(json_array_get(v, 0));
    return NULL;
}

/* All names of a person or a list of them, joined by ", ". */
static const char *json_names(px_arena *a, json_t *v)
{
    if (!json_is_array(v))
        return json_name(v);
    px_buf b;
    px_buf_init(&b, 0);
    for (size_t i = 0; i < json_array_size(v); i++) {
        const char *n = json_name(json_array_get(v, i));
        if (!n || !*n || (b.len && strstr(b.data, n)))
            continue;
        if (b.len)
            px_buf_puts(&b, ", ");
        px_buf_puts(&b, n);
    }
    const char *r = b.len ? px_arena_strdup(a, b.data) : NULL;
    px_buf_free(&b);
    return r;
}

static bool is_article_type(json_t *t)
{
    if (json_is_array(t)) {
        for (size_t i = 0; i < json_array_size(t); i++)
            if (is_article_type(json_array_get(t, i)))
                return true;
        return false;
    }
    const char *s = json_is_string(t) ? json_string_value(t) : NULL;
    return s && (strstr(s, "Article") || strstr(s, "BlogPosting") || strstr(s, "Report"));
}

static void read_ld(px_arena *a, json_t *j, struct found *f, int depth)
{
    if (depth > 8)
        return;
    if (json_is_array(j)) {
        for (size_t i = 0; i < json_array_size(j); i++)
            read_ld(a, json_array_get(j, i), f, depth + 1);
        return;
    }
    if (!json_is_object(j))
        return;
    json_t *graph = json_object_get(j, "@graph");
    if (graph)
        read_ld(a, graph, f, depth + 1);
    if (!is_article_type(json_object_get(j, "@type")))
        return;
    set_once(a, &f->ld_headline, json_name(json_object_get(j, "headline")));
    set_once(a, &f->ld_site, json_name(json_object_get(j, "publisher")));
    set_once(a, &f->ld_author, json_names(a, json_object_get(j, "author")));
    set_once(a, &f->ld_date, json_name(json_object_get(j, "datePublished")));
    set_once(a, &f->ld_modified, json_name(json_object_get(j, "dateModified")));
    set_once(a, &f->ld_body, json_name(json_object_get(j, "articleBody")));
    set_once(a, &f->ld_lang, json_name(json_object_get(j, "inLanguage")));
}

static void read_script(px_arena *a, const xmlNode *n, struct found *f)
{
    const char *type = px_dom_attr(n, "type");
    if (!type || strcasecmp(type, "application/ld+json") != 0)
        return;
    xmlChar *txt = xmlNodeGetContent(n);
    if (!txt)
        return;
    const char *s = (const char *)txt;
    while (*s && *s != '{' && *s != '[')
        s++; /* "<!--", "//<![CDATA[" and the like */
    json_error_t je;
    json_t *j = json_loads(s, JSON_DISABLE_EOF_CHECK, &je);
    if (j)
        read_ld(a, j, f, 0);
    json_decref(j);
    xmlFree(txt);
}

/* ---- the document ---- */

static void read_element(px_arena *a, const xmlNode *c, struct found *f)
{
    const char *name = (const char *)c->name;
    if (!strcasecmp(name, "meta")) {
        read_meta_tag(a, c, f);
    } else if (!strcasecmp(name, "link")) {
        const char *rel = px_dom_attr(c, "rel");
        if (rel && !strcasecmp(rel, "canonical"))
            set_once(a, &f->canonical, px_dom_attr(c, "href"));
    } else if (!strcasecmp(name, "title") && !f->title) {
        f->title = text_of(a, c);
    } else if (!strcasecmp(name, "h1") && !f->h1) {
        f->h1 = text_of(a, c);
    } else if (!strcasecmp(name, "time") && !f->time) {
        set_once(a, &f->time, px_dom_attr(c, "datetime"));
    } else if (!strcasecmp(name, "script")) {
        read_script(a, c, f);
    } else if (!strcasecmp(name, "html")) {
        set_once(a, &f->html_lang, px_dom_attr(c, "lang"));
    } else if (!strcasecmp(name, "a") && !f->rel_author) {
        const char *rel = px_dom_attr(c, "rel");
        if (rel && !strcasecmp(rel, "author"))
            f->rel_author = text_of(a, c);
    }
}

static void walk(px_arena *a, const xmlNode *n, struct found *f, int depth)
{
    for (const xmlNode *c = n; c && depth < 400; c = c->next) {
        if (c->type != XML_ELEMENT_NODE || !c->name)
            continue;
        read_element(a, c, f);
        if (strcasecmp((const char *)c->name, "script") &&
            strcasecmp((const char *)c->name, "style"))
            walk(a, c->children, f, depth + 1);
    }
}

/* Case-insensitive strstr (ASCII). */
static bool contains(const char *h, const char *n)
{
    size_t k = strlen(n);
    for (; *h; h++)
        if (strncasecmp(h, n, k) == 0)
            return true;
    return false;
}

/* "Headline | Site", "Headline - Site" → "Headline" (a tail after the
 * last separator, when the head is long enough to be a headline). */
static const char *trim_title(px_arena *a, const char *t, const char *site)
{
    static const char *const seps[] = {" | ",  " - ",        " \xE2\x80\x93 ", " \xE2\x80\x94 ",
                                       " :: ", " \xC2\xBB ", " \xE2\x80\xA2 "};
    for (size_t i = 0; i < sizeof seps / sizeof seps[0]; i++) {
        const char *last = NULL;
        for (const char *p = strstr(t, seps[i]); p; p = strstr(p + 1, seps[i]))
            last = p;
        if (!last || last - t < 15)
            continue;
        /* a dash may be part of the headline: cut it only before the site */
        if (i > 0 && i != 4 && site && !contains(last, site))
            continue;
        return px_arena_strndup(a, t, (size_t)(last - t));
    }
    return t;
}

/* The host of a URL without "www.": the outlet when nothing names it. */
static const char *host_of(px_arena *a, const char *url)
{
    const char *p = url ? strstr(url, "://") : NULL;
    if (!p)
        return NULL;
    p += 3;
    if (strncasecmp(p, "www.", 4) == 0)
        p += 4;
    size_t n = strcspn(p, "/:?#");
    return n ? px_arena_strndup(a, p, n) : NULL;
}

/* "en_US" → "en-US". */
static const char *lang_tag(px_arena *a, const char *l)
{
    if (!l)
        return NULL;
    char *r = px_arena_strdup(a, l);
    for (char *p = r; *p; p++)
        if (*p == '_')
            *p = '-';
    return r;
}

static const char *first(const char *a, const char *b)
{
    return a ? a : b;
}

/* The first of the candidate dates that is a real date, as ISO 8601
 * ("0001-01-01" placeholders and years before 1900 are not). */
static const char *good_date(px_arena *a, const char *const *cands, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        const char *d = px_ingest_iso_date(a, cands[i]);
        if (d && strncmp(d, "19", 2) >= 0 && strncmp(d, "21", 2) < 0)
            return d;
    }
    return NULL;
}

/* "Site | tagline" → "Site". */
static const char *site_name(px_arena *a, const char *s)
{
    static const char *const seps[] = {" | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 "};
    for (size_t i = 0; s && i < sizeof seps / sizeof seps[0]; i++) {
        const char *p = strstr(s, seps[i]);
        if (p && p - s >= 2)
            return px_arena_strndup(a, s, (size_t)(p - s));
    }
    return s;
}

/* "By Ana Ruiz" → "Ana Ruiz". */
static const char *strip_by(const char *s)
{
    if (s && strncasecmp(s, "by ", 3) == 0 && s[3])
        return s + 3;
    return s;
}

void px_html_meta_read(px_arena *a, const xmlNode *root, px_html_meta *m)
{
    struct found f = {0};
    walk(a, root, &f, 0);
    memset(m, 0, sizeof *m);
    m->url = first(f.canonical, f.v[F_URL]);
    m->site = first(f.v[F_SITE], f.ld_site);
    if (!m->site || strstr(m->site, "://"))
        m->site = first(host_of(a, m->site), host_of(a, m->url)); /* a URL is not a name */
    else
        m->site = site_name(a, m->site);
    const char *t = first(f.v[F_TITLE], first(f.ld_headline, f.h1));
    if (!t && f.title)
        t = f.title;
    m->title = t ? trim_title(a, t, m->site) : NULL;
    m->author = strip_by(first(f.v[F_AUTHOR], first(f.ld_author, f.rel_author)));
    const char *dates[] = {f.v[F_DATE], f.ld_date, f.time};
    m->date = good_date(a, dates, 3);
    const char *mods[] = {f.v[F_MODIFIED], f.ld_modified};
    m->modified = good_date(a, mods, 2);
    m->lang = lang_tag(a, first(f.html_lang, first(f.v[F_LANG], f.ld_lang)));
    m->description = f.v[F_DESC];
    m->ld_body = f.ld_body;
    m->h1 = f.h1;
}
