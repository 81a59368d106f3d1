/*
 * first.c — which bytes can open a match of an anchored regular
 * expression ("^(share|print)…" can only match a line that starts with s,
 * S, p or P).
 *
 * The furniture rules are POSIX extended expressions, and compiling one
 * costs more than checking a whole page against a byte table; most rules
 * are anchored at the start of the line, so the filter compiles a rule
 * only when a line could match it. This reads just enough of the syntax:
 * literals, escapes, bracket lists, groups with alternatives and the
 * quantifiers that make an item optional. Anything else ('.', [^…],
 * classes, back-references) answers "cannot tell", and the rule is always
 * tried.
 *
 * Hands on: px_regex_first_bytes to furniture.c.
 */
#include <ctype.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "ingest/internal.h"

struct item {
    uint64_t set[4]; /* a bit per byte */
    bool nullable;   /* can match the empty string */
    bool unknown;    /* its first bytes cannot be told */
};

struct parser {
    const char *p;
    bool icase;
};

static void bit(struct item *it, unsigned c)
{
    it->set[c >> 6] |= (uint64_t)1 << (c & 63);
}

static void add(struct parser *ps, struct item *it, unsigned char c)
{
    bit(it, c);
    if (ps->icase && isalpha(c)) {
        bit(it, (unsigned)tolower(c));
        bit(it, (unsigned)toupper(c));
    }
}

static void sequence(struct parser *ps, struct item *out);

/* [abc], [a-z]; a negated list or a class is not told apart. */
static void bracket(struct parser *ps, struct item *it)
{
    const char *p = ps->p + 1;
    if (*p == '^')
        it->unknown = true;
    if (*p == ']')
        add(ps, it, (unsigned char)*p++);
    for (; *p && *p != ']'; p++) {
        if (*p == '[' && (p[1] == ':' || p[1] == '=' || p[1] == '.'))
            it->unknown = true;
        if (p[1] == '-' && p[2] && p[2] != ']') {
            for (int c = (unsigned char)*p; c <= (unsigned char)p[2]; c++)
                add(ps, it, (unsigned char)c);
            p += 2;
        } else {
            add(ps, it, (unsigned char)*p);
        }
    }
    ps->p = *p ? p + 1 : p;
}

/* (a|b|c): the union of the alternatives. */
static void group(struct parser *ps, struct item *it)
{
    ps->p++;
    it->nullable = false;
    for (;;) {
        struct item alt;
        sequence(ps, &alt);
        for (int k = 0; k < 4; k++)
            it->set[k] |= alt.set[k];
        it->nullable |= alt.nullable;
        it->unknown |= alt.unknown;
        if (*ps->p != '|')
            break;
        ps->p++;
    }
    if (*ps->p == ')')
        ps->p++;
}

/* One item and its quantifier. */
static void item(struct parser *ps, struct item *it)
{
    memset(it, 0, sizeof *it);
    char c = *ps->p;
    if (c == '(') {
        group(ps, it);
    } else if (c == '[') {
        bracket(ps, it);
    } else if (c == '\\') {
        char e = ps->p[1];
        if (e == 'b' || e == 'B' || e == '<' || e == '>')
            it->nullable = true; /* a word boundary matches no byte */
        else if (!e || strchr("wWsSdD123456789`'", e))
            it->unknown = true;
        else
            add(ps, it, (unsigned char)e);
        ps->p += e ? 2 : 1;
    } else if (c == '^' || c == '$') {
        it->nullable = true;
        ps->p++;
    } else {
        if (c == '.')
            it->unknown = true;
        else
            add(ps, it, (unsigned char)c);
        ps->p++;
    }
    c = *ps->p;
    if (c == '?' || c == '*') {
        it->nullable = true;
        ps->p++;
    } else if (c == '+') {
        ps->p++;
    } else if (c == '{') {
        it->nullable |= ps->p[1] == '0' || ps->p[1] == ',';
        const char *close = strchr(ps->p, '}');
        ps->p = close ? close + 1 : ps->p + strlen(ps->p);
    }
}

/* Items one after another, up to '|' or ')': the first bytes are those of
 * the items up to and including the first that cannot be empty. */
static void sequence(struct parser *ps, struct item *out)
{
    memset(out, 0, sizeof *out);
    out->nullable = true;
    while (*ps->p && *ps->p != '|' && *ps->p != ')') {
        struct item it;
        item(ps, &it);
        if (!out->nullable)
            continue;
        for (int k = 0; k < 4; k++)
            out->set[k] |= it.set[k];
        out->unknown |= it.unknown;
        out->nullable = it.nullable;
    }
}

bool px_regex_first_bytes(const char *re, bool icase, bool set[256])
{
    if (re[0] != '^')
        return false;
    struct parser ps = {re + 1, icase};
    struct item all;
    sequence(&ps, &all);
    if (all.unknown || all.nullable || *ps.p)
        return false;
    for (unsigned c = 0; c < 256; c++)
        set[c] = (all.set[c >> 6] >> (c & 63)) & 1;
    return true;
}
