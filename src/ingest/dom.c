/*
 * dom.c — what an HTML element is, for the extractor: its tag kind (block,
 * heading, list item, caption, chrome, junk) and what its class, id and
 * itemprop say about it (content, chrome, caption, byline, hidden).
 *
 * Both are tables: tags by name, and hint words matched against the words
 * of class/id values ("StoryBodyColumn" and "story-body__col" both give
 * story, body, col), so a word never matches inside another ("ad" is not
 * found in "header" or "loading").
 *
 * Hands on: px_dom_tag, px_dom_hints and px_dom_attr for blocks.c, score.c
 * and meta.c.
 */
#include <ctype.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ingest/dom.h"

static const struct tag {
    const char *name;
    unsigned kind;
} tags[] = {
    /* sorted by name, for bsearch */
    {"a", T_LINK},
    {"abbr", T_INLINE},
    {"address", T_BLOCK},
    {"applet", T_JUNK},
    {"area", T_JUNK},
    {"article", T_BLOCK | T_ARTICLE},
    {"aside", T_BLOCK | T_CHROME},
    {"audio", T_JUNK},
    {"b", T_INLINE},
    {"bdi", T_INLINE},
    {"bdo", T_INLINE},
    {"big", T_INLINE},
    {"blockquote", T_BLOCK | T_QUOTE},
    {"body", T_BLOCK},
    {"br", T_BR},
    {"button", T_JUNK},
    {"canvas", T_JUNK},
    {"caption", T_BLOCK | T_CAPTION},
    {"center", T_BLOCK},
    {"cite", T_INLINE},
    {"code", T_INLINE},
    {"data", T_INLINE},
    {"dd", T_BLOCK | T_ITEM},
    {"del", T_INLINE},
    {"details", T_BLOCK},
    {"dfn", T_INLINE},
    {"dialog", T_BLOCK | T_CHROME},
    {"dir", T_BLOCK | T_LIST},
    {"div", T_BLOCK},
    {"dl", T_BLOCK | T_LIST},
    {"dt", T_BLOCK | T_ITEM},
    {"em", T_INLINE},
    {"embed", T_JUNK},
    {"fieldset", T_BLOCK},
    {"figcaption", T_BLOCK | T_CAPTION},
    {"figure", T_BLOCK},
    {"font", T_INLINE},
    {"footer", T_BLOCK | T_CHROME},
    {"form", T_BLOCK},
    {"frame", T_JUNK},
    {"frameset", T_JUNK},
    {"h1", T_BLOCK | T_HEADING},
    {"h2", T_BLOCK | T_HEADING},
    {"h3", T_BLOCK | T_HEADING},
    {"h4", T_BLOCK | T_HEADING},
    {"h5", T_BLOCK | T_HEADING},
    {"h6", T_BLOCK | T_HEADING},
    {"head", T_JUNK},
    {"header", T_BLOCK | T_CHROME},
    {"hgroup", T_BLOCK},
    {"hr", T_BLOCK},
    {"html", T_BLOCK},
    {"i", T_INLINE},
    {"iframe", T_JUNK},
    {"img", T_JUNK},
    {"input", T_JUNK},
    {"ins", T_INLINE},
    {"kbd", T_INLINE},
    {"label", T_INLINE},
    {"legend", T_BLOCK},
    {"li", T_BLOCK | T_ITEM},
    {"link", T_JUNK},
    {"main", T_BLOCK | T_ARTICLE},
    {"map", T_JUNK},
    {"mark", T_INLINE},
    {"math", T_JUNK},
    {"menu", T_BLOCK | T_NAV},
    {"meta", T_JUNK},
    {"nav", T_BLOCK | T_NAV},
    {"nobr", T_INLINE},
    {"noscript", T_JUNK},
    {"object", T_JUNK},
    {"ol", T_BLOCK | T_LIST},
    {"optgroup", T_JUNK},
    {"option", T_JUNK},
    {"p", T_BLOCK | T_PARA},
    {"picture", T_JUNK},
    {"pre", T_BLOCK | T_PRE},
    {"q", T_INLINE},
    {"s", T_INLINE},
    {"samp", T_INLINE},
    {"script", T_JUNK},
    {"section", T_BLOCK},
    {"select", T_JUNK},
    {"small", T_INLINE},
    {"source", T_JUNK},
    {"span", T_INLINE},
    {"strike", T_INLINE},
    {"strong", T_INLINE},
    {"style", T_JUNK},
    {"sub", T_INLINE},
    {"summary", T_BLOCK},
    {"sup", T_INLINE},
    {"svg", T_JUNK},
    {"table", T_BLOCK},
    {"tbody", T_BLOCK},
    {"td", T_CELL},
    {"template", T_JUNK},
    {"textarea", T_JUNK},
    {"tfoot", T_BLOCK},
    {"th", T_CELL},
    {"thead", T_BLOCK},
    {"time", T_INLINE | T_TIME},
    {"title", T_JUNK},
    {"tr", T_BLOCK},
    {"track", T_JUNK},
    {"tt", T_INLINE},
    {"u", T_INLINE},
    {"ul", T_BLOCK | T_LIST},
    {"var", T_INLINE},
    {"video", T_JUNK},
    {"wbr", T_INLINE},
};

