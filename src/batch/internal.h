/*
 * batch/internal.h — what the files of src/batch share: the corpus index,
 * the line reader, safe file names and hashes, per-story figures, the
 * aggregate tables and the bootstrap.
 */
#ifndef PX_BATCH_INTERNAL_H
#define PX_BATCH_INTERNAL_H

#include <jansson.h>
#include <pthread.h>
#include <stdio.h>

#include "parallax/batch.h"
#include "util/toolbox.h"

/* Version of the files batch writes (meta, index, batch.json): part of the
 * settings hash, so --resume redoes stories written by an older layout. */
#define PX_BATCH_LAYOUT 2

/* ---- hashing (names.c) ---- */

/* FNV-1a 64, continued from h (start with PX_FNV_START). */
#define PX_FNV_START 0xcbf29ce484222325ULL
uint64_t px_batch_fnv(uint64_t h, const void *p, size_t n);
/* 16 lower-case hex digits. */
void px_batch_hex(uint64_t h, char out[17]);

/* ---- reading lines of any length, with a cap (lines.c) ---- */

typedef struct px_lines {
    FILE *f;
    char *buf;         /* the current line (up to cap bytes of it) */
    size_t len, cap;   /* bytes kept of the current line, the cap */
    size_t size;       /* allocated */
    uint64_t off;      /* offset of the current line in the file */
    uint64_t next;     /* offset after it (and its newline) */
    uint64_t full;     /* the whole line's length, without the newline */
    uint64_t hash;     /* FNV-1a of the whole line, newline included */
    size_t line;       /* 1-based number of the current line */
    char block[65536]; /* read-ahead */
    size_t bpos, blen;
} px_lines;

void px_lines_init(px_lines *r, FILE *f, size_t cap);
/* Next line: true, or false at end of file (or on a read error: ferror). */
bool px_lines_next(px_lines *r);
void px_lines_free(px_lines *r);

/* The string value of the top-level "story" key of a JSON object in s, or
 * NULL (no such key, not an object, or broken before the key). Tolerant:
 * the rest of the line may be malformed. Allocated in a. */
char *px_batch_story_key(px_arena *a, const char *s, size_t n);

/* ---- the corpus index (corpus.c, folders.c) ---- */

typedef struct px_corpus_rec {
    uint64_t off, len; /* JSONL: the line; folders: unused */
    const char *path;  /* folders: the article file; JSONL: NULL */
    uint32_t line;     /* JSONL: line number; folders: 0 */
} px_corpus_rec;

typedef struct px_corpus_story {
    const char *id, *file; /* story id; its safe file name */
    uint64_t hash;         /* input hash: its records' bytes, corpus order */
    uint64_t bytes;        /* total size of its records */
    size_t first_line;     /* JSONL: line of its first record; folders: 0 */
    size_t rec, nrec;      /* its records: corpus recs[rec .. rec + nrec) */
    const char *error;     /* found while indexing (a record over the cap) */
} px_corpus_story;

/* A corpus line no story can be named for. */
typedef struct px_corpus_bad {
    size_t line;
    const char *message;
} px_corpus_bad;

typedef struct px_corpus {
    px_arena *arena;
    const char *path; /* as given */
    const char *name; /* its last component: origins and messages use it */
    bool folder;
    int fd;                   /* JSONL: open for pread */
    px_corpus_story *stories; /* this shard's, in corpus order */
    size_t nstories;
    px_corpus_rec *recs;
    size_t nrecs;
    px_corpus_bad *bad; /* shard 1 (or unsharded) only */
    size_t nbad;
} px_corpus;

/* Progress while indexing: bytes read of total. */
typedef void (*px_corpus_tick)(uint64_t read, uint64_t total, void *user);

/* Index a corpus, keeping the stories of shard k of n (n = 0: all). */
px_status px_corpus_open(const char *path, unsigned k, unsigned n, px_corpus_tick tick, void *user,
                         px_corpus **out, px_error *err);
px_status px_corpus_open_folder(px_corpus *c, unsigned k, unsigned n, px_error *err);
/* Add the index's story-by-story records to c (shared by both kinds). */
void px_corpus_keep(px_corpus *c, px_corpus_story *all, size_t nall, px_corpus_rec *recs,
                    const uint32_t *owner, size_t nrecs, unsigned k, unsigned n);
void px_corpus_free(px_corpus *c);

/* Story i as a new px_story in *out (the caller frees it, also after an
 * error; it may be NULL then): a JSONL story's records in outlet-id order,
 * failing on a broken record, two records of one outlet or a story past
 * the limits; a story folder as px_story_load reads it. */
px_status px_corpus_load(const px_corpus *c, size_t i, const px_ingest_opts *o, px_story **out,
                         px_error *err);

/* ---- per-story figures (figures.c) ---- */

/* The meta record of an analysed story: hashes, output sizes and the
 * headline figures the aggregate reads. The caller decrefs. */
