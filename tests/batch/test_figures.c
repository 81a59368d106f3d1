/* Unit tests of src/batch/figures.c: the counts a story hands the
 * aggregate agree with its alignment and comparison. */
#include <jansson.h>

#include "support.h"
#include "batch/internal.h"

/* Three outlets; the closure's length is carried by two and left out by
 * the third, which alone mentions the ferry. */
static const char *const texts[] = {
    "wire",
    "Bridge closes\n\nThe Harlow bridge will close on Monday for repairs. The closure will "
    "last six weeks, the transport office said. Drivers will be sent along the river road.",
    "herald",
    "Harlow bridge to shut\n\nThe Harlow bridge will close on Monday for repairs. The closure "
    "will last six weeks, the transport office said. Traffic will use the river road.",
    "courier",
    "Repairs close bridge\n\nThe Harlow bridge will close on Monday for repairs. A ferry will "
    "carry cyclists across the river while the bridge is shut.",
};

static json_t *source(json_t *fig, const char *id)
{
    json_t *v;
    size_t i;
    json_array_foreach(json_object_get(fig, "sources"), i,
                       v) if (strcmp(json_string_value(json_object_get(v, "id")), id) ==
                              0) return v;
    fail_msg("no source %s", id);
    return NULL;
}

static size_t num(json_t *o, const char *key)
{
    return (size_t)json_integer_value(json_object_get(o, key));
}

static void counts_agree_with_the_alignment(void **state)
{
    (void)state;
    px_story *s = test_story(texts, 3);
    assert_int_equal(px_story_analyze(s, NULL, NULL, NULL), PX_OK);
    json_t *fig = px_batch_figures(s, "f", 1, 2, 10);
    const px_alignment *al = &s->alignment;
    assert_int_equal(num(fig, "facts"), al->nfacts);
    assert_int_equal(num(fig, "line"), 10);
    size_t carried = 0, single = 0;
    for (size_t f = 0; f < al->nfacts; f++) {
        carried += al->facts[f].nmentions;
        single += al->facts[f].nmentions == 1;
    }
    size_t sum_carried = 0, sum_unique = 0;
    json_t *v;
    size_t i;
    json_array_foreach(json_object_get(fig, "sources"), i, v)
    {
        sum_carried += num(v, "carried");
        sum_unique += num(v, "unique");
        /* a fact carried alone is unique only when the others surely lack it */
        assert_true(num(v, "carried") >= num(v, "unique") + num(v, "shared"));
        assert_true(num(v, "omitted") <= num(v, "eligible"));
        assert_int_equal(num(v, "words"), s->docs[i]->words);
    }
    assert_int_equal(sum_carried, carried);
    assert_true(sum_unique <= single);
    assert_int_equal(num(fig, "shared"), al->nfacts - single);
    json_decref(fig);
    px_story_free(s);
}

static void the_outlet_that_leaves_a_fact_out(void **state)
{
    (void)state;
    px_story *s = test_story(texts, 3);
    assert_int_equal(px_story_analyze(s, NULL, NULL, NULL), PX_OK);
    json_t *fig = px_batch_figures(s, "f", 1, 2, 0);
    json_t *courier = source(fig, "courier"), *wire = source(fig, "wire");
    /* "six weeks" is carried by the other two: courier omits it */
    assert_true(num(courier, "omitted") >= 1);
    assert_true(num(courier, "eligible") >= num(courier, "omitted"));
    assert_true(num(courier, "unique") >= 1); /* the ferry */
    assert_int_equal(num(wire, "omitted"), 0);
    /* wire and herald share more than wire and courier */
    size_t i;
    json_t *p, *wh = NULL, *cw = NULL;
    json_array_foreach(json_object_get(fig, "pairs"), i, p)
    {
        const char *a = json_string_value(json_object_get(p, "a"));
        const char *b = json_string_value(json_object_get(p, "b"));
        assert_true(strcmp(a, b) < 0); /* sources come in id order */
        assert_true(num(p, "both") <= num(p, "either"));
        if (!strcmp(a, "herald") && !strcmp(b, "wire"))
            wh = p;
        if (!strcmp(a, "courier") && !strcmp(b, "wire"))
            cw = p;
    }
    assert_non_null(wh);
    assert_non_null(cw);
    assert_true(num(wh, "both") * num(cw, "either") > num(cw, "both") * num(wh, "either"));
    json_decref(fig);
    px_story_free(s);
}

/* A lexicon with directions adds its boosting and attacking counts, so the
 * aggregate can show a cheerleading and a hostile outlet apart. */
static void directions_counted_apart(void **state)
{
    (void)state;
    const char *const slanted[] = {
        "wire",
        "Bridge opens\n\nThe bridge opened on Monday. Traffic crossed at noon.",
        "booster",
        "Bridge opens\n\nThe gleaming bridge opened on Monday, a triumph. "
        "\"A fiasco,\" one critic said. Traffic crossed at noon.",
        "critic",
        "Bridge opens\n\nThe bridge, a fiasco and a boondoggle, opened on Monday. "
        "Traffic crossed at noon."};
    px_story *s = test_story(slanted, 3);
    px_lexicon *l;
    px_error err;
    const char *tsv = "# name: loaded\n# category: praise — up\n# category: attack — down\n"
                      "# boosting: praise\n# attacking: attack\n"
                      "gleaming\tpraise\ntriumph\tpraise\nfiasco\tattack\nboondoggle\tattack\n";
    assert_int_equal(px_lexicon_parse("l.tsv", tsv, strlen(tsv), &l, &err), PX_OK);
    px_lexset *set = px_lexset_new();
    px_lexset_add(set, l);
    px_config cfg;
    px_config_defaults(&cfg);
    cfg.lexicons = set;
    assert_int_equal(px_story_analyze(s, &cfg, NULL, &err), PX_OK);
    json_t *fig = px_batch_figures(s, "f", 1, 2, 0);
    json_t *b = json_object_get(source(fig, "booster"), "frame");
    json_t *c = json_object_get(source(fig, "critic"), "frame");
    /* [hits, narration, quoted]: the critic quoted by the booster stays apart */
    assert_int_equal(json_integer_value(json_array_get(json_object_get(b, "loaded:boosting"), 1)),
                     2);
    assert_int_equal(json_integer_value(json_array_get(json_object_get(b, "loaded:attacking"), 2)),
                     1);
    assert_int_equal(json_integer_value(json_array_get(json_object_get(c, "loaded:attacking"), 1)),
                     2);
    assert_int_equal(json_integer_value(json_array_get(json_object_get(c, "loaded:boosting"), 0)),
                     0);
    json_decref(fig);
    px_story_free(s);
    px_lexset_free(set);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(counts_agree_with_the_alignment),
        cmocka_unit_test(the_outlet_that_leaves_a_fact_out),
        cmocka_unit_test(directions_counted_apart),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
