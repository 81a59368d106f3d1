/*
 * ingest.c — inputs in, px_article out: files by kind, pasted text and
 * JSON records.
 *
 * Plain text: UTF-8 is required (an error names the line otherwise), the
 * headline is the first line that is not the page's navigation
 * (headline.c), the furniture filter (filter.c) cleans the rest. JSON: one
 * object, an array of objects, or JSON Lines; each record names its outlet
 * and carries "text" or "html"; a record's text is cleaned by the same
 * filter as pasted text.
 */
#include "parallax/ingest.h"

#include <ctype.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ingest/filter.h"
#include "ingest/internal.h"
#include "parallax/text.h"

static size_t max_bytes(const px_ingest_opts *o)
{
    return o && o->max_bytes ? o->max_bytes : PX_INGEST_MAX_BYTES;
}

char *px_ingest_id_from_path(px_arena *a, const char *path)
{
    const char *s = strrchr(path, '/');
    s = s ? s + 1 : path;
    if (!*s) { /* "dir/" or a URL ending in "/" */
        size_t n = strlen(path);
        while (n && path[n - 1] == '/')
            n--;
        const char *p = path + n;
        while (p > path && p[-1] != '/')
            p--;
        return px_arena_strndup(a, p, (size_t)(path + n - p));
    }
    const char *dot = strchr(s, '.');
    size_t n = dot && dot != s ? (size_t)(dot - s) : strlen(s);
    char *id = px_arena_strndup(a, s, n);
    for (char *p = id; *p; p++)
        if (!isalnum((unsigned char)*p) && *p != '-' && *p != '_')
            *p = '-';
    return id;
}

static const char *month_names[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                    "jul", "aug", "sep", "oct", "nov", "dec"};

static int month_of(const char *w)
{
    for (int i = 0; i < 12; i++)
        if (strncasecmp(w, month_names[i], 3) == 0)
            return i + 1;
    return 0;
}

/* Every %d below has a width (at most 9 digits), so no conversion can
 * overflow an int, and each sscanf's count is checked. */
/* NOLINTBEGIN(cert-err34-c) */
const char *px_ingest_iso_date(px_arena *a, const char *s)
{
    if (!s)
        return NULL;
    while (isspace((unsigned char)*s))
        s++;
    int y, m, d;
    if (sscanf(s, "%4d-%2d-%2d", &y, &m, &d) == 3 && m >= 1 && m <= 12 && d >= 1 && d <= 31) {
        /* "2021-1-5" is shorter than YYYY-MM-DD: write it out in full, as the
         * forms below are (copying 10 bytes of it would read past its end) */
        if (strnlen(s, 10) < 10)
            return y >= 1000 ? px_arena_printf(a, "%04d-%02d-%02d", y, m, d) : NULL;
        size_t n = 10;
        /* keep a time part: T12:00:00, optional fraction and zone */
        if (s[10] == 'T' || s[10] == ' ') {
            n = 11;
            while (s[n] && (isdigit((unsigned char)s[n]) || strchr(":.+-Z", s[n])))
                n++;
            if (n < 16)
                n = 10;
        }
        char *r = px_arena_strndup(a, s, n);
        if (n > 10)
            r[10] = 'T';
        return r;
    }
    /* "2021/12/07", "20211207", "07.12.2021" */
    if ((sscanf(s, "%4d/%2d/%2d", &y, &m, &d) == 3 ||
         (strspn(s, "0123456789") == 8 && sscanf(s, "%4d%2d%2d", &y, &m, &d) == 3) ||
         sscanf(s, "%2d.%2d.%4d", &d, &m, &y) == 3) &&
        m >= 1 && m <= 12 && d >= 1 && d <= 31 && y >= 1000)
        return px_arena_printf(a, "%04d-%02d-%02d", y, m, d);
    /* "December 7, 2021", "Dec. 7, 2021", "7 December 2021", "Tue, 07 Dec 2021" */
    char w1[16] = "", w2[16] = "";
    if (sscanf(s, "%15[A-Za-z]%*[. ]%9d, %9d", w1, &d, &y) == 3 && (m = month_of(w1)) && d >= 1 &&
        d <= 31)
        return px_arena_printf(a, "%04d-%02d-%02d", y, m, d);
    const char *p = s;
    if (isalpha((unsigned char)*p) && strchr(p, ','))
        p = strchr(p, ',') + 1;
    if (sscanf(p, " %9d %15[A-Za-z]%*[. ]%9d", &d, w2, &y) == 3 && (m = month_of(w2)) && d >= 1 &&
        d <= 31)
        return px_arena_printf(a, "%04d-%02d-%02d", y, m, d);
    return NULL;
}
/* NOLINTEND(cert-err34-c) */

