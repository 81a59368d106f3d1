/*
 * split.c — the sentence splitter.
 *
 * Splits text into sentences by byte offsets, surviving what news text
 * throws at a naive splitter: abbreviations (Mr., Dec., U.S., Co.),
 * initials (Jonas E. Smith), decimals and money ($100.00), times (6 p.m.),
 * ellipses (... and . . . .), quotes and parentheses around sentence ends
 * ("Great." she said), enumerated and bulleted lists, e-mail addresses and
 * URLs, and missing spaces after a period ("world.Today").
 *
 * A blank line always ends a sentence. A single line break ends one when
 * the line is short (a list, a heading) and does not end in a space; a long
 * line is taken for hard-wrapped text and joined.
 */
#include <string.h>
#include <utf8proc.h>

#include "text/internal.h"

#define SHORT_LINE 40 /* bytes: a shorter line that ends without punctuation is a unit */

bool px_text_is_upper(int32_t cp)
{
    return utf8proc_category(cp) == UTF8PROC_CATEGORY_LU ||
           utf8proc_category(cp) == UTF8PROC_CATEGORY_LT;
}

bool px_text_is_lower(int32_t cp)
{
    return utf8proc_category(cp) == UTF8PROC_CATEGORY_LL;
}

bool px_text_is_alnum(int32_t cp)
{
    utf8proc_category_t c = utf8proc_category(cp);
    return (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO) ||
           (c >= UTF8PROC_CATEGORY_ND && c <= UTF8PROC_CATEGORY_NO) ||
           (c >= UTF8PROC_CATEGORY_MN && c <= UTF8PROC_CATEGORY_ME);
}

bool px_text_is_quote(int32_t cp)
{
    return cp == '"' || cp == '\'' || cp == 0x201C || cp == 0x201D || cp == 0x2018 ||
           cp == 0x2019 || cp == 0xAB || cp == 0xBB || cp == 0x201E || cp == 0x2039 || cp == 0x203A;
}

static bool is_closer(int32_t cp)
{
    return cp == '"' || cp == '\'' || cp == 0x201D || cp == 0x2019 || cp == 0xBB || cp == ')' ||
           cp == ']' || cp == 0x203A;
}

static bool is_opener(int32_t cp)
{
    return cp == '"' || cp == '\'' || cp == 0x201C || cp == 0x2018 || cp == 0xAB || cp == '(' ||
           cp == '[' || cp == 0x201E || cp == 0x2039;
}

static bool is_bullet(int32_t cp)
{
    return cp == 0x2022 || cp == 0x2043 || cp == 0x25AA || cp == 0x25CF || cp == 0x2023;
}

static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* Code point at byte i (U+FFFD if invalid), and its length in *len. */
static int32_t at(const char *t, size_t n, size_t i, size_t *len)
{
    int32_t cp = 0xFFFD;
    size_t k = i < n ? px_utf8_decode(t + i, n - i, &cp) : 0;
    if (len)
        *len = k ? k : 1;
    return k ? cp : (i < n ? 0xFFFD : 0);
}

/* Code point ending just before byte i. */
static int32_t before(const char *t, size_t i)
{
    if (i == 0)
        return 0;
    size_t k = i - 1;
    while (k > 0 && ((unsigned char)t[k] & 0xC0) == 0x80 && i - k < 4)
        k--;
    int32_t cp;
    return px_utf8_decode(t + k, i - k, &cp) ? cp : 0xFFFD;
}

/* ---- list markers: "1.", "2.)", "a)", "• 9.", "⁃10." in sequence ---- */

typedef struct {
    size_t start; /* where the item starts (bullet included) */
    size_t dot;   /* the marker's '.' (or SIZE_MAX) */
    int value;    /* 1, 2, 3 … or 'a', 'b' … */
    int style;    /* 0 "1." 1 "1.)" 2 "1)"; +10 for letters */
    bool bullet;
} marker;

typedef PX_VEC(marker) markers;

