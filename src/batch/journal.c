/*
 * journal.c — the record of finished stories that makes --resume work.
 *
 * Each analysed story appends one line to OUTDIR/journal.jsonl: its meta
 * record (hashes of its input and of the settings, output sizes, figures).
 * One append file instead of a file per story, because creating files is
 * what a batch spends most on after the analysis itself. A kill can leave
 * at most a partial last line, which the next run cuts off. --resume
 * indexes the lines of the journal and of the previous run's index.jsonl
 * by story id (later lines win); a worker reads a story's line back with
 * pread() to decide whether to keep it. When the batch finishes, the
 * journal's lines have been copied to index.jsonl in corpus order and the
 * journal is removed, so a finished folder holds the same files however
 * the run went.
 */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "batch/internal.h"

/* Index every line of fd (source src) by its "story"; true when the file
 * ends in a newline (no partial line). */
static bool index_lines(px_batch_job *j, int fd, uint8_t src)
{
    int dupfd = dup(fd);
    FILE *f = dupfd >= 0 ? fdopen(dupfd, "r") : NULL;
    if (!f) {
        if (dupfd >= 0)
            close(dupfd);
        return true;
    }
    px_lines r;
    px_lines_init(&r, f, (size_t)16 << 20);
    px_arena *a = px_arena_new();
    bool whole = true;
    while (px_lines_next(&r)) {
        whole = r.next > r.off + r.full; /* ended by a newline */
        char *id = px_batch_story_key(a, r.buf, r.len);
        if (!id || !whole)
            continue;
        px_meta_ref ref = {src, r.off, (uint32_t)r.full};
        px_vec_push(j->refs, ref);
        px_map_put(j->resume, id, strlen(id), j->refs.n - 1);
    }
    px_arena_free(a);
    px_lines_free(&r);
    fclose(f);
    return whole;
}

/* Cut a partial last line (a kill in mid-append) so appends start clean. */
static void cut_partial(int fd)
{
    struct stat sb;
    if (fstat(fd, &sb) != 0 || sb.st_size == 0)
        return;
    off_t end = sb.st_size;
    char c;
    while (end > 0 && pread(fd, &c, 1, end - 1) == 1 && c != '\n')
        end--;
    if (ftruncate(fd, end) != 0)
        return; /* appends would then follow the partial line: the reader skips it */
}

px_status px_journal_open(px_batch_job *j, bool resume, px_error *err)
{
    char *path = px_batch_path(j->outdir, "journal.jsonl");
    int flags = O_RDWR | O_CREAT | O_APPEND | O_CLOEXEC | (resume ? 0 : O_TRUNC);
    j->journal = open(path, flags, 0644);
    j->old_index = -1;
    px_status st = PX_OK;
    if (j->journal < 0)
        st = px_error_set(err, PX_EIO, path, 0, "cannot create: %s", strerror(errno));
    free(path);
    pthread_mutex_init(&j->journal_mu, NULL);
    if (st != PX_OK || !resume)
        return st;
    j->resume = px_map_new();
    char *old = px_batch_path(j->outdir, "index.jsonl");
    j->old_index = open(old, O_RDONLY | O_CLOEXEC);
    free(old);
    if (j->old_index >= 0)
        index_lines(j, j->old_index, PX_META_INDEX);
    if (!index_lines(j, j->journal, PX_META_JOURNAL))
        cut_partial(j->journal);
    return PX_OK;
}

px_status px_journal_append(px_batch_job *j, const char *line, size_t len, px_meta_ref *ref,
                            px_error *err)
{
    pthread_mutex_lock(&j->journal_mu);
    off_t at = lseek(j->journal, 0, SEEK_END);
    size_t done = 0;
    while (at >= 0 && done < len) {
        ssize_t w = write(j->journal, line + done, len - done);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            break;
        done += (size_t)w;
    }
    pthread_mutex_unlock(&j->journal_mu);
    if (at < 0 || done < len)
        return px_error_set(err, PX_EIO, "journal.jsonl", 0, "write failed: %s", strerror(errno));
    *ref = (px_meta_ref){PX_META_JOURNAL, (uint64_t)at, (uint32_t)(len - 1)};
    return PX_OK;
}

char *px_journal_read(const px_batch_job *j, const px_meta_ref *ref)
{
    int fd = ref->src == PX_META_INDEX ? j->old_index : j->journal;
    char *buf = px_xmalloc((size_t)ref->len + 1);
    size_t got = 0;
    while (got < ref->len) {
        ssize_t r = pread(fd, buf + got, ref->len - got, (off_t)(ref->off + got));
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0) {
            free(buf);
            return NULL;
        }
        got += (size_t)r;
    }
    buf[got] = '\0';
    return buf;
}

bool px_journal_find(const px_batch_job *j, const char *id, px_meta_ref *ref)
{
    uintptr_t k;
    if (!j->resume || !px_map_get(j->resume, id, strlen(id), &k))
        return false;
    *ref = j->refs.v[k];
    return true;
}

void px_journal_close(px_batch_job *j, bool finished)
{
    if (j->journal >= 0) {
        close(j->journal);
        pthread_mutex_destroy(&j->journal_mu);
    }
    if (j->old_index >= 0)
        close(j->old_index);
    j->journal = j->old_index = -1;
    if (finished) {
        char *path = px_batch_path(j->outdir, "journal.jsonl");
        unlink(path);
        free(path);
    }
    px_map_free(j->resume);
    j->resume = NULL;
    px_vec_free(j->refs);
}
