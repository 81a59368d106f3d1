/*
 * folders.c — a corpus that is a folder of story folders.
 *
 * Each sub-folder is a story (its name is the story id) holding one file per
 * outlet, as `parallax compare FOLDER` reads it. Folders and files are taken
 * in name order; hidden files and the usual non-articles (README, gold
 * files, scripts) are left out. A story's input hash covers its file names
 * and contents, so --resume notices an edited article.
 */
#include <dirent.h>
#include <errno.h>
#include <string.h>
#include <sys/stat.h>

#include "batch/internal.h"
#include "story/internal.h"

typedef PX_VEC(char *) name_vec;
typedef PX_VEC(px_corpus_rec) rec_vec;
typedef PX_VEC(uint32_t) owner_vec;

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Sorted names of dir's entries that are folders (want_dirs) or regular
 * files; heap strings in *out. */
static px_status list(const char *dir, bool want_dirs, name_vec *out, px_error *err)
{
    DIR *d = opendir(dir);
    if (!d)
        return px_error_set(err, PX_EINPUT, dir, 0, "cannot open folder: %s", strerror(errno));
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.' || (!want_dirs && !px_load_article_file(e->d_name)))
            continue;
        char *p = px_batch_path(dir, e->d_name);
        struct stat sb;
        bool ok = stat(p, &sb) == 0 && (want_dirs ? S_ISDIR(sb.st_mode) : S_ISREG(sb.st_mode));
        free(p);
        if (ok)
            px_vec_push(*out, px_xstrdup(e->d_name));
    }
    closedir(d);
    if (out->n)
        qsort(out->v, out->n, sizeof *out->v, cmp_str);
    return PX_OK;
}

static uint64_t hash_file(uint64_t h, const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return px_batch_fnv(h, "?", 1); /* unreadable: the load reports it */
    char buf[65536];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0)
        h = px_batch_fnv(h, buf, n);
    fclose(f);
    return h;
}

/* Index one story folder: its files as records, its hash. */
static void index_story(px_corpus *c, const char *sub, px_corpus_story *st, rec_vec *recs,
                        owner_vec *owner, uint32_t idx, px_error *err)
{
    char *dir = px_batch_path(c->path, sub);
    name_vec files = {0};
    if (list(dir, false, &files, err) != PX_OK)
        st->error = px_arena_printf(c->arena, "%s/%s: cannot open folder", c->name, sub);
    st->id = px_arena_strdup(c->arena, sub);
    st->hash = px_batch_fnv(PX_FNV_START, c->name, strlen(c->name) + 1);
    for (size_t i = 0; i < files.n; i++) {
        char *path = px_batch_path(dir, files.v[i]);
        st->hash = px_batch_fnv(st->hash, files.v[i], strlen(files.v[i]) + 1);
        st->hash = hash_file(st->hash, path);
        struct stat sb;
        if (stat(path, &sb) == 0)
            st->bytes += (uint64_t)sb.st_size;
        free(path);
        px_corpus_rec r = {0, 0, px_arena_printf(c->arena, "%s/%s", sub, files.v[i]), 0};
        px_vec_push(*recs, r);
        px_vec_push(*owner, idx);
        free(files.v[i]);
    }
    /* story.json changes the report (outlet names): it is part of the input */
    char *meta = px_batch_path(dir, "story.json");
    struct stat mb;
    if (stat(meta, &mb) == 0 && S_ISREG(mb.st_mode))
        st->hash = hash_file(px_batch_fnv(st->hash, "story.json", 11), meta);
    free(meta);
    px_vec_free(files);
    free(dir);
}

px_status px_corpus_open_folder(px_corpus *c, unsigned k, unsigned n, px_error *err)
{
    name_vec subs = {0};
    px_status st = list(c->path, true, &subs, err);
    if (st == PX_OK && subs.n == 0)
        st = px_error_set(err, PX_EINPUT, c->path, 0,
                          "no story folders in this folder (a corpus is a JSONL file or a "
                          "folder of story folders; for one story use 'parallax compare')");
    px_corpus_story *all = px_xcalloc(subs.n ? subs.n : 1, sizeof *all);
    rec_vec recs = {0};
    owner_vec owner = {0};
    for (size_t i = 0; i < subs.n; i++) {
        if (st == PX_OK && (n == 0 || px_batch_shard_of(subs.v[i], n) == k))
            index_story(c, subs.v[i], &all[i], &recs, &owner, (uint32_t)i, err);
        else
            all[i].id = px_arena_strdup(c->arena, subs.v[i]);
        free(subs.v[i]);
    }
    if (st == PX_OK)
        px_corpus_keep(c, all, subs.n, recs.v, owner.v, recs.n, k, n);
    free(all);
    px_vec_free(subs);
    px_vec_free(recs);
    px_vec_free(owner);
    return st;
}
