/*
 * fuzz_record.c — the JSON and JSONL record readers.
 *
 * The input is read three ways: as one record (px_ingest_record), as a
 * JSONL corpus the way batch reads it (px_lines with a small line cap,
 * px_batch_story_key, then px_ingest_record per line), and as a file
 * (px_ingest_file on a .json or .jsonl copy in a private temporary folder:
 * one object, an array of objects or JSON Lines). Records may hold "html",
 * so the HTML extractor is reached through them as well.
 */
#include <string.h>
#include <unistd.h>

#include "batch/internal.h"
#include "fuzz/harness.h"

static void one_record(px_arena *a, const px_ingest_opts *o, const char *s, size_t n, size_t line)
{
    px_article *art = NULL;
    px_error err;
    if (px_ingest_record(a, s, n, "corpus.jsonl", line, o, &art, &err) == PX_OK)
        fuzz_check_article(art);
    else
        FUZZ_CHECK(art == NULL && err.message[0]);
}

static void as_lines(px_arena *a, const px_ingest_opts *o, const uint8_t *data, size_t size)
{
    FILE *f = fmemopen((void *)data, size, "rb");
    if (!f)
        return;
    px_lines r;
    px_lines_init(&r, f, 4096);
    while (px_lines_next(&r)) {
        FUZZ_CHECK(r.len <= r.full && r.len <= r.cap && r.buf[r.len] == '\0');
        const char *line = (const char *)data + r.off;
        FUZZ_CHECK(r.off + r.full <= size);
        char *story = px_batch_story_key(a, line, r.full);
        if (story)
            fuzz_check_utf8(story, strlen(story));
        one_record(a, o, line, r.full, r.line);
    }
    px_lines_free(&r);
    fclose(f);
}

static void as_file(px_arena *a, const px_ingest_opts *o, const uint8_t *data, size_t size)
{
    char dir[] = "/tmp/px-fuzz-record-XXXXXX";
    if (!mkdtemp(dir))
        return;
    char path[64];
    snprintf(path, sizeof path, "%s/in.%s", dir, size % 2 ? "jsonl" : "json");
    FILE *f = fopen(path, "wb");
    if (f) {
        fwrite(data, 1, size, f);
        fclose(f);
        px_article **arts = NULL;
        size_t n = 0;
        px_error err;
        if (px_ingest_file(a, path, o, &arts, &n, &err) == PX_OK) {
            FUZZ_CHECK(n >= 1);
            for (size_t i = 0; i < n; i++)
                fuzz_check_article(arts[i]);
        }
        unlink(path);
    }
    rmdir(dir);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    px_ingest_opts o = {.furniture = fuzz_furniture()};
    px_arena *a = px_arena_new();
    one_record(a, &o, (const char *)data, size, 0);
    as_lines(a, &o, data, size);
    as_file(a, &o, data, size);
    px_arena_free(a);
    return 0;
}
