/*
 * dic.c — researchers' LIWC-style .dic dictionaries.
 *
 *   %
 *   1	care.virtue
 *   02	care.vice
 *   %
 *   compassion	1
 *   safe*	01
 *   civil rights	1 2
 *
 * Between the two `%` lines, a category per line: a number (zero padding
 * allowed, leading tabs for nesting ignored), then its name (any further
 * text is kept as the category's note). Then one entry per line: the term
 * (it may hold spaces), then one or more category numbers. Old LIWC 2007
 * markup (`<of>`, `(02 134)125/464`) is skipped with a warning naming the
 * line, as is a category number the header does not define; every other
 * bad line is an error naming FILE:LINE. Each (term, category) becomes one
 * px_lex_entry, so a word counts once in each of its categories.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "frame/internal.h"

/* A category number of the header and the category it names (two numbers
 * may name one category). */
typedef struct {
    long id;
    uint32_t category;
} catid;
typedef PX_VEC(catid) idvec;

static bool all_digits(const char *s)
{
    if (!*s)
        return false;
    for (; *s; s++)
        if (!isdigit((unsigned char)*s))
            return false;
    return true;
}

static px_status category_line(px_lexbuild *b, idvec *ids, char *s, size_t line, px_error *err)
{
    char *end;
    long id = strtol(s, &end, 10);
    if (end == s || *s == '-' || *s == '+' || (*end != ' ' && *end != '\t'))
        return px_error_set(err, PX_EINPUT, b->file, line,
                            "expected a category: a number, then a name");
    char *name = px_lex_trim(end);
    for (size_t i = 0; i < ids->n; i++)
        if (ids->v[i].id == id)
            return px_error_set(err, PX_EINPUT, b->file, line, "category %ld defined twice", id);
    size_t n = strcspn(name, " \t");
    uint32_t c = px_lex_category(b, name, n);
    catid ci = {id, c};
    px_vec_push(*ids, ci);
    char *note = px_lex_trim(name + n);
    if (*note)
        b->notes.v[c] = px_arena_strdup(b->l->arena, note);
    return PX_OK;
}

/* Cut s into blank-separated fields; returns their count (≤ max). */
static size_t fields_of(char *s, char **f, size_t max)
{
    size_t nf = 0;
    for (char *q = s; *q && nf < max;) {
        while (*q == ' ' || *q == '\t')
            *q++ = '\0';
        if (!*q)
            break;
        f[nf++] = q;
        while (*q && *q != ' ' && *q != '\t')
            q++;
    }
    return nf;
}

/* The term: fields [0, first_id) joined by single spaces, in the arena. */
static char *join_term(px_arena *a, char **f, size_t n)
{
    px_buf t;
    px_buf_init(&t, 0);
    for (size_t i = 0; i < n; i++) {
        if (i)
            px_buf_putc(&t, ' ');
        px_buf_puts(&t, f[i]);
    }
    char *s = px_arena_strndup(a, t.data ? t.data : "", t.len);
    px_buf_free(&t);
    return s;
}

static px_status entry_line(px_lexbuild *b, const idvec *ids, char *s, size_t line, px_error *err)
{
    if (strchr(s, '<') || strchr(s, '(')) {
        px_lex_warn(b, line, "LIWC 2007 markup (<…> or (…)) not supported; line skipped");
        return PX_OK;
    }
    char *f[64];
    size_t nf = fields_of(s, f, 64);
    if (nf == 0) /* a blank line; the caller skips those already */
        return PX_OK;
    size_t first_id = nf;
    while (first_id > 1 && all_digits(f[first_id - 1]))
        first_id--;
    if (first_id == nf) {
        for (size_t i = 1; i < nf; i++)
            if (all_digits(f[i]))
                return px_error_set(err, PX_EINPUT, b->file, line, "'%s' is not a category number",
                                    f[nf - 1]);
        return px_error_set(err, PX_EINPUT, b->file, line, "term '%s' has no category number",
                            f[0]);
    }
    px_lex_entry e = {0};
    e.weight = 1;
    px_status st = px_lex_term(b, &e, join_term(b->l->arena, f, first_id), line, err);
    for (size_t i = first_id; i < nf && st == PX_OK; i++) {
        long id = strtol(f[i], NULL, 10);
        size_t c = 0;
        while (c < ids->n && ids->v[c].id != id)
            c++;
        if (c == ids->n) {
            px_lex_warn(b, line, "category %ld is not defined; ignored", id);
            continue;
        }
        e.category = ids->v[c].category;
        px_vec_push(b->ents, e);
    }
    return st;
}

px_status px_lex_load_dic(px_lexbuild *b, char *data, px_error *err)
{
    idvec ids = {0};
    px_status st = PX_OK;
    size_t line = 0;
    int section = 0; /* 0 before the first %, 1 categories, 2 entries */
    char *s, *p = data;
    px_lex_default_name(b->l, b->file);
    while (st == PX_OK && (s = px_lex_next_line(&p))) {
        line++;
        s = px_lex_trim(s);
        if (!*s)
            continue;
        if (s[0] == '%' && *px_lex_trim(s + 1) == '\0') {
            if (++section > 2)
                st = px_error_set(err, PX_EINPUT, b->file, line, "a third '%%' line");
        } else if (section == 0) {
            st = px_error_set(err, PX_EINPUT, b->file, line,
                              "a .dic file must start with a '%%' line");
        } else if (section == 1) {
            st = category_line(b, &ids, s, line, err);
        } else {
            st = entry_line(b, &ids, s, line, err);
        }
    }
    if (st == PX_OK && section < 2)
        st = px_error_set(err, PX_EINPUT, b->file, line,
                          "missing the '%%' line that ends the category block");
    px_vec_free(ids);
    return st;
}
