/*
 * aggregate.c — `parallax aggregate`: read finished batch folders, merge
 * their stories, and hand the merged counts to the tables and renderers.
 *
 * A folder counts only when its batch finished (batch.json is written
 * last) and all folders were made with the same settings (the config hash
 * of batch.json). Stories are read from each index.jsonl — counts only —
 * then sorted by id; a story in two folders is kept once when its input
 * hash is the same and is an error when it is not. Outlet display names
 * come from the first story (by id) that carries the outlet, so nothing
 * depends on the order the folders were given in.
 */
#include <string.h>

#include "batch/aggregate.h"

#define DEFAULT_REPLICATES 1000
#define DEFAULT_SEED 0x70617261UL /* "para" */

static uint64_t jint(json_t *o, const char *key)
{
    json_int_t v = json_integer_value(json_object_get(o, key));
    return v > 0 ? (uint64_t)v : 0;
}

static const char *jstr(agg *g, json_t *o, const char *key)
{
    const char *s = json_string_value(json_object_get(o, key));
    return px_arena_strdup(g->arena, s ? s : "");
}

static uint32_t name_index(agg *g, px_map *m, agg_names *v, const char *name)
{
    uintptr_t k;
    if (px_map_get(m, name, strlen(name), &k))
        return (uint32_t)k;
    px_vec_push(*v, px_arena_strdup(g->arena, name));
    px_map_put(m, name, strlen(name), v->n - 1);
    if (v == &g->outlets)
        px_vec_push(g->outlet_names, NULL);
    return (uint32_t)(v->n - 1);
}

static void parse_frame(agg *g, json_t *frame, agg_src *s)
{
    s->nlex = (uint32_t)json_object_size(frame);
    s->lex = px_arena_array(g->arena, s->nlex ? s->nlex : 1, sizeof *s->lex);
    const char *key;
    json_t *v;
    uint32_t k = 0;
    json_object_foreach(frame, key, v)
    {
        agg_lex *l = &s->lex[k++];
        l->lex = name_index(g, g->lex_ids, &g->lexicons, key);
        l->hits = (uint64_t)json_integer_value(json_array_get(v, 0));
        l->narration = (uint64_t)json_integer_value(json_array_get(v, 1));
        l->quoted = (uint64_t)json_integer_value(json_array_get(v, 2));
    }
}

static void parse_source(agg *g, json_t *o, agg_src *s)
{
    s->outlet = name_index(g, g->outlet_ids, &g->outlets, jstr(g, o, "id"));
    s->name = jstr(g, o, "name");
    s->words = jint(o, "words");
    s->quoted_words = jint(o, "quoted_words");
    s->carried = jint(o, "carried");
    s->unique = jint(o, "unique");
    s->shared = jint(o, "shared");
    s->omitted = jint(o, "omitted");
    s->eligible = jint(o, "eligible");
    s->not_shown = jint(o, "not_shown");
    s->conflicts = jint(o, "conflicts");
    parse_frame(g, json_object_get(o, "frame"), s);
}

static void parse_story(agg *g, json_t *j, uint32_t dir, agg_story *st)
{
    st->id = jstr(g, j, "story");
    st->title = jstr(g, j, "title");
    st->input = jstr(g, j, "input");
    st->dir = dir;
    st->outlets = jint(j, "outlets");
    st->facts = jint(j, "facts");
    st->shared = jint(j, "shared");
    st->all = jint(j, "all");
    st->conflicts = jint(j, "conflicts");
    st->words = jint(j, "words");
    json_t *src = json_object_get(j, "sources"), *pairs = json_object_get(j, "pairs");
    st->nsrc = (uint32_t)json_array_size(src);
    st->src = px_arena_array(g->arena, st->nsrc ? st->nsrc : 1, sizeof *st->src);
    for (uint32_t i = 0; i < st->nsrc; i++)
        parse_source(g, json_array_get(src, i), &st->src[i]);
    st->npairs = (uint32_t)json_array_size(pairs);
    st->pairs = px_arena_array(g->arena, st->npairs ? st->npairs : 1, sizeof *st->pairs);
    for (uint32_t i = 0; i < st->npairs; i++) {
        json_t *p = json_array_get(pairs, i);
        agg_pair *q = &st->pairs[i];
        q->a = name_index(g, g->outlet_ids, &g->outlets, jstr(g, p, "a"));
        q->b = name_index(g, g->outlet_ids, &g->outlets, jstr(g, p, "b"));
        q->both = jint(p, "both");
        q->either = jint(p, "either");
        q->details = jint(p, "details");
        q->agree = jint(p, "agree");
    }
}

/* Each line of dir/name as JSON, handed to fn; a missing file is an error
 * only when required. */
