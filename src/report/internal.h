/*
 * report/internal.h — helpers shared by the renderers.
 *
 * Renderers read a px_story only through these accessors where a field's
 * meaning needs interpreting (a fact's status in an outlet, its position,
 * the speakers an outlet quotes), so a change in an earlier stage's structs
 * touches common.c and not every renderer.
 */
#ifndef PX_REPORT_INTERNAL_H
#define PX_REPORT_INTERNAL_H

#include "parallax/report.h"

/* "wire:s3" for body sentence 3, "wire:h" for the headline. */
void px_report_sentence_id(const px_story *s, uint32_t source, uint32_t sent, char *out,
                           size_t size);
/* The text of sentence sent of source, as a slice. */
const char *px_report_sentence(const px_story *s, uint32_t source, uint32_t sent, size_t *len);
/* Fact id "f1" for fact index f. */
void px_report_fact_id(size_t f, char *out, size_t size);
/* The representative wording of a fact. */
const char *px_report_fact_text(const px_story *s, const px_fact *f, size_t *len);
/* Sources whose headline states fact f (similar words), as a bit set. */
uint64_t px_report_headlines(const px_story *s, const px_fact *f);
/* Escapers. */
void px_html_escape(px_buf *b, const char *s, size_t n);
void px_csv_field(px_buf *b, const char *s, size_t n);
/* Round to 3 decimals for output. */
double px_round3(double x);
/* Category name of a hit, and its entry. */
const px_lex_entry *px_report_entry(const px_story *s, const px_hit *h, const char **lexicon,
                                    const char **category);

/* The outlet's display name (its id when it has none). */
const char *px_report_outlet(const px_story *s, uint32_t source);

/* How one outlet treats one fact. */
typedef enum {
    PX_STATUS_CARRIES = 0, /* states it */
    PX_STATUS_CONFLICT,    /* states it with a detail that differs from others' */
    PX_STATUS_OMITS,       /* leaves out a fact most others carry (compare stage) */
    PX_STATUS_ABSENT,      /* does not state it, and few others do either */
    PX_STATUS_UNCLEAR,     /* not in the fact, but not surely left out either */
} px_report_status;
px_report_status px_report_fact_status(const px_story *s, size_t fact, uint32_t source);
/* Symbol and words for a status ("✓", "carries"). */
const char *px_report_status_symbol(px_report_status st);
const char *px_report_status_word(px_report_status st);
/* Where the fact sits in the outlet: "headline" when its headline states it,
 * else the position of its sentence (lead, body, end); NULL when absent. */
const char *px_report_fact_where(const px_story *s, size_t fact, uint32_t source);
/* Fact indexes ordered by how many outlets carry them (most first), ties in
 * fact order. The caller frees the array. */
size_t *px_report_fact_order(const px_story *s);
/* True when only this outlet carries the fact. */
bool px_report_fact_unique(const px_story *s, size_t fact);
/* Facts whose mention in source is sentence sent, in fact order; at most max
 * are written to out; returns how many there are. */
size_t px_report_sentence_facts(const px_story *s, uint32_t source, uint32_t sent,
                                uint32_t *out, size_t max);
/* "number", "duration", "date" or "name". */
const char *px_report_conflict_kind(px_conflict_kind k);
/* Count of conflicting details over all facts. */
size_t px_report_conflict_count(const px_story *s);

/* A lexicon's label for readers ("loaded language") and the note given to
 * the outlet that scores highest on it ("most loaded language"), or NULL
 * when the lexicon has no such note. */
const char *px_report_lexicon_label(const px_lexicon *l);
const char *px_report_lexicon_most(const px_lexicon *l);
/* Lexicon indexes in reading order: ours in a fixed order (loaded language
 * first), then any others as loaded. The caller frees the array. */
size_t *px_report_lexicon_order(const px_story *s, size_t *n);
/* Are the lexicon's hits marked in the running text (word choice), or only
 * charted (topic and valence lists)? */
bool px_report_lexicon_inline(const px_story *s, uint32_t lexicon);
/* Which of the five highlight styles (0-4) the lexicon's hits get. */
unsigned px_report_lexicon_style(const px_story *s, uint32_t lexicon);
/* A score, or a zero score when the frame has none. */
px_score px_report_score(const px_story *s, uint32_t source, uint32_t lexicon,
                         int32_t category);
/* The words a plain reading uses for the lexicon's figure ("loaded
 * language"). */
const char *px_report_lexicon_noun(const px_lexicon *l);
/* The source with the story's highest narration rate of figure fig
 * (PX_FIG_*) of lexicon l (with hits, more than any other outlet), or -1;
 * *clear: its interval against the others leaves out zero. Quoted speech
 * never counts toward it. */
int px_report_top(const px_story *s, uint32_t lexicon, int fig, bool *clear);
/* True when source is px_report_top of lexicon l (all its hits). */
bool px_report_tops(const px_story *s, uint32_t source, uint32_t lexicon);
/* A source's contrast with the others on figure fig of lexicon l, or NULL
 * (one source, or no such figure). */
const px_contrast *px_report_contrast(const px_story *s, uint32_t source, uint32_t lexicon,
                                      int fig);
/* The plain reading of that contrast: "more loaded language than the
 * others by 4.2 per 1,000 words of narration (…; 95% interval 1.1 to
 * 7.3)", or "no clear difference in loaded language from the others (…)"
 * when the interval holds zero: noise is never read as a difference. brief:
 * "8.1 per 1,000 words: more than the others by 4.2 (95% interval …)". */
void px_report_reading(px_buf *b, const px_story *s, uint32_t source, uint32_t lexicon,
                       int fig, bool brief);

/* Speakers an outlet attributes statements to, one entry per speaker, in
 * order of first appearance: the frame stage's sourcing profile when there
 * is one, else the attributions grouped case-insensitively. */
typedef struct px_report_speaker {
    const char *text; /* the speaker's fullest wording (not NUL-terminated) */
    size_t len;
    size_t count;     /* attributions to this speaker */
    size_t quotes;    /* of which carry a direct quotation */
    uint32_t sent;    /* sentence of the first one */
    bool anonymous;
} px_report_speaker;
/* The caller frees *out. Returns the number of speakers. */
size_t px_report_speakers(const px_story *s, uint32_t source, px_report_speaker **out);
/* Share of the body's bytes inside direct quotations. */
double px_report_quoted_share(const px_story *s, uint32_t source);

/* Word-level diff of one outlet's sentence against another's (the fact's
 * representative wording): a sequence of operations over word and number
 * tokens, compared by their folded form. */
typedef enum { PX_DIFF_SAME = 0, PX_DIFF_INS, PX_DIFF_DEL } px_diff_kind;
typedef struct px_diff_op {
    px_diff_kind kind;
    size_t tok; /* SAME, INS: token of the version; DEL: token of the base */
} px_diff_op;
/* Diff sentence vsent of source vsrc against sentence bsent of bsrc. The
 * caller frees *ops. Returns the number of operations; 0 with *ops NULL
 * when the sentences are too long to diff (the caller shows them whole). */
size_t px_report_diff(const px_story *s, uint32_t bsrc, uint32_t bsent, uint32_t vsrc,
                      uint32_t vsent, px_diff_op **ops);

#endif
