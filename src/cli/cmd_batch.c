/*
 * cmd_batch.c — `parallax batch CORPUS -o DIR [--jobs N] [--shard K/N] …`:
 * parse options, load lexicons and furniture once, run px_batch_run, draw
 * its progress, and map the outcome to an exit code (1 when any story
 * failed).
 */
#include <getopt.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "parallax/batch.h"

static void help(void)
{
    printf("Usage: parallax batch CORPUS -o DIR [OPTIONS]\n\n"
           "Analyse every story of a corpus: a JSONL file, one article a line\n"
           "({\"story\", \"outlet\", \"title\", \"date\", \"url\", \"text\" or \"html\"}, a\n"
           "story's articles in any order anywhere in the file), or a folder of story\n"
           "folders. Writes DIR/stories/ID.json per story, DIR/errors.jsonl,\n"
           "DIR/skipped.jsonl (stories with fewer than two outlets), DIR/index.jsonl\n"
           "and DIR/batch.json. Merge outputs with 'parallax aggregate'.\n\n"
           "Options:\n"
           "  -o, --output DIR      the output folder (required)\n"
           "  -j, --jobs N          worker threads (default: the number of cores)\n"
           "      --formats LIST    per-story files: json, html, csv (default json)\n"
           "      --full-json       per-story JSON in the full form (default: the lean\n"
           "                        form, no text twice; see doc/codebook.md)\n"
           "      --shard K/N       only the stories whose id hashes to shard K of N\n"
           "      --resume          keep stories whose outputs match their input\n"
           "  -q, --quiet           no progress and no summary line\n"
           "      --lexicons DIR    load lexicons from DIR instead of the installed ones\n"
           "      --lexicon FILE    load one more lexicon (.tsv or .dic); repeatable\n"
           "      --no-lexicons     do not load the lexicon folder\n"
           "      --furniture FILE  more page-furniture patterns for pasted text\n"
           "      --no-furniture    keep pasted text as it is\n"
           "      --line-model FILE pasted text: this line classifier instead of the\n"
           "                        built-in one (format of data/line-model.txt)\n"
           "      --no-line-model   pasted text: only the furniture patterns remove lines\n"
           "      --threshold X     probability needed to link two sentences (default:\n"
           "                        the model's, 0.5)\n"
           "  -h, --help            show this help\n\n"
           "Exit status: 0 all stories analysed or skipped, 1 some failed (see\n"
           "DIR/errors.jsonl), 2 usage error, 3 the corpus or DIR cannot be used.\n\n"
           "Split a corpus over machines (each shard its own folder), then merge:\n"
           "  parallel --sshlogin 1/alpha,1/beta --workdir $PWD \\\n"
           "    parallax batch corpus.jsonl -o out/{} --shard {}/8 ::: $(seq 8)\n"
           "  sbatch --array=1-8 --wrap 'parallax batch corpus.jsonl \\\n"
           "    -o out/$SLURM_ARRAY_TASK_ID --shard $SLURM_ARRAY_TASK_ID/8'\n"
           "  parallax aggregate out/* -o summary\n");
}

static bool parse_shard(const char *s, unsigned *k, unsigned *n)
{
    char *end;
    unsigned long a = strtoul(s, &end, 10);
    if (end == s || *end != '/')
        return false;
    const char *t = end + 1;
    unsigned long b = strtoul(t, &end, 10);
    if (end == t || *end || a < 1 || b < 1 || a > b || b > 1000000)
        return false;
    *k = (unsigned)a;
    *n = (unsigned)b;
    return true;
}

static bool parse_formats(const char *s, unsigned *out)
{
    static const struct {
        const char *name;
        unsigned bit;
    } names[] = {{"json", PX_BATCH_JSON}, {"html", PX_BATCH_HTML}, {"csv", PX_BATCH_CSV}};
    *out = 0;
    while (*s) {
        size_t n = strcspn(s, ",");
        bool found = false;
        for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
            if (n == strlen(names[i].name) && strncmp(s, names[i].name, n) == 0) {
                *out |= names[i].bit;
                found = true;
            }
        if (!found)
            return false;
        s += n + (s[n] == ',');
    }
    return *out != 0;
}

