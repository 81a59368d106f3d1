/*
 * cmd_worksheet.c — `parallax worksheet SOURCES… -o sheet.html --key key.html`:
 * a classroom worksheet and its answer key from one story.
 */
#include <getopt.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"

static void help(void)
{
    printf("Usage: parallax worksheet [OPTIONS] SOURCE SOURCE...\n\n"
           "Make a printable media-literacy worksheet from one story told by several\n"
           "outlets: the articles with numbered paragraphs and sentences, the outlets\n"
           "hidden behind letters (Source A, B…), then exercises built from the analysis\n"
           "(missing facts, word choice, who speaks, headline and lead, conflicting\n"
           "details, a reflection). The answer key gives the answers, their evidence and\n"
           "the outlets behind the letters. SOURCEs are read as by 'parallax compare'.\n\n"
           "Options:\n"
           "  -o, --output PATH     the worksheet (HTML); default stdout\n"
           "  -k, --key PATH        the answer key (HTML); '-' for stdout only when -o\n"
           "                        gives the worksheet a file\n"
           "      --seed N          the order of the letters (default 1); the same seed\n"
           "                        gives the same pages, byte for byte\n"
           "      --level LEVEL     intro (three guided exercises with hints), standard\n"
           "                        (default) or advanced (all, more items, no hints)\n"
           "      --reveal-outlets  name the outlets and keep the texts as they are\n"
           "      --lexicons DIR    load lexicons from DIR instead of the installed ones\n"
           "      --lexicon FILE    load one more lexicon (.tsv or .dic); repeatable\n"
           "      --no-lexicons     do not load the lexicon folder (no word-choice exercise\n"
           "                        unless --lexicon gives one)\n"
           "      --furniture FILE  more page-furniture patterns for pasted text\n"
           "      --no-furniture    keep pasted text as it is\n"
           "      --line-model FILE pasted text: this line classifier instead of the\n"
           "                        built-in one (format of data/line-model.txt)\n"
           "      --no-line-model   pasted text: only the furniture patterns remove lines\n"
           "  -h, --help            show this help\n\n"
           "Both pages print on A4 and Letter. Example:\n"
           "  parallax worksheet data/stories/biden-putin-call -o sheet.html --key key.html\n");
    printf("\nA SOURCE may also be an http(s) URL.\n%s", cli_fetch_help);
}

typedef struct ws_args {
    const char *out, *key;
    px_worksheet_opts ws;
    cli_common c;
} ws_args;

/* Parse options into a; returns -1 to go on, else the exit code. */
static int parse(int argc, char **argv, ws_args *a)
{
    static const struct option opts[] = {{"output", required_argument, NULL, 'o'},
                                         {"key", required_argument, NULL, 'k'},
                                         {"seed", required_argument, NULL, 'S'},
                                         {"level", required_argument, NULL, 'v'},
                                         {"reveal-outlets", no_argument, NULL, 'R'},
                                         {"help", no_argument, NULL, 'h'},
                                         CLI_LEXICON_OPTIONS,
                                         CLI_FURNITURE_OPTION,
                                         CLI_LINE_MODEL_OPTIONS,
                                         CLI_NO_FURNITURE_OPTION,
                                         CLI_FETCH_OPTIONS,
                                         {NULL, 0, NULL, 0}};
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "o:k:h", opts, NULL)) != -1) {
        int r = cli_common_option(&a->c, c, optarg, "worksheet ");
        if (r < 0)
            return EXIT_USAGE;
        if (r > 0)
            continue;
        char *end;
        switch (c) {
        case 'o': a->out = optarg; break;
        case 'k': a->key = optarg; break;
        case 'R': a->ws.reveal_outlets = true; break;
        case 'S':
            a->ws.seed = strtoull(optarg, &end, 10);
            if (!*optarg || *end || *optarg == '-')
                return cli_usage("worksheet ", "--seed wants a whole number, not '%s'", optarg);
            break;
        case 'v':
            if (!px_worksheet_level_parse(optarg, &a->ws.level))
                return cli_usage("worksheet ",
                                 "--level wants intro, standard or advanced, "
                                 "not '%s'",
                                 optarg);
            break;
        case 'h': help(); return EXIT_OK;
        default: return cli_bad_option("worksheet ", argv);
        }
    }
    if (optind >= argc)
        return cli_usage("worksheet ", "no sources given");
    bool sheet_stdout = !a->out || !strcmp(a->out, "-");
    if (a->key && !strcmp(a->key, "-") && sheet_stdout)
        return cli_usage("worksheet ", "--key - would print the answer key after the worksheet, "
                                       "two HTML pages in one: give the worksheet a file with "
                                       "-o, or the key a file");
    if (a->key && a->out && !strcmp(a->key, a->out))
        return cli_usage("worksheet ", "the worksheet and the key would be the same file");
    return cli_check_inputs("worksheet ", argv + optind, (size_t)(argc - optind));
}

/* Load, analyse and render; the pages are written only when both render. */
static px_status run(ws_args *a, const char *const *inputs, size_t n, px_error *err)
{
    px_story *story = NULL;
    px_buf sheet, key;
    px_buf_init(&sheet, (size_t)64 << 20);
    px_buf_init(&key, (size_t)64 << 20);
    px_status st = cli_common_load(&a->c, true, err);
    px_load_opts lo = cli_load_opts(&a->c, NULL);
    if (st == PX_OK)
        st = px_story_load(&story, inputs, n, &lo, err);
    if (st == PX_OK && (story->nsources < 2 || story->nsources > PX_WORKSHEET_MAX_SOURCES))
        st = px_error_set(err, PX_EUSAGE, n == 1 ? inputs[0] : NULL, 0,
                          "a worksheet needs 2 to %d sources (got %zu)", PX_WORKSHEET_MAX_SOURCES,
                          story->nsources);
    if (st == PX_OK)
        st = px_story_analyze(story, &a->c.cfg, NULL, err);
    if (st == PX_OK) {
        st = px_worksheet_render(story, &a->ws, &sheet, a->key ? &key : NULL);
        if (st != PX_OK)
            px_error_set(err, st, a->out, 0, "the worksheet could not be rendered");
    }
    if (st == PX_OK)
        st = cli_write(a->out ? a->out : "-", &sheet, err);
    if (st == PX_OK && a->key)
        st = cli_write(a->key, &key, err);
    px_buf_free(&sheet);
    px_buf_free(&key);
    px_story_free(story);
    return st;
}

int cmd_worksheet(int argc, char **argv)
{
    ws_args a = {.ws = {.seed = 1, .level = PX_WORKSHEET_STANDARD}};
    cli_common_init(&a.c);
    int rc = parse(argc, argv, &a);
    if (rc < 0) {
        px_error err = {0};
        px_status st = run(&a, (const char *const *)argv + optind, (size_t)(argc - optind), &err);
        rc = st == PX_OK ? EXIT_OK : cli_report(&err);
    }
    cli_common_free(&a.c);
    return rc;
}