void px_ingest_finish(px_arena *a, px_article *art)
{
    if (!art->title)
        art->title = "";
    if (!art->name)
        art->name = art->id;
    size_t tl = strlen(art->title);
    if (tl && art->body_len >= tl && strncmp(art->body, art->title, tl) == 0 &&
        (art->body[tl] == '\0' || art->body[tl] == '\n')) {
        const char *b = art->body + tl;
        while (*b == '\n')
            b++;
        art->body_len -= (size_t)(b - art->body);
        art->body = b;
    }
    (void)a;
}

static px_status check_utf8(const char *text, size_t len, const char *origin, px_error *err)
{
    size_t bad;
    if (px_utf8_check(text, len, &bad))
        return PX_OK;
    size_t line = 1, col = 1;
    for (size_t i = 0; i < bad; i++) {
        if (text[i] == '\n')
            line++, col = 1;
        else
            col++;
    }
    if (text[bad] == '\0')
        return px_error_set(err, PX_EINPUT, origin, line,
                            "NUL byte at column %zu: this looks like a binary file, not text", col);
    return px_error_set(err, PX_EINPUT, origin, line,
                        "invalid UTF-8 (byte 0x%02X at column %zu); convert the file, e.g. "
                        "iconv -f windows-1252 -t utf-8",
                        (unsigned char)text[bad], col);
}

/* The outlet's name, when the page furniture removed it as a masthead line
 * ("The Iron Sentinel" for sentinel.txt): the shortest removed line of at
 * most six words, without end punctuation, that holds the outlet id. */
static const char *masthead(const px_article *art)
{
    char id[128], line[256];
    px_squash(art->id, strlen(art->id), id, sizeof id);
    const char *best = NULL;
    for (size_t k = 0; k < art->nremoved && id[0]; k++) {
        const char *r = art->removed[k];
        size_t n = strlen(r), words = 1;
        for (size_t i = 0; i < n; i++)
            words += r[i] == ' ';
        if (n == 0 || n > 60 || words > 6 || strchr(".!?:", r[n - 1]))
            continue;
        px_squash(r, n, line, sizeof line);
        if (strstr(line, id) && (!best || n < strlen(best)))
            best = r;
    }
    return best ? best : art->name;
}

/* The body of pasted text: lines[first..] filtered, the first nav lines
 * (navigation above the headline) removed too. */
static void filter_body(px_arena *a, px_article *art, const px_lines *lines, size_t nav,
                        size_t first, const char *outlet, const px_ingest_opts *o,
                        px_line_report *rep)
{
    const px_furniture *f = o ? o->furniture : NULL;
    size_t n = lines->n - first;
    bool *drop = px_arena_array(a, n + 1, sizeof *drop);
    double *x = rep ? px_arena_array(a, n * PX_LINE_NFEAT + 1, sizeof *x) : NULL;
    double *p = rep ? px_arena_array(a, n + 1, sizeof *p) : NULL;
    px_filter_mark(f, lines->v + first, n, art->title, outlet, x, p, drop);
    const char **gone = NULL;
    size_t ngone = 0;
    art->body = px_filter_emit(a, lines->v + first, n, drop, &art->body_len, &gone, &ngone);
    art->nremoved = nav + ngone;
    art->removed = px_arena_array(a, art->nremoved + 1, sizeof *art->removed);
    for (size_t k = 0; k < nav; k++)
        art->removed[k] = px_arena_strndup(a, lines->v[k].s, lines->v[k].len);
    memcpy(art->removed + nav, gone, ngone * sizeof *gone);
    for (size_t k = 0; k < art->nremoved && !art->byline && f; k++)
        if (strncasecmp(art->removed[k], "by ", 3) == 0)
            art->byline = art->removed[k] + 3;
    if (rep) {
        rep->n = n;
        rep->nfeat = PX_LINE_NFEAT;
        rep->names = px_line_feature_names;
        rep->text = px_arena_array(a, n + 1, sizeof *rep->text);
        size_t *num = px_arena_array(a, n + 1, sizeof *num);
        for (size_t i = 0; i < n; i++) {
            rep->text[i] = px_arena_strndup(a, lines->v[first + i].s, lines->v[first + i].len);
            num[i] = lines->v[first + i].number;
        }
        rep->number = num, rep->x = x, rep->p = p, rep->drop = drop;
        rep->title = art->title;
    }
}

