/* Unit tests of the compare stage (src/compare/): the fact matrix (status,
 * verdict, placement, headlines), the omission rule and what each outlet
 * alone carries, the facts each sentence states, speakers, the words behind
 * a score, who tops a lexicon, pairs of outlets and the story's counts —
 * on the bridge story of the report tests (report/fixture.h). */
#include "report/fixture.h"

static const px_cell *cell(const px_story *s, int fact, uint32_t src)
{
    assert_true(fact >= 0);
    return px_compare_cell(&s->compare, (size_t)fact, src);
}

/* north 0, south 1, east 2 */
static void status_of_each_outlet(void **state)
{
    (void)state;
    px_lexset *lex;
    px_story *s = fixture_story(&lex);
    int beams = fixture_fact(s, "cracked beams"), crit = fixture_fact(s, "Critics slammed");
    /* 12 and 15 beams: both carry it, each with a conflicting detail */
    assert_int_equal(cell(s, beams, 0)->status, PX_CELL_CONFLICT);
    assert_int_equal(cell(s, beams, 1)->status, PX_CELL_CONFLICT);
    assert_int_equal(cell(s, beams, 0)->verdict, PX_CARRIES);
    assert_int_equal(cell(s, beams, 0)->nvalues, 1);
    assert_string_equal(cell(s, beams, 0)->values[0], "12");
    /* east leaves out what both others report: an omission */
    assert_int_equal(cell(s, beams, 2)->status, PX_CELL_OMITS);
    assert_int_equal(cell(s, beams, 2)->verdict, PX_OMITS);
    assert_int_equal(cell(s, beams, 2)->mention, -1);
    assert_null(px_cell_place(cell(s, beams, 2)));
    /* one outlet alone carries the criticism: the others just do not */
    assert_int_equal(cell(s, crit, 1)->status, PX_CELL_CARRIES);
    assert_int_equal(cell(s, crit, 0)->status, PX_CELL_ABSENT);
    assert_true(s->compare.facts[crit].single);
    assert_false(s->compare.facts[beams].single);
    assert_string_equal(px_cell_status_name(PX_CELL_NOT_SHOWN), "not_shown");
    assert_string_equal(px_cell_status_symbol(PX_CELL_OMITS), "✗");
    px_story_free(s);
    px_lexset_free(lex);
}

static void where_each_fact_sits(void **state)
{
    (void)state;
    px_lexset *lex;
    px_story *s = fixture_story(&lex);
    /* north's body: closed, beams, cars, mayor, ferries */
    int beams = fixture_fact(s, "cracked beams"), ferries = fixture_fact(s, "Ferries");
    const px_cell *c = cell(s, beams, 0);
    assert_int_equal(c->where, PX_WHERE_LEAD);
    assert_true(c->share > 0.19 && c->share < 0.21); /* second of five */
    assert_string_equal(px_cell_place(c), "lead");
    c = cell(s, ferries, 0);
    assert_int_equal(c->where, PX_WHERE_BODY); /* last of five: not "end" (that needs six) */
    assert_true(c->share > 0.79 && c->share < 0.81);
    assert_int_equal((int)c->sent, fixture_sentence(s, 0, "Ferries"));
    /* all three headlines state the closure: "closes", "closed", and "shut" */
    int closed = fixture_fact(s, "was closed on Monday");
    assert_int_equal(s->compare.facts[closed].headlines, (1u << 0) | (1u << 1) | (1u << 2));
    assert_string_equal(px_cell_place(cell(s, closed, 0)), "headline");
    assert_int_equal(cell(s, closed, 0)->where, PX_WHERE_LEAD); /* and where in the body */
    assert_int_equal(s->compare.facts[beams].headlines, 0);
    px_story_free(s);
    px_lexset_free(lex);
}

