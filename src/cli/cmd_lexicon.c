/*
 * cmd_lexicon.c — `parallax lexicon list|show|check|match`.
 *
 * list and show describe the loaded lexicons (header, categories with their
 * notes and entry counts, entries); check validates files or folders and
 * names every bad line as FILE:LINE (exit 3 on an error, 1 when lines were
 * skipped or, with --strict, a header is incomplete); match prints the hits
 * of each input line as one JSON object, the format the evaluation scorers
 * read.
 */
#include <dirent.h>
#include <getopt.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli/cli.h"

static void help(void)
{
    printf("Usage: parallax lexicon COMMAND [OPTIONS]\n\n"
           "Commands:\n"
           "  list                 the loaded lexicons: name, version, terms, categories\n"
           "  show NAME            one lexicon: its header, categories and every entry\n"
           "  check FILE|DIR...    validate lexicon files; errors name FILE:LINE\n"
           "                       (exit 3 on an error, 1 when lines were skipped)\n"
           "  match [-c CAT]... [FILE|-]\n"
           "                       lexicon hits per input line, as JSON lines:\n"
           "                       {\"hits\": [{\"start\", \"end\", \"term\", \"text\",\n"
           "                       \"category\", \"lexicon\", \"voice\"}]} (byte offsets in\n"
           "                       the line; voice is narration or quote; context lists\n"
           "                       head and/or modifier: a content word just before or\n"
           "                       after the hit)\n\n"
           "Options:\n"
           "  --lexicons DIR       the lexicon folder (default: the installed one)\n"
           "  --lexicon FILE       one more lexicon (.tsv, term<TAB>score, or .dic);\n"
           "                       repeatable\n"
           "  --no-lexicons        only the --lexicon files, not the folder\n"
           "  -c, --category CAT   match: only this category or lexicon; repeatable\n"
           "  --voice V            match: only hits in narration or in quote\n"
           "  --strict             check: also require a full header (name, version,\n"
           "                       licence, description, built, a note per category)\n"
           "  -h, --help           show this help\n\n"
           "Lexicon files: term<TAB>category<TAB>weight[<TAB>neutral[<TAB>context]]\n"
           "(context: not-head, not-modifier); a word ending in\n"
           "* matches any ending, in ~ any word of the same stem; see lexicons/README.md.\n");
}

static int list(px_lexset *set)
{
    printf("%-14s %-8s %7s  %s\n", "NAME", "VERSION", "TERMS", "CATEGORIES");
    for (size_t i = 0; i < px_lexset_count(set); i++) {
        const px_lexicon *l = px_lexset_get(set, i);
        printf("%-14s %-8s %7zu  ", l->name, *l->version ? l->version : "-", l->nentries);
        for (size_t c = 0; c < l->ncategories; c++)
            printf("%s%s", c ? ", " : "", l->categories[c]);
        printf("\n");
    }
    return EXIT_OK;
}

static void show_header(const px_lexicon *l)
{
    printf("# name: %s\n# version: %s\n# licence: %s\n", l->name, l->version, l->licence);
    if (l->source)
        printf("# source: %s\n", l->source);
    if (l->description)
        printf("# description: %s\n", l->description);
    if (l->built)
        printf("# built: %s\n", l->built);
    printf("# file: %s\n", l->path);
    for (size_t c = 0; c < l->ncategories; c++) {
        size_t n = 0;
        for (size_t i = 0; i < l->nentries; i++)
            n += l->entries[i].category == c;
        printf("# category: %s — %s (%zu entr%s)\n", l->categories[c],
               l->category_notes[c] ? l->category_notes[c] : "", n, n == 1 ? "y" : "ies");
    }
}

static int show(px_lexset *set, const char *name)
{
    const px_lexicon *l = px_lexset_find(set, name);
    if (!l)
        return cli_usage("lexicon ", "no lexicon named '%s' (see 'parallax lexicon list')", name);
    show_header(l);
    for (size_t i = 0; i < l->nentries; i++) {
        const px_lex_entry *e = &l->entries[i];
        printf("%s\t%s\t%g%s%s\n", e->term, l->categories[e->category], e->weight,
               e->neutral ? "\t" : "", e->neutral ? e->neutral : "");
    }
    return EXIT_OK;
}

/* --strict: the header every shipped lexicon carries. */
static size_t header_gaps(const px_lexicon *l)
{
    size_t gaps = 0;
    const char *need[] = {*l->version ? l->version : NULL, *l->licence ? l->licence : NULL,
                          l->description, l->built};
    const char *what[] = {"version", "licence", "description", "built"};
    for (size_t k = 0; k < 4; k++)
        if (!need[k]) {
            cli_warn("warning: %s: the header has no '# %s:' line", l->path, what[k]);
            gaps++;
        }
    for (size_t c = 0; c < l->ncategories; c++)
        if (!l->category_notes[c]) {
            cli_warn("warning: %s: category '%s' has no '# category:' note", l->path,
                     l->categories[c]);
            gaps++;
        }
    return gaps;
}

