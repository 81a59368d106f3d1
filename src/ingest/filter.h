/*
 * ingest/filter.h — the furniture filter over the lines of pasted text
 * (filter.c), for ingest.c and the line report.
 */
#ifndef PX_INGEST_FILTER_H
#define PX_INGEST_FILTER_H

#include "ingest/lines.h"

/* The line model f uses: the one read from a file, the built-in one, or
 * NULL (no f, or rules only). */
const px_line_model *px_furniture_model(const px_furniture *f);

/* Mark the furniture among n lines (drop[i]): the line model, then the
 * rules of f. title (may be NULL) is the headline, outlet (may be NULL)
 * the outlet's id. When not NULL, x receives the features
 * (n * PX_LINE_NFEAT) and p the model's probabilities (-1 without one). */
void px_filter_mark(const px_furniture *f, const px_line *lines, size_t n, const char *title,
                    const char *outlet, double *x, double *p, bool *drop);

/* The kept lines as text (a blank line before a line keeps the paragraph
 * break), the dropped ones into *removed when removed is not NULL. */
char *px_filter_emit(px_arena *a, const px_line *lines, size_t n, const bool *drop, size_t *out_len,
                     const char ***removed, size_t *nremoved);

/* The headline of pasted text: the first line that is not the page's
 * navigation ("Skip to main content", "Home | News | Sports", a menu of
 * one-word lines); 0 when every line of the top looks like navigation. */
size_t px_lines_headline(const px_line *lines, size_t n);

#endif
