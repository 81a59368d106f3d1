/*
 * parallax/batch.h — many stories: a corpus in, one report per story out,
 * and the aggregate over many such outputs.
 *
 * px_batch_run reads a JSONL corpus (one article a line, a story's articles
 * anywhere in the file) or a folder of story folders, analyses each story on
 * a pool of threads and writes, under OUTDIR:
 *
 *   stories/FILE.json (.html, .facts.csv, .scores.csv)  the reports
 *   index.jsonl         per analysed story, in corpus order, one line: the
 *                       hash of its input and the counts the aggregate reads
 *   errors.jsonl        stories (and corpus lines) that failed, with why
 *   skipped.jsonl       stories with fewer than two outlets
 *   batch.json          the run's settings and counts; written last
 *   journal.jsonl       while running: the index lines of finished stories,
 *                       which --resume reads; removed at the end
 *
 * FILE is the story id made safe as a file name (px_batch_file_name). The
 * corpus is streamed twice (an index of line offsets, then each story's
 * lines), never held whole. Outputs are byte-identical whatever the number
 * of threads or shards, and written atomically, so --resume after a kill
 * ends with the same files as an uninterrupted run.
 *
 * px_aggregate_run merges one or more batch outputs (shards) into
 * outlets.csv, pairs.csv, stories.csv and summary.html, identical whether
 * the stories came from one run or from many shards.
 */
#ifndef PARALLAX_BATCH_H
#define PARALLAX_BATCH_H

#include "parallax/story.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Per-story output formats (bits). JSON is the default. */
enum {
    PX_BATCH_JSON = 1 << 0,
    PX_BATCH_HTML = 1 << 1,
    PX_BATCH_CSV = 1 << 2,
};

/* Where a batch stands; handed to the progress callback. */
typedef struct px_batch_progress {
    bool indexing;        /* still reading the corpus index: total unknown */
    uint64_t bytes_read;  /* indexing: corpus bytes read so far */
    uint64_t bytes_total; /* indexing: corpus size (0 when unknown) */
    size_t total;         /* stories in this shard */
    size_t done;          /* stories finished: analysed, resumed, failed or skipped */
    size_t analysed, resumed, skipped;
    size_t failed;    /* stories that failed (batch.json "failed") */
    size_t bad_lines; /* at the end: corpus lines that name no story
                       * (batch.json "bad_lines"; in errors.jsonl) */
    double elapsed;   /* seconds since px_batch_run started */
    bool finished;    /* the last call */
} px_batch_progress;

typedef void (*px_batch_progress_fn)(const px_batch_progress *p, void *user);

typedef struct px_batch_opts {
    const px_config *config;       /* lexicons and threshold, shared read-only */
    const px_ingest_opts *ingest;  /* furniture rules, shared read-only; may be NULL */
    unsigned jobs;                 /* worker threads; 0 = the number of online cores */
    unsigned shard, nshards;       /* only stories of shard K of N (1-based); N = 0: all */
    unsigned formats;              /* PX_BATCH_* bits; 0 = PX_BATCH_JSON */
    bool resume;                   /* keep stories whose outputs match their input */
    bool full_json;                /* per-story JSON in the full form (default: lean,
                                    * px_report_opts.lean) */
    const char *fingerprint;       /* settings the library cannot see (furniture file),
                                    * part of the hash --resume compares; may be NULL */
    px_batch_progress_fn progress; /* called on the calling thread a few times a
                                    * second and once at the end; may be NULL */
    void *user;
} px_batch_opts;

/* Run a batch. Returns PX_OK when the batch ran, even if some stories
 * failed (see progress->failed via out, and OUTDIR/errors.jsonl); an error
 * only when the corpus cannot be read or OUTDIR cannot be written. out may
 * be NULL. */
PX_API px_status px_batch_run(const char *corpus, const char *outdir, const px_batch_opts *o,
                              px_batch_progress *out, px_error *err);

/* The file name (without extension) for a story id: bytes [A-Za-z0-9_-]
 * and non-leading '.' kept, every other byte as %XX; names longer than 160
 * bytes cut and ended with '~' and a hash. Never empty, never a path, never
 * the same for two ids. Allocated in a. */
PX_API char *px_batch_file_name(px_arena *a, const char *id);

/* The shard (1..n) a story id belongs to: a fixed hash of the id, the same
 * on every machine. */
PX_API unsigned px_batch_shard_of(const char *id, unsigned n);

typedef struct px_aggregate_opts {
    unsigned replicates; /* bootstrap resamples; 0 = 1000 */
    uint64_t seed;       /* 0 = the fixed default seed */
} px_aggregate_opts;

typedef struct px_aggregate_result {
    size_t inputs;     /* batch folders read */
    size_t stories;    /* distinct analysed stories */
    size_t duplicates; /* stories found in more than one folder (same input) */
    size_t failed, skipped;
    size_t outlets, pairs;
    unsigned shards;         /* N when every folder is a shard K of the same N, else 0 */
    unsigned missing_shards; /* how many of those N were not given */
} px_aggregate_result;

/* Merge the batch folders dirs[0..n) into outdir (created if missing):
 * outlets.csv, pairs.csv, stories.csv, summary.html. Fails when a folder
 * is not a finished batch, when the folders were made with different
 * settings, or when one story id has different inputs in two folders. */
PX_API px_status px_aggregate_run(const char *const *dirs, size_t n, const char *outdir,
                                  const px_aggregate_opts *o, px_aggregate_result *res,
                                  px_error *err);

#ifdef __cplusplus
}
#endif

#endif