typedef struct progress_state {
    bool tty, quiet;
    double last; /* elapsed at the last plain line */
    bool drawn;  /* a TTY bar is on screen */
} progress_state;

static void eta_text(double secs, char *out, size_t n)
{
    long s = secs < 0 ? 0 : (long)(secs + 0.5);
    if (s >= 3600)
        snprintf(out, n, "%ld:%02ld:%02ld", s / 3600, s / 60 % 60, s % 60);
    else
        snprintf(out, n, "%ld:%02ld", s / 60, s % 60);
}

/* "1234/10000 12% 245.1/s ETA 0:36, 3 failed" */
static void status_text(const px_batch_progress *p, char *out, size_t n)
{
    size_t work = p->done - p->resumed; /* resumed stories cost no time: leave them out */
    double rate = p->elapsed > 0 ? (double)work / p->elapsed : 0;
    char eta[32] = "?";
    if (rate > 0)
        eta_text((double)(p->total - p->done) / rate, eta, sizeof eta);
    int pct = p->total ? (int)(100.0 * (double)p->done / (double)p->total) : 100;
    snprintf(out, n, "%zu/%zu %3d%% %.1f stories/s ETA %s%s%zu failed", p->done, p->total, pct,
             rate, eta, ", ", p->failed);
}

static void draw_bar(progress_state *ps, const px_batch_progress *p)
{
    char text[160];
    if (p->indexing) {
        snprintf(text, sizeof text, "indexing the corpus: %.1f of %.1f MB",
                 (double)p->bytes_read / 1e6, (double)p->bytes_total / 1e6);
    } else {
        char bar[31];
        size_t fill = p->total ? p->done * 30 / p->total : 30;
        for (size_t i = 0; i < 30; i++)
            bar[i] = i < fill ? '#' : '.';
        bar[30] = '\0';
        char st[120];
        status_text(p, st, sizeof st);
        snprintf(text, sizeof text, "[%s] %s", bar, st);
    }
    fprintf(stderr, "\r\033[K%s", text);
    ps->drawn = true;
}

static void on_progress(const px_batch_progress *p, void *user)
{
    progress_state *ps = user;
    if (ps->quiet)
        return;
    if (ps->tty && !p->finished) {
        draw_bar(ps, p);
    } else if (!ps->tty && !p->finished && !p->indexing && p->elapsed - ps->last >= 10.0) {
        char st[120];
        status_text(p, st, sizeof st);
        fprintf(stderr, "parallax: batch: %s\n", st);
        ps->last = p->elapsed;
    }
    if (p->finished && ps->drawn)
        fputs("\r\033[K", stderr);
}

/* The first line of DIR/errors.jsonl: what failed first, and where. */
static void first_error(const char *outdir)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/errors.jsonl", outdir);
    json_t *o = json_load_file(path, JSON_DISABLE_EOF_CHECK, NULL);
    const char *msg = json_string_value(json_object_get(o, "error"));
    if (msg)
        fprintf(stderr, "parallax: batch: first error: %s\n", msg);
    json_decref(o);
}

/* The same counts as batch.json: stories failed, and apart from them the
 * corpus lines that name no story; then the first error with its line. */
static void summary(const px_batch_progress *p, const char *outdir)
{
    fprintf(stderr,
            "parallax: batch: %zu stor%s in %.1f s: %zu analysed, %zu resumed, %zu failed, "
            "%zu skipped",
            p->total, p->total == 1 ? "y" : "ies", p->elapsed, p->analysed, p->resumed, p->failed,
            p->skipped);
    if (p->bad_lines)
        fprintf(stderr, ", %zu bad line%s (naming no story)", p->bad_lines,
                p->bad_lines == 1 ? "" : "s");
    if (p->failed || p->bad_lines)
        fprintf(stderr, "; see %s/errors.jsonl", outdir);
    fputc('\n', stderr);
    if (p->failed || p->bad_lines)
        first_error(outdir);
}

/* Settings the library cannot see: the furniture file's contents. */
static char *fingerprint(const char *furniture)
{
    if (!furniture)
        return NULL;
    char *data = NULL;
    size_t len = 0;
    if (px_file_read(furniture, 1 << 24, &data, &len, NULL) != PX_OK)
        return NULL;
    char *out = px_xmalloc(48);
    snprintf(out, 48, "furniture %016llx", (unsigned long long)px_hash(data, len));
    free(data);
    return out;
}