static void omissions_and_only_here(void **state)
{
    (void)state;
    px_lexset *lex;
    px_story *s = fixture_story(&lex);
    int beams = fixture_fact(s, "cracked beams");
    const px_source_compare *east = &s->compare.sources[2];
    bool omitted = false;
    for (size_t k = 0; k < east->nomitted; k++)
        omitted = omitted || east->omitted[k] == (uint32_t)beams;
    assert_true(omitted);
    /* what east omits is a decided case: it counts towards east's eligible */
    assert_true(east->eligible >= east->nomitted && east->nomitted >= 1);
    /* east carries nothing of north and south's conflict */
    assert_int_equal(east->nconflicts, 0);
    assert_int_equal(s->compare.sources[0].nconflicts, 1);
    /* every outlet carries the closure with the others */
    for (uint32_t i = 0; i < 3; i++)
        assert_true(s->compare.sources[i].shared >= 1);
    px_story_free(s);
    px_lexset_free(lex);
}

static void order_sentences_and_counts(void **state)
{
    (void)state;
    px_lexset *lex;
    px_story *s = fixture_story(&lex);
    const px_comparison *c = &s->compare;
    for (size_t r = 1; r < c->nfacts; r++)
        assert_true(c->facts[c->order[r - 1]].carriers >= c->facts[c->order[r]].carriers);
    assert_int_equal(c->facts[c->order[0]].carriers, 3);
    /* north's beams sentence states the beams fact and no other */
    int beams = fixture_fact(s, "cracked beams");
    int sent = fixture_sentence(s, 0, "cracked beams");
    const px_source_compare *north = &c->sources[0];
    assert_int_equal(north->sentence_at[sent + 1] - north->sentence_at[sent], 1);
    assert_int_equal(north->sentence_facts[north->sentence_at[sent]], (uint32_t)beams);
    assert_false(north->only_here[sent]);
    /* south's criticism is carried by south alone */
    int crit = fixture_sentence(s, 1, "Critics slammed");
    assert_true(c->sources[1].only_here[crit]);
    /* one conflicting detail, one fact with it; the closure carried by all */
    assert_int_equal(c->conflicts, 1);
    assert_int_equal(c->conflict_facts, 1);
    assert_true(c->carried_by_all >= 1);
    assert_true(c->carried_by_one >= 1);
    assert_int_equal(c->words, s->docs[0]->words + s->docs[1]->words + s->docs[2]->words);
    px_story_free(s);
    px_lexset_free(lex);
}

static void speakers_once_each(void **state)
{
    (void)state;
    px_lexset *lex;
    px_story *s = fixture_story(&lex);
    /* north: "city officials said" and "Mayor Ana Ruiz said" */
    const px_source_compare *north = &s->compare.sources[0];
    bool mayor = false;
    for (size_t k = 0; k < north->nspeakers; k++)
        if (strstr(north->speakers[k].name, "Ana Ruiz")) {
            mayor = true;
            assert_false(north->speakers[k].anonymous);
            assert_int_equal(north->speakers[k].quotes + north->speakers[k].paraphrases, 1);
        }
    assert_true(mayor);
    assert_int_equal(north->named_speakers, 1);
    assert_int_equal(north->anonymous_speakers, 1);
    /* east attributes nothing */
    assert_int_equal(s->compare.sources[2].nspeakers, 0);
    px_story_free(s);
    px_lexset_free(lex);
}

static void words_behind_the_score(void **state)
{
    (void)state;
    px_lexset *lex;
    px_story *s = fixture_story(&lex);
    /* south has the only hits: chaos (headline), slammed, disgrace */
    const px_lexicon_compare *south = &s->compare.sources[1].lexicons[0];
    assert_int_equal(south->nterms, 3);
    for (size_t k = 0; k < south->nterms; k++)
        assert_int_equal(south->terms[k].count, 1);
    assert_int_equal(south->nevidence, 3);
    const px_lexicon *L = px_lexset_get(lex, 0);
    for (size_t k = 0; k < south->nevidence; k++) {
        const px_evidence *e = &south->evidence[k];
        assert_int_equal(e->nhits, 1);
        assert_int_equal(e->category, L->entries[e->entry].category);
    }
    assert_int_equal(s->compare.sources[0].lexicons[0].nterms, 0);
    /* the headline's "chaos" is listed but not counted: scores are per body word */
    assert_int_equal(s->compare.lexicons[0].hits, 2);
    /* ... one word in narration is the most, but not clearly so */
    const px_top *top = &s->compare.lexicons[0].top[PX_FIG_ALL];
    assert_int_equal(top->source, 1);
    assert_false(top->clear);
    /* no directions in this lexicon: no slant, nobody tops it */
    assert_int_equal(s->compare.lexicons[0].top[PX_FIG_SLANT].source, -1);
    px_story_free(s);
    px_lexset_free(lex);
}

