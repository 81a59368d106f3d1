/*
 * lexicon.c — loading lexicons: our TSV format and two-column score files;
 * the helpers every format shares (terms, categories, warnings).
 *
 * TSV (lexicons/NAME.tsv):
 * `term<TAB>category<TAB>weight[<TAB>neutral[<TAB>context]]`, `#` comments,
 * and a header of `# key: value` lines before the first entry: name,
 * version, licence, source, description, built (how the list was made), one
 * `# category: NAME — what it holds` per category, and `# boosting: CAT, …`
 * / `# attacking: CAT, …` naming the categories that talk their subject up
 * or down (the slant figure compares the two). The context column holds
 * `not-head` and/or `not-modifier`: positions where the entry names a thing
 * rather than judges ("harassment claims", "terrorist groups"), so it does
 * not count there.
 * Score files (`term<TAB>score`, AFINN; `term<TAB>mean<TAB>sd<TAB>[…]`,
 * VADER) load as one category named after the lexicon, the score as the
 * weight. Which layout a file uses is decided by its first entry; a later
 * line in the other layout is an error, so a typo never passes as data.
 *
 * A term may be a phrase ("walked back"); each word may end in `*` (prefix,
 * as in LIWC; `anti-*` is any word after "anti-") or `~` (any word with the
 * same Snowball stem). Terms are tokenised exactly as documents are; a
 * hyphen in a term must be in the text ("would-be" ≠ "would be"), while a
 * term written with a space also matches the hyphenated form ("far right"
 * matches "far-right").
 * Every bad line is an error naming FILE:LINE; a broken lexicon is never half
 * loaded. The result hands px_lexset a read-only px_lexicon.
 *
 * Every run loads the shipped lexicons (thousands of entries) before it
 * reads a word of news, so loading takes shortcuts that change nothing:
 * plain terms (ASCII letters) are split without the tokeniser, plain
 * decimal weights read without strtod, UTF-8 checked a word at a time.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "frame/internal.h"

static bool same_name(const char *cat, const char *name, size_t n)
{
    return strncmp(cat, name, n) == 0 && cat[n] == '\0';
}

uint32_t px_lex_category(px_lexbuild *b, const char *name, size_t n)
{
    /* entries come grouped by category: the previous entry's, first */
    if (b->ents.n) {
        uint32_t last = b->ents.v[b->ents.n - 1].category;
        if (last < b->cats.n && same_name(b->cats.v[last], name, n))
            return last;
    }
    for (size_t i = 0; i < b->cats.n; i++)
        if (same_name(b->cats.v[i], name, n))
            return (uint32_t)i;
    px_vec_push(b->cats, px_arena_strndup(b->l->arena, name, n));
    px_vec_push(b->notes, NULL);
    return (uint32_t)(b->cats.n - 1);
}

char *px_lex_trim(char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    size_t n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
        s[--n] = '\0';
    return s;
}

/* The plain decimals weights are written in ("1", "0.5", "-2"), read
 * without strtod: with at most 15 digits the integer of the digits and the
 * power of ten are exact doubles, so their quotient is the correctly
 * rounded value strtod returns. False (use strtod) for any other form. */
static bool plain_decimal(const char *s, double *v)
{
    static const double pow10[] = {1e0, 1e1, 1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                   1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};
    bool neg = *s == '-';
    if (*s == '-' || *s == '+')
        s++;
    uint64_t n = 0;
    int digits = 0, decimals = 0;
    bool point = false;
    for (;; s++) {
        if (*s >= '0' && *s <= '9') {
            n = n * 10 + (uint64_t)(*s - '0');
            digits++;
            decimals += point;
        } else if (*s == '.' && !point) {
            point = true;
        } else {
            break;
        }
    }
    while (*s == ' ' || *s == '\r')
        s++;
    if (*s || digits == 0 || digits > 15)
        return false;
    double x = (double)n / pow10[decimals];
    *v = neg ? -x : x;
    return true;
}

