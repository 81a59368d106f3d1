/*
 * score.c — hits → per-outlet framing scores with evidence.
 *
 * For each outlet, each lexicon and each of its categories: hits (all, in
 * narration, in quotation, negated), hits per 1,000 words of the body, the
 * same for narration over the words of narration and for quotation over
 * the words inside quotations, and the difference from the story's mean
 * rate, both overall (delta) and for narration (narration_delta: the
 * headline comparison, since a quote is the speaker's framing, not the
 * outlet's). The weight sums entry weights, negated hits flipped and halved.
 * The evidence is the hit list itself (sentence, tokens, entry), kept beside
 * the scores so every number can be traced to its words. Headline hits are
 * listed but not counted (the headline is not in the body's word count).
 * Per-fact scores (facts.c), the sourcing profile (sourcing.c) and the
 * narration contrasts with their intervals (contrast.c) complete the
 * px_source_frame handed to compare and report.
 */
#include <stdlib.h>
#include <string.h>

#include "frame/internal.h"

const px_score *px_frame_score(const px_source_frame *f, uint32_t l, int32_t c)
{
    for (size_t i = 0; i < f->nscores; i++)
        if (f->scores[i].lexicon == l && f->scores[i].category == c)
            return &f->scores[i];
    return NULL;
}

const px_score *px_frame_fact_score(const px_source_frame *f, size_t fact, uint32_t l, int32_t c)
{
    if (fact >= f->nfacts || !f->facts[fact].present)
        return NULL;
    const px_fact_frame *ff = &f->facts[fact];
    for (size_t i = 0; i < f->nscores; i++)
        if (ff->scores[i].lexicon == l && ff->scores[i].category == c)
            return &ff->scores[i];
    return NULL;
}

size_t px_frame_layout(const px_lexset *s, px_arena *a, px_score **out)
{
    size_t nl = px_lexset_count(s), n = 0;
    for (size_t l = 0; l < nl; l++)
        n += 1 + px_lexset_get(s, l)->ncategories;
    px_score *sc = px_arena_array(a, n ? n : 1, sizeof *sc);
    size_t k = 0;
    for (size_t l = 0; l < nl; l++)
        for (int32_t c = -1; c < (int32_t)px_lexset_get(s, l)->ncategories; c++, k++) {
            sc[k].lexicon = (uint32_t)l;
            sc[k].category = c;
        }
    *out = sc;
    return n;
}

static void add_hit(px_score *sc, const px_hit *h, double weight)
{
    sc->hits++;
    sc->weight += weight;
    sc->negated += h->negated;
    if (h->quoted)
        sc->quoted++;
    else
        sc->narration++;
}

void px_frame_count(const px_lexset *s, const px_hit *hits, size_t n, px_score *sc)
{
    for (size_t h = 0; h < n; h++) {
        size_t k = 0;
        for (uint32_t l = 0; l < hits[h].lexicon; l++)
            k += 1 + px_lexset_get(s, l)->ncategories;
        const px_lexicon *lex = px_lexset_get(s, hits[h].lexicon);
        double w = px_frame_hit_weight(s, &hits[h]);
        add_hit(&sc[k], &hits[h], w);
        add_hit(&sc[k + 1 + lex->entries[hits[h].entry].category], &hits[h], w);
    }
}

static double rate(size_t hits, size_t words)
{
    return words ? (double)hits * 1000.0 / (double)words : 0;
}

void px_frame_rates(px_score *sc, size_t words, size_t narration_words, size_t quoted_words)
{
    sc->per_1k = rate(sc->hits, words);
    sc->narration_per_1k = rate(sc->narration, narration_words);
    sc->quoted_per_1k = rate(sc->quoted, quoted_words);
}

void px_frame_deltas(px_score **scores, size_t n)
{
    if (!n)
        return;
    double mean = 0, nmean = 0;
    for (size_t i = 0; i < n; i++) {
        mean += scores[i]->per_1k;
        nmean += scores[i]->narration_per_1k;
    }
    mean /= (double)n;
    nmean /= (double)n;
    for (size_t i = 0; i < n; i++) {
        scores[i]->delta = scores[i]->per_1k - mean;
        scores[i]->narration_delta = scores[i]->narration_per_1k - nmean;
    }
}

/* Body hits of one source counted into its scores. */
static void score_source(px_arena *a, const px_lexset *s, const px_doc *d, px_source_frame *fr)
{
    fr->nhits = px_frame_match(a, s, d, &fr->hits);
    fr->nscores = px_frame_layout(s, a, &fr->scores);
    size_t first = 0;
    while (first < fr->nhits && d->sents[fr->hits[first].sent].headline)
        first++;
    px_frame_count(s, fr->hits + first, fr->nhits - first, fr->scores);
    const px_sourcing *so = &fr->sourcing;
    for (size_t k = 0; k < fr->nscores; k++)
        px_frame_rates(&fr->scores[k], so->words, so->words - so->quoted_words, so->quoted_words);
}

px_status px_frame_story(px_arena *a, const px_lexset *s, const px_doc *const *docs, size_t ndocs,
                         const px_alignment *al, px_source_frame **out, px_error *err)
{
    (void)err;
    px_source_frame *fr = px_arena_array(a, ndocs ? ndocs : 1, sizeof *fr);
    for (size_t d = 0; d < ndocs; d++) {
        px_frame_sourcing(a, docs[d], &fr[d].sourcing);
        score_source(a, s, docs[d], &fr[d]);
    }
    size_t nscores = ndocs ? fr[0].nscores : 0;
    px_score **col = px_xcalloc(ndocs + 1, sizeof *col);
    for (size_t k = 0; k < nscores; k++) {
        for (size_t d = 0; d < ndocs; d++)
            col[d] = &fr[d].scores[k];
        px_frame_deltas(col, ndocs);
    }
    free(col);
    if (s)
        px_frame_contrasts(a, s, docs, ndocs, fr);
    if (al)
        px_frame_facts(a, s, docs, ndocs, al, fr);
    *out = fr;
    return PX_OK;
}
