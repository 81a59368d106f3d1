/*
 * ingest/lines.h — the lines of pasted text, what the line classifier sees
 * of each (lines.c, words.c) and the classifier itself (linemodel.c).
 */
#ifndef PX_INGEST_LINES_H
#define PX_INGEST_LINES_H

#include "parallax/ingest.h"
#include "util/toolbox.h"

/* A non-blank line of pasted text, spaces and tabs trimmed. */
typedef struct px_line {
    const char *s;
    size_t len;
    size_t number;     /* 1-based line number in the text it came from */
    bool blank_before; /* a blank line (paragraph break) precedes it */
} px_line;

typedef PX_VEC(px_line) px_lines;

/* The non-blank lines of text, appended to *out. */
void px_lines_split(const char *text, size_t len, px_lines *out);

/* The features of a line, in the order the model file may list them. Each
 * is a number computed from the line, its neighbours and its place in the
 * page (lines.c says how); the model standardises and weighs them. */
/* clang-format off */
#define PX_LINE_FEATURES(X) \
    X(log_chars) X(log_words) X(end_stop) X(end_colon) X(end_other) X(teaser_end) \
    X(sentences) X(comma_rate) X(cap_share) X(stop_share) X(short_share) X(digit_share) \
    X(upper_share) X(separators) X(link_like) X(starts_by) X(starts_lower) X(starts_mark) \
    X(w_nav) X(w_section) X(w_share) X(w_newsletter) X(w_bio) X(w_related) X(w_legal) \
    X(w_ad) X(w_time) X(w_comment) X(w_credit) X(w_any) X(label) X(prose_before) \
    X(prose_after) X(prose_near) X(head_words) X(run_words) X(seen_comment) \
    X(seen_related) X(seen_share) X(seen_legal) X(seen_bio) X(coming_time) X(coming_bio) \
    X(repeats) X(is_headline) X(has_headline) X(prose) X(title_like) X(title_run) \
    X(rel_pos) X(log_before) X(log_after) X(in_run) X(run_before) X(run_after) X(in_wide) \
    X(wide_before) X(wide_after) X(run_share) X(prev_words) X(prev_prose) X(prev_title) \
    X(prev_vocab) X(next_words) X(next_prose) X(next_title) X(next_vocab) X(prev2_words) \
    X(prev2_prose) X(next2_words) X(next2_prose) X(win_prose) X(win_vocab) X(win_title)
/* clang-format on */

#define PX_LINE_ENUM(n) PXF_##n,
enum { PX_LINE_FEATURES(PX_LINE_ENUM) PX_LINE_NFEAT };

/* The feature names, in order. */
extern const char *const px_line_feature_names[PX_LINE_NFEAT];

/* Features of the n lines: x[i * PX_LINE_NFEAT + k] is feature k of line
 * i. title (may be NULL) is the headline, to tell lines that repeat it. */
void px_lines_features(const px_line *lines, size_t n, const char *title, double *x);

/* Words, separator marks ("|", "•") and words of navigation, section
 * names and sharing in one line. */
void px_line_counts(const px_line *l, size_t *words, size_t *seps, size_t *nav);

/* The vocabulary kinds of data/line-words.txt, in the order of the w_*
 * features. */
enum {
    W_NAV,
    W_SECTION,
    W_SHARE,
    W_NEWSLETTER,
    W_BIO,
    W_RELATED,
    W_LEGAL,
    W_AD,
    W_TIME,
    W_COMMENT,
    W_CREDIT,
    W_NKINDS
};
/* The kinds (a bit per kind) of the phrase key (words normalised by
 * px_words_norm, joined by one space); 0 when not in the vocabulary. */
unsigned px_words_kinds(const char *key, size_t len);
/* Can a phrase of the vocabulary end with this (normalised) word? */
bool px_words_ends_phrase(const char *word, size_t len);
/* A word as the vocabulary holds it: punctuation around it removed, ASCII
 * letters in lower case, curly apostrophes straight, into out (size
 * bytes); returns its length (0: no word, or too long). */
size_t px_words_norm(const char *w, size_t n, char *out, size_t size);

/* The line classifier: weights over the features, and how the article's
 * stretch of lines is found (linemodel.c). */
typedef struct px_line_model px_line_model;
/* Read a model file's text; errors name file and line. */
px_status px_line_model_parse(const char *text, size_t len, const char *file, px_line_model **out,
                              px_error *err);
/* The built-in model (data/line-model.txt), parsed once. */
const px_line_model *px_line_model_builtin(void);
void px_line_model_free(px_line_model *m);
/* For n lines with features x: p[i], the probability that line i lies
 * outside the article, and drop[i], whether it is outside the stretch of
 * lines chosen as the article (none when no stretch has positive
 * evidence). fixed[i]: a rule already names line i as furniture. */
void px_line_model_classify(const px_line_model *m, const double *x, const bool *fixed, size_t n,
                            double *p, bool *drop);

#endif
