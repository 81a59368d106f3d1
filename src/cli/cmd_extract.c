/*
 * cmd_extract.c — `parallax extract FILE… [--format text|json]`: the cleaned
 * article of a page or of pasted text, with its metadata in JSON; and
 * `--line-features`, what the line classifier saw of each line of pasted
 * text (scripts/train_lines.py learns data/line-model.txt from it).
 *
 * Many inputs (several FILEs, or "-": a list of paths on stdin) run in one
 * process and print JSON Lines, one article a line, as each input is done:
 * the furniture rules and the line model load once, and each input has an
 * arena of its own. An input that fails is named on stderr and the rest go
 * on; the exit status says so at the end (1).
 */
#include <getopt.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cli/cli.h"

typedef PX_VEC(const char *) input_list;

static void help(void)
{
    printf("Usage: parallax extract [OPTIONS] FILE...\n\n"
           "Print the cleaned article of an HTML page (.html) or of pasted text: the body\n"
           "without navigation, related links, newsletter boxes, share prompts or bios.\n"
           "Several FILEs, or '-' (read the paths from stdin, one a line), are read in one\n"
           "process and print JSON Lines: one object per article per line, as --json\n"
           "gives it. An input that fails is named on stderr and the others go on.\n\n"
           "Options:\n"
           "  -f, --format FORMAT   text (default: paragraphs separated by a blank line)\n"
           "                        or json (metadata, body, paragraphs, removed furniture)\n"
           "      --json            the same as --format json\n"
           "      --jsonl           JSON Lines even for one FILE (the default for several)\n"
           "      --title           text: print the headline first\n"
           "      --furniture FILE  more page-furniture patterns for pasted text\n"
           "      --line-model FILE use this line classifier for pasted text instead of\n"
           "                        the built-in one (format of data/line-model.txt)\n"
           "      --no-line-model   pasted text: only the furniture patterns remove lines\n"
           "      --line-features   pasted text: print what the line classifier saw, one\n"
           "                        JSON object a line (features, probability, removed)\n"
           "  -o, --output PATH     write to PATH instead of stdout\n"
           "  -h, --help            show this help\n\n"
           "Exit status: 0 ok; 1 several inputs and some failed (each named on stderr);\n"
           "2 usage error; one input: 3 input error, 4 network error.\n");
    printf("\nFILE may also be an http(s) URL.\n%s", cli_fetch_help);
}

static json_t *opt_str(const char *s)
{
    return s ? json_string(s) : json_null();
}

/* The article as --json prints it (indented), or as one JSON Lines line. */
static void to_json(const px_article *a, bool line, px_buf *b)
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
    char *s = json_dumps(o, (line ? JSON_COMPACT : JSON_INDENT(2)) | JSON_PRESERVE_ORDER);
    json_decref(o);
    px_buf_puts(b, s);
    px_buf_putc(b, '\n');
    free(s);
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
static px_status line_features(px_arena *a, const char *path, const px_ingest_opts *io, px_buf *b,
                               px_error *err)
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

typedef struct extract_args {
    const char *format, *out;
    bool title, features, jsonl, text_asked;
    cli_common co;
} extract_args;

/* Options into x; returns -1 to go on, else the exit code. */
static int parse_args(int argc, char **argv, extract_args *x)
{
    static const struct option opts[] = {{"format", required_argument, NULL, 'f'},
                                         {"json", no_argument, NULL, 'j'},
                                         {"jsonl", no_argument, NULL, 'J'},
                                         {"title", no_argument, NULL, 't'},
                                         {"output", required_argument, NULL, 'o'},
                                         {"help", no_argument, NULL, 'h'},
                                         {"line-features", no_argument, NULL, 'L'},
                                         CLI_FURNITURE_OPTION,
                                         CLI_LINE_MODEL_OPTIONS,
                                         CLI_FETCH_OPTIONS,
                                         {NULL, 0, NULL, 0}};
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "f:o:h", opts, NULL)) != -1) {
        int r = cli_common_option(&x->co, c, optarg, "extract ");
        if (r < 0)
            return EXIT_USAGE;
        if (r > 0)
            continue;
        switch (c) {
        case 'f':
            x->format = optarg;
            x->text_asked = !strcmp(optarg, "text");
            break;
        case 'j':
            x->format = "json";
            x->text_asked = false;
            break;
        case 'J': x->jsonl = true; break;
        case 't': x->title = true; break;
        case 'L': x->features = true; break;
        case 'o': x->out = optarg; break;
        case 'h': help(); return EXIT_OK;
        default: return cli_bad_option("extract ", argv);
        }
    }
    if (strcmp(x->format, "text") && strcmp(x->format, "json"))
        return cli_usage("extract ", "unknown format '%s' (text, json)", x->format);
    if (optind >= argc)
        return cli_usage("extract ", "no FILE given");
    bool many = argc - optind > 1 || !strcmp(argv[optind], "-");
    if ((many || x->jsonl) && x->text_asked)
        return cli_usage("extract ", "several inputs (or --jsonl) print JSON Lines, not "
                                     "--format text");
    if (x->features && (many || x->jsonl))
        return cli_usage("extract ", "--line-features reads one FILE");
    x->jsonl = x->jsonl || many;
    return -1;
}

