/*
 * anon.c — what the worksheet blanks out of the texts, so that
 * students judge the sources and not their reputations: every outlet's
 * names (its display name, its id, the host of its URL, and the masthead
 * lines the furniture filter removed, such as "The Iron Sentinel"), the
 * distinctive words of those names when written with a capital ("the
 * Flash Briefing"), the reporters of the bylines, and URLs and e-mail
 * addresses. A name in any text becomes "[Source B]", the letter of the
 * outlet it names; a reporter "[reporter]"; a link "[link]".
 *
 * A distinctive word that half of the other outlets also write with a
 * capital is the story's, not a name ("York" in a story about New York),
 * and stays. The result is a list of cuts per source, in text order, that
 * the renderers apply to every sentence they print (ws_text).
 */
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "worksheet/internal.h"

/* Masthead words many outlets share: alone they name no one outlet. */
static const char *const generic_words[] = {
    "the",         "daily",    "weekly",        "sunday",    "morning", "evening",  "new",
    "post",        "times",    "news",          "herald",    "journal", "wire",     "week",
    "tribune",     "gazette",  "telegraph",     "express",   "star",    "mail",     "observer",
    "independent", "record",   "review",        "chronicle", "press",   "report",   "today",
    "online",      "network",  "media",         "magazine",  "sun",     "standard", "globe",
    "world",       "national", "international", "public",    "radio",   "courier",  "dispatch",
    "bulletin",    "free",     "com",           "www",       "org",     "net",
};

static bool generic(const char *fold, size_t n)
{
    for (size_t i = 0; i < sizeof generic_words / sizeof *generic_words; i++)
        if (strlen(generic_words[i]) == n && !memcmp(generic_words[i], fold, n))
            return true;
    return false;
}

typedef PX_VEC(ws_cut) cut_vec;

/* A name to look for: its folded words (a phrase), or one word. */
typedef struct variant {
    px_token *words;
    size_t nwords;
    int what;
    uint32_t outlet;
    bool capital;         /* one word, matched only when written with a capital */
    bool own;             /* … only in the outlet's own text, after "the" and not
                           * before another capitalised word ("told the Courier") */
    const char *squashed; /* a name of several words run together, lower case
                           * ("dailyflash"), as handles and hosts write it */
} variant;
typedef PX_VEC(variant) variant_vec;

/* Length of a folded word without a possessive 's. */
static size_t bare_len(const char *fold)
{
    size_t n = strlen(fold);
    return n > 2 && fold[n - 2] == '\'' && fold[n - 1] == 's' ? n - 2 : n;
}

/* The end of token t without its possessive ('s or ’s). */
static size_t bare_end(const px_doc *d, const px_token *t)
{
    size_t n = strlen(t->fold), b = bare_len(t->fold);
    if (b == n)
        return t->end;
    return t->end >= t->start + 4 && !memcmp(d->text + t->end - 4, "\xE2\x80\x99s", 4) ? t->end - 4
                                                                                       : t->end - 2;
}

/* Add a name. A one-word name is matched only when written with a capital
 * (unless any_case: a URL's host), and never when it is a generic masthead
 * word ("wire", "post"). */
static void add_variant(px_arena *a, variant_vec *v, const char *s, size_t n, int what,
                        uint32_t outlet, bool any_case)
{
    variant x = {0};
    x.nwords = px_text_tokens(a, NULL, s, n, &x.words);
    size_t k = 0;
    for (size_t i = 0; i < x.nwords; i++)
        if (x.words[i].flags & (PX_TOK_WORD | PX_TOK_NUMBER))
            x.words[k++] = x.words[i];
    x.nwords = k;
    x.what = what;
    x.outlet = outlet;
    x.capital = k == 1 && !any_case;
    if (k == 1 && generic(x.words[0].fold, bare_len(x.words[0].fold)))
        return;
    /* run together without a leading "the": "The Morning Ledger" → "morningledger" */
    char sq[128] = "";
    for (size_t i = 0, len = 0; i < k; i++) {
        if (i == 0 && k > 1 && !strcmp(x.words[0].fold, "the"))
            continue;
        px_squash(x.words[i].fold, strlen(x.words[i].fold), sq + len, sizeof sq - len);
        len = strlen(sq);
    }
    if (k >= 2 && strlen(sq) >= 6)
        x.squashed = px_arena_strdup(a, sq);
    if (x.nwords)
        px_vec_push(*v, x);
}

