/*
 * compare/internal.h — what the files of the compare stage share: the
 * inputs of one comparison, and the parts each file fills in.
 */
#ifndef PX_COMPARE_INTERNAL_H
#define PX_COMPARE_INTERNAL_H

#include "parallax/compare.h"
#include "util/toolbox.h"

typedef struct px_compare_in {
    px_arena *a;
    const px_doc *const *docs;
    size_t nsources;
    const px_alignment *al;
    const px_lexset *lex;
    const px_source_frame *frames;
    size_t nlex;
} px_compare_in;

/* compare.c: what each outlet carries alone, omits, conflicts on; the
 * facts it could be said to omit. */
void px_compare_outlets(const px_compare_in *in, px_comparison *c);
/* Is fact f omitted by s (the omission rule)? */
bool px_compare_omits(const px_compare_in *in, const px_fact *f, uint32_t s);

/* matrix.c: the cells, the facts' summaries and order, each sentence's
 * facts. Needs px_compare_outlets first (a cell's status reads omissions). */
void px_compare_matrix(const px_compare_in *in, px_comparison *c);

/* words.c: per outlet and lexicon the terms, evidence and directions; the
 * hits on attribution verbs; per lexicon the story's totals and tops. */
void px_compare_words(const px_compare_in *in, px_comparison *c);

/* summary.c: speakers and quotation, pairs of outlets, the story's counts. */
void px_compare_summary(const px_compare_in *in, px_comparison *c);

/* glance.c: blind spots, "not shown" counts, each carried cell's own
 * wording. Needs the matrix. */
void px_compare_glance(const px_compare_in *in, px_comparison *c);

#endif
