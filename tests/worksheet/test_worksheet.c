/* Unit tests of the classroom worksheet (src/worksheet/) on the
 * flood fixture: what is blanked out and what stays, the letters and the
 * seed, which exercises each level shows, and that every planned answer is
 * true of the texts (the missing fact really is missing, the words really
 * are in that source, the conflict really is one). */
#include <strings.h>

#include "fixture.h"
#include "worksheet/internal.h"

static int source_of(const px_story *s, const char *id)
{
    int i = px_story_source(s, id);
    assert_true(i >= 0);
    return i;
}

static void hides_names_bylines_and_links(void **state)
{
    (void)state;
    px_lexset *lex;
    px_story *s = fixture_story(&lex, NULL);
    px_worksheet_opts o = {.seed = 1, .level = PX_WORKSHEET_STANDARD};
    px_buf sheet, key;
    fixture_render(s, &o, &sheet, &key);
    static const char *const hidden[] = {
        "Ledger",        "Courier", "Bulletin", "Jane Roe", "#Harlow", "Sam Lee", "morningledger",
        "valleycourier", "http",    "@",        "ledger",   "courier", "bulletin"};
    const char *body = strstr(sheet.data, "<body");
    assert_non_null(body);
    for (size_t i = 0; i < sizeof hidden / sizeof *hidden; i++) {
        if (strstr(body, hidden[i]))
            fail_msg("the worksheet shows '%s'", hidden[i]);
    }
    /* the town is the story's, not a name; the labels say what was there */
    assert_true(count(sheet.data, "Harlow") >= 6);
    assert_true(count(sheet.data, "[reporter]") >= 1);
    assert_true(count(sheet.data, "[link]") >= 2);
    assert_non_null(strstr(sheet.data, "Where an article named an outlet, a reporter or a web or "
                                       "e-mail address, you will see"));
    /* "The Morning Ledger has learned": the letter of the ledger */
    px_worksheet_opts plain = o;
    ws_plan p;
    px_arena *a = px_arena_new();
    ws_plan_build(&p, s, &plain, a);
    char label[64];
    snprintf(label, sizeof label, "[Source %c]</span> has learned",
             ws_letter(&p, (uint32_t)source_of(s, "ledger")));
    assert_non_null(strstr(sheet.data, label));
    snprintf(label, sizeof label, "told the <span class=\"cut\">[Source %c]",
             ws_letter(&p, (uint32_t)source_of(s, "courier")));
    assert_non_null(strstr(sheet.data, label));
    /* the key names them */
    assert_non_null(strstr(key.data, "The Morning Ledger"));
    assert_non_null(strstr(key.data, "Valley Courier"));
    px_arena_free(a);
    px_buf_free(&sheet);
    px_buf_free(&key);
    px_story_free(s);
    px_lexset_free(lex);
}

static void reveal_keeps_texts(void **state)
{
    (void)state;
    px_lexset *lex;
    px_story *s = fixture_story(&lex, NULL);
    px_worksheet_opts o = {.seed = 1, .reveal_outlets = true};
    px_buf sheet, key;
    fixture_render(s, &o, &sheet, &key);
    /* the fixture does carry what anonymity hides */
    assert_non_null(strstr(sheet.data, "The Morning Ledger has learned"));
    assert_non_null(strstr(sheet.data, "tips@morningledger.example"));
    assert_non_null(strstr(sheet.data, "Valley Courier"));
    assert_non_null(strstr(sheet.data, "@MorningLedger"));
    assert_non_null(strstr(sheet.data, "#HarlowBulletin"));
    assert_non_null(strstr(sheet.data, " valleycourier.example/flood "));
    assert_null(strstr(sheet.data, "class=\"cut\">["));
    px_buf_free(&sheet);
    px_buf_free(&key);
    px_story_free(s);
    px_lexset_free(lex);
}

static void seed_fixes_letters(void **state)
{
    (void)state;
    px_lexset *lex;
    px_story *s = fixture_story(&lex, NULL);
    px_worksheet_opts o = {.seed = 7};
    px_buf a1, k1, a2, k2;
    fixture_render(s, &o, &a1, &k1);
    fixture_render(s, &o, &a2, &k2);
    assert_int_equal(a1.len, a2.len);
    assert_memory_equal(a1.data, a2.data, a1.len);
    assert_int_equal(k1.len, k2.len);
    assert_memory_equal(k1.data, k2.data, k1.len);
    /* over a few seeds, each outlet gets more than one letter */
    bool letters[FIXTURE_OUTLETS][FIXTURE_OUTLETS] = {{false}};
    for (uint64_t seed = 0; seed < 12; seed++) {
        px_arena *a = px_arena_new();
        ws_plan p;
        px_worksheet_opts so = {.seed = seed};
        ws_plan_build(&p, s, &so, a);
        for (uint32_t src = 0; src < FIXTURE_OUTLETS; src++)
            letters[src][ws_letter(&p, src) - 'A'] = true;
        px_arena_free(a);
    }
    for (size_t src = 0; src < FIXTURE_OUTLETS; src++)
        assert_true(letters[src][0] + letters[src][1] + letters[src][2] >= 2);
    px_buf_free(&a1);
    px_buf_free(&k1);
    px_buf_free(&a2);
    px_buf_free(&k2);
    px_story_free(s);
    px_lexset_free(lex);
}

