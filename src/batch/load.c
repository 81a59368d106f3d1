/*
 * load.c — one story of the corpus index back into a px_story.
 *
 * A worker reads the story's lines with pread() (safe on one descriptor
 * from many threads), ingests each as a JSON record into the story's arena
 * and adds the articles in outlet-id order, so a report never depends on
 * the order of the corpus lines. Two records of one outlet are an error:
 * which one the researcher meant cannot be guessed.
 */
#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "batch/internal.h"

typedef struct loaded {
    px_article *art;
    size_t line; /* corpus line, or file index: ties and messages */
} loaded;

static int cmp_loaded(const void *pa, const void *pb)
{
    const loaded *a = pa, *b = pb;
    int c = strcmp(a->art->id, b->art->id);
    if (c)
        return c;
    return a->line < b->line ? -1 : a->line > b->line;
}

/* Add the articles sorted by outlet id; fails on a repeated outlet. */
static px_status add_sorted(const px_corpus *c, px_story *s, loaded *v, size_t n,
                            px_error *err)
{
    if (n > 1) /* v is NULL when there are none, and qsort wants an array */
        qsort(v, n, sizeof *v, cmp_loaded);
    for (size_t i = 1; i < n; i++)
        if (strcmp(v[i - 1].art->id, v[i].art->id) == 0) {
            if (c->folder)
                return px_error_set(err, PX_EINPUT, v[i].art->origin, 0,
                                    "two articles of outlet '%s' in one story", v[i].art->id);
            return px_error_set(err, PX_EINPUT, c->name, v[i].line,
                                "two records of outlet '%s' in story '%s' (lines %zu and %zu)",
                                v[i].art->id, s->id, v[i - 1].line, v[i].line);
        }
    px_status st = PX_OK;
    for (size_t i = 0; i < n && st == PX_OK; i++)
        st = px_story_add(s, v[i].art, err);
    return st;
}

static px_status read_at(int fd, char *buf, uint64_t off, size_t len)
{
    size_t got = 0;
    while (got < len) {
        ssize_t r = pread(fd, buf + got, len - got, (off_t)(off + got));
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            return PX_EINPUT;
        got += (size_t)r;
    }
    return PX_OK;
}

static px_status check_story(const px_corpus *c, const px_corpus_story *cs, px_error *err)
{
    if (cs->error)
        return px_error_set(err, PX_ELIMIT, NULL, 0, "%s", cs->error);
    if (cs->nrec > PX_MAX_SOURCES)
        return px_error_set(err, PX_ELIMIT, c->name, cs->first_line,
                            "story '%s' has %zu records; a story holds at most %d", cs->id,
                            cs->nrec, PX_MAX_SOURCES);
    return PX_OK;
}

px_status px_corpus_load(const px_corpus *c, size_t i, px_story *s, const px_ingest_opts *o,
                         px_error *err)
{
    const px_corpus_story *cs = &c->stories[i];
    px_status st = check_story(c, cs, err);
    if (st != PX_OK)
        return st;
    if (c->folder)
        return px_corpus_load_folder(c, i, s, o, err);
    px_arena *a = px_story_arena(s);
    loaded *v = px_xcalloc(cs->nrec ? cs->nrec : 1, sizeof *v);
    char *buf = NULL;
    for (size_t k = 0; k < cs->nrec && st == PX_OK; k++) {
        const px_corpus_rec *r = &c->recs[cs->rec + k];
        buf = px_xrealloc(buf, r->len + 1);
        if (read_at(c->fd, buf, r->off, r->len) != PX_OK) {
            st = px_error_set(err, PX_EINPUT, c->name, r->line,
                              "cannot read the record back (corpus changed during the run?)");
            break;
        }
        buf[r->len] = '\0';
        v[k].line = r->line;
        st = px_ingest_record(a, buf, r->len, c->name, r->line, o, &v[k].art, err);
    }
    free(buf);
    if (st == PX_OK)
        st = add_sorted(c, s, v, cs->nrec, err);
    free(v);
    return st;
}

/* Folder corpora: the files of one story folder (see folders.c). */
px_status px_corpus_load_folder(const px_corpus *c, size_t i, px_story *s,
                                const px_ingest_opts *o, px_error *err)
{
    const px_corpus_story *cs = &c->stories[i];
    px_arena *a = px_story_arena(s);
    PX_VEC(loaded) v = {0};
    px_status st = PX_OK;
    for (size_t k = 0; k < cs->nrec && st == PX_OK; k++) {
        const px_corpus_rec *r = &c->recs[cs->rec + k];
        px_article **arts;
        size_t n = 0;
        char *path = px_batch_path(c->path, r->path);
        st = px_ingest_file(a, path, o, &arts, &n, err);
        free(path);
        /* messages and reports name the file inside the corpus, not the
         * path it was given by, so they match across machines */
        if (st != PX_OK)
            snprintf(err->file, sizeof err->file, "%s/%s", c->name, r->path);
        for (size_t j = 0; j < n && st == PX_OK; j++) {
            arts[j]->origin = px_arena_printf(a, "%s/%s", c->name, r->path);
            loaded l = {arts[j], k};
            px_vec_push(v, l);
        }
        if (st == PX_OK && v.n > PX_MAX_SOURCES)
            st = px_error_set(err, PX_ELIMIT, cs->id, 0,
                              "story has more than %d articles", PX_MAX_SOURCES);
    }
    if (st == PX_OK)
        st = add_sorted(c, s, v.v, v.n, err);
    px_vec_free(v);
    /* the story folder's story.json: outlet names, URLs, dates */
    char *dir = px_batch_path(c->path, cs->id);
    char *meta = px_batch_path(dir, "story.json");
    struct stat mb;
    if (st == PX_OK && stat(meta, &mb) == 0 && S_ISREG(mb.st_mode))
        st = px_story_load_meta(s, meta, err);
    free(meta);
    free(dir);
    return st;
}
