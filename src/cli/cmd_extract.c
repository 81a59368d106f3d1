/*
 * cmd_extract.c — `parallax extract FILE [--format text|json]`: the cleaned
 * article of a page or of pasted text, with its metadata in JSON; and
 * `--line-features`, what the line classifier saw of each line of pasted
 * text (scripts/train_lines.py learns data/line-model.txt from it).
 */
#include <getopt.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cli/cli.h"

static void help(void)
{
    printf("Usage: parallax extract [OPTIONS] FILE\n\n"
           "Print the cleaned article of an HTML page (.html) or of pasted text: the body\n"
           "without navigation, related links, newsletter boxes, share prompts or bios.\n\n"
           "Options:\n"
           "  -f, --format FORMAT   text (default: paragraphs separated by a blank line)\n"
           "                        or json (metadata, body, paragraphs, removed furniture)\n"
           "      --json            the same as --format json\n"
           "      --title           text: print the headline first\n"
           "      --furniture FILE  more page-furniture patterns for pasted text\n"
           "      --line-model FILE use this line classifier for pasted text instead of\n"
           "                        the built-in one (format of data/line-model.txt)\n"
           "      --no-line-model   pasted text: only the furniture patterns remove lines\n"
           "      --line-features   pasted text: print what the line classifier saw, one\n"
           "                        JSON object a line (features, probability, removed)\n"
           "  -o, --output PATH     write to PATH instead of stdout\n"
           "  -h, --help            show this help\n");
    printf("\nFILE may also be an http(s) URL.\n%s", cli_fetch_help);
}

static json_t *opt_str(const char *s)
{
    return s ? json_string(s) : json_null();
}

static px_status to_json(const px_article *a, px_buf *b)
{
    json_t *o = json_object();
    json_object_set_new(o, "id", json_string(a->id));
    json_object_set_new(o, "outlet", json_string(a->name));
    json_object_set_new(o, "title", json_string(a->title));
    json_object_set_new(o, "byline", opt_str(a->byline));
    json_object_set_new(o, "date", opt_str(a->date));
    json_object_set_new(o, "modified", opt_str(a->modified));
    json_object_set_new(o, "url", opt_str(a->url));
    json_object_set_new(o, "lang", opt_str(a->lang));
    json_object_set_new(o, "input", json_string(a->origin));
    json_object_set_new(o, "text", json_stringn(a->body, a->body_len));
    json_t *paras = json_array();
    for (const char *p = a->body, *end = a->body + a->body_len; p < end;) {
        const char *q = strstr(p, "\n\n");
        if (!q || q > end)
            q = end;
        json_array_append_new(paras, json_stringn(p, (size_t)(q - p)));
        p = q + 2;
    }
    json_object_set_new(o, "paragraphs", paras);
    json_t *rem = json_array();
    for (size_t i = 0; i < a->nremoved; i++)
        json_array_append_new(rem, json_string(a->removed[i]));
    json_object_set_new(o, "removed", rem);
    char *s = json_dumps(o, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
    json_decref(o);
    px_buf_puts(b, s);
    px_buf_putc(b, '\n');
    free(s);
    return PX_OK;
}

/* JSON Lines: a header naming the features, then one object per line. */
static void lines_json(const px_line_report *r, px_buf *b)
{
    json_t *h = json_object(), *names = json_array();
    for (size_t k = 0; k < r->nfeat; k++)
        json_array_append_new(names, json_string(r->names[k]));
    json_object_set_new(h, "title", json_string(r->title));
    json_object_set_new(h, "features", names);
    char *s = json_dumps(h, JSON_COMPACT | JSON_PRESERVE_ORDER);
    px_buf_puts(b, s);
    px_buf_putc(b, '\n');
    free(s);
    json_decref(h);
    for (size_t i = 0; i < r->n; i++) {
        json_t *o = json_object(), *x = json_array();
        json_object_set_new(o, "line", json_integer((json_int_t)r->number[i]));
        json_object_set_new(o, "text", json_string(r->text[i]));
        json_object_set_new(o, "p", r->p[i] < 0 ? json_null() : json_real(r->p[i]));
        json_object_set_new(o, "drop", json_boolean(r->drop[i]));
        for (size_t k = 0; k < r->nfeat; k++)
            json_array_append_new(x, json_real(r->x[i * r->nfeat + k]));
        json_object_set_new(o, "x", x);
        s = json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(9));
        px_buf_puts(b, s);
        px_buf_putc(b, '\n');
        free(s);
        json_decref(o);
    }
}

