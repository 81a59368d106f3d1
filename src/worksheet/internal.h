/*
 * worksheet/internal.h — what the worksheet files share: the plan of a
 * classroom worksheet, made once from a finished story and then rendered
 * twice (the students' sheet and the teacher's key).
 *
 * pick.c chooses the exercises the analysis supports and the answers to
 * them (facts.c the facts missing and put first); anon.c finds what must
 * be blanked out of the texts (outlet names, bylines, URLs,
 * self-references); worksheet.c renders the sheet, exercises.c its
 * exercises, key.c the key.
 * Everything the plan holds lives in its own scratch arena, freed when the
 * rendering ends; the story is only read.
 */
#ifndef PX_WORKSHEET_INTERNAL_H
#define PX_WORKSHEET_INTERNAL_H

#include "parallax/report.h"
#include "parallax/worksheet.h"
#include "util/toolbox.h"

/* The exercises, in the order they appear on the sheet. */
typedef enum {
    WS_MISSING = 0, /* a fact most sources report and one leaves out */
    WS_WORDS,       /* loaded words and their neutral counterparts */
    WS_SPEAKERS,    /* who is quoted: named, anonymous */
    WS_LEAD,        /* what each headline and first sentence put first */
    WS_CONFLICT,    /* a detail two sources give differently */
    WS_REFLECT,     /* an open question */
    WS_NKINDS
} ws_kind;

/* What replaces a blanked-out span. */
enum { WS_CUT_OUTLET = 0, WS_CUT_REPORTER, WS_CUT_LINK };

/* A span of a source's doc text the sheet does not show as written. */
typedef struct ws_cut {
    size_t start, end;
    int what;        /* WS_CUT_* */
    uint32_t outlet; /* WS_CUT_OUTLET: the source it names */
} ws_cut;

/* Exercise 1: fact `fact` is reported by most sources, clearly not by
 * `source`. */
typedef struct ws_missing {
    uint32_t source;
    size_t fact;
    size_t *also; /* other facts the source leaves out as clearly */
    size_t nalso;
    const char **keys; /* the fact's key words, as the sources write them */
    size_t nkeys;
} ws_missing;

/* One loaded word of a source, with its neutral counterpart. */
typedef struct ws_word {
    uint32_t sent;
    size_t start, end; /* bytes in the doc text */
    uint32_t lexicon, entry;
    const char *neutral, *category;
    size_t tok, ntok; /* its tokens */
} ws_word;

/* Exercise 2: words to find in one source. */
typedef struct ws_words {
    uint32_t source;
    ws_word *find; /* the ones asked for */
    size_t nfind;
    ws_word *more; /* other loaded words of the source: also right */
    size_t nmore;
    ws_word *other; /* in the sentences of those words, the source's own wording
                     * of a fact that no lexicon holds (neutral and category NULL):
                     * words a student may fairly underline too */
    size_t nother;
} ws_words;

/* Exercise 3: who speaks. -1 when the analysis does not single one out. */
typedef struct ws_speakers {
    int32_t anonymous;   /* the source with the most anonymous attributions */
    int32_t most_named;  /* the source quoting the most named people */
    int32_t least_named; /* … and the fewest */
    uint64_t unique;     /* sources quoting a person no other source quotes */
} ws_speakers;

/* Exercise 4: per source, the fact its headline states and the fact of its
 * first sentence (-1: none shared with another source). `early` is a source
 * whose first sentence states a fact that every other carrier puts further
 * down or leaves out (-1: none). */
typedef struct ws_lead {
    int64_t *headline; /* per source */
    int64_t *first;    /* per source */
    int32_t early;
    size_t early_fact;
} ws_lead;

/* Exercise 5: conflict k of fact `fact`. */
typedef struct ws_conflict {
    size_t fact, k;
} ws_conflict;

enum { WS_MAX_ITEMS = 2 };
#define WS_HIDDEN UINT32_MAX

typedef struct ws_plan {
    const px_story *s;
    px_arena *a;
    px_worksheet_level level;
    bool reveal;
    bool hints;
    uint32_t *letter;    /* per source: its letter (0 = A) */
    uint32_t *by_letter; /* per letter: the source */
    ws_cut **cuts;       /* per source, in text order, not overlapping */
    size_t *ncuts;
    uint32_t **numbers; /* per source and sentence: its number on the sheet,
                         * 1-based; 0 for the headline; WS_HIDDEN when every
                         * word of it is blanked out (a masthead line) */
    ws_missing missing[WS_MAX_ITEMS];
    size_t nmissing;
    ws_words words[WS_MAX_ITEMS];
    size_t nwords;
    ws_speakers speakers;
    ws_lead lead;
    ws_conflict conflict[WS_MAX_ITEMS];
    size_t nconflict;
    bool supported[WS_NKINDS];  /* the analysis supports the exercise */
    bool shown[WS_NKINDS];      /* … and the level asks for it */
    uint32_t number[WS_NKINDS]; /* its number on the sheet (1-based) */
} ws_plan;

/* pick.c: the whole plan (letters, cuts, exercises). */
void ws_plan_build(ws_plan *p, const px_story *s, const px_worksheet_opts *o, px_arena *a);
/* The letter of a source: 'A' + its place in the shuffled order. */
char ws_letter(const ws_plan *p, uint32_t src);
/* Is a speaker someone (not a lone pronoun the attribution took)? */
bool ws_speaker_shown(const px_speaker *sp);
/* Is this speaker of src a person (a name of capitalised words) whom no
 * other source so much as names? */
bool ws_voice_unique(const ws_plan *p, uint32_t src, const px_speaker *sp);
/* Does any cut of src overlap [start, end)? */
bool ws_cut_overlaps(const ws_plan *p, uint32_t src, size_t start, size_t end);

/* facts.c: exercise 1 (up to max items) and exercise 4, words weighed by
 * the align stage (px_align_word_weight). */
void ws_pick_missing(ws_plan *p, size_t max);
void ws_pick_lead(ws_plan *p);

/* anon.c: the cuts of every source (none when revealing) and
 * the sentence numbers of the sheet. */
void ws_anon_build(ws_plan *p);
/* Escaped text of src's doc text [start, end), cuts replaced by labels. */
void ws_text(const ws_plan *p, px_buf *b, uint32_t src, size_t start, size_t end);
/* The same for one sentence. */
void ws_sentence_text(const ws_plan *p, px_buf *b, uint32_t src, uint32_t sent);

/* The number a sentence has on the sheet (see ws_plan.numbers). */
uint32_t ws_sentence_number(const ws_plan *p, uint32_t src, uint32_t sent);
/* The first body sentence the sheet shows, or the doc's nsents. */
uint32_t ws_first_sentence(const ws_plan *p, uint32_t src);
/* "sentence 7" or "the headline". */
void ws_sentence_ref(const ws_plan *p, px_buf *b, uint32_t src, uint32_t sent);
/* "Source B" (or "Source B (Daily Flash)" when named is set). */
void ws_source_name(const ws_plan *p, px_buf *b, uint32_t src, bool named);
/* "Sources A, C and D", the sources of a bit set in letter order. */
void ws_source_list(const ws_plan *p, px_buf *b, uint64_t set);
/* Lines to write an answer on. */
void ws_answer_lines(px_buf *b, unsigned lines);

/* exercises.c: the exercises of the sheet. */
void ws_exercises(const ws_plan *p, px_buf *b);
/* key.c: the whole answer key. */
void ws_key(const ws_plan *p, px_buf *b);
/* worksheet.c: <head> with the stylesheet; title is plain text. */
void ws_head(px_buf *b, const char *title);

#endif
