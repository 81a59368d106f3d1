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

#ifdef __cplusplus
extern "C" {
#endif

typedef struct px_report_opts {
    const char *command_line; /* recorded in the method notes, or NULL */
    bool color;               /* text: ANSI colours */
    int width;                /* text: columns (0 = 80) */
    bool compact;             /* json: no indentation (batch outputs) */
    bool lean;                /* json: the lean form (no text twice, evidence as
                               * offsets; compact); csv: unused */
    const char *story;        /* csv: the story column's value (NULL: the story's id) */
    bool print_full;          /* html: print every folded section, not only the
                               * summary and the sections the reader opened */
} px_report_opts;

PX_API px_status px_report_json(const px_story *s, const px_report_opts *o, px_buf *out);
PX_API px_status px_report_html(const px_story *s, const px_report_opts *o, px_buf *out);
PX_API px_status px_report_text(const px_story *s, const px_report_opts *o, px_buf *out);
PX_API px_status px_report_csv_facts(const px_story *s, const px_report_opts *o, px_buf *out);
PX_API px_status px_report_csv_scores(const px_story *s, const px_report_opts *o, px_buf *out);
/* outlet_story.csv: one row per outlet, a column per framing key and voice
 * (doc/codebook.md). */
PX_API px_status px_report_csv_outlets(const px_story *s, const px_report_opts *o, px_buf *out);

/* Are a lexicon's hits word choice, marked in the running text (loaded
 * language, hedges, attribution verbs, vague sourcing, subjectivity, and
 * any lexicon we do not ship), or a topic or valence list that is only
 * charted (tone, policy frames)? The worksheet asks word-choice questions
 * only of the former. */
PX_API bool px_report_lexicon_marked(const px_lexicon *l);

#ifdef __cplusplus
}
#endif

#endif
