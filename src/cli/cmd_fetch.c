/*
 * cmd_fetch.c — URLs on the command line: `parallax fetch URL…` to fill the
 * cache, and the shared part every input-taking subcommand uses.
 *
 * Shared: the fetch options (cli_fetch_option, one table for compare,
 * extract, worksheet and fetch), and cli_load_sources' helper that fetches
 * all the URLs of a run at once — URL arguments and the "url" of records
 * without text — before anything is ingested, so that the downloads run in
 * parallel and the sources still come out in the order they were given. A
 * progress line shows on a terminal when more than two pages are fetched.
 */
#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli/cli.h"

const char cli_fetch_help[] =
    "Fetching (for URL sources; pages are cached):\n"
    "      --cache DIR       the page cache (default $XDG_CACHE_HOME/parallax,\n"
    "                        else ~/.cache/parallax)\n"
    "      --no-cache        neither read nor write the cache\n"
    "      --offline         use only cached pages; fail on a page not cached\n"
    "      --refresh         fetch again even when cached\n"
    "      --connections N   downloads at once (default 8; at most 2 per host)\n"
    "      --timeout S       seconds for a whole download (default 30)\n"
    "      --connect-timeout S  seconds to connect (default 10)\n"
    "      --max-size SIZE   largest page, e.g. 10M or 500K (default 10M)\n"
    "      --retries N       retries after a connection failure, 429 or 5xx\n"
    "                        (default 3, with backoff; 0 for none)\n"
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
        if (*end == units[i].suffix && (!*end || !end[1] || !strcmp(end + 1, "iB") ||
                                        !strcmp(end + 1, "B"))) {
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
                             c == CLI_OPT_TIMEOUT ? "" : "connect-", arg), -1;
        return 1;
    case CLI_OPT_MAX_SIZE:
        if (!parse_size(arg, &o->max_bytes))
            return cli_usage(cmd, "--max-size wants a size such as 10M or 500K, not '%s'", arg),
                   -1;
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

/* A record that names a page but carries no text: its URL is fetched. */
static void record_url(px_arena *a, json_t *r, url_list *urls)
{
    json_t *u = json_object_get(r, "url");
    if (json_is_object(r) && json_is_string(u) && !json_object_get(r, "text") &&
        !json_object_get(r, "html") && px_fetch_is_url(json_string_value(u)))
        px_vec_push(*urls, px_arena_strdup(a, json_string_value(u)));
}

static bool has_ext(const char *path, const char *ext)
{
    size_t n = strlen(path), e = strlen(ext);
    return n > e && strcasecmp(path + n - e, ext) == 0;
}

/* The record URLs of a .json/.jsonl file (a JSON value, or JSON Lines).
 * A file that cannot be read is left for the ingest to report. */
static void scan_records(px_arena *a, const char *path, url_list *urls)
{
    char *data;
    size_t len;
    if (px_file_read(path, (size_t)64 << 20, &data, &len, NULL) != PX_OK)
        return;
    json_t *j = json_loadb(data, len, 0, NULL);
    if (json_is_array(j)) { /* false for NULL too */
        for (size_t i = 0; i < json_array_size(j); i++)
            record_url(a, json_array_get(j, i), urls);
    } else if (j) {
        record_url(a, j, urls);
    } else {
        for (char *line = data, *nl; line < data + len; line = nl + 1) {
            nl = memchr(line, '\n', (size_t)(data + len - line));
            if (!nl)
                nl = data + len;
            json_t *r = json_loadb(line, (size_t)(nl - line), 0, NULL);
            record_url(a, r, urls);
            json_decref(r);
        }
    }
    json_decref(j);
    free(data);
}

/* The URLs an input brings: itself, or its records' (a file or the
 * .json/.jsonl files of a folder). */
static void scan_input(px_arena *a, const char *in, url_list *urls)
{
    struct stat st;
    if (px_fetch_is_url(in)) {
        px_vec_push(*urls, in);
    } else if (stat(in, &st) == 0 && S_ISDIR(st.st_mode)) {
        DIR *d = opendir(in);
        struct dirent *e;
        while (d && (e = readdir(d)))
            if (e->d_name[0] != '.' && (has_ext(e->d_name, ".json") || has_ext(e->d_name, ".jsonl")))
                scan_records(a, px_arena_printf(a, "%s/%s", in, e->d_name), urls);
        if (d)
            closedir(d);
    } else if (has_ext(in, ".json") || has_ext(in, ".jsonl")) {
        scan_records(a, in, urls);
    }
}

/* The pages of one run, fetched together. */
typedef struct web {
    px_arena *a;
    px_page *pages;
    px_map *index; /* URL → page */
    px_fetch_opts fetch;
    px_ingest_opts io; /* for the pages' articles */
} web;

/* The fetch options with the progress line added on a terminal. */
static px_fetch_opts run_opts(const cli_fetch_opts *f, size_t nurls)
{
    px_fetch_opts o = {0};
    if (f)
        o = f->fetch;
    if (nurls > 2 && isatty(STDERR_FILENO) && !o.progress)
        o.progress = show_progress;
    return o;
}

