/* Unit tests of scoring and sourcing (src/frame/score.c, facts.c,
 * sourcing.c, and the attributions of src/text/quotes.c they read): rates
 * per 1,000 words for narration and quotation apart, differences from the
 * story's mean, per-fact scores, speakers, and the demo story's framing. */
#include <stdio.h>
#include <stdlib.h>

#include "frame/internal.h"
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

static const char *const tsv = "# name: loaded\n"
                               "regime\tlabel\t1\tgovernment\n"
                               "slammed\tcombative\t1\tcriticised\n"
                               "chaos\talarm\t1\n";

static void narration_and_quotation_counted_apart(void **state)
{
    (void)state;
    px_arena *a = px_arena_new();
    px_lexset *s = lexset_of("l.tsv", tsv);
    const px_doc *docs[2];
    /* 20 body words, 4 of them inside the quotation */
    docs[0] = test_doc(a, ctx, "The regime",
                       "The regime slammed the plan on Monday. "
                       "\"This is chaos,\" an aide said about the plan "
                       "and the vote.");
    docs[1] = test_doc(a, ctx, NULL, "The government criticised the plan on Monday.");
    px_source_frame *fr;
    px_error err;
    assert_int_equal(px_frame_story(a, s, docs, 2, NULL, &fr, &err), PX_OK);
    const px_score *all = px_frame_score(&fr[0], 0, -1);
    assert_int_equal(fr[0].nhits, 4); /* the headline hit is listed ... */
    assert_int_equal(all->hits, 3);   /* ... but not counted */
    assert_int_equal(all->narration, 2);
    assert_int_equal(all->quoted, 1);
    assert_int_equal(fr[0].sourcing.words, 19);
    assert_int_equal(fr[0].sourcing.quoted_words, 3);
    assert_true(all->per_1k > 157.8 && all->per_1k < 157.9);               /* 3 / 19 */
    assert_true(all->narration_per_1k == 125.0);                           /* 2 / 16 */
    assert_true(all->quoted_per_1k > 333.3 && all->quoted_per_1k < 333.4); /* 1 / 3 */
    /* the difference from the story's mean, overall and for narration */
    assert_true(all->delta > 78.9 && all->delta < 79.0);
    assert_true(all->narration_delta == 62.5);
    assert_true(px_frame_score(&fr[1], 0, -1)->narration_delta == -62.5);
    const px_score *alarm = px_frame_score(&fr[0], 0, 2);
    assert_int_equal(alarm->hits, 1);
    assert_int_equal(alarm->quoted, 1);
    px_lexset_free(s);
    px_arena_free(a);
}

static void speakers_named_anonymous_and_grouped(void **state)
{
    (void)state;
    px_arena *a = px_arena_new();
    px_doc *d = test_doc(
        a, ctx, NULL,
        "Grant Holloway, a retired Army colonel, blasted the call as \"a gift to a dictator.\" "
        "The call was a mistake, Holloway said. He also said the talks should stop. "
        "The deal was close, according to two officials familiar with the talks. "
        "Sullivan is said to have left early. The allies responded with sanctions. "
        "The mood was calm, a scheme Holloway said was planned.");
    px_sourcing so;
    px_frame_sourcing(a, d, &so);
    assert_int_equal(so.named, 4);
    assert_int_equal(so.anonymous, 1);
    assert_int_equal(so.nspeakers, 2);
    assert_string_equal(so.speakers[0].name, "Grant Holloway");
    assert_int_equal(so.speakers[0].quotes, 1);
    assert_int_equal(so.speakers[0].paraphrases, 3); /* "He also said" is Holloway */
    assert_true(so.speakers[1].anonymous);
    assert_string_equal(so.speakers[1].name, "two officials familiar with the talks");
    /* "is said to" and "responded with" attribute nothing */
    for (size_t k = 0; k < d->nattrs; k++)
        assert_true(d->text[d->attrs[k].verb_start] != 'r');
    assert_int_equal(d->nattrs, 5);
    px_arena_free(a);
}

static void clauses_that_are_not_attributions(void **state)
{
    (void)state;
    px_arena *a = px_arena_new();
    px_doc *d = test_doc(a, ctx, NULL,
                         "The leaders met in Geneva, where they agreed to talk again. "
                         "Ilse Marten said the talks helped. The mood was calm, she said. "
                         "The talks went on in the United States.");
    px_sourcing so;
    px_frame_sourcing(a, d, &so);
    assert_int_equal(d->nattrs, 2);
    assert_int_equal(so.nspeakers, 1); /* "she" is Ilse Marten */
    assert_string_equal(so.speakers[0].name, "Ilse Marten");
    assert_int_equal(so.speakers[0].paraphrases, 2);
    px_arena_free(a);
}

