/*
 * cmd_lexicon.c — `parallax lexicon list|show|check|match`.
 */
#include <getopt.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"

static void help(void)
{
    printf("Usage: parallax lexicon COMMAND [OPTIONS]\n\n"
           "Commands:\n"
           "  list                 the loaded lexicons: name, version, terms, categories\n"
           "  show NAME            every entry of one lexicon\n"
           "  check FILE...        validate lexicon files; errors name FILE:LINE\n"
           "  match [-c CAT]... [FILE|-]\n"
           "                       lexicon hits per input line, as JSON lines:\n"
           "                       {\"hits\": [{\"start\", \"end\", \"term\", \"category\",\n"
           "                       \"lexicon\", \"voice\"}]} (byte offsets in the line)\n\n"
           "Options:\n"
           "  --lexicons DIR       the lexicon folder (default: the installed one)\n"
           "  --lexicon FILE       one more lexicon; repeatable\n"
           "  -c, --category CAT   match: only this category or lexicon; repeatable\n"
           "  -h, --help           show this help\n");
}

static int list(px_lexset *set)
{
    printf("%-16s %-8s %7s  %s\n", "NAME", "VERSION", "TERMS", "CATEGORIES");
    for (size_t i = 0; i < px_lexset_count(set); i++) {
        const px_lexicon *l = px_lexset_get(set, i);
        printf("%-16s %-8s %7zu  ", l->name, *l->version ? l->version : "-", l->nentries);
        for (size_t c = 0; c < l->ncategories; c++)
            printf("%s%s", c ? ", " : "", l->categories[c]);
        printf("\n");
    }
    return EXIT_OK;
}

static int show(px_lexset *set, const char *name)
{
    const px_lexicon *l = px_lexset_find(set, name);
    if (!l)
        return cli_usage("lexicon ", "no lexicon named '%s' (see 'parallax lexicon list')", name);
    printf("# %s %s — %s\n# licence: %s\n# file: %s\n", l->name, l->version,
           l->description ? l->description : "", l->licence, l->path);
    for (size_t i = 0; i < l->nentries; i++) {
        const px_lex_entry *e = &l->entries[i];
        printf("%s\t%s\t%g%s%s\n", e->term, l->categories[e->category], e->weight,
               e->neutral ? "\t" : "", e->neutral ? e->neutral : "");
    }
    return EXIT_OK;
}

static int check(char **files, int n)
{
    int rc = EXIT_OK;
    if (n == 0)
        return cli_usage("lexicon ", "check wants one or more FILEs");
    for (int i = 0; i < n; i++) {
        px_error err = {0};
        px_lexicon *l;
        if (px_lexicon_load(files[i], &l, &err) != PX_OK) {
            rc = cli_report(&err);
            continue;
        }
        for (size_t w = 0; w < l->nwarnings; w++)
            cli_warn("warning: %s", l->warnings[w]);
        printf("%s: ok, lexicon '%s', %zu terms, %zu categories\n", files[i], l->name,
               l->nentries, l->ncategories);
        px_lexicon_free(l);
    }
    return rc;
}

static bool wanted(const px_lexicon *l, const char *cat, char **cats, size_t n)
{
    if (n == 0)
        return true;
    for (size_t i = 0; i < n; i++)
        if (!strcmp(cats[i], l->name) || !strcmp(cats[i], cat))
            return true;
    return false;
}

