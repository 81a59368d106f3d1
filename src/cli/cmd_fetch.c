/*
 * cmd_fetch.c — URLs on the command line: `parallax fetch URL…` to fill the
 * cache, and the fetch options every input-taking subcommand shares
 * (cli_fetch_option, one table for compare, extract, worksheet and fetch).
 * Which URLs a file or folder brings is the library's (px_load_urls, the
 * loader px_story_load fetches with). A progress line shows on a terminal
 * when more than two pages are fetched.
 */
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli/cli.h"

/* The fetch options' help, in parts: `fetch` words --offline its own way
 * and has no --skip-failed (it always goes on past a failed page). */
#define HELP_CACHE                                                                                 \
    "      --cache DIR       the page cache (default $XDG_CACHE_HOME/parallax,\n"                  \
    "                        else ~/.cache/parallax)\n"                                            \
    "      --no-cache        neither read nor write the cache\n"
#define HELP_NETWORK                                                                               \
    "      --refresh         fetch again even when cached\n"                                       \
    "      --connections N   downloads at once (default 8; at most 2 per host)\n"                  \
    "      --timeout S       seconds for a whole download (default 30)\n"                          \
    "      --connect-timeout S  seconds to connect (default 10)\n"                                 \
    "      --max-size SIZE   largest page, e.g. 10M or 500K (default 10M)\n"                       \
    "      --retries N       retries after a connection failure, 429 or 5xx\n"                     \
    "                        (default 3, with backoff; 0 for none)\n"

const char cli_fetch_help[] =
    "Fetching (for URL sources; pages are cached):\n" HELP_CACHE
    "      --offline         use only cached pages; fail on a page not cached\n" HELP_NETWORK
    "      --skip-failed     report a URL that fails and go on without it\n";

/* "2", "1.5" seconds → ms; false when not a positive number. */
static bool parse_seconds(const char *s, long *ms)
{
    char *end;
    errno = 0;
    double v = strtod(s, &end);
    if (errno || end == s || *end || v <= 0 || v > 86400)
        return false;
    *ms = (long)(v * 1000 + 0.5);
    return *ms > 0;
}

/* "10M", "500K", "2G", "1000" → bytes. */
static bool parse_size(const char *s, size_t *bytes)
{
    static const struct {
        char suffix;
        unsigned shift;
    } units[] = {{'\0', 0}, {'K', 10}, {'k', 10}, {'M', 20}, {'m', 20}, {'G', 30}, {'g', 30}};
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno || end == s || v == 0 || *s == '-')
        return false;
    for (size_t i = 0; i < sizeof units / sizeof units[0]; i++)
        if (*end == units[i].suffix &&
            (!*end || !end[1] || !strcmp(end + 1, "iB") || !strcmp(end + 1, "B"))) {
            if (v > (SIZE_MAX >> units[i].shift))
                return false;
            *bytes = (size_t)v << units[i].shift;
            return true;
        }
    return false;
}

static bool parse_count(const char *s, int min, int max, int *out)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno || end == s || *end || v < min || v > max)
        return false;
    *out = (int)v;
    return true;
}

