/*
 * compare.c — per outlet: what it alone carries, what it leaves out that
 * most others carry, and where its details conflict with others'.
 *
 * Omission rule: a fact is omitted by outlet s when s does not carry it and
 * at least half of the other outlets do — and, with three or more outlets,
 * at least two of them — so a detail one other outlet mentions in passing
 * is not called an omission; and only when the alignment is sure of it
 * (px_fact_verdict: the fact's own members are confidently one claim and
 * no sentence of s comes close). A fact only s carries is "only here" when
 * every other outlet surely does not carry it. Otherwise the outlet is
 * "not shown to carry" the fact, and nothing is claimed.
 */
#include <stdlib.h>

#include "parallax/compare.h"

static bool carries(const px_fact *f, uint32_t s)
{
    return px_fact_mention(f, s) != NULL;
}

/* Do all outlets but s surely not carry f? */
static bool others_omit(const px_alignment *al, const px_fact *f, uint32_t s)
{
    for (uint32_t o = 0; o < al->nsources; o++)
        if (o != s && px_fact_verdict(al, f, o) != PX_OMITS)
            return false;
    return true;
}

px_status px_compare_story(px_arena *a, const px_alignment *al, px_source_compare **out,
                           px_error *err)
{
    (void)err;
    size_t ns = al->nsources;
    px_source_compare *c = px_arena_array(a, ns ? ns : 1, sizeof *c);
    for (uint32_t s = 0; s < ns; s++) {
        PX_VEC(uint32_t) uni = {0}, omit = {0}, conf = {0};
        for (uint32_t f = 0; f < al->nfacts; f++) {
            const px_fact *fact = &al->facts[f];
            size_t carriers = fact->nmentions;
            if (carries(fact, s)) {
                c[s].carried++;
                if (carriers == 1 && ns > 1 && others_omit(al, fact, s))
                    px_vec_push(uni, f);
                for (size_t k = 0; k < fact->nconflicts; k++)
                    if (fact->conflicts[k].values[s]) {
                        px_vec_push(conf, f);
                        break;
                    }
            } else {
                size_t others = ns - 1;
                size_t need = (others + 1) / 2;
                if (ns >= 3 && need < 2)
                    need = 2;
                if (carriers >= need && carriers > 0 &&
                    px_fact_verdict(al, fact, s) == PX_OMITS)
                    px_vec_push(omit, f);
            }
        }
        c[s].unique = px_arena_memdup(a, uni.v, uni.n * sizeof *uni.v);
        c[s].nunique = uni.n;
        c[s].omitted = px_arena_memdup(a, omit.v, omit.n * sizeof *omit.v);
        c[s].nomitted = omit.n;
        c[s].conflicts = px_arena_memdup(a, conf.v, conf.n * sizeof *conf.v);
        c[s].nconflicts = conf.n;
        px_vec_free(uni);
        px_vec_free(omit);
        px_vec_free(conf);
    }
    *out = c;
    return PX_OK;
}