static int match(px_lexset *set, const char *path, char **cats, size_t ncats)
{
    px_error err = {0};
    char *data;
    size_t len;
    if (px_file_read(path, 256u << 20, &data, &len, &err) != PX_OK)
        return cli_report(&err);
    px_text_ctx *ctx = px_text_ctx_new();
    px_buf out;
    px_buf_init(&out, 0);
    for (char *p = data; p < data + len;) {
        char *nl = memchr(p, '\n', (size_t)(data + len - p));
        size_t n = (size_t)((nl ? nl : data + len) - p);
        px_arena *a = px_arena_new();
        size_t bad;
        json_t *hits = json_array();
        if (px_utf8_check(p, n, &bad)) {
            px_doc *d;
            px_text_analyze(a, ctx, NULL, p, n, &d, NULL);
            px_hit *h;
            size_t nh = px_frame_match(a, set, d, &h);
            for (size_t i = 0; i < nh; i++) {
                const px_lexicon *l = px_lexset_get(set, h[i].lexicon);
                const px_lex_entry *e = &l->entries[h[i].entry];
                const char *cat = l->categories[e->category];
                if (!wanted(l, cat, cats, ncats))
                    continue;
                json_t *o = json_object();
                json_object_set_new(o, "start", json_integer((json_int_t)h[i].start));
                json_object_set_new(o, "end", json_integer((json_int_t)h[i].end));
                json_object_set_new(o, "term", json_string(e->term));
                json_object_set_new(o, "text", json_stringn(p + h[i].start, h[i].end - h[i].start));
                json_object_set_new(o, "category", json_string(cat));
                json_object_set_new(o, "lexicon", json_string(l->name));
                json_object_set_new(o, "voice", json_string(h[i].quoted ? "quote" : "narration"));
                if (h[i].negated)
                    json_object_set_new(o, "negated", json_true());
                json_array_append_new(hits, o);
            }
        }
        json_t *line = json_object();
        json_object_set_new(line, "hits", hits);
        char *s = json_dumps(line, JSON_PRESERVE_ORDER | JSON_COMPACT);
        px_buf_puts(&out, s);
        px_buf_putc(&out, '\n');
        free(s);
        json_decref(line);
        px_arena_free(a);
        p = nl ? nl + 1 : data + len;
    }
    px_status st = cli_write("-", &out, &err);
    px_buf_free(&out);
    px_text_ctx_free(ctx);
    free(data);
    return st == PX_OK ? EXIT_OK : cli_report(&err);
}

int cmd_lexicon(int argc, char **argv)
{
    static const struct option opts[] = {
        {"lexicons", required_argument, NULL, 'L'}, {"lexicon", required_argument, NULL, 'l'},
        {"category", required_argument, NULL, 'c'}, {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}};
    const char *dir = NULL;
    PX_VEC(char *) files = {0};
    PX_VEC(char *) cats = {0};
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "c:h", opts, NULL)) != -1) {
        switch (c) {
        case 'L': dir = optarg; break;
        case 'l': px_vec_push(files, optarg); break;
        case 'c': px_vec_push(cats, optarg); break;
        case 'h': help(); px_vec_free(files); px_vec_free(cats); return EXIT_OK;
        default: px_vec_free(files); px_vec_free(cats); return cli_bad_option("lexicon ", argv);
        }
    }
    int rc;
    if (optind >= argc) {
        rc = cli_usage("lexicon ", "missing command (list, show, check, match)");
    } else if (!strcmp(argv[optind], "check")) {
        rc = check(argv + optind + 1, argc - optind - 1);
    } else if (strcmp(argv[optind], "list") && strcmp(argv[optind], "show") &&
               strcmp(argv[optind], "match")) {
        rc = cli_usage("lexicon ", "unknown command '%s' (list, show, check, match)",
                       argv[optind]);
    } else {
        px_error err = {0};
        px_lexset *set = NULL;
        if (cli_load_lexicons(dir, false, files.v, files.n, &set, &err) != PX_OK) {
            rc = cli_report(&err);
        } else if (!strcmp(argv[optind], "list")) {
            rc = list(set);
        } else if (!strcmp(argv[optind], "show")) {
            rc = optind + 1 < argc ? show(set, argv[optind + 1])
                                   : cli_usage("lexicon ", "show wants a NAME");
        } else {
            rc = match(set, optind + 1 < argc ? argv[optind + 1] : "-", cats.v, cats.n);
        }
        px_lexset_free(set);
    }
    px_vec_free(files);
    px_vec_free(cats);
    return rc;
}
