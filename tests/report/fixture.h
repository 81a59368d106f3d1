/*
 * fixture.h — a small story written for the report tests: three outlets on
 * a bridge closed by a storm, with a lexicon of our own, so the tests do
 * not move when the shipped lexicons grow.
 *
 * What the fixture is built to show: every outlet carries the closure; two
 * of them count the cracked beams differently (12 and 15); "Critics slammed
 * the city" is only in south; east leaves out the beams that both others
 * report.
 */
#ifndef PX_TEST_REPORT_FIXTURE_H
#define PX_TEST_REPORT_FIXTURE_H

#include <stdlib.h>
#include <unistd.h>

#include "support.h"

static const char *const fixture_texts[] = {
    "north",
    "Storm closes Harlow Bridge for two days\n\n"
    "The Harlow Bridge was closed on Monday after a storm damaged its deck, city officials "
    "said. Engineers found 12 cracked beams during an inspection of the bridge.\n\n"
    "The bridge carries about 40,000 cars a day. Mayor Ana Ruiz said repairs would cost "
    "3 million dollars.\n\nFerries will run every hour until the bridge reopens.",
    "south",
    "Harlow Bridge shut as storm chaos grips city\n\n"
    "The Harlow Bridge was closed on Monday after a violent storm damaged its deck, "
    "officials said. Engineers found 15 cracked beams during an inspection of the bridge.\n\n"
    "Mayor Ana Ruiz said repairs would cost 3 million dollars. Critics slammed the city "
    "for years of neglect, calling the closure a disgrace.",
    "east",
    "Bridge closed after storm\n\n"
    "The Harlow Bridge was closed on Monday after a storm damaged its deck. Ferries will "
    "run every hour until the bridge reopens.\n\nThe bridge carries about 40,000 cars a "
    "day. Local shops reported a quiet morning on the riverside.",
};

/* Our test lexicon: two categories, one neutral counterpart. */
static const char fixture_lexicon[] = "# name: testloaded\n# version: 1\n# licence: CC0-1.0\n"
                                      "# description: words for the report tests\n"
                                      "# label: label — contentious label\n"
                                      "slammed\tcombative\t1\tcriticised\n"
                                      "disgrace\tlabel\t1\n"
                                      "chaos\tlabel\t1\tdisorder\n";

static inline px_lexset *fixture_lexset(void)
{
    char path[] = "/tmp/pxreportlexXXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, fixture_lexicon, sizeof fixture_lexicon - 1),
                     (ssize_t)(sizeof fixture_lexicon - 1));
    close(fd);
    px_lexicon *l = NULL;
    px_error err = {0};
    char tsv[64];
    snprintf(tsv, sizeof tsv, "%s.tsv", path);
    assert_int_equal(rename(path, tsv), 0);
    assert_int_equal(px_lexicon_load(tsv, &l, &err), PX_OK);
    unlink(tsv);
    px_lexset *set = px_lexset_new();
    px_lexset_add(set, l);
    return set;
}

/* The analysed fixture story; *lex must be freed after the story. */
static inline px_story *fixture_story(px_lexset **lex)
{
    px_story *s = test_story(fixture_texts, 3);
    *lex = fixture_lexset();
    px_config cfg;
    px_config_defaults(&cfg);
    cfg.lexicons = *lex;
    px_error err = {0};
    assert_int_equal(px_story_analyze(s, &cfg, NULL, &err), PX_OK);
    return s;
}

/* Index of the fact whose representative wording contains needle, or -1. */
static inline int fixture_fact(const px_story *s, const char *needle)
{
    for (size_t f = 0; f < s->alignment.nfacts; f++) {
        const px_fact *fact = &s->alignment.facts[f];
        for (size_t m = 0; m < fact->nmentions; m++) {
            const px_doc *d = s->docs[fact->mentions[m].source];
            const px_sentence *st = &d->sents[fact->mentions[m].sent];
            const char *t = d->text + st->start;
            size_t n = st->end - st->start, k = strlen(needle);
            for (size_t i = 0; i + k <= n; i++)
                if (!memcmp(t + i, needle, k))
                    return (int)f;
        }
    }
    return -1;
}

/* Index of the sentence of source src containing needle, or -1. */
static inline int fixture_sentence(const px_story *s, uint32_t src, const char *needle)
{
    const px_doc *d = s->docs[src];
    for (size_t k = 0; k < d->nsents; k++) {
        const char *t = d->text + d->sents[k].start;
        size_t n = d->sents[k].end - d->sents[k].start, m = strlen(needle);
        for (size_t i = 0; i + m <= n; i++)
            if (!memcmp(t + i, needle, m))
                return (int)k;
    }
    return -1;
}

#endif
