/*
 * report/internal.h — helpers shared by the renderers.
 *
 * Renderers compute nothing: every judgement they show (a fact's status in
 * an outlet, where it sits, its word diff, the speakers an outlet quotes,
 * which outlet tops a lexicon, the story's counts) is read from the compare
 * stage's result, s->compare (parallax/compare.h). These helpers name and
 * format things: ids, texts, escaping, lexicon labels, a contrast in words.
 */
#ifndef PX_REPORT_INTERNAL_H
#define PX_REPORT_INTERNAL_H

#include "parallax/report.h"
#include "util/toolbox.h"

/* Round to 3 decimals for output. */
double px_round3(double x);
/* A lexicon's label for readers ("loaded language") and the note given to
 * the outlet that scores highest on it ("most loaded language"), or NULL
 * when the lexicon has no such note. */
const char *px_report_lexicon_label(const px_lexicon *l);
const char *px_report_lexicon_most(const px_lexicon *l);
/* The name readers see for category c of a lexicon: its header's label
 * ("capacity and resources"), else the category's own name. */
const char *px_report_category_label(const px_lexicon *l, size_t c);
/* Lexicon indexes in reading order: ours in a fixed order (loaded language
 * first), then any others as loaded. The caller frees the array. */
size_t *px_report_lexicon_order(const px_story *s, size_t *n);
/* Are the lexicon's hits marked in the running text (word choice), or only
 * charted (topic and valence lists)? */
bool px_report_lexicon_inline(const px_story *s, uint32_t lexicon);
/* Which of the five highlight styles (0-4) the lexicon's hits get. */
unsigned px_report_lexicon_style(const px_story *s, uint32_t lexicon);
/* A score, or a zero score when the frame has none. */
px_score px_report_score(const px_story *s, uint32_t source, uint32_t lexicon, int32_t category);
/* The words a plain reading uses for the lexicon's figure ("loaded
 * language"). */
const char *px_report_lexicon_noun(const px_lexicon *l);
/* A source's contrast with the others on figure fig of lexicon l, or NULL
 * (one source, or no such figure). */
const px_contrast *px_report_contrast(const px_story *s, uint32_t source, uint32_t lexicon,
                                      int fig);
/* The plain reading of that contrast: "more loaded language than the
 * others by 4.2 per 1,000 words of narration (…; 95% interval 1.1 to
 * 7.3)", or "no clear difference in loaded language from the others (…)"
 * when the interval holds zero: noise is never read as a difference. brief:
 * "8.1 per 1,000 words: more than the others by 4.2 (95% interval …)". */
void px_report_reading(px_buf *b, const px_story *s, uint32_t source, uint32_t lexicon, int fig,
                       bool brief);

#endif
