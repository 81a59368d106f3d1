/* Unit tests of matching (src/frame/match.c): case folding, whole words,
 * prefixes and stems, phrases across line breaks, hyphens, longest match,
 * names, negation, and the voice of each hit (narration or quotation). */
#include "frame_support.h"

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

/* The matched texts joined by '|'. */
static const char *texts(px_arena *a, const px_doc *d, const px_hit *h, size_t n)
{
    px_buf b;
    px_buf_init(&b, 0);
    for (size_t i = 0; i < n; i++) {
        if (i)
            px_buf_putc(&b, '|');
        px_buf_add(&b, d->text + h[i].start, h[i].end - h[i].start);
    }
    char *s = px_arena_strndup(a, b.data ? b.data : "", b.len);
    px_buf_free(&b);
    return s;
}

static const char *matched(px_arena *a, const px_lexset *s, const char *body)
{
    px_doc *d;
    px_hit *h;
    size_t n = hits_in(a, ctx, s, body, &d, &h);
    return texts(a, d, h, n);
}

static void whole_words_case_folded(void **state)
{
    (void)state;
    px_arena *a = px_arena_new();
    px_lexset *s = lexset_of("l.tsv", "claim\td\t1\nregime\tlabel\t1\n");
    assert_string_equal(matched(a, s, "CLAIM made by the claimant; Claim denied."), "CLAIM|Claim");
    /* a possessive is not a longer word */
    assert_string_equal(matched(a, s, "The regime's troops and regimes."), "regime's");
    px_lexset_free(s);
    px_arena_free(a);
}

static void prefix_and_stem_as_the_entry_says(void **state)
{
    (void)state;
    px_arena *a = px_arena_new();
    px_lexset *s = lexset_of("l.tsv", "claim*\td\t1\n");
    assert_string_equal(matched(a, s, "A claimant claimed claims."), "claimant|claimed|claims");
    px_lexset_free(s);
    s = lexset_of("l.tsv", "attack~\td\t1\n");
    /* the same Snowball stem, not other words that start alike */
    assert_string_equal(matched(a, s, "They attacked, attacks, attacking; attackers, attach."),
                        "attacked|attacks|attacking|attackers");
    px_lexset_free(s);
    px_arena_free(a);
}

static void phrases_across_whitespace_and_line_breaks(void **state)
{
    (void)state;
    px_arena *a = px_arena_new();
    px_lexset *s = lexset_of("l.tsv", "walked back\td\t1\npeople familiar with\ts\t1\n");
    assert_string_equal(
        matched(a, s, "He walked\n   back the claim, people  familiar\nwith it said."),
        "walked\n   back|people  familiar\nwith");
    /* a phrase does not run over a sentence end */
    assert_string_equal(matched(a, s, "He walked. Back home, he slept."), "");
    px_lexset_free(s);
    px_arena_free(a);
}

static void hyphens_between_words(void **state)
{
    (void)state;
    px_arena *a = px_arena_new();
    px_lexset *s = lexset_of("l.tsv", "far right\tlabel\t1\nwould-be\tlabel\t1\nanti-*\tp\t1\n");
    /* written with a space: matches the hyphenated form too */
    assert_string_equal(matched(a, s, "The far-right group and the far right."),
                        "far-right|far right");
    /* written with a hyphen: the hyphen must be there */
    assert_string_equal(matched(a, s, "A would-be king would be king."), "would-be");
    assert_string_equal(matched(a, s, "An anti-Trump and anti-war rally; anti war."),
                        "anti-Trump|anti-war");
    px_lexset_free(s);
    px_arena_free(a);
}

