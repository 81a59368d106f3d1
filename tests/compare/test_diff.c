/* Unit tests of the word diff (src/compare/diff.c): words compared by their
 * folded form, punctuation left out, removals before insertions, and long
 * sentences left whole. */
#include "report/fixture.h"

/* The diff as a string: "=word", "+word", "-word" joined by spaces. */
static char *diff_string(const px_story *s, uint32_t bsrc, uint32_t bsent, uint32_t vsrc,
                         uint32_t vsent)
{
    px_diff_op *ops;
    size_t n = px_compare_diff(s->docs[bsrc], bsent, s->docs[vsrc], vsent, &ops);
    px_buf b;
    px_buf_init(&b, 0);
    for (size_t k = 0; k < n; k++) {
        const px_doc *d = s->docs[ops[k].kind == PX_DIFF_DEL ? bsrc : vsrc];
        const px_token *t = &d->toks[ops[k].tok];
        px_buf_printf(&b, "%s%c%.*s", k ? " " : "", "=+-"[ops[k].kind], (int)(t->end - t->start),
                      d -> text + t -> start);
    }
    free(ops);
    return b.data ? px_buf_detach(&b, NULL) : px_xstrdup("");
}

static void changed_number_and_added_word(void **state)
{
    (void)state;
    px_lexset *lex;
    px_story *s = fixture_story(&lex);
    int n1 = fixture_sentence(s, 0, "12 cracked"), s1 = fixture_sentence(s, 1, "15 cracked");
    char *d = diff_string(s, 0, (uint32_t)n1, 1, (uint32_t)s1);
    assert_string_equal(d, "=Engineers =found -12 +15 =cracked =beams =during =an =inspection "
                           "=of =the =bridge");
    free(d);
    n1 = fixture_sentence(s, 0, "was closed");
    s1 = fixture_sentence(s, 1, "was closed");
    d = diff_string(s, 0, (uint32_t)n1, 1, (uint32_t)s1);
    assert_string_equal(d, "=The =Harlow =Bridge =was =closed =on =Monday =after =a +violent "
                           "=storm =damaged =its =deck -city =officials =said");
    free(d);
    px_story_free(s);
    px_lexset_free(lex);
}

static void same_sentence_all_same(void **state)
{
    (void)state;
    px_lexset *lex;
    px_story *s = fixture_story(&lex);
    int n = fixture_sentence(s, 0, "Ferries"), e = fixture_sentence(s, 2, "Ferries");
    px_diff_op *ops;
    size_t k = px_compare_diff(s->docs[0], (uint32_t)n, s->docs[2], (uint32_t)e, &ops);
    assert_int_equal(k, 9);
    for (size_t i = 0; i < k; i++)
        assert_int_equal(ops[i].kind, PX_DIFF_SAME);
    free(ops);
    px_story_free(s);
    px_lexset_free(lex);
}

static void case_is_folded(void **state)
{
    (void)state;
    static const char *const texts[] = {
        "a",
        "Title one\n\nTHE MAYOR SPOKE ON FRIDAY.",
        "b",
        "Title two\n\nThe mayor spoke on Friday evening.",
    };
    px_story *s = test_story(texts, 2);
    assert_int_equal(px_story_analyze(s, NULL, NULL, NULL), PX_OK);
    char *d = diff_string(s, 0, 1, 1, 1);
    assert_string_equal(d, "=The =mayor =spoke =on =Friday +evening");
    free(d);
    px_story_free(s);
}

static void long_sentences_are_not_diffed(void **state)
{
    (void)state;
    px_buf a, b;
    px_buf_init(&a, 0);
    px_buf_init(&b, 0);
    px_buf_puts(&a, "Long one\n\n");
    px_buf_puts(&b, "Long two\n\n");
    for (int i = 0; i < PX_DIFF_MAX_WORDS + 50; i++) {
        px_buf_printf(&a, "word%d ", i);
        px_buf_printf(&b, "word%d ", i + 1);
    }
    px_buf_puts(&a, "end.");
    px_buf_puts(&b, "end.");
    const char *texts[] = {"a", a.data, "b", b.data};
    px_story *s = test_story(texts, 2);
    assert_int_equal(px_story_analyze(s, NULL, NULL, NULL), PX_OK);
    px_diff_op *ops = (px_diff_op *)&ops;
    assert_int_equal(px_compare_diff(s->docs[0], 1, s->docs[1], 1, &ops), 0);
    assert_null(ops);
    px_story_free(s);
    px_buf_free(&a);
    px_buf_free(&b);
}

/* The compare result holds each version's diff against the representative,
 * and says when a version is worded too differently for a diff to help. */
static void cells_hold_the_diff(void **state)
{
    (void)state;
    px_lexset *lex;
    px_story *s = fixture_story(&lex);
    int beams = fixture_fact(s, "cracked beams");
    const px_fact *f = &s->alignment.facts[beams];
    uint32_t rep = f->mentions[f->rep].source, other = rep == 0 ? 1 : 0;
    const px_cell *rc = px_compare_cell(&s->compare, (size_t)beams, rep);
    const px_cell *oc = px_compare_cell(&s->compare, (size_t)beams, other);
    assert_null(rc->diff); /* the representative is not diffed against itself */
    assert_non_null(oc->diff);
    assert_true(oc->diff_readable); /* "12" against "15", the rest the same */
    size_t ins = 0, del = 0;
    for (size_t k = 0; k < oc->ndiff; k++) {
        ins += oc->diff[k].kind == PX_DIFF_INS;
        del += oc->diff[k].kind == PX_DIFF_DEL;
    }
    assert_int_equal(ins, 1);
    assert_int_equal(del, 1);
    px_story_free(s);
    px_lexset_free(lex);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(changed_number_and_added_word),
        cmocka_unit_test(same_sentence_all_same),
        cmocka_unit_test(case_is_folded),
        cmocka_unit_test(long_sentences_are_not_diffed),
        cmocka_unit_test(cells_hold_the_diff),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