/* Does any one sentence of doc d hold every key word (case-folded)? */
static bool one_sentence_has_all(const px_doc *d, const char *const *keys, size_t n)
{
    for (size_t k = 0; k < d->nsents; k++) {
        size_t found = 0;
        for (size_t w = 0; w < n; w++) {
            bool in = false;
            for (size_t t = d->sents[k].tok; t < d->sents[k].tok + d->sents[k].ntok && !in; t++)
                in = !strcasecmp(d->toks[t].fold, keys[w]);
            found += in;
        }
        if (found == n)
            return true;
    }
    return false;
}

static void missing_fact_is_missing(void **state)
{
    (void)state;
    px_lexset *lex;
    px_story *s = fixture_story(&lex, NULL);
    px_arena *a = px_arena_new();
    ws_plan p;
    px_worksheet_opts o = {.level = PX_WORKSHEET_ADVANCED};
    ws_plan_build(&p, s, &o, a);
    assert_true(p.supported[WS_MISSING]);
    assert_true(p.nmissing >= 1);
    const ws_missing *m = &p.missing[0];
    assert_int_equal(m->source, source_of(s, "bulletin"));
    const px_fact *f = &s->alignment.facts[m->fact];
    assert_null(px_fact_mention(f, m->source));
    assert_int_equal(f->nmentions, 2);
    assert_true(m->nkeys >= 2);
    assert_false(one_sentence_has_all(s->docs[m->source], m->keys, m->nkeys));
    for (size_t k = 0; k < m->nalso; k++)
        assert_null(px_fact_mention(&s->alignment.facts[m->also[k]], m->source));
    /* it is the pipe or the books: both are what the fixture leaves out */
    size_t n;
    const char *t = px_story_fact_text(s, f, &n);
    char *text = px_arena_strndup(a, t, n);
    assert_true(strstr(text, "pipe was due") || strstr(text, "books were"));
    px_arena_free(a);
    px_story_free(s);
    px_lexset_free(lex);
}

static void words_are_in_the_source(void **state)
{
    (void)state;
    px_lexset *lex;
    px_story *s = fixture_story(&lex, NULL);
    px_arena *a = px_arena_new();
    ws_plan p;
    px_worksheet_opts o = {.level = PX_WORKSHEET_STANDARD};
    ws_plan_build(&p, s, &o, a);
    assert_true(p.supported[WS_WORDS]);
    const ws_words *w = &p.words[0];
    assert_int_equal(w->source, source_of(s, "courier"));
    assert_int_equal(w->nfind, 3);
    const px_doc *d = s->docs[w->source];
    static const char *const expected[] = {"fiasco", "disaster", "slammed"};
    for (size_t k = 0; k < w->nfind + w->nmore; k++) {
        const ws_word *x = k < w->nfind ? &w->find[k] : &w->more[k - w->nfind];
        assert_true(x->start >= d->sents[x->sent].start && x->end <= d->sents[x->sent].end);
        assert_non_null(x->neutral);
        char *word = px_arena_strndup(a, d->text + x->start, x->end - x->start);
        bool known = false;
        for (size_t e = 0; e < 3; e++)
            known = known || !strcasecmp(word, expected[e]);
        if (!known)
            fail_msg("'%s' is no loaded word with a neutral counterpart", word);
    }
    /* each term once, though "disaster" is written twice */
    assert_int_equal(w->nfind + w->nmore, 3);
    px_arena_free(a);
    px_story_free(s);
    px_lexset_free(lex);
}