static void longest_match_wins_per_lexicon(void **state)
{
    (void)state;
    px_arena *a = px_arena_new();
    px_lexset *s = lexset_of("l.tsv", "said\tneutral\t1\nis said to\thearsay\t1\n"
                                      "cave\tw\t1\ncave in\tw\t1\ncav*\tx\t1\n");
    px_doc *d;
    px_hit *h;
    size_t n = hits_in(a, ctx, s, "He is said to cave in. She said so. Caves.", &d, &h);
    assert_string_equal(texts(a, d, h, n), "is said to|cave in|said|Caves");
    assert_string_equal(hit_category(s, &h[0]), "hearsay");
    /* an exact entry wins over a prefix of the same length */
    assert_string_equal(hit_category(s, &h[1]), "w");
    assert_string_equal(hit_category(s, &h[3]), "x");
    px_lexset_free(s);
    /* different lexicons overlap freely */
    s = px_lexset_new();
    px_lexicon *l1, *l2;
    px_error err;
    assert_int_equal(lex_parse("a.tsv", "slammed\tc\t1\n", &l1, &err), PX_OK);
    assert_int_equal(lex_parse("b.tsv", "slammed\tn\t-2\n", &l2, &err), PX_OK);
    px_lexset_add(s, l1);
    px_lexset_add(s, l2);
    n = hits_in(a, ctx, s, "Critics slammed it.", &d, &h);
    assert_int_equal(n, 2);
    px_lexset_free(s);
    px_arena_free(a);
}

static void dic_word_counts_once_per_category(void **state)
{
    (void)state;
    px_arena *a = px_arena_new();
    px_lexset *s = lexset_of("m.dic", "%\n1\tcare\n2\tharm\n%\nhurt\t1 2\nhurt*\t2\n");
    px_doc *d;
    px_hit *h;
    size_t n = hits_in(a, ctx, s, "It hurt.", &d, &h);
    assert_int_equal(n, 2);
    assert_string_equal(hit_category(s, &h[0]), "care");
    assert_string_equal(hit_category(s, &h[1]), "harm");
    px_lexset_free(s);
    px_arena_free(a);
}

static void lower_case_terms_skip_names(void **state)
{
    (void)state;
    px_arena *a = px_arena_new();
    px_lexset *s = lexset_of("l.tsv", "may\thedge\t1\nWhite House official\tanon\t1\n"
                                      "affordable\tpos\t1\n");
    assert_string_equal(matched(a, s, "It may rain in May. May it rain?"), "may|May");
    assert_string_equal(matched(a, s,
                                "The Affordable Care Act is affordable, a White House "
                                "official said."),
                        "affordable|White House official");
    /* a Title Case line is not a run of names */
    assert_string_equal(matched(a, s, "Prices May Fall As Affordable Homes Return"),
                        "May|Affordable");
    px_lexset_free(s);
    px_arena_free(a);
}

static void negation_flips_and_discounts_tone(void **state)
{
    (void)state;
    px_arena *a = px_arena_new();
    px_lexset *s = lexset_of("tone.tsv", "failure\tnegative\t-2\nsuccess\tpositive\t2\n");
    px_doc *d;
    px_hit *h;
    size_t n = hits_in(a, ctx, s, "It was not a failure. It was a success.", &d, &h);
    assert_int_equal(n, 2);
    assert_true(h[0].negated);
    assert_false(h[1].negated);
    assert_true(px_frame_hit_weight(s, &h[0]) == 1.0);
    assert_true(px_frame_hit_weight(s, &h[1]) == 2.0);
    /* the window is three words, within the clause */
    n = hits_in(a, ctx, s, "Nobody thought the plan was a failure.", &d, &h);
    assert_false(h[0].negated);
    n = hits_in(a, ctx, s, "It didn't end, and the failure grew.", &d, &h);
    assert_false(h[0].negated);
    n = hits_in(a, ctx, s, "It wasn't a total failure.", &d, &h);
    assert_true(h[0].negated);
    /* "not only" does not negate */
    n = hits_in(a, ctx, s, "It was not only a failure.", &d, &h);
    assert_false(h[0].negated);
    (void)n;
    px_lexset_free(s);
    px_arena_free(a);
}

