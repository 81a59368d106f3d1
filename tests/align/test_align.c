/* Unit tests of claim similarity and fact alignment (src/align/): synonyms
 * and negation in the score, attribution set aside, a sentence stating two
 * facts, a distractor kept apart, conflicting details, determinism,
 * invariance to the order of outlets and, for the facts every outlet
 * carries, to the order of an article's paragraphs. Stories here are
 * written for the tests; the last tests use our demo story in data/. */
#include <stdlib.h>

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

/* ---- similarity ---- */

static const char *const background[] = {"The mayor opened a new library on Monday.",
                                         "Rain is expected across the region this weekend.",
                                         "The school board met to discuss the budget.",
                                         "A local bakery won a national award.",
                                         "Traffic was slow on the highway after a crash.",
                                         NULL};

static double score(px_simmodel *m, const char *x, const char *y)
{
    return px_simmodel_score(m, x, strlen(x), y, strlen(y));
}

static px_simmodel *model(const char *const *extra)
{
    px_simmodel *m = px_simmodel_new(ctx);
    for (const char *const *s = background; *s; s++)
        px_simmodel_add(m, *s, strlen(*s));
    for (const char *const *s = extra; s && *s; s++)
        px_simmodel_add(m, *s, strlen(*s));
    return m;
}

static void similarity_sees_synonyms(void **state)
{
    (void)state;
    const char *s[] = {"The two presidents talked about the invasion.",
                       "The two presidents spoke about the invasion.",
                       "The two presidents discussed whether troops would invade.",
                       "The mayor opened a new library.", NULL};
    px_simmodel *m = model(s);
    double same = score(m, s[0], s[1]);
    assert_true(same > 0.9); /* talk / speak: one WordNet synset */
    assert_true(score(m, s[0], s[2]) > score(m, s[0], s[3]) + 0.2); /* invade / invasion */
    assert_true(score(m, s[0], s[3]) < 0.2);
    px_simmodel_free(m);
}

static void similarity_flips_on_negation(void **state)
{
    (void)state;
    const char *s[] = {"The council approved the harbor plan.",
                       "The council did not approve the harbor plan.",
                       "The council rejected the harbor plan.", NULL};
    px_simmodel *m = model(s);
    double self = score(m, s[0], s[0]);
    assert_true(self > 0.99);
    assert_true(score(m, s[0], s[1]) < self - 0.05);
    assert_true(score(m, s[0], s[2]) < 0.8); /* approve / reject: antonyms */
    px_simmodel_free(m);
}

static void similarity_reads_values(void **state)
{
    (void)state;
    const char *s[] = {"The call lasted two hours and one minute.",
                       "The call lasted 121 minutes.",
                       "The call lasted 90 minutes.",
                       "The firm lost $2.5bn last year.",
                       "The firm lost $2.5 billion last year.",
                       "U.S. officials met in D.C. on Monday.",
                       "US officials met in DC on Monday.",
                       NULL};
    px_simmodel *m = model(s);
    double same = score(m, s[0], s[1]), other = score(m, s[0], s[2]);
    assert_true(same > 0.99);
    assert_true(other < same - 0.2);
    assert_true(score(m, s[3], s[4]) > 0.99);
    assert_true(score(m, s[5], s[6]) > 0.99);
    px_simmodel_free(m);
}

/* ---- alignment ---- */

/* The fact holding the sentence of source src that contains needle, or -1. */
static long fact_of(const px_story *s, uint32_t src, const char *needle, long skip)
{
    const px_alignment *al = &s->alignment;
    for (size_t f = 0; f < al->nfacts; f++) {
        if ((long)f == skip)
            continue;
        const px_mention *m = px_fact_mention(&al->facts[f], src);
        if (!m)
            continue;
        const px_sentence *se = &s->docs[src]->sents[m->sent];
        const char *t = s->docs[src]->text;
        size_t n = strlen(needle);
        for (size_t k = se->start; k + n <= se->end; k++)
            if (memcmp(t + k, needle, n) == 0)
                return (long)f;
    }
    return -1;
}