static void voices_only_one_source_has(void **state)
{
    (void)state;
    px_lexset *lex;
    px_story *s = fixture_story(&lex, NULL);
    px_arena *a = px_arena_new();
    ws_plan p;
    px_worksheet_opts o = {.level = PX_WORKSHEET_STANDARD};
    ws_plan_build(&p, s, &o, a);
    /* the librarian speaks only in ledger, the mayor only in bulletin; the
     * council speaks everywhere and is no person */
    uint64_t want = (1ULL << source_of(s, "ledger")) | (1ULL << source_of(s, "bulletin"));
    assert_int_equal(p.speakers.unique, want);
    px_buf sheet, key;
    fixture_render(s, &o, &sheet, &key);
    assert_non_null(strstr(key.data, "data-person=\"Tom Baker\""));
    assert_non_null(strstr(key.data, "data-person=\"Mayor Ana Ruiz\""));
    assert_null(strstr(key.data, "data-person=\"the council\""));
    assert_non_null(strstr(sheet.data, "quoted by only one of the sources"));
    px_buf_free(&sheet);
    px_buf_free(&key);
    px_arena_free(a);
    px_story_free(s);
    px_lexset_free(lex);
}

static void conflicts_only_when_there_are_some(void **state)
{
    (void)state;
    px_lexset *lex;
    px_story *s = fixture_story(&lex, NULL);
    px_worksheet_opts o = {.level = PX_WORKSHEET_STANDARD};
    px_buf sheet, key;
    fixture_render(s, &o, &sheet, &key);
    assert_true(s->compare.conflicts > 0);
    assert_non_null(strstr(sheet.data, "Different details"));
    assert_non_null(strstr(key.data, "data-value=\"About 3,000\""));
    assert_non_null(strstr(key.data, "data-value=\"About 5,000\""));
    assert_non_null(strstr(sheet.data, "disagree about the number of books"));
    px_buf_free(&sheet);
    px_buf_free(&key);
    px_story_free(s);
    px_lexset_free(lex);

    /* the same story with both counts equal: no conflict question */
    static const char *const same[] = {"5,000", "3,000"};
    s = fixture_story(&lex, same);
    assert_int_equal(s->compare.conflicts, 0);
    fixture_render(s, &o, &sheet, &key);
    assert_null(strstr(sheet.data, "Different details"));
    assert_non_null(strstr(key.data, "the sources give no conflicting details"));
    px_buf_free(&sheet);
    px_buf_free(&key);
    px_story_free(s);
    px_lexset_free(lex);
}

/* The question counts things, so it names them in the plural even when
 * every source writes the noun in the singular ("3,000 book"): never "the
 * number of book". */
static void conflict_question_is_plural(void **state)
{
    (void)state;
    static const char *const singular[] = {"books were", "book  were"};
    px_lexset *lex;
    px_story *s = fixture_story(&lex, singular);
    px_worksheet_opts o = {.level = PX_WORKSHEET_STANDARD};
    px_buf sheet, key;
    fixture_render(s, &o, &sheet, &key);
    assert_true(s->compare.conflicts > 0);
    assert_non_null(strstr(sheet.data, "3,000 book  were"));
    assert_non_null(strstr(sheet.data, "disagree about the number of books."));
    assert_null(strstr(sheet.data, "the number of book."));
    px_buf_free(&sheet);
    px_buf_free(&key);
    px_story_free(s);
    px_lexset_free(lex);
}

static size_t exercises(const char *sheet)
{
    return count(sheet, "<section class=\"ex\"");
}

static void levels(void **state)
{
    (void)state;
    px_lexset *lex;
    px_story *s = fixture_story(&lex, NULL);
    px_buf sheet[3], key[3];
    for (int l = 0; l < 3; l++) {
        px_worksheet_opts o = {.seed = 3, .level = (px_worksheet_level)l};
        fixture_render(s, &o, &sheet[l], &key[l]);
    }
    assert_int_equal(exercises(sheet[PX_WORKSHEET_INTRO].data), 3);
    /* intro: every exercise has its hint */
    for (const char *ex = strstr(sheet[PX_WORKSHEET_INTRO].data, "<section class=\"ex\""); ex;
         ex = strstr(ex + 1, "<section class=\"ex\"")) {
        const char *hint = strstr(ex, "<strong>Hint:</strong>"), *end = strstr(ex, "</section>");
        assert_true(hint && hint < end);
    }
    assert_true(exercises(sheet[PX_WORKSHEET_STANDARD].data) > 3);
    assert_int_equal(count(sheet[PX_WORKSHEET_ADVANCED].data, "Hint:"), 0);
    assert_int_equal(exercises(sheet[PX_WORKSHEET_ADVANCED].data),
                     exercises(sheet[PX_WORKSHEET_STANDARD].data));
    /* advanced asks more of the reflection */
    assert_true(count(sheet[PX_WORKSHEET_ADVANCED].data, "class=\"q\"") >
                count(sheet[PX_WORKSHEET_STANDARD].data, "class=\"q\""));
    /* intro's key says what it left out */
    assert_non_null(strstr(key[PX_WORKSHEET_INTRO].data, "left out at this level"));
    for (int l = 0; l < 3; l++) {
        px_buf_free(&sheet[l]);
        px_buf_free(&key[l]);
    }
    px_story_free(s);
    px_lexset_free(lex);
}

