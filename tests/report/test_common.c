/* Unit tests of the renderers' accessors (src/report/common.c): a fact's
 * status and position in each outlet, headline matches, row order,
 * speakers, lexicon order and labels. */
#include "fixture.h"
#include "report/internal.h"

static void status_and_position(void **state)
{
    (void)state;
    px_lexset *lex;
    px_story *s = fixture_story(&lex);
    int beams = fixture_fact(s, "cracked beams"), crit = fixture_fact(s, "Critics slammed");
    assert_true(beams >= 0 && crit >= 0);
    assert_int_equal(px_report_fact_status(s, (size_t)beams, 0), PX_STATUS_CONFLICT);
    assert_int_equal(px_report_fact_status(s, (size_t)beams, 1), PX_STATUS_CONFLICT);
    assert_int_equal(px_report_fact_status(s, (size_t)beams, 2), PX_STATUS_OMITS);
    /* one outlet alone carries the criticism: the others just do not, no omission */
    assert_int_equal(px_report_fact_status(s, (size_t)crit, 1), PX_STATUS_CARRIES);
    assert_int_equal(px_report_fact_status(s, (size_t)crit, 0), PX_STATUS_ABSENT);
    assert_true(px_report_fact_unique(s, (size_t)crit));
    assert_false(px_report_fact_unique(s, (size_t)beams));
    assert_string_equal(px_report_fact_where(s, (size_t)beams, 0), "lead");
    assert_null(px_report_fact_where(s, (size_t)beams, 2));
    px_story_free(s);
    px_lexset_free(lex);
}

static void headlines_state_facts(void **state)
{
    (void)state;
    px_lexset *lex;
    px_story *s = fixture_story(&lex);
    /* all three headlines state the closure: "closes", "closed", and "shut"
     * (a synonym the aligner knows) */
    int closed = fixture_fact(s, "was closed on Monday");
    uint64_t h = px_report_headlines(s, &s->alignment.facts[closed]);
    assert_int_equal(h, (1u << 0) | (1u << 1) | (1u << 2));
    assert_string_equal(px_report_fact_where(s, (size_t)closed, 0), "headline");
    int beams = fixture_fact(s, "cracked beams");
    assert_int_equal(px_report_headlines(s, &s->alignment.facts[beams]), 0);
    px_story_free(s);
    px_lexset_free(lex);
}

static void rows_and_sentences(void **state)
{
    (void)state;
    px_lexset *lex;
    px_story *s = fixture_story(&lex);
    size_t *order = px_report_fact_order(s);
    for (size_t r = 1; r < s->alignment.nfacts; r++)
        assert_true(s->alignment.facts[order[r - 1]].nmentions >=
                    s->alignment.facts[order[r]].nmentions);
    assert_int_equal(s->alignment.facts[order[0]].nmentions, 3);
    free(order);
    int beams = fixture_fact(s, "cracked beams");
    int sent = fixture_sentence(s, 0, "cracked beams");
    uint32_t facts[4];
    assert_int_equal(px_report_sentence_facts(s, 0, (uint32_t)sent, facts, 4), 1);
    assert_int_equal(facts[0], (uint32_t)beams);
    assert_int_equal(px_report_conflict_count(s), 1);
    px_story_free(s);
    px_lexset_free(lex);
}

static void speakers_once_each(void **state)
{
    (void)state;
    px_lexset *lex;
    px_story *s = fixture_story(&lex);
    px_report_speaker *sp;
    size_t n = px_report_speakers(s, 0, &sp);
    /* north: "city officials said" and "Mayor Ana Ruiz said" */
    bool mayor = false;
    for (size_t k = 0; k < n; k++)
        if (sp[k].len >= 8 && !memcmp(sp[k].text + sp[k].len - 8, "Ana Ruiz", 8)) {
            mayor = true;
            assert_false(sp[k].anonymous);
            assert_int_equal(sp[k].count, 1);
        }
    assert_true(mayor);
    free(sp);
    px_story_free(s);
    px_lexset_free(lex);
}

static void lexicon_labels(void **state)
{
    (void)state;
    px_lexset *lex;
    px_story *s = fixture_story(&lex);
    const px_lexicon *L = px_lexset_get(s->lexicons, 0);
    /* a lexicon we do not ship: its own name, marked in the text, no "most" */
    assert_string_equal(px_report_lexicon_label(L), "testloaded");
    assert_null(px_report_lexicon_most(L));
    assert_true(px_report_lexicon_inline(s, 0));
    assert_true(px_report_tops(s, 1, 0));  /* south has the only hits */
    assert_false(px_report_tops(s, 0, 0));
    /* ... one word in narration: it tops, but not clearly, and the reading
     * says there is no clear difference rather than give one */
    bool clear = true;
    assert_int_equal(px_report_top(s, 0, PX_FIG_ALL, &clear), 1);
    assert_false(clear);
    px_buf t;
    px_buf_init(&t, 0);
    px_report_reading(&t, s, 1, 0, PX_FIG_ALL, false);
    assert_non_null(strstr(t.data, "no clear difference in testloaded from the others"));
    assert_non_null(strstr(t.data, "95% interval"));
    assert_null(strstr(t.data, "more "));
    px_buf_free(&t);
    /* no directions in this lexicon: no slant */
    assert_null(px_report_contrast(s, 1, 0, PX_FIG_SLANT));
    size_t n;
    size_t *order = px_report_lexicon_order(s, &n);
    assert_int_equal(n, 1);
    assert_int_equal(order[0], 0);
    free(order);
    px_story_free(s);
    px_lexset_free(lex);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(status_and_position),
        cmocka_unit_test(headlines_state_facts),
        cmocka_unit_test(rows_and_sentences),
        cmocka_unit_test(speakers_once_each),
        cmocka_unit_test(lexicon_labels),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
