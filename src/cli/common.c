/*
 * common.c — what every subcommand needs: exit codes, error messages,
 * finding lexicons, writing outputs. Inputs are read by the library
 * (px_story_load), options shared by several subcommands in options.c.
 */
#include <getopt.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/cli.h"

const char *cli_argv0 = "parallax";

/* The installed data folder relative to the installed binary (meson.build
 * works it out from bindir and datadir). */
#ifdef PX_DATADIR_FROM_BIN
#define DATADIR_FROM_BIN PX_DATADIR_FROM_BIN
#else
#define DATADIR_FROM_BIN "../share/parallax"
#endif

int cli_exit_code(px_status st)
{
    switch (st) {
    case PX_OK: return EXIT_OK;
    case PX_EUSAGE: return EXIT_USAGE;
    case PX_ENET: return EXIT_NETWORK;
    case PX_EINPUT:
    case PX_ELIMIT:
    case PX_EIO:
    default: return EXIT_INPUT;
    }
}

int cli_report(const px_error *err)
{
    char msg[1200];
    px_error_format(err, msg, sizeof msg);
    fprintf(stderr, "parallax: %s\n", msg);
    return cli_exit_code(err->status);
}

int cli_usage(const char *cmd, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("parallax: ", stderr);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\nTry 'parallax %s--help' for more information.\n", cmd ? cmd : "");
    return EXIT_USAGE;
}

int cli_bad_option(const char *cmd, char **argv)
{
    const char *opt = optind > 0 ? argv[optind - 1] : "?";
    if (optopt && !strchr(opt, optopt))
        return cli_usage(cmd, "unknown option '-%c'", optopt);
    return cli_usage(cmd, "unknown option or missing value: '%s'", opt);
}

void cli_warn(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("parallax: ", stderr);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
}

static bool is_dir(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

const char *cli_lexicon_dir(const char *given)
{
    static char buf[PATH_MAX + 64];
    if (given)
        return given;
    const char *env = getenv("PARALLAX_LEXICONS");
    if (env && *env)
        return env;
    char exe[PATH_MAX - 64];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        exe[n] = '\0';
        char *slash = strrchr(exe, '/');
        if (slash) {
            *slash = '\0';
            snprintf(buf, sizeof buf, "%s/%s/lexicons", exe, DATADIR_FROM_BIN);
            if (is_dir(buf))
                return buf;
        }
    }
    snprintf(buf, sizeof buf, "%s/lexicons", PX_DATADIR);
    if (is_dir(buf))
        return buf;
    snprintf(buf, sizeof buf, "%s/lexicons", PX_SOURCE_ROOT);
    if (is_dir(buf))
        return buf;
    return NULL;
}

px_status cli_load_lexicons(const char *dir, bool no_dir, char **files, size_t nfiles,
                            px_lexset **out, px_error *err)
{
    px_lexset *set = px_lexset_new();
    px_status st = PX_OK;
    if (!no_dir) {
        const char *d = cli_lexicon_dir(dir);
        if (!d)
            st = px_error_set(err, PX_EINPUT, NULL, 0,
                              "no lexicon folder found; pass --lexicons DIR");
        else
            st = px_lexset_load_dir(set, d, err);
    }
    for (size_t i = 0; i < nfiles && st == PX_OK; i++) {
        px_lexicon *l;
        st = px_lexicon_load(files[i], &l, err);
        if (st == PX_OK) {
            if (px_lexset_find(set, l->name)) {
                st = px_error_set(err, PX_EUSAGE, files[i], 0,
                                  "a lexicon named '%s' is already loaded", l->name);
                px_lexicon_free(l);
            } else {
                px_lexset_add(set, l);
            }
        }
    }
    if (st != PX_OK) {
        px_lexset_free(set);
        return st;
    }
    for (size_t i = 0; i < px_lexset_count(set); i++) {
        const px_lexicon *l = px_lexset_get(set, i);
        for (size_t w = 0; w < l->nwarnings; w++)
            cli_warn("warning: %s", l->warnings[w]);
    }
    *out = set;
    return PX_OK;
}

px_status cli_write(const char *path, const px_buf *b, px_error *err)
{
    return px_file_write_atomic(path, b->data ? b->data : "", b->len, err);
}

/* What an input names, for spotting one given twice: a URL as it is, a
 * path resolved (NULL when it does not resolve: the loader reports it). */
static char *resolved(const char *input)
{
    return px_fetch_is_url(input) ? px_xstrdup(input) : realpath(input, NULL);
}

int cli_check_inputs(const char *cmd, char *const *inputs, size_t n)
{
    char **real = px_xcalloc(n ? n : 1, sizeof *real);
    int rc = -1;
    for (size_t i = 0; i < n; i++)
        real[i] = resolved(inputs[i]);
    for (size_t i = 1; i < n && rc < 0; i++)
        for (size_t j = 0; j < i && rc < 0 && real[i]; j++) {
            if (!real[j] || strcmp(real[i], real[j]) != 0)
                continue;
            if (strcmp(inputs[j], inputs[i]) == 0)
                rc = cli_usage(cmd, "'%s' is given twice: give each outlet once", inputs[i]);
            else
                rc = cli_usage(cmd, "'%s' and '%s' are the same %s: give each outlet once",
                               inputs[j], inputs[i], is_dir(real[i]) ? "folder" : "file");
        }
    for (size_t i = 0; i < n; i++)
        free(real[i]);
    free(real);
    return rc;
}

char *cli_command_line(int argc, char **argv)
{
    px_buf b;
    px_buf_init(&b, 0);
    px_buf_puts(&b, "parallax");
    for (int i = 0; i < argc; i++) {
        px_buf_putc(&b, ' ');
        px_buf_puts(&b, argv[i]);
    }
    return px_buf_detach(&b, NULL);
}
