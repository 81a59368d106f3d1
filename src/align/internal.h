/*
 * align/internal.h — claim features and similarity, shared by align.c,
 * the `similar` model and the WordNet table.
 */
#ifndef PX_ALIGN_INTERNAL_H
#define PX_ALIGN_INTERNAL_H

#include "parallax/align.h"
#include "util/toolbox.h"

/* One row of data/wordnet.tsv (wordnet.c). */
typedef struct {
    uint32_t count;   /* background frequency (sense-tagged corpus) */
    uint32_t *senses; /* synset ids of its first senses and derivations */
    size_t nsenses;
    uint32_t *broader; /* ids of direct hypernyms of its first senses */
    size_t nbroader;
    const char *antonyms; /* "stem,stem" or "" */
} px_wn_entry;

/* Look a stem up; false (entry zeroed) when WordNet does not know it. */
bool px_wn_lookup(px_arena *a, const char *stem, size_t n, px_wn_entry *e);

/* A claim's features: sorted, unique term ids. */
typedef struct {
    uint32_t *terms;
    float *mult; /* per term: 1, or less for words of the attribution */
    size_t n;
    uint32_t negations; /* negation words (not, never, n't …) outside quotes */
    double *w;          /* after px_bag_prepare: each term's weight × mult */
    double total;       /* and their sum */
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
    bool story; /* claims of one story: a differing figure and the words
                 * of an attribution still count towards a match (a
                 * conflicting detail is still the same fact) */
    px_arena *arena;
    px_map *ids; /* term → id */
    PX_VEC(uint32_t) df;
    PX_VEC(px_term) info;
    size_t docs;
    bool ready;
    double *weight; /* per term */
    size_t *rel_at; /* related terms of t: rel[rel_at[t] .. rel_at[t+1]) */
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
/* Cache a bag's term weights (arena), once the vocabulary is finished;
 * similarity is faster on prepared bags. */
void px_bag_prepare(px_arena *a, const px_vocab *v, px_bag *b);
/* Similarity of two bags under a finished vocabulary, in [0,1]. */
double px_bag_similarity(const px_vocab *v, const px_bag *x, const px_bag *y);
/* The score from the two coverages (share of x found in y and back) and
 * whether an antonym pair was seen: negation and antonyms applied. */
double px_sim_combine(const px_bag *x, const px_bag *y, double cxy, double cyx, bool antonym);

/* Inverted index over bags[0..n): the bags holding term t are
 * claims[at[t] .. at[t+1]) (simmatrix.c; caller frees both). */
void px_term_index(const px_vocab *v, const px_bag *bags, size_t n, size_t **at, uint32_t **claims);
/* Similarity of every pair of prepared bags of different outlets, n × n
 * row-major (0 within an outlet); NULL when n is too large for a dense
 * matrix. Caller frees. */
double *px_sim_matrix(const px_vocab *v, const px_bag *bags, const uint32_t *source, size_t n);

/* Prominence (prominence.c): which facts each outlet's headline states. */
typedef struct {
    const px_doc *const *docs;
    const px_vocab *vocab;
    const px_bag *bags;      /* per claim */
    const px_bag *headlines; /* per outlet (n = 0: no headline) */
    double threshold;
} px_prominence_in;
void px_align_prominence(const px_prominence_in *in, px_alignment *al);

/* Conflicting details within fact f (conflicts.c). */
void px_align_conflicts(px_arena *a, const px_doc *const *docs, const px_alignment *al, px_fact *f);

/* Weighted share of x's terms found in y, with partial credit for related
 * terms; *antonym set when an antonym pair is seen. */
double px_bag_coverage(const px_vocab *v, const px_bag *x, const px_bag *y, bool *antonym);

/* ---- pair features (features.c) ---- */

/* Word ids and how many claims of a story hold each (features.c). */
typedef struct {
    px_map *ids;         /* stem → id (from 1) */
    PX_VEC(uint32_t) df; /* per id: claims holding it */
    size_t docs;         /* claims counted */
    double *idf;         /* per id, after px_words_finish */
    size_t nidf;
} px_words;

void px_words_init(px_words *w);
/* Cache every word's local IDF once all claims are counted. */
void px_words_finish(px_words *w);
/* Keep the counted words' weights in the alignment (px_align_word_weight). */
void px_words_export(px_arena *a, const px_words *w, px_alignment *al);
void px_words_free(px_words *w);

/* What the pair features need of one claim (arena-allocated). */
typedef struct {
    uint32_t *words;      /* stems of its words and figures, in order */
    uint8_t *quoted_word; /* per word: inside a direct quotation */
    size_t nwords, nquoted;
    uint32_t *sorted;  /* words, sorted */
    uint64_t *idpos;   /* (word << 32 | position), sorted */
    uint32_t *content; /* its content words (no stopwords), in order */
    size_t ncontent;
    uint32_t *names; /* sorted unique ids of words inside name spans */
    size_t nnames;
    uint32_t *speaker; /* sorted unique ids of its attribution's speaker */
    size_t nspeaker;
    uint32_t *near_names; /* sorted unique name ids of it and its neighbours
                           * in the paragraph (who a quote's next line is by) */
    size_t nnear;
    uint32_t *uniq; /* sorted unique content ids */
    size_t nuniq;
    size_t own;    /* content words outside its attribution */
    double share;  /* place in the article, 0 (first) to 1 (last) */
    double quoted; /* share of its word bytes inside quotations */
    bool lead;     /* one of the first two body sentences */
} px_claim_info;

enum {
    PX_F_SIM,
    PX_F_COV_MIN,
    PX_F_COV_MAX,
    PX_F_JACCARD,
    PX_F_SHARED,
    PX_F_SHARED_RARE,
    PX_F_NAME_SHARED,
    PX_F_NAME_JACCARD,
    PX_F_NAME_MISSING,
    PX_F_QTY_SHARED,
    PX_F_QTY_DIFFER,
    PX_F_RUN,
    PX_F_RUN_QUOTED,
    PX_F_BIGRAM,
    PX_F_WORD_P,
    PX_F_WORD_R,
    PX_F_LEN_MIN,
    PX_F_LEN_MAX,
    PX_F_LEN_RATIO,
    PX_F_FRAGMENT,
    PX_F_SPEAKER_SAME,
    PX_F_SPEAKER_DIFFER,
    PX_F_POS_MIN,
    PX_F_POS_DIFF,
    PX_F_LEAD_BOTH,
    PX_F_QUOTED_MIN,
    PX_F_QUOTED_MAX,
    PX_F_NEGATION,
    PX_F_BEST_MIN,
    PX_F_BEST_MAX,
    PX_F_MARGIN_MIN,
    PX_F_MARGIN_MAX,
    PX_F_LOCAL_MIN,
    PX_F_LOCAL_MAX,
    PX_F_NAME_LOCAL,
    PX_F_NEAR_NAMES,
    PX_F_ACTION_MIN,
    PX_F_ACTION_MAX,
    PX_NFEATURES
};
extern const char *const px_feature_names[PX_NFEATURES];
/* Index of a feature name, or -1. */
int px_feature_index(const char *name, size_t n);

/* Describe claim c of doc d; words gives ids shared by the claims
 * compared and, when count, counts the claim's words in their df. */
void px_claim_info_make(px_arena *a, px_words *words, const px_doc *d, const px_claim *c,
                        bool count, px_claim_info *out);
/* The pair features of two claims (f holds PX_NFEATURES values); sim is
 * their px_bag_similarity. The context features (best_*, margin_*) are
 * left 0 for the caller, who knows the other candidates. Every feature is
 * symmetric (min and max of the two sides), so the order of the outlets
 * changes nothing. */
void px_pair_features(const px_vocab *v, const px_words *w, const px_bag *bx, const px_bag *by,
                      const px_claim_info *x, const px_claim_info *y, double sim, double *f);

/* ---- the learned model (model.c) ---- */

enum {
    PX_PARAM_LINK,
    PX_PARAM_FLOOR,
    PX_PARAM_EXTRA,
    PX_PARAM_CONFIDENT,
    PX_PARAM_OMITS,
    PX_NPARAMS
};
enum {
    PX_S_LOGIT,
    PX_S_TOP_MIN,
    PX_S_TOP_MAX,
    PX_S_GAP_MIN,
    PX_S_GAP_MAX,
    PX_S_MUTUAL,
    PX_S_DIAG,
    PX_S_SIDE,
    PX_NSTORY
};
extern const char *const px_story_feature_names[PX_NSTORY];

struct px_align_model {
    double pair[PX_NFEATURES], pair_bias;
    double similar[PX_NFEATURES], similar_bias;
    double story[PX_NSTORY], story_bias;
    double param[PX_NPARAMS];
    unsigned have; /* stages seen: 1 pair, 2 similar, 4 story */
};

px_status px_align_model_parse(const char *text, size_t len, const char *name, px_align_model *m,
                               px_error *err);
/* The model compiled into the library (data/align-model.tsv). */
const px_align_model *px_align_model_builtin(void);
/* Probabilities from each stage's weights. */
double px_model_pair(const px_align_model *m, const double *f);
double px_model_similar(const px_align_model *m, const double *f);
double px_model_story(const px_align_model *m, const double *g);

/* Facts from scored links (facts.c). */
void px_align_build(px_arena *a, const px_doc *const *docs, const px_align_model *m,
                    px_alignment *al);

#define PX_ALIGN_THRESHOLD PX_SIMILARITY_THRESHOLD

#endif
