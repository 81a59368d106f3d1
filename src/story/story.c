/*
 * story.c — one story, many outlets: the pipeline that runs the stages.
 *
 * Articles are ingested into the story's arena; px_story_analyze runs text
 * (one px_doc per article), align (facts), frame (scores) and compare
 * (every judgement a reader is shown: the fact matrix, omissions, diffs,
 * speakers, rankings), each reading only the results of the stages before
 * it. Renderers then read the finished story.
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "story/internal.h"

void px_config_defaults(px_config *c)
{
    memset(c, 0, sizeof *c);
    px_align_defaults(&c->align);
}

/* The id as given, with bytes that are not UTF-8 (a folder name from any
 * file system) as U+FFFD: every report shows it. Valid ids are kept as
 * they are, byte for byte (batch names files after them). */
static char *valid_id(px_arena *a, const char *id)
{
    size_t n = strlen(id), bad;
    if (px_utf8_check(id, n, &bad))
        return px_arena_strdup(a, id);
    px_buf b;
    px_buf_init(&b, 0);
    for (size_t i = 0; i < n;) {
        int32_t cp;
        size_t k = px_utf8_decode(id + i, n - i, &cp);
        px_utf8_put(&b, k ? cp : 0xFFFD);
        i += k ? k : 1;
    }
    char *out = px_arena_strndup(a, b.data, b.len);
    px_buf_free(&b);
    return out;
}

px_story *px_story_new(const char *id)
{
    px_story *s = px_xcalloc(1, sizeof *s);
    s->arena = px_arena_new();
    s->id = valid_id(s->arena, id ? id : "story");
    return s;
}

void px_story_set_id(px_story *s, const char *id)
{
    s->id = valid_id(s->arena, id);
}

px_arena *px_story_arena(px_story *s)
{
    return s->arena;
}

void px_story_free(px_story *s)
{
    if (!s)
        return;
    px_arena_free(s->arena);
    free(s);
}

const char *px_story_outlet(const px_story *s, uint32_t source)
{
    const px_article *a = s->articles[source];
    return a->name && *a->name ? a->name : a->id;
}

void px_story_sentence_id(const px_story *s, uint32_t source, uint32_t sent, char *out, size_t size)
{
    const px_doc *d = s->docs[source];
    uint32_t first = d->nsents && d->sents[0].headline ? 1 : 0;
    if (d->sents[sent].headline)
        snprintf(out, size, "%s:h", s->articles[source]->id);
    else
        snprintf(out, size, "%s:s%u", s->articles[source]->id, sent - first + 1);
}

const char *px_story_sentence(const px_story *s, uint32_t source, uint32_t sent, size_t *len)
{
    const px_doc *d = s->docs[source];
    *len = d->sents[sent].end - d->sents[sent].start;
    return d->text + d->sents[sent].start;
}

void px_story_fact_id(size_t f, char *out, size_t size)
{
    snprintf(out, size, "f%zu", f + 1);
}

const char *px_story_fact_text(const px_story *s, const px_fact *f, size_t *len)
{
    const px_mention *m = &f->mentions[f->rep];
    return px_story_sentence(s, m->source, m->sent, len);
}

int px_story_source(const px_story *s, const char *id)
{
    for (size_t i = 0; i < s->nsources; i++)
        if (strcmp(s->articles[i]->id, id) == 0)
            return (int)i;
    return -1;
}

px_status px_story_add(px_story *s, px_article *art, px_error *err)
{
    if (s->nsources >= PX_MAX_SOURCES)
        return px_error_set(err, PX_ELIMIT, art->origin, 0,
                            "too many sources: a story holds at most %d", PX_MAX_SOURCES);
    if (px_story_source(s, art->id) >= 0) {
        for (int k = 2;; k++) {
            char *id = px_arena_printf(s->arena, "%s-%d", art->id, k);
            if (px_story_source(s, id) < 0) {
                art->id = id;
                break;
            }
        }
    }
    px_article **v = px_arena_array(s->arena, s->nsources + 1, sizeof *v);
    if (s->nsources)
        memcpy(v, s->articles, s->nsources * sizeof *v);
    v[s->nsources++] = art;
    s->articles = v;
    if (!s->title && art->title && *art->title)
        s->title = art->title;
    return PX_OK;
}

/* The limits of story.h: bytes before the text stage, sentences after. */
static px_status check_bytes(const px_story *s, px_error *err)
{
    size_t total = 0, big = 0, most = 0;
    for (size_t i = 0; i < s->nsources; i++) {
        const px_article *art = s->articles[i];
        size_t n = art->body_len + (art->title ? strlen(art->title) : 0);
        total += n;
        if (n > most)
            most = n, big = i;
    }
    if (total > PX_MAX_STORY_BYTES)
        return px_error_set(err, PX_ELIMIT, s->articles[big]->origin, 0,
                            "%zu MiB of text in the story (%zu MiB here): a story compared "
                            "holds at most %zu MiB",
                            total >> 20, most >> 20, PX_MAX_STORY_BYTES >> 20);
    return PX_OK;
}

