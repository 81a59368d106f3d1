/*
 * file.c — reading whole files with a size cap, and atomic writes.
 */
#include "parallax/util.h"
#include "util/toolbox.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

px_status px_file_read(const char *path, size_t max, char **data, size_t *len, px_error *err)
{
    *data = NULL;
    *len = 0;
    FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    if (!f)
        return px_error_set(err, PX_EINPUT, path, 0, "cannot open: %s", strerror(errno));
    struct stat st;
    if (f != stdin && fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode)) {
        fclose(f);
        return px_error_set(err, PX_EINPUT, path, 0, "is a folder, not a file");
    }
    px_buf b;
    px_buf_init(&b, max);
    char chunk[65536];
    size_t n;
    px_status status = PX_OK;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
        if (px_buf_add(&b, chunk, n) != PX_OK) {
            status = px_error_set(err, PX_ELIMIT, path, 0,
                                  "file larger than the limit of %zu bytes", max);
            break;
        }
    }
    if (status == PX_OK && ferror(f))
        status = px_error_set(err, PX_EINPUT, path, 0, "read error: %s", strerror(errno));
    if (f != stdin)
        fclose(f);
    if (status != PX_OK) {
        px_buf_free(&b);
        return status;
    }
    *data = px_buf_detach(&b, len);
    return PX_OK;
}

px_status px_file_write_atomic(const char *path, const void *data, size_t len, px_error *err)
{
    if (strcmp(path, "-") == 0) {
        if (fwrite(data, 1, len, stdout) != len || fflush(stdout) != 0)
            return px_error_set(err, PX_EIO, "<stdout>", 0, "write failed: %s", strerror(errno));
        return PX_OK;
    }
    size_t plen = strlen(path);
    char *tmp = px_xmalloc(plen + 16);
    snprintf(tmp, plen + 16, "%s.tmpXXXXXX", path);
    px_tmp_begin();
    int fd = mkstemp(tmp);
    if (fd < 0) {
        px_tmp_end();
        px_status st = px_error_set(err, PX_EIO, path, 0, "cannot create: %s", strerror(errno));
        free(tmp);
        return st;
    }
    int slot = px_tmp_add(tmp);
    px_tmp_end();
    const char *p = data;
    size_t left = len;
    while (left > 0) {
        ssize_t w = write(fd, p, left);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            break;
        }
        p += w;
        left -= (size_t)w;
    }
    int saved = errno;
    bool bad = left > 0;
    fchmod(fd, 0644);
    if (!bad && fsync(fd) != 0)
        bad = true, saved = errno;
    if (close(fd) != 0 && !bad)
        bad = true, saved = errno;
    if (bad) {
        unlink(tmp);
        px_tmp_remove(slot);
        free(tmp);
        return px_error_set(err, PX_EIO, path, 0, "write failed: %s", strerror(saved));
    }
    if (rename(tmp, path) != 0) {
        saved = errno;
        unlink(tmp);
        px_tmp_remove(slot);
        free(tmp);
        return px_error_set(err, PX_EIO, path, 0, "cannot rename into place: %s", strerror(saved));
    }
    px_tmp_remove(slot);
    free(tmp);
    return PX_OK;
}
