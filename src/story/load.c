/*
 * load.c — every input a story can come from, read one way: files by kind
 * (pasted text, HTML, JSON/JSONL records), story folders (one article file
 * per outlet, in name order, and the folder's story.json), and http(s)
 * URLs. The command line's compare, worksheet, extract, fetch and batch
 * all load through here, so they agree on which files are articles and
 * which records are.
 *
 * URLs are fetched before anything is ingested, all at once: the URL inputs
 * and the "url" of every record without "text" or "html" (px_ingest_
 * record_urls), so the downloads run in parallel and the articles still
 * come out in the order the inputs were given. Nothing here prints:
 * warnings (a page not written to the cache, a URL left out) go to the
 * caller's callback.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "story/internal.h"

typedef PX_VEC(char *) name_vec;
typedef PX_VEC(const char *) url_vec;

/* One load: the options, the pages fetched for it, its scratch arena. */
typedef struct loader {
    const px_load_opts *o;
    px_arena *a;
    px_ingest_opts io; /* the caller's, records with only a "url" reading the pages */
    px_fetch_opts fetch;
    px_page *pages;
    px_map *index; /* URL → page */
} loader;

static size_t max_bytes(const loader *l)
{
    return l->io.max_bytes ? l->io.max_bytes : PX_INGEST_MAX_BYTES;
}

/* Where input (or input/name) is read: under the root when there is one. */
static char *path_of(const loader *l, const char *input, const char *name)
{
    const char *root = l->o->root;
    if (root && name)
        return px_arena_printf(l->a, "%s/%s/%s", root, input, name);
    if (root)
        return px_arena_printf(l->a, "%s/%s", root, input);
    return name ? px_arena_printf(l->a, "%s/%s", input, name) : px_arena_strdup(l->a, input);
}

