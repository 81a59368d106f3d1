/*
 * filter.c — the page-furniture filter for pasted plain text and the text
 * of JSON records.
 *
 * Text pasted from a browser carries the page around the article: menus,
 * bylines and dates, share prompts, newsletter pitches, photo credits,
 * author bios, the outlet's name alone on a line, lists of related
 * headlines, footers, reader comments. Each line is first judged by the
 * line classifier (lines.c computes what it sees, linemodel.c weighs it
 * with the learned weights of data/line-model.txt); then the rules of
 * data/furniture.txt and --furniture FILE remove what they name, with the
 * structural rules a single pattern cannot express: the headlines after a
 * "Related" heading or a mark line ("-", "•"), and the outlet's name alone.
 *
 * Very long texts are judged in blocks of BLOCK_LINES lines, so memory
 * stays bounded whatever the input; a pasted page is far shorter.
 *
 * Hands on: the kept text (paragraphs separated by "\n\n") and the removed
 * lines, in order, as evidence; per-line features and probabilities for
 * `parallax extract --line-features`.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "ingest/filter.h"
#include "ingest/internal.h"

#define BLOCK_LINES 16384 /* lines the classifier judges at once */

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
                                  "*", "\xC2\xB7",     "\xE2\x96\xAA", "\xE2\x80\xBA",
                                  ">"};
    for (size_t i = 0; i < sizeof marks / sizeof marks[0]; i++)
        if (n == strlen(marks[i]) && memcmp(s, marks[i], n) == 0)
            return true;
    return false;
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
    px_squash(s, n, a, sizeof a);
    px_squash(outlet, strlen(outlet), b, sizeof b);
    return b[0] && strstr(a, b) != NULL;
}

/* The rules: what data/furniture.txt and the user's file name, the
 * headlines after a "Related" heading or a mark line, the outlet's name. */
static void mark_rules(const px_furniture *f, const px_line *lines, size_t n, const char *outlet,
                       bool *drop)
{
    bool in_related = false;
    for (size_t i = 0; i < n; i++) {
        const px_line *l = &lines[i];
        char *z = px_xstrndup(l->s, l->len);
        px_furn_kind k = px_furniture_match(f, z);
        free(z);
        if (k == PX_FURN_RELATED) {
            drop[i] = true;
            in_related = true;
        } else if (only_marks(l->s, l->len)) {
            drop[i] = true;
            in_related = i + 1 < n && headline_like(lines[i + 1].s, lines[i + 1].len);
        } else if (k != PX_FURN_NONE) {
            drop[i] = true;
            in_related = false;
        } else if ((in_related && headline_like(l->s, l->len)) ||
                   outlet_line(l->s, l->len, outlet)) {
            drop[i] = true;
        } else {
            in_related = false;
        }
    }
}

void px_filter_mark(const px_furniture *f, const px_line *lines, size_t n, const char *title,
                    const char *outlet, double *x, double *p, bool *drop)
{
    const px_line_model *m = px_furniture_model(f);
    memset(drop, 0, n * sizeof *drop);
    for (size_t i = 0; i < n && p; i++)
        p[i] = -1;
    if (f)
        mark_rules(f, lines, n, outlet, drop);
    if (!m && !x)
        return;
    double *fx = x ? NULL : px_xmalloc((size_t)BLOCK_LINES * PX_LINE_NFEAT * sizeof *fx);
    double *fp = p ? NULL : px_xmalloc(BLOCK_LINES * sizeof *fp);
    bool *out = px_xmalloc(BLOCK_LINES * sizeof *out);
    for (size_t b = 0; b < n; b += BLOCK_LINES) {
        size_t k = n - b < BLOCK_LINES ? n - b : BLOCK_LINES;
        double *bx = x ? x + b * PX_LINE_NFEAT : fx;
        px_lines_features(lines + b, k, title, bx);
        if (!m)
            continue;
        px_line_model_classify(m, bx, drop + b, k, p ? p + b : fp, out);
        for (size_t i = 0; i < k; i++)
            drop[b + i] |= out[i];
    }
    free(out);
    free(fx);
    free(fp);
}

char *px_filter_emit(px_arena *a, const px_line *lines, size_t n, const bool *drop, size_t *out_len,
                     const char ***removed, size_t *nremoved)
{
    PX_VEC(const char *) gone = {0};
    px_buf b;
    px_buf_init(&b, 0);
    bool first = true;
    for (size_t i = 0; i < n; i++) {
        const px_line *l = &lines[i];
        if (drop[i]) {
            if (removed)
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
    return res;
}

char *px_ingest_filter(px_arena *a, const px_furniture *f, const char *text, size_t len,
                       const char *outlet, size_t *out_len, const char ***removed, size_t *nremoved)
{
    px_lines lines = {0};
    px_lines_split(text, len, &lines);
    bool *drop = px_xmalloc(lines.n * sizeof *drop + 1);
    px_filter_mark(f, lines.v, lines.n, NULL, outlet, NULL, NULL, drop);
    char *res = px_filter_emit(a, lines.v, lines.n, drop, out_len, removed, nremoved);
    free(drop);
    px_vec_free(lines);
    return res;
}
