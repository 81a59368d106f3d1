/*
 * parallax/compare.h — stage 5: facts + scores → what differs.
 *
 * px_compare_story makes every judgement a reader of the story is shown,
 * once, into one read-only result (px_comparison) that the renderers, the
 * worksheet and batch only read:
 *
 *  - the fact matrix: per fact and outlet a cell saying whether the outlet
 *    carries the fact, carries it with a conflicting detail, omits it (most
 *    others carry it and the alignment is sure it does not), surely does
 *    not carry it, or is not shown to carry it; where the fact sits in the
 *    outlet (headline, lead, body, end); the values it conflicts on; its
 *    wording as a word diff against the fact's representative wording;
 *  - the facts in matrix order (most carriers first), which outlets'
 *    headlines state each, the probability of each pair of its members;
 *  - per outlet: the facts it alone carries, omits or conflicts on, the
 *    facts each of its sentences states, the speakers it quotes, the words
 *    behind each lexicon score, the lexicon hits on each attribution verb;
 *  - per lexicon: which outlet tops it (narration only) and how clearly;
 *  - per pair of outlets and for the story: the counts batch and the
 *    report headings show.
 *
 * Everything lives in the arena passed to px_compare_story.
 */
#ifndef PARALLAX_COMPARE_H
#define PARALLAX_COMPARE_H

#include "parallax/align.h"
#include "parallax/frame.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Where a sentence sits in its article's body. */
typedef enum {
    PX_WHERE_LEAD = 0, /* the first two body sentences */
    PX_WHERE_BODY,
    PX_WHERE_END, /* the last two of an article of more than five */
} px_where;

/* How one outlet treats one fact: a cell of the fact matrix. */
typedef enum {
    PX_CELL_CARRIES = 0, /* states it */
    PX_CELL_CONFLICT,    /* states it with a detail that differs from others' */
    PX_CELL_OMITS,       /* leaves out a fact most others carry, surely */
    PX_CELL_ABSENT,      /* surely does not state it, and few others do */
    PX_CELL_NOT_SHOWN,   /* not in the fact, but not surely left out either */
} px_cell_status;

/* One step of a word diff of a version against a base sentence: word and
 * number tokens compared by their folded form. */
typedef enum { PX_DIFF_SAME = 0, PX_DIFF_INS, PX_DIFF_DEL } px_diff_kind;
typedef struct px_diff_op {
    px_diff_kind kind;
    size_t tok; /* SAME, INS: a token of the version; DEL: of the base */
} px_diff_op;

/* A run of a sentence's tokens: toks[tok .. tok + ntok) of its doc, from a
 * content word to a content word. */
typedef struct px_word_run {
    size_t tok, ntok;
} px_word_run;

typedef struct px_cell {
    px_cell_status status;
    px_verdict verdict; /* the alignment's: carries, omits, not shown */
    double p_carries;   /* probability that the outlet carries the fact */
    int32_t mention;    /* index into the fact's mentions, -1 when not carried */
    /* carried only: */
    uint32_t sent;       /* its sentence */
    px_where where;      /* where that sentence sits */
    double share;        /* its position among the body sentences, 0 to <1 */
    bool headline;       /* the outlet's headline states the fact too */
    const char **values; /* the conflicting values it states, in conflict order */
    size_t nvalues;
    const px_diff_op *diff; /* its sentence against the representative's; NULL for
                             * the representative and for sentences too long to diff */
    size_t ndiff;
    bool diff_readable;          /* the diff keeps enough of the words to be worth reading */
    const px_word_run *distinct; /* carried, with another carrier: the runs of its
                                  * words no other carrier's sentence of the fact
                                  * uses (its own wording), in text order */
    size_t ndistinct;
} px_cell;

/* Two members of a fact and the probability that they state one claim. */
typedef struct px_fact_link {
    uint32_t a, b; /* mention indexes */
    double p;
} px_fact_link;

typedef struct px_fact_compare {
    px_cell *cells;           /* one per outlet */
    size_t carriers;          /* outlets that carry it */
    bool single;              /* one outlet alone carries it, of two or more */
    uint64_t headlines;       /* bit s: outlet s carries it and its headline states it */
    size_t *conflict_sources; /* per conflict of the fact: outlets giving a value */
    px_fact_link *links;      /* each pair of members */
    size_t nlinks;
    bool *lexicon_hits; /* per lexicon: some carrier's sentence of it has a hit */
} px_fact_compare;

/* A word behind a score: its first hit, how many hits have the same text
 * (case aside), in the order they first appear. */
typedef struct px_term_count {
    size_t hit; /* index into the source frame's hits */
    size_t count;
} px_term_count;

/* The hits of one lexicon entry in one outlet, first to last. */
typedef struct px_evidence {
    uint32_t entry, category;
    size_t *hits; /* indexes into the source frame's hits */
    size_t nhits;
} px_evidence;

/* Hits, narration hits and quoted hits: a score's counts. */
typedef struct px_counts {
    size_t hits, narration, quoted;
} px_counts;

/* One outlet and one lexicon. */
typedef struct px_lexicon_compare {
    px_term_count *terms; /* by text: the words behind the outlet's score */
    size_t nterms;
    px_evidence *evidence; /* by entry, in order of first appearance */
    size_t nevidence;
    px_counts directions[3]; /* indexed by PX_DIR_*: the categories of each
                              * direction summed (directed lexicons) */
} px_lexicon_compare;