static int check_file(const char *path, bool strict)
{
    px_error err = {0};
    px_lexicon *l;
    if (px_lexicon_load(path, &l, &err) != PX_OK)
        return cli_report(&err);
    for (size_t w = 0; w < l->nwarnings; w++)
        cli_warn("warning: %s", l->warnings[w]);
    size_t gaps = strict ? header_gaps(l) : 0;
    printf("%s: %s, lexicon '%s', %zu term%s, %zu categor%s", path,
           l->nwarnings || gaps ? "loaded with warnings" : "ok", l->name, l->nentries,
           l->nentries == 1 ? "" : "s", l->ncategories, l->ncategories == 1 ? "y" : "ies");
    if (l->nwarnings)
        printf(", %zu line%s skipped", l->nwarnings, l->nwarnings == 1 ? "" : "s");
    printf("\n");
    int rc = l->nwarnings || gaps ? EXIT_PARTIAL : EXIT_OK;
    px_lexicon_free(l);
    return rc;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* A folder: every .tsv and .dic in it, in name order. */
static int check_dir(const char *dir, bool strict, int rc)
{
    DIR *d = opendir(dir);
    if (!d) {
        cli_warn("%s: cannot open the folder", dir);
        return EXIT_INPUT;
    }
    PX_VEC(char *) names = {0};
    struct dirent *e;
    while ((e = readdir(d))) {
        size_t n = strlen(e->d_name);
        if (e->d_name[0] != '.' && n > 4 &&
            (!strcmp(e->d_name + n - 4, ".tsv") || !strcmp(e->d_name + n - 4, ".dic"))) {
            size_t len = strlen(dir) + n + 2;
            char *p = px_xmalloc(len);
            snprintf(p, len, "%s/%s", dir, e->d_name);
            px_vec_push(names, p);
        }
    }
    closedir(d);
    if (names.n)
        qsort(names.v, names.n, sizeof *names.v, cmp_str);
    for (size_t i = 0; i < names.n; i++) {
        int r = check_file(names.v[i], strict);
        rc = r > rc ? r : rc;
        free(names.v[i]);
    }
    px_vec_free(names);
    return rc;
}

static int check(char **files, int n, bool strict)
{
    int rc = EXIT_OK;
    if (n == 0)
        return cli_usage("lexicon ", "check wants one or more FILEs or folders");
    for (int i = 0; i < n; i++) {
        struct stat sb;
        int r = stat(files[i], &sb) == 0 && S_ISDIR(sb.st_mode) ? check_dir(files[i], strict, rc)
                                                                : check_file(files[i], strict);
        rc = r > rc ? r : rc;
    }
    return rc;
}

typedef struct {
    char **cats;
    size_t ncats;
    const char *voice; /* NULL, "narration" or "quote" */
} match_filter;

static bool wanted(const match_filter *f, const px_lexicon *l, const char *cat, bool quoted)
{
    if (f->voice && strcmp(f->voice, quoted ? "quote" : "narration") != 0)
        return false;
    if (f->ncats == 0)
        return true;
    for (size_t i = 0; i < f->ncats; i++)
        if (!strcmp(f->cats[i], l->name) || !strcmp(f->cats[i], cat))
            return true;
    return false;
}

static json_t *hit_json(const px_lexset *set, const px_hit *h, const char *line)
{
    const px_lexicon *l = px_lexset_get(set, h->lexicon);
    const px_lex_entry *e = &l->entries[h->entry];
    json_t *o = json_object();
    json_object_set_new(o, "start", json_integer((json_int_t)h->start));
    json_object_set_new(o, "end", json_integer((json_int_t)h->end));
    json_object_set_new(o, "term", json_string(e->term));
    json_object_set_new(o, "text", json_stringn(line + h->start, h->end - h->start));
    json_object_set_new(o, "category", json_string(l->categories[e->category]));
    json_object_set_new(o, "lexicon", json_string(l->name));
    json_object_set_new(o, "voice", json_string(h->quoted ? "quote" : "narration"));
    if (h->negated)
        json_object_set_new(o, "negated", json_true());
    if (h->context) {
        json_t *c = json_array();
        if (h->context & PX_CTX_HEAD)
            json_array_append_new(c, json_string("head"));
        if (h->context & PX_CTX_MODIFIER)
            json_array_append_new(c, json_string("modifier"));
        json_object_set_new(o, "context", c);
    }
    return o;
}

/* The hits of one line as {"hits": [...]}, appended to out. */
static void match_line(px_lexset *set, px_text_ctx *ctx, const char *p, size_t n,
                       const match_filter *f, px_buf *out)
{
    px_arena *a = px_arena_new();
    size_t bad;
    json_t *hits = json_array();
    px_doc *d;
    if (px_utf8_check(p, n, &bad) && px_text_analyze(a, ctx, NULL, p, n, &d, NULL) == PX_OK) {
        px_hit *h;
        size_t nh = px_frame_match(a, set, d, &h);
        for (size_t i = 0; i < nh; i++) {
            const px_lexicon *l = px_lexset_get(set, h[i].lexicon);
            if (wanted(f, l, l->categories[l->entries[h[i].entry].category], h[i].quoted))
                json_array_append_new(hits, hit_json(set, &h[i], d->text));
        }
    }
    json_t *line = json_object();
    json_object_set_new(line, "hits", hits);
    char *s = json_dumps(line, JSON_PRESERVE_ORDER | JSON_COMPACT);
    px_buf_puts(out, s);
    px_buf_putc(out, '\n');
    free(s);
    json_decref(line);
    px_arena_free(a);
}

static int match(px_lexset *set, const char *path, const match_filter *f)
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
        match_line(set, ctx, p, n, f, &out);
        p = nl ? nl + 1 : data + len;
    }
    px_status st = cli_write("-", &out, &err);
    px_buf_free(&out);
    px_text_ctx_free(ctx);
    free(data);
    return st == PX_OK ? EXIT_OK : cli_report(&err);
}

