/*
 * lines.c — what the line classifier sees of each line of pasted text.
 *
 * A page pasted from a browser is a column of lines: the article's
 * paragraphs in one dense run, and around and between them the page's
 * furniture — menus of one-word lines, bylines and dates, share buttons,
 * newsletter pitches, lists of related headlines, bios, footers, reader
 * comments. No single line tells which it is, so each line is described by
 * numbers about itself (length, words, sentence punctuation, the share of
 * capitalised words, of stopwords, of digits, of words typical of
 * navigation, sharing, newsletters, bios… from data/line-words.txt), about
 * its neighbours, and about its place in the page: inside, before or after
 * the densest run of prose lines, inside a run of short title-like lines,
 * repeated elsewhere, repeating the headline.
 *
 * These numbers are the only thing the model (data/line-model.txt, trained
 * by scripts/train_lines.py on the output of `parallax extract
 * --line-features`) sees, so training and use agree by construction.
 *
 * Hands on: px_lines_split and px_lines_features to furniture.c and
 * linemodel.c.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "ingest/lines.h"
#include "parallax/text.h"

#define PX_LINE_NAME(n) #n,
const char *const px_line_feature_names[PX_LINE_NFEAT] = {PX_LINE_FEATURES(PX_LINE_NAME)};

#define PROSE_WORDS 8  /* a prose line has at least this many words… */
#define TITLE_WORDS 12 /* a title-like line at most this many */
#define RUN_COST 150.0 /* what a non-prose line costs the dense run (in characters) */
#define WIDE_COST 25.0 /* the same, for the wide run that tolerates short lines */

/* What one line shows on its own. */
struct stats {
    size_t chars, words, letters, upper, digits, caps, stops, shorts, commas, marks, seps;
    size_t kinds[W_NKINDS], vocab;
    bool end_stop, end_colon, end_other, teaser, link, starts_by, starts_lower, starts_mark;
    bool prose, title;
    char *squash; /* px_squash of the line, malloc'd */
};

void px_lines_split(const char *text, size_t len, px_lines *out)
{
    bool blank = true;
    size_t number = 0;
    for (size_t i = 0; i < len;) {
        size_t j = i;
        while (j < len && text[j] != '\n')
            j++;
        number++;
        size_t s = i, e = j;
        while (s < e && (text[s] == ' ' || text[s] == '\t' || text[s] == '\r'))
            s++;
        while (e > s && (text[e - 1] == ' ' || text[e - 1] == '\t' || text[e - 1] == '\r'))
            e--;
        if (e == s) {
            blank = true;
        } else {
            px_line l = {text + s, e - s, number, blank};
            px_vec_push(*out, l);
            blank = false;
        }
        i = j + 1;
    }
}

static bool space_at(const char *s, size_t n, size_t i)
{
    unsigned char c = (unsigned char)s[i];
    return c == ' ' || c == '\t' || (c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] == 0xA0);
}

/* A token made only of a list or separator mark: "|", "-", "•", "·", "»". */
static bool mark_token(const char *w, size_t n)
{
    static const char *const marks[] = {"|",
                                        "-",
                                        "/",
                                        "*",
                                        ">",
                                        "\xE2\x80\xA2",
                                        "\xC2\xB7",
                                        "\xC2\xBB",
                                        "\xE2\x80\xBA",
                                        "\xE2\x80\x93",
                                        "\xE2\x80\x94",
                                        "\xE2\x96\xAA",
                                        "\xE2\x96\xB8"};
    for (size_t i = 0; i < sizeof marks / sizeof marks[0]; i++)
        if (n == strlen(marks[i]) && memcmp(w, marks[i], n) == 0)
            return true;
    return false;
}

/* The end of the line: sentence punctuation, a colon, a comma or dash, or
 * a teaser's ellipsis, closing quotes and brackets aside. */
static void line_end(const char *s, size_t n, struct stats *st)
{
    for (;;) {
        if (n && strchr("\"')]", s[n - 1]))
            n--;
        else if (n >= 3 && (unsigned char)s[n - 3] == 0xE2 && (unsigned char)s[n - 2] == 0x80 &&
                 ((unsigned char)s[n - 1] == 0x9D || (unsigned char)s[n - 1] == 0x99))
            n -= 3;
        else
            break;
    }
    if (!n)
        return;
    char c = s[n - 1];
    st->teaser = (n >= 3 && memcmp(s + n - 3, "...", 3) == 0) ||
                 (n >= 3 && memcmp(s + n - 3, "\xE2\x80\xA6", 3) == 0);
    st->end_stop = !st->teaser && (c == '.' || c == '!' || c == '?');
    st->end_colon = c == ':';
    st->end_other = c == ',' || c == ';' || c == '-' || c == '|' ||
                    (n >= 3 && (unsigned char)s[n - 3] == 0xE2 && (unsigned char)s[n - 2] == 0x80 &&
                     ((unsigned char)s[n - 1] == 0x93 || (unsigned char)s[n - 1] == 0x94));
}