static px_status each_line(agg *g, const char *dir, const char *name, bool required,
                           px_status (*fn)(agg *, json_t *, uint32_t, const char *), uint32_t d,
                           px_error *err)
{
    char *path = px_batch_path(dir, name);
    FILE *f = fopen(path, "r");
    px_status st = PX_OK;
    if (!f) {
        if (required)
            st = px_error_set(err, PX_EINPUT, path, 0, "cannot open (not a batch folder?)");
        free(path);
        return st;
    }
    px_lines r;
    px_lines_init(&r, f, (size_t)64 << 20);
    while (st == PX_OK && px_lines_next(&r)) {
        if (r.len == 0)
            continue;
        json_t *j = json_loadb(r.buf, r.len, 0, NULL);
        if (!json_is_object(j))
            st = px_error_set(err, PX_EINPUT, path, r.line, "not a JSON object");
        else
            st = fn(g, j, d, path);
        json_decref(j);
    }
    px_lines_free(&r);
    fclose(f);
    free(path);
    return st;
}

static px_status add_story(agg *g, json_t *j, uint32_t d, const char *path)
{
    agg_story st = {0};
    parse_story(g, j, d, &st);
    px_vec_push(g->stories, st);
    return PX_OK;
}

/* Failures and skips are counted once per story (or corpus line), however
 * many folders list them: "s" + story id, or "l" + line number. */
static px_status add_key(px_map *set, json_t *j)
{
    const char *story = json_string_value(json_object_get(j, "story"));
    px_buf key;
    px_buf_init(&key, 0);
    if (story)
        px_buf_printf(&key, "s%s", story);
    else
        px_buf_printf(&key, "l%lld", (long long)json_integer_value(json_object_get(j, "line")));
    px_map_put(set, key.data, key.len, 1);
    px_buf_free(&key);
    return PX_OK;
}

static px_status add_failed(agg *g, json_t *j, uint32_t d, const char *path)
{
    return add_key(g->failed, j);
}

static px_status add_skipped(agg *g, json_t *j, uint32_t d, const char *path)
{
    return add_key(g->skipped, j);
}

/* Remember which shard of how many a folder holds, to tell the user when
 * a shard is missing from the merge. */
static void note_shard(agg *g, json_t *m)
{
    json_int_t k = json_integer_value(json_object_get(m, "shard"));
    json_int_t n = json_integer_value(json_object_get(m, "shards"));
    if (n < 1 || k < 1 || k > n)
        return;
    if (g->shards_seen.n == 0)
        g->shards = (unsigned)n;
    else if (g->shards != (unsigned)n)
        g->mixed_shards = true;
    px_vec_push(g->shards_seen, (unsigned)k);
}

static int cmp_unsigned(const void *a, const void *b)
{
    unsigned x = *(const unsigned *)a, y = *(const unsigned *)b;
    return x < y ? -1 : x > y;
}

/* How many of the N shards no folder holds (0 when not all shards of one N). */
static unsigned missing_shards(agg *g)
{
    if (g->mixed_shards || g->shards <= 1 || g->shards_seen.n == 0)
        return 0;
    qsort(g->shards_seen.v, g->shards_seen.n, sizeof *g->shards_seen.v, cmp_unsigned);
    unsigned distinct = 0;
    for (size_t i = 0; i < g->shards_seen.n; i++)
        distinct += i == 0 || g->shards_seen.v[i] != g->shards_seen.v[i - 1];
    return g->shards - distinct;
}

static px_status read_manifest(agg *g, const char *dir, px_error *err)
{
    char *path = px_batch_path(dir, "batch.json");
    json_error_t je;
    json_t *m = json_load_file(path, 0, &je);
    px_status st = PX_OK;
    const char *config = json_string_value(json_object_get(m, "config"));
    if (!m)
        st = px_error_set(err, PX_EINPUT, dir, 0,
                          "not a finished batch (no batch.json); finish it with "
                          "'parallax batch --resume'");
    else if (json_integer_value(json_object_get(m, "layout")) != PX_BATCH_LAYOUT || !config)
        st = px_error_set(err, PX_EINPUT, path, 0, "written by another version of parallax");
    else if (g->config && strcmp(g->config, config) != 0)
        st = px_error_set(err, PX_EINPUT, dir, 0,
                          "made with other settings (lexicons, threshold or version) than "
                          "the first folder; aggregate only batches made alike");
    else if (!g->config)
        g->config = px_arena_strdup(g->arena, config);
    if (st == PX_OK)
        note_shard(g, m);
    /* every framing key the lexicons give, so a category no story hits still
     * has its columns */
    json_t *keys = json_object_get(m, "frame_keys");
    for (size_t k = 0; st == PX_OK && k < json_array_size(keys); k++) {
        const char *key = json_string_value(json_array_get(keys, k));
        if (key)
            name_index(g, g->lex_ids, &g->lexicons, key);
    }
    json_decref(m);
    free(path);
    return st;
}

static int cmp_story(const void *pa, const void *pb)
{
    const agg_story *a = pa, *b = pb;
    int c = strcmp(a->id, b->id);
    if (c)
        return c;
    return a->dir < b->dir ? -1 : a->dir > b->dir;
}

