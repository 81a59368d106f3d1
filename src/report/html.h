/*
 * report/html.h — what the HTML renderer's files share: escaping helpers,
 * anchors, and the annotated rendering of one sentence (lexicon hits,
 * inserted and removed words, conflicting values).
 *
 * Anchors are built from indexes, never from outlet ids, so no input byte
 * ever reaches an id or href: o2 is the second outlet's article, o2s5 its
 * fifth body sentence, o2h its headline, f3 the third fact's section, x3
 * the matrix row that shows f3's sentences, ev-o2-l1-c0 an evidence list.
 */
#ifndef PX_REPORT_HTML_H
#define PX_REPORT_HTML_H

#include <stdio.h>
#include <string.h>

#include "report/internal.h"

#define ESC(b, s) px_html_escape((b), (s), strlen(s))

/* The stylesheet (src/report/report.css, embedded at build time). */
extern const char px_embed_report_css[];
extern const size_t px_embed_report_css_len;

/* Text, or a link when url is http(s); anything else stays text. */
void html_url(px_buf *b, const char *url);
/* Anchor id of a sentence: "o2s5" or "o2h". */
void html_sentence_anchor(const px_story *s, uint32_t src, uint32_t sent, char *out, size_t size);
/* <a href="#o2s5">wire:s5</a> (the label is the JSON sentence id, or
 * "headline"). */
void html_sentence_link(const px_story *s, px_buf *b, uint32_t src, uint32_t sent);
/* <a href="#f3">f3</a> */
void html_fact_link(px_buf *b, size_t fact);

/* How to render a sentence. */
typedef struct html_sent_opts {
    bool hits;             /* highlight lexicon hits */
    bool labels;           /* show each hit's category after it */
    const px_diff_op *ops; /* word diff against base (NULL: none) */
    size_t nops;
    uint32_t base_src;                  /* the diff's base sentence (for removed words) */
    const char *const *conflict_values; /* values to call out, or NULL */
    size_t nconflict_values;
} html_sent_opts;
/* The escaped text of sentence sent of src with the marks asked for. */
void html_sentence(const px_story *s, px_buf *b, uint32_t src, uint32_t sent,
                   const html_sent_opts *o);
/* One sample mark per lexicon marked in the text, in its style. */
void html_highlight_key(const px_story *s, px_buf *b);
/* The title of a lexicon hit: "Loaded language: label; neutral: …". */
void html_hit_title(const px_story *s, px_buf *b, const px_hit *h);

/* A folded section: <section><details><summary><h2 id=ID>TITLE</h2> NOTE
 * (plain text, may be NULL)</summary> … html_fold_close. Closed, it prints
 * as its one summary line, unless the report prints in full. */
void html_fold_open(px_buf *b, const char *id, const char *title, const char *note);
void html_fold_close(px_buf *b);

/* Sections, in page order: the summary, then the folded ones. */
void html_glance(const px_story *s, px_buf *b);
/* An outlet's name, linking to its article, and its headline (html.c). */
void html_outlet_head(const px_story *s, px_buf *b, uint32_t i);
/* Each outlet's value of a conflicting detail, the first after sep, the
 * others after " · " (html_facts.c). */
void html_conflict_values(const px_story *s, px_buf *b, const px_conflict *c, const char *sep);
void html_matrix(const px_story *s, px_buf *b, const size_t *order);
void html_facts(const px_story *s, px_buf *b, const size_t *order);
void html_framing(const px_story *s, px_buf *b);
void html_articles(const px_story *s, px_buf *b);

#endif