static const char *const story[] = {
    "a",
    "Council backs bridge repairs\n\n"
    "The city council voted 6-3 on Tuesday to rebuild the Kestrel harbor bridge.\n\n"
    "Mayor Ana Ruiz warned that the old span could close within a year, the city said.\n\n"
    "The council also discussed the parking garage, and agreed to hire a new auditor.\n\n"
    "In a separate vote, the council unanimously approved money to repaint a footbridge "
    "on Elm Street.\n\n"
    "The repairs will take two years.",
    "b",
    "Bridge rebuild approved\n\n"
    "Council members approved rebuilding the Kestrel harbor bridge by a seven to two vote "
    "on Tuesday.\n\n"
    "The city said Mayor Ana Ruiz warned that the old span could close within a year.\n\n"
    "Members agreed to hire a new auditor for the city.\n\n"
    "Construction is expected to take 24 months.",
    "c",
    "Harbor bridge to be rebuilt\n\n"
    "On Tuesday the council voted to rebuild the Kestrel harbor bridge.\n\n"
    "The council discussed the parking garage at length.\n\n"
    "Officials expect the repairs to take two years.",
};

static px_story *analysed(const char *const *texts, size_t n)
{
    px_story *s = test_story(texts, n);
    px_error err;
    assert_int_equal(px_story_analyze(s, NULL, ctx, &err), PX_OK);
    return s;
}

static void attribution_is_set_aside(void **state)
{
    (void)state;
    px_story *s = analysed(story, 3);
    long f = fact_of(s, 0, "Mayor Ana Ruiz warned", -1);
    assert_true(f >= 0);
    assert_int_equal(fact_of(s, 1, "Mayor Ana Ruiz warned", -1), f);
    px_story_free(s);
}

static void sentence_with_two_facts_serves_both(void **state)
{
    (void)state;
    px_story *s = analysed(story, 3);
    /* a's sentence states the garage talk (with c) and the auditor (with b) */
    long garage = fact_of(s, 2, "parking garage", -1);
    long auditor = fact_of(s, 1, "new auditor", -1);
    assert_true(garage >= 0 && auditor >= 0);
    assert_true(garage != auditor);
    const px_mention *g = px_fact_mention(&s->alignment.facts[garage], 0);
    const px_mention *u = px_fact_mention(&s->alignment.facts[auditor], 0);
    assert_non_null(g);
    assert_non_null(u);
    assert_int_equal(g->sent, u->sent); /* the same sentence of a, in both */
    /* b (no garage) and c (no auditor) are in neither fact of the other */
    assert_null(px_fact_mention(&s->alignment.facts[garage], 1));
    assert_null(px_fact_mention(&s->alignment.facts[auditor], 2));
    px_story_free(s);
}

static void distractor_stays_apart(void **state)
{
    (void)state;
    px_story *s = analysed(story, 3);
    long main = fact_of(s, 0, "voted 6-3", -1), side = fact_of(s, 0, "footbridge", -1);
    assert_true(main >= 0 && side >= 0 && main != side);
    assert_int_equal(fact_of(s, 1, "seven to two", -1), main);
    assert_int_equal(fact_of(s, 2, "voted to rebuild", -1), main);
    assert_int_equal(s->alignment.facts[side].nmentions, 1); /* a alone carries it */
    px_story_free(s);
}

static void headlines_of_each_outlet(void **state)
{
    (void)state;
    px_story *s = analysed(story, 3);
    const px_alignment *al = &s->alignment;
    const px_fact *vote = &al->facts[fact_of(s, 0, "voted 6-3", -1)];
    assert_true(vote->in_headline & (1u << 1)); /* "Bridge rebuild approved" */
    /* where each fact sits in the body is the compare stage's */
    const px_cell *c = px_compare_cell(&s->compare, (size_t)fact_of(s, 0, "voted 6-3", -1), 0);
    assert_int_equal(c->where, PX_WHERE_LEAD);
    assert_true(c->share == 0);
    c = px_compare_cell(&s->compare, (size_t)fact_of(s, 0, "two years", -1), 0);
    assert_int_equal(c->where, PX_WHERE_BODY);
    assert_true(c->share > 0.75 && c->share < 0.85); /* fifth of five body sentences */
    const px_fact *auditor = &al->facts[fact_of(s, 1, "new auditor", -1)];
    assert_false(auditor->in_headline & (1u << 1));
    px_story_free(s);
}