typedef struct batch_args {
    const char *out;
    bool quiet;
    px_batch_opts bo;
    cli_common c;
} batch_args;

/* Options into a; returns -1 to go on, else the exit code. */
static int parse_args(int argc, char **argv, batch_args *a)
{
    static const struct option opts[] = {{"output", required_argument, NULL, 'o'},
                                         {"jobs", required_argument, NULL, 'j'},
                                         {"formats", required_argument, NULL, 'f'},
                                         {"shard", required_argument, NULL, 'S'},
                                         {"resume", no_argument, NULL, 'r'},
                                         {"quiet", no_argument, NULL, 'q'},
                                         {"help", no_argument, NULL, 'h'},
                                         CLI_LEXICON_OPTIONS,
                                         {"full-json", no_argument, NULL, 'F'},
                                         CLI_FURNITURE_OPTION,
                                         CLI_LINE_MODEL_OPTIONS,
                                         CLI_NO_FURNITURE_OPTION,
                                         CLI_THRESHOLD_OPTION,
                                         {NULL, 0, NULL, 0}};
    int c;
    char *end;
    optind = 1;
    while ((c = getopt_long(argc, argv, "o:j:qh", opts, NULL)) != -1) {
        int r = cli_common_option(&a->c, c, optarg, "batch ");
        if (r < 0)
            return EXIT_USAGE;
        if (r > 0)
            continue;
        switch (c) {
        case 'o': a->out = optarg; break;
        case 'j': {
            unsigned long j = strtoul(optarg, &end, 10);
            if (*end || j < 1 || j > 1024)
                return cli_usage("batch ", "--jobs wants a number from 1 to 1024, not '%s'",
                                 optarg);
            a->bo.jobs = (unsigned)j;
            break;
        }
        case 'f':
            if (!parse_formats(optarg, &a->bo.formats))
                return cli_usage("batch ", "--formats wants json, html or csv, comma-separated");
            break;
        case 'S':
            if (!parse_shard(optarg, &a->bo.shard, &a->bo.nshards))
                return cli_usage("batch ", "--shard wants K/N with 1 <= K <= N, not '%s'", optarg);
            break;
        case 'r': a->bo.resume = true; break;
        case 'F': a->bo.full_json = true; break;
        case 'q': a->quiet = true; break;
        case 'h': help(); return EXIT_OK;
        default: return cli_bad_option("batch ", argv);
        }
    }
    if (optind != argc - 1)
        return cli_usage("batch ", optind == argc ? "no corpus given" : "one corpus at a time");
    if (!a->out)
        return cli_usage("batch ", "no output folder: add -o DIR");
    return -1;
}

static int run(batch_args *a, const char *corpus)
{
    px_error err = {0};
    px_status st = cli_common_load(&a->c, true, &err);
    px_batch_opts bo = a->bo; /* a copy: it points at ps, which dies with run() */
    bo.config = &a->c.cfg;
    bo.ingest = &a->c.io;
    char *fp = fingerprint(a->c.furniture);
    bo.fingerprint = fp;
    progress_state ps = {isatty(2) != 0, a->quiet, 0, false};
    bo.progress = on_progress;
    bo.user = &ps;
    px_batch_progress res = {0};
    if (st == PX_OK)
        st = px_batch_run(corpus, a->out, &bo, &res, &err);
    int rc = EXIT_OK;
    if (st != PX_OK) {
        if (ps.drawn)
            fputs("\r\033[K", stderr);
        rc = cli_report(&err);
    } else {
        if (!a->quiet)
            summary(&res, a->out);
        rc = res.failed || res.bad_lines ? EXIT_PARTIAL : EXIT_OK;
    }
    free(fp);
    return rc;
}

int cmd_batch(int argc, char **argv)
{
    batch_args a;
    memset(&a, 0, sizeof a);
    cli_common_init(&a.c);
    int rc = parse_args(argc, argv, &a);
    if (rc < 0)
        rc = run(&a, argv[argc - 1]);
    cli_common_free(&a.c);
    return rc;
}
