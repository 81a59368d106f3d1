/*
 * support.h — helpers for the unit tests: cmocka, plus building documents
 * and stories from strings written in the test.
 */
#ifndef PX_TEST_SUPPORT_H
#define PX_TEST_SUPPORT_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "parallax/parallax.h"
#include "util/toolbox.h"

/* A doc from a headline and body (body may be a literal). */
static inline px_doc *test_doc(px_arena *a, px_text_ctx *ctx, const char *title, const char *body)
{
    px_doc *d = NULL;
    size_t n;
    char *clean = px_utf8_clean(a, body, strlen(body), &n);
    assert_int_equal(px_text_analyze(a, ctx, title, clean, n, &d, NULL), PX_OK);
    return d;
}

/* The text of sentence i of d, NUL-terminated in the arena. */
static inline const char *test_sentence(px_arena *a, const px_doc *d, size_t i)
{
    return px_arena_strndup(a, d->text + d->sents[i].start, d->sents[i].end - d->sents[i].start);
}

/* A story of plain-text articles: pairs of (id, "headline\n\nbody"). */
static inline px_story *test_story(const char *const *texts, size_t n)
{
    px_story *s = px_story_new("test");
    px_furniture *f = px_furniture_default();
    px_ingest_opts o = {.furniture = f};
    for (size_t i = 0; i < n; i++) {
        px_article *art;
        px_error err;
        assert_int_equal(px_ingest_text(px_story_arena(s), texts[2 * i + 1],
                                        strlen(texts[2 * i + 1]), texts[2 * i], &o, &art, &err),
                         PX_OK);
        assert_int_equal(px_story_add(s, art, &err), PX_OK);
    }
    px_furniture_free(f);
    return s;
}

#endif
