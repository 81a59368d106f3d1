/*
 * simmatrix.c — the similarity of every pair of whole claims of a story, in
 * one sweep over an inverted index instead of one comparison per pair.
 *
 * For each claim x and each of its terms t, the claims holding t (full
 * credit) or a term related to t (partial credit) are visited through the
 * index; each visited claim y gains t's weight times the best credit it
 * earned, which is exactly the coverage px_bag_similarity computes. Claims
 * sharing nothing with x are never touched, so the cost follows the overlap
 * of the story's claims rather than the square of their number. The
 * matching and merging of facts then read scores from the matrix.
 */
#include <stdlib.h>
#include <string.h>

#include "align/internal.h"

/* Largest story held as a dense matrix (claims); larger ones are scored
 * pair by pair. */
#define MATRIX_MAX 2048

void px_term_index(const px_vocab *v, const px_bag *bags, size_t n, size_t **at, uint32_t **claims)
{
    size_t nt = v->info.n;
    size_t *cnt = px_xcalloc(nt + 2, sizeof *cnt);
    for (size_t i = 0; i < n; i++)
        for (size_t t = 0; t < bags[i].n; t++)
            cnt[bags[i].terms[t] + 1]++;
    for (size_t t = 0; t < nt; t++)
        cnt[t + 1] += cnt[t];
    uint32_t *list = px_xcalloc(cnt[nt] + 1, sizeof *list);
    size_t *fill = px_xcalloc(nt + 1, sizeof *fill);
    for (size_t i = 0; i < n; i++)
        for (size_t t = 0; t < bags[i].n; t++) {
            uint32_t term = bags[i].terms[t];
            list[cnt[term] + fill[term]++] = (uint32_t)i;
        }
    free(fill);
    *at = cnt;
    *claims = list;
}

typedef struct {
    const px_vocab *v;
    const uint32_t *source;
    const size_t *at;
    const uint32_t *post;
    double *best;      /* per claim: best credit for the current term */
    uint32_t *touched; /* claims with best > 0 */
    size_t ntouched;
} sweep;

static void visit(sweep *sw, uint32_t term, double credit, uint32_t src)
{
    for (size_t k = sw->at[term]; k < sw->at[term + 1]; k++) {
        uint32_t y = sw->post[k];
        if (sw->source[y] == src || sw->best[y] >= credit)
            continue;
        if (sw->best[y] == 0)
            sw->touched[sw->ntouched++] = y;
        sw->best[y] = credit;
    }
}

/* Row x of the coverage matrix: cov[x*n + y] = share of x found in y. */
static void row(sweep *sw, const px_bag *x, uint32_t xi, size_t n, double *cov, uint8_t *anti)
{
    const px_vocab *v = sw->v;
    uint32_t src = sw->source[xi];
    for (size_t i = 0; i < x->n; i++) {
        uint32_t t = x->terms[i];
        sw->ntouched = 0;
        visit(sw, t, 1.0, src);
        for (size_t r = v->rel_at[t]; r < v->rel_at[t + 1]; r++)
            visit(sw, v->rel[r].term, v->rel[r].credit, src);
        double w = x->w[i];
        for (size_t k = 0; k < sw->ntouched; k++) {
            uint32_t y = sw->touched[k];
            cov[(size_t)xi * n + y] += w * sw->best[y];
            sw->best[y] = 0;
        }
        for (size_t r = v->anti_at[t]; r < v->anti_at[t + 1]; r++)
            for (size_t k = sw->at[v->anti[r]]; k < sw->at[v->anti[r] + 1]; k++)
                anti[(size_t)xi * n + sw->post[k]] = 1;
    }
    if (x->total > 0)
        for (size_t y = 0; y < n; y++)
            cov[(size_t)xi * n + y] /= x->total;
}

double *px_sim_matrix(const px_vocab *v, const px_bag *bags, const uint32_t *source, size_t n)
{
    if (n == 0 || n > MATRIX_MAX)
        return NULL;
    size_t *at;
    uint32_t *post;
    px_term_index(v, bags, n, &at, &post);
    double *cov = px_xcalloc(n * n, sizeof *cov);
    uint8_t *anti = px_xcalloc(n * n, 1);
    sweep sw = {v, source, at, post, px_xcalloc(n, sizeof(double)), px_xcalloc(n, 4), 0};
    for (uint32_t x = 0; x < n; x++)
        row(&sw, &bags[x], x, n, cov, anti);
    double *sim = px_xcalloc(n * n, sizeof *sim);
    for (size_t x = 0; x < n; x++)
        for (size_t y = x + 1; y < n; y++) {
            if (source[x] == source[y] || !bags[x].n || !bags[y].n)
                continue;
            bool flip = anti[x * n + y] || anti[y * n + x];
            double s = px_sim_combine(&bags[x], &bags[y], cov[x * n + y], cov[y * n + x], flip);
            sim[x * n + y] = sim[y * n + x] = s;
        }
    free(sw.best);
    free(sw.touched);
    free(anti);
    free(cov);
    free(at);
    free(post);
    return sim;
}
