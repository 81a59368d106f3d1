/*
 * parallax/story.h — one story, many outlets: the whole analysis.
 *
 * A px_story owns an arena; articles added to it are allocated in that arena
 * (ingest with px_story_arena()), and px_story_analyze runs text → align →
 * frame → compare over them. The results are read-only; renderers read them.
 * px_story_free releases everything at once.
 */
#ifndef PARALLAX_STORY_H
#define PARALLAX_STORY_H

#include "parallax/align.h"
#include "parallax/compare.h"
#include "parallax/fetch.h"
#include "parallax/frame.h"
#include "parallax/ingest.h"
#include "parallax/text.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Limits (README, "Limits"). A story holds at most PX_MAX_SOURCES sources
 * (the align stage keeps a fact's outlets in 64-bit sets). For comparison
 * its cleaned texts (headlines and bodies) hold at most PX_MAX_STORY_BYTES
 * in all, checked before the text stage (which needs about 30 bytes of
 * memory per byte of text in the worst case); then a source may hold at
 * most PX_MAX_SOURCE_SENTENCES sentences and a story PX_MAX_STORY_SENTENCES:
 * matching two outlets costs the product of their sentence counts in
 * memory and time, framing one score set per fact per outlet. Past any of
 * them px_story_analyze fails with PX_ELIMIT instead of running for hours
 * or out of memory. */
#define PX_MAX_SOURCES 64
#define PX_MAX_STORY_BYTES ((size_t)32 << 20)
#define PX_MAX_SOURCE_SENTENCES 2000
#define PX_MAX_STORY_SENTENCES 10000

typedef struct px_config {
    const px_lexset *lexicons; /* may be NULL: no framing scores */
    px_align_opts align;
} px_config;

typedef struct px_story {
    px_arena *arena;
    const char *id;
    const char *title;
    px_article **articles;
    size_t nsources;
    px_doc **docs; /* after analysis: one per article */
    px_alignment alignment;
    px_source_frame *frames; /* one per article */
    px_comparison compare;   /* every judgement a reader is shown */
    const px_lexset *lexicons;
    bool analyzed;
} px_story;

PX_API void px_config_defaults(px_config *c);
PX_API px_story *px_story_new(const char *id);
PX_API px_arena *px_story_arena(px_story *s);
/* Add an article allocated in the story's arena. Outlet ids are made unique
 * ("wire", "wire-2"). Fails past PX_MAX_SOURCES. */
PX_API px_status px_story_add(px_story *s, px_article *art, px_error *err);
/* Run the analysis; needs at least two articles. ctx may be NULL (one is
 * made for the call). PX_ELIMIT past the sentence limits above. */
PX_API px_status px_story_analyze(px_story *s, const px_config *cfg, px_text_ctx *ctx,
                                  px_error *err);
PX_API void px_story_free(px_story *s);

/* Loading a story (load.c): every kind of input, read one way.
 *
 * An input is a file (by its kind: .html/.htm page, .json/.jsonl records,
 * anything else pasted text), a story folder (its article files in name
 * order — not hidden files, story.json, READMEs, licences, gold files or
 * scripts — then its story.json), or an http(s)
 * URL. URL inputs and the "url" of records without "text" or "html" are
 * fetched before anything is ingested, all at once. */
typedef enum {
    PX_LOAD_CACHE_WARNING = 0, /* a page could not be written to the cache */
    PX_LOAD_SKIPPED,           /* a URL input failed and was left out (skip_failed) */
} px_load_event;

typedef struct px_load_opts {
    const char *id;               /* the story's id; NULL: the records' "story", else
                                   * the inputs' folder name, else "story" */
    const px_ingest_opts *ingest; /* furniture filter, size cap; NULL: none, the default cap */
    const px_fetch_opts *fetch;   /* how URLs are fetched; NULL: a URL input, or a record
                                   * with only a "url", is an error */
    bool skip_failed;             /* a URL input that fails is left out (PX_LOAD_SKIPPED) */
    const char *root;             /* file inputs are read at ROOT/INPUT and named INPUT in
                                   * origins and messages; NULL: read as given */
    /* Warnings, which never stop the load; NULL: dropped. */
    void (*warn)(void *ctx, px_load_event what, const px_error *e);
    void *warn_ctx;
} px_load_opts;

/* Load a story from n inputs: *out receives a new story (free it with
 * px_story_free) holding their articles in input order (outlet ids made
 * unique), each story folder's story.json applied. o may be NULL. On an
 * error *out is NULL. */
PX_API px_status px_story_load(px_story **out, const char *const *inputs, size_t n,
                               const px_load_opts *o, px_error *err);
/* The same inputs' articles without a story (no folders' story.json, no
 * limit on their number), into a. */
PX_API px_status px_load_articles(px_arena *a, const char *const *inputs, size_t n,
                                  const px_load_opts *o, px_article ***out, size_t *count,
                                  px_error *err);
/* The URLs px_story_load would fetch for these inputs, in order (arena). */
PX_API void px_load_urls(px_arena *a, const char *const *inputs, size_t n, const px_load_opts *o,
                         const char ***urls, size_t *count);

/* Apply a story.json (the metadata plain-text files cannot carry):
 *   {"title": "…", "sources": {"ID": {"name", "url", "date", "byline"}}}
 * every key optional. A source id the story lacks, a wrong type or bad JSON
 * is an error naming the file. */
PX_API px_status px_story_load_meta(px_story *s, const char *path, px_error *err);

/* Index of the source with this id, or -1. */
PX_API int px_story_source(const px_story *s, const char *id);
/* The outlet's display name (its id when it has none). */
PX_API const char *px_story_outlet(const px_story *s, uint32_t source);

/* Names and texts as the reports give them (analysed stories). */
/* "wire:s3" for body sentence 3 of outlet wire, "wire:h" for its headline. */
PX_API void px_story_sentence_id(const px_story *s, uint32_t source, uint32_t sent, char *out,
                                 size_t size);
/* The text of sentence sent of source, as a slice of its doc's text. */
PX_API const char *px_story_sentence(const px_story *s, uint32_t source, uint32_t sent,
                                     size_t *len);
/* "f1" for fact index 0. */
PX_API void px_story_fact_id(size_t f, char *out, size_t size);
/* The representative wording of a fact (a slice). */
PX_API const char *px_story_fact_text(const px_story *s, const px_fact *f, size_t *len);

#ifdef __cplusplus
}
#endif

#endif
