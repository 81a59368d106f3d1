/*
 * needles.c — the literals every match of a regular expression must hold.
 *
 * glibc's regexec costs about half a microsecond a line even when the line
 * is nowhere near a match, and a page of pasted text meets a few dozen
 * furniture rules on each of its lines. Most rules that are not anchored
 * name a word they cannot match without ("newsletter", "cookies", " / "):
 * this reads the rule's literals into conditions — each a list of strings
 * of which a matching line holds at least one — and px_needles_may_match
 * answers "cannot match" when a line fails one, with a strstr or two. A
 * line that passes is still tried with regexec, so results never change.
 *
 * The reading is conservative: a run of plain characters in sequence is
 * required (a quantifier that allows zero ends it before the character),
 * a group's alternatives give the union of one required literal from each,
 * and anything else — '.', bracket lists, classes, escapes of letters or
 * digits, anchors — only ends a run. What it cannot read gives no needles.
 *
 * Hands on: px_needles to furniture.c.
 */
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "ingest/needles.h"
#include "util/toolbox.h"

typedef PX_VEC(char *) litvec;  /* a condition: at least one of these occurs */
typedef PX_VEC(litvec) condvec; /* every one of these conditions holds */

struct px_needles {
    condvec conds;
    bool icase;
};

struct parser {
    const char *p;
    bool icase;
    bool failed;
    char run[256]; /* the literal run being read */
    size_t nrun;
};

static void free_lits(litvec *l)
{
    for (size_t i = 0; i < l->n; i++)
        free(l->v[i]);
    px_vec_free(*l);
}

static void free_conds(condvec *c)
{
    for (size_t i = 0; i < c->n; i++)
        free_lits(&c->v[i]);
    px_vec_free(*c);
}

/* End the literal run: it becomes a condition of its own. */
static void flush(struct parser *ps, condvec *out)
{
    if (ps->nrun == 0)
        return;
    litvec one = {0};
    px_vec_push(one, px_xstrndup(ps->run, ps->nrun));
    px_vec_push(*out, one);
    ps->nrun = 0;
}

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* The quantifier at ps->p: 1 for none (exactly once), 2 for at least once
 * and maybe more, 0 when the item may be absent. */
static int quantifier(struct parser *ps)
{
    int q = 1;
    char c = *ps->p;
    if (c == '?' || c == '*') {
        q = 0;
        ps->p++;
    } else if (c == '+') {
        q = 2;
        ps->p++;
    } else if (c == '{') {
        const char *s = ps->p + 1;
        bool zero = *s == '0';
        while (is_digit(*s))
            s++;
        if (s == ps->p + 1)
            ps->failed = true;
        if (*s == ',')
            for (s++; is_digit(*s);)
                s++;
        if (*s != '}')
            ps->failed = true;
        q = zero ? 0 : 2;
        ps->p = *s ? s + 1 : s;
    }
    c = *ps->p;
    if (c == '?' || c == '*' || c == '+' || c == '{')
        ps->failed = true; /* stacked quantifiers: not read */
    return q;
}

/* Skip a bracket list: [abc], [^]x], [[:alpha:]]. */
static void bracket(struct parser *ps)
{
    const char *p = ps->p + 1;
    if (*p == '^')
        p++;
    if (*p == ']')
        p++;
    while (*p && *p != ']') {
        if (*p == '[' && (p[1] == ':' || p[1] == '=' || p[1] == '.')) {
            const char *end = strchr(p + 2, p[1]);
            while (end && end[1] != ']')
                end = strchr(end + 1, p[1]);
            if (!end) {
                ps->failed = true;
                return;
            }
            p = end + 2;
        } else {
            p++;
        }
    }
    if (!*p)
        ps->failed = true;
    ps->p = *p ? p + 1 : p;
}

/* A plain character and its quantifier, into the run. */
static void literal(struct parser *ps, condvec *out, char c)
{
    if (ps->icase && c >= 'A' && c <= 'Z')
        c = (char)(c + 32);
    int q = quantifier(ps);
    if (q == 0) {
        flush(ps, out);
        return;
    }
    if (ps->nrun + 1 < sizeof ps->run)
        ps->run[ps->nrun++] = c;
    if (q == 2)
        flush(ps, out);
}

/* A character of several bytes ("©") is required as a whole, unless a
 * quantifier follows (in a UTF-8 locale it repeats the whole character, in
 * the C locale only its last byte) or case is ignored and it has a case
 * (a UTF-8 locale folds it; the lower-case copy of a line folds ASCII). */
