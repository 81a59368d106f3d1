/*
 * summary.c — the counts a reader sees at a glance: who each outlet quotes
 * (the frame stage's speakers, named and anonymous), how much of it is
 * direct quotation, what each pair of outlets shares and whether they
 * agree on the details both state, and the story's totals.
 */
#include <string.h>

#include "compare/internal.h"

static void speakers(const px_sourcing *so, px_source_compare *sc)
{
    sc->speakers = so->speakers;
    sc->nspeakers = so->nspeakers;
    for (size_t k = 0; k < so->nspeakers; k++) {
        if (so->speakers[k].anonymous)
            sc->anonymous_speakers++;
        else
            sc->named_speakers++;
    }
    sc->quoted_words = so->quoted_words;
    sc->quoted_share = so->quoted_share;
}

static void pair(const px_alignment *al, uint32_t a, uint32_t b, px_pair_compare *p)
{
    *p = (px_pair_compare){a, b, 0, 0, 0, 0};
    for (size_t f = 0; f < al->nfacts; f++) {
        const px_fact *fact = &al->facts[f];
        bool ca = px_fact_mention(fact, a) != NULL, cb = px_fact_mention(fact, b) != NULL;
        p->both += ca && cb;
        p->either += ca || cb;
        for (size_t k = 0; ca && cb && k < fact->nconflicts; k++) {
            const char *va = fact->conflicts[k].values[a], *vb = fact->conflicts[k].values[b];
            if (va && vb) {
                p->details++;
                p->agree += strcmp(va, vb) == 0;
            }
        }
    }
}

static void story(const px_compare_in *in, px_comparison *c)
{
    const px_alignment *al = in->al;
    for (size_t f = 0; f < al->nfacts; f++) {
        size_t n = al->facts[f].nmentions;
        c->carried_by_all += n == in->nsources;
        c->carried_by_one += n == 1;
        c->shared_facts += n >= 2;
        c->conflict_facts += al->facts[f].nconflicts > 0;
        c->conflicts += al->facts[f].nconflicts;
    }
    for (size_t s = 0; s < in->nsources; s++)
        c->words += in->docs[s]->words;
}

void px_compare_summary(const px_compare_in *in, px_comparison *c)
{
    size_t n = in->nsources;
    for (uint32_t s = 0; s < n; s++)
        speakers(&in->frames[s].sourcing, &c->sources[s]);
    c->pairs = px_arena_array(in->a, n * n / 2 + 1, sizeof *c->pairs);
    for (uint32_t a = 0; a < n; a++)
        for (uint32_t b = a + 1; b < n; b++)
            pair(in->al, a, b, &c->pairs[c->npairs++]);
    story(in, c);
}
