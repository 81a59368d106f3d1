/*
 * parallax/worksheet.h — the classroom worksheet: a stage after compare,
 * beside the report.
 *
 * From an analysed story it makes a printable media-literacy exercise and
 * its answer key: the articles with numbered paragraphs and sentences, the
 * outlets hidden behind letters (Source A, B…), then exercises built only
 * from what the analysis supports (missing facts, word choice, who speaks,
 * headline and lead, conflicting details, a reflection), and a key with
 * the answers, their evidence and the outlets behind the letters. It reads
 * the compare stage's result (omissions, placement, headlines, speakers)
 * and weighs words as the align stage does (px_align_word_weight).
 */
#ifndef PARALLAX_WORKSHEET_H
#define PARALLAX_WORKSHEET_H

#include "parallax/story.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum {
    PX_WORKSHEET_INTRO = 0, /* three guided exercises, with hints */
    PX_WORKSHEET_STANDARD,  /* every supported exercise, hints where needed */
    PX_WORKSHEET_ADVANCED,  /* every supported exercise, more items, no hints */
} px_worksheet_level;

typedef struct px_worksheet_opts {
    uint64_t seed; /* fixes the order of the letters (Source A, B…) */
    px_worksheet_level level;
    bool reveal_outlets; /* name the outlets and keep the texts whole */
} px_worksheet_opts;

/* The most outlets a worksheet letters (A to Z). */
#define PX_WORKSHEET_MAX_SOURCES 26

/* Render the worksheet into sheet and its answer key into key (either may
 * be NULL) as self-contained HTML pages. Without reveal_outlets the
 * worksheet names no outlet: outlet names, bylines, URLs and
 * self-references are replaced in the texts. The same story and options
 * give byte-identical output. PX_EUSAGE for a story not analysed or with
 * fewer than 2 or more than PX_WORKSHEET_MAX_SOURCES outlets; PX_ELIMIT
 * when a buffer's cap is reached. */
PX_API px_status px_worksheet_render(const px_story *s, const px_worksheet_opts *o, px_buf *sheet,
                                     px_buf *key);
/* "intro", "standard", "advanced" → level; false when unknown. */
PX_API bool px_worksheet_level_parse(const char *name, px_worksheet_level *out);

#ifdef __cplusplus
}
#endif

#endif