/* A masthead line: short, every word capitalised, no sentence end. */
static bool masthead(const char *line)
{
    size_t n = strlen(line), words = 0;
    if (!n || n > 60 || strchr(".!?:,", line[n - 1]))
        return false;
    for (size_t i = 0; i < n; i++)
        if (i == 0 || line[i - 1] == ' ') {
            if (!(line[i] >= 'A' && line[i] <= 'Z') && !(line[i] >= '0' && line[i] <= '9'))
                return false;
            words++;
        }
    return words <= 6;
}

/* The host of a URL without "www." and its last label ("dailyflash"). */
static size_t url_host(const char *url, const char **host)
{
    const char *p = strstr(url, "://");
    p = p ? p + 3 : url;
    if (!strncasecmp(p, "www.", 4))
        p += 4;
    size_t n = strcspn(p, "./:?#");
    *host = p;
    return n;
}

/* Every name of outlet i, as phrases. */
static void outlet_variants(const ws_plan *p, variant_vec *v, uint32_t i)
{
    const px_article *art = p->s->articles[i];
    char id[128], line[256];
    px_squash(art->id, strlen(art->id), id, sizeof id);
    if (art->name && *art->name)
        add_variant(p->a, v, art->name, strlen(art->name), WS_CUT_OUTLET, i, false);
    add_variant(p->a, v, art->id, strlen(art->id), WS_CUT_OUTLET, i, false);
    if (art->url) {
        const char *h;
        size_t n = url_host(art->url, &h);
        if (n >= 3)
            add_variant(p->a, v, h, n, WS_CUT_OUTLET, i, true);
    }
    for (size_t k = 0; k < art->nremoved; k++) {
        px_squash(art->removed[k], strlen(art->removed[k]), line, sizeof line);
        if (masthead(art->removed[k]) && strlen(id) >= 3 && strstr(line, id))
            add_variant(p->a, v, art->removed[k], strlen(art->removed[k]), WS_CUT_OUTLET, i, false);
    }
}

/* The reporters of a byline: "By A, B and C" → A, B, C (two words or more). */
static void byline_variants(const ws_plan *p, variant_vec *v, uint32_t i)
{
    const char *b = p->s->articles[i]->byline;
    if (!b)
        return;
    if (!strncasecmp(b, "by ", 3))
        b += 3;
    while (*b) {
        size_t n = strcspn(b, ",;&");
        const char *and = strstr(b, " and ");
        if (and&&(size_t)(and-b) < n)
            n = (size_t)(and-b);
        const char *sp = memchr(b, ' ', n);
        if (sp && sp + 1 < b + n)
            add_variant(p->a, v, b, n, WS_CUT_REPORTER, i, false);
        b += n;
        while (*b == ',' || *b == ';' || *b == '&' || *b == ' ')
            b++;
        if (!strncmp(b, "and ", 4))
            b += 4;
    }
}

static bool capitalised(const px_doc *d, const px_token *t)
{
    return (t->flags & PX_TOK_CAPITAL) || (d->text[t->start] >= 'A' && d->text[t->start] <= 'Z');
}

/* How many sources other than src write word (folded, bare) with a
 * capital. */
static size_t capital_elsewhere(const px_story *s, uint32_t src, const char *word, size_t n)
{
    size_t count = 0;
    for (uint32_t o = 0; o < s->nsources; o++) {
        const px_doc *d = s->docs[o];
        bool seen = false;
        for (size_t i = 0; i < d->ntoks && o != src && !seen; i++)
            seen = capitalised(d, &d->toks[i]) && bare_len(d->toks[i].fold) == n &&
                   !memcmp(d->toks[i].fold, word, n);
        count += seen;
    }
    return count;
}

/* Is this word the story's rather than a name: do at least half of the
 * other outlets (and two or more) write it with a capital? */
static bool story_word(const px_story *s, uint32_t src, const char *word, size_t n)
{
    size_t elsewhere = capital_elsewhere(s, src, word, n), others = s->nsources - 1;
    return elsewhere >= 2 && 2 * elsewhere >= others;
}

