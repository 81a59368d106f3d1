/*
 * glance.c — the judgements a one-screen summary and a worksheet key need
 * beyond the matrix: the blind spots (facts most outlets carry that one
 * surely leaves out), how many facts each outlet is "not shown" to carry
 * (counted apart, never as carried or omitted), and per carried cell the
 * outlet's own wording: the runs of its sentence's words that no other
 * carrier's sentence of the fact uses ("war machine" where the others
 * write "troops").
 *
 * Words are compared by Snowball stem, so "warned" and "warns" are one
 * word; stopwords, figures and number words never make a run of their own
 * (quantities that differ are conflicts, shown as such), but a stopword
 * between two distinctive words joins them ("poised to strike").
 */
#include <stdlib.h>
#include <string.h>

#include "compare/internal.h"

/* At least two carriers, and at least two thirds of the outlets. */
static bool most_carry(size_t carriers, size_t nsources)
{
    return carriers >= 2 && carriers * 3 >= nsources * 2;
}

static void blindspots(const px_compare_in *in, px_comparison *c)
{
    PX_VEC(px_blindspot) v = {0};
    for (size_t r = 0; r < c->nfacts; r++) {
        size_t f = c->order[r];
        const px_fact_compare *fc = &c->facts[f];
        if (in->nsources < 3 || !most_carry(fc->carriers, in->nsources))
            continue;
        for (uint32_t s = 0; s < in->nsources; s++)
            if (fc->cells[s].status == PX_CELL_OMITS) {
                px_blindspot b = {(uint32_t)f, s, fc->carriers};
                px_vec_push(v, b);
            }
    }
    c->blindspots = px_arena_memdup(in->a, v.v, v.n * sizeof *v.v);
    c->nblindspots = v.n;
    px_vec_free(v);
}

static bool content(const px_token *t)
{
    return (t->flags & PX_TOK_WORD) && !(t->flags & PX_TOK_STOP);
}

/* Does sentence sent of d hold a word with this stem? */
static bool sentence_has(const px_doc *d, uint32_t sent, const char *stem)
{
    const px_sentence *st = &d->sents[sent];
    for (size_t t = st->tok; t < st->tok + st->ntok; t++)
        if ((d->toks[t].flags & (PX_TOK_WORD | PX_TOK_NUMBER)) && !strcmp(d->toks[t].stem, stem))
            return true;
    return false;
}

/* Does the token state a quantity ("three hours", "175,000")? */
static bool in_quantity(const px_doc *d, const px_token *tok)
{
    for (size_t q = 0; q < d->nqty; q++)
        if (d->qty[q].sent == tok->sent && d->qty[q].start <= tok->start &&
            tok->end <= d->qty[q].end)
            return true;
    return false;
}

/* Is token t of outlet s's sentence absent from every other carrier's? */
static bool own_word(const px_compare_in *in, const px_fact *f, uint32_t s, size_t t)
{
    const px_token *tok = &in->docs[s]->toks[t];
    if (!content(tok) || in_quantity(in->docs[s], tok))
        return false;
    for (size_t k = 0; k < f->nmentions; k++) {
        const px_mention *m = &f->mentions[k];
        if (m->source != s && sentence_has(in->docs[m->source], m->sent, tok->stem))
            return false;
    }
    return true;
}

/* The runs of own words of one carried cell: own words, a single stopword
 * between two of them joining them into one run. */
static void distinct(const px_compare_in *in, const px_fact *f, uint32_t s, px_cell *c)
{
    const px_doc *d = in->docs[s];
    const px_sentence *st = &d->sents[c->sent];
    PX_VEC(px_word_run) v = {0};
    size_t end = st->tok + st->ntok;
    for (size_t t = st->tok; t < end; t++) {
        if (!own_word(in, f, s, t))
            continue;
        size_t last = t;
        for (size_t u = t + 1; u < end; u++) {
            if (own_word(in, f, s, u))
                last = u;
            else if (!(d->toks[u].flags & PX_TOK_STOP) || u + 1 >= end ||
                     !own_word(in, f, s, u + 1))
                break;
        }
        px_word_run r = {t, last - t + 1};
        px_vec_push(v, r);
        t = last;
    }
    c->distinct = px_arena_memdup(in->a, v.v, v.n * sizeof *v.v);
    c->ndistinct = v.n;
    px_vec_free(v);
}

void px_compare_glance(const px_compare_in *in, px_comparison *c)
{
    for (size_t f = 0; f < c->nfacts; f++) {
        const px_fact *fact = &in->al->facts[f];
        for (uint32_t s = 0; s < in->nsources; s++) {
            px_cell *cell = &c->facts[f].cells[s];
            if (cell->status == PX_CELL_NOT_SHOWN)
                c->sources[s].not_shown++;
            if (cell->mention >= 0 && fact->nmentions >= 2)
                distinct(in, fact, s, cell);
        }
    }
    blindspots(in, c);
}