typedef struct {
    const char *dir, *voice;
    bool no_dir, strict;
} lexicon_opts;

static int run(const char *cmd, int argc, char **argv, const lexicon_opts *o, char **files,
               size_t nfiles, const match_filter *f)
{
    if (!strcmp(cmd, "check"))
        return check(argv, argc, o->strict);
    if (strcmp(cmd, "list") && strcmp(cmd, "show") && strcmp(cmd, "match"))
        return cli_usage("lexicon ", "unknown command '%s' (list, show, check, match)", cmd);
    px_error err = {0};
    px_lexset *set = NULL;
    if (cli_load_lexicons(o->dir, o->no_dir, files, nfiles, &set, &err) != PX_OK)
        return cli_report(&err);
    int rc;
    if (!strcmp(cmd, "list"))
        rc = list(set);
    else if (!strcmp(cmd, "show"))
        rc = argc > 0 ? show(set, argv[0]) : cli_usage("lexicon ", "show wants a NAME");
    else
        rc = match(set, argc > 0 ? argv[0] : "-", f);
    px_lexset_free(set);
    return rc;
}

int cmd_lexicon(int argc, char **argv)
{
    static const struct option opts[] = {
        {"lexicons", required_argument, NULL, 'L'}, {"lexicon", required_argument, NULL, 'l'},
        {"no-lexicons", no_argument, NULL, 'N'},    {"category", required_argument, NULL, 'c'},
        {"voice", required_argument, NULL, 'v'},    {"strict", no_argument, NULL, 's'},
        {"help", no_argument, NULL, 'h'},           {NULL, 0, NULL, 0}};
    lexicon_opts o = {0};
    PX_VEC(char *) files = {0};
    PX_VEC(char *) cats = {0};
    int c, rc = -1;
    optind = 1;
    while (rc < 0 && (c = getopt_long(argc, argv, "c:h", opts, NULL)) != -1) {
        switch (c) {
        case 'L': o.dir = optarg; break;
        case 'l': px_vec_push(files, optarg); break;
        case 'N': o.no_dir = true; break;
        case 'c': px_vec_push(cats, optarg); break;
        case 'v': o.voice = optarg; break;
        case 's': o.strict = true; break;
        case 'h':
            help();
            rc = EXIT_OK;
            break;
        default: rc = cli_bad_option("lexicon ", argv); break;
        }
    }
    if (rc < 0 && o.voice && strcmp(o.voice, "narration") && strcmp(o.voice, "quote"))
        rc = cli_usage("lexicon ", "--voice wants narration or quote, not '%s'", o.voice);
    if (rc < 0 && optind >= argc)
        rc = cli_usage("lexicon ", "missing command (list, show, check, match)");
    if (rc < 0) {
        match_filter f = {cats.v, cats.n, o.voice};
        rc = run(argv[optind], argc - optind - 1, argv + optind + 1, &o, files.v, files.n, &f);
    }
    px_vec_free(files);
    px_vec_free(cats);
    return rc;
}
