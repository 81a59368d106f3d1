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
           "  -k, --key PATH        the answer key (HTML)\n"
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
           "  -h, --help            show this help\n\n"
           "Both pages print on A4 and Letter. Example:\n"
           "  parallax worksheet data/stories/biden-putin-call -o sheet.html --key key.html\n");
    printf("\nA SOURCE may also be an http(s) URL.\n%s", cli_fetch_help);
}

typedef struct ws_args {
    const char *out, *key, *lexdir, *furniture;
    bool no_lex, no_furniture;
    px_worksheet_opts ws;
    cli_fetch_opts fetch;
} ws_args;

/* Parse options into a; returns -1 to go on, else the exit code. */
static int parse(int argc, char **argv, ws_args *a, char ***lexfiles, size_t *nlex)
{
    static const struct option opts[] = {
        {"output", required_argument, NULL, 'o'},   {"key", required_argument, NULL, 'k'},
        {"seed", required_argument, NULL, 'S'},     {"level", required_argument, NULL, 'v'},
        {"reveal-outlets", no_argument, NULL, 'R'}, {"lexicons", required_argument, NULL, 'L'},
        {"lexicon", required_argument, NULL, 'l'},  {"no-lexicons", no_argument, NULL, 'N'},
        {"furniture", required_argument, NULL, 'F'}, {"no-furniture", no_argument, NULL, 'n'},
        CLI_FETCH_OPTIONS,
        {"help", no_argument, NULL, 'h'},           {NULL, 0, NULL, 0}};
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "o:k:h", opts, NULL)) != -1) {
        int fr = cli_fetch_option(&a->fetch, c, optarg, "worksheet ");
        if (fr != 0) {
            if (fr < 0)
                return EXIT_USAGE;
            continue;
        }
        char *end;
        switch (c) {
        case 'o': a->out = optarg; break;
        case 'k': a->key = optarg; break;
        case 'R': a->ws.reveal_outlets = true; break;
        case 'L': a->lexdir = optarg; break;
        case 'l': (*lexfiles)[(*nlex)++] = optarg; break;
        case 'N': a->no_lex = true; break;
        case 'F': a->furniture = optarg; break;
        case 'n': a->no_furniture = true; break;
        case 'S':
            a->ws.seed = strtoull(optarg, &end, 10);
            if (!*optarg || *end || *optarg == '-')
                return cli_usage("worksheet ", "--seed wants a whole number, not '%s'", optarg);
            break;
        case 'v':
            if (!px_worksheet_level_parse(optarg, &a->ws.level))
                return cli_usage("worksheet ", "--level wants intro, standard or advanced, "
                                               "not '%s'", optarg);
            break;
        case 'h': help(); return EXIT_OK;
        default: return cli_bad_option("worksheet ", argv);
        }
    }
    return -1;
}

/* Load, analyse and render; the pages are written only when both render. */
static px_status run(const ws_args *a, char **inputs, size_t n, char **lexfiles, size_t nlex,
                     px_error *err)
{
    px_lexset *lex = NULL;
    px_furniture *fur = NULL;
    px_story *story = NULL;
    px_buf sheet, key;
    px_buf_init(&sheet, (size_t)64 << 20);
    px_buf_init(&key, (size_t)64 << 20);
    px_status st = cli_load_lexicons(a->lexdir, a->no_lex, lexfiles, nlex, &lex, err);
    if (st == PX_OK && !a->no_furniture) {
        fur = px_furniture_default();
        if (a->furniture)
            st = px_furniture_load(fur, a->furniture, err);
    }
    px_ingest_opts io = {.furniture = fur};
    if (st == PX_OK) {
        story = px_story_new(cli_story_id(inputs, n));
        st = cli_load_sources(story, inputs, n, &io, &a->fetch, err);
    }
    if (st == PX_OK && (story->nsources < 2 || story->nsources > 26))
        st = px_error_set(err, PX_EUSAGE, n == 1 ? inputs[0] : NULL, 0,
                          "a worksheet needs 2 to 26 sources (got %zu)", story->nsources);
    px_config cfg;
    px_config_defaults(&cfg);
    cfg.lexicons = lex;
    if (st == PX_OK)
        st = px_story_analyze(story, &cfg, NULL, err);
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
    px_furniture_free(fur);
    px_lexset_free(lex);
    return st;
}

int cmd_worksheet(int argc, char **argv)
{
    ws_args a = {.ws = {.seed = 1, .level = PX_WORKSHEET_STANDARD}};
    char **lexfiles = px_xcalloc((size_t)argc + 1, sizeof *lexfiles);
    size_t nlex = 0;
    int rc = parse(argc, argv, &a, &lexfiles, &nlex);
    if (rc < 0 && optind >= argc)
        rc = cli_usage("worksheet ", "no sources given");
    if (rc < 0 && a.key && a.out && !strcmp(a.key, a.out))
        rc = cli_usage("worksheet ", "the worksheet and the key would be the same file");
    if (rc < 0) {
        px_error err = {0};
        px_status st = run(&a, argv + optind, (size_t)(argc - optind), lexfiles, nlex, &err);
        rc = st == PX_OK ? EXIT_OK : cli_report(&err);
    }
    free(lexfiles);
    return rc;
}