static void facts_scored_per_outlet_with_speaker(void **state)
{
    (void)state;
    const char *texts[] = {
        "hawk",
        "Talks held\n\nThe regime slammed the sanctions plan on Tuesday, the Kremlin "
        "said. Markets were calm.",
        "wire",
        "Talks held\n\nRussia criticised the sanctions plan on Tuesday, the Kremlin "
        "said. Markets were calm.",
        "tab",
        "Talks held\n\nThe Kremlin slammed the sanctions plan on Tuesday in chaos, "
        "insiders say. Markets were calm."};
    px_story *st = test_story(texts, 3);
    px_config cfg;
    px_config_defaults(&cfg);
    px_lexset *s = lexset_of("l.tsv", tsv);
    cfg.lexicons = s;
    px_error err;
    assert_int_equal(px_story_analyze(st, &cfg, ctx, &err), PX_OK);
    /* the fact all three carry: the sanctions plan */
    size_t f = 0;
    while (f < st->alignment.nfacts && st->alignment.facts[f].nmentions < 3)
        f++;
    assert_true(f < st->alignment.nfacts);
    const px_score *hawk = px_frame_fact_score(&st->frames[0], f, 0, -1);
    const px_score *wire = px_frame_fact_score(&st->frames[1], f, 0, -1);
    const px_score *tab = px_frame_fact_score(&st->frames[2], f, 0, -1);
    assert_int_equal(hawk->hits, 2);
    assert_int_equal(wire->hits, 0);
    assert_int_equal(tab->hits, 2);
    assert_true(wire->delta < 0 && hawk->delta > 0);
    const px_fact_frame *ff = &st->frames[2].facts[f];
    assert_int_equal(ff->nhits, 2);
    assert_true(ff->speaker >= 0);
    assert_true(st->frames[2].sourcing.speakers[ff->speaker].anonymous);
    assert_string_equal(st->frames[1].sourcing.speakers[st->frames[1].facts[f].speaker].name,
                        "the Kremlin");
    px_lexset_free(s);
    px_story_free(st);
}

static const char *const slanted_tsv = "# name: slanted\n"
                                       "# category: praise — talks up\n"
                                       "# category: attack — talks down\n"
                                       "# boosting: praise\n"
                                       "# attacking: attack\n"
                                       "gleaming\tpraise\n"
                                       "world-class\tpraise\n"
                                       "triumph~\tpraise\n"
                                       "boondoggle\tattack\n"
                                       "fiasco\tattack\n"
                                       "slammed\tattack\n";

/* Ten body sentences: the words of one outlet's story of a bridge. */
static px_doc *bridge(px_arena *a, const char *w1, const char *w2, const char *w3, const char *w4)
{
    char body[2048];
    snprintf(body, sizeof body,
             "The bridge opened on Monday after four years of work. It was called a %s by "
             "the council. Traffic crossed it by noon. The project cost 90 million dollars. "
             "Engineers called the deck a %s. The city paid a third of the cost. Rail "
             "links follow in 2027, a %s. Residents lined the banks to watch. The mayor "
             "spoke for ten minutes. Officials described the opening as a %s.",
             w1, w2, w3, w4);
    return test_doc(a, ctx, NULL, body);
}

/* Each outlet's narration against the story's median outlet, with an
 * interval: a cheerleading outlet and a hostile one stand out in opposite
 * directions; quoted words and a lone hit are no difference. */
static void narration_contrasts_with_intervals(void **state)
{
    (void)state;
    px_arena *a = px_arena_new();
    px_lexset *s = lexset_of("s.tsv", slanted_tsv);
    const px_doc *docs[4];
    docs[0] = bridge(a, "success", "new design", "plan", "milestone");
    docs[1] = bridge(a, "gleaming triumph", "world-class marvel", "triumph", "triumph");
    docs[2] = bridge(a, "boondoggle", "fiasco", "boondoggle", "fiasco that critics slammed");
    /* hostile words inside a quotation are the speaker's, not the outlet's */
    docs[3] = test_doc(a, ctx, NULL,
                       "The bridge opened on Monday. \"A boondoggle and a fiasco,\" said a "
                       "resident. Traffic crossed it by noon. The project cost 90 million "
                       "dollars. The city paid a third. Rail links follow in 2027. Residents "
                       "watched. The mayor spoke briefly. It rained. The band played.");
    px_source_frame *fr;
    px_error err;
    assert_int_equal(px_frame_story(a, s, docs, 4, NULL, &fr, &err), PX_OK);
    const px_contrast *slant[4], *all[4];
    for (size_t i = 0; i < 4; i++) {
        slant[i] = px_frame_contrast(&fr[i], s, 0, PX_FIG_SLANT);
        all[i] = px_frame_contrast(&fr[i], s, 0, PX_FIG_ALL);
        assert_non_null(slant[i]);
        assert_true(all[i]->lo <= all[i]->diff && all[i]->diff <= all[i]->hi);
    }
    assert_int_equal(slant[1]->reading, 1);  /* the cheerleader: up */
    assert_int_equal(slant[2]->reading, -1); /* the hostile outlet: down */
    assert_int_equal(slant[0]->reading, 0);
    assert_int_equal(slant[3]->reading, 0);
    assert_int_equal(px_frame_contrast(&fr[1], s, 0, PX_FIG_BOOSTING)->hits, 5);
    assert_int_equal(px_frame_contrast(&fr[2], s, 0, PX_FIG_ATTACKING)->hits, 5);
    /* the quoted outlet: no narration hits, its quotation counted apart */
    assert_int_equal(all[3]->hits, 0);
    assert_int_equal(px_frame_score(&fr[3], 0, -1)->quoted, 2);
    bool clear;
    assert_int_equal(px_frame_top(fr, 4, s, 0, PX_FIG_ATTACKING, &clear), 2);
    assert_true(clear);
    assert_int_equal(px_frame_top(fr, 4, s, 0, PX_FIG_BOOSTING, &clear), 1);
    assert_true(clear);
    /* two outlets, one loaded word between them: within the noise */
    const px_doc *two[2] = {docs[0], bridge(a, "success", "fiasco", "plan", "milestone")};
    assert_int_equal(px_frame_story(a, s, two, 2, NULL, &fr, &err), PX_OK);
    const px_contrast *one = px_frame_contrast(&fr[1], s, 0, PX_FIG_ALL);
    assert_int_equal(one->hits, 1);
    assert_true(one->diff > 0);
    assert_int_equal(one->reading, 0);
    assert_int_equal(px_frame_top(fr, 2, s, 0, PX_FIG_ALL, &clear), 1);
    assert_false(clear);
    /* one outlet: nothing to compare with */
    assert_int_equal(px_frame_story(a, s, docs, 1, NULL, &fr, &err), PX_OK);
    assert_null(px_frame_contrast(&fr[0], s, 0, PX_FIG_ALL));
    px_lexset_free(s);
    px_arena_free(a);
}

