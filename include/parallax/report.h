/*
 * parallax/report.h — stage 6: the analysis → files.
 *
 * Renderers only read a px_story; each appends to a px_buf. JSON follows
 * schema 1 of DESIGN.md; HTML is one self-contained file; text is for the
 * terminal; CSV writes the fact matrix and the framing scores.
 */
#ifndef PARALLAX_REPORT_H
#define PARALLAX_REPORT_H

#include "parallax/story.h"

typedef struct px_report_opts {
    const char *command_line; /* recorded in the method notes, or NULL */
    bool color;               /* text: ANSI colours */
    int width;                /* text: columns (0 = 80) */
    bool compact;             /* json: no indentation (batch outputs) */
} px_report_opts;

PX_API px_status px_report_json(const px_story *s, const px_report_opts *o, px_buf *out);
PX_API px_status px_report_html(const px_story *s, const px_report_opts *o, px_buf *out);
PX_API px_status px_report_text(const px_story *s, const px_report_opts *o, px_buf *out);
PX_API px_status px_report_csv_facts(const px_story *s, const px_report_opts *o, px_buf *out);
PX_API px_status px_report_csv_scores(const px_story *s, const px_report_opts *o, px_buf *out);

/* Classroom worksheet and answer key (worksheet*.c): the articles with
 * numbered paragraphs and sentences, then exercises built only from what
 * the analysis supports (missing facts, word choice, who speaks, headline
 * and lead, conflicting details, a reflection), and a key with the answers,
 * their evidence and the outlets behind the letters. */
typedef enum {
    PX_WORKSHEET_INTRO = 0,    /* three guided exercises, with hints */
    PX_WORKSHEET_STANDARD,     /* every supported exercise, hints where needed */
    PX_WORKSHEET_ADVANCED,     /* every supported exercise, more items, no hints */
} px_worksheet_level;

typedef struct px_worksheet_opts {
    uint64_t seed;              /* fixes the order of the letters (Source A, B…) */
    px_worksheet_level level;
    bool reveal_outlets;        /* name the outlets and keep the texts whole */
} px_worksheet_opts;

/* Render the worksheet into sheet and its answer key into key (either may
 * be NULL). Without reveal_outlets the worksheet names no outlet: outlet
 * names, bylines, URLs and self-references are replaced in the texts. The
 * same story and options give byte-identical output. PX_ELIMIT when a
 * buffer's cap is reached. */
PX_API px_status px_report_worksheet(const px_story *s, const px_worksheet_opts *o,
                                     px_buf *sheet, px_buf *key);
/* "intro", "standard", "advanced" → level; false when unknown. */
PX_API bool px_worksheet_level_parse(const char *name, px_worksheet_level *out);

#endif