static bool marker_at(const char *t, size_t n, size_t i, marker *m)
{
    size_t start = i, k = i, len;
    m->bullet = false;
    if (is_bullet(at(t, n, k, &len))) {
        m->bullet = true;
        k += len;
        while (k < n && t[k] == ' ')
            k++;
    }
    size_t d = k;
    int value = 0;
    while (d < n && d - k < 3 && t[d] >= '0' && t[d] <= '9')
        value = value * 10 + (t[d++] - '0');
    int letters = 0;
    if (d == k && d < n && t[d] >= 'a' && t[d] <= 'z' &&
        !(d + 1 < n && t[d + 1] >= 'a' && t[d + 1] <= 'z')) {
        value = (unsigned char)t[d++];
        letters = 10;
    }
    if (d == k || d >= n)
        return false;
    int style;
    size_t dot = SIZE_MAX, e;
    if (t[d] == '.' && d + 1 < n && t[d + 1] == ')')
        style = 1, dot = d, e = d + 2;
    else if (t[d] == '.')
        style = 0, dot = d, e = d + 1;
    else if (t[d] == ')')
        style = 2, e = d + 1;
    else
        return false;
    if (e >= n || t[e] != ' ')
        return false;
    m->start = start;
    m->dot = dot;
    m->value = value;
    m->style = style + letters;
    return true;
}

/* Find markers that form a sequence (n, n+1, …) and bullets that repeat. */
static void find_markers(const char *t, size_t n, markers *out)
{
    markers all = {0};
    size_t bullets = 0;
    for (size_t i = 0; i < n;) {
        size_t len;
        int32_t cp = at(t, n, i, &len);
        bool start = i == 0 || is_space(t[i - 1]) || is_bullet(before(t, i));
        marker m;
        if (start && !is_bullet(before(t, i)) && marker_at(t, n, i, &m)) {
            px_vec_push(all, m);
            bullets += m.bullet;
            i = m.dot != SIZE_MAX ? m.dot + 1 : i + len;
            continue;
        }
        if (start && is_bullet(cp)) {
            marker b = {i, SIZE_MAX, 0, -1, true};
            px_vec_push(all, b);
            bullets++;
        }
        i += len;
    }
    for (size_t i = 0; i < all.n; i++) {
        marker *m = &all.v[i];
        bool chained = false;
        if (m->style >= 0) {
            for (size_t j = 0; j < all.n && !chained; j++) {
                marker *o = &all.v[j];
                if (j != i && o->style == m->style &&
                    ((j < i && o->value + 1 == m->value) || (j > i && m->value + 1 == o->value)))
                    chained = true;
            }
        }
        if (chained || (m->bullet && bullets >= 2))
            px_vec_push(*out, *m);
    }
    px_vec_free(all);
}

static bool is_marker_dot(const markers *ms, size_t i)
{
    for (size_t k = 0; k < ms->n; k++)
        if (ms->v[k].dot == i)
            return true;
    return false;
}

static bool is_cut(const markers *ms, size_t i)
{
    for (size_t k = 0; k < ms->n; k++)
        if (ms->v[k].start == i)
            return true;
    return false;
}

/* ---- deciding whether a period ends a sentence ---- */

/* The word before byte i (t[i] is the period): back to whitespace or an
 * opening bracket/quote. */
static void word_before(const char *t, size_t start, size_t i, size_t *ws)
{
    size_t k = i;
    while (k > start && !is_space(t[k - 1]) && t[k - 1] != '(' && t[k - 1] != '[' &&
           t[k - 1] != '"')
        k--;
    *ws = k;
}

static bool is_letter_dots(const char *t, size_t s, size_t e)
{
    /* "U.S", "a.m", "e.g": letters each followed by a period, at least two */
    size_t letters = 0;
    for (size_t k = s; k < e; k++) {
        bool letter = (t[k] >= 'a' && t[k] <= 'z') || (t[k] >= 'A' && t[k] <= 'Z');
        if (letter && (k + 1 == e || t[k + 1] == '.'))
            letters++;
        else if (!(t[k] == '.' && k > s))
            return false;
    }
    return letters >= 2;
}

static size_t words_between(const char *t, size_t s, size_t e)
{
    size_t w = 0;
    bool in = false;
    for (size_t k = s; k < e; k++) {
        bool sp = is_space(t[k]);
        if (!sp && !in)
            w++;
        in = !sp;
    }
    return w;
}

/* The next word after whitespace at k: [*ns, *ne), letters only. */
static void next_word(const char *t, size_t n, size_t k, size_t *ns, size_t *ne)
{
    size_t len;
    while (k < n && is_opener(at(t, n, k, &len)))
        k += len;
    *ns = k;
    while (k < n && px_text_is_alnum(at(t, n, k, &len)))
        k += len;
    *ne = k;
}

static bool in_address(const char *t, size_t start, size_t n, size_t i)
{
    size_t s = i, e = i;
    while (s > start && !is_space(t[s - 1]))
        s--;
    while (e < n && !is_space(t[e]))
        e++;
    for (size_t k = s; k < e; k++)
        if (t[k] == '@' || (t[k] == ':' && k + 2 < e && t[k + 1] == '/' && t[k + 2] == '/') ||
            (k + 4 <= e && memcmp(t + k, "www.", 4) == 0))
            return true;
    return false;
}