int cli_fetch_option(cli_fetch_opts *f, int c, const char *arg, const char *cmd)
{
    px_fetch_opts *o = &f->fetch;
    int n;
    switch (c) {
    case CLI_OPT_CACHE: o->cache_dir = arg; return 1;
    case CLI_OPT_NO_CACHE: o->no_cache = true; return 1;
    case CLI_OPT_OFFLINE: o->offline = true; return 1;
    case CLI_OPT_REFRESH: o->refresh = true; return 1;
    case CLI_OPT_SKIP_FAILED: f->skip_failed = true; return 1;
    case CLI_OPT_CONNECTIONS:
        if (!parse_count(arg, 1, 64, &o->connections))
            return cli_usage(cmd, "--connections wants a number from 1 to 64, not '%s'", arg), -1;
        return 1;
    case CLI_OPT_RETRIES:
        if (!parse_count(arg, 0, 10, &n))
            return cli_usage(cmd, "--retries wants a number from 0 to 10, not '%s'", arg), -1;
        o->retries = n ? n : -1;
        return 1;
    case CLI_OPT_TIMEOUT:
    case CLI_OPT_CONNECT_TIMEOUT:
        if (!parse_seconds(arg, c == CLI_OPT_TIMEOUT ? &o->timeout_ms : &o->connect_timeout_ms))
            return cli_usage(cmd, "--%stimeout wants seconds, e.g. 30 or 2.5, not '%s'",
                             c == CLI_OPT_TIMEOUT ? "" : "connect-", arg),
                   -1;
        return 1;
    case CLI_OPT_MAX_SIZE:
        if (!parse_size(arg, &o->max_bytes))
            return cli_usage(cmd, "--max-size wants a size such as 10M or 500K, not '%s'", arg), -1;
        return 1;
    default: return 0;
    }
}

/* Progress on stderr, on a terminal only: "fetching 3/8 pages, 1.2 MiB". */
static void show_progress(void *ctx, const px_fetch_progress *p)
{
    (void)ctx;
    fprintf(stderr, "\rparallax: fetching %zu/%zu pages, %.1f MiB", p->done, p->total,
            (double)p->bytes / (1 << 20));
    if (p->failed)
        fprintf(stderr, ", %zu failed", p->failed);
    fputs("\033[K", stderr);
    if (p->done == p->total)
        fputs("\r\033[K", stderr);
    fflush(stderr);
}

typedef PX_VEC(const char *) url_list;

static void show_progress_maybe(void *ctx, const px_fetch_progress *p)
{
    if (p->total > 2)
        show_progress(ctx, p);
}

void cli_fetch_progress(px_fetch_opts *o)
{
    if (!o->progress && isatty(STDERR_FILENO))
        o->progress = show_progress_maybe;
}

static void warn_cache(const px_page *pages, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (pages[i].cache_warning)
            cli_warn("warning: %s", pages[i].cache_warning);
}

static void help(void)
{
    printf("Usage: parallax fetch [OPTIONS] URL|FILE...\n\n"
           "Download pages into the cache ahead of time, several at once, so that a later\n"
           "'parallax compare' (or one with --offline, in a classroom without internet)\n"
           "reads them from there. A FILE is a .json/.jsonl corpus or a story folder (the\n"
           "\"url\" of records without text) or a list of URLs, one a line ('#' starts a\n"
           "comment).\n"
           "Prints one line per page; errors go to stderr. A page that fails is named and\n"
           "the others are still fetched.\n\n"
           "Options:\n"
           "  -q, --quiet           print only errors\n" HELP_CACHE
           "      --offline         download nothing: check that every page is in the\n"
           "                        cache (a page that is not is named, exit 4)\n" HELP_NETWORK
           "  -h, --help            show this help\n\n"
           "Exit codes: 0 every page is cached, 4 some page failed (network, HTTP,\n"
           "size or type), 2 usage, 3 an unreadable list.\n");
}

