/*
 * load.c — one story of the corpus index back into a px_story.
 *
 * A worker reads a JSONL story's lines with pread() (safe on one descriptor
 * from many threads), ingests each as a JSON record into the story's arena
 * and adds the articles in outlet-id order, so a report never depends on
 * the order of the corpus lines. Two records of one outlet are an error:
 * which one the researcher meant cannot be guessed. A story folder is read
 * by the library's loader (px_story_load), as `parallax compare` reads it.
 */
#include <errno.h>
#include <string.h>
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
static px_status add_sorted(const px_corpus *c, px_story *s, loaded *v, size_t n, px_error *err)
{
    if (n > 1) /* v is NULL when there are none, and qsort wants an array */
        qsort(v, n, sizeof *v, cmp_loaded);
    for (size_t i = 1; i < n; i++)
        if (strcmp(v[i - 1].art->id, v[i].art->id) == 0) {
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

/* A folder corpus's story: the library's loader reads the story folder,
 * the files named inside the corpus ("corpus/story/file"), not by the path
 * the corpus was given as, so messages and reports match across machines. */
static px_status load_folder(const px_corpus *c, const px_corpus_story *cs, const px_ingest_opts *o,
                             px_story **out, px_error *err)
{
    /* the folder the corpus is in: its path without the last component */
    size_t n = strlen(c->path);
    while (n > 1 && c->path[n - 1] == '/')
        n--;
    while (n > 0 && c->path[n - 1] != '/')
        n--;
    while (n > 1 && c->path[n - 1] == '/')
        n--;
    char *root = n ? px_xstrndup(c->path, n) : NULL;
    char *input = px_xmalloc(strlen(c->name) + strlen(cs->id) + 2);
    snprintf(input, strlen(c->name) + strlen(cs->id) + 2, "%s/%s", c->name, cs->id);
    const char *in = input;
    px_load_opts lo = {.id = cs->id, .ingest = o, .root = root};
    px_status st = px_story_load(out, &in, 1, &lo, err);
    free(input);
    free(root);
    return st;
}

px_status px_corpus_load(const px_corpus *c, size_t i, const px_ingest_opts *o, px_story **out,
                         px_error *err)
{
    const px_corpus_story *cs = &c->stories[i];
    *out = NULL;
    px_status st = check_story(c, cs, err);
    if (st != PX_OK)
        return st;
    if (c->folder)
        return load_folder(c, cs, o, out, err);
    px_story *s = *out = px_story_new(cs->id);
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
