/*
 * corpus.c — the corpus index: which stories there are, where their
 * articles sit, and a hash of each story's input; then one story at a time
 * read back into a px_story.
 *
 * A JSONL corpus is read once, line by line, keeping for every line only
 * its offset, length, line number and story (found with the tolerant key
 * scanner). Each story's input hash chains the hashes and numbers of its
 * lines in corpus order. Workers later pread() a story's lines and ingest them, so
 * memory holds the index plus one story per worker, never the corpus.
 * A story's articles are added in outlet-id order, so its report does not
 * depend on where the lines sat. Lines naming no story are kept as "bad"
 * lines for errors.jsonl (by shard 1 only, so merged shards report each
 * once).
 */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "batch/internal.h"

/* The longest record read: the same cap ingest puts on one input. */
#define RECORD_CAP ((size_t)64 << 20)

typedef struct index_state {
    px_map *ids;
    PX_VEC(px_corpus_story) all;
    PX_VEC(px_corpus_rec) recs;
    PX_VEC(uint32_t) owner;
    PX_VEC(px_corpus_bad) bad;
} index_state;

static bool blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
            return false;
    return true;
}

static void add_bad(px_corpus *c, index_state *x, size_t line, const char *why)
{
    px_corpus_bad b = {line, px_arena_printf(c->arena, "%s:%zu: %s", c->name, line, why)};
    px_vec_push(x->bad, b);
}

static uint32_t story_index(px_corpus *c, index_state *x, const char *id, size_t line)
{
    uintptr_t v;
    if (px_map_get(x->ids, id, strlen(id), &v))
        return (uint32_t)v;
    px_corpus_story st = {0};
    st.id = id;
    /* the corpus name and line numbers go into the reports ("input"): they
     * are part of the input, so moving a story's lines redoes it */
    st.hash = px_batch_fnv(PX_FNV_START, c->name, strlen(c->name) + 1);
    st.first_line = line;
    px_vec_push(x->all, st);
    px_map_put(x->ids, id, strlen(id), x->all.n - 1);
    return (uint32_t)(x->all.n - 1);
}

