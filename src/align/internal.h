/*
 * align/internal.h — claim features and similarity, shared by align.c and
 * the `similar` model.
 */
#ifndef PX_ALIGN_INTERNAL_H
#define PX_ALIGN_INTERNAL_H

#include "parallax/align.h"

/* A claim's features: sorted, unique term ids. */
typedef struct {
    uint32_t *terms;
    size_t n;
} px_bag;

/* A vocabulary with document frequencies. */
typedef struct {
    px_map *ids;   /* term → id */
    PX_VEC(uint32_t) df;
    size_t docs;
} px_vocab;

void px_vocab_init(px_vocab *v);
void px_vocab_free(px_vocab *v);
/* Features of tokens [tok, tok+ntok) of d, skipping the byte range
 * [skip_s, skip_e) (an attribution clause). Terms are added to the
 * vocabulary; when count_df, each term's document frequency grows by one. */
px_bag px_claim_features(px_arena *a, px_vocab *v, const px_doc *d, size_t tok, size_t ntok,
                         size_t skip_s, size_t skip_e, bool count_df);
/* Weighted cosine of two bags under v's IDF, in [0,1]. */
double px_bag_similarity(const px_vocab *v, const px_bag *x, const px_bag *y);

#define PX_ALIGN_THRESHOLD 0.20

#endif
