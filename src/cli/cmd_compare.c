/*
 * cmd_compare.c — `parallax compare A B C… [-o FILE] [--format F]`.
 */
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/cli.h"
#include "parallax/batch.h"

static void help(void)
{
    printf("Usage: parallax compare [OPTIONS] SOURCE SOURCE...\n\n"
           "Compare how several outlets tell one story. A SOURCE is a plain-text file\n"
           "(first line the headline), an .html page, a .json/.jsonl file of records, or a\n"
           "folder holding one file per outlet (the outlet id is the file name).\n\n"
           "Options:\n"
           "  -o, --output PATH     write the report to PATH (format from its extension:\n"
           "                        .html, .json, .txt, .csv) or into the folder PATH/\n"
           "                        (see below); default stdout\n"
           "  -f, --format FORMAT   html, json, csv or text (default: from -o, else text)\n"
           "      --lean            json: the lean form (no text twice: sentences and\n"
           "                        evidence as offsets into each article; compact)\n"
           "      --lexicons DIR    load lexicons from DIR instead of the installed ones\n"
           "      --lexicon FILE    load one more lexicon (.tsv or .dic); repeatable\n"
           "      --no-lexicons     do not load the lexicon folder (only --lexicon files)\n"
           "      --furniture FILE  more page-furniture patterns for pasted text\n"
           "      --no-furniture    keep pasted text as it is\n"
           "      --line-model FILE pasted text: this line classifier instead of the\n"
           "                        built-in one (format of data/line-model.txt)\n"
           "      --no-line-model   pasted text: only the furniture patterns remove lines\n"
           "      --threshold X     probability needed to link two sentences (default: the\n"
           "                        model's, 0.5)\n"
           "      --align-model FILE  the same-claim model to use (written by\n"
           "                        scripts/train_align.py; default: the built-in one)\n"
           "      --story ID        the story id in the report (default: the folder name)\n"
           "      --pairs FILE      also write every candidate sentence pair of two\n"
           "                        outlets with its features and probability (TSV)\n"
           "      --color WHEN      text colours: auto (on a terminal, unless NO_COLOR\n"
           "                        is set), always, never; default auto\n"
           "      --print WHAT      html: what paper gets: summary (the one-page summary\n"
           "                        and the sections a reader opened; default) or full\n"
           "                        (every section opened)\n"
           "  -h, --help            show this help\n\n"
           "-o DIR/ (a path ending in '/', or an existing folder) needs --format and\n"
           "writes into DIR (made if missing) the report named for the story,\n"
           "DIR/STORY.html, .json or .txt, and says so on stderr. CSV writes three\n"
           "files: with -o DIR/, DIR/facts.csv (one row per fact and outlet),\n"
           "DIR/scores.csv (framing scores) and DIR/outlet_story.csv (one row per\n"
           "outlet, a column per category); with -o NAME.csv, NAME.csv,\n"
           "NAME-scores.csv and NAME-outlet_story.csv; to stdout, facts.csv only.\n"
           "doc/codebook.md names every column. The same SOURCE given twice is refused.\n\n"
           "Examples:\n"
           "  parallax compare data/stories/biden-putin-call -o report.html\n"
           "  parallax compare a.txt b.html c.txt --format json > report.json\n");
    printf("\nA SOURCE may also be an http(s) URL; records with only a \"url\" are fetched.\n"
           "%s",
           cli_fetch_help);
}

/* -o names a folder: it ends in '/' or is one already. */
static bool is_folder(const char *path)
{
    struct stat sb;
    size_t n = path ? strlen(path) : 0;
    return n && (path[n - 1] == '/' || (stat(path, &sb) == 0 && S_ISDIR(sb.st_mode)));
}

static const char *format_from_path(const char *path)
{
    const char *dot = path ? strrchr(path, '.') : NULL;
    if (!dot)
        return NULL;
    if (!strcmp(dot, ".html") || !strcmp(dot, ".htm"))
        return "html";
    if (!strcmp(dot, ".json"))
        return "json";
    if (!strcmp(dot, ".txt"))
        return "text";
    if (!strcmp(dot, ".csv"))
        return "csv";
    return NULL;
}

/* A report larger than this is refused (a documented limit, not a crash). */
#define REPORT_MAX ((size_t)256 << 20)

/* Where the three CSV files go: -o DIR → DIR/facts.csv, DIR/scores.csv and
 * DIR/outlet_story.csv; -o NAME.csv → NAME.csv, NAME-scores.csv and
 * NAME-outlet_story.csv. Caller frees all three. */
