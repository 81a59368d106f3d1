/*
 * ingest/needles.h — words a regular expression's every match must hold,
 * to skip regexec on lines that lack them (needles.c).
 */
#ifndef PX_INGEST_NEEDLES_H
#define PX_INGEST_NEEDLES_H

#include <stdbool.h>

typedef struct px_needles px_needles;

/* What every match of the POSIX extended expression re must contain, read
 * from its literals; NULL when nothing can be told (then every line must
 * be tried). With icase the literals are kept in lower case (ASCII). The
 * caller frees with px_needles_free. */
px_needles *px_needles_new(const char *re, bool icase);
void px_needles_free(px_needles *n);

/* False when line cannot match (it lacks a needed literal); lower is line
 * with its ASCII letters in lower case (used when the expression ignores
 * case). */
bool px_needles_may_match(const px_needles *n, const char *line, const char *lower);

#endif
