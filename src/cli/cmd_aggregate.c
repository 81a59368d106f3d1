/*
 * cmd_aggregate.c — `parallax aggregate DIR… -o SUMMARY`: merge the
 * folders of one or more batch runs (shards) into outlets.csv, pairs.csv,
 * stories.csv and summary.html, and say on stderr what was merged.
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "parallax/batch.h"

static void help(void)
{
    printf("Usage: parallax aggregate DIR... -o SUMMARY [OPTIONS]\n\n"
           "Merge the output folders of 'parallax batch' (one run, or the shards of a\n"
           "split run) into SUMMARY/outlets.csv (per outlet: stories, facts per story,\n"
           "omission, unique-fact and conflict rates, lexicon hits per 1,000 words in\n"
           "narration and in quotations), SUMMARY/pairs.csv (per pair: fact overlap and\n"
           "agreement on disputed details), SUMMARY/stories.csv and SUMMARY/summary.html.\n"
           "Every figure comes with a 95%% bootstrap interval over stories, computed with\n"
           "a fixed seed: merging shards gives the same files as one unsharded run.\n\n"
           "Options:\n"
           "  -o, --output DIR      the summary folder (required)\n"
           "      --replicates N    bootstrap resamples (default 1000)\n"
           "      --seed N          bootstrap seed (default fixed)\n"
           "  -q, --quiet           no summary line\n"
           "  -h, --help            show this help\n");
}

static bool parse_count(const char *s, unsigned long long max, unsigned long long *out)
{
    char *end;
    unsigned long long v = strtoull(s, &end, 10);
    if (end == s || *end || v < 1 || v > max)
        return false;
    *out = v;
    return true;
}

int cmd_aggregate(int argc, char **argv)
{
    static const struct option opts[] = {
        {"output", required_argument, NULL, 'o'}, {"replicates", required_argument, NULL, 'r'},
        {"seed", required_argument, NULL, 's'},   {"quiet", no_argument, NULL, 'q'},
        {"help", no_argument, NULL, 'h'},         {NULL, 0, NULL, 0}};
    const char *out = NULL;
    bool quiet = false;
    px_aggregate_opts ao = {0, 0};
    unsigned long long v;
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "o:qh", opts, NULL)) != -1) {
        switch (c) {
        case 'o': out = optarg; break;
        case 'q': quiet = true; break;
        case 'r':
            if (!parse_count(optarg, 1000000, &v))
                return cli_usage("aggregate ", "--replicates wants 1 to 1000000, not '%s'", optarg);
            ao.replicates = (unsigned)v;
            break;
        case 's':
            if (!parse_count(optarg, UINT64_MAX, &v))
                return cli_usage("aggregate ", "--seed wants a positive number, not '%s'", optarg);
            ao.seed = v;
            break;
        case 'h': help(); return EXIT_OK;
        default: return cli_bad_option("aggregate ", argv);
        }
    }
    if (optind >= argc)
        return cli_usage("aggregate ", "no batch folders given");
    if (!out)
        return cli_usage("aggregate ", "no output folder: add -o DIR");
    px_error err = {0};
    px_aggregate_result res;
    px_status st = px_aggregate_run((const char *const *)(argv + optind), (size_t)(argc - optind),
                                    out, &ao, &res, &err);
    if (st != PX_OK)
        return cli_report(&err);
    if (res.missing_shards)
        cli_warn("warning: %u of the %u shards are missing from this merge", res.missing_shards,
                 res.shards);
    if (!quiet)
        fprintf(stderr,
                "parallax: aggregate: %zu stor%s from %zu folder%s (%zu duplicate%s dropped), "
                "%zu outlet%s, %zu pair%s; %zu failed and %zu skipped left out\n",
                res.stories, res.stories == 1 ? "y" : "ies", res.inputs, res.inputs == 1 ? "" : "s",
                res.duplicates, res.duplicates == 1 ? "" : "s", res.outlets,
                res.outlets == 1 ? "" : "s", res.pairs, res.pairs == 1 ? "" : "s", res.failed,
                res.skipped);
    return EXIT_OK;
}
