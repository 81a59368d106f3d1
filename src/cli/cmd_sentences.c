/*
 * cmd_sentences.c — `parallax sentences [--json] FILE|-`: the sentence
 * splitter on its own.
 */
#include <getopt.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"

static void help(void)
{
    printf("Usage: parallax sentences [OPTIONS] [FILE|-]\n\n"
           "Split text into sentences, one per line (whitespace inside a sentence\n"
           "collapsed). Reads standard input when FILE is - or missing.\n\n"
           "Options:\n"
           "  --json      print a JSON array of sentence strings\n"
           "  --offsets   with --json: objects with the exact text and byte offsets\n"
           "  -h, --help  show this help\n");
}

/* Whitespace runs collapsed to one space. */
static char *collapse(const char *s, size_t n)
{
    char *r = px_xmalloc(n + 1);
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        bool sp = s[i] == ' ' || s[i] == '\n' || s[i] == '\t' || s[i] == '\r';
        if (sp) {
            if (k && r[k - 1] != ' ')
                r[k++] = ' ';
        } else {
            r[k++] = s[i];
        }
    }
    while (k && r[k - 1] == ' ')
        k--;
    r[k] = '\0';
    return r;
}

int cmd_sentences(int argc, char **argv)
{
    static const struct option opts[] = {{"json", no_argument, NULL, 'j'},
                                         {"offsets", no_argument, NULL, 'O'},
                                         {"help", no_argument, NULL, 'h'},
                                         {NULL, 0, NULL, 0}};
    bool json = false, offsets = false;
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
        switch (c) {
        case 'j': json = true; break;
        case 'O': offsets = true; break;
        case 'h': help(); return EXIT_OK;
        default: return cli_bad_option("sentences ", argv);
        }
    }
    if (argc - optind > 1)
        return cli_usage("sentences ", "give one FILE (or - for standard input)");
    const char *path = optind < argc ? argv[optind] : "-";
    px_error err = {0};
    char *data;
    size_t len;
    px_status st = px_file_read(path, 256u << 20, &data, &len, &err);
    if (st != PX_OK)
        return cli_report(&err);
    px_arena *a = px_arena_new();
    size_t cl;
    char *text = px_utf8_clean(a, data, len, &cl);
    free(data);
    text = px_text_unescape(a, text, cl, &cl);
    px_span *sp;
    size_t n = px_text_split(a, text, cl, &sp);
    px_buf b;
    px_buf_init(&b, 0);
    if (json) {
        json_t *arr = json_array();
        for (size_t i = 0; i < n; i++) {
            if (offsets) {
                json_t *o = json_object();
                json_object_set_new(o, "text",
                                    json_stringn(text + sp[i].start, sp[i].end - sp[i].start));
                json_object_set_new(o, "start", json_integer((json_int_t)sp[i].start));
                json_object_set_new(o, "end", json_integer((json_int_t)sp[i].end));
                json_array_append_new(arr, o);
            } else {
                char *s = collapse(text + sp[i].start, sp[i].end - sp[i].start);
                json_array_append_new(arr, json_string(s));
                free(s);
            }
        }
        char *s = json_dumps(arr, JSON_PRESERVE_ORDER | (offsets ? JSON_INDENT(1) : 0));
        json_decref(arr);
        px_buf_puts(&b, s);
        px_buf_putc(&b, '\n');
        free(s);
    } else {
        for (size_t i = 0; i < n; i++) {
            char *s = collapse(text + sp[i].start, sp[i].end - sp[i].start);
            px_buf_puts(&b, s);
            px_buf_putc(&b, '\n');
            free(s);
        }
    }
    st = cli_write("-", &b, &err);
    px_buf_free(&b);
    px_arena_free(a);
    return st == PX_OK ? EXIT_OK : cli_report(&err);
}
