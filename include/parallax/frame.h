/*
 * parallax/frame.h — stage 4: tokens + lexicons → hits and scores.
 *
 * Lexicons are TSV files (term, category, weight[, neutral]) or LIWC-style
 * .dic files. A px_lexset holds the loaded lexicons and an index over their
 * first words; after loading it is read-only and shared between threads.
 * Matching finds every lexicon term in a document (phrases, trailing-*
 * prefixes, longest match), tagging each hit as narration or quotation;
 * scoring turns hits into per-outlet counts, hits per 1,000 words and the
 * difference from the story's mean, each keeping its evidence.
 */
#ifndef PARALLAX_FRAME_H
#define PARALLAX_FRAME_H

#include "parallax/text.h"

typedef struct px_lex_entry {
    const char *term;    /* as written in the file, folded */
    const char **words;  /* the term's words (folded) */
    uint32_t nwords;
    bool prefix;         /* last word ends in '*' */
    uint32_t category;   /* index into px_lexicon.categories */
    double weight;
    const char *neutral; /* neutral counterpart, or NULL */
    uint32_t line;       /* line in the file */
} px_lex_entry;

typedef struct px_lexicon {
    const char *name, *version, *licence, *description, *path;
    const char **categories;
    size_t ncategories;
    px_lex_entry *entries;
    size_t nentries;
    const char **warnings; /* lines skipped while loading ("FILE:LINE: why") */
    size_t nwarnings;
    px_arena *arena; /* owns all of the above */
} px_lexicon;

/* Load a lexicon: .dic → LIWC format, anything else → TSV. Any bad line is
 * an error naming FILE:LINE. */
PX_API px_status px_lexicon_load(const char *path, px_lexicon **out, px_error *err);
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
PX_API void px_lexset_free(px_lexset *s);

typedef struct px_hit {
    uint32_t sent;
    size_t tok, ntok;   /* tokens matched */
    size_t start, end;  /* bytes in the doc text */
    uint32_t lexicon;   /* index in the lexset */
    uint32_t entry;     /* index in the lexicon */
    bool quoted;        /* inside a direct quotation (the speaker's voice) */
    bool negated;       /* a negation word within the window before it */
} px_hit;

/* All hits in doc, in text order (arena array). */
PX_API size_t px_frame_match(px_arena *a, const px_lexset *s, const px_doc *doc,
                             px_hit **out);

/* A score: one lexicon (category = -1) or one category of it, in one source. */
typedef struct px_score {
    uint32_t lexicon;
    int32_t category;
    size_t hits, narration, quoted;
    double per_1k;   /* hits per 1,000 words */
    double delta;    /* per_1k minus the story mean of per_1k */
    double narration_per_1k;
    double weight;   /* sum of entry weights (tone) */
} px_score;

typedef struct px_source_frame {
    px_hit *hits;
    size_t nhits;
    px_score *scores; /* one per lexicon, then one per category, in lexset order */
    size_t nscores;
} px_source_frame;

PX_API px_status px_frame_story(px_arena *a, const px_lexset *s, const px_doc *const *docs,
                                size_t ndocs, px_source_frame **out, px_error *err);
/* Score of lexicon l (category c, or -1) in a source frame, or NULL. */
PX_API const px_score *px_frame_score(const px_source_frame *f, uint32_t l, int32_t c);

#endif