/* The words of outlet i's names, each a one-word variant matched only with
 * a capital: a distinctive word anywhere ("Sentinel"), a generic one only
 * as a self-reference ("told the Courier", not "the Courier-Journal" or
 * another outlet's "Post"). Words the story itself uses are dropped later. */
static void distinctive_words(const ws_plan *p, variant_vec *v, size_t from, uint32_t i)
{
    size_t to = v->n;
    for (size_t k = from; k < to; k++) {
        for (size_t w = 0; w < v->v[k].nwords; w++) {
            const px_token *t = &v->v[k].words[w];
            size_t n = bare_len(t->fold);
            if (n < 3 || (t->flags & (PX_TOK_STOP | PX_TOK_NUMBER)) ||
                px_text_is_stopword(t->fold, n))
                continue;
            variant x = {.words = (px_token *)t,
                         .nwords = 1,
                         .what = WS_CUT_OUTLET,
                         .outlet = i,
                         .capital = true,
                         .own = generic(t->fold, n)};
            px_vec_push(*v, x);
        }
    }
}

/* Does variant x match the word tokens of d from token i? *end is the end
 * of the match (without a possessive). */
static bool match_at(const px_doc *d, size_t i, const variant *x, size_t *end)
{
    size_t w = 0, k = i;
    for (; w < x->nwords && k < d->ntoks; k++) {
        const px_token *t = &d->toks[k];
        if (!(t->flags & (PX_TOK_WORD | PX_TOK_NUMBER))) {
            if (w == 0)
                return false;
            continue;
        }
        const char *f = x->words[w].fold;
        size_t n = w + 1 == x->nwords ? bare_len(t->fold) : strlen(t->fold);
        if (strlen(f) != n || memcmp(f, t->fold, n))
            return false;
        if (x->nwords == 1 && x->capital && !capitalised(d, t))
            return false;
        *end = bare_end(d, t);
        w++;
    }
    return w == x->nwords;
}

/* The word token before (step -1) or after (1) token i in its sentence. */
static const px_token *word_near(const px_doc *d, size_t i, int step)
{
    for (size_t k = i; step < 0 ? k-- > 0 : ++k < d->ntoks;) {
        if (d->toks[k].sent != d->toks[i].sent)
            return NULL;
        if (d->toks[k].flags & (PX_TOK_WORD | PX_TOK_NUMBER))
            return &d->toks[k];
    }
    return NULL;
}

/* A self-reference: "the Courier", not "the Courier Journal". */
static bool self_reference(const px_doc *d, size_t i)
{
    const px_token *before = word_near(d, i, -1), *after = word_near(d, i, 1);
    return before && !strcmp(before->fold, "the") && !(after && capitalised(d, after));
}

/* A token that runs a name together: "DailyFlash", "dailyflash", and in a
 * handle ("@DailyFlashNews") any word holding it; the cut takes the '@'. */
static void squashed_cut(const px_doc *d, const px_token *t, const variant *x, cut_vec *cuts)
{
    char sq[128];
    px_squash(d->text + t->start, bare_end(d, t) - t->start, sq, sizeof sq);
    bool handle = t->start > 0 && (d->text[t->start - 1] == '@' || d->text[t->start - 1] == '#');
    if (strcmp(sq, x->squashed) && !(handle && strstr(sq, x->squashed)))
        return;
    ws_cut c = {t->start - handle, bare_end(d, t), x->what, x->outlet};
    px_vec_push(*cuts, c);
}

static void name_cuts(const px_story *s, const variant_vec *v, uint32_t src, cut_vec *cuts)
{
    const px_doc *d = s->docs[src];
    for (size_t i = 0; i < d->ntoks; i++)
        for (size_t k = 0; k < v->n; k++) {
            if (v->v[k].squashed && (d->toks[i].flags & PX_TOK_WORD))
                squashed_cut(d, &d->toks[i], &v->v[k], cuts);
            size_t end = 0;
            const variant *x = &v->v[k];
            if (x->own && (x->outlet != src || !self_reference(d, i)))
                continue;
            if (match_at(d, i, x, &end)) {
                size_t start = d->toks[i].start;
                if (start > 0 && (d->text[start - 1] == '@' || d->text[start - 1] == '#'))
                    start--; /* a handle or tag: the mark goes too */
                ws_cut c = {start, end, v->v[k].what, v->v[k].outlet};
                px_vec_push(*cuts, c);
            }
        }
}

