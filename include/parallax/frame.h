/*
 * parallax/frame.h — stage 4: tokens + lexicons → hits, scores and sourcing.
 *
 * Lexicons are TSV files (term, category, weight[, neutral]), two-column
 * score files (term, score: AFINN and VADER style) or LIWC-style .dic files.
 * A term may be a phrase; each of its words matches exactly, by prefix
 * (`word*`) or by Snowball stem (`word~`). A px_lexset holds the loaded
 * lexicons and an index over their first words; after loading it is
 * read-only and shared between threads.
 *
 * Matching finds every lexicon term in a document (longest match per
 * lexicon, never inside a longer word, hyphens ignored between words),
 * tagging each hit as the outlet's narration or a direct quotation and as
 * negated when a negation word precedes it closely. Scoring turns hits into
 * per-outlet and per-fact counts, hits per 1,000 words (all, narration,
 * quotation) and the difference from the story's mean, each keeping its
 * evidence; the sourcing profile says who is quoted or paraphrased, named or
 * anonymous, and how much of each article is direct quotation. Everything a
 * story's framing allocates lives in the caller's arena.
 */
#ifndef PARALLAX_FRAME_H
#define PARALLAX_FRAME_H

#include "parallax/align.h"
#include "parallax/text.h"

#ifdef __cplusplus
extern "C" {
#endif

/* How one word of a term matches a token. */
enum {
    PX_LEX_EXACT = 0,  /* the folded form ("claim" ≠ "claimant") */
    PX_LEX_PREFIX = 1, /* `claim*`: any word starting so; `anti-*`: any word */
    PX_LEX_STEM = 2,   /* `attack~`: any word with the same Snowball stem */
};

typedef struct px_lex_entry {
    const char *term;     /* as written in the file, folded */
    const char **words;   /* the term's words: folded, prefix or stem */
    const uint8_t *modes; /* per word: PX_LEX_EXACT, _PREFIX or _STEM */
    uint32_t nwords;
    bool prefix;       /* last word ends in '*' */
    bool cased;        /* written with a capital: also matches inside names */
    uint32_t category; /* index into px_lexicon.categories */
    double weight;
    const char *neutral; /* neutral counterpart, or NULL */
    uint32_t line;       /* line in the file */
    uint8_t unless;      /* PX_CTX_* contexts in which the entry does not count */
} px_lex_entry;

/* Where a hit sits among its neighbours, for entries that are neutral as
 * the name of a thing (lexicon column 5: `not-head`, `not-modifier`). */
enum {
    PX_CTX_HEAD = 1 << 0,     /* right after a lower-case content word, as the head
                                 of a noun phrase ("harassment claims") */
    PX_CTX_MODIFIER = 1 << 1, /* right before a lower-case content word, as a
                                 noun's modifier ("terrorist groups") */
};

/* A category's direction in a lexicon that declares them (header lines
 * `# boosting:` and `# attacking:`): language that talks its subject up,
 * or down. */
enum { PX_DIR_NONE = 0, PX_DIR_BOOSTING = 1, PX_DIR_ATTACKING = 2 };

typedef struct px_lexicon {
    const char *name, *version, *licence, *description, *path;
    const char *source; /* header "source:", or NULL */
    const char *built;  /* header "built:": how the list was made, or NULL */
    const char **categories;
    const char **category_notes;  /* per category: header "category: NAME — note", or NULL */
    const char **category_labels; /* per category: header "label: NAME — words", the
                                   * name readers see, or NULL */
    const uint8_t *directions;    /* per category: PX_DIR_*; all NONE without the header */
    bool directed;                /* the header names boosting or attacking categories */
    size_t ncategories;
    px_lex_entry *entries;
    size_t nentries;
    const char **warnings; /* lines skipped while loading ("FILE:LINE: why") */
    size_t nwarnings;
    px_arena *arena; /* owns all of the above */
} px_lexicon;

/* Load a lexicon: .dic → LIWC format, anything else → TSV. Any bad line is
 * an error naming FILE:LINE; nothing is half loaded. The caller frees the
 * lexicon with px_lexicon_free. */
PX_API px_status px_lexicon_load(const char *path, px_lexicon **out, px_error *err);
/* The same from memory; name stands for the file in messages and picks the
 * format by its extension. */
PX_API px_status px_lexicon_parse(const char *name, const char *data, size_t len, px_lexicon **out,
                                  px_error *err);
PX_API void px_lexicon_free(px_lexicon *l);

typedef struct px_lexset px_lexset;
PX_API px_lexset *px_lexset_new(void);
/* Takes ownership of l. */
PX_API void px_lexset_add(px_lexset *s, px_lexicon *l);
/* Load every *.tsv and *.dic of dir, in name order. */
PX_API px_status px_lexset_load_dir(px_lexset *s, const char *dir, px_error *err);
PX_API size_t px_lexset_count(const px_lexset *s);
PX_API const px_lexicon *px_lexset_get(const px_lexset *s, size_t i);
PX_API const px_lexicon *px_lexset_find(const px_lexset *s, const char *name);
/* Frees the set and its lexicons; accepts NULL. */
PX_API void px_lexset_free(px_lexset *s);

typedef struct px_hit {
    uint32_t sent;
    size_t tok, ntok;  /* tokens matched */
    size_t start, end; /* bytes in the doc text */
    uint32_t lexicon;  /* index in the lexset */
    uint32_t entry;    /* index in the lexicon */
    bool quoted;       /* inside a direct quotation (the speaker's voice) */
    bool negated;      /* a negation word shortly before it, same clause */
    uint8_t context;   /* PX_CTX_* of its position */
} px_hit;

/* The lexicon entry a hit matched; *lexicon and *category (either may be
 * NULL) receive its lexicon's and category's names. */
PX_API const px_lex_entry *px_lexset_entry(const px_lexset *s, const px_hit *h,
                                           const char **lexicon, const char **category);

/* All hits in doc, in text order (arena array). */
PX_API size_t px_frame_match(px_arena *a, const px_lexset *s, const px_doc *doc, px_hit **out);
/* The weight a hit adds to its score: the entry's weight, flipped and
 * halved when negated ("not a failure"). */
PX_API double px_frame_hit_weight(const px_lexset *s, const px_hit *h);

/* A score: one lexicon (category = -1) or one category of it, in one source
 * (or in one source's sentence stating a fact). */
typedef struct px_score {
    uint32_t lexicon;
    int32_t category;
    size_t hits, narration, quoted, negated;
    double per_1k;           /* hits per 1,000 words */
    double delta;            /* per_1k minus the mean of per_1k */
    double narration_per_1k; /* narration hits per 1,000 words of narration */
    double narration_delta;  /* narration_per_1k minus its mean: the headline figure */
    double quoted_per_1k;    /* quoted hits per 1,000 words inside quotations */
    double weight;           /* sum of hit weights (tone), see px_frame_hit_weight */
} px_score;

/* How one outlet's narration compares with the other outlets' on one
 * figure (hits per 1,000 words of narration): the outlet's rate, the
 * story's reference (the median of the outlets' rates; with two outlets the
 * other one's), the difference and its 95% bootstrap interval (each
 * outlet's body sentences resampled, 500 times, fixed seed). A
 * difference is called only when its interval leaves out zero. */
typedef struct px_contrast {
    size_t hits;      /* narration hits behind rate (slant: boosting and attacking ones) */
    double rate;      /* per 1,000 words of narration */
    double reference; /* median rate of the outlets (two outlets: the other's) */
    double diff;      /* rate - reference */
    double lo, hi;    /* 95% interval of diff */
    int reading;      /* +1 clearly above the others, -1 clearly below, 0 within the noise */
} px_contrast;

/* The figures compared per lexicon: every narration hit, and for a lexicon
 * whose header gives its categories directions, the boosting hits, the
 * attacking hits and the slant (boosting minus attacking: above zero talks
 * the subject up, below zero down). */
enum { PX_FIG_ALL = 0, PX_FIG_BOOSTING, PX_FIG_ATTACKING, PX_FIG_SLANT, PX_NFIGS };

/* Someone an outlet quotes or paraphrases. */
typedef struct px_speaker {
    const char *name;   /* the fullest wording seen ("Grant Holloway"), arena */
    bool anonymous;     /* "officials", "a source close to …" */
    size_t quotes;      /* attributions carrying a direct quotation */
    size_t paraphrases; /* attributions without one */
    uint32_t first_sent;
} px_speaker;

typedef struct px_sourcing {
    size_t named, anonymous;    /* attributions */
    size_t words, quoted_words; /* body words, and those inside direct quotations */
    double quoted_share;        /* quoted_words / words */
    px_speaker *speakers;       /* in order of first appearance */
    size_t nspeakers;
    int32_t *attr_speaker; /* per attribution of the doc: speaker index, or -1 */
    bool *attr_quote;      /* per attribution: a quote (its sentence holds a direct
                            * quotation), else a paraphrase */
} px_sourcing;

/* One fact as one source states it. */
typedef struct px_fact_frame {
    bool present;            /* the source carries the fact */
    uint32_t sent;           /* its sentence */
    size_t words;            /* words of that sentence */
    size_t hit_first, nhits; /* its hits: the source frame's hits[hit_first ..) */
    px_score *scores;        /* laid out as px_source_frame.scores */
    int32_t attribution;     /* index into the doc's attrs, or -1 */
    int32_t speaker;         /* index into the sourcing speakers, or -1 */
} px_fact_frame;

typedef struct px_source_frame {
    px_hit *hits;
    size_t nhits;
    px_score *scores; /* one per lexicon, then one per category, in lexset order */
    size_t nscores;
    px_sourcing sourcing;
    px_fact_frame *facts; /* one per fact of the alignment (present or not) */
    size_t nfacts;
    px_contrast *contrasts; /* PX_NFIGS per lexicon, in lexset order; NULL with
                               fewer than two sources */
} px_source_frame;

/* Frame a story: hits, scores and sourcing per source; per fact as well when
 * al is not NULL. s may be NULL (no lexicons: sourcing only). Everything
 * goes into a. */
PX_API px_status px_frame_story(px_arena *a, const px_lexset *s, const px_doc *const *docs,
                                size_t ndocs, const px_alignment *al, px_source_frame **out,
                                px_error *err);
/* Score of lexicon l (category c, or -1) in a source frame, or NULL. */
PX_API const px_score *px_frame_score(const px_source_frame *f, uint32_t l, int32_t c);
/* The same in one fact frame. */
PX_API const px_score *px_frame_fact_score(const px_source_frame *f, size_t fact, uint32_t l,
                                           int32_t c);
/* Figure fig (PX_FIG_*) of lexicon l in a source frame, or NULL when there
 * is none (one source; a direction figure of an undirected lexicon). */
PX_API const px_contrast *px_frame_contrast(const px_source_frame *f, const px_lexset *s,
                                            uint32_t l, int fig);
/* The source with the highest narration rate of figure fig of lexicon l
 * (strictly highest, with hits), or -1. *clear says whether its interval
 * against the others leaves out zero. */
PX_API int px_frame_top(const px_source_frame *frames, size_t n, const px_lexset *s, uint32_t l,
                        int fig, bool *clear);

#ifdef __cplusplus
}
#endif

#endif