/* Characters: letters, capitals, digits, commas, sentence ends inside. */
static void count_chars(const char *s, size_t n, struct stats *st)
{
    for (size_t i = 0; i < n;) {
        int32_t cp;
        size_t k = px_utf8_decode(s + i, n - i, &cp);
        if (!k)
            k = 1, cp = 0xFFFD;
        utf8proc_category_t c = utf8proc_category(cp);
        st->chars++;
        st->letters += c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO;
        st->upper += c == UTF8PROC_CATEGORY_LU;
        st->digits += c == UTF8PROC_CATEGORY_ND;
        st->commas += cp == ',';
        st->seps += cp == '|' && i > 0 && i + 1 < n && !space_at(s, n, i - 1) &&
                    !space_at(s, n, i + 1); /* "News|Sports"; " | " is a token */
        if ((cp == '.' || cp == '!' || cp == '?') && i + 1 < n && space_at(s, n, i + 1) && i > 0 &&
            s[i - 1] != '.' && s[i - 1] != ' ')
            st->marks++;
        i += k;
    }
}

/* One word (a token without spaces): its case, stopword, vocabulary. */
static void count_word(const char *w, size_t n, struct stats *st, char prev[2][64])
{
    if (mark_token(w, n)) {
        st->seps++;
        if (st->words == 0)
            st->starts_mark = true;
        return;
    }
    char norm[64];
    size_t m = px_words_norm(w, n, norm, sizeof norm);
    if (!m)
        return;
    int32_t cp;
    for (size_t i = 0, k; i < n; i += k ? k : 1) {
        k = px_utf8_decode(w + i, n - i, &cp);
        utf8proc_category_t c = utf8proc_category(cp);
        if (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO) {
            st->caps += c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT;
            if (st->words == 0)
                st->starts_lower = c == UTF8PROC_CATEGORY_LL;
            break;
        }
        if (c == UTF8PROC_CATEGORY_ND)
            break;
    }
    if (st->words == 0)
        st->starts_by = strcmp(norm, "by") == 0;
    st->words++;
    st->stops += px_text_is_stopword(norm, m);
    st->shorts += m <= 3;
    /* the word alone, with the word before it, with the two before it */
    char key[200];
    unsigned kinds = px_words_kinds(norm, m);
    if (prev[1][0] && px_words_ends_phrase(norm, m)) {
        int len = snprintf(key, sizeof key, "%s %s", prev[1], norm);
        if (len > 0 && (size_t)len < sizeof key)
            kinds |= px_words_kinds(key, (size_t)len);
        len = snprintf(key, sizeof key, "%s %s %s", prev[0], prev[1], norm);
        if (prev[0][0] && len > 0 && (size_t)len < sizeof key)
            kinds |= px_words_kinds(key, (size_t)len);
    }
    for (unsigned c = 0; c < W_NKINDS; c++)
        st->kinds[c] += (kinds >> c) & 1;
    st->vocab += kinds != 0;
    memcpy(prev[0], prev[1], sizeof prev[1]);
    memcpy(prev[1], norm, m + 1);
}

static bool holds(const char *s, size_t n, const char *what)
{
    size_t m = strlen(what);
    for (size_t i = 0; i + m <= n; i++)
        if (memcmp(s + i, what, m) == 0)
            return true;
    return false;
}

/* px_squash into a malloc'd copy. */
static char *squash_dup(const char *s, size_t n)
{
    char *out = px_xmalloc(n + 1);
    px_squash(s, n, out, n + 1);
    return out;
}

static void line_stats(const px_line *l, struct stats *st)
{
    memset(st, 0, sizeof *st);
    const char *s = l->s;
    size_t n = l->len;
    count_chars(s, n, st);
    line_end(s, n, st);
    char prev[2][64] = {"", ""};
    for (size_t i = 0; i < n;) {
        while (i < n && space_at(s, n, i))
            i += (unsigned char)s[i] == 0xC2 ? 2 : 1;
        size_t j = i;
        while (j < n && !space_at(s, n, j))
            j++;
        if (j > i)
            count_word(s + i, j - i, st, prev);
        i = j;
    }
    st->link =
        holds(s, n, "http") || holds(s, n, "www.") || holds(s, n, ".com") || holds(s, n, "@");
    st->prose = st->words >= PROSE_WORDS && (st->end_stop || st->marks > 0);
    st->title = st->words >= 1 && st->words <= TITLE_WORDS && !st->end_stop && !st->end_colon &&
                st->marks == 0 && !st->starts_lower;
    st->squash = squash_dup(s, n);
}