bool px_lex_number(const char *s, double *v)
{
    while (*s == ' ')
        s++;
    if (!*s)
        return false;
    /* strtod reads no number that starts with a letter but "inf" or "nan":
     * a category name is answered without it */
    char c = (char)(*s | 0x20);
    if (c >= 'a' && c <= 'z' && c != 'i' && c != 'n')
        return false;
    if (plain_decimal(s, v))
        return true;
    char *end;
    errno = 0;
    *v = strtod(s, &end);
    while (*end == ' ' || *end == '\r')
        end++;
    return errno == 0 && end != s && *end == '\0';
}

char *px_lex_next_line(char **p)
{
    if (!*p || !**p)
        return NULL;
    char *s = *p, *nl = strchr(s, '\n');
    if (nl) {
        *nl = '\0';
        *p = nl + 1;
    } else {
        *p = NULL;
    }
    return s;
}

void px_lex_warn(px_lexbuild *b, size_t line, const char *fmt, ...)
{
    char msg[300];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    px_vec_push(b->warns, px_arena_printf(b->l->arena, "%s:%zu: %s", b->file, line, msg));
}

/* UTF-8 check that skips ASCII, eight bytes at a time: a byte sequence
 * of a code point never holds an ASCII byte, so checking each run of
 * non-ASCII bytes on its own is checking the whole. The callers' text
 * holds no NUL (px_utf8_check would refuse one). */
static bool valid_utf8(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        uint64_t w;
        if (i + 8 <= n && (memcpy(&w, s + i, 8), (w & 0x8080808080808080u) == 0)) {
            i += 8;
            continue;
        }
        if ((unsigned char)s[i] < 0x80) {
            i++;
            continue;
        }
        size_t j = i + 1;
        while (j < n && (unsigned char)s[j] >= 0x80)
            j++;
        size_t bad;
        if (!px_utf8_check(s + i, j - i, &bad))
            return false;
        i = j;
    }
    return true;
}

