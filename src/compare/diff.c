/*
 * diff.c — word-level diff of two sentences: which words of one outlet's
 * version are not in the fact's representative wording (inserted) and
 * which of the representative's words it lacks (removed).
 *
 * Words and numbers are compared by their case-folded form; punctuation is
 * left out of the comparison and stays in the text between words. The
 * diff is a longest common subsequence over the two word lists, so it is
 * quadratic: sentences longer than PX_DIFF_MAX_WORDS are not diffed (the
 * renderer shows them whole), which keeps a pathological input from
 * stalling a report.
 */
#include <stdlib.h>
#include <string.h>

#include "compare/internal.h"

enum { MAX_WORDS = PX_DIFF_MAX_WORDS };

/* The word and number tokens of a sentence, as indexes into doc->toks. */
static size_t words_of(const px_doc *d, uint32_t sent, size_t *out)
{
    const px_sentence *st = &d->sents[sent];
    size_t n = 0;
    for (size_t t = st->tok; t < st->tok + st->ntok; t++)
        if (d->toks[t].flags & (PX_TOK_WORD | PX_TOK_NUMBER)) {
            if (n < MAX_WORDS)
                out[n] = t;
            n++;
        }
    return n;
}

static bool same_word(const px_doc *bd, size_t bt, const px_doc *vd, size_t vt)
{
    return strcmp(bd->toks[bt].fold, vd->toks[vt].fold) == 0;
}

/* lcs[i][j]: length of the longest common subsequence of base words i.. and
 * version words j.. (row-major, (nb+1) x (nv+1)). */
static uint16_t *lcs_table(const px_doc *bd, const size_t *bw, size_t nb, const px_doc *vd,
                           const size_t *vw, size_t nv)
{
    size_t cols = nv + 1;
    uint16_t *L = px_xcalloc((nb + 1) * cols, sizeof *L);
    for (size_t i = nb; i-- > 0;)
        for (size_t j = nv; j-- > 0;) {
            if (same_word(bd, bw[i], vd, vw[j]))
                L[i * cols + j] = (uint16_t)(L[(i + 1) * cols + j + 1] + 1);
            else {
                uint16_t down = L[(i + 1) * cols + j], right = L[i * cols + j + 1];
                L[i * cols + j] = down > right ? down : right;
            }
        }
    return L;
}

size_t px_compare_diff(const px_doc *bd, uint32_t bsent, const px_doc *vd, uint32_t vsent,
                       px_diff_op **ops)
{
    size_t *bw = px_xmalloc(MAX_WORDS * sizeof *bw), *vw = px_xmalloc(MAX_WORDS * sizeof *vw);
    size_t nb = words_of(bd, bsent, bw), nv = words_of(vd, vsent, vw);
    *ops = NULL;
    if (nb > MAX_WORDS || nv > MAX_WORDS || nb + nv == 0) {
        free(bw);
        free(vw);
        return 0;
    }
    uint16_t *L = lcs_table(bd, bw, nb, vd, vw, nv);
    size_t cols = nv + 1, n = 0, i = 0, j = 0;
    px_diff_op *v = px_xmalloc((nb + nv) * sizeof *v);
    while (i < nb || j < nv) {
        if (i < nb && j < nv && same_word(bd, bw[i], vd, vw[j])) {
            v[n++] = (px_diff_op){PX_DIFF_SAME, vw[j]};
            i++;
            j++;
        } else if (i < nb && (j == nv || L[(i + 1) * cols + j] >= L[i * cols + j + 1])) {
            /* removals before insertions at the same place, as diffs read */
            v[n++] = (px_diff_op){PX_DIFF_DEL, bw[i++]};
        } else {
            v[n++] = (px_diff_op){PX_DIFF_INS, vw[j++]};
        }
    }
    free(L);
    free(bw);
    free(vw);
    *ops = v;
    return n;
}