static void conflicting_details_are_reported(void **state)
{
    (void)state;
    px_story *s = analysed(story, 3);
    const px_fact *vote = &s->alignment.facts[fact_of(s, 0, "voted 6-3", -1)];
    assert_true(vote->nconflicts >= 1);
    assert_string_equal(vote->conflicts[0].values[0], "6-3");
    assert_string_equal(vote->conflicts[0].values[1], "seven to two");
    /* "two years" and "24 months"... and "two years" again: no conflict
     * between a and c, who agree */
    long f = fact_of(s, 0, "two years", -1);
    assert_true(f >= 0);
    assert_int_equal(fact_of(s, 2, "two years", -1), f);
    assert_int_equal(s->alignment.facts[f].nconflicts, 0);
    px_story_free(s);
}

static int cmp_str(const void *x, const void *y)
{
    return strcmp(*(char *const *)x, *(char *const *)y);
}

/* One fact as its sorted "outlet|sentence" lines (caller frees). */
static char *fact_lines(const px_story *s, const px_fact *f)
{
    char **lines = calloc(f->nmentions + 1, sizeof *lines);
    for (size_t k = 0; k < f->nmentions; k++) {
        const px_mention *m = &f->mentions[k];
        const px_sentence *se = &s->docs[m->source]->sents[m->sent];
        px_buf b;
        px_buf_init(&b, 0);
        px_buf_printf(&b, "%s|%.*s\n", s->articles[m->source]->id, (int)(se->end - se->start),
                      s->docs[m->source]->text + se->start);
        px_buf_putc(&b, '\0');
        lines[k] = px_buf_detach(&b, NULL);
    }
    qsort(lines, f->nmentions, sizeof *lines, cmp_str);
    px_buf out;
    px_buf_init(&out, 0);
    for (size_t k = 0; k < f->nmentions; k++) {
        px_buf_puts(&out, lines[k]);
        free(lines[k]);
    }
    px_buf_putc(&out, '\0');
    free(lines);
    return px_buf_detach(&out, NULL);
}

/* All facts, each as its sorted lines, sorted: a canonical form that
 * ignores offsets, the order of facts and the order of outlets (caller
 * frees). */
/* The facts of s carried by at least min outlets, one sorted line each. */
static char *partition(const px_story *s, size_t min)
{
    const px_alignment *al = &s->alignment;
    char **facts = calloc(al->nfacts + 1, sizeof *facts);
    size_t n = 0;
    for (size_t f = 0; f < al->nfacts; f++)
        if (al->facts[f].nmentions >= min)
            facts[n++] = fact_lines(s, &al->facts[f]);
    qsort(facts, n, sizeof *facts, cmp_str);
    px_buf out;
    px_buf_init(&out, 0);
    for (size_t f = 0; f < n; f++) {
        px_buf_puts(&out, facts[f]);
        px_buf_putc(&out, '\n');
        free(facts[f]);
    }
    px_buf_putc(&out, '\0');
    free(facts);
    return px_buf_detach(&out, NULL);
}

static const char *const outlets[] = {"flash", "harbor", "sentinel", "wire"};

/* The demo story's four articles as (id, text) pairs; with shuffle, the
 * wire's body paragraphs in reverse order. Caller frees texts[1,3,5,7]. */