static double share(size_t part, size_t whole)
{
    return whole ? (double)part / (double)whole : 0.0;
}

/* The features of one line on its own. */
static void own_features(const struct stats *st, double *f)
{
    f[PXF_log_chars] = log1p((double)st->chars);
    f[PXF_log_words] = log1p((double)st->words);
    f[PXF_end_stop] = st->end_stop;
    f[PXF_end_colon] = st->end_colon;
    f[PXF_end_other] = st->end_other;
    f[PXF_teaser_end] = st->teaser;
    f[PXF_sentences] = log1p((double)st->marks);
    f[PXF_comma_rate] = share(st->commas, st->words);
    f[PXF_cap_share] = share(st->caps, st->words);
    f[PXF_stop_share] = share(st->stops, st->words);
    f[PXF_short_share] = share(st->shorts, st->words);
    f[PXF_digit_share] = share(st->digits, st->chars);
    f[PXF_upper_share] = share(st->upper, st->letters);
    f[PXF_separators] = log1p((double)st->seps);
    f[PXF_link_like] = st->link;
    f[PXF_starts_by] = st->starts_by;
    f[PXF_starts_lower] = st->starts_lower;
    f[PXF_starts_mark] = st->starts_mark;
    for (unsigned c = 0; c < W_NKINDS; c++)
        f[PXF_w_nav + c] = share(st->kinds[c], st->words);
    f[PXF_w_any] = share(st->vocab, st->words);
    f[PXF_prose] = st->prose;
    f[PXF_title_like] = st->title;
    /* a label: "Key Points", "DON'T MISS", "Related:" */
    f[PXF_label] = st->words && st->words <= 3 &&
                   (st->end_colon || (st->letters >= 3 && st->upper == st->letters));
}

/* Where a line stands in the page's prose: the share of the prose
 * characters before and after it, and of the characters near it (five
 * lines either way) that are prose. */
static void prose_features(const struct stats *st, size_t n, double *x)
{
    size_t all = 0;
    for (size_t i = 0; i < n; i++)
        all += st[i].prose ? st[i].chars : 0;
    size_t before = 0;
    for (size_t i = 0; i < n; i++) {
        double *f = x + i * PX_LINE_NFEAT;
        size_t own = st[i].prose ? st[i].chars : 0;
        f[PXF_prose_before] = share(before, all);
        f[PXF_prose_after] = share(all - before - own, all);
        before += own;
        size_t lo = i >= 5 ? i - 5 : 0, hi = i + 6 < n ? i + 6 : n, near = 0, chars = 0;
        for (size_t k = lo; k < hi; k++) {
            chars += st[k].chars;
            near += st[k].prose ? st[k].chars : 0;
        }
        f[PXF_prose_near] = share(near, chars);
    }
}

/* The best run [*lo, *hi] of lines when a prose line is worth its
 * characters and any other costs cost (the maximum-sum segment); *lo >
 * *hi when the text has no prose line. */
static void dense_run(const struct stats *st, size_t n, double cost, size_t *lo, size_t *hi)
{
    double best = 0, cur = 0;
    size_t start = 0;
    *lo = 1, *hi = 0;
    for (size_t i = 0; i < n; i++) {
        double v = st[i].prose ? (double)st[i].chars : -cost;
        if (cur <= 0)
            cur = 0, start = i;
        cur += v;
        if (cur > best)
            best = cur, *lo = start, *hi = i;
    }
}

/* Where each line stands against a run: inside, or how far before or after. */
static void run_features(const struct stats *st, size_t n, double cost, double *x, int in,
                         int before, int after)
{
    size_t lo, hi;
    dense_run(st, n, cost, &lo, &hi);
    for (size_t i = 0; i < n; i++) {
        double *f = x + i * PX_LINE_NFEAT;
        bool none = lo > hi;
        f[in] = !none && i >= lo && i <= hi;
        f[before] = !none && i < lo ? log1p((double)(lo - i)) : 0.0;
        f[after] = !none && i > hi ? log1p((double)(i - hi)) : 0.0;
    }
    if (in == PXF_in_run) {
        size_t all = 0, run = 0;
        for (size_t i = 0; i < n; i++) {
            all += st[i].chars;
            run += lo <= hi && i >= lo && i <= hi ? st[i].chars : 0;
        }
        for (size_t i = 0; i < n; i++)
            x[i * PX_LINE_NFEAT + PXF_run_share] = share(run, all);
    }
}