static bool is_dir(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

static void warn(const loader *l, px_load_event what, const px_error *e)
{
    if (l->o->warn)
        l->o->warn(l->o->warn_ctx, what, e);
}

bool px_load_article_file(const char *name)
{
    static const char *const not_articles[] = {"story.json", "gold.json", "README", "README.md",
                                               "README.txt", "LICENSE",   NULL};
    static const char *const not_ext[] = {".py", ".sh", ".md", NULL};
    if (name[0] == '.')
        return false;
    for (const char *const *s = not_articles; *s; s++)
        if (strcmp(name, *s) == 0)
            return false;
    for (const char *const *e = not_ext; *e; e++)
        if (px_has_ext(name, *e))
            return false;
    return true;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The article files of a story folder, in name order (arena strings). */
static px_status folder_files(loader *l, const char *dir, name_vec *out, px_error *err)
{
    DIR *d = opendir(dir);
    if (!d)
        return px_error_set(err, PX_EINPUT, dir, 0, "cannot open folder: %s", strerror(errno));
    struct dirent *e;
    while ((e = readdir(d))) {
        if (!px_load_article_file(e->d_name))
            continue;
        struct stat st;
        char *p = px_arena_printf(l->a, "%s/%s", dir, e->d_name);
        if (stat(p, &st) == 0 && S_ISREG(st.st_mode))
            px_vec_push(*out, px_arena_strdup(l->a, e->d_name));
    }
    closedir(d);
    if (out->n)
        qsort(out->v, out->n, sizeof *out->v, cmp_str);
    if (!out->n)
        return px_error_set(err, PX_EINPUT, dir, 0, "folder holds no article files");
    return PX_OK;
}

/* The record URLs of a file of records; a file that cannot be read is
 * left for the ingest to report. */
static void scan_file(loader *l, const char *path, const char *name, url_vec *urls)
{
    char *data;
    size_t len;
    if (!px_ingest_is_records(name) || px_file_read(path, max_bytes(l), &data, &len, NULL) != PX_OK)
        return;
    const char **found = NULL;
    size_t n = 0;
    px_ingest_record_urls(l->a, data, len, name, &found, &n);
    for (size_t i = 0; i < n; i++)
        if (px_fetch_is_url(found[i])) /* any other is the ingest's error to report */
            px_vec_push(*urls, found[i]);
    free(found);
    free(data);
}

/* The URLs an input brings: itself, or its records' (a file, or the
 * article files of a folder). */
static void scan_input(loader *l, const char *input, url_vec *urls)
{
    if (px_fetch_is_url(input)) {
        px_vec_push(*urls, input);
        return;
    }
    char *path = path_of(l, input, NULL);
    if (!is_dir(path)) {
        scan_file(l, path, input, urls);
        return;
    }
    name_vec files = {0};
    px_error ignored;
    if (folder_files(l, path, &files, &ignored) == PX_OK)
        for (size_t i = 0; i < files.n; i++)
            scan_file(l, path_of(l, input, files.v[i]), files.v[i], urls);
    px_vec_free(files);
}

/* The page behind a record's "url" (ingest hook): fetched with the rest,
 * or now if it was not among them. */
static px_status record_page(void *ctx, px_arena *a, const char *url, px_article **out,
                             px_error *err)
{
    loader *l = ctx;
    uintptr_t k;
    if (px_map_get(l->index, url, strlen(url), &k))
        return px_fetch_ingest(a, &l->pages[k], l->o->ingest, out, err);
    px_page *p;
    px_status st = px_fetch(l->a, &url, 1, &l->fetch, &p, err);
    if (p[0].cache_warning) {
        px_error e = {0};
        px_error_set(&e, PX_OK, p[0].url, 0, "%s", p[0].cache_warning);
        warn(l, PX_LOAD_CACHE_WARNING, &e);
    }
    return st == PX_OK ? px_fetch_ingest(a, p, l->o->ingest, out, err) : st;
}

static void loader_open(loader *l, const char *const *inputs, size_t n, const px_load_opts *o)
{
    static const px_load_opts none = {0};
    *l = (loader){.o = o ? o : &none, .a = px_arena_new(), .index = px_map_new()};
    if (l->o->ingest)
        l->io = *l->o->ingest;
    if (!l->o->fetch)
        return; /* records with only a "url" are an error of the ingest */
    l->fetch = *l->o->fetch;
    l->io.fetch_url = record_page;
    l->io.fetch_ctx = l;
    url_vec urls = {0};
    for (size_t i = 0; i < n; i++)
        scan_input(l, inputs[i], &urls);
    if (urls.n) {
        px_fetch(l->a, urls.v, urls.n, &l->fetch, &l->pages, NULL);
        for (size_t i = 0; i < urls.n; i++) {
            px_map_put(l->index, urls.v[i], strlen(urls.v[i]), i);
            if (l->pages[i].cache_warning) {
                px_error e = {0};
                px_error_set(&e, PX_OK, l->pages[i].url, 0, "%s", l->pages[i].cache_warning);
                warn(l, PX_LOAD_CACHE_WARNING, &e);
            }
        }
    }
    px_vec_free(urls);
}

static void loader_close(loader *l)
{
    px_map_free(l->index);
    px_arena_free(l->a);
}

/* The articles of one input, in order. */
typedef PX_VEC(px_article *) article_vec;

static px_status add_all(article_vec *v, px_article **arts, size_t n)
{
    for (size_t i = 0; i < n; i++)
        px_vec_push(*v, arts[i]);
    return PX_OK;
}

/* A file: read at its path, named as given. */
static px_status load_file(loader *l, px_arena *a, const char *input, const char *name,
                           article_vec *out, px_error *err)
{
    const char *shown = name ? px_arena_printf(l->a, "%s/%s", input, name) : input;
    char *data;
    size_t len;
    px_status st = px_file_read(path_of(l, input, name), max_bytes(l), &data, &len, err);
    if (st != PX_OK) {
        if (err && l->o->root)
            snprintf(err->file, sizeof err->file, "%s", shown);
        return st;
    }
    px_article **arts;
    size_t n;
    st = px_ingest_data(a, data, len, shown, &l->io, &arts, &n, err);
    free(data);
    return st == PX_OK ? add_all(out, arts, n) : st;
}

/* A URL input: its fetched page; with skip_failed a failure is a warning
 * and the load goes on without it. */
static px_status load_url(loader *l, px_arena *a, const char *url, article_vec *out, px_error *err)
{
    if (!l->pages)
        return px_error_set(err, PX_EUSAGE, url, 0, "a URL, and fetching is off here");
    uintptr_t k = 0;
    px_map_get(l->index, url, strlen(url), &k);
    px_article *art;
    px_error e = {0};
    px_status st = px_fetch_ingest(a, &l->pages[k], l->o->ingest, &art, &e);
    if (st == PX_OK)
        return add_all(out, &art, 1);
    if (l->o->skip_failed) {
        warn(l, PX_LOAD_SKIPPED, &e);
        return PX_OK;
    }
    if (err)
        *err = e;
    return st;
}

/* One input's articles; *folder receives the folder's path when it is a
 * story folder (its story.json applies), else NULL. */
static px_status load_input(loader *l, px_arena *a, const char *input, article_vec *out,
                            const char **folder, px_error *err)
{
    *folder = NULL;
    if (px_fetch_is_url(input))
        return load_url(l, a, input, out, err);
    char *path = path_of(l, input, NULL);
    if (!is_dir(path))
        return load_file(l, a, input, NULL, out, err);
    name_vec files = {0};
    px_status st = folder_files(l, path, &files, err);
    for (size_t i = 0; i < files.n && st == PX_OK; i++)
        st = load_file(l, a, input, files.v[i], out, err);
    px_vec_free(files);
    *folder = path;
    return st;
}

px_status px_load_articles(px_arena *a, const char *const *inputs, size_t n, const px_load_opts *o,
                           px_article ***out, size_t *count, px_error *err)
{
    *out = NULL;
    *count = 0;
    loader l;
    loader_open(&l, inputs, n, o);
    article_vec v = {0};
    px_status st = PX_OK;
    for (size_t i = 0; i < n && st == PX_OK; i++) {
        const char *folder;
        st = load_input(&l, a, inputs[i], &v, &folder, err);
    }
    if (st == PX_OK) {
        *out = px_arena_memdup(a, v.v, v.n * sizeof *v.v);
        *count = v.n;
    }
    px_vec_free(v);
    loader_close(&l);
    return st;
}

void px_load_urls(px_arena *a, const char *const *inputs, size_t n, const px_load_opts *o,
                  const char ***urls, size_t *count)
{
    static const px_load_opts none = {0};
    loader l = {.o = o ? o : &none, .a = a};
    if (l.o->ingest)
        l.io = *l.o->ingest;
    url_vec v = {0};
    for (size_t i = 0; i < n; i++)
        scan_input(&l, inputs[i], &v);
    *urls = px_arena_memdup(a, v.v, v.n * sizeof *v.v);
    *count = v.n;
    px_vec_free(v);
}

/* The story id a set of inputs suggests: a story folder's name, or the
 * folder all the inputs (paths or URLs) are in; NULL when there is none. */
static const char *folder_id(px_arena *a, const char *const *inputs, size_t n, const char *root)
{
    if (n == 0)
        return NULL;
    char *id = px_arena_strdup(a, inputs[0]);
    char *p = root ? px_arena_printf(a, "%s/%s", root, id) : id;
    if (n > 1 || !is_dir(p)) { /* the folder the inputs share */
        char *slash = strrchr(id, '/');
        if (!slash)
            return NULL;
        *slash = '\0';
        size_t len = strlen(id);
        for (size_t i = 1; i < n; i++)
            if (strncmp(inputs[i], id, len) != 0 || inputs[i][len] != '/')
                return NULL;
    }
    size_t len = strlen(id);
    while (len > 1 && id[len - 1] == '/')
        id[--len] = '\0';
    char *base = strrchr(id, '/');
    if (base)
        id = base + 1;
    if (!*id || !strcmp(id, ".") || !strcmp(id, ".."))
        return NULL;
    return id;
}

/* The id: the one asked for, else the records' "story", else the inputs'
 * folder, else "story". */
static const char *story_id(px_arena *a, const char *const *inputs, size_t n, const px_load_opts *o,
                            px_article *const *arts, size_t count)
{
    if (o && o->id)
        return o->id;
    if (count && arts[0]->story)
        return arts[0]->story;
    const char *id = folder_id(a, inputs, n, o ? o->root : NULL);
    return id ? id : "story";
}

px_status px_story_load(px_story **out, const char *const *inputs, size_t n, const px_load_opts *o,
                        px_error *err)
{
    *out = NULL;
    loader l;
    loader_open(&l, inputs, n, o);
    px_story *s = px_story_new(NULL);
    article_vec v = {0};
    px_status st = PX_OK;
    for (size_t i = 0; i < n && st == PX_OK; i++) {
        const char *folder;
        size_t first = v.n;
        st = load_input(&l, px_story_arena(s), inputs[i], &v, &folder, err);
        for (size_t k = first; k < v.n && st == PX_OK; k++)
            st = px_story_add(s, v.v[k], err);
        /* outlet names, URLs and dates the texts cannot give */
        char *meta = folder ? px_arena_printf(l.a, "%s/story.json", folder) : NULL;
        if (st == PX_OK && meta && access(meta, F_OK) == 0)
            st = px_story_load_meta(s, meta, err);
    }
    if (st == PX_OK)
        px_story_set_id(s, story_id(l.a, inputs, n, o, s->articles, s->nsources));
    px_vec_free(v);
    loader_close(&l);
    if (st != PX_OK) {
        px_story_free(s);
        return st;
    }
    *out = s;
    return PX_OK;
}
