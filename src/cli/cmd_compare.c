/*
 * cmd_compare.c — `parallax compare A B C… [-o FILE] [--format F]`.
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/cli.h"

static void help(void)
{
    px_align_opts ao;
    px_align_defaults(&ao);
    printf("Usage: parallax compare [OPTIONS] SOURCE SOURCE...\n\n"
           "Compare how several outlets tell one story. A SOURCE is a plain-text file\n"
           "(first line the headline), an .html page, a .json/.jsonl file of records, or a\n"
           "folder holding one file per outlet (the outlet id is the file name).\n\n"
           "Options:\n"
           "  -o, --output PATH     write the report to PATH (format from its extension:\n"
           "                        .html, .json, .txt; a folder for csv); default stdout\n"
           "  -f, --format FORMAT   html, json, csv or text (default: from -o, else text)\n"
           "      --lexicons DIR    load lexicons from DIR instead of the installed ones\n"
           "      --lexicon FILE    load one more lexicon (.tsv or .dic); repeatable\n"
           "      --no-lexicons     do not load the lexicon folder (only --lexicon files)\n"
           "      --furniture FILE  more page-furniture patterns for pasted text\n"
           "      --no-furniture    keep pasted text as it is\n"
           "      --threshold X     similarity needed to link two sentences (default %.2f)\n"
           "      --story ID        the story id in the report (default: the folder name)\n"
           "      --color WHEN      text colours: auto, always, never (default auto)\n"
           "  -h, --help            show this help\n\n"
           "Examples:\n"
           "  parallax compare data/stories/biden-putin-call -o report.html\n"
           "  parallax compare a.txt b.html c.txt --format json > report.json\n",
           ao.threshold);
    printf("\nA SOURCE may also be an http(s) URL; records with only a \"url\" are fetched.\n"
           "%s", cli_fetch_help);
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

static px_status write_csv(const px_story *s, const px_report_opts *ro, const char *out,
                           px_error *err)
{
    px_buf facts, scores;
    px_buf_init(&facts, 0);
    px_buf_init(&scores, 0);
    px_status st = px_report_csv_facts(s, ro, &facts);
    if (st == PX_OK)
        st = px_report_csv_scores(s, ro, &scores);
    if (st == PX_OK && (!out || !strcmp(out, "-"))) {
        st = cli_write("-", &facts, err);
    } else if (st == PX_OK) {
        struct stat sb;
        if (stat(out, &sb) != 0 && mkdir(out, 0755) != 0)
            st = px_error_set(err, PX_EIO, out, 0, "cannot create the output folder");
        size_t len = strlen(out) + 16;
        char *p = px_xmalloc(len);
        if (st == PX_OK) {
            snprintf(p, len, "%s/facts.csv", out);
            st = cli_write(p, &facts, err);
        }
        if (st == PX_OK) {
            snprintf(p, len, "%s/scores.csv", out);
            st = cli_write(p, &scores, err);
        }
        free(p);
    }
    px_buf_free(&facts);
    px_buf_free(&scores);
    return st;
}

int cmd_compare(int argc, char **argv)
{
    static const struct option opts[] = {
        {"output", required_argument, NULL, 'o'},   {"format", required_argument, NULL, 'f'},
        {"lexicons", required_argument, NULL, 'L'}, {"lexicon", required_argument, NULL, 'l'},
        {"no-lexicons", no_argument, NULL, 'N'},    {"furniture", required_argument, NULL, 'F'},
        {"no-furniture", no_argument, NULL, 'n'},   {"threshold", required_argument, NULL, 't'},
        {"story", required_argument, NULL, 's'},    {"color", required_argument, NULL, 'c'},
        CLI_FETCH_OPTIONS,
        {"help", no_argument, NULL, 'h'},           {NULL, 0, NULL, 0}};
    const char *out = NULL, *format = NULL, *lexdir = NULL, *furniture = NULL, *story_id = NULL;
    const char *color = "auto";
    bool no_lex = false, no_furniture = false;
    PX_VEC(char *) lexfiles = {0};
    px_config cfg;
    px_config_defaults(&cfg);
    cli_fetch_opts fo = {0};
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "o:f:h", opts, NULL)) != -1) {
        int fr = cli_fetch_option(&fo, c, optarg, "compare ");
        if (fr != 0) {
            if (fr > 0)
                continue;
            px_vec_free(lexfiles);
            return EXIT_USAGE;
        }
        switch (c) {
        case 'o': out = optarg; break;
        case 'f': format = optarg; break;
        case 'L': lexdir = optarg; break;
        case 'l': px_vec_push(lexfiles, optarg); break;
        case 'N': no_lex = true; break;
        case 'F': furniture = optarg; break;
        case 'n': no_furniture = true; break;
        case 's': story_id = optarg; break;
        case 'c': color = optarg; break;
        case 't': {
            char *end;
            cfg.align.threshold = strtod(optarg, &end);
            if (*end || cfg.align.threshold <= 0 || cfg.align.threshold > 1) {
                px_vec_free(lexfiles);
                return cli_usage("compare ", "--threshold wants a number in (0, 1], not '%s'",
                                 optarg);
            }
            break;
        }
        case 'h': help(); px_vec_free(lexfiles); return EXIT_OK;
        default: px_vec_free(lexfiles); return cli_bad_option("compare ", argv);
        }
    }
    if (!format)
        format = format_from_path(out);
    if (!format)
        format = out && strcmp(out, "-") ? NULL : "text";
    if (!format) {
        px_vec_free(lexfiles);
        return cli_usage("compare ", "cannot tell the format from '%s'; add --format", out);
    }
    if (strcmp(format, "html") && strcmp(format, "json") && strcmp(format, "csv") &&
        strcmp(format, "text")) {
        px_vec_free(lexfiles);
        return cli_usage("compare ", "unknown format '%s' (html, json, csv, text)", format);
    }
    if (strcmp(color, "auto") && strcmp(color, "always") && strcmp(color, "never")) {
        px_vec_free(lexfiles);
        return cli_usage("compare ", "--color wants auto, always or never");
    }
    char **inputs = argv + optind;
    size_t ninputs = (size_t)(argc - optind);
    if (ninputs == 0) {
        px_vec_free(lexfiles);
        return cli_usage("compare ", "no sources given");
    }
    px_error err = {0};
    int rc = EXIT_OK;
    px_lexset *lex = NULL;
    px_furniture *fur = NULL;
    px_story *story = NULL;
    px_buf b;
    px_buf_init(&b, 0);
    px_status st = cli_load_lexicons(lexdir, no_lex, lexfiles.v, lexfiles.n, &lex, &err);
    if (st == PX_OK && !no_furniture) {
        fur = px_furniture_default();
        if (furniture)
            st = px_furniture_load(fur, furniture, &err);
    }
    px_ingest_opts io = {.furniture = fur};
    if (st == PX_OK) {
        story = px_story_new(story_id ? story_id : cli_story_id(inputs, ninputs));
        st = cli_load_sources(story, inputs, ninputs, &io, &fo, &err);
    }
    if (st == PX_OK && story->nsources < 2)
        st = px_error_set(&err, PX_EUSAGE, ninputs == 1 ? inputs[0] : NULL, 0,
                          "a comparison needs at least two sources (got %zu)", story->nsources);
    if (st == PX_OK && !story_id && story->nsources && story->articles[0]->story)
        story->id = story->articles[0]->story;
    cfg.lexicons = lex;
    if (st == PX_OK)
        st = px_story_analyze(story, &cfg, NULL, &err);
    if (st == PX_OK) {
        char *cmdline = cli_command_line(argc, argv);
        px_report_opts ro = {cmdline, false, 80};
        if (!strcmp(color, "always") ||
            (!strcmp(color, "auto") && (!out || !strcmp(out, "-")) && isatty(1) &&
             !getenv("NO_COLOR")))
            ro.color = true;
        if (!strcmp(format, "csv")) {
            st = write_csv(story, &ro, out, &err);
        } else {
            if (!strcmp(format, "json"))
                st = px_report_json(story, &ro, &b);
            else if (!strcmp(format, "html"))
                st = px_report_html(story, &ro, &b);
            else
                st = px_report_text(story, &ro, &b);
            if (st != PX_OK)
                px_error_set(&err, st, out, 0, "the report could not be rendered");
            else
                st = cli_write(out ? out : "-", &b, &err);
        }
        free(cmdline);
    }
    if (st != PX_OK)
        rc = cli_report(&err);
    px_buf_free(&b);
    px_story_free(story);
    px_furniture_free(fur);
    px_lexset_free(lex);
    px_vec_free(lexfiles);
    return rc;
}