static px_status csv_paths(const char *out, char **facts, char **scores, char **outlets,
                           px_error *err)
{
    size_t n = strlen(out);
    size_t len = n + 24;
    *facts = px_xmalloc(len);
    *scores = px_xmalloc(len);
    *outlets = px_xmalloc(len);
    if (n > 4 && !strcmp(out + n - 4, ".csv")) {
        snprintf(*facts, len, "%s", out);
        snprintf(*scores, len, "%.*s-scores.csv", (int)(n - 4), out);
        snprintf(*outlets, len, "%.*s-outlet_story.csv", (int)(n - 4), out);
        return PX_OK;
    }
    snprintf(*facts, len, "%s/facts.csv", out);
    snprintf(*scores, len, "%s/scores.csv", out);
    snprintf(*outlets, len, "%s/outlet_story.csv", out);
    struct stat sb;
    if (stat(out, &sb) == 0 && !S_ISDIR(sb.st_mode))
        return px_error_set(err, PX_EIO, out, 0, "not a folder (csv writes two files into it)");
    if (stat(out, &sb) != 0 && mkdir(out, 0755) != 0)
        return px_error_set(err, PX_EIO, out, 0, "cannot create the output folder");
    return PX_OK;
}

/* CSV: the fact matrix and the framing scores, two files; to stdout only
 * the fact matrix. */
static px_status write_csv(const px_story *s, const px_report_opts *ro, const char *out,
                           px_error *err)
{
    px_buf facts, scores, outlets;
    px_buf_init(&facts, REPORT_MAX);
    px_buf_init(&scores, REPORT_MAX);
    px_buf_init(&outlets, REPORT_MAX);
    px_status st = px_report_csv_facts(s, ro, &facts);
    if (st == PX_OK)
        st = px_report_csv_scores(s, ro, &scores);
    if (st == PX_OK)
        st = px_report_csv_outlets(s, ro, &outlets);
    if (st != PX_OK)
        px_error_set(err, st, out, 0, "the CSV report could not be rendered");
    if (st == PX_OK && (!out || !strcmp(out, "-"))) {
        st = cli_write("-", &facts, err);
    } else if (st == PX_OK) {
        char *fp, *sp, *op;
        st = csv_paths(out, &fp, &sp, &op, err);
        if (st == PX_OK)
            st = cli_write(fp, &facts, err);
        if (st == PX_OK)
            st = cli_write(sp, &scores, err);
        if (st == PX_OK)
            st = cli_write(op, &outlets, err);
        free(fp);
        free(sp);
        free(op);
    }
    px_buf_free(&facts);
    px_buf_free(&scores);
    px_buf_free(&outlets);
    return st;
}

/* Colours for the text report: --color always, or auto on a terminal
 * unless NO_COLOR is set (to anything but "", as no-color.org says) or
 * TERM is dumb. */
static bool want_colour(const char *when, const char *out)
{
    if (!strcmp(when, "always"))
        return true;
    if (strcmp(when, "auto") || (out && strcmp(out, "-")) || !isatty(STDOUT_FILENO))
        return false;
    const char *no = getenv("NO_COLOR"), *term = getenv("TERM");
    return !(no && *no) && !(term && !strcmp(term, "dumb"));
}

/* The text report's width: 80 columns, fewer on a narrower terminal. */
static int text_width(const char *out)
{
    struct winsize ws;
    if ((!out || !strcmp(out, "-")) && isatty(STDOUT_FILENO) &&
        ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col >= 40 && ws.ws_col < 80)
        return ws.ws_col;
    return 80;
}

/* Tabs and newlines inside a sentence become spaces in the TSV. */
static void tsv_text(px_buf *b, const char *t, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        char ch = t[i];
        if (ch == '\t' || ch == '\n' || ch == '\r')
            ch = ' ';
        px_buf_putc(b, ch);
    }
}

/* --pairs: every candidate pair of sentences of two outlets, its
 * probability and its features, one line each. */