/* The inputs: the FILE arguments, and for "-" the paths stdin lists, one a
 * line (blank lines skipped). The strings live in argv or in a. */
static px_status gather_inputs(px_arena *a, char **args, size_t n, input_list *out, px_error *err)
{
    bool stdin_read = false;
    for (size_t i = 0; i < n; i++) {
        if (strcmp(args[i], "-") != 0) {
            px_vec_push(*out, args[i]);
            continue;
        }
        if (stdin_read)
            return px_error_set(err, PX_EUSAGE, NULL, 0, "'-' (the list on stdin) given twice");
        stdin_read = true;
        char *data;
        size_t len;
        px_status st = px_file_read("-", (size_t)64 << 20, &data, &len, err);
        if (st != PX_OK)
            return st;
        for (char *p = data, *nl; p < data + len; p = nl + 1) {
            nl = memchr(p, '\n', (size_t)(data + len - p));
            if (!nl)
                nl = data + len;
            char *e = nl;
            if (e > p && e[-1] == '\r')
                e--;
            if (e > p)
                px_vec_push(*out, px_arena_strndup(a, p, (size_t)(e - p)));
        }
        free(data);
    }
    return PX_OK;
}

/* One input of many: its articles as JSON Lines into b, or one line on
 * stderr naming it. Each input has its own arena, so memory stays flat
 * however long the list. */
static bool extract_one(const char *input, const px_load_opts *lo, px_buf *b)
{
    px_arena *a = px_arena_new();
    px_error err = {0};
    px_article **arts = NULL;
    size_t n = 0;
    px_status st = px_load_articles(a, &input, 1, lo, &arts, &n, &err);
    for (size_t i = 0; i < n && st == PX_OK; i++)
        to_json(arts[i], true, b);
    if (st != PX_OK) {
        if (!err.file[0])
            snprintf(err.file, sizeof err.file, "%s", input);
        cli_report(&err);
    }
    px_arena_free(a);
    return st == PX_OK;
}

/* Many inputs: JSON Lines, to stdout as each input is done (a reader
 * sees progress), or to -o FILE atomically at the end. */
static int extract_many(extract_args *x, char **args, size_t nargs)
{
    px_error err = {0};
    px_arena *a = px_arena_new();
    input_list inputs = {0};
    px_status st = cli_common_load(&x->co, false, &err);
    if (st == PX_OK)
        st = gather_inputs(a, args, nargs, &inputs, &err);
    px_load_opts lo = cli_load_opts(&x->co, NULL);
    bool to_stdout = !strcmp(x->out, "-");
    size_t failed = 0;
    px_buf b;
    px_buf_init(&b, 0);
    for (size_t i = 0; i < inputs.n && st == PX_OK; i++) {
        failed += !extract_one(inputs.v[i], &lo, &b);
        if (to_stdout && b.len) {
            fwrite(b.data, 1, b.len, stdout);
            fflush(stdout);
            px_buf_reset(&b);
        }
    }
    if (st == PX_OK && !to_stdout)
        st = cli_write(x->out, &b, &err);
    int rc = st != PX_OK ? cli_report(&err) : failed ? EXIT_PARTIAL : EXIT_OK;
    if (st == PX_OK && failed)
        cli_warn("extract: %zu of %zu input%s failed", failed, inputs.n, inputs.n == 1 ? "" : "s");
    px_buf_free(&b);
    px_vec_free(inputs);
    px_arena_free(a);
    return rc;
}

/* One input, as before many were possible: text or indented JSON, and
 * the exit status of its error. */
static int extract_single(extract_args *x, const char *input)
{
    px_error err = {0};
    px_arena *a = px_arena_new();
    px_status st = cli_common_load(&x->co, false, &err);
    px_load_opts lo = cli_load_opts(&x->co, NULL);
    px_article **arts = NULL;
    size_t n = 0;
    px_buf b;
    px_buf_init(&b, 0);
    if (st == PX_OK && x->features)
        st = line_features(a, input, &x->co.io, &b, &err);
    else if (st == PX_OK)
        st = px_load_articles(a, &input, 1, &lo, &arts, &n, &err);
    for (size_t i = 0; i < n && st == PX_OK; i++) {
        if (!strcmp(x->format, "json")) {
            to_json(arts[i], false, &b);
            continue;
        }
        if (x->title && *arts[i]->title) {
            px_buf_puts(&b, arts[i]->title);
            px_buf_puts(&b, "\n\n");
        }
        px_buf_add(&b, arts[i]->body, arts[i]->body_len);
        px_buf_putc(&b, '\n');
    }
    if (st == PX_OK)
        st = cli_write(x->out, &b, &err);
    int rc = st == PX_OK ? EXIT_OK : cli_report(&err);
    px_buf_free(&b);
    px_arena_free(a);
    return rc;
}

int cmd_extract(int argc, char **argv)
{
    extract_args x = {.format = "text", .out = "-"};
    cli_common_init(&x.co);
    int rc = parse_args(argc, argv, &x);
    if (rc < 0 && x.jsonl)
        rc = extract_many(&x, argv + optind, (size_t)(argc - optind));
    else if (rc < 0)
        rc = extract_single(&x, argv[optind]);
    cli_common_free(&x.co);
    return rc;
}