/* Pasted text whose headline is known (title, may be "") or is to be
 * found (title NULL: the first line that is not navigation, or with no
 * furniture filter the first line). outlet names the outlet for the
 * filter (NULL: the file's). rep, when not NULL, receives what the line
 * classifier saw. */
static px_status ingest_text(px_arena *a, const char *title, const char *outlet, const char *text,
                             size_t len, const char *origin, const px_ingest_opts *o,
                             px_article **out, px_line_report *rep, px_error *err)
{
    *out = NULL;
    px_status st = check_utf8(text, len, origin, err);
    if (st != PX_OK)
        return st;
    size_t clen;
    char *clean = px_utf8_clean(a, text, len, &clen);
    clean = px_text_unescape(a, clean, clen, &clen);
    px_lines lines = {0};
    px_lines_split(clean, clen, &lines);
    if (lines.n == 0) {
        px_vec_free(lines);
        px_error_set(err, PX_EINPUT, origin, 0, "empty file (no text)");
        return PX_EINPUT;
    }
    px_article *art = px_arena_alloc(a, sizeof *art);
    art->kind = PX_KIND_TEXT;
    art->origin = px_arena_strdup(a, origin);
    art->id = px_ingest_id_from_path(a, origin);
    size_t nav = 0, first = 0; /* navigation lines above the headline; the body's first */
    if (title) {
        art->title = px_utf8_clean(a, title, strlen(title), NULL);
    } else {
        nav = o && o->furniture ? px_lines_headline(lines.v, lines.n) : 0;
        art->title = px_arena_strndup(a, lines.v[nav].s, lines.v[nav].len);
        first = nav + 1;
    }
    filter_body(a, art, &lines, nav, first, outlet ? outlet : art->id, o, rep);
    px_vec_free(lines);
    art->name = masthead(art);
    px_ingest_finish(a, art);
    if (art->body_len == 0 && !rep) {
        px_error_set(err, PX_EINPUT, origin, 0,
                     title ? "no article text" : "no article text after the headline line");
        return PX_EINPUT;
    }
    *out = art;
    return PX_OK;
}

px_status px_ingest_text(px_arena *a, const char *text, size_t len, const char *origin,
                         const px_ingest_opts *o, px_article **out, px_error *err)
{
    return ingest_text(a, NULL, NULL, text, len, origin, o, out, NULL, err);
}

px_status px_ingest_text_lines(px_arena *a, const char *text, size_t len, const char *origin,
                               const px_ingest_opts *o, px_line_report *out, px_error *err)
{
    memset(out, 0, sizeof *out);
    px_article *art = NULL;
    return ingest_text(a, NULL, NULL, text, len, origin, o, &art, out, err);
}

static const char *field(json_t *o, const char *key)
{
    json_t *v = json_object_get(o, key);
    return json_is_string(v) ? json_string_value(v) : NULL;
}