static void demo(const char **texts, bool shuffle)
{
    for (size_t i = 0; i < 4; i++) {
        char path[256], *data;
        size_t len;
        px_error err;
        snprintf(path, sizeof path, "data/stories/biden-putin-call/%s.txt", outlets[i]);
        assert_int_equal(px_file_read(path, 1 << 20, &data, &len, &err), PX_OK);
        texts[2 * i] = outlets[i];
        texts[2 * i + 1] = data;
        if (!shuffle || strcmp(outlets[i], "wire") != 0)
            continue;
        char *head_end = strstr(data, "\n\n");
        assert_non_null(head_end);
        px_buf b;
        px_buf_init(&b, 0);
        px_buf_add(&b, data, (size_t)(head_end - data));
        char *end = data + len;
        while (end > head_end) { /* paragraphs from the last one back */
            char *p = end;
            while (p > head_end + 2 && !(p[-1] == '\n' && p[-2] == '\n'))
                p--;
            if (p <= head_end + 2)
                p = head_end + 2;
            px_buf_puts(&b, "\n\n");
            px_buf_add(&b, p, (size_t)(end - p));
            end = p - 2;
        }
        px_buf_putc(&b, '\0');
        texts[2 * i + 1] = px_buf_detach(&b, NULL);
        free(data);
    }
}

static void demo_free(const char **texts)
{
    for (size_t i = 0; i < 4; i++)
        free((char *)texts[2 * i + 1]);
}

static void same_input_same_facts(void **state)
{
    (void)state;
    const char *texts[8];
    demo(texts, false);
    px_story *x = analysed(texts, 4), *y = analysed(texts, 4);
    const px_alignment *p = &x->alignment, *q = &y->alignment;
    assert_int_equal(p->nfacts, q->nfacts);
    for (size_t f = 0; f < p->nfacts; f++) {
        assert_int_equal(p->facts[f].nmentions, q->facts[f].nmentions);
        for (size_t k = 0; k < p->facts[f].nmentions; k++) {
            assert_int_equal(p->facts[f].mentions[k].sent, q->facts[f].mentions[k].sent);
            assert_int_equal(p->facts[f].mentions[k].claim, q->facts[f].mentions[k].claim);
        }
    }
    assert_true(p->nfacts > 10);
    px_story_free(x);
    px_story_free(y);
    demo_free(texts);
}

/* A sentence's place and neighbours are evidence (a lead matches a lead,
 * a quote's next line goes with it), so reordering an article may move a
 * borderline link; the facts every outlet carries stay. */
static void paragraph_order_keeps_shared_facts(void **state)
{
    (void)state;
    const char *texts[8], *shuffled[8];
    demo(texts, false);
    demo(shuffled, true);
    assert_string_not_equal(texts[7], shuffled[7]);
    px_story *x = analysed(texts, 4), *y = analysed(shuffled, 4);
    char *p = partition(x, 4), *q = partition(y, 4);
    assert_true(strlen(p) > 0);
    assert_string_equal(p, q);
    free(p);
    free(q);
    px_story_free(x);
    px_story_free(y);
    demo_free(texts);
    demo_free(shuffled);
}

static void outlet_order_changes_nothing(void **state)
{
    (void)state;
    const char *texts[8], *reversed[8];
    demo(texts, false);
    for (size_t i = 0; i < 4; i++) {
        reversed[2 * i] = texts[2 * (3 - i)];
        reversed[2 * i + 1] = texts[2 * (3 - i) + 1];
    }
    px_story *x = analysed(texts, 4), *y = analysed(reversed, 4);
    char *p = partition(x, 1), *q = partition(y, 1);
    assert_string_equal(p, q);
    free(p);
    free(q);
    px_story_free(x);
    px_story_free(y);
    demo_free(texts);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(similarity_sees_synonyms),
        cmocka_unit_test(similarity_flips_on_negation),
        cmocka_unit_test(similarity_reads_values),
        cmocka_unit_test(attribution_is_set_aside),
        cmocka_unit_test(sentence_with_two_facts_serves_both),
        cmocka_unit_test(distractor_stays_apart),
        cmocka_unit_test(conflicting_details_are_reported),
        cmocka_unit_test(headlines_of_each_outlet),
        cmocka_unit_test(same_input_same_facts),
        cmocka_unit_test(paragraph_order_keeps_shared_facts),
        cmocka_unit_test(outlet_order_changes_nothing),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
