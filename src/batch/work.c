/*
 * work.c — one story, start to finish, on a worker thread.
 *
 * Resume check (the story's meta line from an earlier run has the same
 * input and settings hashes, and every output is there at the recorded
 * size), else: load the story's articles (a story of one record too, so
 * that a malformed record fails with its line rather than being skipped),
 * skip it when fewer than two outlets remain, analyse, render each
 * requested format, write the files, and append the meta line to the
 * journal last — so a meta line means its outputs are complete. A failure
 * removes what an earlier run left for the story, so a rerun ends with the
 * same files. Nothing here prints; the outcome goes back to batch.c.
 */
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "batch/internal.h"
#include "parallax/report.h"

typedef px_status (*render_fn)(const px_story *, const px_report_opts *, px_buf *);

/* The per-story files, by format bit. */
static const struct {
    unsigned format;
    const char *ext;
    render_fn render;
} outputs[] = {
    {PX_BATCH_JSON, "json", px_report_json},
    {PX_BATCH_HTML, "html", px_report_html},
    {PX_BATCH_CSV, "facts.csv", px_report_csv_facts},
    {PX_BATCH_CSV, "scores.csv", px_report_csv_scores},
    {PX_BATCH_CSV, "outlet_story.csv", px_report_csv_outlets},
};
#define NOUTPUTS (sizeof outputs / sizeof outputs[0])

static const char *json_form(const px_batch_job *j)
{
    return j->o->full_json ? "full" : "lean";
}

static char *output_name(const char *file, const char *ext)
{
    size_t n = strlen(file) + strlen(ext) + 2;
    char *p = px_xmalloc(n);
    snprintf(p, n, "%s.%s", file, ext);
    return p;
}

static long long file_size(const char *dir, const char *name)
{
    char *p = px_batch_path(dir, name);
    struct stat sb;
    long long n = stat(p, &sb) == 0 && S_ISREG(sb.st_mode) ? (long long)sb.st_size : -1;
    free(p);
    return n;
}

/* The meta's hashes match and each requested output (and no other) is
 * recorded, present and of the recorded size. */
static bool resumable(const px_batch_job *j, const px_corpus_story *cs, json_t *meta)
{
    char ih[17], ch[17];
    px_batch_hex(cs->hash, ih);
    px_batch_hex(j->config, ch);
    json_t *outs = json_object_get(meta, "outputs");
    const char *mi = json_string_value(json_object_get(meta, "input"));
    const char *mc = json_string_value(json_object_get(meta, "config"));
    if (!json_is_object(outs) || !mi || !mc || strcmp(mi, ih) || strcmp(mc, ch))
        return false;
    /* a JSON report of the other form is redone */
    const char *form = json_string_value(json_object_get(meta, "json_form"));
    if ((j->formats & PX_BATCH_JSON) && (!form || strcmp(form, json_form(j))))
        return false;
    size_t want = 0;
    for (size_t k = 0; k < NOUTPUTS; k++) {
        if (!(j->formats & outputs[k].format))
            continue;
        want++;
        json_t *size = json_object_get(outs, outputs[k].ext);
        char *name = output_name(cs->file, outputs[k].ext);
        long long have = file_size(j->stories_dir, name);
        free(name);
        if (!json_is_integer(size) || json_integer_value(size) != have)
            return false;
    }
    return json_object_size(outs) == want;
}

static bool try_resume(const px_batch_job *j, const px_corpus_story *cs, px_meta_ref *ref)
{
    if (!px_journal_find(j, cs->id, ref))
        return false;
    char *line = px_journal_read(j, ref);
    json_t *meta = line ? json_loads(line, 0, NULL) : NULL;
    bool ok = meta && resumable(j, cs, meta);
    json_decref(meta);
    free(line);
    return ok;
}

/* Remove the story's outputs an earlier run may have left. */
static void remove_stale(const px_batch_job *j, const px_corpus_story *cs)
{
    for (size_t k = 0; k < NOUTPUTS; k++) {
        char *name = output_name(cs->file, outputs[k].ext);
        char *path = px_batch_path(j->stories_dir, name);
        unlink(path);
        free(path);
        free(name);
    }
}

