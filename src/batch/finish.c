/*
 * finish.c — the batch's own files, written after every story is done.
 *
 * index.jsonl is the meta line of every analysed story, in corpus order
 * (read back from the journal, so no story's figures wait in memory);
 * errors.jsonl the failed stories and the corpus lines naming no story,
 * by line; skipped.jsonl the stories with fewer than two outlets;
 * batch.json the settings and counts, written last. None records timing or
 * thread counts: a run gives the same files whatever --jobs, and a resumed
 * run the same as an uninterrupted one.
 */
#include <string.h>

#include "batch/internal.h"

static px_status copy_meta(const px_batch_job *j, const px_outcome *o, FILE *f, px_error *err)
{
    char *line = px_journal_read(j, &o->meta);
    if (!line)
        return px_error_set(err, PX_EIO, "journal.jsonl", 0, "cannot read a story's record back");
    fputs(line, f);
    fputc('\n', f);
    free(line);
    return PX_OK;
}

static px_status write_index(const px_batch_job *j, px_error *err)
{
    px_stream s;
    px_status st = px_stream_open(&s, j->outdir, "index.jsonl", err);
    for (size_t i = 0; i < j->corpus->nstories && st == PX_OK; i++)
        if (j->out[i].state == PX_STORY_ANALYSED || j->out[i].state == PX_STORY_RESUMED)
            st = copy_meta(j, &j->out[i], s.f, err);
    px_status cst = px_stream_close(&s, st == PX_OK, err);
    return st == PX_OK ? cst : st;
}

static void put_line(FILE *f, json_t *o)
{
    char *text = json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_ENSURE_ASCII);
    if (text) {
        fputs(text, f);
        fputc('\n', f);
    }
    free(text);
    json_decref(o);
}

static json_t *story_line(const px_corpus_story *cs, const char *key, const char *message)
{
    json_t *o = json_object();
    json_object_set_new(o, "story", px_batch_jstr(cs->id));
    json_object_set_new(o, "file", px_batch_jstr(cs->file));
    json_object_set_new(o, "line", json_integer((json_int_t)cs->first_line));
    json_object_set_new(o, "records", json_integer((json_int_t)cs->nrec));
    json_object_set_new(o, key, px_batch_jstr(message));
    return o;
}

static json_t *bad_line(const px_corpus_bad *b)
{
    json_t *o = json_object();
    json_object_set_new(o, "story", json_null());
    json_object_set_new(o, "line", json_integer((json_int_t)b->line));
    json_object_set_new(o, "error", px_batch_jstr(b->message));
    return o;
}

/* Failed stories and bad lines, merged by corpus line (stories come in
 * order of their first line). */
static px_status write_errors(const px_batch_job *j, px_error *err)
{
    px_stream s;
    px_status st = px_stream_open(&s, j->outdir, "errors.jsonl", err);
    if (st != PX_OK)
        return st;
    const px_corpus *c = j->corpus;
    size_t b = 0;
    for (size_t i = 0; i < c->nstories; i++) {
        if (j->out[i].state != PX_STORY_FAILED)
            continue;
        while (b < c->nbad && c->bad[b].line < c->stories[i].first_line)
            put_line(s.f, bad_line(&c->bad[b++]));
        put_line(s.f, story_line(&c->stories[i], "error", j->out[i].message));
    }
    while (b < c->nbad)
        put_line(s.f, bad_line(&c->bad[b++]));
    return px_stream_close(&s, true, err);
}

static px_status write_skipped(const px_batch_job *j, px_error *err)
{
    px_stream s;
    px_status st = px_stream_open(&s, j->outdir, "skipped.jsonl", err);
    if (st != PX_OK)
        return st;
    for (size_t i = 0; i < j->corpus->nstories; i++)
        if (j->out[i].state == PX_STORY_SKIPPED)
            put_line(s.f, story_line(&j->corpus->stories[i], "reason", j->out[i].message));
    return px_stream_close(&s, true, err);
}

static json_t *formats_json(unsigned formats)
{
    static const struct {
        unsigned bit;
        const char *name;
    } names[] = {{PX_BATCH_JSON, "json"}, {PX_BATCH_HTML, "html"}, {PX_BATCH_CSV, "csv"}};
    json_t *a = json_array();
    for (size_t k = 0; k < sizeof names / sizeof names[0]; k++)
        if (formats & names[k].bit)
            json_array_append_new(a, json_string(names[k].name));
    return a;
}

static px_status write_manifest(const px_batch_job *j, px_error *err)
{
    size_t counts[PX_STORY_SKIPPED + 1] = {0};
    for (size_t i = 0; i < j->corpus->nstories; i++)
        counts[j->out[i].state]++;
    char gen[64], ch[17];
    snprintf(gen, sizeof gen, "parallax %s", px_version());
    px_batch_hex(j->config, ch);
    json_t *o = json_object();
    json_object_set_new(o, "generator", json_string(gen));
    json_object_set_new(o, "layout", json_integer(PX_BATCH_LAYOUT));
    json_object_set_new(o, "corpus", px_batch_jstr(j->corpus->name));
    json_object_set_new(o, "shard", json_integer(j->o->nshards ? j->o->shard : 1));
    json_object_set_new(o, "shards", json_integer(j->o->nshards ? j->o->nshards : 1));
    json_object_set_new(o, "config", json_string(ch));
    json_object_set_new(o, "formats", formats_json(j->formats));
    json_object_set_new(o, "json_form", json_string(j->o->full_json ? "full" : "lean"));
    json_object_set_new(o, "frame_keys", px_batch_frame_keys(j->o->config->lexicons));
    json_object_set_new(o, "stories", json_integer((json_int_t)j->corpus->nstories));
    json_object_set_new(
        o, "analysed",
        json_integer((json_int_t)counts[PX_STORY_ANALYSED] + (json_int_t)counts[PX_STORY_RESUMED]));
    json_object_set_new(o, "failed", json_integer((json_int_t)counts[PX_STORY_FAILED]));
    json_object_set_new(o, "skipped", json_integer((json_int_t)counts[PX_STORY_SKIPPED]));
    json_object_set_new(o, "bad_lines", json_integer((json_int_t)j->corpus->nbad));
    char *text = json_dumps(o, JSON_INDENT(1) | JSON_PRESERVE_ORDER | JSON_ENSURE_ASCII);
    json_decref(o);
    px_buf b;
    px_buf_init(&b, 0);
    px_buf_puts(&b, text ? text : "{}");
    px_buf_putc(&b, '\n');
    free(text);
    px_status st = px_batch_write(j->outdir, "batch.json", b.data, b.len, err);
    px_buf_free(&b);
    return st;
}

px_status px_batch_finish(const px_batch_job *j, px_error *err)
{
    px_status st = write_index(j, err);
    if (st == PX_OK)
        st = write_errors(j, err);
    if (st == PX_OK)
        st = write_skipped(j, err);
    if (st == PX_OK)
        st = write_manifest(j, err);
    return st;
}
