/*
 * fuzz_lexicon.c — the lexicon loaders: every input is parsed as a TSV
 * lexicon and as a LIWC-style .dic dictionary (px_lexicon_parse picks the
 * format by the name). A lexicon that loads is then matched against a
 * short article analysed once per process, so entries the loaders accept
 * (phrases, prefixes, stems, odd categories) reach the matcher too. Every
 * entry must name a category that exists, and every hit must lie inside
 * the article and name an entry of the lexicon.
 */
#include <pthread.h>
#include <string.h>

#include "fuzz/harness.h"

static const char article[] =
    "Officials reportedly said the deal was clearly a disaster, according to "
    "a source familiar with the talks.\n\nThe senator claimed, without evidence, "
    "that 2,000 protesters had allegedly stormed the building. Critics slammed "
    "the anti-immigration bill as a radical, un-American attack.\n\n\"We will "
    "not back down,\" the mayor insisted. It may appear that prices rose about "
    "5 percent; experts warn it could be worse.";

static pthread_once_t once = PTHREAD_ONCE_INIT;
static px_arena *doc_arena;
static px_doc *doc;

static void analyse(void)
{
    doc_arena = px_arena_new();
    px_text_ctx *ctx = px_text_ctx_new();
    px_error err;
    if (px_text_analyze(doc_arena, ctx, "Talks collapse amid fury", article, strlen(article), &doc,
                        &err) != PX_OK)
        abort();
    px_text_ctx_free(ctx);
}

static void check_lexicon(const px_lexicon *l)
{
    FUZZ_CHECK(l->name && l->nentries > 0);
    for (size_t i = 0; i < l->nentries; i++) {
        const px_lex_entry *e = &l->entries[i];
        FUZZ_CHECK(e->term && e->nwords >= 1 && e->category < l->ncategories);
        for (uint32_t w = 0; w < e->nwords; w++)
            FUZZ_CHECK(e->words[w] != NULL);
    }
}

static void match(px_lexicon *l)
{
    pthread_once(&once, analyse);
    size_t nentries = l->nentries;
    px_lexset *set = px_lexset_new();
    px_lexset_add(set, l);
    px_arena *a = px_arena_new();
    px_hit *hits;
    size_t n = px_frame_match(a, set, doc, &hits);
    for (size_t i = 0; i < n; i++) {
        FUZZ_CHECK(hits[i].lexicon == 0 && hits[i].entry < nentries);
        FUZZ_CHECK(hits[i].start < hits[i].end && hits[i].end <= doc->len);
        FUZZ_CHECK(hits[i].tok + hits[i].ntok <= doc->ntoks);
        FUZZ_CHECK(i == 0 || hits[i - 1].start <= hits[i].start);
    }
    px_arena_free(a);
    px_lexset_free(set);
}

static void load_as(const char *name, const uint8_t *data, size_t size)
{
    px_lexicon *l = NULL;
    px_error err;
    if (px_lexicon_parse(name, (const char *)data, size, &l, &err) == PX_OK) {
        check_lexicon(l);
        match(l);
    } else {
        FUZZ_CHECK(l == NULL && err.message[0]);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    load_as("fuzz.tsv", data, size);
    load_as("fuzz.dic", data, size);
    return 0;
}
