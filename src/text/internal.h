/*
 * text/internal.h — shared between the text stage's files.
 */
#ifndef PX_TEXT_INTERNAL_H
#define PX_TEXT_INTERNAL_H

#include "parallax/text.h"
#include "util/toolbox.h"

/* Abbreviation kinds (data/abbreviations.txt). */
enum { ABBR_NONE = 0, ABBR_TITLE = 1, ABBR_OTHER = 2 };
/* Kind of the word s[0..n) (without its final period), case-insensitive. */
int px_text_abbrev(const char *s, size_t n);
/* Is the word a usual sentence starter ("The", "It", "He", "Mr")? */
bool px_text_starter(const char *s, size_t n);

/* Unicode helpers. */
bool px_text_is_upper(int32_t cp);
bool px_text_is_lower(int32_t cp);
bool px_text_is_alnum(int32_t cp);
/* Opening/closing quote marks (straight and curly). */
bool px_text_is_quote(int32_t cp);

/* Tokens of t[s..e) for sentence sent, appended to out (token.c). With
 * ctx NULL, stems are the folded forms. */
typedef PX_VEC(px_token) px_tokvec;
void px_text_tokenize(px_arena *a, px_text_ctx *ctx, const char *t, size_t s, size_t e,
                      uint32_t sent, px_tokvec *out);

/* Quantities of one doc (numbers.c). */
void px_text_quantities(px_arena *a, px_doc *d);
/* Quotations and attributions of one doc (quotes.c). */
void px_text_quotes(px_arena *a, px_doc *d);
void px_text_attributions(px_arena *a, px_doc *d);

#endif