/* The demo story with the shipped lexicons: the hawkish outlet leads on
 * loaded language in its own voice, the tabloid on hedges and anonymous
 * sourcing. */
static void demo_story_framing(void **state)
{
    (void)state;
    const char *root = getenv("PARALLAX_SOURCE_ROOT");
    char dir[1024], path[1100];
    snprintf(dir, sizeof dir, "%s/lexicons", root ? root : PX_SOURCE_ROOT);
    px_lexset *s = px_lexset_new();
    px_error err;
    assert_int_equal(px_lexset_load_dir(s, dir, &err), PX_OK);
    px_story *st = px_story_new("demo");
    const char *ids[] = {"flash", "harbor", "sentinel", "wire"};
    px_furniture *fur = px_furniture_default();
    px_ingest_opts o = {.furniture = fur};
    for (size_t i = 0; i < 4; i++) {
        snprintf(path, sizeof path, "%s/data/stories/biden-putin-call/%s.txt",
                 root ? root : PX_SOURCE_ROOT, ids[i]);
        px_article **arts;
        size_t n;
        assert_int_equal(px_ingest_file(px_story_arena(st), path, &o, &arts, &n, &err), PX_OK);
        assert_int_equal(px_story_add(st, arts[0], &err), PX_OK);
    }
    px_config cfg;
    px_config_defaults(&cfg);
    cfg.lexicons = s;
    assert_int_equal(px_story_analyze(st, &cfg, ctx, &err), PX_OK);
    uint32_t loaded = 0, hedges = 0, sourcing = 0;
    for (uint32_t l = 0; l < px_lexset_count(s); l++) {
        const char *n = px_lexset_get(s, l)->name;
        loaded = !strcmp(n, "loaded") ? l : loaded;
        hedges = !strcmp(n, "hedges") ? l : hedges;
        sourcing = !strcmp(n, "sourcing") ? l : sourcing;
    }
    int32_t anon = 0; /* the sourcing lexicon's "anonymous" category */
    while (strcmp(px_lexset_get(s, sourcing)->categories[anon], "anonymous"))
        anon++;
    for (uint32_t i = 0; i < 4; i++) {
        if (i == 2)
            continue;
        /* twice the next outlet's rate at least: clearly higher */
        assert_true(px_frame_score(&st->frames[2], loaded, -1)->narration_per_1k >
                    2 * px_frame_score(&st->frames[i], loaded, -1)->narration_per_1k);
    }
    for (uint32_t i = 1; i < 4; i++) {
        assert_true(px_frame_score(&st->frames[0], hedges, -1)->narration_per_1k >
                    2 * px_frame_score(&st->frames[i], hedges, -1)->narration_per_1k);
        assert_true(px_frame_score(&st->frames[0], sourcing, anon)->per_1k >
                    2 * px_frame_score(&st->frames[i], sourcing, anon)->per_1k);
        assert_true(st->frames[0].sourcing.anonymous > st->frames[i].sourcing.anonymous);
    }
    px_furniture_free(fur);
    px_story_free(st);
    px_lexset_free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(narration_and_quotation_counted_apart),
        cmocka_unit_test(speakers_named_anonymous_and_grouped),
        cmocka_unit_test(clauses_that_are_not_attributions),
        cmocka_unit_test(facts_scored_per_outlet_with_speaker),
        cmocka_unit_test(narration_contrasts_with_intervals),
        cmocka_unit_test(demo_story_framing),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