static bool is_letter(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Most terms are ASCII letters in words split by single spaces, each word
 * perhaps ending in '*' or '~' ("slammed", "walked back", "sham~"). The
 * tokeniser makes exactly one word of each, folded to lower case, and its
 * mark a punctuation token glued to it; this reads them so without
 * tokenising, and folds the term (ASCII: lower case) in the same pass.
 * False, with nothing allocated, for any other term. */
static bool simple_words(px_lexbuild *b, px_lex_entry *e, const char *term, size_t n)
{
    size_t nw = 1;
    for (const char *p = term;; p++) { /* [A-Za-z]+[*~]? ( [A-Za-z]+[*~]?)* */
        if (!is_letter(*p))
            return false;
        while (is_letter(*p))
            p++;
        if (*p == '*' || *p == '~')
            p++;
        if (*p == '\0')
            break;
        if (*p != ' ')
            return false;
        nw++;
    }
    px_arena *a = b->l->arena;
    /* one block for the word pointers and modes, one for the strings: the
     * folded term, then each word with its NUL */
    const char **words = px_arena_alloc(a, nw * (sizeof *words + 1));
    uint8_t *modes = (uint8_t *)(words + nw);
    char *fold = px_arena_alloc(a, 2 * n + 2), *w = fold + n + 1;
    for (size_t k = 0; k < n; k++)
        fold[k] = (char)(is_letter(term[k]) ? term[k] | 0x20 : term[k]);
    e->term = fold;
    e->cased = memcmp(fold, term, n) != 0; /* a capital letter in the file */
    for (size_t i = 0, k = 0; i < nw; i++, k++) {
        words[i] = w;
        while (is_letter(fold[k]))
            *w++ = fold[k++];
        *w++ = '\0';
        modes[i] = fold[k] == '*' ? PX_LEX_PREFIX : fold[k] == '~' ? PX_LEX_STEM : PX_LEX_EXACT;
        k += fold[k] == '*' || fold[k] == '~'; /* then the space */
    }
    e->words = words;
    e->modes = modes;
    e->nwords = (uint32_t)nw;
    return true;
}

/* The words of one term: tokens without hyphens; a word's own trailing
 * '*' or '~' sets its mode. */
static px_status term_words(px_lexbuild *b, px_lex_entry *e, const char *term, size_t line,
                            px_error *err)
{
    px_arena *a = b->l->arena;
    size_t n = strlen(term);
    px_token *toks;
    size_t nt = px_text_tokens(a, NULL, term, n, &toks);
    const char **words = px_arena_array(a, nt ? nt : 1, sizeof *words);
    uint8_t *modes = px_arena_array(a, nt ? nt : 1, 1);
    size_t nw = 0;
    for (size_t i = 0; i < nt; i++) {
        const px_token *t = &toks[i];
        bool mark = (t->flags & PX_TOK_PUNCT) && (!strcmp(t->fold, "*") || !strcmp(t->fold, "~"));
        if (mark && i + 1 < nt && toks[i + 1].start == t->end &&
            !(toks[i + 1].flags & PX_TOK_PUNCT))
            return px_error_set(err, PX_EINPUT, b->file, line,
                                "'%s' is allowed only at the end of a word ('%s')", t->fold, term);
        if (mark) {
            bool glued = nw && toks[i - 1].end == t->start;
            bool after_hyphen = i && !strcmp(toks[i - 1].fold, "-") && t->fold[0] == '*';
            if (after_hyphen) { /* anti-*: any word */
                words[nw] = "";
                modes[nw++] = PX_LEX_PREFIX;
            } else if (!glued || modes[nw - 1] != PX_LEX_EXACT) {
                return px_error_set(err, PX_EINPUT, b->file, line, "'%s' must follow a word ('%s')",
                                    t->fold, term);
            } else {
                modes[nw - 1] = t->fold[0] == '*' ? PX_LEX_PREFIX : PX_LEX_STEM;
            }
            continue;
        }
        if (!strcmp(t->fold, "-") && (nw == 0 || i + 1 == nt))
            continue; /* a hyphen matters only between words */
        words[nw] = t->fold;
        modes[nw++] = PX_LEX_EXACT;
    }
    if (nw == 0)
        return px_error_set(err, PX_EINPUT, b->file, line, "empty term");
    e->words = words;
    e->modes = modes;
    e->nwords = (uint32_t)nw;
    return PX_OK;
}

px_status px_lex_term(px_lexbuild *b, px_lex_entry *e, const char *term, size_t line, px_error *err)
{
    size_t n = strlen(term);
    if (!simple_words(b, e, term, n)) {
        if (!valid_utf8(term, n))
            return px_error_set(err, PX_EINPUT, b->file, line, "term is not valid UTF-8");
        px_status st = term_words(b, e, term, line, err);
        if (st != PX_OK)
            return st;
        e->term = px_utf8_fold(b->l->arena, term, n, NULL);
        e->cased = strcmp(e->term, term) != 0; /* a capital letter in the file */
    }
    for (uint32_t w = 0; w < e->nwords; w++) {
        if (e->modes[w] != PX_LEX_STEM)
            continue;
        if (!b->ctx)
            b->ctx = px_text_ctx_new();
        e->words[w] = px_text_stem(b->ctx, b->l->arena, e->words[w], strlen(e->words[w]));
    }
    e->prefix = e->modes[e->nwords - 1] == PX_LEX_PREFIX;
    e->line = (uint32_t)line;
    return PX_OK;
}

/* What follows a category's name on a header line: separators (spaces,
 * ':', '-', em and en dashes) skipped. */
static const char *after_name(const char *v, size_t n)
{
    const char *note = v + n;
    while (*note == ' ' || *note == '\t' || *note == ':' || *note == '-' ||
           !strncmp(note, "\xE2\x80\x94", 3) || !strncmp(note, "\xE2\x80\x93", 3))
        note += (unsigned char)*note == 0xE2 ? 3 : 1;
    return note;
}

/* "category: NAME — note" in the header: declares NAME (in this order). */
static void header_category(px_lexbuild *b, const char *v)
{
    size_t n = strcspn(v, " \t:");
    if (n == 0)
        return;
    uint32_t c = px_lex_category(b, v, n);
    const char *note = after_name(v, n);
    if (*note)
        b->notes.v[c] = px_arena_strdup(b->l->arena, note);
}

/* "label: NAME — words": the name readers are shown for category NAME
 * ("capacity and resources" for capacity_resources), checked against the
 * declared categories once the file is read. */
static void header_label(px_lexbuild *b, const char *v, size_t line)
{
    size_t n = strcspn(v, " \t:");
    const char *label = after_name(v, n);
    if (n == 0 || !*label)
        return;
    px_lexdir d = {px_arena_strndup(b->l->arena, v, n), line, PX_DIR_NONE,
                   px_arena_strdup(b->l->arena, label)};
    px_vec_push(b->dirs, d);
}

/* "boosting: a, b" or "attacking: a b": the categories of one direction,
 * checked against the declared categories once the file is read. */
static void header_direction(px_lexbuild *b, const char *v, size_t line, uint8_t dir)
{
    while (*v) {
        size_t n = strcspn(v, " \t,");
        if (n) {
            px_lexdir d = {px_arena_strndup(b->l->arena, v, n), line, dir, NULL};
            px_vec_push(b->dirs, d);
        }
        v += n;
        v += strspn(v, " \t,");
    }
}

static void header(px_lexbuild *b, const char *line, size_t lineno)
{
    static const char *keys[] = {"name",        "version",   "licence", "license",
                                 "description", "source",    "built",   "category",
                                 "boosting",    "attacking", "label"};
    px_lexicon *l = b->l;
    const char **fields[] = {&l->name,   &l->version, &l->licence, &l->licence, &l->description,
                             &l->source, &l->built,   NULL,        NULL,        NULL};
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
    for (size_t k = 0; k < sizeof keys / sizeof *keys; k++) {
        if (strlen(keys[k]) != kl || strncasecmp(p, keys[k], kl) != 0)
            continue;
        if (k == 7)
            header_category(b, v);
        else if (k == 10)
            header_label(b, v, lineno);
        else if (k > 7)
            header_direction(b, v, lineno, k == 8 ? PX_DIR_BOOSTING : PX_DIR_ATTACKING);
        else if (!*fields[k] && *v)
            *fields[k] = px_arena_strdup(l->arena, v);
    }
}

/* Split s at tabs into at most max fields; returns the count (more than max
 * when the line has too many). */
static size_t split_tabs(char *s, char **f, size_t max)
{
    size_t nf = 0;
    for (char *q = s;;) {
        if (nf < max)
            f[nf] = q;
        nf++;
        char *tab = strchr(q, '\t');
        if (!tab)
            break;
        *tab = '\0';
        q = tab + 1;
    }
    return nf;
}

void px_lex_default_name(px_lexicon *l, const char *path)
{
    if (l->name)
        return;
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    const char *dot = strrchr(base, '.');
    l->name = px_arena_strndup(l->arena, base, dot ? (size_t)(dot - base) : strlen(base));
}

enum { LAYOUT_UNKNOWN, LAYOUT_CATEGORY, LAYOUT_SCORE };

/* The context column: `not-head`, `not-modifier`, or both. */
static px_status context_rules(px_lexbuild *b, char *v, size_t line, uint8_t *out, px_error *err)
{
    static const char *names[] = {"not-head", "not-modifier"};
    static const uint8_t bits[] = {PX_CTX_HEAD, PX_CTX_MODIFIER};
    *out = 0;
    for (char *p = v; *p;) {
        size_t n = strcspn(p, " ,");
        size_t k = 0;
        while (n && k < 2 && (strlen(names[k]) != n || strncmp(p, names[k], n) != 0))
            k++;
        if (n && k == 2)
            return px_error_set(err, PX_EINPUT, b->file, line,
                                "unknown context rule '%.*s' (not-head, not-modifier)",
                                (int)(n > 40 ? 40 : n), p);
        if (n)
            *out |= bits[k];
        p += n;
        p += strspn(p, " ,");
    }
    return PX_OK;
}

/* One entry line of a TSV file into e (weight, category, neutral, context). */
static px_status tsv_entry(px_lexbuild *b, char *s, size_t line, int *layout, px_error *err)
{
    char *f[5];
    size_t nf = split_tabs(s, f, 5);
    const char *file = b->file;
    double w = 1, probe;
    if (nf == 1)
        return px_error_set(err, PX_EINPUT, file, line,
                            "expected term<TAB>category<TAB>weight (no tab found)");
    const char *second = px_lex_trim(f[1]);
    if (*layout == LAYOUT_UNKNOWN)
        *layout = px_lex_number(second, &probe) ? LAYOUT_SCORE : LAYOUT_CATEGORY;
    px_lex_entry e = {0};
    const char *cat;
    if (*layout == LAYOUT_SCORE) {
        if (!px_lex_number(second, &w))
            return px_error_set(err, PX_EINPUT, file, line,
                                "score '%s' is not a number (a term<TAB>score file)", second);
        cat = b->l->name;
    } else {
        cat = second;
        if (!*cat)
            return px_error_set(err, PX_EINPUT, file, line, "empty category");
        if (px_lex_number(cat, &probe))
            return px_error_set(err, PX_EINPUT, file, line,
                                "a number '%s' where the category belongs", cat);
        if (nf > 5)
            return px_error_set(err, PX_EINPUT, file, line,
                                "too many columns (expected at most 5)");
        if (nf >= 3 && *px_lex_trim(f[2]) && !px_lex_number(f[2], &w))
            return px_error_set(err, PX_EINPUT, file, line, "weight '%s' is not a number",
                                px_lex_trim(f[2]));
        if (nf >= 4 && *px_lex_trim(f[3]))
            e.neutral = px_arena_strdup(b->l->arena, px_lex_trim(f[3]));
        if (nf == 5) {
            px_status st = context_rules(b, px_lex_trim(f[4]), line, &e.unless, err);
            if (st != PX_OK)
                return st;
        }
    }
    e.weight = w;
    px_status st = px_lex_term(b, &e, px_lex_trim(f[0]), line, err);
    if (st != PX_OK)
        return st;
    e.category = px_lex_category(b, cat, strlen(cat));
    px_vec_push(b->ents, e);
    return PX_OK;
}

static px_status load_tsv(px_lexbuild *b, char *data, px_error *err)
{
    px_status st = PX_OK;
    size_t line = 0;
    bool in_header = true;
    int layout = LAYOUT_UNKNOWN;
    char *s, *p = data;
    while (st == PX_OK && (s = px_lex_next_line(&p))) {
        line++;
        const char *first = s + strspn(s, " \t\r");
        if (*first == '\0')
            continue;
        if (*first == '#') {
            s = px_lex_trim(s);
            if (in_header)
                header(b, s, line);
            continue;
        }
        if (in_header)
            px_lex_default_name(b->l, b->file);
        in_header = false;
        st = tsv_entry(b, s, line, &layout, err);
    }
    return st;
}

/* The directions and labels the header named, per category; a name that
 * is no category of the file is an error at its header line. */
static px_status directions(px_lexbuild *b, px_error *err)
{
    uint8_t *dir = px_arena_array(b->l->arena, b->cats.n ? b->cats.n : 1, 1);
    const char **labels = px_arena_array(b->l->arena, b->cats.n ? b->cats.n : 1, sizeof *labels);
    size_t ndirs = 0;
    for (size_t i = 0; i < b->dirs.n; i++) {
        const px_lexdir *d = &b->dirs.v[i];
        size_t c = 0;
        while (c < b->cats.n && strcmp(b->cats.v[c], d->name) != 0)
            c++;
        if (c == b->cats.n)
            return px_error_set(err, PX_EINPUT, b->file, d->line,
                                "'%s' is not a category of this lexicon", d->name);
        if (d->label)
            labels[c] = d->label;
        else
            dir[c] = d->dir;
        ndirs += !d->label;
    }
    b->l->directions = dir;
    b->l->category_labels = labels;
    b->l->directed = ndirs > 0;
    return PX_OK;
}

/* Move what the build gathered into the lexicon's arena (the entries may
 * be there already: ents_in_arena). */
static void finish(px_lexbuild *b, bool ents_in_arena)
{
    px_lexicon *l = b->l;
    px_arena *a = l->arena;
    if (ents_in_arena)
        l->entries = b->ents.v;
    else
        l->entries = px_arena_memdup(a, b->ents.v, b->ents.n * sizeof *b->ents.v);
    l->nentries = b->ents.n;
    l->categories = px_arena_memdup(a, b->cats.v, b->cats.n * sizeof *b->cats.v);
    l->category_notes = px_arena_memdup(a, b->notes.v, b->notes.n * sizeof *b->notes.v);
    l->ncategories = b->cats.n;
    l->warnings = px_arena_memdup(a, b->warns.v, b->warns.n * sizeof *b->warns.v);
    l->nwarnings = b->warns.n;
    if (!ents_in_arena)
        px_vec_free(b->ents);
    px_vec_free(b->cats);
    px_vec_free(b->notes);
    px_vec_free(b->warns);
    px_vec_free(b->dirs);
    px_text_ctx_free(b->ctx);
}

static void default_fields(px_lexicon *l, const char *path)
{
    px_lex_default_name(l, path);
    if (!l->version)
        l->version = "";
    if (!l->licence)
        l->licence = "";
}

/* UTF-8 as it is; anything else is taken for Latin-1 (old LIWC files). */
static char *as_utf8(const char *data, size_t len)
{
    px_buf b;
    px_buf_init(&b, 0);
    if (valid_utf8(data, len)) {
        px_buf_add(&b, data, len);
    } else {
        for (size_t i = 0; i < len; i++)
            px_utf8_put(&b, (unsigned char)data[i]);
    }
    px_buf_putc(&b, '\0');
    return px_buf_detach(&b, NULL);
}

px_status px_lexicon_parse(const char *name, const char *data, size_t len, px_lexicon **out,
                           px_error *err)
{
    *out = NULL;
    if (memchr(data, '\0', len))
        return px_error_set(err, PX_EINPUT, name, 0, "NUL byte: not a text file");
    px_lexbuild b = {0};
    b.l = px_xcalloc(1, sizeof *b.l);
    b.l->arena = px_arena_new();
    b.l->path = px_arena_strdup(b.l->arena, name);
    b.file = b.l->path;
    char *text = as_utf8(data, len);
    bool tsv = !px_has_ext(name, ".dic");
    if (tsv) {
        /* a line gives at most one entry: room for them all in the arena,
         * never grown (no copies of a growing array to pay for) */
        size_t lines = 1;
        for (const char *p = text; (p = strchr(p, '\n')); p++)
            lines++;
        b.ents.v = px_arena_array(b.l->arena, lines, sizeof *b.ents.v);
        b.ents.cap = lines;
    }
    px_status st = tsv ? load_tsv(&b, text, err) : px_lex_load_dic(&b, text, err);
    free(text);
    if (st == PX_OK && b.ents.n == 0)
        st = px_error_set(err, PX_EINPUT, name, 0, "no entries");
    if (st == PX_OK)
        st = directions(&b, err);
    finish(&b, tsv);
    if (st != PX_OK) {
        px_lexicon_free(b.l);
        return st;
    }
    default_fields(b.l, name);
    *out = b.l;
    return PX_OK;
}

px_status px_lexicon_load(const char *path, px_lexicon **out, px_error *err)
{
    *out = NULL;
    char *data;
    size_t len;
    px_status st = px_file_read(path, 256u << 20, &data, &len, err);
    if (st != PX_OK)
        return st;
    st = px_lexicon_parse(path, data, len, out, err);
    free(data);
    return st;
}

void px_lexicon_free(px_lexicon *l)
{
    if (!l)
        return;
    px_arena_free(l->arena);
    free(l);
}