static px_status check_sentences(const px_story *s, px_error *err)
{
    size_t total = 0;
    for (size_t i = 0; i < s->nsources; i++) {
        size_t n = s->docs[i]->nsents;
        if (n > PX_MAX_SOURCE_SENTENCES)
            return px_error_set(err, PX_ELIMIT, s->articles[i]->origin, 0,
                                "%zu sentences: a source compared holds at most %d", n,
                                PX_MAX_SOURCE_SENTENCES);
        total += n;
    }
    if (total > PX_MAX_STORY_SENTENCES)
        return px_error_set(err, PX_ELIMIT, NULL, 0,
                            "%zu sentences in %zu sources: a story compared holds at most %d",
                            total, s->nsources, PX_MAX_STORY_SENTENCES);
    return PX_OK;
}

px_status px_story_analyze(px_story *s, const px_config *cfg, px_text_ctx *ctx, px_error *err)
{
    if (s->nsources < 2)
        return px_error_set(err, PX_EUSAGE, NULL, 0,
                            "a comparison needs at least two sources (got %zu)", s->nsources);
    px_config defaults;
    if (!cfg) {
        px_config_defaults(&defaults);
        cfg = &defaults;
    }
    px_status st = check_bytes(s, err);
    if (st != PX_OK)
        return st;
    px_text_ctx *own = NULL;
    if (!ctx)
        ctx = own = px_text_ctx_new();
    s->docs = px_arena_array(s->arena, s->nsources, sizeof *s->docs);
    for (size_t i = 0; i < s->nsources && st == PX_OK; i++) {
        const px_article *art = s->articles[i];
        st = px_text_analyze(s->arena, ctx, art->title, art->body, art->body_len, &s->docs[i], err);
    }
    px_text_ctx_free(own);
    if (st == PX_OK)
        st = check_sentences(s, err);
    if (st != PX_OK)
        return st;
    const px_doc *const *docs = (const px_doc *const *)s->docs;
    st = px_align_story(s->arena, docs, s->nsources, &cfg->align, &s->alignment, err);
    if (st == PX_OK)
        st = px_frame_story(s->arena, cfg->lexicons, docs, s->nsources, &s->alignment, &s->frames,
                            err);
    if (st == PX_OK)
        st = px_compare_story(s->arena, docs, s->nsources, &s->alignment, cfg->lexicons, s->frames,
                              &s->compare, err);
    s->lexicons = cfg->lexicons;
    s->analyzed = st == PX_OK;
    return st;
}

/* A string member of o, or NULL; a member of another type is an error. */
static bool meta_string(px_arena *a, json_t *o, const char *key, const char **out)
{
    json_t *v = json_object_get(o, key);
    if (!v)
        return true;
    if (!json_is_string(v))
        return false;
    *out = px_utf8_clean(a, json_string_value(v), json_string_length(v), NULL);
    return true;
}

static px_status meta_source(px_story *s, const char *path, const char *id, json_t *o,
                             px_error *err)
{
    int i = px_story_source(s, id);
    if (i < 0)
        return px_error_set(err, PX_EINPUT, path, 0, "source '%s' is not among the story's files",
                            id);
    px_article *art = s->articles[i];
    const char *date = NULL;
    if (!json_is_object(o) || !meta_string(s->arena, o, "name", &art->name) ||
        !meta_string(s->arena, o, "url", &art->url) ||
        !meta_string(s->arena, o, "byline", &art->byline) ||
        !meta_string(s->arena, o, "date", &date))
        return px_error_set(err, PX_EINPUT, path, 0,
                            "source '%s': expected an object of strings (name, url, date, "
                            "byline)",
                            id);
    if (date)
        art->date = date;
    return PX_OK;
}

px_status px_story_load_meta(px_story *s, const char *path, px_error *err)
{
    json_error_t je;
    json_t *root = json_load_file(path, JSON_REJECT_DUPLICATES, &je);
    if (!root)
        return px_error_set(err, PX_EINPUT, path, (size_t)je.line, "malformed JSON: %s", je.text);
    px_status st = PX_OK;
    if (!json_is_object(root))
        st = px_error_set(err, PX_EINPUT, path, 0, "expected a JSON object");
    const char *title = NULL;
    if (st == PX_OK && !meta_string(s->arena, root, "title", &title))
        st = px_error_set(err, PX_EINPUT, path, 0, "\"title\" must be a string");
    if (st == PX_OK && title)
        s->title = title;
    json_t *sources = json_object_get(root, "sources");
    if (st == PX_OK && sources && !json_is_object(sources))
        st = px_error_set(err, PX_EINPUT, path, 0, "\"sources\" must be an object");
    const char *id;
    json_t *o;
    if (st == PX_OK && sources)
        json_object_foreach(sources, id, o)
        {
            st = meta_source(s, path, id, o, err);
            if (st != PX_OK)
                break;
        }
    json_decref(root);
    return st;
}
