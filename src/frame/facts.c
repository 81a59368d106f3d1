/*
 * facts.c — framing per fact: how each outlet words the same fact, and whom
 * it attributes it to.
 *
 * For every fact of the alignment and every outlet that carries it, the
 * outlet's sentence is scored like a whole article (hits, per 1,000 words of
 * the sentence, narration and quotation apart), and the difference is taken
 * from the mean over the outlets that carry the fact, so "sentinel words f3
 * more loadedly than the others" is a number with its words. The speaker is
 * the attribution of that sentence; a sentence that is mostly a quotation
 * without one takes the attribution of its neighbour in the paragraph ("…,"
 * he said. "More quote."). Hits stay in the source's list: a fact frame
 * points at its range.
 */
#include <stdlib.h>
#include <string.h>

#include "frame/internal.h"

static int32_t attribution_in(const px_doc *d, uint32_t sent)
{
    for (size_t k = 0; k < d->nattrs; k++)
        if (d->attrs[k].sent == sent)
            return (int32_t)k;
    return -1;
}

static int32_t attribution_for(const px_doc *d, uint32_t sent)
{
    int32_t k = attribution_in(d, sent);
    if (k >= 0 || d->sents[sent].quoted < 0.5)
        return k;
    uint32_t para = d->sents[sent].para;
    if (sent + 1 < d->nsents && d->sents[sent + 1].para == para &&
        (k = attribution_in(d, sent + 1)) >= 0)
        return k;
    if (sent > 0 && d->sents[sent - 1].para == para && d->sents[sent - 1].quoted > 0)
        return attribution_in(d, sent - 1);
    return -1;
}

static void sentence_words(const px_doc *d, uint32_t sent, size_t *words, size_t *quoted)
{
    const px_sentence *s = &d->sents[sent];
    *words = *quoted = 0;
    for (size_t k = s->tok; k < s->tok + s->ntok; k++)
        if (d->toks[k].flags & (PX_TOK_WORD | PX_TOK_NUMBER)) {
            (*words)++;
            *quoted += (d->toks[k].flags & PX_TOK_QUOTED) != 0;
        }
}

/* The fact frame of one source's mention in sentence sent. */
static void frame_mention(px_arena *a, const px_lexset *s, const px_doc *d,
                          const px_source_frame *fr, uint32_t sent, px_fact_frame *ff)
{
    ff->present = true;
    ff->sent = sent;
    size_t h = 0;
    while (h < fr->nhits && fr->hits[h].sent < sent)
        h++;
    ff->hit_first = h;
    while (h < fr->nhits && fr->hits[h].sent == sent)
        h++;
    ff->nhits = h - ff->hit_first;
    px_frame_layout(s, a, &ff->scores);
    px_frame_count(s, fr->hits + ff->hit_first, ff->nhits, ff->scores);
    size_t quoted;
    sentence_words(d, sent, &ff->words, &quoted);
    for (size_t k = 0; k < fr->nscores; k++)
        px_frame_rates(&ff->scores[k], ff->words, ff->words - quoted, quoted);
    ff->attribution = attribution_for(d, sent);
    ff->speaker = ff->attribution >= 0 ? fr->sourcing.attr_speaker[ff->attribution] : -1;
}

void px_frame_facts(px_arena *a, const px_lexset *s, const px_doc *const *docs, size_t ndocs,
                    const px_alignment *al, px_source_frame *fr)
{
    for (size_t i = 0; i < ndocs; i++) {
        fr[i].facts = px_arena_array(a, al->nfacts ? al->nfacts : 1, sizeof *fr[i].facts);
        fr[i].nfacts = al->nfacts;
    }
    px_score **col = px_xcalloc(ndocs + 1, sizeof *col);
    for (size_t f = 0; f < al->nfacts; f++) {
        const px_fact *fact = &al->facts[f];
        for (size_t m = 0; m < fact->nmentions; m++) {
            const px_mention *me = &fact->mentions[m];
            if (me->source < ndocs)
                frame_mention(a, s, docs[me->source], &fr[me->source], me->sent,
                              &fr[me->source].facts[f]);
        }
        size_t nscores = ndocs ? fr[0].nscores : 0;
        for (size_t k = 0; k < nscores; k++) {
            size_t n = 0;
            for (size_t i = 0; i < ndocs; i++)
                if (fr[i].facts[f].present)
                    col[n++] = &fr[i].facts[f].scores[k];
            px_frame_deltas(col, n);
        }
        for (size_t i = 0; i < ndocs; i++)
            if (!fr[i].facts[f].present)
                fr[i].facts[f].attribution = fr[i].facts[f].speaker = -1;
    }
    free(col);
}
