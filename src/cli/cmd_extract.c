/*
 * cmd_extract.c — `parallax extract FILE [--format text|json]`: the cleaned
 * article of a page or of pasted text, with its metadata in JSON.
 */
#include <getopt.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

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

int cmd_extract(int argc, char **argv)
{
    static const struct option opts[] = {
        {"format", required_argument, NULL, 'f'}, {"json", no_argument, NULL, 'j'},
        {"title", no_argument, NULL, 't'},        {"output", required_argument, NULL, 'o'},
        {"help", no_argument, NULL, 'h'},         CLI_FURNITURE_OPTION,
        CLI_FETCH_OPTIONS,                        {NULL, 0, NULL, 0}};
    const char *format = "text", *out = "-";
    bool title = false;
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
    if (st == PX_OK)
        st = px_load_articles(a, &input, 1, &lo, &arts, &n, &err);
    px_buf b;
    px_buf_init(&b, 0);
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