static px_status write_pairs(const px_story *s, const char *path, px_error *err)
{
    const px_alignment *al = &s->alignment;
    size_t nf;
    const char *const *names = px_align_feature_names(&nf);
    px_buf b;
    px_buf_init(&b, REPORT_MAX);
    px_buf_puts(&b, "a\tb\tp");
    for (size_t k = 0; k < nf; k++)
        px_buf_printf(&b, "\t%s", names[k]);
    px_buf_puts(&b, "\ttext_a\ttext_b\n");
    for (size_t i = 0; i < al->nlinks; i++) {
        const px_link *l = &al->links[i];
        const px_claim *ca = &al->claims[l->a], *cb = &al->claims[l->b];
        char ia[160], ib[160];
        px_story_sentence_id(s, ca->source, ca->sent, ia, sizeof ia);
        px_story_sentence_id(s, cb->source, cb->sent, ib, sizeof ib);
        px_buf_printf(&b, "%s\t%s\t%.6f", ia, ib, l->p);
        for (size_t k = 0; k < nf; k++)
            px_buf_printf(&b, "\t%.6g", l->features ? l->features[k] : 0.0);
        size_t n;
        const char *t = px_story_sentence(s, ca->source, ca->sent, &n);
        px_buf_putc(&b, '\t');
        tsv_text(&b, t, n);
        t = px_story_sentence(s, cb->source, cb->sent, &n);
        px_buf_putc(&b, '\t');
        tsv_text(&b, t, n);
        px_buf_putc(&b, '\n');
    }
    px_status st = cli_write(path, &b, err);
    px_buf_free(&b);
    return st;
}

/* Render the report in format and write it to out (stdout when NULL). */
static px_status write_report(const px_story *s, const char *format, const px_report_opts *ro,
                              const char *out, px_error *err)
{
    if (!strcmp(format, "csv"))
        return write_csv(s, ro, out, err);
    px_buf b;
    px_buf_init(&b, REPORT_MAX);
    px_status st;
    if (!strcmp(format, "json"))
        st = px_report_json(s, ro, &b);
    else if (!strcmp(format, "html"))
        st = px_report_html(s, ro, &b);
    else
        st = px_report_text(s, ro, &b);
    if (st == PX_ELIMIT)
        px_error_set(err, st, out, 0, "the report would be larger than %zu MiB", REPORT_MAX >> 20);
    else if (st != PX_OK)
        px_error_set(err, st, out, 0, "the report could not be rendered");
    else
        st = cli_write(out ? out : "-", &b, err);
    px_buf_free(&b);
    return st;
}

/* -o DIR/ with --format: the format's files go into DIR (made if missing),
 * named for the story (STORY.html, .json, .txt; CSV: facts.csv and
 * scores.csv as always), and a line on stderr says where. */
static px_status write_into_folder(const px_story *s, const char *format, const px_report_opts *ro,
                                   const char *dir, px_error *err)
{
    size_t n = strlen(dir);
    while (n > 1 && dir[n - 1] == '/')
        n--;
    char *d = px_xstrndup(dir, n);
    px_status st = PX_OK;
    if (mkdir(d, 0755) != 0 && errno != EEXIST)
        st =
            px_error_set(err, PX_EIO, d, 0, "cannot create the output folder: %s", strerror(errno));
    if (st == PX_OK && !strcmp(format, "csv")) {
        st = write_csv(s, ro, d, err);
        if (st == PX_OK)
            cli_warn("wrote %s/facts.csv, %s/scores.csv and %s/outlet_story.csv", d, d, d);
    } else if (st == PX_OK) {
        static const char *const exts[][2] = {{"html", "html"}, {"json", "json"}, {"text", "txt"}};
        const char *ext = "txt";
        for (size_t k = 0; k < sizeof exts / sizeof exts[0]; k++)
            if (!strcmp(format, exts[k][0]))
                ext = exts[k][1];
        px_arena *a = px_arena_new();
        char *path = px_arena_printf(a, "%s/%s.%s", d, px_batch_file_name(a, s->id), ext);
        st = write_report(s, format, ro, path, err);
        if (st == PX_OK)
            cli_warn("wrote %s", path);
        px_arena_free(a);
    }
    free(d);
    return st;
}

typedef struct compare_args {
    const char *out, *format, *story_id, *color, *pairs, *print;
    bool lean;
    cli_common c;
} compare_args;