/* Where a URL or e-mail address ends: the next space, less closing
 * punctuation. */
static size_t link_end(const char *t, size_t n, size_t i)
{
    while (i < n && t[i] != ' ' && t[i] != '\n' && t[i] != '\t')
        i++;
    while (i > 0 && strchr(".,;:!?)]\"'", t[i - 1]))
        i--;
    return i;
}

static bool link_start(const char *t, size_t n, size_t i)
{
    if (i > 0 && t[i - 1] != ' ' && t[i - 1] != '\n' && t[i - 1] != '(' && t[i - 1] != '<')
        return false;
    return (n - i > 7 && !strncasecmp(t + i, "http://", 7)) ||
           (n - i > 8 && !strncasecmp(t + i, "https://", 8)) ||
           (n - i > 4 && !strncasecmp(t + i, "www.", 4));
}

/* An e-mail address around the '@' at i: word characters on both sides
 * and a dot after it. */
static bool email_at(const char *t, size_t n, size_t i, size_t *start)
{
    size_t a = i;
    while (a > 0 && t[a - 1] != ' ' && t[a - 1] != '\n' && t[a - 1] != '(')
        a--;
    size_t e = link_end(t, n, i);
    const char *dot = memchr(t + i, '.', e - i);
    *start = a;
    return a < i && dot && dot + 1 < t + e;
}

/* Endings of web addresses written without http or www ("dailyflash.com"). */
static const char *const domains[] = {".com", ".org",  ".net", ".co.uk", ".uk",     ".news",
                                      ".io",  ".info", ".gov", ".edu",   ".example"};

/* A bare web address from i: letters, digits, dots and hyphens up to one of
 * the endings above, which a '/', a space or the end follows. */
static bool domain_at(const char *t, size_t n, size_t i)
{
    if (!link_start(t, n, i) &&
        !(i == 0 || t[i - 1] == ' ' || t[i - 1] == '\n' || t[i - 1] == '(' || t[i - 1] == '"'))
        return false;
    size_t e = i;
    while (e < n && (isalnum((unsigned char)t[e]) || t[e] == '.' || t[e] == '-'))
        e++;
    for (size_t k = i + 2; k < e; k++) {
        if (t[k] != '.')
            continue;
        for (size_t j = 0; j < sizeof domains / sizeof *domains; j++) {
            size_t m = strlen(domains[j]);
            if (k + m <= n && !strncasecmp(t + k, domains[j], m) &&
                (k + m == n || !isalnum((unsigned char)t[k + m])) &&
                (k + m >= n || t[k + m] != '.' || k + m + 1 >= n ||
                 !isalnum((unsigned char)t[k + m + 1])))
                return true;
        }
    }
    return false;
}

static void link_cuts(const px_doc *d, cut_vec *cuts)
{
    for (size_t i = 0; i < d->len; i++) {
        size_t start = i;
        if (link_start(d->text, d->len, i) || domain_at(d->text, d->len, i) ||
            (d->text[i] == '@' && email_at(d->text, d->len, i, &start))) {
            size_t end = link_end(d->text, d->len, i);
            if (end > start) {
                ws_cut c = {start, end, WS_CUT_LINK, 0};
                px_vec_push(*cuts, c);
                i = end;
            }
        }
    }
}

/* Sort by start (longest first on a tie) and merge overlaps, the first
 * cut's label winning. */
static size_t tidy_cuts(ws_cut *v, size_t n)
{
    for (size_t i = 1; i < n; i++)
        for (size_t j = i; j > 0 && (v[j].start < v[j - 1].start ||
                                     (v[j].start == v[j - 1].start && v[j].end > v[j - 1].end));
             j--) {
            ws_cut t = v[j];
            v[j] = v[j - 1];
            v[j - 1] = t;
        }
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        if (k && v[i].start < v[k - 1].end) {
            if (v[i].end > v[k - 1].end)
                v[k - 1].end = v[i].end;
            continue;
        }
        v[k++] = v[i];
    }
    return k;
}

/* Does a sentence keep a content word once its cuts are made? A masthead
 * line ("Daily Flash") or a bare link keeps none and is left off. */
