/*
 * frame_support.h — helpers for the frame tests: lexicons and lexicon sets
 * from strings written in the test, and the hits of one lexicon in a doc.
 */
#ifndef PX_TEST_FRAME_SUPPORT_H
#define PX_TEST_FRAME_SUPPORT_H

#include "support.h"

/* Parse a lexicon from a string; name decides the format (.tsv or .dic). */
static inline px_status lex_parse(const char *name, const char *text, px_lexicon **out,
                                  px_error *err)
{
    return px_lexicon_parse(name, text, strlen(text), out, err);
}

/* A set of one lexicon that must load. */
static inline px_lexset *lexset_of(const char *name, const char *text)
{
    px_lexicon *l = NULL;
    px_error err = {0};
    px_status st = lex_parse(name, text, &l, &err);
    if (st != PX_OK)
        fail_msg("%s: %s:%zu: %s", name, err.file, err.line, err.message);
    px_lexset *s = px_lexset_new();
    px_lexset_add(s, l);
    return s;
}

/* The text of hit i of doc d, NUL-terminated in the arena. */
static inline const char *hit_text(px_arena *a, const px_doc *d, const px_hit *h)
{
    return px_arena_strndup(a, d->text + h->start, h->end - h->start);
}

/* The category of a hit. */
static inline const char *hit_category(const px_lexset *s, const px_hit *h)
{
    const px_lexicon *l = px_lexset_get(s, h->lexicon);
    return l->categories[l->entries[h->entry].category];
}

/* The hits of set in body (no headline), with the doc. */
static inline size_t hits_in(px_arena *a, px_text_ctx *ctx, const px_lexset *set, const char *body,
                             px_doc **doc, px_hit **hits)
{
    *doc = test_doc(a, ctx, NULL, body);
    return px_frame_match(a, set, *doc, hits);
}

#endif