json_t *px_batch_figures(const px_story *s, const char *file, uint64_t input_hash,
                         uint64_t config_hash, size_t first_line);
/* Every key a meta record's "frame" may hold with the lexicons of set, in
 * byte order: "NAME", "NAME:boosting", "NAME:attacking", "NAME.CATEGORY".
 * The caller decrefs. */
json_t *px_batch_frame_keys(const px_lexset *set);

/* ---- output files (output.c) ---- */

/* Write data to dir/name through dir/.name.tmp and a rename. */
px_status px_batch_write(const char *dir, const char *name, const void *data, size_t len,
                         px_error *err);
/* Create dir (and its parent) if missing. */
px_status px_batch_mkdir(const char *dir, px_error *err);
/* "dir/name", heap. */
char *px_batch_path(const char *dir, const char *name);
/* A JSON string of s, invalid UTF-8 replaced; null for NULL. */
json_t *px_batch_jstr(const char *s);
/* Remove dir's leftover ".*.tmp" files of an interrupted run. */
void px_batch_clean_tmp(const char *dir);

/* A file written through a stream: dir/.NAME.tmp, renamed on commit. */
typedef struct px_stream {
    FILE *f;
    char *tmp, *path;
    int slot; /* in the temporary-file table (px_tmp_add), or -1 */
} px_stream;
px_status px_stream_open(px_stream *s, const char *dir, const char *name, px_error *err);
/* Close; rename into place when commit (and no write failed), else remove. */
px_status px_stream_close(px_stream *s, bool commit, px_error *err);

/* ---- the run (batch.c) and one story (work.c) ---- */

enum {
    PX_STORY_PENDING = 0,
    PX_STORY_ANALYSED,
    PX_STORY_RESUMED,
    PX_STORY_FAILED,
    PX_STORY_SKIPPED
};

/* Where a story's meta line is: the journal, or an earlier index.jsonl. */
enum { PX_META_JOURNAL = 0, PX_META_INDEX = 1 };
typedef struct px_meta_ref {
    uint8_t src;
    uint64_t off;
    uint32_t len; /* without the newline */
} px_meta_ref;

typedef struct px_outcome {
    uint8_t state;    /* PX_STORY_* */
    char *message;    /* failed or skipped: why (heap) */
    px_meta_ref meta; /* analysed or resumed: its meta line */
} px_outcome;

typedef struct px_batch_job {
    const px_corpus *corpus;
    const px_batch_opts *o;
    const char *outdir;
    char *stories_dir;
    unsigned formats;
    uint64_t config; /* settings hash */
    px_outcome *out; /* one per story */
    /* journal.c */
    int journal, old_index;
    pthread_mutex_t journal_mu;
    px_map *resume; /* story id → refs index (--resume) */
    PX_VEC(px_meta_ref) refs;
} px_batch_job;

/* Open OUTDIR/journal.jsonl (emptied unless resume); with resume, index
 * the meta lines of it and of an earlier index.jsonl. */
px_status px_journal_open(px_batch_job *j, bool resume, px_error *err);
/* Append one meta line (ending in '\n'); *ref tells where it went. */
px_status px_journal_append(px_batch_job *j, const char *line, size_t len, px_meta_ref *ref,
                            px_error *err);
/* The latest meta line of a story from an earlier run (resume), if any. */
bool px_journal_find(const px_batch_job *j, const char *id, px_meta_ref *ref);
/* A meta line's text (heap, NUL-terminated), or NULL. */
char *px_journal_read(const px_batch_job *j, const px_meta_ref *ref);
/* Close; remove the journal when the batch finished. */
void px_journal_close(px_batch_job *j, bool finished);

/* Analyse story i (or keep it, resuming) and write its files; returns a
 * PX_STORY_* state, *message for failures and skips. ctx and buf belong to
 * the calling worker. */
int px_batch_story(px_batch_job *j, size_t i, px_text_ctx *ctx, px_buf *buf, px_outcome *out);

/* After the pool: index.jsonl, errors.jsonl, skipped.jsonl, then
 * batch.json (finish.c). */
px_status px_batch_finish(const px_batch_job *j, px_error *err);

/* ---- bootstrap (stats.c) ---- */

/* A ratio of sums over units (stories): sum(num) / sum(den). */
typedef struct px_ratio {
    double value, lo, hi; /* NaN when the denominator is 0 */
} px_ratio;

/* m ratio figures over the same n units (stories): for each j,
 * scale[j] * sum_i num[i][j] / sum_i den[i][j], with a 95% percentile
 * interval from `replicates` resamples of the units drawn with the given
 * seed (all m figures share the resamples). num and den are n x m,
 * row-major; out receives m results. */
void px_batch_bootstrap(const double *num, const double *den, size_t n, size_t m,
                        const double *scale, unsigned replicates, uint64_t seed, px_ratio *out);

#endif
