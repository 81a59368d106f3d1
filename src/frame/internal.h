/*
 * frame/internal.h — shared between the frame stage's files: building a
 * lexicon while it loads (lexicon.c for TSV, dic.c for LIWC .dic), and the
 * per-source helpers of scoring (score.c, facts.c, sourcing.c).
 */
#ifndef PX_FRAME_INTERNAL_H
#define PX_FRAME_INTERNAL_H

#include "parallax/frame.h"
#include "util/toolbox.h"

typedef PX_VEC(px_lex_entry) px_entryvec;
typedef PX_VEC(const char *) px_strvec;

/* A category named by a `# boosting:`, `# attacking:` or `# label:`
 * header line. */
typedef struct px_lexdir {
    const char *name;
    size_t line;
    uint8_t dir;
    const char *label; /* `# label: NAME — words`: the words, else NULL */
} px_lexdir;

/* A lexicon being loaded: its entries, categories and warnings so far. */
typedef struct px_lexbuild {
    px_lexicon *l;
    const char *file;
    px_entryvec ents;
    px_strvec cats, notes, warns;
    PX_VEC(px_lexdir) dirs;
    px_text_ctx *ctx; /* a stemmer, made on the first `word~` */
} px_lexbuild;

/* Index of category name[0..n), added when new. */
uint32_t px_lex_category(px_lexbuild *b, const char *name, size_t n);
/* Fill e's words from term (tokenised as documents are); errors name the
 * line. */
px_status px_lex_term(px_lexbuild *b, px_lex_entry *e, const char *term, size_t line,
                      px_error *err);
/* Record "FILE:LINE: message" as a warning (a skipped line). */
void px_lex_warn(px_lexbuild *b, size_t line, const char *fmt, ...) PX_PRINTF(3, 4);
/* Trim blanks (and a CR) at both ends, in place. */
char *px_lex_trim(char *s);
/* A whole-string decimal number? */
bool px_lex_number(const char *s, double *v);
/* Next line of a NUL-terminated buffer, cut in place; NULL at the end. */
char *px_lex_next_line(char **p);

/* Inside a px_lexset: lexset.c builds the index, match.c walks it. */
typedef struct {
    uint32_t lexicon, entry;
} px_lexref;

/* One key's pairs: a view into the set's flat array of pairs. */
typedef struct {
    const px_lexref *v;
    size_t n;
} px_refvec;

struct px_lexset {
    PX_VEC(px_lexicon *) lex;
    px_map *index[3]; /* by the first word's mode: word / prefix / stem → index in lists */
    PX_VEC(px_refvec) lists;
    /* every pair with its list's index, in the order added; refs holds them
     * grouped by list (same order within a list), and lists point into it */
    PX_VEC(struct px_pending_ref {
        uint32_t list;
        px_lexref r;
    })
    pending;
    px_lexref *refs;
    size_t max_prefix;
};

/* The lexicon's name from the file name when its header gave none. */
void px_lex_default_name(px_lexicon *l, const char *path);

/* The .dic reader (dic.c). */
px_status px_lex_load_dic(px_lexbuild *b, char *data, px_error *err);

/* Scoring helpers: fill sc from hits[0..n) over the given word counts. */
void px_frame_count(const px_lexset *s, const px_hit *hits, size_t n, px_score *sc);
void px_frame_rates(px_score *sc, size_t words, size_t narration_words, size_t quoted_words);
/* delta and narration_delta of score k over the frames that have it. */
void px_frame_deltas(px_score **scores, size_t n);
/* The layout of scores: one per lexicon, then its categories. */
size_t px_frame_layout(const px_lexset *s, px_arena *a, px_score **out);

/* Narration contrasts of every source against the others (contrast.c):
 * fills fr[i].contrasts; nothing with fewer than two sources. */
void px_frame_contrasts(px_arena *a, const px_lexset *s, const px_doc *const *docs, size_t n,
                        px_source_frame *fr);

/* Sourcing profile of one doc (sourcing.c). */
void px_frame_sourcing(px_arena *a, const px_doc *d, px_sourcing *out);
/* Per-fact frames of source `source` (facts.c). */
void px_frame_facts(px_arena *a, const px_lexset *s, const px_doc *const *docs, size_t ndocs,
                    const px_alignment *al, px_source_frame *fr);

#endif