/* A single period at i, followed by whitespace and then the word at ns. */
static bool period_ends(const char *t, size_t n, size_t start, size_t i, size_t ns)
{
    size_t ws;
    word_before(t, start, i, &ws);
    size_t ne, nw;
    next_word(t, n, ns, &nw, &ne);
    int32_t next = at(t, n, nw, NULL);
    int32_t first = at(t, n, ns, NULL);
    if (px_text_is_lower(next) && !is_bullet(first))
        return false;
    const char *w = t + ws;
    size_t wl = i - ws;
    int kind = px_text_abbrev(w, wl);
    bool letter_dots = is_letter_dots(t, ws, i);
    bool initial = wl == 1 && px_text_is_upper(at(t, n, ws, NULL));
    if (next >= '0' && next <= '9') {
        /* "p. 55", "Dec. 7", "No. 10", "N°. 1026": figures follow abbreviations */
        if (kind || letter_dots || wl <= 2)
            return false;
        for (size_t k = ws; k < i; k++)
            if (!((t[k] >= 'a' && t[k] <= 'z') || (t[k] >= 'A' && t[k] <= 'Z') ||
                  (t[k] >= '0' && t[k] <= '9') || t[k] == ','))
                return false;
        return true;
    }
    if (!px_text_is_upper(next))
        return kind == ABBR_NONE && !letter_dots;
    if (kind == ABBR_TITLE)
        return false;
    bool starter = px_text_starter(t + nw, ne - nw);
    if (initial)
        return starter;
    if (kind == ABBR_OTHER || letter_dots || (wl == 1 && px_text_is_lower(at(t, n, ws, NULL))))
        return starter && words_between(t, start, ws) >= 3;
    return true;
}

/* Is there a letter or digit in t[s..e)? */
static bool has_alnum(const char *t, size_t s, size_t e)
{
    for (size_t k = s; k < e;) {
        size_t len;
        if (px_text_is_alnum(at(t, e, k, &len)))
            return true;
        k += len;
    }
    return false;
}

/* Terminal punctuation at i. Returns true when a sentence ends; *end is
 * where it ends (after closing quotes) and *resume where scanning goes on. */
static bool terminal(const char *t, size_t n, size_t start, size_t i, const markers *ms,
                     size_t *end, size_t *resume)
{
    size_t k = i, len, dots = 0, others = 0, first_gap = 0;
    bool spaced = false, attached = i > 0 && !is_space(t[i - 1]);
    for (;;) {
        int32_t cp = at(t, n, k, &len);
        if (cp == '.') {
            dots++;
            k++;
        } else if (cp == 0x2026) {
            dots += 3;
            k += len;
        } else if (cp == '!' || cp == '?') {
            others++;
            k++;
        } else if (cp == ' ' && dots > 0 && k + 1 < n && t[k + 1] == '.') {
            if (!spaced)
                first_gap = k;
            spaced = true;
            k++;
        } else {
            break;
        }
    }
    size_t run_end = k;
    while (k < n && is_closer(at(t, n, k, &len)))
        k += len;
    size_t after = k;
    *resume = after;
    size_t ws = k;
    while (ws < n && is_space(t[ws]))
        ws++;
    if (ws >= n || !has_alnum(t, after, n)) {
        /* end of text: nothing left but marks */
        *end = n;
        *resume = n;
        return true;
    }
    if (dots == 1 && others == 0 && is_marker_dot(ms, i))
        return false;
    if (ws == after) {
        /* no space follows: "world.Today" ends a sentence, "U.S.A", "Jane.Doe@" don't */
        if (dots != 1 || others || in_address(t, start, n, i))
            return false;
        int32_t prev = before(t, i), next = at(t, n, after, NULL);
        size_t wsb;
        word_before(t, start, i, &wsb);
        if (!px_text_is_upper(next) || i - wsb < 2 || is_letter_dots(t, wsb, i))
            return false;
        if (!(px_text_is_lower(prev) || (prev >= '0' && prev <= '9')))
            return false;
        *end = after;
        return true;
    }
    size_t nw, ne;
    next_word(t, n, ws, &nw, &ne);
    int32_t next = at(t, n, nw, NULL);
    bool upper_next =
        px_text_is_upper(next) || (next >= '0' && next <= '9') || is_bullet(at(t, n, ws, NULL));
    if (others) /* ! ? and their runs: "Yahoo! in" continues */
        return *end = after, upper_next || !px_text_is_lower(next);
    if (dots == 1)
        return *end = after, period_ends(t, n, start, i, ws);
    if (spaced && attached && first_gap == i + 1) {
        /* "word. . . . Next": the period ends the sentence, the ellipsis
         * opens the next one */
        if (!px_text_is_upper(next))
            return false;
        *end = i + 1;
        *resume = i + 1;
        return true;
    }
    (void)run_end;
    if (dots >= 4 && px_text_is_upper(next))
        return *end = after, true;
    return false; /* an ellipsis inside a sentence */
}

