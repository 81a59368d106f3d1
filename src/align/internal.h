/*
 * align/internal.h — claim features and similarity, shared by align.c,
 * the `similar` model and the WordNet table.
 */
#ifndef PX_ALIGN_INTERNAL_H
#define PX_ALIGN_INTERNAL_H

#include "parallax/align.h"

/* One row of data/wordnet.tsv (wordnet.c). */
typedef struct {
    uint32_t count;     /* background frequency (sense-tagged corpus) */
    uint32_t *senses;   /* synset ids of its first senses and derivations */
    size_t nsenses;
    uint32_t *broader;  /* ids of direct hypernyms of its first senses */
    size_t nbroader;
    const char *antonyms; /* "stem,stem" or "" */
} px_wn_entry;

/* Look a stem up; false (entry zeroed) when WordNet does not know it. */
bool px_wn_lookup(px_arena *a, const char *stem, size_t n, px_wn_entry *e);

/* A claim's features: sorted, unique term ids. */
typedef struct {
    uint32_t *terms;
    float *mult;        /* per term: 1, or less for words of the attribution */
    size_t n;
    uint32_t negations; /* negation words (not, never, n't …) outside quotes */
} px_bag;

/* A term related to another one, with the credit a match earns. */
typedef struct {
    uint32_t term;
    float credit;
} px_rel;

typedef enum { PX_TERM_WORD = 0, PX_TERM_NAME, PX_TERM_QTY } px_term_kind;

typedef struct {
    px_term_kind kind;
    px_wn_entry wn;   /* words */
    const char *slot; /* quantities: kind and unit, without the value */
} px_term;

/* A vocabulary with document frequencies; px_vocab_finish computes
 * weights and related terms, after which the similarity may be asked. */
typedef struct {
    bool story;  /* claims of one story: a differing figure and the words
                  * of an attribution still count towards a match (a
                  * conflicting detail is still the same fact) */
    px_arena *arena;
    px_map *ids; /* term → id */
    PX_VEC(uint32_t) df;
    PX_VEC(px_term) info;
    size_t docs;
    bool ready;
    double *weight;  /* per term */
    size_t *rel_at;  /* related terms of t: rel[rel_at[t] .. rel_at[t+1]) */
    px_rel *rel;
    size_t *anti_at; /* antonyms of t: anti[anti_at[t] .. anti_at[t+1]) */
    uint32_t *anti;
} px_vocab;

void px_vocab_init(px_vocab *v);
void px_vocab_free(px_vocab *v);
/* Features of tokens [tok, tok+ntok) of d; the words in the byte range
 * [skip_s, skip_e) (an attribution clause) count for little, so "X said"
 * neither makes nor breaks a match. Terms are added to the vocabulary;
 * when count_df, each term's document frequency grows by one. */
px_bag px_claim_bag(px_arena *a, px_vocab *v, const px_doc *d, size_t tok, size_t ntok,
                    size_t skip_s, size_t skip_e, bool count_df);
/* Weights and related terms; call once all claims are in. */
void px_vocab_finish(px_vocab *v);
/* Similarity of two bags under a finished vocabulary, in [0,1]. */
double px_bag_similarity(const px_vocab *v, const px_bag *x, const px_bag *y);

#define PX_ALIGN_THRESHOLD 0.32

#endif