/* Repetition (identical lines elsewhere), the headline, and the length of
 * the run of title-like lines a line stands in. */
static void page_features(const struct stats *st, size_t n, const char *title, double *x)
{
    px_map *seen = px_map_new();
    for (size_t i = 0; i < n; i++) {
        uintptr_t c = 0;
        px_map_get(seen, st[i].squash, strlen(st[i].squash), &c);
        px_map_put(seen, st[i].squash, strlen(st[i].squash), c + 1);
    }
    char *t = title ? squash_dup(title, strlen(title)) : NULL;
    size_t tl = t ? strlen(t) : 0;
    for (size_t i = 0; i < n; i++) {
        double *f = x + i * PX_LINE_NFEAT;
        uintptr_t c = 1;
        size_t sl = strlen(st[i].squash);
        if (sl)
            px_map_get(seen, st[i].squash, sl, &c);
        f[PXF_repeats] = sl ? log((double)c) : 0.0;
        f[PXF_is_headline] = tl && strcmp(st[i].squash, t) == 0;
        f[PXF_has_headline] = tl >= 12 && sl > tl && strstr(st[i].squash, t) != NULL;
        f[PXF_rel_pos] = n > 1 ? (double)i / (double)(n - 1) : 0.0;
        f[PXF_log_before] = log1p((double)i);
        f[PXF_log_after] = log1p((double)(n - 1 - i));
    }
    free(t);
    px_map_free(seen);
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j < n && st[j].title)
            j++;
        for (size_t k = i; k < j; k++)
            x[k * PX_LINE_NFEAT + PXF_title_run] = log1p((double)(j - i));
        i = j > i ? j : i + 1;
    }
}

/* What the lines d away say (nothing beyond either end). */
static void neighbour(const struct stats *st, size_t n, size_t i, long d, double *words,
                      double *prose, double *title, double *vocab)
{
    long j = (long)i + d;
    bool in = j >= 0 && (size_t)j < n;
    const struct stats *o = in ? &st[j] : NULL;
    *words = o ? log1p((double)o->words) : 0.0;
    *prose = o && o->prose;
    if (title)
        *title = o && o->title;
    if (vocab)
        *vocab = o ? share(o->vocab, o->words) : 0.0;
}

static void context_features(const struct stats *st, size_t n, size_t i, double *f)
{
    neighbour(st, n, i, -1, &f[PXF_prev_words], &f[PXF_prev_prose], &f[PXF_prev_title],
              &f[PXF_prev_vocab]);
    neighbour(st, n, i, +1, &f[PXF_next_words], &f[PXF_next_prose], &f[PXF_next_title],
              &f[PXF_next_vocab]);
    neighbour(st, n, i, -2, &f[PXF_prev2_words], &f[PXF_prev2_prose], NULL, NULL);
    neighbour(st, n, i, +2, &f[PXF_next2_words], &f[PXF_next2_prose], NULL, NULL);
    size_t prose = 0, title = 0, count = 0;
    double vocab = 0;
    for (long d = -3; d <= 3; d++) {
        long j = (long)i + d;
        if (d == 0 || j < 0 || (size_t)j >= n)
            continue;
        count++;
        prose += st[j].prose;
        title += st[j].title;
        vocab += share(st[j].vocab, st[j].words);
    }
    f[PXF_win_prose] = share(prose, count);
    f[PXF_win_title] = share(title, count);
    f[PXF_win_vocab] = count ? vocab / (double)count : 0.0;
}

/* Section markers: how many short lines of a kind (comments, related
 * stories, sharing, footer, bio) came before a line — past them a page has
 * left its article — and how many of the kinds that open an article
 * (posting times, bylines) are still to come. */
static void marker_features(const struct stats *st, size_t n, double *x)
{
    static const struct {
        int kind, feature;
        bool before;
    } marks[] = {
        {W_COMMENT, PXF_seen_comment, true}, {W_RELATED, PXF_seen_related, true},
        {W_SHARE, PXF_seen_share, true},     {W_LEGAL, PXF_seen_legal, true},
        {W_BIO, PXF_seen_bio, true},         {W_TIME, PXF_coming_time, false},
        {W_BIO, PXF_coming_bio, false},
    };
    for (size_t m = 0; m < sizeof marks / sizeof marks[0]; m++) {
        size_t count = 0;
        for (size_t k = 0; k < n; k++) {
            size_t i = marks[m].before ? k : n - 1 - k;
            x[i * PX_LINE_NFEAT + marks[m].feature] = log1p((double)count);
            count += st[i].words <= 5 && st[i].kinds[marks[m].kind] > 0;
        }
    }
}