static px_status record_from_json(px_arena *a, json_t *j, const char *origin, size_t line,
                                  const px_ingest_opts *o, px_article **out, px_error *err)
{
    if (!json_is_object(j))
        return px_error_set(err, PX_EINPUT, origin, line, "expected a JSON object per record");
    const char *text = field(j, "text"), *html = field(j, "html");
    const char *outlet = field(j, "outlet"), *source = field(j, "source");
    const char *id = source ? source : outlet;
    if (!id)
        return px_error_set(err, PX_EINPUT, origin, line,
                            "record has no \"source\" or \"outlet\" field");
    bool fetch = !text && !html && field(j, "url") && o && o->fetch_url;
    if (!text && !html && !fetch) {
        if (field(j, "url"))
            return px_error_set(err, PX_EINPUT, origin, line,
                                "record for '%s' has only a \"url\" and fetching is off here; "
                                "add \"text\" or \"html\"",
                                id);
        return px_error_set(err, PX_EINPUT, origin, line,
                            "record for '%s' has no \"text\" or \"html\" field", id);
    }
    char where[600];
    if (line)
        snprintf(where, sizeof where, "%s:%zu", origin, line);
    else
        snprintf(where, sizeof where, "%s", origin);
    px_article *art = NULL;
    px_status st;
    if (fetch) {
        st = o->fetch_url(o->fetch_ctx, a, field(j, "url"), &art, err);
    } else if (html) {
        st = px_ingest_html(a, html, strlen(html), where, o, &art, err);
    } else {
        /* a record's text is all body: its headline is the "title" field */
        const char *title = field(j, "title");
        st = ingest_text(a, title ? title : "", id, text, strlen(text), where, o, &art, NULL, err);
    }
    if (st != PX_OK)
        return st;
    art->kind = PX_KIND_RECORD;
    art->id = px_arena_strdup(a, id);
    art->name = px_arena_strdup(a, outlet ? outlet : id);
    const char *t = field(j, "title");
    if (t)
        art->title = px_utf8_clean(a, t, strlen(t), NULL);
    const char *url = field(j, "url"), *date = field(j, "date"), *story = field(j, "story");
    if (url)
        art->url = px_arena_strdup(a, url);
    if (date)
        art->date =
            px_ingest_iso_date(a, date) ? px_ingest_iso_date(a, date) : px_arena_strdup(a, date);
    if (story)
        art->story = px_arena_strdup(a, story);
    const char *by = field(j, "byline");
    if (by)
        art->byline = px_arena_strdup(a, by);
    *out = art;
    return PX_OK;
}

px_status px_ingest_record(px_arena *a, const char *json, size_t len, const char *origin,
                           size_t line, const px_ingest_opts *o, px_article **out, px_error *err)
{
    json_error_t je;
    json_t *j = json_loadb(json, len, 0, &je);
    if (!j)
        return px_error_set(err, PX_EINPUT, origin, line ? line : (size_t)je.line,
                            "malformed JSON: %s", je.text);
    px_status st = record_from_json(a, j, origin, line, o, out, err);
    json_decref(j);
    return st;
}

/* One record of a file of records, parsed; line is 0 in a JSON value. */
typedef px_status (*record_fn)(json_t *rec, size_t line, void *ctx, px_error *err);

/* Every record of a file of records, in order: a JSON value (an object or
 * an array of them), or JSON Lines (.jsonl, or a .json holding one object
 * a line). A UTF-8 byte-order mark first is no part of the data. */
static px_status each_record(const char *path, const char *data, size_t len, record_fn fn,
                             void *ctx, px_error *err)
{
    if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
        data += 3, len -= 3;
    size_t i = 0;
    while (i < len && isspace((unsigned char)data[i]))
        i++;
    json_error_t je;
    json_t *j = NULL;
    bool jsonl = px_has_ext(path, ".jsonl");
    if (!jsonl) {
        j = json_loadb(data, len, 0, &je);
        /* several objects, one a line, in a .json file: JSON Lines after all */
        if (!j && i < len && data[i] == '{' && memchr(data + i, '\n', len - i))
            jsonl = true;
    }
    px_status st = PX_OK;
    if (!jsonl) {
        if (!j)
            return px_error_set(err, PX_EINPUT, path, (size_t)je.line, "malformed JSON: %s",
                                je.text);
        size_t n = json_is_array(j) ? json_array_size(j) : 1;
        for (size_t k = 0; k < n && st == PX_OK; k++)
            st = fn(json_is_array(j) ? json_array_get(j, k) : j, 0, ctx, err);
        json_decref(j);
        return st;
    }
    size_t line = 0;
    for (size_t s = 0; s < len && st == PX_OK;) {
        size_t e = s;
        while (e < len && data[e] != '\n')
            e++;
        line++;
        size_t k = s;
        while (k < e && isspace((unsigned char)data[k]))
            k++;
        if (k < e) {
            j = json_loadb(data + s, e - s, 0, &je);
            st = j ? fn(j, line, ctx, err)
                   : px_error_set(err, PX_EINPUT, path, line, "malformed JSON: %s", je.text);
            json_decref(j);
        }
        s = e + 1;
    }
    return st;
}

