/*
 * lexicon.c — loading lexicons: our TSV format and LIWC-style .dic files.
 *
 * TSV (lexicons/NAME.tsv): `term<TAB>category<TAB>weight[<TAB>neutral]`,
 * `#` comments, a header of `# key: value` lines (name, version, licence,
 * source, description). Two-column files (`term<TAB>score`, as AFINN and
 * VADER) load as one category named after the lexicon.
 * .dic: a `%`-delimited block of `id<TAB>category`, then `term<TAB>id…`.
 *
 * A term may be a phrase ("walked back") and may end in `*` (a prefix).
 * Terms are tokenised exactly as documents are, so "so-called" matches
 * however the text hyphenates. Every bad line is an error naming FILE:LINE;
 * a broken lexicon is never half loaded.
 */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "parallax/frame.h"

typedef PX_VEC(px_lex_entry) entryvec;
typedef PX_VEC(const char *) strvec;

static uint32_t category_index(px_lexicon *l, strvec *cats, const char *name, size_t n)
{
    for (size_t i = 0; i < cats->n; i++)
        if (strlen(cats->v[i]) == n && memcmp(cats->v[i], name, n) == 0)
            return (uint32_t)i;
    px_vec_push(*cats, px_arena_strndup(l->arena, name, n));
    return (uint32_t)(cats->n - 1);
}

static char *trim(char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    size_t n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
        s[--n] = '\0';
    return s;
}

/* Split the term into folded words like the tokenizer does. */
static px_status set_term(px_lexicon *l, px_lex_entry *e, const char *term, const char *file,
                          size_t line, px_error *err)
{
    size_t n = strlen(term);
    bool prefix = n > 1 && term[n - 1] == '*';
    if (prefix)
        n--;
    for (size_t i = 0; i < n; i++)
        if (term[i] == '*')
            return px_error_set(err, PX_EINPUT, file, line,
                                "'*' is allowed only at the end of a term ('%s')", term);
    size_t bad;
    if (!px_utf8_check(term, n, &bad))
        return px_error_set(err, PX_EINPUT, file, line, "term is not valid UTF-8");
    px_token *toks;
    size_t nt = px_text_tokens(l->arena, NULL, term, n, &toks);
    if (nt == 0)
        return px_error_set(err, PX_EINPUT, file, line, "empty term");
    e->words = px_arena_array(l->arena, nt, sizeof(char *));
    for (size_t i = 0; i < nt; i++)
        e->words[i] = toks[i].fold;
    e->nwords = (uint32_t)nt;
    e->prefix = prefix;
    e->term = px_utf8_fold(l->arena, term, strlen(term), NULL);
    e->line = (uint32_t)line;
    return PX_OK;
}

static bool parse_number(const char *s, double *v)
{
    if (!*s)
        return false;
    char *end;
    errno = 0;
    *v = strtod(s, &end);
    return errno == 0 && *trim(end) == '\0';
}

static void header(px_lexicon *l, const char *line)
{
    static const char *keys[] = {"name", "version", "licence", "license", "description",
                                 "source"};
    const char *p = line + 1;
    while (*p == ' ' || *p == '#')
        p++;
    const char *colon = strchr(p, ':');
    if (!colon)
        return;
    size_t kl = (size_t)(colon - p);
    const char *v = colon + 1;
    while (*v == ' ')
        v++;
    for (size_t k = 0; k < 6; k++) {
        if (strlen(keys[k]) != kl || strncasecmp(p, keys[k], kl) != 0)
            continue;
        const char **field = k == 0 ? &l->name
                             : k == 1 ? &l->version
                             : k <= 3 ? &l->licence
                             : &l->description;
        if (k == 5 && l->description)
            return;
        if (!*field)
            *field = px_arena_strdup(l->arena, v);
    }
}

