/*
 * furniture.c — the page-furniture filter for pasted plain text.
 *
 * Text pasted from a browser carries the page around the article:
 * newsletter pitches, "Advertisement", share prompts, photo credits, author
 * bios, the outlet's name alone on a line, lists of related headlines. The
 * rules are data (data/furniture.txt, compiled in; users add their own with
 * --furniture FILE): each line of the text is checked against them, and a
 * few structural rules that a single pattern cannot express live here:
 * related-headline runs, dash/bullet-only lines, and the outlet's name.
 *
 * Hands on: the kept text (paragraphs separated by "\n\n") and the removed
 * lines, in order, as evidence.
 */
#include "parallax/ingest.h"

#include <ctype.h>
#include <pthread.h>
#include <regex.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "ingest/internal.h"
#include "ingest/needles.h"

#define LINE_MAX_BYTES 400 /* longer lines are article text, never furniture */

extern const char px_embed_furniture[];
extern const size_t px_embed_furniture_len;

typedef enum {
    K_DROP = PX_FURN_DROP,
    K_BYLINE = PX_FURN_BYLINE,
    K_UPDATED = PX_FURN_UPDATED,
    K_RELATED = PX_FURN_RELATED,
    K_CREDIT = PX_FURN_CREDIT,
    K_BIO = PX_FURN_BIO,
} kind;

static const struct {
    const char *name;
    kind k;
} kinds[] = {
    {"drop", K_DROP},       {"byline", K_BYLINE}, {"updated", K_UPDATED},
    {"related", K_RELATED}, {"credit", K_CREDIT}, {"bio", K_BIO},
};

/* A rule is compiled the first time a line could match it: most rules are
 * anchored ("^(share|print)…"), and a line whose first byte cannot open a
 * match is never tried against them (see first.c); nor is a line that
 * lacks a literal every match holds ("newsletter", see needles.c).
 * Compiling every rule of the file would cost a one-page run more than the
 * page itself, and regexec costs more than both checks on every line. */
struct rule {
    kind k;
    int flags;
    char *pattern;
    bool anchored;     /* first[] says which bytes can open a match */
    bool first[256];
    px_needles *needles; /* literals a match must hold (NULL: cannot tell) */
    atomic_int state;  /* 0: not compiled yet, 1: compiled, -1: does not compile */
    regex_t re;
};

struct px_furniture {
    struct rule *rules;
    size_t n, cap;
    pthread_mutex_t lock; /* compiling a rule (stories run on several threads) */
};

/* Compile r now; false if its pattern is bad. */
static bool compile(struct rule *r)
{
    int s = regcomp(&r->re, r->pattern, r->flags) == 0 ? 1 : -1;
    atomic_store_explicit(&r->state, s, memory_order_release);
    return s > 0;
}

static bool ready(const px_furniture *f, struct rule *r)
{
    int s = atomic_load_explicit(&r->state, memory_order_acquire);
    if (s != 0)
        return s > 0;
    pthread_mutex_t *lock = (pthread_mutex_t *)&f->lock; /* logically const */
    pthread_mutex_lock(lock);
    bool ok = atomic_load_explicit(&r->state, memory_order_relaxed) == 0
                  ? compile(r)
                  : atomic_load_explicit(&r->state, memory_order_relaxed) > 0;
    pthread_mutex_unlock(lock);
    return ok;
}

/* Append a rule (not compiled). */
static struct rule *add_rule(px_furniture *f, kind k, const char *pattern, int flags)
{
    if (f->n == f->cap) {
        f->cap = f->cap ? f->cap * 2 : 32;
        f->rules = px_xreallocarray(f->rules, f->cap, sizeof *f->rules);
    }
    struct rule *r = &f->rules[f->n++];
    memset(r, 0, sizeof *r);
    r->k = k;
    r->flags = flags;
    r->pattern = px_xstrdup(pattern);
    r->anchored = px_regex_first_bytes(pattern, flags & REG_ICASE, r->first);
    r->needles = px_needles_new(pattern, flags & REG_ICASE);
    atomic_init(&r->state, 0);
    return r;
}

/* Read rules from text; eager: compile them now, to report bad patterns
 * with their line (a user's file). */
