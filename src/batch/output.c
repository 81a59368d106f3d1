/*
 * output.c — batch files written so a kill never leaves half of one.
 *
 * Every file goes to a hidden temporary beside it (".NAME.tmp": one writer
 * per name, since each story belongs to one worker and a lock keeps other
 * batches out of the folder) and is renamed into place. A kill -9 leaves at
 * most a temporary, which the next run removes. There is no fsync per file:
 * a process kill cannot lose written data, and a machine crash is caught by
 * --resume comparing output sizes with those recorded in the story's meta.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "batch/internal.h"

char *px_batch_path(const char *dir, const char *name)
{
    size_t n = strlen(dir) + strlen(name) + 2;
    char *p = px_xmalloc(n);
    snprintf(p, n, "%s/%s", dir, name);
    return p;
}

static px_status write_all(int fd, const char *p, size_t len)
{
    while (len > 0) {
        ssize_t w = write(fd, p, len);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return PX_EIO;
        p += w;
        len -= (size_t)w;
    }
    return PX_OK;
}

px_status px_batch_write(const char *dir, const char *name, const void *data, size_t len,
                         px_error *err)
{
    char *path = px_batch_path(dir, name);
    size_t tn = strlen(dir) + strlen(name) + 8;
    char *tmp = px_xmalloc(tn);
    snprintf(tmp, tn, "%s/.%s.tmp", dir, name);
    px_status st = PX_OK;
    px_tmp_begin();
    int slot = px_tmp_add(tmp);
    int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    px_tmp_end();
    if (fd < 0) {
        st = px_error_set(err, PX_EIO, path, 0, "cannot create: %s", strerror(errno));
    } else {
        st = write_all(fd, data, len);
        int saved = errno;
        if (close(fd) != 0 && st == PX_OK)
            st = PX_EIO, saved = errno;
        if (st == PX_OK && rename(tmp, path) != 0)
            st = PX_EIO, saved = errno;
        if (st != PX_OK) {
            unlink(tmp);
            px_error_set(err, PX_EIO, path, 0, "write failed: %s", strerror(saved));
        }
    }
    px_tmp_remove(slot);
    free(tmp);
    free(path);
    return st;
}

px_status px_batch_mkdir(const char *dir, px_error *err)
{
    struct stat sb;
    if (stat(dir, &sb) == 0) {
        if (S_ISDIR(sb.st_mode))
            return PX_OK;
        return px_error_set(err, PX_EIO, dir, 0, "exists and is not a folder");
    }
    if (mkdir(dir, 0755) == 0 || errno == EEXIST)
        return PX_OK;
    if (errno == ENOENT) {
        /* one missing parent: create it, then try again */
        char *parent = px_xstrdup(dir);
        char *slash = strrchr(parent, '/');
        px_status st = PX_EIO;
        if (slash && slash != parent) {
            *slash = '\0';
            st = px_batch_mkdir(parent, err);
        }
        free(parent);
        if (st == PX_OK && (mkdir(dir, 0755) == 0 || errno == EEXIST))
            return PX_OK;
    }
    return px_error_set(err, PX_EIO, dir, 0, "cannot create folder: %s", strerror(errno));
}

void px_batch_clean_tmp(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d)
        return;
    struct dirent *e;
    while ((e = readdir(d))) {
        size_t n = strlen(e->d_name);
        if (e->d_name[0] == '.' && n > 5 && strcmp(e->d_name + n - 4, ".tmp") == 0) {
            char *p = px_batch_path(dir, e->d_name);
            unlink(p);
            free(p);
        }
    }
    closedir(d);
}

json_t *px_batch_jstr(const char *s)
{
    if (!s)
        return json_null();
    json_t *j = json_string(s);
    if (j)
        return j;
    /* invalid UTF-8 (a folder name, a message quoting one): U+FFFD for the bad bytes */
    px_arena *a = px_arena_new();
    size_t n;
    char *clean = px_utf8_clean(a, s, strlen(s), &n);
    j = json_stringn(clean, n);
    px_arena_free(a);
    return j ? j : json_string("");
}

px_status px_stream_open(px_stream *s, const char *dir, const char *name, px_error *err)
{
    s->path = px_batch_path(dir, name);
    size_t tn = strlen(dir) + strlen(name) + 8;
    s->tmp = px_xmalloc(tn);
    snprintf(s->tmp, tn, "%s/.%s.tmp", dir, name);
    px_tmp_begin();
    s->slot = px_tmp_add(s->tmp);
    s->f = fopen(s->tmp, "w");
    px_tmp_end();
    if (s->f)
        return PX_OK;
    px_tmp_remove(s->slot);
    px_status st = px_error_set(err, PX_EIO, s->path, 0, "cannot create: %s", strerror(errno));
    free(s->path);
    free(s->tmp);
    s->path = s->tmp = NULL;
    return st;
}

px_status px_stream_close(px_stream *s, bool commit, px_error *err)
{
    if (!s->f)
        return PX_OK;
    bool bad = ferror(s->f) != 0;
    if (fclose(s->f) != 0)
        bad = true;
    s->f = NULL;
    px_status st = PX_OK;
    if (commit && !bad && rename(s->tmp, s->path) != 0)
        bad = true;
    if (bad || !commit)
        unlink(s->tmp);
    px_tmp_remove(s->slot);
    if (bad && commit)
        st = px_error_set(err, PX_EIO, s->path, 0, "write failed: %s", strerror(errno));
    free(s->path);
    free(s->tmp);
    s->path = s->tmp = NULL;
    return st;
}