static px_status load_tsv(px_lexicon *l, char *data, const char *file, px_error *err)
{
    entryvec ents = {0};
    strvec cats = {0};
    px_status st = PX_OK;
    size_t line = 0;
    bool in_header = true;
    for (char *p = data; p && *p && st == PX_OK;) {
        char *nl = strchr(p, '\n');
        if (nl)
            *nl = '\0';
        line++;
        char *s = p;
        p = nl ? nl + 1 : NULL;
        size_t len = strlen(s);
        if (len && s[len - 1] == '\r')
            s[--len] = '\0';
        if (*trim(s) == '\0')
            continue;
        if (s[0] == '#') {
            if (in_header)
                header(l, s);
            continue;
        }
        in_header = false;
        char *f[5] = {0};
        size_t nf = 0;
        for (char *q = s; nf < 5;) {
            f[nf++] = q;
            char *tab = strchr(q, '\t');
            if (!tab)
                break;
            *tab = '\0';
            q = tab + 1;
        }
        px_lex_entry e = {0};
        const char *term = trim(f[0]);
        double w = 1;
        const char *cat = NULL;
        if (nf == 1) {
            st = px_error_set(err, PX_EINPUT, file, line,
                              "expected term<TAB>category<TAB>weight (no tab found)");
            break;
        }
        if (nf == 2 && parse_number(trim(f[1]), &w)) {
            cat = l->name ? l->name : "score";
        } else {
            cat = trim(f[1]);
            if (!*cat) {
                st = px_error_set(err, PX_EINPUT, file, line, "empty category");
                break;
            }
            if (nf >= 3 && *trim(f[2]) && !parse_number(trim(f[2]), &w)) {
                st = px_error_set(err, PX_EINPUT, file, line,
                                  "weight '%s' is not a number", trim(f[2]));
                break;
            }
            if (nf >= 4 && *trim(f[3]))
                e.neutral = px_arena_strdup(l->arena, trim(f[3]));
            if (nf == 5) {
                st = px_error_set(err, PX_EINPUT, file, line,
                                  "too many columns (expected at most 4)");
                break;
            }
        }
        e.weight = w;
        st = set_term(l, &e, term, file, line, err);
        if (st != PX_OK)
            break;
        e.category = category_index(l, &cats, cat, strlen(cat));
        px_vec_push(ents, e);
    }
    if (st == PX_OK && ents.n == 0)
        st = px_error_set(err, PX_EINPUT, file, 0, "no entries");
    l->entries = px_arena_memdup(l->arena, ents.v, ents.n * sizeof *ents.v);
    l->nentries = ents.n;
    l->categories = px_arena_memdup(l->arena, cats.v, cats.n * sizeof *cats.v);
    l->ncategories = cats.n;
    px_vec_free(ents);
    px_vec_free(cats);
    return st;
}

static bool all_digits(const char *s)
{
    if (!*s)
        return false;
    for (; *s; s++)
        if (!isdigit((unsigned char)*s))
            return false;
    return true;
}

static void warn(px_lexicon *l, strvec *w, const char *file, size_t line, const char *fmt, ...)
    PX_PRINTF(5, 6);

static void warn(px_lexicon *l, strvec *w, const char *file, size_t line, const char *fmt, ...)
{
    char msg[300];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    px_vec_push(*w, px_arena_printf(l->arena, "%s:%zu: %s", file, line, msg));
}