static void warn_cache(const px_page *pages, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (pages[i].cache_warning)
            cli_warn("warning: %s", pages[i].cache_warning);
}

/* The page behind a record's "url" (ingest hook): fetched with the rest,
 * or now if the scan missed it. */
static px_status record_page(void *ctx, px_arena *a, const char *url, px_article **out,
                             px_error *err)
{
    web *w = ctx;
    uintptr_t k;
    if (px_map_get(w->index, url, strlen(url), &k))
        return px_fetch_ingest(a, &w->pages[k], &w->io, out, err);
    px_page *p;
    px_status st = px_fetch(w->a, &url, 1, &w->fetch, &p, err);
    warn_cache(p, 1);
    return st == PX_OK ? px_fetch_ingest(a, p, &w->io, out, err) : st;
}

/* A URL argument → a source; with --skip-failed a failure is reported and
 * the run goes on. */
static px_status add_url(web *w, px_story *s, const char *url, bool skip, px_error *err)
{
    uintptr_t k = 0;
    px_map_get(w->index, url, strlen(url), &k);
    px_article *art;
    px_error e = {0};
    px_status st = px_fetch_ingest(px_story_arena(s), &w->pages[k], &w->io, &art, &e);
    if (st == PX_OK)
        return px_story_add(s, art, err);
    if (!skip) {
        *err = e;
        return st;
    }
    char msg[1200];
    px_error_format(&e, msg, sizeof msg);
    cli_warn("%s (skipped: --skip-failed)", msg);
    return PX_OK;
}

/* Fetch the URLs the inputs bring, all at once. */
static void web_open(web *w, char **inputs, size_t n, const px_ingest_opts *o,
                     const cli_fetch_opts *f)
{
    *w = (web){.a = px_arena_new(), .index = px_map_new()};
    url_list urls = {0};
    for (size_t i = 0; i < n; i++)
        scan_input(w->a, inputs[i], &urls);
    if (o)
        w->io = *o;
    w->fetch = run_opts(f, urls.n);
    if (urls.n) {
        px_fetch(w->a, urls.v, urls.n, &w->fetch, &w->pages, NULL);
        warn_cache(w->pages, urls.n);
        for (size_t i = 0; i < urls.n; i++)
            px_map_put(w->index, urls.v[i], strlen(urls.v[i]), i);
    }
    px_vec_free(urls);
}

static void web_close(web *w)
{
    px_map_free(w->index);
    px_arena_free(w->a);
}

/* Ingest options whose records with only a "url" read the fetched page. */
static px_ingest_opts web_ingest_opts(web *w)
{
    px_ingest_opts io = w->io;
    io.fetch_url = record_page;
    io.fetch_ctx = w;
    return io;
}

px_status cli_load_sources(px_story *s, char **inputs, size_t n, const px_ingest_opts *o,
                           const cli_fetch_opts *f, px_error *err)
{
    web w;
    web_open(&w, inputs, n, o, f);
    px_ingest_opts io = web_ingest_opts(&w);
    px_status st = PX_OK;
    for (size_t i = 0; i < n && st == PX_OK; i++)
        st = px_fetch_is_url(inputs[i])
                 ? add_url(&w, s, inputs[i], f && f->skip_failed, err)
                 : cli_load_local(s, inputs[i], &io, err);
    web_close(&w);
    return st;
}

px_status cli_ingest_input(px_arena *a, const char *input, const px_ingest_opts *o,
                           const cli_fetch_opts *f, px_article ***out, size_t *count,
                           px_error *err)
{
    web w;
    char *in = (char *)input;
    web_open(&w, &in, 1, o, f);
    px_ingest_opts io = web_ingest_opts(&w);
    px_status st;
    if (px_fetch_is_url(input)) {
        *out = px_arena_alloc(a, sizeof **out);
        *count = 1;
        st = px_fetch_ingest(a, &w.pages[0], &w.io, &(*out)[0], err);
        if (st != PX_OK)
            *count = 0;
    } else {
        st = px_ingest_file(a, input, &io, out, count, err);
    }
    web_close(&w);
    return st;
}

static void help(void)
{
    printf("Usage: parallax fetch [OPTIONS] URL|FILE...\n\n"
           "Download pages into the cache ahead of time, several at once, so that a later\n"
           "'parallax compare' (or one with --offline, in a classroom without internet)\n"
           "reads them from there. A FILE is a .json/.jsonl corpus (the \"url\" of records\n"
           "without text) or a list of URLs, one a line ('#' starts a comment).\n"
           "Prints one line per page; errors go to stderr.\n\n"
           "Options:\n"
           "  -q, --quiet           print only errors\n"
           "  -h, --help            show this help\n\n%s\n"
           "Exit codes: 0 every page is cached, 4 some page failed (network, HTTP,\n"
           "size or type), 2 usage, 3 an unreadable list.\n",
           cli_fetch_help);
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

static int fetch_all(px_arena *a, url_list *urls, const cli_fetch_opts *f, bool quiet)
{
    px_fetch_opts o = run_opts(f, urls->n);
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
        else if (has_ext(argv[i], ".json") || has_ext(argv[i], ".jsonl"))
            scan_records(a, argv[i], &urls);
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