/* --line-features: pasted text only (pages and records have no lines to
 * classify this way). */
static px_status line_features(px_arena *a, const char *path, const px_ingest_opts *io,
                               px_buf *b, px_error *err)
{
    static const char *const not_text[] = {".html", ".htm", ".xhtml", ".json", ".jsonl"};
    for (size_t k = 0; k < sizeof not_text / sizeof not_text[0]; k++) {
        if (px_has_ext(path, not_text[k]))
            return px_error_set(err, PX_EUSAGE, path, 0,
                                "--line-features reads pasted plain text, not %s files",
                                not_text[k]);
    }
    char *data;
    size_t len;
    px_status st = px_file_read(path, 64u << 20, &data, &len, err);
    if (st != PX_OK)
        return st;
    px_line_report r;
    st = px_ingest_text_lines(a, data, len, path, io, &r, err);
    free(data);
    if (st == PX_OK)
        lines_json(&r, b);
    return st;
}

int cmd_extract(int argc, char **argv)
{
    static const struct option opts[] = {
        {"format", required_argument, NULL, 'f'}, {"json", no_argument, NULL, 'j'},
        {"title", no_argument, NULL, 't'},        {"output", required_argument, NULL, 'o'},
        {"help", no_argument, NULL, 'h'},         {"line-features", no_argument, NULL, 'L'},
        CLI_FURNITURE_OPTION,                     CLI_LINE_MODEL_OPTIONS,
        CLI_FETCH_OPTIONS,                        {NULL, 0, NULL, 0}};
    const char *format = "text", *out = "-";
    bool title = false, features = false;
    int c, rc = -1;
    optind = 1;
    cli_common co;
    cli_common_init(&co);
    while (rc < 0 && (c = getopt_long(argc, argv, "f:o:h", opts, NULL)) != -1) {
        int r = cli_common_option(&co, c, optarg, "extract ");
        if (r != 0) {
            rc = r < 0 ? EXIT_USAGE : rc;
            continue;
        }
        switch (c) {
        case 'f': format = optarg; break;
        case 'j': format = "json"; break;
        case 't': title = true; break;
        case 'L': features = true; break;
        case 'o': out = optarg; break;
        case 'h': help(); rc = EXIT_OK; break;
        default: rc = cli_bad_option("extract ", argv); break;
        }
    }
    if (rc < 0 && strcmp(format, "text") && strcmp(format, "json"))
        rc = cli_usage("extract ", "unknown format '%s' (text, json)", format);
    if (rc < 0 && optind != argc - 1)
        rc = cli_usage("extract ", "give exactly one FILE");
    if (rc >= 0) {
        cli_common_free(&co);
        return rc;
    }
    px_error err = {0};
    px_arena *a = px_arena_new();
    px_status st = cli_common_load(&co, false, &err);
    px_load_opts lo = cli_load_opts(&co, NULL);
    px_article **arts = NULL;
    size_t n = 0;
    const char *input = argv[optind];
    px_buf b;
    px_buf_init(&b, 0);
    if (st == PX_OK && features)
        st = line_features(a, input, &co.io, &b, &err);
    else if (st == PX_OK)
        st = px_load_articles(a, &input, 1, &lo, &arts, &n, &err);
    for (size_t i = 0; i < n && st == PX_OK; i++) {
        if (!strcmp(format, "json")) {
            to_json(arts[i], &b);
        } else {
            if (title && *arts[i]->title) {
                px_buf_puts(&b, arts[i]->title);
                px_buf_puts(&b, "\n\n");
            }
            px_buf_add(&b, arts[i]->body, arts[i]->body_len);
            px_buf_putc(&b, '\n');
        }
    }
    if (st == PX_OK)
        st = cli_write(out, &b, &err);
    rc = st == PX_OK ? EXIT_OK : cli_report(&err);
    px_buf_free(&b);
    cli_common_free(&co);
    px_arena_free(a);
    return rc;
}
