/*
 * prominence.c — which facts each outlet's headline states.
 *
 * A fact is in an outlet's headline when the headline aligns with the
 * outlet's claim of it by the same similarity and threshold as claims
 * align, and it is the best such fact for that headline (or a close
 * second). Where a fact sits in an article's body (lead, body, end) is the
 * compare stage's (src/compare/matrix.c).
 */
#include <stdint.h>

#include "align/internal.h"

/* The facts a headline states: a headline is short and states one or two
 * things, so among the facts whose claim aligns with it (similarity at or
 * above the threshold) only the best, and a second close to it, count —
 * otherwise every fact naming the story's protagonists would be "in the
 * headline". */
#define HEADLINE_MAX 2
#define HEADLINE_CLOSE 0.85

static void headline_facts(const px_prominence_in *in, px_alignment *al, uint32_t s)
{
    size_t best[HEADLINE_MAX];
    double score[HEADLINE_MAX];
    for (size_t k = 0; k < HEADLINE_MAX; k++)
        best[k] = SIZE_MAX, score[k] = 0;
    for (size_t f = 0; f < al->nfacts; f++) {
        const px_fact *fact = &al->facts[f];
        const px_mention *m = px_fact_mention(fact, s);
        if (!m)
            continue; /* an outlet's headline states what its article carries */
        double sim = px_bag_similarity(in->vocab, &in->headlines[s], &in->bags[m->claim]);
        if (sim < in->threshold)
            continue;
        for (size_t k = 0; k < HEADLINE_MAX; k++) {
            if (sim > score[k]) {
                for (size_t j = HEADLINE_MAX - 1; j > k; j--)
                    best[j] = best[j - 1], score[j] = score[j - 1];
                best[k] = f, score[k] = sim;
                break;
            }
        }
    }
    for (size_t k = 0; k < HEADLINE_MAX; k++)
        if (best[k] != SIZE_MAX && score[k] >= score[0] * HEADLINE_CLOSE)
            al->facts[best[k]].in_headline |= 1ULL << s;
}

void px_align_prominence(const px_prominence_in *in, px_alignment *al)
{
    for (uint32_t s = 0; s < al->nsources; s++)
        if (in->headlines[s].n)
            headline_facts(in, al, s);
}