/* Does a single line break at i (t[i] == '\n') end the sentence? */
static bool line_break_ends(const char *t, size_t n, size_t start, size_t i)
{
    if (i > start && (t[i - 1] == ' ' || t[i - 1] == '\t'))
        return false; /* soft wrap */
    size_t ls = i;
    while (ls > start && t[ls - 1] != '\n')
        ls--;
    size_t k = i + 1;
    while (k < n && (t[k] == ' ' || t[k] == '\t'))
        k++;
    if (k >= n)
        return true;
    if (is_bullet(at(t, n, k, NULL)) || t[k] == '-' || t[k] == '*')
        return true;
    return i - ls < SHORT_LINE;
}

typedef PX_VEC(px_span) spans;

static void emit(spans *v, const char *t, size_t s, size_t e)
{
    while (s < e && is_space(t[s]))
        s++;
    while (e > s && is_space(t[e - 1]))
        e--;
    if (e <= s)
        return;
    if (!has_alnum(t, s, e) && v->n > 0) {
        /* marks alone ("...", "-") belong to the sentence before, unless a
         * paragraph break separates them */
        bool para = false;
        for (size_t k = v->v[v->n - 1].end; k + 1 < s; k++)
            if (t[k] == '\n' && memchr(t + k + 1, '\n', s - k - 1))
                para = true;
        if (!para) {
            v->v[v->n - 1].end = e;
            return;
        }
    }
    px_span sp = {s, e, 0};
    px_vec_push(*v, sp);
}

size_t px_text_split(px_arena *a, const char *t, size_t n, px_span **out)
{
    spans v = {0};
    markers ms = {0};
    find_markers(t, n, &ms);
    size_t start = 0, i = 0;
    while (i < n) {
        char c = t[i];
        if (i > start && is_cut(&ms, i) && has_alnum(t, start, i)) {
            emit(&v, t, start, i);
            start = i;
        }
        if (c == '\n') {
            size_t j = i + 1;
            while (j < n && (t[j] == ' ' || t[j] == '\t' || t[j] == '\r'))
                j++;
            if (j < n && t[j] == '\n') {
                emit(&v, t, start, i);
                while (j < n && is_space(t[j]))
                    j++;
                start = i = j;
                continue;
            }
            if (line_break_ends(t, n, start, i)) {
                emit(&v, t, start, i);
                start = i + 1;
            }
            i++;
            continue;
        }
        size_t len;
        int32_t cp = at(t, n, i, &len);
        if (cp == '.' || cp == '!' || cp == '?' || cp == 0x2026) {
            size_t end, resume;
            if (terminal(t, n, start, i, &ms, &end, &resume)) {
                emit(&v, t, start, end);
                start = end;
                i = resume > i ? resume : i + 1;
                continue;
            }
            /* skip the whole run (". . ." included) so it is judged once */
            i = resume > i ? resume : i + len;
            continue;
        }
        i += len;
    }
    emit(&v, t, start, n);
    px_vec_free(ms);
    *out = px_arena_memdup(a, v.v, v.n * sizeof(px_span));
    size_t count = v.n;
    px_vec_free(v);
    return count;
}

char *px_text_unescape(px_arena *a, const char *s, size_t n, size_t *out_len)
{
    if (!memchr(s, '\\', n)) {
        if (out_len)
            *out_len = n;
        return (char *)s;
    }
    char *r = px_arena_alloc(a, n + 1);
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '\\' && i + 1 < n) {
            char c = s[i + 1];
            char rep = (char)(c == 'n' ? '\n' : c == 't' ? '\t' : c == '"' || c == '\'' ? c : 0);
            if (rep) {
                r[k++] = rep;
                i++;
                continue;
            }
        }
        r[k++] = s[i];
    }
    r[k] = '\0';
    if (out_len)
        *out_len = k;
    return r;
}