static px_status parse_rules(px_furniture *f, const char *text, size_t len, const char *file,
                             bool eager, px_error *err)
{
    size_t line = 0, i = 0;
    while (i < len) {
        size_t j = i;
        while (j < len && text[j] != '\n')
            j++;
        line++;
        char *l = px_xstrndup(text + i, j - i);
        i = j + 1;
        size_t ll = strlen(l);
        while (ll && (l[ll - 1] == '\r' || l[ll - 1] == ' '))
            l[--ll] = '\0';
        if (ll == 0 || l[0] == '#') {
            free(l);
            continue;
        }
        char *tab = strchr(l, '\t');
        if (!tab) {
            free(l);
            return px_error_set(err, PX_EINPUT, file, line,
                                "expected KIND<TAB>PATTERN (no tab found)");
        }
        *tab = '\0';
        int flags = REG_EXTENDED | REG_NOSUB | REG_ICASE;
        char *slash = strchr(l, '/');
        if (slash && strcmp(slash, "/c") == 0) {
            flags &= ~REG_ICASE;
            *slash = '\0';
        }
        size_t k = 0;
        while (k < sizeof kinds / sizeof kinds[0] && strcmp(kinds[k].name, l) != 0)
            k++;
        if (k == sizeof kinds / sizeof kinds[0]) {
            px_status st = px_error_set(err, PX_EINPUT, file, line,
                                        "unknown kind '%s' (expected drop, byline, updated, "
                                        "related, credit or bio)", l);
            free(l);
            return st;
        }
        struct rule *r = add_rule(f, kinds[k].k, tab + 1, flags);
        free(l);
        if (eager && !compile(r)) {
            char msg[200];
            regex_t re;
            regerror(regcomp(&re, r->pattern, r->flags), &re, msg, sizeof msg);
            regfree(&re);
            return px_error_set(err, PX_EINPUT, file, line, "bad pattern: %s", msg);
        }
    }
    return PX_OK;
}

px_furniture *px_furniture_default(void)
{
    px_furniture *f = px_xcalloc(1, sizeof *f);
    pthread_mutex_init(&f->lock, NULL);
    px_error err;
    if (parse_rules(f, px_embed_furniture, px_embed_furniture_len, "data/furniture.txt",
                    false, &err) != PX_OK) {
        /* the built-in file is checked by the tests; this cannot happen */
        px_furniture_free(f);
        return NULL;
    }
    return f;
}

px_status px_furniture_load(px_furniture *f, const char *path, px_error *err)
{
    char *data;
    size_t len;
    px_status st = px_file_read(path, 1 << 20, &data, &len, err);
    if (st != PX_OK)
        return st;
    st = parse_rules(f, data, len, path, true, err);
    free(data);
    return st;
}

void px_furniture_free(px_furniture *f)
{
    if (!f)
        return;
    for (size_t i = 0; i < f->n; i++) {
        if (atomic_load(&f->rules[i].state) > 0)
            regfree(&f->rules[i].re);
        free(f->rules[i].pattern);
        px_needles_free(f->rules[i].needles);
    }
    free(f->rules);
    pthread_mutex_destroy(&f->lock);
    free(f);
}

/* ---- the filter ---- */

struct line {
    const char *s;
    size_t len;
    bool blank_before; /* a blank line (paragraph break) precedes it */
    bool drop;
};

static int match_kind(const px_furniture *f, const char *line)
{
    size_t n = strlen(line);
    if (n > LINE_MAX_BYTES)
        return -1;
    char lower[LINE_MAX_BYTES + 1]; /* for the needles of rules that ignore case */
    for (size_t i = 0; i <= n; i++)
        lower[i] = (char)(line[i] >= 'A' && line[i] <= 'Z' ? line[i] + 32 : line[i]);
    unsigned char c0 = (unsigned char)line[0];
    for (size_t i = 0; i < f->n; i++) {
        struct rule *r = &f->rules[i];
        if (r->anchored && !r->first[c0])
            continue;
        if (r->needles && !px_needles_may_match(r->needles, line, lower))
            continue;
        if (ready(f, r) && regexec(&r->re, line, 0, NULL, 0) == 0)
            return (int)r->k;
    }
    return -1;
}

px_furn_kind px_furniture_match(const px_furniture *f, const char *line)
{
    return f ? (px_furn_kind)match_kind(f, line) : PX_FURN_NONE;
}

static size_t count_words(const char *s, size_t n)
{
    size_t w = 0;
    bool in = false;
    for (size_t i = 0; i < n; i++) {
        bool sp = isspace((unsigned char)s[i]);
        if (!sp && !in)
            w++;
        in = !sp;
    }
    return w;
}

static bool ends_sentence(const char *s, size_t n)
{
    while (n && (s[n - 1] == '"' || s[n - 1] == '\'' || s[n - 1] == ')'))
        n--;
    if (n >= 3 && (unsigned char)s[n - 3] == 0xE2 && (unsigned char)s[n - 2] == 0x80 &&
        ((unsigned char)s[n - 1] == 0x9D || (unsigned char)s[n - 1] == 0x99))
        n -= 3; /* closing curly quote */
    return n && (s[n - 1] == '.' || s[n - 1] == '!' || s[n - 1] == '?' || s[n - 1] == ':');
}

/* A short line that reads like a headline: few words, not ending in a
 * period (a question mark is fine: "Who are the reporters …?"). */
static bool headline_like(const char *s, size_t n)
{
    size_t w = count_words(s, n);
    return w >= 1 && w <= 16 && (!ends_sentence(s, n) || s[n - 1] == '?');
}