static int tag_cmp(const void *key, const void *elem)
{
    return strcmp(key, ((const struct tag *)elem)->name); /* libxml2 lowercases HTML tags */
}

unsigned px_dom_tag(const xmlNode *n)
{
    if (n->type != XML_ELEMENT_NODE || !n->name)
        return 0;
    const struct tag *t =
        bsearch(n->name, tags, sizeof tags / sizeof tags[0], sizeof tags[0], tag_cmp);
    return t ? t->kind : 0;
}

const char *px_dom_attr(const xmlNode *n, const char *name)
{
    if (n->type != XML_ELEMENT_NODE)
        return NULL;
    for (const xmlAttr *a = n->properties; a; a = a->next) {
        if (a->name && strcasecmp((const char *)a->name, name) == 0) {
            const xmlNode *v = a->children;
            if (v && v->type == XML_TEXT_NODE && !v->next && v->content)
                return (const char *)v->content;
            return "";
        }
    }
    return NULL;
}

/* Words in class and id values, and what each says. An entry ending in
 * '*' matches words that start with it. */
static const struct hint {
    const char *word;
    unsigned hint;
} hint_words[] = {
    /* chrome, whatever else the value says */
    {"related*", H_BAD},
    {"recirc*", H_BAD},
    {"share*", H_BAD},
    {"sharing", H_BAD},
    {"newsletter*", H_BAD},
    {"subscri*", H_BAD},
    {"signup", H_BAD},
    {"promo*", H_BAD},
    {"comment", H_BAD},
    {"comments", H_BAD},
    {"disqus*", H_BAD},
    {"ad", H_BAD},
    {"ads", H_BAD},
    {"advert*", H_BAD},
    {"adsbygoogle", H_BAD},
    {"adslot", H_BAD},
    {"adunit", H_BAD},
    {"dfp", H_BAD},
    {"sponsor*", H_BAD},
    {"outbrain*", H_BAD},
    {"taboola*", H_BAD},
    {"zergnet", H_BAD},
    {"cookie*", H_BAD},
    {"consent", H_BAD},
    {"gdpr", H_BAD},
    {"popup", H_BAD},
    {"modal", H_BAD},
    {"breadcrumb*", H_BAD},
    {"nav", H_BAD},
    {"navbar", H_BAD},
    {"navigation", H_BAD},
    {"menu", H_BAD},
    {"masthead", H_BAD},
    {"trending", H_BAD},
    {"recommend*", H_BAD},
    {"sidebar", H_BAD},
    {"rail", H_BAD},
    {"pagination", H_BAD},
    {"pager", H_BAD},
    {"toolbar", H_BAD},
    {"paywall", H_BAD},
    {"login", H_BAD},
    {"banner", H_BAD},
    {"tags", H_BAD},
    {"taglist", H_BAD},
    {"keywords", H_BAD},
    {"skip", H_BAD},
    {"print", H_BAD},
    {"follow", H_BAD},
    {"widget", H_BAD},
    {"headline*", H_BAD},
    {"subhead*", H_BAD},
    {"subtitle", H_BAD},
    {"dek", H_BAD},
    {"deck", H_BAD},
    {"standfirst", H_BAD},
    {"strapline", H_BAD},
    {"kicker", H_BAD},
    {"eyebrow", H_BAD},
    {"discuss*", H_BAD},
    {"reply", H_BAD},
    {"replies", H_BAD},
    {"respond", H_BAD},
    {"popular", H_BAD},
    {"revcontent", H_BAD},
    {"mgid", H_BAD},
    /* chrome unless the value also names content */
    {"footer", H_BAD},
    {"header", H_BAD},
    {"meta", H_BAD},
    {"bio", H_WEAK},
    {"more", H_WEAK},
    {"extra", H_WEAK},
    {"topics", H_WEAK},
    {"teaser", H_WEAK},
    {"aside", H_WEAK},
    {"secondary", H_WEAK},
    {"complementary", H_WEAK},
    {"hidden", H_WEAK},
    {"tools", H_WEAK},
    {"contributor*", H_WEAK},
    {"social*", H_WEAK},
    /* captions and credits, bylines and dates */
    {"caption*", H_CAPTION},
    {"credit*", H_CAPTION},
    {"figcaption", H_CAPTION},
    {"byline*", H_BYLINE},
    {"author*", H_BYLINE},
    {"dateline", H_DATE},
    {"timestamp", H_DATE},
    {"published", H_DATE},
    {"date", H_DATE},
    /* content */
    {"article", H_GOOD},
    {"story", H_GOOD},
    {"content", H_GOOD},
    {"body", H_GOOD},
    {"entry", H_GOOD},
    {"post", H_GOOD},
    {"text", H_GOOD},
    {"main", H_GOOD},
    {"prose", H_GOOD},
    {"blog", H_GOOD},
    {"copy", H_GOOD},
    {"embed*", H_GOOD},
    {"articlebody", H_BEST},
    {"storybody", H_BEST},
    {"articletext", H_BEST},
    {"storytext", H_BEST},
    {"bodytext", H_BEST},
    {"entrycontent", H_BEST},
    {"postbody", H_BEST},
    {"postcontent", H_BEST},
};

