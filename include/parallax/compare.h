/*
 * parallax/compare.h — stage 5: facts + scores → what differs.
 *
 * Per outlet: the facts it alone carries, the facts it omits that most
 * others carry, and the facts where its details conflict with others'.
 */
#ifndef PARALLAX_COMPARE_H
#define PARALLAX_COMPARE_H

#include "parallax/align.h"

typedef struct px_source_compare {
    size_t carried;
    uint32_t *unique;    /* fact indexes carried by this outlet alone (the others
                          * surely not) */
    size_t nunique;
    uint32_t *omitted;   /* fact indexes most other outlets carry, this one not */
    size_t nomitted;
    uint32_t *conflicts; /* fact indexes where this outlet's detail conflicts */
    size_t nconflicts;
} px_source_compare;

/* A fact counts as omitted by s when s does not carry it, at least half of
 * the other outlets (and at least two when there are three or more) do,
 * and the alignment is sure of both (px_fact_verdict is PX_OMITS). */
PX_API px_status px_compare_story(px_arena *a, const px_alignment *al,
                                  px_source_compare **out, px_error *err);

#endif