static px_status load_dic(px_lexicon *l, char *data, const char *file, px_error *err)
{
    entryvec ents = {0};
    strvec cats = {0};
    PX_VEC(long) ids = {0};
    strvec warns = {0};
    px_status st = PX_OK;
    size_t line = 0;
    int section = 0; /* 0 before the first %, 1 categories, 2 entries */
    for (char *p = data; p && *p && st == PX_OK;) {
        char *nl = strchr(p, '\n');
        if (nl)
            *nl = '\0';
        line++;
        char *s = trim(p);
        p = nl ? nl + 1 : NULL;
        if (!*s)
            continue;
        if (s[0] == '%' && s[1] == '\0') {
            section++;
            if (section > 2)
                st = px_error_set(err, PX_EINPUT, file, line, "a third '%%' line");
            continue;
        }
        if (section == 0) {
            st = px_error_set(err, PX_EINPUT, file, line,
                              "a .dic file must start with a '%%' line");
            break;
        }
        if (section == 1) {
            char *end;
            long id = strtol(s, &end, 10);
            if (end == s || (*end != ' ' && *end != '\t')) {
                st = px_error_set(err, PX_EINPUT, file, line,
                                  "expected a category: number, then a name");
                break;
            }
            char *name = trim(end);
            for (size_t i = 0; i < ids.n; i++)
                if (ids.v[i] == id)
                    st = px_error_set(err, PX_EINPUT, file, line, "category %ld defined twice",
                                      id);
            if (st != PX_OK)
                break;
            px_vec_push(ids, id);
            category_index(l, &cats, name, strlen(name));
            continue;
        }
        /* an entry: the term (it may hold spaces), then category ids */
        if (strchr(s, '<') || strchr(s, '(')) {
            warn(l, &warns, file, line, "LIWC 2007 markup (<…> or (…)) not supported; line skipped");
            continue;
        }
        char *fields[64];
        size_t nf = 0;
        for (char *q = s; *q && nf < 64;) {
            while (*q == ' ' || *q == '\t')
                *q++ = '\0';
            if (!*q)
                break;
            fields[nf++] = q;
            while (*q && *q != ' ' && *q != '\t')
                q++;
        }
        size_t first_id = nf;
        while (first_id > 1 && all_digits(fields[first_id - 1]))
            first_id--;
        if (first_id == nf) {
            st = px_error_set(err, PX_EINPUT, file, line, "term '%s' has no category number",
                              fields[0]);
            break;
        }
        char term[512];
        size_t tl = 0;
        for (size_t i = 0; i < first_id; i++) {
            size_t fl = strlen(fields[i]);
            if (tl + fl + 2 >= sizeof term)
                break;
            if (i)
                term[tl++] = ' ';
            memcpy(term + tl, fields[i], fl);
            tl += fl;
        }
        term[tl] = '\0';
        px_lex_entry e = {0};
        e.weight = 1;
        st = set_term(l, &e, term, file, line, err);
        if (st != PX_OK)
            break;
        for (size_t i = first_id; i < nf; i++) {
            long id = strtol(fields[i], NULL, 10);
            size_t c = 0;
            while (c < ids.n && ids.v[c] != id)
                c++;
            if (c == ids.n) {
                warn(l, &warns, file, line, "category %ld is not defined; ignored", id);
                continue;
            }
            e.category = (uint32_t)c;
            px_vec_push(ents, e);
        }
    }
    if (st == PX_OK && section < 2)
        st = px_error_set(err, PX_EINPUT, file, line,
                          "missing the '%%' line that ends the category block");
    if (st == PX_OK && ents.n == 0)
        st = px_error_set(err, PX_EINPUT, file, 0, "no entries");
    l->entries = px_arena_memdup(l->arena, ents.v, ents.n * sizeof *ents.v);
    l->nentries = ents.n;
    l->categories = px_arena_memdup(l->arena, cats.v, cats.n * sizeof *cats.v);
    l->ncategories = cats.n;
    l->warnings = px_arena_memdup(l->arena, warns.v, warns.n * sizeof *warns.v);
    l->nwarnings = warns.n;
    px_vec_free(warns);
    px_vec_free(ids);
    px_vec_free(ents);
    px_vec_free(cats);
    return st;
}

static bool has_ext(const char *path, const char *ext)
{
    size_t n = strlen(path), e = strlen(ext);
    return n > e && strcasecmp(path + n - e, ext) == 0;
}

px_status px_lexicon_load(const char *path, px_lexicon **out, px_error *err)
{
    *out = NULL;
    char *data;
    size_t len;
    px_status st = px_file_read(path, 256u << 20, &data, &len, err);
    if (st != PX_OK)
        return st;
    if (memchr(data, '\0', len))
        st = px_error_set(err, PX_EINPUT, path, 0, "NUL byte: not a text file");
    px_lexicon *l = px_xcalloc(1, sizeof *l);
    l->arena = px_arena_new();
    l->path = px_arena_strdup(l->arena, path);
    if (st == PX_OK) {
        /* Latin-1 dictionaries (old LIWC files): convert, else UTF-8 is required */
        size_t bad;
        if (!px_utf8_check(data, len, &bad)) {
            px_buf b;
            px_buf_init(&b, 0);
            for (size_t i = 0; i < len; i++)
                px_utf8_put(&b, (unsigned char)data[i]);
            free(data);
            data = px_buf_detach(&b, &len);
        }
        st = has_ext(path, ".dic") ? load_dic(l, data, path, err) : load_tsv(l, data, path, err);
    }
    free(data);
    if (st != PX_OK) {
        px_lexicon_free(l);
        return st;
    }
    if (!l->name) {
        const char *base = strrchr(path, '/');
        base = base ? base + 1 : path;
        const char *dot = strrchr(base, '.');
        l->name = px_arena_strndup(l->arena, base, dot ? (size_t)(dot - base) : strlen(base));
    }
    if (!l->version)
        l->version = "";
    if (!l->licence)
        l->licence = "";
    *out = l;
    return PX_OK;
}

void px_lexicon_free(px_lexicon *l)
{
    if (!l)
        return;
    px_arena_free(l->arena);
    free(l);
}
