/*
 * fuzz_text.c — pasted plain text: the furniture filter, then the text
 * stage (sentence splitter, tokenizer, numbers, quotations, names).
 *
 * The input goes through px_ingest_text (UTF-8 check, headline, furniture
 * filter) and the article through px_text_analyze; the raw input, cleaned,
 * also goes through px_text_split and px_text_tokens on their own, as the
 * `sentences` command and the lexicon matcher use them. Every span must
 * stay inside its text, in order.
 */
#include <string.h>

#include "fuzz/harness.h"

static void split_alone(px_arena *a, px_text_ctx *ctx, const uint8_t *data, size_t size)
{
    size_t n;
    char *clean = px_utf8_clean(a, (const char *)data, size, &n);
    fuzz_check_utf8(clean, n);
    px_span *sp;
    size_t ns = px_text_split(a, clean, n, &sp);
    fuzz_check_spans(sp, ns, n);
    for (size_t i = 0; i < ns; i++)
        FUZZ_CHECK(i == 0 || sp[i - 1].end <= sp[i].start);
    px_token *toks;
    size_t nt = px_text_tokens(a, ctx, clean, n, &toks);
    for (size_t i = 0; i < nt; i++)
        FUZZ_CHECK(toks[i].start < toks[i].end && toks[i].end <= n);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    px_ingest_opts o = {.furniture = fuzz_furniture()};
    px_arena *a = px_arena_new();
    px_text_ctx *ctx = px_text_ctx_new();
    px_article *art = NULL;
    px_error err;
    px_status st = px_ingest_text(a, (const char *)data, size, "pasted.txt", &o, &art, &err);
    if (st == PX_OK) {
        fuzz_check_article(art);
        px_doc *d = NULL;
        st = px_text_analyze(a, ctx, art->title, art->body, art->body_len, &d, &err);
        FUZZ_CHECK(st == PX_OK || st == PX_ELIMIT);
        if (st == PX_OK)
            fuzz_check_doc(d);
    } else {
        FUZZ_CHECK(art == NULL && err.message[0]);
    }
    split_alone(a, ctx, data, size);
    px_text_ctx_free(ctx);
    px_arena_free(a);
    return 0;
}