/* Render and write each requested format; record the sizes in outs. */
static px_status write_outputs(const px_batch_job *j, const px_story *s, const char *file,
                               px_buf *buf, json_t *outs, px_error *err)
{
    /* no command line in the reports: the same story gives the same bytes */
    px_report_opts ro = {
        .command_line = NULL, .width = 80, .compact = true, .lean = !j->o->full_json};
    px_status st = PX_OK;
    for (size_t k = 0; k < NOUTPUTS && st == PX_OK; k++) {
        char *name = output_name(file, outputs[k].ext);
        if (!(j->formats & outputs[k].format)) {
            /* a format an earlier run wrote and this one does not */
            char *path = px_batch_path(j->stories_dir, name);
            unlink(path);
            free(path);
            free(name);
            continue;
        }
        px_buf_reset(buf);
        st = outputs[k].render(s, &ro, buf);
        if (st != PX_OK) {
            px_error_set(err, st, NULL, 0, "the %s report could not be rendered%s", outputs[k].ext,
                         st == PX_ELIMIT ? " (too large)" : "");
            free(name);
            break;
        }
        st = px_batch_write(j->stories_dir, name, buf->data ? buf->data : "", buf->len, err);
        free(name);
        json_object_set_new(outs, outputs[k].ext, json_integer((json_int_t)buf->len));
    }
    return st;
}

static px_status write_meta(px_batch_job *j, const px_story *s, const px_corpus_story *cs,
                            json_t *outs, px_meta_ref *ref, px_error *err)
{
    json_t *meta = px_batch_figures(s, cs->file, cs->hash, j->config, cs->first_line);
    json_object_set(meta, "outputs", outs);
    if (j->formats & PX_BATCH_JSON)
        json_object_set_new(meta, "json_form", json_string(json_form(j)));
    char *text = json_dumps(meta, JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_ENSURE_ASCII);
    json_decref(meta);
    if (!text)
        return px_error_set(err, PX_EIO, NULL, 0, "the story's figures could not be written");
    px_buf b;
    px_buf_init(&b, 0);
    px_buf_puts(&b, text);
    px_buf_putc(&b, '\n'); /* one line: index.jsonl is these lines end to end */
    free(text);
    px_status st = px_journal_append(j, b.data, b.len, ref, err);
    px_buf_free(&b);
    return st;
}

static px_status analyse(px_batch_job *j, const px_corpus_story *cs, px_story *s, px_text_ctx *ctx,
                         px_buf *buf, px_meta_ref *ref, px_error *err)
{
    json_t *outs = json_object();
    px_status st = px_story_analyze(s, j->o->config, ctx, err);
    if (st == PX_OK)
        st = write_outputs(j, s, cs->file, buf, outs, err);
    if (st == PX_OK)
        st = write_meta(j, s, cs, outs, ref, err);
    json_decref(outs);
    return st;
}

static char *message_of(const px_error *err)
{
    char msg[1200];
    px_error_format(err, msg, sizeof msg);
    return px_xstrdup(msg);
}

int px_batch_story(px_batch_job *j, size_t i, px_text_ctx *ctx, px_buf *buf, px_outcome *out)
{
    const px_corpus_story *cs = &j->corpus->stories[i];
    out->message = NULL;
    if (j->o->resume && try_resume(j, cs, &out->meta))
        return PX_STORY_RESUMED;
    px_error err = {0};
    px_story *s = NULL;
    px_status st = px_corpus_load(j->corpus, i, j->o->ingest, &s, &err);
    int state = PX_STORY_ANALYSED;
    if (st == PX_OK && s->nsources < 2) {
        char msg[64];
        snprintf(msg, sizeof msg, "fewer than two outlets (%zu)", s->nsources);
        out->message = px_xstrdup(msg);
        state = PX_STORY_SKIPPED;
    } else if (st == PX_OK) {
        st = analyse(j, cs, s, ctx, buf, &out->meta, &err);
    }
    if (st != PX_OK) {
        out->message = message_of(&err);
        state = PX_STORY_FAILED;
    }
    if (state != PX_STORY_ANALYSED)
        remove_stale(j, cs);
    px_story_free(s);
    return state;
}
