/*
 * batch.c — `parallax batch`: index the corpus, analyse its stories on a
 * pool of threads, then write the batch's own files.
 *
 * Threads share only read-only things — the corpus index, lexicons,
 * furniture rules, the settings — and a mutex-guarded counter handing out
 * story numbers. Each worker owns a px_text_ctx and an output buffer; each
 * story its own arena. The calling thread waits on a condition variable and
 * reports progress. When all stories are done, index.jsonl, errors.jsonl
 * and skipped.jsonl are written in corpus order (so they do not depend on
 * which thread finished first), and batch.json last: its presence says the
 * batch finished. A lock file keeps two batches out of one folder.
 */
#include <errno.h>
#include <fcntl.h>
#include <libxml/parser.h>
#include <pthread.h>
#include <string.h>
#include <sys/file.h>
#include <time.h>
#include <unistd.h>

#include "batch/internal.h"

typedef struct pool {
    px_batch_job job;
    pthread_mutex_t mu;
    pthread_cond_t cv;
    size_t next;
    px_batch_progress prog;
    struct timespec start;
} pool;

static double seconds_since(const struct timespec *t0)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)(t.tv_sec - t0->tv_sec) + (double)(t.tv_nsec - t0->tv_nsec) / 1e9;
}

static void *worker(void *arg)
{
    pool *p = arg;
    px_text_ctx *ctx = px_text_ctx_new();
    px_buf buf;
    px_buf_init(&buf, 0);
    for (;;) {
        pthread_mutex_lock(&p->mu);
        size_t i = p->next < p->job.corpus->nstories ? p->next++ : SIZE_MAX;
        pthread_mutex_unlock(&p->mu);
        if (i == SIZE_MAX)
            break;
        px_outcome out = {0};
        int state = px_batch_story(&p->job, i, ctx, &buf, &out);
        out.state = (uint8_t)state;
        pthread_mutex_lock(&p->mu);
        p->job.out[i] = out;
        p->prog.done++;
        p->prog.analysed += state == PX_STORY_ANALYSED;
        p->prog.resumed += state == PX_STORY_RESUMED;
        p->prog.failed += state == PX_STORY_FAILED;
        p->prog.skipped += state == PX_STORY_SKIPPED;
        pthread_cond_signal(&p->cv);
        pthread_mutex_unlock(&p->mu);
    }
    px_buf_free(&buf);
    px_text_ctx_free(ctx);
    return NULL;
}

static unsigned worker_count(const px_batch_opts *o, size_t stories)
{
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    size_t n = o->jobs ? o->jobs : (cores > 0 ? (size_t)cores : 1);
    if (n > stories)
        n = stories;
    if (n > 1024)
        n = 1024;
    return n ? (unsigned)n : 1;
}

/* Start the workers, report progress until every story is done, join. */
static px_status run_pool(pool *p, px_error *err)
{
    unsigned n = worker_count(p->job.o, p->job.corpus->nstories);
    pthread_t *th = px_xcalloc(n, sizeof *th);
    unsigned started = 0;
    for (; started < n; started++)
        if (pthread_create(&th[started], NULL, worker, p) != 0)
            break;
    if (started == 0) {
        free(th);
        return px_error_set(err, PX_EIO, NULL, 0, "cannot start worker threads");
    }
    double last = -1;
    pthread_mutex_lock(&p->mu);
    while (p->prog.done < p->job.corpus->nstories) {
        struct timespec until;
        clock_gettime(CLOCK_MONOTONIC, &until);
        until.tv_nsec += 250000000L;
        if (until.tv_nsec >= 1000000000L) {
            until.tv_sec++;
            until.tv_nsec -= 1000000000L;
        }
        pthread_cond_timedwait(&p->cv, &p->mu, &until);
        px_batch_progress now = p->prog;
        pthread_mutex_unlock(&p->mu);
        now.elapsed = seconds_since(&p->start);
        if (p->job.o->progress && now.elapsed - last >= 0.25) { /* at most 4 times a second */
            p->job.o->progress(&now, p->job.o->user);
            last = now.elapsed;
        }
        pthread_mutex_lock(&p->mu);
    }
    pthread_mutex_unlock(&p->mu);
    for (unsigned k = 0; k < started; k++)
        pthread_join(th[k], NULL);
    free(th);
    return PX_OK;
}

static void tick(uint64_t read, uint64_t total, void *user)
{
    pool *p = user;
    if (!p->job.o->progress)
        return;
    px_batch_progress now = {0};
    now.indexing = true;
    now.bytes_read = read;
    now.bytes_total = total;
    now.elapsed = seconds_since(&p->start);
    p->job.o->progress(&now, p->job.o->user);
}

/* The settings that shape a story's outputs, hashed: --resume redoes a
 * story when any changed. */