static void voice_of_each_hit(void **state)
{
    (void)state;
    px_arena *a = px_arena_new();
    px_lexset *s = lexset_of("l.tsv", "disgrace\tx\t1\nchaos\tx\t1\ndisaster\tx\t1\n");
    px_doc *d;
    px_hit *h;
    /* curly and straight quotes; a quotation running over two sentences and
     * on into the next paragraph */
    size_t n = hits_in(a, ctx, s,
                       "Chaos, said the minister, \xE2\x80\x9C"
                       "a disgrace. Pure chaos.\xE2\x80\x9D\n\n"
                       "\"It was a disaster.\n\n\"A disaster,\" he added. It was chaos.",
                       &d, &h);
    assert_int_equal(n, 6);
    bool want[] = {false, true, true, true, true, false};
    for (size_t i = 0; i < n; i++)
        if (h[i].quoted != want[i])
            fail_msg("hit %zu (%s): quoted %d", i, hit_text(a, d, &h[i]), h[i].quoted);
    /* single curly quotes; an apostrophe inside a word closes nothing */
    n = hits_in(a, ctx, s,
                "The minister\xE2\x80\x99s aide called it \xE2\x80\x98"
                "a disgrace that "
                "won\xE2\x80\x99t end in chaos\xE2\x80\x99 and left. Then chaos.",
                &d, &h);
    assert_int_equal(n, 3);
    assert_true(h[0].quoted && h[1].quoted);
    assert_false(h[2].quoted);
    px_lexset_free(s);
    px_arena_free(a);
}

/* A word that judges a person often only names a thing as the head of a
 * noun phrase ("harassment claims") or as a noun's modifier ("terrorist
 * groups"): entries whose lexicon line says so do not count there, and
 * every hit records its position. Without parts of speech a common noun
 * before a verb looks the same ("the senator claims"), which is why the
 * rule is per entry, chosen by measured precision. */
static void context_rules_for_names_of_things(void **state)
{
    (void)state;
    px_arena *a = px_arena_new();
    px_lexset *s = lexset_of("l.tsv", "claims\tdistancing\t1\tsays\tnot-head\n"
                                      "terrorist\tlabel\t1\t\tnot-modifier\n"
                                      "radical\tlabel\t1\n");
    px_doc *d;
    px_hit *h;
    size_t n = hits_in(a, ctx, s,
                       "The sexual harassment claims were settled. Senator Vance claims the "
                       "vote was rigged. He called him a terrorist. Ties to terrorist groups "
                       "were found. The radical plan, radical ideas.",
                       &d, &h);
    assert_int_equal(n, 4);
    assert_string_equal(hit_text(a, d, &h[0]), "claims"); /* the senator's verb */
    assert_true(h[0].start > 40);
    assert_int_equal(h[0].context, 0);
    assert_string_equal(hit_text(a, d, &h[1]), "terrorist"); /* a label, before a stop */
    assert_int_equal(h[1].context, 0);
    /* "radical" has no rule: it counts, and its positions are recorded */
    assert_string_equal(hit_text(a, d, &h[2]), "radical");
    assert_int_equal(h[2].context, PX_CTX_MODIFIER);
    assert_int_equal(h[3].context, PX_CTX_MODIFIER);
    /* a name before a word is no content word: "Trump claims" is a verb */
    n = hits_in(a, ctx, s, "Trump claims victory.", &d, &h);
    assert_int_equal(n, 1);
    assert_int_equal(h[0].context, PX_CTX_MODIFIER);
    px_lexset_free(s);
    px_arena_free(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(whole_words_case_folded),
        cmocka_unit_test(prefix_and_stem_as_the_entry_says),
        cmocka_unit_test(phrases_across_whitespace_and_line_breaks),
        cmocka_unit_test(hyphens_between_words),
        cmocka_unit_test(longest_match_wins_per_lexicon),
        cmocka_unit_test(dic_word_counts_once_per_category),
        cmocka_unit_test(lower_case_terms_skip_names),
        cmocka_unit_test(negation_flips_and_discounts_tone),
        cmocka_unit_test(voice_of_each_hit),
        cmocka_unit_test(context_rules_for_names_of_things),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
