/*
 * parallax/align.h — stage 3: sentences of N outlets → claims → facts.
 *
 * A claim is a sentence, or a clause of one, with the attribution around it
 * set aside. Claims of different outlets are compared by a similarity that
 * weighs rare shared stems, names and numbers; matched claims form facts,
 * each holding at most one claim per outlet. A fact knows which outlets
 * carry it, the wording each used, and the details on which they disagree.
 */
#ifndef PARALLAX_ALIGN_H
#define PARALLAX_ALIGN_H

#include "parallax/text.h"

typedef struct px_claim {
    uint32_t source, sent; /* outlet index, sentence index in its doc */
    size_t start, end;     /* bytes of the claim in the doc text */
    size_t tok, ntok;      /* token range of the claim */
    bool part;             /* a clause of a sentence that states several facts */
    uint32_t parent;       /* the whole-sentence claim (itself when !part) */
} px_claim;

/* Where a claim sits in its article (prominence). */
typedef enum {
    PX_WHERE_LEAD = 0, /* the first two body sentences */
    PX_WHERE_BODY,
    PX_WHERE_END,      /* the last two of an article of more than five */
} px_where;

typedef struct px_mention {
    uint32_t source;
    uint32_t sent;
    uint32_t claim;    /* index into px_alignment.claims */
    double score;      /* similarity to the fact's representative claim (1 for itself) */
    bool quoted;       /* the claim sits inside a direct quotation */
    px_where where;    /* lead, body or end */
    double share;      /* position among the body sentences, 0 (first) to <1 */
} px_mention;

typedef enum {
    PX_CONFLICT_NUMBER = 0,
    PX_CONFLICT_DURATION,
    PX_CONFLICT_DATE,
    PX_CONFLICT_NAME,
} px_conflict_kind;

typedef struct px_conflict {
    px_conflict_kind kind;
    const char *detail;   /* what differs, e.g. "troops", or NULL */
    const char **values;  /* per source: its wording of the value, NULL if none */
} px_conflict;

typedef struct px_fact {
    px_mention *mentions; /* ordered by source index */
    size_t nmentions;
    size_t rep;           /* index of the representative mention */
    px_conflict *conflicts;
    size_t nconflicts;
    uint64_t in_headline; /* bit s: outlet s's headline states this fact (its own
                           * claim of it, or the representative's, aligns with
                           * the headline) */
} px_fact;

typedef struct px_align_opts {
    double threshold; /* minimum similarity for two claims to share a fact */
    bool keep_features; /* keep every candidate pair's features (px_link) */
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
    px_fact *facts;   /* ordered: most carriers first, then first appearance */
    size_t nfacts;
    size_t nsources;
    double threshold;
    px_link *links;   /* candidate pairs, by claim a then b */
    size_t nlinks;
} px_alignment;

PX_API void px_align_defaults(px_align_opts *o);
PX_API px_status px_align_story(px_arena *a, const px_doc *const *docs, size_t ndocs,
                                const px_align_opts *o, px_alignment *out, px_error *err);
/* The mention of source s in fact f, or NULL. */
PX_API const px_mention *px_fact_mention(const px_fact *f, uint32_t source);

/* Sentence-pair similarity on its own (`parallax similar`): a model built
 * from a set of sentences (for IDF), then scores in [0,1]. */
typedef struct px_simmodel px_simmodel;
PX_API px_simmodel *px_simmodel_new(px_text_ctx *ctx);
/* Add a sentence to the IDF statistics. */
PX_API void px_simmodel_add(px_simmodel *m, const char *s, size_t n);
PX_API double px_simmodel_score(px_simmodel *m, const char *a, size_t alen, const char *b,
                                size_t blen);
PX_API double px_simmodel_threshold(const px_simmodel *m);
PX_API void px_simmodel_free(px_simmodel *m);

#endif
