/*
 * test_sentences.c — bounds: 1,000,000 one-word sentences, and the
 * sentence limits of a comparison.
 *
 * The text stage takes a million sentences in linear time and memory and
 * keeps every one; a comparison refuses a source of more than
 * PX_MAX_SOURCE_SENTENCES with a clear error (matching two outlets costs
 * the product of their sentence counts), and takes one of exactly that
 * many.
 */
#include "limits.h"

#define MILLION 1000000

static void million_one_word_sentences(void **state)
{
    (void)state;
    double t0 = limits_now();
    size_t n = strlen("Headline\n\n") + (size_t)MILLION * 5;
    char *text = limits_repeat("Headline\n\n", "Yes. ", n);
    px_arena *a = px_arena_new();
    px_article *art;
    px_error err;
    assert_int_equal(px_ingest_text(a, text, n, "million.txt", NULL, &art, &err), PX_OK);
    free(text);
    px_span *sp;
    assert_int_equal(px_text_split(a, art->body, art->body_len, &sp), MILLION);
    px_text_ctx *ctx = px_text_ctx_new();
    px_doc *d;
    assert_int_equal(px_text_analyze(a, ctx, art->title, art->body, art->body_len, &d, &err),
                     PX_OK);
    px_text_ctx_free(ctx);
    assert_int_equal(d->nsents, MILLION + 1); /* and the headline */
    assert_int_equal(d->ntoks, 2 * MILLION + 1);
    limits_report("1,000,000 one-word sentences, text stage", t0, 768);

    t0 = limits_now();
    px_story *s = px_story_new("million");
    assert_int_equal(px_story_add(s, art, &err), PX_OK);
    char *small = limits_article(px_story_arena(s), 1, 10);
    assert_int_equal(limits_add(s, "small", small, strlen(small), &err), PX_OK);
    assert_int_equal(px_story_analyze(s, NULL, NULL, &err), PX_ELIMIT);
    assert_string_equal(err.file, "million.txt");
    assert_non_null(strstr(err.message, "1000001 sentences: a source compared holds at most"));
    px_story_free(s);
    px_arena_free(a);
    limits_report("1,000,000 one-word sentences, compared", t0, 1024);
}

/* A source of exactly PX_MAX_SOURCE_SENTENCES sentences (its headline
 * counted) is compared; one more is refused. */
static void source_sentence_limit(void **state)
{
    (void)state;
    double t0 = limits_now();
    for (int extra = 0; extra <= 1; extra++) {
        px_story *s = px_story_new("edge");
        px_arena *a = px_story_arena(s);
        px_error err;
        char *big = limits_article(a, 7, PX_MAX_SOURCE_SENTENCES - 1 + extra);
        char *small = limits_article(a, 8, 40);
        assert_int_equal(limits_add(s, "big", big, strlen(big), &err), PX_OK);
        assert_int_equal(limits_add(s, "small", small, strlen(small), &err), PX_OK);
        px_status st = px_story_analyze(s, NULL, NULL, &err);
        assert_int_equal(st, extra ? PX_ELIMIT : PX_OK);
        if (!extra)
            assert_int_equal(s->docs[0]->nsents, PX_MAX_SOURCE_SENTENCES);
        px_story_free(s);
    }
    limits_report("a source of 2,000 sentences against one of 40", t0, 128);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(source_sentence_limit), /* first: peaks only grow */
        cmocka_unit_test(million_one_word_sentences),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