static void pairs_of_outlets(void **state)
{
    (void)state;
    px_lexset *lex;
    px_story *s = fixture_story(&lex);
    const px_comparison *c = &s->compare;
    assert_int_equal(c->npairs, 3);
    const px_pair_compare *ns = &c->pairs[0]; /* north and south */
    assert_int_equal(ns->a, 0);
    assert_int_equal(ns->b, 1);
    assert_true(ns->both >= 2 && ns->either >= ns->both);
    assert_int_equal(ns->details, 1);         /* the beams */
    assert_int_equal(ns->agree, 0);           /* 12 against 15 */
    assert_int_equal(c->pairs[1].details, 0); /* north and east dispute nothing */
    px_story_free(s);
    px_lexset_free(lex);
}

static void bad_arguments(void **state)
{
    (void)state;
    px_comparison c;
    px_error err = {0};
    px_arena *a = px_arena_new();
    assert_int_equal(px_compare_story(a, NULL, 0, NULL, NULL, NULL, &c, &err), PX_EUSAGE);
    assert_int_equal(err.status, PX_EUSAGE);
    px_arena_free(a);
}

/* Blind spots: facts two of the three outlets carry that the third surely
 * leaves out; "not shown" counted apart; each outlet's own wording of a
 * shared fact: south's "violent" storm, which north and east do not write. */
static void blind_spots_and_own_wording(void **state)
{
    (void)state;
    px_lexset *lex;
    px_story *s = fixture_story(&lex);
    const px_comparison *c = &s->compare;
    int beams = fixture_fact(s, "cracked beams"), closed = fixture_fact(s, "was closed on Monday");
    bool east_beams = false;
    for (size_t k = 0; k < c->nblindspots; k++) {
        const px_blindspot *b = &c->blindspots[k];
        assert_int_equal(cell(s, (int)b->fact, b->source)->status, PX_CELL_OMITS);
        assert_int_equal(b->carriers, 2);
        assert_int_not_equal(b->source, 0); /* north leaves nothing out */
        east_beams = east_beams || (b->fact == (uint32_t)beams && b->source == 2);
    }
    assert_true(east_beams);
    assert_int_equal(c->nblindspots, c->sources[1].nomitted + c->sources[2].nomitted);
    for (uint32_t src = 0; src < 3; src++) {
        size_t not_shown = 0;
        for (size_t f = 0; f < c->nfacts; f++)
            not_shown += px_compare_cell(c, f, src)->status == PX_CELL_NOT_SHOWN;
        assert_int_equal(c->sources[src].not_shown, not_shown);
    }
    const px_cell *south = cell(s, closed, 1);
    const px_doc *d = s->docs[1];
    bool violent = false;
    for (size_t k = 0; k < south->ndistinct; k++)
        for (size_t t = south->distinct[k].tok;
             t < south->distinct[k].tok + south->distinct[k].ntok; t++)
            violent = violent || !strcmp(d->toks[t].fold, "violent");
    assert_true(violent);
    /* words every carrier writes are nobody's own */
    for (size_t k = 0; k < south->ndistinct; k++)
        for (size_t t = south->distinct[k].tok;
             t < south->distinct[k].tok + south->distinct[k].ntok; t++)
            assert_true(strcmp(d->toks[t].fold, "bridge") && strcmp(d->toks[t].fold, "storm"));
    px_story_free(s);
    px_lexset_free(lex);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(status_of_each_outlet),
        cmocka_unit_test(where_each_fact_sits),
        cmocka_unit_test(omissions_and_only_here),
        cmocka_unit_test(order_sentences_and_counts),
        cmocka_unit_test(speakers_once_each),
        cmocka_unit_test(words_behind_the_score),
        cmocka_unit_test(pairs_of_outlets),
        cmocka_unit_test(bad_arguments),
        cmocka_unit_test(blind_spots_and_own_wording),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