static void index_line(px_corpus *c, index_state *x, const px_lines *r)
{
    if (blank(r->buf, r->len) && r->full == r->len)
        return;
    /* a UTF-8 byte-order mark before the first record is not part of it */
    size_t skip = r->line == 1 && r->len >= 3 && memcmp(r->buf, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    char *id = px_batch_story_key(c->arena, r->buf + skip, r->len - skip);
    if (!id) {
        add_bad(c, x, r->line,
                r->buf[skip] == '{' ? "record names no story (no \"story\" string field)"
                                    : "not a JSON object");
        return;
    }
    if (!*id) {
        add_bad(c, x, r->line, "record has an empty \"story\"");
        return;
    }
    uint32_t k = story_index(c, x, id, r->line);
    px_corpus_story *st = &x->all.v[k];
    uint64_t at[2] = {r->hash, r->line};
    /* x->ids only maps to indices in x->all, so st is one of its stories.
     * NOLINTNEXTLINE(clang-analyzer-core.NullDereference) */
    st->hash = px_batch_fnv(st->hash, at, sizeof at);
    st->bytes += r->full;
    if (r->full > RECORD_CAP && !st->error)
        st->error = px_arena_printf(c->arena, "%s:%zu: record larger than the %zu MiB limit",
                                    c->name, r->line, RECORD_CAP >> 20);
    px_corpus_rec rec = {r->off + skip, r->full - skip, NULL, (uint32_t)r->line};
    px_vec_push(x->recs, rec);
    px_vec_push(x->owner, k);
}

static px_status index_jsonl(px_corpus *c, FILE *f, unsigned k, unsigned n, px_corpus_tick tick,
                             void *user, px_error *err)
{
    struct stat sb;
    uint64_t total = fstat(c->fd, &sb) == 0 ? (uint64_t)sb.st_size : 0;
    index_state x = {0};
    x.ids = px_map_new();
    px_lines r;
    px_lines_init(&r, f, RECORD_CAP);
    uint64_t last = 0;
    while (px_lines_next(&r)) {
        index_line(c, &x, &r);
        if (tick && r.next - last >= (4u << 20)) {
            tick(r.next, total, user);
            last = r.next;
        }
    }
    px_status st = PX_OK;
    if (ferror(f))
        st = px_error_set(err, PX_EINPUT, c->path, 0, "read error: %s", strerror(errno));
    px_lines_free(&r);
    px_map_free(x.ids);
    if (st == PX_OK) {
        px_corpus_keep(c, x.all.v, x.all.n, x.recs.v, x.owner.v, x.recs.n, k, n);
        if (k <= 1) {
            c->bad = px_arena_memdup(c->arena, x.bad.v, x.bad.n * sizeof *x.bad.v);
            c->nbad = x.bad.n;
        }
    }
    px_vec_free(x.all);
    px_vec_free(x.recs);
    px_vec_free(x.owner);
    px_vec_free(x.bad);
    return st;
}

void px_corpus_keep(px_corpus *c, px_corpus_story *all, size_t nall, px_corpus_rec *recs,
                    const uint32_t *owner, size_t nrecs, unsigned k, unsigned n)
{
    /* new index of each kept story, or SIZE_MAX */
    size_t *map = px_xcalloc(nall ? nall : 1, sizeof *map);
    size_t kept = 0, nkept_recs = 0;
    for (size_t i = 0; i < nall; i++) {
        map[i] = SIZE_MAX;
        if (n == 0 || px_batch_shard_of(all[i].id, n) == k)
            map[i] = kept++;
    }
    c->stories = px_arena_array(c->arena, kept ? kept : 1, sizeof *c->stories);
    for (size_t i = 0; i < nall; i++)
        if (map[i] != SIZE_MAX)
            c->stories[map[i]] = all[i];
    c->nstories = kept;
    for (size_t r = 0; r < nrecs; r++)
        if (map[owner[r]] != SIZE_MAX)
            c->stories[map[owner[r]]].nrec++;
    for (size_t i = 0; i < kept; i++) {
        c->stories[i].rec = nkept_recs;
        nkept_recs += c->stories[i].nrec;
        c->stories[i].nrec = 0;
        c->stories[i].file = px_batch_file_name(c->arena, c->stories[i].id);
    }
    c->recs = px_arena_array(c->arena, nkept_recs ? nkept_recs : 1, sizeof *c->recs);
    c->nrecs = nkept_recs;
    for (size_t r = 0; r < nrecs; r++) {
        if (map[owner[r]] == SIZE_MAX)
            continue;
        px_corpus_story *st = &c->stories[map[owner[r]]];
        c->recs[st->rec + st->nrec++] = recs[r];
    }
    free(map);
}

static const char *base_name(px_arena *a, const char *path)
{
    size_t n = strlen(path);
    while (n > 1 && path[n - 1] == '/')
        n--;
    size_t s = n;
    while (s > 0 && path[s - 1] != '/')
        s--;
    return px_arena_strndup(a, path + s, n - s);
}

px_status px_corpus_open(const char *path, unsigned k, unsigned n, px_corpus_tick tick, void *user,
                         px_corpus **out, px_error *err)
{
    *out = NULL;
    struct stat sb;
    if (stat(path, &sb) != 0)
        return px_error_set(err, PX_EINPUT, path, 0, "cannot open: %s", strerror(errno));
    px_corpus *c = px_xcalloc(1, sizeof *c);
    c->arena = px_arena_new();
    c->path = px_arena_strdup(c->arena, path);
    c->name = base_name(c->arena, path);
    c->fd = -1;
    px_status st;
    if (S_ISDIR(sb.st_mode)) {
        c->folder = true;
        st = px_corpus_open_folder(c, k, n, err);
    } else {
        c->fd = open(path, O_RDONLY | O_CLOEXEC);
        int fd2 = c->fd >= 0 ? dup(c->fd) : -1;
        FILE *f = fd2 >= 0 ? fdopen(fd2, "r") : NULL;
        if (!f) {
            st = px_error_set(err, PX_EINPUT, path, 0, "cannot open: %s", strerror(errno));
            if (fd2 >= 0)
                close(fd2);
        } else {
            st = index_jsonl(c, f, k, n, tick, user, err);
            fclose(f);
        }
    }
    if (st != PX_OK) {
        px_corpus_free(c);
        return st;
    }
    *out = c;
    return PX_OK;
}

void px_corpus_free(px_corpus *c)
{
    if (!c)
        return;
    if (c->fd >= 0)
        close(c->fd);
    px_arena_free(c->arena);
    free(c);
}