/* hint_words indexed by first letter, built once (read-only afterwards). */
#define NHINTS (sizeof hint_words / sizeof hint_words[0])
static uint8_t by_letter[NHINTS], letter_start[27];
static pthread_once_t index_once = PTHREAD_ONCE_INIT;

static void build_index(void)
{
    size_t k = 0;
    for (int c = 0; c < 26; c++) {
        letter_start[c] = (uint8_t)k;
        for (size_t i = 0; i < NHINTS; i++)
            if (hint_words[i].word[0] == 'a' + c)
                by_letter[k++] = (uint8_t)i;
    }
    letter_start[26] = (uint8_t)k;
}

static unsigned word_hint(const char *w, size_t n)
{
    if (w[0] < 'a' || w[0] > 'z')
        return 0;
    int c = w[0] - 'a';
    for (size_t j = letter_start[c]; j < letter_start[c + 1]; j++) {
        const struct hint *h = &hint_words[by_letter[j]];
        size_t hl = strlen(h->word);
        if (h->word[hl - 1] == '*') {
            if (n >= hl - 1 && memcmp(w, h->word, hl - 1) == 0)
                return h->hint;
        } else if (n == hl && memcmp(w, h->word, n) == 0) {
            return h->hint;
        }
    }
    return 0;
}

/* The hints of one attribute value: words split at non-letters and at
 * lower-to-upper case changes, folded to lower case. */
static unsigned value_hints(const char *v, unsigned *goods)
{
    unsigned h = 0;
    char w[48];
    size_t n = 0;
    for (const char *p = v;; p++) {
        bool alnum = *p && isalnum((unsigned char)*p);
        bool camel = alnum && n && isupper((unsigned char)*p) && islower((unsigned char)p[-1]);
        if ((!alnum || camel) && n) {
            unsigned wh = word_hint(w, n);
            if (wh & H_GOOD)
                (*goods)++;
            h |= wh;
            n = 0;
        }
        if (!*p)
            break;
        if (alnum && n < sizeof w)
            w[n++] = (char)tolower((unsigned char)*p);
    }
    return h;
}

/* style="display: none" or "visibility:hidden". */
static bool hidden_style(const char *style)
{
    static const char *const keys[] = {"display", "visibility"};
    static const char *const vals[] = {"none", "hidden"};
    for (const char *p = style; (p = strpbrk(p, "dDvV")); p++) {
        for (int k = 0; k < 2; k++) {
            size_t kl = strlen(keys[k]);
            if (strncasecmp(p, keys[k], kl) != 0)
                continue;
            const char *q = p + kl;
            while (*q == ' ' || *q == ':')
                q++;
            if (strncasecmp(q, vals[k], strlen(vals[k])) == 0)
                return true;
        }
    }
    return false;
}

/* One attribute's contribution to the hints. */
static unsigned attr_hints(const char *name, const char *v, unsigned *goods)
{
    switch (name[0] | 0x20) {
    case 'c': return strcasecmp(name, "class") == 0 ? value_hints(v, goods) : 0;
    case 'i':
        if (strcasecmp(name, "id") == 0 || strcasecmp(name, "itemprop") == 0)
            return value_hints(v, goods);
        return 0;
    case 'r': return strcasecmp(name, "role") == 0 ? value_hints(v, goods) : 0;
    case 'h': return strcasecmp(name, "hidden") == 0 ? H_HIDDEN : 0;
    case 'a':
        return strcasecmp(name, "aria-hidden") == 0 && strcasecmp(v, "true") == 0 ? H_HIDDEN : 0;
    case 's': return strcasecmp(name, "style") == 0 && hidden_style(v) ? H_HIDDEN : 0;
    default: return 0;
    }
}

unsigned px_dom_hints(const xmlNode *n)
{
    if (n->type != XML_ELEMENT_NODE || !n->properties)
        return 0;
    pthread_once(&index_once, build_index);
    unsigned h = 0, goods = 0;
    for (const xmlAttr *a = n->properties; a; a = a->next) {
        const xmlNode *v = a->children;
        const char *value =
            v && v->type == XML_TEXT_NODE && v->content ? (const char *)v->content : "";
        if (a->name)
            h |= attr_hints((const char *)a->name, value, &goods);
    }
    if (goods >= 2)
        h |= H_BEST;
    /* "article-body" outweighs any chrome word; "article" alone only a weak one */
    if (h & H_BEST)
        h &= ~(unsigned)(H_BAD | H_WEAK);
    if ((h & H_WEAK) && (h & H_GOOD))
        h &= ~(unsigned)H_WEAK;
    return h;
}