/* Calls fn for each content word of s (not a stopword, at least four
 * bytes), normalised as the vocabulary is. */
static void content_words(const char *s, size_t n, void (*fn)(void *, const char *, size_t),
                          void *ctx)
{
    for (size_t i = 0; i < n;) {
        while (i < n && space_at(s, n, i))
            i++;
        size_t j = i;
        while (j < n && !space_at(s, n, j))
            j++;
        char w[64];
        size_t m = j > i ? px_words_norm(s + i, j - i, w, sizeof w) : 0;
        if (m >= 4 && !px_text_is_stopword(w, m))
            fn(ctx, w, m);
        i = j;
    }
}

static void count_in(void *ctx, const char *w, size_t n)
{
    uintptr_t c = 0;
    px_map_get(ctx, w, n, &c);
    px_map_put(ctx, w, n, c + 1);
}

struct overlap {
    const px_map *head, *run, *own;
    size_t words, in_head, in_run;
};

static void overlap_word(void *ctx, const char *w, size_t n)
{
    struct overlap *o = ctx;
    uintptr_t run = 0, own = 0;
    o->words++;
    o->in_head += o->head && px_map_get(o->head, w, n, NULL);
    px_map_get(o->run, w, n, &run);
    if (o->own)
        px_map_get(o->own, w, n, &own);
    o->in_run += run > own; /* in the run's other lines */
}

/* The article's own words: the share of a line's content words that the
 * headline holds, and that the other lines of the dense run hold. Related
 * headlines, menus and footers speak of other things. */
static void topic_features(const px_line *lines, size_t n, const char *title, size_t lo, size_t hi,
                           double *x)
{
    px_map *head = title ? px_map_new() : NULL, *run = px_map_new();
    if (head)
        content_words(title, strlen(title), count_in, head);
    for (size_t i = lo; i <= hi && i < n; i++)
        content_words(lines[i].s, lines[i].len, count_in, run);
    for (size_t i = 0; i < n; i++) {
        px_map *own = NULL; /* a line of the run: its own words are not the others' */
        if (i >= lo && i <= hi) {
            own = px_map_new();
            content_words(lines[i].s, lines[i].len, count_in, own);
        }
        struct overlap o = {head, run, own, 0, 0, 0};
        content_words(lines[i].s, lines[i].len, overlap_word, &o);
        x[i * PX_LINE_NFEAT + PXF_head_words] = share(o.in_head, o.words);
        x[i * PX_LINE_NFEAT + PXF_run_words] = share(o.in_run, o.words);
        px_map_free(own);
    }
    px_map_free(head);
    px_map_free(run);
}

void px_line_counts(const px_line *l, size_t *words, size_t *seps, size_t *nav)
{
    struct stats st;
    line_stats(l, &st);
    *words = st.words;
    *seps = st.seps;
    *nav = st.kinds[W_NAV] + st.kinds[W_SECTION] + st.kinds[W_SHARE];
    free(st.squash);
}

void px_lines_features(const px_line *lines, size_t n, const char *title, double *x)
{
    if (n == 0)
        return;
    struct stats *st = px_xcalloc(n, sizeof *st);
    for (size_t i = 0; i < n; i++)
        line_stats(&lines[i], &st[i]);
    memset(x, 0, n * PX_LINE_NFEAT * sizeof *x);
    for (size_t i = 0; i < n; i++)
        own_features(&st[i], x + i * PX_LINE_NFEAT);
    page_features(st, n, title, x);
    prose_features(st, n, x);
    marker_features(st, n, x);
    run_features(st, n, RUN_COST, x, PXF_in_run, PXF_run_before, PXF_run_after);
    size_t lo, hi;
    dense_run(st, n, RUN_COST, &lo, &hi);
    topic_features(lines, n, title, lo, hi, x);
    run_features(st, n, WIDE_COST, x, PXF_in_wide, PXF_wide_before, PXF_wide_after);
    for (size_t i = 0; i < n; i++)
        context_features(st, n, i, x + i * PX_LINE_NFEAT);
    for (size_t i = 0; i < n; i++)
        free(st[i].squash);
    free(st);
}