static bool only_marks(const char *s, size_t n)
{
    static const char *marks[] = {"-", "\xE2\x80\xA2", "\xE2\x80\x93", "\xE2\x80\x94",
                                  "*", "\xC2\xB7", "\xE2\x96\xAA", "\xE2\x80\xBA", ">"};
    for (size_t i = 0; i < sizeof marks / sizeof marks[0]; i++)
        if (n == strlen(marks[i]) && memcmp(s, marks[i], n) == 0)
            return true;
    return false;
}

/* Letters and digits only, folded to lower case (ASCII). */
static void squash(const char *s, size_t n, char *out, size_t size)
{
    size_t k = 0;
    for (size_t i = 0; i < n && k + 1 < size; i++)
        if (isalnum((unsigned char)s[i]))
            out[k++] = (char)tolower((unsigned char)s[i]);
    out[k] = '\0';
}

/* The outlet's name alone on a line: short, no end punctuation, every word
 * capitalised, and naming the outlet id ("The Iron Sentinel" for sentinel). */
static bool outlet_line(const char *s, size_t n, const char *outlet)
{
    if (!outlet || !*outlet || n > 60 || ends_sentence(s, n) || count_words(s, n) > 6)
        return false;
    for (size_t i = 0; i < n; i++)
        if ((i == 0 || s[i - 1] == ' ') && islower((unsigned char)s[i]) &&
            !(i + 3 <= n && (memcmp(s + i, "of ", 3) == 0 || memcmp(s + i, "the", 3) == 0)))
            return false;
    char a[128], b[128];
    squash(s, n, a, sizeof a);
    squash(outlet, strlen(outlet), b, sizeof b);
    return b[0] && strstr(a, b) != NULL;
}

typedef PX_VEC(struct line) lines_vec;

/* The non-blank lines of text, trimmed, each knowing whether a blank line
 * (a paragraph break) came before it. */
static void split_lines(const char *text, size_t len, lines_vec *lines)
{
    bool blank = true;
    for (size_t i = 0; i < len;) {
        size_t j = i;
        while (j < len && text[j] != '\n')
            j++;
        size_t s = i, e = j;
        while (s < e && (text[s] == ' ' || text[s] == '\t'))
            s++;
        while (e > s && (text[e - 1] == ' ' || text[e - 1] == '\t'))
            e--;
        if (e == s) {
            blank = true;
        } else {
            struct line l = {text + s, e - s, blank, false};
            px_vec_push(*lines, l);
            blank = false;
        }
        i = j + 1;
    }
}

/* Mark the furniture lines: the rules, then what one line cannot show —
 * the headlines after a "Related" heading or a mark line, and the outlet's
 * name alone. */
static void mark_lines(const px_furniture *f, lines_vec *lines, const char *outlet)
{
    bool in_related = false;
    for (size_t i = 0; i < lines->n; i++) {
        struct line *l = &lines->v[i];
        char *z = px_xstrndup(l->s, l->len);
        int k = f ? match_kind(f, z) : -1;
        free(z);
        if (k == K_RELATED) {
            l->drop = true;
            in_related = true;
        } else if (only_marks(l->s, l->len)) {
            l->drop = true;
            in_related = i + 1 < lines->n &&
                         headline_like(lines->v[i + 1].s, lines->v[i + 1].len);
        } else if (k >= 0) {
            l->drop = true;
            in_related = false;
        } else if ((in_related && headline_like(l->s, l->len)) ||
                   outlet_line(l->s, l->len, outlet)) {
            l->drop = true;
        } else {
            in_related = false;
        }
    }
}

char *px_ingest_filter(px_arena *a, const px_furniture *f, const char *text, size_t len,
                       const char *outlet, size_t *out_len, const char ***removed,
                       size_t *nremoved)
{
    lines_vec lines = {0};
    split_lines(text, len, &lines);
    mark_lines(f, &lines, outlet);
    PX_VEC(const char *) gone = {0};
    px_buf b;
    px_buf_init(&b, 0);
    bool first = true;
    for (size_t i = 0; i < lines.n; i++) {
        struct line *l = &lines.v[i];
        if (l->drop) {
            px_vec_push(gone, px_arena_strndup(a, l->s, l->len));
            continue;
        }
        if (!first)
            px_buf_puts(&b, l->blank_before ? "\n\n" : "\n");
        px_buf_add(&b, l->s, l->len);
        first = false;
    }
    char *res = px_arena_strndup(a, b.data ? b.data : "", b.len);
    if (out_len)
        *out_len = b.len;
    px_buf_free(&b);
    if (removed) {
        *removed = px_arena_memdup(a, gone.v, gone.n * sizeof(char *));
        *nremoved = gone.n;
    }
    px_vec_free(gone);
    px_vec_free(lines);
    return res;
}
