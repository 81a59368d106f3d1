/* Unit tests of tokens, quantities, quotations and attributions
 * (src/text/token.c, numbers.c, quotes.c). */
#include "support.h"

static px_text_ctx *ctx;

static int setup(void **state)
{
    (void)state;
    ctx = px_text_ctx_new();
    return ctx ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    px_text_ctx_free(ctx);
    return 0;
}

static void tokens_fold_and_stem(void **state)
{
    (void)state;
    px_arena *a = px_arena_new();
    px_doc *d = test_doc(a, ctx, NULL, "Officials didn\xE2\x80\x99t discuss the U.S. talks.");
    assert_string_equal(d->toks[0].fold, "officials");
    assert_string_equal(d->toks[0].stem, "offici");
    assert_true(d->toks[0].flags & PX_TOK_CAPITAL);
    assert_string_equal(d->toks[1].fold, "didn't");
    assert_true(d->toks[1].flags & PX_TOK_NEGATION);
    assert_string_equal(d->toks[4].fold, "u.s.");
    assert_true(d->toks[3].flags & PX_TOK_STOP);
    assert_int_equal(d->words, 6);
    px_arena_free(a);
}

static const px_quantity *qty(const px_doc *d, px_qty_kind k)
{
    for (size_t i = 0; i < d->nqty; i++)
        if (d->qty[i].kind == k)
            return &d->qty[i];
    return NULL;
}

static void durations_are_minutes(void **state)
{
    (void)state;
    static const struct {
        const char *text;
        double minutes;
        int bound;
    } cases[] = {
        {"The call lasted two hours and one minute.", 121, 0},
        {"They spoke for 121 minutes.", 121, 0},
        {"It was a two-hour call.", 120, 0},
        {"They talked for about an hour and a half.", 90, 0},
        {"It ran for more than two hours.", 120, 1},
        {"It ran for nearly 90 minutes.", 90, -1},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        px_arena *a = px_arena_new();
        px_doc *d = test_doc(a, ctx, NULL, cases[i].text);
        const px_quantity *q = qty(d, PX_QTY_DURATION);
        if (!q)
            fail_msg("no duration in \"%s\"", cases[i].text);
        if (q->value != cases[i].minutes || q->bound != cases[i].bound)
            fail_msg("\"%s\": %g minutes, bound %d", cases[i].text, q->value, q->bound);
        px_arena_free(a);
    }
}

static void counts_dates_and_percentages(void **state)
{
    (void)state;
    px_arena *a = px_arena_new();
    px_doc *d = test_doc(a, ctx, NULL,
                         "As many as 175,000 troops gathered by Dec. 7. Prices rose 2.5 percent. "
                         "The summit is on 7 December 2021.");
    const px_quantity *c = qty(d, PX_QTY_COUNT);
    assert_non_null(c);
    assert_true(c->value == 175000);
    assert_string_equal(c->unit, "troop");
    assert_true(c->approx);
    const px_quantity *date = qty(d, PX_QTY_DATE);
    assert_non_null(date);
    assert_true(date->value == 1207);
    const px_quantity *p = qty(d, PX_QTY_PERCENT);
    assert_non_null(p);
    assert_true(p->value == 2.5);
    px_arena_free(a);
}

