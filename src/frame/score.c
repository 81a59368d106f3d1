/*
 * score.c — hits → per-outlet framing scores with evidence.
 *
 * For each outlet, each lexicon and each of its categories: hits (all,
 * narration, quoted), hits per 1,000 words of the body, the same in
 * narration only, and the difference from the story's mean rate. The
 * evidence is the hit list itself (sentence, tokens, entry), kept beside the
 * scores so every number can be traced to its words. Headline hits are
 * counted apart (they are not in the body's word count).
 */
#include <stdlib.h>
#include <string.h>

#include "parallax/frame.h"

const px_score *px_frame_score(const px_source_frame *f, uint32_t l, int32_t c)
{
    for (size_t i = 0; i < f->nscores; i++)
        if (f->scores[i].lexicon == l && f->scores[i].category == c)
            return &f->scores[i];
    return NULL;
}

px_status px_frame_story(px_arena *a, const px_lexset *s, const px_doc *const *docs,
                         size_t ndocs, px_source_frame **out, px_error *err)
{
    (void)err;
    px_source_frame *fr = px_arena_array(a, ndocs, sizeof *fr);
    size_t nl = px_lexset_count(s);
    size_t nscores = 0;
    for (size_t l = 0; l < nl; l++)
        nscores += 1 + px_lexset_get(s, l)->ncategories;
    for (size_t d = 0; d < ndocs; d++) {
        fr[d].nhits = px_frame_match(a, s, docs[d], &fr[d].hits);
        fr[d].scores = px_arena_array(a, nscores, sizeof(px_score));
        fr[d].nscores = nscores;
        size_t k = 0;
        for (size_t l = 0; l < nl; l++) {
            const px_lexicon *lex = px_lexset_get(s, l);
            for (int32_t c = -1; c < (int32_t)lex->ncategories; c++, k++) {
                px_score *sc = &fr[d].scores[k];
                sc->lexicon = (uint32_t)l;
                sc->category = c;
                for (size_t h = 0; h < fr[d].nhits; h++) {
                    const px_hit *hit = &fr[d].hits[h];
                    if (hit->lexicon != l || docs[d]->sents[hit->sent].headline)
                        continue;
                    const px_lex_entry *e = &lex->entries[hit->entry];
                    if (c >= 0 && e->category != (uint32_t)c)
                        continue;
                    sc->hits++;
                    sc->weight += hit->negated ? -e->weight : e->weight;
                    if (hit->quoted)
                        sc->quoted++;
                    else
                        sc->narration++;
                }
                double words = docs[d]->words ? (double)docs[d]->words : 1;
                sc->per_1k = (double)sc->hits * 1000.0 / words;
                sc->narration_per_1k = (double)sc->narration * 1000.0 / words;
            }
        }
    }
    /* delta: difference from the story mean, per score */
    for (size_t k = 0; k < nscores && ndocs; k++) {
        double mean = 0;
        for (size_t d = 0; d < ndocs; d++)
            mean += fr[d].scores[k].per_1k;
        mean /= (double)ndocs;
        for (size_t d = 0; d < ndocs; d++)
            fr[d].scores[k].delta = fr[d].scores[k].per_1k - mean;
    }
    *out = fr;
    return PX_OK;
}