/* Sort by id; keep one of each id (same input), fail on differing ones. */
static px_status merge(agg *g, const char *const *dirs, px_error *err)
{
    if (g->stories.n)
        qsort(g->stories.v, g->stories.n, sizeof *g->stories.v, cmp_story);
    size_t w = 0;
    for (size_t r = 0; r < g->stories.n; r++) {
        agg_story *s = &g->stories.v[r];
        if (w > 0 && strcmp(g->stories.v[w - 1].id, s->id) == 0) {
            if (strcmp(g->stories.v[w - 1].input, s->input) != 0)
                return px_error_set(err, PX_EINPUT, NULL, 0,
                                    "story '%s' has different inputs in %s and %s", s->id,
                                    dirs[g->stories.v[w - 1].dir], dirs[s->dir]);
            g->duplicates++;
            continue;
        }
        g->stories.v[w++] = *s;
    }
    g->stories.n = w;
    for (size_t i = 0; i < g->stories.n; i++)
        for (uint32_t k = 0; k < g->stories.v[i].nsrc; k++) {
            const agg_src *src = &g->stories.v[i].src[k];
            if (!g->outlet_names.v[src->outlet])
                g->outlet_names.v[src->outlet] = src->name;
        }
    return PX_OK;
}

typedef struct named {
    const char *name;
    uint32_t index;
} named;

static int cmp_named(const void *pa, const void *pb)
{
    return strcmp(((const named *)pa)->name, ((const named *)pb)->name);
}

/* Indexes of v sorted by name (arena array). */
static uint32_t *order_of(agg *g, const agg_names *v)
{
    named *tmp = px_xcalloc(v->n ? v->n : 1, sizeof *tmp);
    for (size_t i = 0; i < v->n; i++)
        tmp[i] = (named){v->v[i], (uint32_t)i};
    if (v->n)
        qsort(tmp, v->n, sizeof *tmp, cmp_named);
    uint32_t *order = px_arena_array(g->arena, v->n ? v->n : 1, sizeof *order);
    for (size_t i = 0; i < v->n; i++)
        order[i] = tmp[i].index;
    free(tmp);
    return order;
}

static void agg_free(agg *g)
{
    px_vec_free(g->stories);
    px_vec_free(g->outlets);
    px_vec_free(g->outlet_names);
    px_vec_free(g->lexicons);
    px_vec_free(g->shards_seen);
    px_map_free(g->outlet_ids);
    px_map_free(g->lex_ids);
    px_map_free(g->failed);
    px_map_free(g->skipped);
    px_arena_free(g->arena);
}

static px_status read_dirs(agg *g, const char *const *dirs, size_t n, px_error *err)
{
    px_status st = PX_OK;
    for (size_t d = 0; d < n && st == PX_OK; d++) {
        uint32_t di = (uint32_t)d;
        st = read_manifest(g, dirs[d], err);
        if (st == PX_OK)
            st = each_line(g, dirs[d], "index.jsonl", true, add_story, di, err);
        if (st == PX_OK)
            st = each_line(g, dirs[d], "errors.jsonl", false, add_failed, di, err);
        if (st == PX_OK)
            st = each_line(g, dirs[d], "skipped.jsonl", false, add_skipped, di, err);
    }
    return st;
}

px_status px_aggregate_run(const char *const *dirs, size_t n, const char *outdir,
                           const px_aggregate_opts *o, px_aggregate_result *res, px_error *err)
{
    if (n == 0)
        return px_error_set(err, PX_EUSAGE, NULL, 0, "no batch folders given");
    agg g;
    memset(&g, 0, sizeof g);
    g.arena = px_arena_new();
    g.outlet_ids = px_map_new();
    g.lex_ids = px_map_new();
    g.failed = px_map_new();
    g.skipped = px_map_new();
    g.replicates = o && o->replicates ? o->replicates : DEFAULT_REPLICATES;
    g.seed = o && o->seed ? o->seed : DEFAULT_SEED;
    px_status st = read_dirs(&g, dirs, n, err);
    if (st == PX_OK)
        st = merge(&g, dirs, err);
    agg_tables t = {0};
    if (st == PX_OK) {
        g.outlet_order = order_of(&g, &g.outlets);
        g.lex_order = order_of(&g, &g.lexicons);
        px_agg_tables(&g, &t);
        st = px_batch_mkdir(outdir, err);
    }
    if (st == PX_OK)
        st = px_agg_write_csv(&g, &t, outdir, err);
    if (st == PX_OK)
        st = px_agg_write_html(&g, &t, outdir, err);
    if (st == PX_OK && res) {
        memset(res, 0, sizeof *res);
        res->inputs = n;
        res->stories = g.stories.n;
        res->duplicates = g.duplicates;
        res->failed = px_map_count(g.failed);
        res->skipped = px_map_count(g.skipped);
        res->outlets = t.noutlets;
        res->pairs = t.npairs;
        res->shards = g.mixed_shards ? 0 : g.shards;
        res->missing_shards = missing_shards(&g);
    }
    px_agg_tables_free(&t);
    agg_free(&g);
    return st;
}
