/*
 * parallax/align.h — stage 3: sentences of N outlets → claims → facts.
 *
 * A claim is a body sentence. Every pair of claims of two outlets that
 * share a term gets interpretable features (weighted term overlap, names,
 * figures, shared quoted words, speaker, position) and a probability that
 * both state the same claim, from a logistic model learned from labelled
 * real news (data/align-model.tsv, scripts/train_align.py). Linked claims
 * form facts — a claim joins a fact only when it is likely the same claim
 * as every member — each holding at most one claim per outlet (a sentence
 * that states two facts may serve both). A fact knows which outlets carry
 * it and how sure that is, the wording each used, and the details on which
 * they disagree.
 */
#ifndef PARALLAX_ALIGN_H
#define PARALLAX_ALIGN_H

#include "parallax/text.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct px_claim {
    uint32_t source, sent; /* outlet index, sentence index in its doc */
    size_t start, end;     /* bytes of the claim in the doc text */
    size_t tok, ntok;      /* token range of the claim */
} px_claim;

typedef struct px_mention {
    uint32_t source;
    uint32_t sent;
    uint32_t claim; /* index into px_alignment.claims */
    double score;   /* probability that this sentence states the fact: its
                     * strongest link to another member (1 alone) */
    bool quoted;    /* the claim sits inside a direct quotation */
} px_mention;

typedef enum {
    PX_CONFLICT_NUMBER = 0,
    PX_CONFLICT_DURATION,
    PX_CONFLICT_DATE,
    PX_CONFLICT_NAME,
} px_conflict_kind;

typedef struct px_conflict {
    px_conflict_kind kind;
    const char *detail;  /* what differs, e.g. "troops", or NULL */
    const char **values; /* per source: its wording of the value, NULL if none */
} px_conflict;

typedef struct px_fact {
    px_mention *mentions; /* ordered by source index */
    size_t nmentions;
    size_t rep; /* index of the representative mention */
    px_conflict *conflicts;
    size_t nconflicts;
    uint64_t in_headline; /* bit s: outlet s's headline states this fact (its own
                           * claim of it, or the representative's, aligns with
                           * the headline) */
    double confidence;    /* how sure the fact's members state one claim: its
                           * weakest member's score (1 for one member) */
    double *carry;        /* per source: probability that it carries the fact
                           * (a member's score; otherwise its best sentence's
                           * mean probability against the members) */
} px_fact;

/* What a fact's reader may say of one outlet. */
typedef enum {
    PX_CARRIES = 0, /* the outlet has a sentence in the fact */
    PX_OMITS,       /* the fact is sure and no sentence of the outlet comes close */
    PX_NOT_SHOWN,   /* not in the fact, but omission is not shown either */
} px_verdict;

typedef struct px_align_model px_align_model;
/* Load a model file written by scripts/train_align.py (caller frees with
 * px_align_model_free); errors name the file and line. */
PX_API px_status px_align_model_load(const char *path, px_align_model **out, px_error *err);
PX_API void px_align_model_free(px_align_model *m);

typedef struct px_align_opts {
    double threshold;            /* least probability that links two claims; 0: the model's */
    bool keep_features;          /* keep every candidate pair's features (px_link) */
    const px_align_model *model; /* NULL: the built-in model */
} px_align_opts;

/* A candidate pair of sentences of two outlets: whole-sentence claims
 * a < b that share at least one term. */
typedef struct px_link {
    uint32_t a, b;
    double sim;             /* term similarity */
    double p;               /* probability that both state the same claim */
    const double *features; /* px_align_feature_names() order, when kept */
} px_link;

/* Names of the pair features, in the order of px_link.features. */
PX_API const char *const *px_align_feature_names(size_t *n);

typedef struct px_alignment {
    px_claim *claims;
    size_t nclaims;
    px_fact *facts; /* ordered: most carriers first, then first appearance */
    size_t nfacts;
    size_t nsources;
    double threshold; /* the link probability used */
    double confident; /* a fact at least this sure can show omissions */
    double omits;     /* an outlet below this carry probability omits it */
    px_link *links;   /* candidate pairs, by claim a then b */
    size_t nlinks;
    const char **words;   /* the stems of the claims' content words, sorted */
    double *word_weights; /* per word: how telling it is in this story (see
                           * px_align_word_weight) */
    size_t nwords;
} px_alignment;

PX_API void px_align_defaults(px_align_opts *o);
PX_API px_status px_align_story(px_arena *a, const px_doc *const *docs, size_t ndocs,
                                const px_align_opts *o, px_alignment *out, px_error *err);
/* The mention of source s in fact f, or NULL. */
PX_API const px_mention *px_fact_mention(const px_fact *f, uint32_t source);
/* Probability that claims a and b (any order) state the same claim; 0 for
 * a pair that was not scored. */
PX_API double px_align_pair_p(const px_alignment *al, uint32_t a, uint32_t b);
/* What can be said of source s and fact f. */
PX_API px_verdict px_fact_verdict(const px_alignment *al, const px_fact *f, uint32_t source);
/* How telling a word (its Snowball stem) is in this story: an inverse
 * document frequency over the story's claims, scaled to 1 for a stem no
 * claim holds and near 0 for one every claim holds. The align stage weighs
 * shared words by it; the worksheet picks key words with it. */
PX_API double px_align_word_weight(const px_alignment *al, const char *stem);

/* Sentence-pair similarity on its own (`parallax similar`): a model built
 * from a set of sentences (for IDF), then scores in [0,1]. */
/* The similarity at which two sentences read as stating one claim, by
 * their words alone (a headline and a claim; `parallax similar
 * --similarity`). */
#define PX_SIMILARITY_THRESHOLD 0.25

typedef struct px_simmodel px_simmodel;
PX_API px_simmodel *px_simmodel_new(px_text_ctx *ctx);
/* Add a sentence to the IDF statistics. */
PX_API void px_simmodel_add(px_simmodel *m, const char *s, size_t n);
PX_API double px_simmodel_score(px_simmodel *m, const char *a, size_t alen, const char *b,
                                size_t blen);
/* Probability that the two state the same claim, from the model's
 * "similar" stage (model NULL: the built-in one). */
PX_API double px_simmodel_probability(px_simmodel *m, const px_align_model *model, const char *a,
                                      size_t alen, const char *b, size_t blen);
PX_API double px_simmodel_threshold(const px_simmodel *m);
/* The pair features of two texts under the model's word statistics: f
 * holds one value per px_align_feature_names() name. */
PX_API void px_simmodel_features(px_simmodel *m, const char *a, size_t alen, const char *b,
                                 size_t blen, double *f);
PX_API void px_simmodel_free(px_simmodel *m);

#ifdef __cplusplus
}
#endif

#endif