/* The URLs of a list file, one a line. */
static px_status read_list(px_arena *a, const char *path, url_list *urls, px_error *err)
{
    char *data;
    size_t len;
    px_status st = px_file_read(path, (size_t)16 << 20, &data, &len, err);
    size_t line = 0;
    for (char *p = data, *nl; st == PX_OK && p < data + len; p = nl + 1) {
        line++;
        nl = memchr(p, '\n', (size_t)(data + len - p));
        if (!nl)
            nl = data + len;
        char *e = nl;
        while (p < e && (*p == ' ' || *p == '\t'))
            p++;
        while (e > p && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r'))
            e--;
        if (p == e || *p == '#')
            continue;
        char *u = px_arena_strndup(a, p, (size_t)(e - p));
        if (px_fetch_is_url(u))
            px_vec_push(*urls, u);
        else
            st = px_error_set(err, PX_EINPUT, path, line, "not an http or https URL: %s", u);
    }
    free(data);
    return st;
}

/* One line per page: what happened to it. */
static void print_page(const px_page *p)
{
    char when[64] = "";
    time_t t = (time_t)p->fetched_at;
    struct tm tm;
    if (gmtime_r(&t, &tm))
        strftime(when, sizeof when, "%Y-%m-%d %H:%M UTC", &tm);
    if (p->cached)
        printf("cached   %s (fetched %s)\n", p->url, when);
    else
        printf("fetched  %s (HTTP %ld, %zu bytes%s%s)\n", p->url, p->http_status, p->len,
               strcmp(p->final_url, p->url) ? ", from " : "",
               strcmp(p->final_url, p->url) ? p->final_url : "");
}

static bool is_dir(const char *p)
{
    struct stat sb;
    return stat(p, &sb) == 0 && S_ISDIR(sb.st_mode);
}

/* The URLs a file of records or a story folder brings, as compare would
 * fetch them. */
static void add_urls(px_arena *a, const char *input, url_list *urls)
{
    const char **found;
    size_t n;
    px_load_urls(a, &input, 1, NULL, &found, &n);
    for (size_t i = 0; i < n; i++)
        px_vec_push(*urls, found[i]);
}

static int fetch_all(px_arena *a, url_list *urls, const cli_fetch_opts *f, bool quiet)
{
    px_fetch_opts o = f->fetch;
    cli_fetch_progress(&o);
    px_page *pages;
    px_error err;
    px_status st = px_fetch(a, urls->v, urls->n, &o, &pages, &err);
    warn_cache(pages, urls->n);
    int rc = EXIT_OK;
    for (size_t i = 0; i < urls->n; i++) {
        if (pages[i].status == PX_OK) {
            if (!quiet)
                print_page(&pages[i]);
            continue;
        }
        int code = cli_report(&pages[i].err);
        if (rc == EXIT_OK)
            rc = code;
    }
    fflush(stdout);
    return st == PX_OK ? EXIT_OK : rc;
}

int cmd_fetch(int argc, char **argv)
{
    static const struct option opts[] = {{"quiet", no_argument, NULL, 'q'},
                                         {"help", no_argument, NULL, 'h'},
                                         CLI_FETCH_OPTIONS,
                                         {NULL, 0, NULL, 0}};
    cli_fetch_opts f = {0};
    bool quiet = false;
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "qh", opts, NULL)) != -1) {
        if (c == CLI_OPT_SKIP_FAILED)
            return cli_usage("fetch ", "fetch always goes on past a page that fails; "
                                       "--skip-failed is for compare, extract and worksheet");
        int r = cli_fetch_option(&f, c, optarg, "fetch ");
        if (r < 0)
            return EXIT_USAGE;
        if (r > 0)
            continue;
        switch (c) {
        case 'q': quiet = true; break;
        case 'h': help(); return EXIT_OK;
        default: return cli_bad_option("fetch ", argv);
        }
    }
    if (optind >= argc)
        return cli_usage("fetch ", "give at least one URL (or a file listing them)");
    px_arena *a = px_arena_new();
    url_list urls = {0};
    px_error err = {0};
    px_status st = PX_OK;
    for (int i = optind; i < argc && st == PX_OK; i++) {
        if (px_fetch_is_url(argv[i]))
            px_vec_push(urls, argv[i]);
        else if (access(argv[i], R_OK) != 0)
            st = px_error_set(&err, PX_EINPUT, argv[i], 0, "cannot open: %s", strerror(errno));
        else if (px_ingest_is_records(argv[i]) || is_dir(argv[i]))
            add_urls(a, argv[i], &urls);
        else
            st = read_list(a, argv[i], &urls, &err);
    }
    int rc;
    if (st != PX_OK)
        rc = cli_report(&err);
    else if (urls.n == 0)
        rc = cli_usage("fetch ", "no URLs found in the arguments");
    else
        rc = fetch_all(a, &urls, &f, quiet);
    px_vec_free(urls);
    px_arena_free(a);
    return rc;
}