static void tallies_money_and_counted_nouns(void **state)
{
    (void)state;
    static const struct {
        const char *text;
        px_qty_kind kind;
        double value;
        const char *unit;
    } cases[] = {
        {"The council voted 6-3 on Tuesday.", PX_QTY_TALLY, 6003, NULL},
        {"The council voted seven to two on Tuesday.", PX_QTY_TALLY, 7002, NULL},
        {"The repairs will cost 48 million dollars.", PX_QTY_MONEY, 48e6, "usd"},
        {"The repairs will cost $48 million.", PX_QTY_MONEY, 48e6, "usd"},
        {"The town warned all 40,000 of its residents.", PX_QTY_COUNT, 40000, "resid"},
        {"The town warned its 40,000 residents.", PX_QTY_COUNT, 40000, "resid"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        px_arena *a = px_arena_new();
        px_doc *d = test_doc(a, ctx, NULL, cases[i].text);
        const px_quantity *q = qty(d, cases[i].kind);
        if (!q)
            fail_msg("no quantity of kind %d in \"%s\"", (int)cases[i].kind, cases[i].text);
        if (q->value != cases[i].value)
            fail_msg("\"%s\": %g", cases[i].text, q->value);
        if (cases[i].unit && (!q->unit || strcmp(q->unit, cases[i].unit) != 0))
            fail_msg("\"%s\": unit %s", cases[i].text, q->unit ? q->unit : "(none)");
        px_arena_free(a);
    }
    /* a range of hours and a 10-year plan are no tallies */
    px_arena *a = px_arena_new();
    px_doc *d = test_doc(a, ctx, NULL, "Talks may take two to three hours. It is a 5-10 plan.");
    assert_null(qty(d, PX_QTY_TALLY));
    px_arena_free(a);
}

static void quotations_and_voice(void **state)
{
    (void)state;
    px_arena *a = px_arena_new();
    px_doc *d =
        test_doc(a, ctx, NULL,
                 "The minister said \xE2\x80\x9Cthis is a disgrace\xE2\x80\x9D on Tuesday.\n\n"
                 "\"We will respond.\n\n\"We are ready,\" he added.");
    assert_int_equal(d->nquotes, 3);
    size_t disgrace = 0;
    for (size_t i = 0; i < d->ntoks; i++)
        if (strcmp(d->toks[i].fold, "disgrace") == 0)
            disgrace = i;
    assert_true(d->toks[disgrace].flags & PX_TOK_QUOTED);
    assert_false(d->toks[0].flags & PX_TOK_QUOTED);
    /* the quote left open at a paragraph end continues into the next one */
    assert_true(d->sents[1].quoted > 0.9);
    px_arena_free(a);
}

static void attributions_find_speakers(void **state)
{
    (void)state;
    px_arena *a = px_arena_new();
    px_doc *d = test_doc(a, ctx, NULL,
                         "Biden warned of sanctions, the White House said. "
                         "The call was requested by Moscow, according to two officials familiar "
                         "with the talks. Jake Sullivan told reporters the talks were direct.");
    assert_int_equal(d->nattrs, 3);
    char speaker[64];
    snprintf(speaker, sizeof speaker, "%.*s",
             (int)(d->attrs[0].speaker_end - d->attrs[0].speaker_start),
             d->text + d->attrs[0].speaker_start);
    assert_string_equal(speaker, "the White House");
    assert_false(d->attrs[0].anonymous);
    assert_true(d->attrs[1].anonymous);
    assert_false(d->attrs[2].anonymous);
    /* a name and an appositive between commas before the verb */
    px_doc *d2 = test_doc(a, ctx, NULL,
                          "The library will close early, Tom Baker, the head librarian, said.");
    assert_int_equal(d2->nattrs, 1);
    snprintf(speaker, sizeof speaker, "%.*s",
             (int)(d2->attrs[0].speaker_end - d2->attrs[0].speaker_start),
             d2->text + d2->attrs[0].speaker_start);
    assert_string_equal(speaker, "Tom Baker, the head librarian");
    px_arena_free(a);
}

static void datelines_are_found(void **state)
{
    (void)state;
    static const struct {
        const char *body, *dateline;
    } cases[] = {
        {"WASHINGTON \xE2\x80\x94 The talks ended on Tuesday.", "WASHINGTON \xE2\x80\x94"},
        {"NEW YORK (Reuters) - Stocks fell.", "NEW YORK (Reuters) -"},
        {"LONDON, Dec. 7 -- Talks ended.", NULL}, /* a date is no dateline of ours */
        {"A NEW plan - the third - failed.", NULL},
        {"The talks ended on Tuesday.", NULL},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        px_arena *a = px_arena_new();
        px_doc *d = test_doc(a, ctx, "Headline", cases[i].body);
        size_t n = d->dateline.end - d->dateline.start;
        if (!cases[i].dateline && n)
            fail_msg("\"%s\": dateline found", cases[i].body);
        if (cases[i].dateline && (n != strlen(cases[i].dateline) ||
                                  memcmp(d->text + d->dateline.start, cases[i].dateline, n)))
            fail_msg("\"%s\": dateline \"%.*s\"", cases[i].body, (int)n,
                     d->text + d->dateline.start);
        px_arena_free(a);
    }
}

static void headline_is_its_own_sentence(void **state)
{
    (void)state;
    px_arena *a = px_arena_new();
    px_doc *d = test_doc(a, ctx, "Talks end. Tension stays", "The talks ended on Tuesday.");
    assert_int_equal(d->nsents, 2);
    assert_true(d->sents[0].headline);
    assert_string_equal(test_sentence(a, d, 0), "Talks end. Tension stays");
    assert_int_equal(d->body_start, strlen("Talks end. Tension stays") + 2);
    assert_int_equal(d->words, 5);
    px_arena_free(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(tokens_fold_and_stem),
        cmocka_unit_test(durations_are_minutes),
        cmocka_unit_test(counts_dates_and_percentages),
        cmocka_unit_test(tallies_money_and_counted_nouns),
        cmocka_unit_test(quotations_and_voice),
        cmocka_unit_test(attributions_find_speakers),
        cmocka_unit_test(headline_is_its_own_sentence),
        cmocka_unit_test(datelines_are_found),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