static uint64_t config_hash(const px_batch_opts *o)
{
    char buf[128];
    snprintf(buf, sizeof buf, "parallax %s layout %d threshold %.6f furniture %d", px_version(),
             PX_BATCH_LAYOUT, o->config->align.threshold,
             o->ingest && o->ingest->furniture ? 1 : 0);
    uint64_t h = px_batch_fnv(PX_FNV_START, buf, strlen(buf));
    if (o->fingerprint)
        h = px_batch_fnv(h, o->fingerprint, strlen(o->fingerprint) + 1);
    const px_lexset *ls = o->config->lexicons;
    for (size_t l = 0; ls && l < px_lexset_count(ls); l++) {
        const px_lexicon *lex = px_lexset_get(ls, l);
        h = px_batch_fnv(h, lex->name, strlen(lex->name) + 1);
        for (size_t e = 0; e < lex->nentries; e++) {
            const px_lex_entry *en = &lex->entries[e];
            snprintf(buf, sizeof buf, "\t%u\t%.9g\n", en->category, en->weight);
            h = px_batch_fnv(h, en->term, strlen(en->term));
            h = px_batch_fnv(h, buf, strlen(buf));
        }
    }
    return h;
}

/* Take OUTDIR/.lock for the run; the descriptor is closed (unlocked) at
 * the end. */
static int lock_outdir(const char *outdir, px_error *err)
{
    char *path = px_batch_path(outdir, ".lock");
    int fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    free(path);
    if (fd < 0) {
        px_error_set(err, PX_EIO, outdir, 0, "cannot create the lock file: %s", strerror(errno));
        return -1;
    }
    if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
        close(fd);
        px_error_set(err, PX_EIO, outdir, 0,
                     "another batch is writing to this folder; give each run (or shard) "
                     "its own -o folder");
        return -1;
    }
    return fd;
}

static px_status prepare(pool *p, const char *outdir, int *lock, px_error *err)
{
    px_status st = px_batch_mkdir(outdir, err);
    if (st != PX_OK)
        return st;
    if ((*lock = lock_outdir(outdir, err)) < 0)
        return PX_EIO;
    p->job.stories_dir = px_batch_path(outdir, "stories");
    st = px_batch_mkdir(p->job.stories_dir, err);
    if (st != PX_OK)
        return st;
    /* not finished until batch.json is written again */
    char *manifest = px_batch_path(outdir, "batch.json");
    unlink(manifest);
    free(manifest);
    px_batch_clean_tmp(outdir);
    px_batch_clean_tmp(p->job.stories_dir);
    return px_journal_open(&p->job, p->job.o->resume, err);
}

static px_status check_opts(const px_batch_opts *o, px_error *err)
{
    if (!o || !o->config)
        return px_error_set(err, PX_EUSAGE, NULL, 0, "batch: no settings given");
    if (o->nshards && (o->shard < 1 || o->shard > o->nshards))
        return px_error_set(err, PX_EUSAGE, NULL, 0, "shard %u of %u does not exist", o->shard,
                            o->nshards);
    return PX_OK;
}

static void pool_init(pool *p, const px_batch_opts *o, const char *outdir)
{
    memset(p, 0, sizeof *p);
    clock_gettime(CLOCK_MONOTONIC, &p->start);
    p->job.o = o;
    p->job.outdir = outdir;
    p->job.formats = o->formats ? o->formats : PX_BATCH_JSON;
    p->job.config = config_hash(o);
    p->job.journal = p->job.old_index = -1;
    pthread_mutex_init(&p->mu, NULL);
    pthread_condattr_t ca;
    pthread_condattr_init(&ca);
    pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
    pthread_cond_init(&p->cv, &ca);
    pthread_condattr_destroy(&ca);
}

static void pool_free(pool *p)
{
    if (p->job.out && p->job.corpus)
        for (size_t i = 0; i < p->job.corpus->nstories; i++)
            free(p->job.out[i].message);
    free(p->job.out);
    free(p->job.stories_dir);
    pthread_mutex_destroy(&p->mu);
    pthread_cond_destroy(&p->cv);
}

px_status px_batch_run(const char *corpus, const char *outdir, const px_batch_opts *o,
                       px_batch_progress *out, px_error *err)
{
    px_status st = check_opts(o, err);
    if (st != PX_OK)
        return st;
    /* libxml2 wants its global tables set up once, before any thread parses */
    xmlInitParser();
    pool p;
    pool_init(&p, o, outdir);
    int lock = -1;
    px_corpus *c = NULL;
    st = prepare(&p, outdir, &lock, err);
    if (st == PX_OK)
        st = px_corpus_open(corpus, o->shard, o->nshards, tick, &p, &c, err);
    if (st == PX_OK) {
        p.job.corpus = c;
        p.job.out = px_xcalloc(c->nstories ? c->nstories : 1, sizeof *p.job.out);
        p.prog.total = c->nstories;
        st = run_pool(&p, err);
    }
    if (st == PX_OK)
        st = px_batch_finish(&p.job, err);
    px_journal_close(&p.job, st == PX_OK);
    p.prog.elapsed = seconds_since(&p.start);
    p.prog.finished = true;
    p.prog.bad_lines = c ? c->nbad : 0;
    if (st == PX_OK && o->progress)
        o->progress(&p.prog, o->user);
    if (out)
        *out = p.prog;
    pool_free(&p);
    px_corpus_free(c);
    if (lock >= 0)
        close(lock);
    return st;
}
