/*
 * fixture.h — a small story written for the worksheet tests: three outlets
 * on a flooded town library, given as JSON records so that they carry
 * outlet names, bylines and URLs, with a lexicon of our own.
 *
 * What the fixture is built to show: every outlet reports the flood and
 * the two-week closure; ledger and courier count the damaged books
 * differently (3,000 and 5,000) and both say the pipe was due to be
 * replaced, which bulletin leaves out; courier uses loaded words with
 * neutral counterparts. The texts name their outlets ("The Morning Ledger
 * has learned", "told the Courier", "the Harlow Bulletin"), a reporter,
 * an e-mail address and a URL, all of which the worksheet must hide; the
 * town, Harlow, is in every text and must stay. There are a handle
 * (@MorningLedger), a tag run together from a name (#HarlowBulletin) and a
 * web address without http (valleycourier.example).
 */
#ifndef PX_TEST_WORKSHEET_FIXTURE_H
#define PX_TEST_WORKSHEET_FIXTURE_H

#include <jansson.h>
#include <stdlib.h>
#include <unistd.h>

#include "support.h"

typedef struct fixture_outlet {
    const char *id, *name, *url, *byline, *title, *text;
} fixture_outlet;

static const fixture_outlet fixture_outlets[] = {
    {"ledger", "The Morning Ledger", "https://www.morningledger.example/news/library-flood",
     "Jane Roe", "Harlow library flooded as council blames burst pipe",
     "The Harlow public library was flooded on Sunday night after a water pipe burst in the "
     "basement, the council said. About 3,000 books were damaged by the water, said Tom "
     "Baker, the head librarian.\n\n"
     "The library will stay closed for two weeks while the basement dries out. The Morning "
     "Ledger has learned that the pipe was due to be replaced last year.\n\n"
     "Residents with photos of the damage can write to tips@morningledger.example or use the "
     "form at https://morningledger.example/flood today, or tag @MorningLedger. Jane Roe "
     "reported from Harlow."},
    {"courier", "Valley Courier", "https://valleycourier.example/2024/flood", "By Sam Lee",
     "Library disaster: thousands of books destroyed in Harlow flood fiasco",
     "A burst pipe flooded the Harlow public library on Sunday night, the council said. About "
     "5,000 books were damaged by the water, a council source told the Courier.\n\n"
     "Critics slammed the council for the disaster, saying it ignored repeated warnings about "
     "the ageing pipes. The library will stay closed for two weeks.\n\n"
     "As the Morning Ledger first reported, the pipe was due to be replaced last year. "
     "Updates on the repairs are at valleycourier.example/flood every evening."},
    {"bulletin", "Harlow Bulletin", NULL, NULL, "Harlow library closed after pipe bursts",
     "The Harlow public library was flooded on Sunday night when a pipe burst, the council "
     "said. The library will stay closed for two weeks.\n\n"
     "Volunteers from the Harlow Bulletin helped move books to a dry room on Monday. Mayor Ana "
     "Ruiz said the town would pay for repairs. Readers tagged their pictures of the clean-up "
     "#HarlowBulletin."},
};
enum { FIXTURE_OUTLETS = 3 };

/* Our test lexicon: loaded words, two with neutral counterparts' columns. */
static const char fixture_lexicon[] = "# name: loaded\n# version: 1\n# licence: CC0-1.0\n"
                                      "# description: words for the worksheet tests\n"
                                      "slammed\tcombative\t1\tcriticised\n"
                                      "fiasco\tderision\t1\tfailure\n"
                                      "disaster\talarm\t1\tdamage\n"
                                      "ageing\tlabel\t1\n";

static inline px_lexset *fixture_lexset(void)
{
    char path[] = "/tmp/pxwslexXXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, fixture_lexicon, sizeof fixture_lexicon - 1),
                     (ssize_t)(sizeof fixture_lexicon - 1));
    close(fd);
    char tsv[64];
    snprintf(tsv, sizeof tsv, "%s.tsv", path);
    assert_int_equal(rename(path, tsv), 0);
    px_lexicon *l = NULL;
    px_error err = {0};
    assert_int_equal(px_lexicon_load(tsv, &l, &err), PX_OK);
    unlink(tsv);
    px_lexset *set = px_lexset_new();
    px_lexset_add(set, l);
    return set;
}

/* One outlet as a JSON record; `swap` replaces the first occurrence of
 * swap[0] in the text by swap[1] (NULL: none). */
static inline px_article *fixture_article(px_story *s, const fixture_outlet *o,
                                          const char *const *swap)
{
    char text[2048];
    snprintf(text, sizeof text, "%s", o->text);
    char *at = swap ? strstr(text, swap[0]) : NULL;
    if (at && strlen(swap[0]) == strlen(swap[1]))
        memcpy(at, swap[1], strlen(swap[1]));
    json_t *j = json_pack("{s:s, s:s, s:s, s:s}", "source", o->id, "outlet", o->name, "title",
                          o->title, "text", text);
    if (o->url)
        json_object_set_new(j, "url", json_string(o->url));
    if (o->byline)
        json_object_set_new(j, "byline", json_string(o->byline));
    char *rec = json_dumps(j, 0);
    px_furniture *f = px_furniture_default();
    px_ingest_opts io = {.furniture = f};
    px_article *art = NULL;
    px_error err = {0};
    assert_int_equal(
        px_ingest_record(px_story_arena(s), rec, strlen(rec), o->id, 0, &io, &art, &err), PX_OK);
    px_furniture_free(f);
    free(rec);
    json_decref(j);
    return art;
}

/* The analysed story (lexicons optional); *lex is freed after the story. */
static inline px_story *fixture_story(px_lexset **lex, const char *const *swap)
{
    px_story *s = px_story_new("flood");
    px_error err = {0};
    for (size_t i = 0; i < FIXTURE_OUTLETS; i++)
        assert_int_equal(px_story_add(s, fixture_article(s, &fixture_outlets[i], swap), &err),
                         PX_OK);
    px_config cfg;
    px_config_defaults(&cfg);
    cfg.lexicons = lex ? (*lex = fixture_lexset()) : NULL;
    assert_int_equal(px_story_analyze(s, &cfg, NULL, &err), PX_OK);
    return s;
}

/* Render a worksheet and key; the caller frees both buffers. */
static inline void fixture_render(const px_story *s, const px_worksheet_opts *o, px_buf *sheet,
                                  px_buf *key)
{
    px_buf_init(sheet, 0);
    px_buf_init(key, 0);
    assert_int_equal(px_worksheet_render(s, o, sheet, key), PX_OK);
}

/* How many times needle occurs in hay. */
static inline size_t count(const char *hay, const char *needle)
{
    size_t n = 0;
    for (const char *p = strstr(hay, needle); p; p = strstr(p + 1, needle))
        n++;
    return n;
}

#endif
