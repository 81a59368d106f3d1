/*
 * batch/aggregate.h — the aggregate's tables, shared by aggregate.c (read
 * and merge batch folders), tables.c (figures and CSV) and summary.c
 * (HTML).
 *
 * Stories are kept as counts only, sorted by id after merging, so every
 * figure is computed from the same numbers in the same order however the
 * stories were split into shards.
 */
#ifndef PX_BATCH_AGGREGATE_H
#define PX_BATCH_AGGREGATE_H

#include "batch/internal.h"
#include "util/toolbox.h"

typedef struct agg_lex {
    uint32_t lex; /* index into agg.lexicons */
    uint64_t hits, narration, quoted;
} agg_lex;

typedef struct agg_src {
    uint32_t outlet;  /* index into agg.outlets */
    const char *name; /* the outlet's display name in this story */
    uint64_t words, quoted_words, carried, unique, shared, omitted, eligible, not_shown;
    uint64_t conflicts;
    agg_lex *lex;
    uint32_t nlex;
} agg_src;

typedef struct agg_pair {
    uint32_t a, b; /* outlet indexes */
    uint64_t both, either, details, agree;
} agg_pair;

typedef struct agg_story {
    const char *id, *title, *input;
    uint32_t dir; /* which input folder */
    uint64_t outlets, facts, shared, all, conflicts, words;
    agg_src *src;
    uint32_t nsrc;
    agg_pair *pairs;
    uint32_t npairs;
} agg_story;

typedef PX_VEC(const char *) agg_names;

typedef struct agg {
    px_arena *arena;
    PX_VEC(agg_story) stories; /* sorted by id, one per id, after px_agg_merge */
    px_map *outlet_ids, *lex_ids;
    agg_names outlets, outlet_names, lexicons; /* in order of first sight */
    uint32_t *outlet_order, *lex_order;        /* indexes sorted by name */
    px_map *failed, *skipped;                  /* distinct keys */
    const char *config;
    size_t duplicates;
    PX_VEC(unsigned) shards_seen; /* shard K of each folder */
    unsigned shards;              /* their N, or 0 when they differ or N = 1 */
    bool mixed_shards;
    unsigned replicates;
    uint64_t seed;
} agg;

/* An interval over fewer stories than this gets a warning (tables.c): a
 * bootstrap over one story gives [x, x], over a few a range too narrow to
 * trust. */
#define AGG_MIN_STORIES 5

/* Outlet and pair figures with intervals (tables.c). */
enum { AGG_FACTS, AGG_OMISSION, AGG_UNIQUE, AGG_CONFLICT, AGG_FIXED };

typedef struct agg_outlet_row {
    uint32_t outlet;
    size_t stories;
    uint64_t carried, words;
    px_ratio *fig; /* AGG_FIXED figures, then per lexicon (sorted): narration, quotes */
} agg_outlet_row;

typedef struct agg_pair_row {
    uint32_t a, b;
    size_t stories;
    uint64_t details;
    px_ratio jaccard, agreement;
} agg_pair_row;

typedef struct agg_tables {
    agg_outlet_row *outlets;
    size_t noutlets;
    agg_pair_row *pairs;
    size_t npairs;
} agg_tables;

void px_agg_tables(const agg *g, agg_tables *t);
void px_agg_tables_free(agg_tables *t);
px_status px_agg_write_csv(const agg *g, const agg_tables *t, const char *outdir, px_error *err);
px_status px_agg_write_html(const agg *g, const agg_tables *t, const char *outdir, px_error *err);

/* A number for a CSV cell (tables.c); empty for NaN. */
void px_agg_num(px_buf *b, double v, int decimals);

#endif