static void no_lexicons_no_word_exercise(void **state)
{
    (void)state;
    px_story *s = fixture_story(NULL, NULL);
    px_worksheet_opts o = {.level = PX_WORKSHEET_ADVANCED};
    px_buf sheet, key;
    fixture_render(s, &o, &sheet, &key);
    assert_null(strstr(sheet.data, "Word choice"));
    assert_non_null(strstr(sheet.data, "What is missing?"));
    px_buf_free(&sheet);
    px_buf_free(&key);
    px_story_free(s);
}

static void api_edges(void **state)
{
    (void)state;
    px_worksheet_level l = PX_WORKSHEET_STANDARD;
    assert_true(px_worksheet_level_parse("intro", &l));
    assert_int_equal(l, PX_WORKSHEET_INTRO);
    assert_true(px_worksheet_level_parse("advanced", &l));
    assert_int_equal(l, PX_WORKSHEET_ADVANCED);
    assert_false(px_worksheet_level_parse("hard", &l));
    assert_false(px_worksheet_level_parse(NULL, &l));
    px_worksheet_opts o = {0};
    px_buf b;
    px_buf_init(&b, 0);
    assert_int_equal(px_worksheet_render(NULL, &o, &b, NULL), PX_EUSAGE);
    px_story *s = px_story_new("one");
    assert_int_equal(px_worksheet_render(s, &o, &b, NULL), PX_EUSAGE); /* not analysed */
    px_story_free(s);
    /* a cap too small for the page */
    s = fixture_story(NULL, NULL);
    px_buf small;
    px_buf_init(&small, 1024);
    assert_int_equal(px_worksheet_render(s, &o, &small, NULL), PX_ELIMIT);
    px_buf_free(&small);
    px_buf_free(&b);
    px_story_free(s);
}

/* Markup in texts, names and URLs stays text on both pages. */
static void escapes_everything(void **state)
{
    (void)state;
    static const fixture_outlet evil[] = {
        {"x", "<b>X</b> News", "javascript:alert(1)", "<i>Eve</i> Smith",
         "Council <script>alert(1)</script> votes",
         "The council voted on <script>alert(2)</script> Monday to close the pool, the mayor "
         "said. The pool will stay shut for a year.\n\nSwimmers were \"furious\" & upset."},
        {"y", "Y \" onload=\"x", NULL, NULL, "Pool closed by council vote",
         "The council voted on Monday to close the pool, the mayor said. The pool will stay "
         "shut for a year."},
    };
    px_story *s = px_story_new("evil");
    px_error err = {0};
    for (size_t i = 0; i < 2; i++)
        assert_int_equal(px_story_add(s, fixture_article(s, &evil[i], NULL), &err), PX_OK);
    px_config cfg;
    px_config_defaults(&cfg);
    assert_int_equal(px_story_analyze(s, &cfg, NULL, &err), PX_OK);
    for (int reveal = 0; reveal < 2; reveal++) {
        px_worksheet_opts o = {.seed = 1, .reveal_outlets = reveal};
        px_buf sheet, key;
        fixture_render(s, &o, &sheet, &key);
        const char *pages[] = {sheet.data, key.data};
        for (size_t k = 0; k < 2; k++) {
            assert_null(strstr(pages[k], "<script"));
            assert_null(strstr(pages[k], "<b>X"));
            assert_null(strstr(pages[k], "<i>Eve"));
            assert_null(strstr(pages[k], "\" onload"));
            assert_null(strstr(pages[k], "href="));
        }
        assert_non_null(strstr(key.data, "&lt;script&gt;alert(1)&lt;/script&gt;"));
        px_buf_free(&sheet);
        px_buf_free(&key);
    }
    px_story_free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(hides_names_bylines_and_links),
        cmocka_unit_test(reveal_keeps_texts),
        cmocka_unit_test(seed_fixes_letters),
        cmocka_unit_test(missing_fact_is_missing),
        cmocka_unit_test(words_are_in_the_source),
        cmocka_unit_test(voices_only_one_source_has),
        cmocka_unit_test(conflicts_only_when_there_are_some),
        cmocka_unit_test(conflict_question_is_plural),
        cmocka_unit_test(levels),
        cmocka_unit_test(no_lexicons_no_word_exercise),
        cmocka_unit_test(api_edges),
        cmocka_unit_test(escapes_everything),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
