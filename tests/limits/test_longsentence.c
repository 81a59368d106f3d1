/*
 * test_longsentence.c — bound: one sentence of 200,000 words.
 *
 * The splitter keeps it one sentence, the tokenizer keeps every word, and
 * a comparison with an ordinary article runs to the end: alignment and
 * framing cost grows with the words of the sentence, not their square.
 * The JSON report carries the sentence whole; every report format refuses
 * to grow past its cap (PX_ELIMIT, nothing kept) rather than cut it.
 */
#include "limits.h"

#define WORDS 200000

static void sentence_of_200000_words(void **state)
{
    (void)state;
    double t0 = limits_now();
    static const char *const words[] = {"council ", "bridge ", "mayor ",      "approved ",
                                        "river ",   "costs ",  "reportedly ", "million ",
                                        "said ",    "the "};
    px_buf b;
    px_buf_init(&b, 0);
    px_buf_puts(&b, "The longest sentence\n\n");
    size_t start = b.len;
    for (unsigned i = 0; i < WORDS; i++)
        px_buf_puts(&b, words[(i * 7u + i / 10u) % 10]);
    b.data[b.len - 1] = '.';
    size_t sentence = b.len - start;
    px_story *s = px_story_new("long");
    px_error err;
    assert_int_equal(limits_add(s, "long", b.data, b.len, &err), PX_OK);
    px_buf_free(&b);
    char *small = limits_article(px_story_arena(s), 3, 30);
    assert_int_equal(limits_add(s, "small", small, strlen(small), &err), PX_OK);
    assert_int_equal(px_story_analyze(s, NULL, NULL, &err), PX_OK);
    const px_doc *d = s->docs[0];
    assert_int_equal(d->nsents, 2); /* headline and the one sentence */
    assert_int_equal(d->sents[1].end - d->sents[1].start, sentence);
    assert_int_equal(d->sents[1].ntok, WORDS + 1); /* and the full stop */
    px_buf out;
    px_buf_init(&out, (size_t)256 << 20);
    assert_int_equal(px_report_json(s, NULL, &out), PX_OK);
    assert_true(out.len > sentence);
    px_buf_free(&out);
    /* a report past its cap is refused whole, never cut (every format that
     * holds the text: the CSV tables give sentence ids, not sentences) */
    px_status (*const fns[])(const px_story *, const px_report_opts *,
                             px_buf *) = {px_report_json, px_report_html, px_report_text};
    for (size_t i = 0; i < sizeof fns / sizeof *fns; i++) {
        px_buf_init(&out, sentence / 2);
        assert_int_equal(fns[i](s, NULL, &out), PX_ELIMIT);
        assert_true(out.toobig && out.data == NULL && out.len == 0);
        px_buf_free(&out);
    }
    px_story_free(s);
    limits_report("a sentence of 200,000 words, compared and reported", t0, 256);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(sentence_of_200000_words),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
