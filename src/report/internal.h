/*
 * report/internal.h — helpers shared by the renderers.
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

#endif