typedef struct px_source_compare {
    size_t carried;
    uint32_t *unique; /* fact indexes carried by this outlet alone (the others
                       * surely not) */
    size_t nunique;
    uint32_t *omitted; /* fact indexes most other outlets carry, this one not */
    size_t nomitted;
    uint32_t *conflicts; /* fact indexes where this outlet's detail conflicts */
    size_t nconflicts;
    size_t shared;    /* facts it carries with at least one other outlet */
    size_t not_shown; /* facts it is not shown to carry, nor surely leaves out */
    size_t eligible;  /* facts it could be said to omit, decided cases only:
                       * carried, or surely not carried, where enough others
                       * carry them (the omission rule) */
    /* who speaks (the frame stage's sourcing profile) */
    const px_speaker *speakers;
    size_t nspeakers;
    size_t named_speakers, anonymous_speakers;
    size_t quoted_words;
    double quoted_share; /* of the body's words, inside direct quotations */
    /* per sentence of the doc: the facts it states (fact order) */
    size_t *sentence_at; /* facts of sentence k: sentence_facts[sentence_at[k] ..
                          * sentence_at[k + 1]) */
    uint32_t *sentence_facts;
    bool *only_here; /* per sentence: it states a fact no other outlet carries */
    /* per attribution of the doc: the hits on its verb ("attribution:distancing") */
    size_t *verb_at; /* verb_hits[verb_at[k] .. verb_at[k + 1]) */
    size_t *verb_hits;
    px_lexicon_compare *lexicons; /* one per lexicon */
} px_source_compare;

/* The outlet most given to a figure of a lexicon in its own narration. */
typedef struct px_top {
    int32_t source; /* -1: none (no hits, a tie, one outlet) */
    bool clear;     /* its difference from the others is beyond the noise */
} px_top;

/* Two outlets side by side (a < b). */
typedef struct px_pair_compare {
    uint32_t a, b;
    size_t both, either;   /* facts both carry, either carries */
    size_t details, agree; /* disputed details both state, and on which they agree */
} px_pair_compare;

/* A blind spot: a fact most outlets carry (at least two, and at least two
 * thirds of them) that one outlet surely leaves out (its cell says
 * PX_CELL_OMITS). */
typedef struct px_blindspot {
    uint32_t fact, source;
    size_t carriers;
} px_blindspot;

/* One lexicon over the whole story. */
typedef struct px_lexicon_total {
    size_t hits;           /* in all outlets */
    size_t *category_hits; /* per category */
    px_top top[PX_NFIGS];  /* per figure (PX_FIG_*) */
} px_lexicon_total;

typedef struct px_comparison {
    size_t nsources, nfacts, nlexicons;
    px_fact_compare *facts;
    size_t *order; /* fact indexes, most carriers first, ties in fact order */
    px_source_compare *sources;
    px_lexicon_total *lexicons;
    px_pair_compare *pairs; /* every pair, (0,1), (0,2) … (1,2) … */
    size_t npairs;
    size_t carried_by_all;    /* facts every outlet carries */
    size_t carried_by_one;    /* facts one outlet carries */
    size_t shared_facts;      /* facts two or more carry */
    size_t conflict_facts;    /* facts with a conflicting detail */
    size_t conflicts;         /* conflicting details in all */
    size_t words;             /* body words of all outlets */
    px_blindspot *blindspots; /* most carriers first, then matrix order */
    size_t nblindspots;
} px_comparison;

/* Compare a story: docs, its alignment, its frames (px_frame_story, with
 * the facts) and the lexicons they used (NULL: none). The omission rule: a
 * fact is omitted by outlet s when s does not carry it, at least half of
 * the other outlets (and at least two when there are three or more) do,
 * and the alignment is sure of both (px_fact_verdict is PX_OMITS). */
PX_API px_status px_compare_story(px_arena *a, const px_doc *const *docs, size_t ndocs,
                                  const px_alignment *al, const px_lexset *lex,
                                  const px_source_frame *frames, px_comparison *out, px_error *err);

/* The cell of fact f and outlet s. */
PX_API const px_cell *px_compare_cell(const px_comparison *c, size_t f, uint32_t s);
/* Where a cell's fact sits: "headline" when the outlet's headline states
 * it, else "lead", "body" or "end"; NULL when it is not carried. */
PX_API const char *px_cell_place(const px_cell *c);
/* "lead", "body", "end". */
PX_API const char *px_where_name(px_where w);
/* A status as a CSV/JSON word ("carries", "conflict", "omits", "absent",
 * "not_shown"), as a symbol that reads in greyscale ("✓", "≠", "✗", "–",
 * "?") and in words ("carries, with a conflicting detail"). */
PX_API const char *px_cell_status_name(px_cell_status st);
PX_API const char *px_cell_status_symbol(px_cell_status st);
PX_API const char *px_cell_status_words(px_cell_status st);
/* "number", "duration", "date" or "name". */
PX_API const char *px_conflict_kind_name(px_conflict_kind k);

/* The word diff on its own: sentence vsent of version doc vd against
 * sentence bsent of base doc bd. The caller frees *ops. Returns the number
 * of operations; 0 with *ops NULL when either sentence has more than
 * PX_DIFF_MAX_WORDS words (the quadratic diff would stall). */
#define PX_DIFF_MAX_WORDS 400
PX_API size_t px_compare_diff(const px_doc *bd, uint32_t bsent, const px_doc *vd, uint32_t vsent,
                              px_diff_op **ops);

#ifdef __cplusplus
}
#endif

#endif
