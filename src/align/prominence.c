/*
 * prominence.c — where each fact sits in each outlet that carries it.
 *
 * A mention is in the lead (the first two body sentences), at the end (the
 * last two of an article of more than five) or in the body, at a share of
 * the way through; whether it is quoted is set with the mention. A fact is
 * in an outlet's headline when the headline aligns with the outlet's claim
 * of it — or, for an outlet that does not carry it in the body, with the
 * fact's representative claim — by the same similarity and threshold as
 * claims align, so "in the headline" means what "the same fact" means.
 * Renderers read these; they compute nothing.
 */
#include "align/internal.h"

static void place(const px_doc *d, px_mention *m)
{
    uint32_t first = d->nsents && d->sents[0].headline ? 1 : 0;
    uint32_t n = (uint32_t)d->nsents - first, k = m->sent - first;
    m->share = n ? (double)k / (double)n : 0;
    m->where = k < 2 ? PX_WHERE_LEAD : (n > 5 && k >= n - 2) ? PX_WHERE_END : PX_WHERE_BODY;
}

void px_align_prominence(const px_prominence_in *in, px_alignment *al)
{
    for (size_t f = 0; f < al->nfacts; f++) {
        px_fact *fact = &al->facts[f];
        for (size_t k = 0; k < fact->nmentions; k++)
            place(in->docs[fact->mentions[k].source], &fact->mentions[k]);
        const px_mention *rep = &fact->mentions[fact->rep];
        for (uint32_t s = 0; s < al->nsources; s++) {
            if (!in->headlines[s].n)
                continue;
            const px_mention *m = px_fact_mention(fact, s);
            const px_bag *claim = &in->bags[(m ? m : rep)->claim];
            if (px_bag_similarity(in->vocab, &in->headlines[s], claim) >= in->threshold)
                fact->in_headline |= 1ULL << s;
        }
    }
}
