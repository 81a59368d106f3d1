/*
 * furniture.c — the page-furniture rules for pasted text and for the
 * paragraphs of HTML pages, and the line model that goes with them.
 *
 * The main mechanism for pasted text is the line classifier (lines.c,
 * linemodel.c, filter.c), learned from real pages. The rules are the layer
 * users extend: data/furniture.txt (compiled in) and --furniture FILE, one
 * POSIX extended expression a line with what the line is (drop, byline,
 * updated, related, credit, bio). A line a rule names is removed whatever
 * the model says, and a "By …" line gives the byline.
 *
 * Hands on: px_furniture (rules, and the line model: built in, or a file
 * read by px_furniture_load_model) and px_furniture_match to filter.c and
 * html.c.
 */
#include "parallax/ingest.h"

#include <ctype.h>
#include <pthread.h>
#include <regex.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "ingest/internal.h"
#include "ingest/filter.h"
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
    bool anchored; /* first[] says which bytes can open a match */
    bool first[256];
    px_needles *needles; /* literals a match must hold (NULL: cannot tell) */
    atomic_int state;    /* 0: not compiled yet, 1: compiled, -1: does not compile */
    regex_t re;
};

struct px_furniture {
    struct rule *rules;
    size_t n, cap;
    pthread_mutex_t lock; /* compiling a rule (stories run on several threads) */
    px_line_model *model; /* read from a file, or NULL: the built-in one */
    bool no_model;        /* rules only */
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
                                        "related, credit or bio)",
                                        l);
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
    if (parse_rules(f, px_embed_furniture, px_embed_furniture_len, "data/furniture.txt", false,
                    &err) != PX_OK) {
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

px_status px_furniture_load_model(px_furniture *f, const char *path, px_error *err)
{
    char *data;
    size_t len;
    px_status st = px_file_read(path, 1 << 20, &data, &len, err);
    if (st != PX_OK)
        return st;
    px_line_model *m = NULL;
    st = px_line_model_parse(data, len, path, &m, err);
    free(data);
    if (st != PX_OK)
        return st;
    px_line_model_free(f->model);
    f->model = m;
    f->no_model = false;
    return PX_OK;
}

void px_furniture_rules_only(px_furniture *f)
{
    px_line_model_free(f->model);
    f->model = NULL;
    f->no_model = true;
}

const px_line_model *px_furniture_model(const px_furniture *f)
{
    if (!f || f->no_model)
        return NULL;
    return f->model ? f->model : px_line_model_builtin();
}

void px_furniture_free(px_furniture *f)
{
    if (!f)
        return;
    px_line_model_free(f->model);
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