/* Options into a; returns -1 to go on, else the exit code. */
static int parse_args(int argc, char **argv, compare_args *a)
{
    static const struct option opts[] = {{"output", required_argument, NULL, 'o'},
                                         {"format", required_argument, NULL, 'f'},
                                         {"story", required_argument, NULL, 's'},
                                         {"color", required_argument, NULL, 'c'},
                                         {"pairs", required_argument, NULL, 'P'},
                                         {"help", no_argument, NULL, 'h'},
                                         {"lean", no_argument, NULL, 'L'},
                                         {"print", required_argument, NULL, 'R'},
                                         CLI_LEXICON_OPTIONS,
                                         CLI_FURNITURE_OPTION,
                                         CLI_LINE_MODEL_OPTIONS,
                                         CLI_NO_FURNITURE_OPTION,
                                         CLI_THRESHOLD_OPTION,
                                         CLI_MODEL_OPTION,
                                         CLI_FETCH_OPTIONS,
                                         {NULL, 0, NULL, 0}};
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "o:f:h", opts, NULL)) != -1) {
        int r = cli_common_option(&a->c, c, optarg, "compare ");
        if (r < 0)
            return EXIT_USAGE;
        if (r > 0)
            continue;
        switch (c) {
        case 'o': a->out = optarg; break;
        case 'f': a->format = optarg; break;
        case 's': a->story_id = optarg; break;
        case 'c': a->color = optarg; break;
        case 'L': a->lean = true; break;
        case 'R': a->print = optarg; break;
        case 'P':
            a->pairs = optarg;
            a->c.cfg.align.keep_features = true;
            break;
        case 'h': help(); return EXIT_OK;
        default: return cli_bad_option("compare ", argv);
        }
    }
    if (!a->format && is_folder(a->out))
        return cli_usage("compare ",
                         "-o %s is a folder: say what to write into it with "
                         "--format (html, json, csv or text)",
                         a->out);
    if (!a->format)
        a->format = format_from_path(a->out);
    if (!a->format && a->out && strcmp(a->out, "-"))
        return cli_usage("compare ", "cannot tell the format from '%s'; add --format", a->out);
    if (!a->format)
        a->format = "text";
    if (strcmp(a->format, "html") && strcmp(a->format, "json") && strcmp(a->format, "csv") &&
        strcmp(a->format, "text"))
        return cli_usage("compare ", "unknown format '%s' (html, json, csv, text)", a->format);
    if (a->lean && strcmp(a->format, "json"))
        return cli_usage("compare ", "--lean is a form of the JSON report; add --format json");
    if (strcmp(a->color, "auto") && strcmp(a->color, "always") && strcmp(a->color, "never"))
        return cli_usage("compare ", "--color wants auto, always or never");
    if (strcmp(a->print, "summary") && strcmp(a->print, "full"))
        return cli_usage("compare ", "--print wants summary or full");
    if (optind >= argc)
        return cli_usage("compare ", "no sources given");
    return cli_check_inputs("compare ", argv + optind, (size_t)(argc - optind));
}

/* Load, analyse, render and write. */
static px_status run(compare_args *a, int argc, char **argv, px_error *err)
{
    const char *const *inputs = (const char *const *)argv + optind;
    size_t n = (size_t)(argc - optind);
    px_story *story = NULL;
    px_status st = cli_common_load(&a->c, true, err);
    px_load_opts lo = cli_load_opts(&a->c, a->story_id);
    if (st == PX_OK)
        st = px_story_load(&story, inputs, n, &lo, err);
    if (st == PX_OK && story->nsources < 2)
        st = px_error_set(err, PX_EUSAGE, n == 1 ? inputs[0] : NULL, 0,
                          "a comparison needs at least two sources (got %zu)", story->nsources);
    if (st == PX_OK)
        st = px_story_analyze(story, &a->c.cfg, NULL, err);
    if (st == PX_OK) {
        char *cmdline = cli_command_line(argc, argv);
        px_report_opts ro = {.command_line = cmdline,
                             .color = want_colour(a->color, a->out),
                             .width = text_width(a->out),
                             .lean = a->lean,
                             .print_full = !strcmp(a->print, "full")};
        st = is_folder(a->out) ? write_into_folder(story, a->format, &ro, a->out, err)
                               : write_report(story, a->format, &ro, a->out, err);
        free(cmdline);
    }
    if (st == PX_OK && a->pairs)
        st = write_pairs(story, a->pairs, err);
    px_story_free(story);
    return st;
}

int cmd_compare(int argc, char **argv)
{
    compare_args a = {.color = "auto", .print = "summary"};
    cli_common_init(&a.c);
    int rc = parse_args(argc, argv, &a);
    if (rc < 0) {
        px_error err = {0};
        rc = run(&a, argc, argv, &err) == PX_OK ? EXIT_OK : cli_report(&err);
    }
    cli_common_free(&a.c);
    return rc;
}