static bool keeps_words(const ws_plan *p, uint32_t src, const px_sentence *st)
{
    const px_doc *d = p->s->docs[src];
    for (size_t i = st->tok; i < st->tok + st->ntok; i++) {
        const px_token *t = &d->toks[i];
        if ((t->flags & (PX_TOK_WORD | PX_TOK_NUMBER)) && !(t->flags & PX_TOK_STOP) &&
            !ws_cut_overlaps(p, src, t->start, t->end))
            return true;
    }
    return false;
}

/* The sheet's numbers: body sentences from 1, hidden ones skipped. */
static void number_sentences(ws_plan *p)
{
    p->numbers = px_arena_array(p->a, p->s->nsources, sizeof *p->numbers);
    for (uint32_t src = 0; src < p->s->nsources; src++) {
        const px_doc *d = p->s->docs[src];
        p->numbers[src] = px_arena_array(p->a, d->nsents ? d->nsents : 1, sizeof **p->numbers);
        uint32_t n = 0;
        for (size_t k = 0; k < d->nsents; k++) {
            if (d->sents[k].headline)
                p->numbers[src][k] = 0;
            else if (p->ncuts[src] && !keeps_words(p, src, &d->sents[k]))
                p->numbers[src][k] = WS_HIDDEN;
            else
                p->numbers[src][k] = ++n;
        }
    }
}

void ws_anon_build(ws_plan *p)
{
    size_t n = p->s->nsources;
    p->cuts = px_arena_array(p->a, n, sizeof *p->cuts);
    p->ncuts = px_arena_array(p->a, n, sizeof *p->ncuts);
    if (p->reveal) {
        number_sentences(p);
        return;
    }
    variant_vec v = {0};
    for (uint32_t i = 0; i < n; i++) {
        size_t from = v.n;
        outlet_variants(p, &v, i);
        distinctive_words(p, &v, from, i);
        byline_variants(p, &v, i);
    }
    /* one-word names the story itself uses are not names here */
    size_t k = 0;
    for (size_t j = 0; j < v.n; j++) {
        const variant *x = &v.v[j];
        if (!(x->nwords == 1 && x->capital &&
              story_word(p->s, x->outlet, x->words[0].fold, bare_len(x->words[0].fold))))
            v.v[k++] = v.v[j];
    }
    v.n = k;
    for (uint32_t i = 0; i < n; i++) {
        cut_vec cuts = {0};
        link_cuts(p->s->docs[i], &cuts);
        name_cuts(p->s, &v, i, &cuts);
        p->ncuts[i] = tidy_cuts(cuts.v, cuts.n);
        p->cuts[i] = px_arena_array(p->a, p->ncuts[i] ? p->ncuts[i] : 1, sizeof *cuts.v);
        if (p->ncuts[i]) {
            /* cuts.v is NULL only when it holds no cuts, and then ncuts is 0.
             * NOLINTNEXTLINE(clang-analyzer-core.NonNullParamChecker) */
            memcpy(p->cuts[i], cuts.v, p->ncuts[i] * sizeof *cuts.v);
        }
        px_vec_free(cuts);
    }
    px_vec_free(v);
    number_sentences(p);
}

static void cut_label(const ws_plan *p, px_buf *b, const ws_cut *c)
{
    px_buf_puts(b, "<span class=\"cut\">[");
    if (c->what == WS_CUT_OUTLET)
        px_buf_printf(b, "Source %c", ws_letter(p, c->outlet));
    else
        px_buf_puts(b, c->what == WS_CUT_REPORTER ? "reporter" : "link");
    px_buf_puts(b, "]</span>");
}

void ws_text(const ws_plan *p, px_buf *b, uint32_t src, size_t start, size_t end)
{
    const char *t = p->s->docs[src]->text;
    size_t at = start;
    for (size_t k = 0; k < p->ncuts[src]; k++) {
        const ws_cut *c = &p->cuts[src][k];
        if (c->end <= at || c->start >= end)
            continue;
        if (c->start > at)
            px_html_escape(b, t + at, c->start - at);
        cut_label(p, b, c);
        at = c->end;
    }
    if (at < end)
        px_html_escape(b, t + at, end - at);
}

void ws_sentence_text(const ws_plan *p, px_buf *b, uint32_t src, uint32_t sent)
{
    const px_sentence *st = &p->s->docs[src]->sents[sent];
    ws_text(p, b, src, st->start, st->end);
}