static void multibyte(struct parser *ps, condvec *out)
{
    const char *s = ps->p;
    int32_t cp = 0;
    size_t k = px_utf8_decode(s, strlen(s), &cp);
    ps->p += k ? k : 1;
    char q = *ps->p;
    bool quantified = q == '?' || q == '*' || q == '+' || q == '{';
    bool cased = ps->icase && (utf8proc_tolower(cp) != cp || utf8proc_toupper(cp) != cp);
    if (!k || quantified || cased || ps->nrun + k >= sizeof ps->run) {
        flush(ps, out);
        quantifier(ps);
        return;
    }
    memcpy(ps->run + ps->nrun, s, k);
    ps->nrun += k;
}

static void alternation(struct parser *ps, condvec *out);

/* One item: a group, a wildcard of some kind, or a literal. */
static void item(struct parser *ps, condvec *out)
{
    char c = *ps->p;
    if (c == '(') {
        flush(ps, out);
        ps->p++;
        condvec inner = {0};
        alternation(ps, &inner);
        if (*ps->p != ')')
            ps->failed = true;
        else
            ps->p++;
        bool required = quantifier(ps) > 0;
        for (size_t i = 0; i < inner.n; i++) {
            if (required)
                px_vec_push(*out, inner.v[i]);
            else
                free_lits(&inner.v[i]);
        }
        px_vec_free(inner);
        return;
    }
    bool plain = true;
    if ((unsigned char)c >= 0x80) {
        multibyte(ps, out);
        return;
    }
    if (c == '[') {
        bracket(ps);
        plain = false;
    } else if (c == '\\') {
        c = ps->p[1];
        ps->p += c ? 2 : 1;
        /* \b, \w, \1 and the like are no literal; \. \( \/ are */
        plain = c && (unsigned char)c < 0x80 && !is_digit(c) &&
                !((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
        ps->failed |= !c;
    } else {
        ps->p++;
        plain = !(c == '.' || c == '^' || c == '$' || c == '*' || c == '+' || c == '?' || c == '{');
        ps->failed |= c == '*' || c == '+' || c == '?' || c == '{'; /* nothing to repeat */
    }
    if (plain) {
        literal(ps, out, c);
    } else {
        flush(ps, out);
        quantifier(ps);
    }
}

static void sequence(struct parser *ps, condvec *out)
{
    ps->nrun = 0;
    while (!ps->failed && *ps->p && *ps->p != '|' && *ps->p != ')')
        item(ps, out);
    flush(ps, out);
}

/* The shortest literal of a condition: the longer, the rarer. */
static size_t shortest(const litvec *l)
{
    size_t m = SIZE_MAX;
    for (size_t i = 0; i < l->n; i++)
        if (strlen(l->v[i]) < m)
            m = strlen(l->v[i]);
    return m;
}

/* One branch of a|b|c: its best condition joins the union any; a branch
 * that requires nothing leaves none. */
static void join_branch(condvec *branch, litvec *any, bool *none)
{
    size_t best = 0;
    for (size_t i = 1; i < branch->n; i++)
        if (shortest(&branch->v[i]) > shortest(&branch->v[best]))
            best = i;
    if (branch->n == 0)
        *none = true;
    for (size_t i = 0; i < branch->n; i++) {
        if (i != best || *none) {
            free_lits(&branch->v[i]);
            continue;
        }
        for (size_t k = 0; k < branch->v[i].n; k++)
            px_vec_push(*any, branch->v[i].v[k]);
        px_vec_free(branch->v[i]);
    }
    px_vec_free(*branch);
}

static void alternation(struct parser *ps, condvec *out)
{
    condvec first = {0};
    sequence(ps, &first);
    if (*ps->p != '|') {
        for (size_t i = 0; i < first.n; i++)
            px_vec_push(*out, first.v[i]);
        px_vec_free(first);
        return;
    }
    litvec any = {0};
    bool none = false;
    join_branch(&first, &any, &none);
    while (!ps->failed && *ps->p == '|') {
        ps->p++;
        condvec branch = {0};
        sequence(ps, &branch);
        join_branch(&branch, &any, &none);
    }
    if (none)
        free_lits(&any);
    else
        px_vec_push(*out, any);
}

px_needles *px_needles_new(const char *re, bool icase)
{
    struct parser ps = {.p = re, .icase = icase};
    condvec conds = {0};
    alternation(&ps, &conds);
    if (ps.failed || *ps.p || conds.n == 0) {
        free_conds(&conds);
        return NULL;
    }
    px_needles *n = px_xcalloc(1, sizeof *n);
    n->conds = conds;
    n->icase = icase;
    return n;
}

void px_needles_free(px_needles *n)
{
    if (!n)
        return;
    free_conds(&n->conds);
    free(n);
}

bool px_needles_may_match(const px_needles *n, const char *line, const char *lower)
{
    const char *s = n->icase ? lower : line;
    for (size_t i = 0; i < n->conds.n; i++) {
        const litvec *c = &n->conds.v[i];
        size_t k = 0;
        while (k < c->n && !strstr(s, c->v[k]))
            k++;
        if (k == c->n)
            return false;
    }
    return true;
}