typedef struct records {
    px_arena *a;
    const char *path;
    const px_ingest_opts *o;
    PX_VEC(px_article *) arts;
} records;

static px_status add_record(json_t *rec, size_t line, void *ctx, px_error *err)
{
    records *r = ctx;
    px_article *art = NULL;
    px_status st = record_from_json(r->a, rec, r->path, line, r->o, &art, err);
    if (st == PX_OK)
        px_vec_push(r->arts, art);
    return st;
}

static px_status ingest_json_file(px_arena *a, const char *path, const char *data, size_t len,
                                  const px_ingest_opts *o, px_article ***out, size_t *count,
                                  px_error *err)
{
    records r = {a, path, o, {0}};
    px_status st = each_record(path, data, len, add_record, &r, err);
    if (st == PX_OK && r.arts.n == 0)
        st = px_error_set(err, PX_EINPUT, path, 0, "no records in the file");
    if (st == PX_OK) {
        *out = px_arena_memdup(a, r.arts.v, r.arts.n * sizeof *r.arts.v);
        *count = r.arts.n;
    }
    px_vec_free(r.arts);
    return st;
}

typedef struct url_scan {
    px_arena *a;
    const char ***urls;
    size_t *n;
} url_scan;

/* A record that names a page but carries no text: its URL is fetched. */
static px_status record_url(json_t *rec, size_t line, void *ctx, px_error *err)
{
    (void)line;
    (void)err;
    url_scan *u = ctx;
    const char *url = field(rec, "url");
    if (json_is_object(rec) && url && !json_object_get(rec, "text") &&
        !json_object_get(rec, "html")) {
        *u->urls = px_xreallocarray((void *)*u->urls, *u->n + 1, sizeof **u->urls);
        (*u->urls)[(*u->n)++] = px_arena_strdup(u->a, url);
    }
    return PX_OK;
}

void px_ingest_record_urls(px_arena *a, const char *data, size_t len, const char *name,
                           const char ***urls,
                           size_t *n) /* NOLINT(readability-non-const-parameter): via u.n */
{
    url_scan u = {a, urls, n};
    each_record(name, data, len, record_url, &u, NULL);
}

bool px_ingest_is_records(const char *name)
{
    return px_has_ext(name, ".json") || px_has_ext(name, ".jsonl");
}

px_status px_ingest_data(px_arena *a, const char *data, size_t len, const char *name,
                         const px_ingest_opts *o, px_article ***out, size_t *count, px_error *err)
{
    *out = NULL;
    *count = 0;
    if (len == 0)
        return px_error_set(err, PX_EINPUT, name, 0, "empty file");
    if (px_ingest_is_records(name))
        return ingest_json_file(a, name, data, len, o, out, count, err);
    px_article *art = NULL;
    px_status st;
    if (px_has_ext(name, ".html") || px_has_ext(name, ".htm") || px_has_ext(name, ".xhtml"))
        st = px_ingest_html(a, data, len, name, o, &art, err);
    else
        st = px_ingest_text(a, data, len, name, o, &art, err);
    if (st != PX_OK)
        return st;
    *out = px_arena_alloc(a, sizeof(px_article *));
    (*out)[0] = art;
    *count = 1;
    return PX_OK;
}

px_status px_ingest_file(px_arena *a, const char *path, const px_ingest_opts *o, px_article ***out,
                         size_t *count, px_error *err)
{
    *out = NULL;
    *count = 0;
    char *data;
    size_t len;
    px_status st = px_file_read(path, max_bytes(o), &data, &len, err);
    if (st != PX_OK)
        return st;
    st = px_ingest_data(a, data, len, path, o, out, count, err);
    free(data);
    return st;
}
