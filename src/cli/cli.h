/*
 * cli.h — the command line: one file per subcommand, helpers in common.c.
 * Only this folder prints; the library returns errors.
 */
#ifndef PX_CLI_H
#define PX_CLI_H

#include <stdio.h>

#include "parallax/parallax.h"
#include "util/toolbox.h"

/* Exit codes (DESIGN.md): one table, used by every subcommand. */
enum {
    EXIT_OK = 0,
    EXIT_PARTIAL = 1, /* batch: some items failed */
    EXIT_USAGE = 2,
    EXIT_INPUT = 3,
    EXIT_NETWORK = 4,
};

int cmd_compare(int argc, char **argv);
int cmd_extract(int argc, char **argv);
int cmd_sentences(int argc, char **argv);
int cmd_similar(int argc, char **argv);
int cmd_lexicon(int argc, char **argv);
int cmd_batch(int argc, char **argv);
int cmd_aggregate(int argc, char **argv);
int cmd_fetch(int argc, char **argv);
int cmd_worksheet(int argc, char **argv);

/* Map a status to an exit code. */
int cli_exit_code(px_status st);
/* Print "parallax: FILE:LINE: message" and return the exit code. */
int cli_report(const px_error *err);
/* Print "parallax: message" (usage errors: adds a hint) and return 2. */
int cli_usage(const char *cmd, const char *fmt, ...) PX_PRINTF(2, 3);
/* After getopt returned '?': name the bad option, return 2. */
int cli_bad_option(const char *cmd, char **argv);
/* Print "parallax: message" on stderr. */
void cli_warn(const char *fmt, ...) PX_PRINTF(1, 2);

/* The lexicon folder: --lexicons, $PARALLAX_LEXICONS, next to the binary
 * (BINDIR/../share/parallax/lexicons when installed), the install prefix,
 * the source tree. */
const char *cli_lexicon_dir(const char *given);
/* Load lexicons: the folder (unless none), plus each extra file. */
px_status cli_load_lexicons(const char *dir, bool no_dir, char **files, size_t nfiles,
                            px_lexset **out, px_error *err);

/* Write b to path atomically ("-" = stdout). */
px_status cli_write(const char *path, const px_buf *b, px_error *err);
/* Refuse inputs given twice (the same URL, or paths naming the same file or
 * folder after realpath): a story would hold each outlet twice. Returns -1
 * when all differ, else prints a usage error and returns 2. */
int cli_check_inputs(const char *cmd, char *const *inputs, size_t n);
/* The whole command line, for method notes. */
char *cli_command_line(int argc, char **argv);

extern const char *cli_argv0;

/* Fetching URLs (cmd_fetch.c): the options compare, extract, worksheet and
 * fetch share, parsed in one place. Add CLI_FETCH_OPTIONS to a getopt_long
 * table and pass unknown codes to cli_fetch_option (or cli_common_option). */
typedef struct cli_fetch_opts {
    px_fetch_opts fetch;
    bool skip_failed; /* a URL that fails is reported and left out */
} cli_fetch_opts;
enum {
    CLI_OPT_CACHE = 0x1000,
    CLI_OPT_NO_CACHE,
    CLI_OPT_OFFLINE,
    CLI_OPT_REFRESH,
    CLI_OPT_CONNECTIONS,
    CLI_OPT_TIMEOUT,
    CLI_OPT_CONNECT_TIMEOUT,
    CLI_OPT_MAX_SIZE,
    CLI_OPT_RETRIES,
    CLI_OPT_SKIP_FAILED,
};
#define CLI_FETCH_OPTIONS                                                                          \
    {"cache", required_argument, NULL, CLI_OPT_CACHE},                                             \
        {"no-cache", no_argument, NULL, CLI_OPT_NO_CACHE},                                         \
        {"offline", no_argument, NULL, CLI_OPT_OFFLINE},                                           \
        {"refresh", no_argument, NULL, CLI_OPT_REFRESH},                                           \
        {"connections", required_argument, NULL, CLI_OPT_CONNECTIONS},                             \
        {"timeout", required_argument, NULL, CLI_OPT_TIMEOUT},                                     \
        {"connect-timeout", required_argument, NULL, CLI_OPT_CONNECT_TIMEOUT},                     \
        {"max-size", required_argument, NULL, CLI_OPT_MAX_SIZE},                                   \
        {"retries", required_argument, NULL, CLI_OPT_RETRIES},                                     \
    {                                                                                              \
        "skip-failed", no_argument, NULL, CLI_OPT_SKIP_FAILED                                      \
    }
/* 1: c was a fetch option, now in f; 0: not one; -1: a bad value (the
 * usage message is printed; exit with EXIT_USAGE). */
int cli_fetch_option(cli_fetch_opts *f, int c, const char *arg, const char *cmd);
/* The --help lines for the fetch options. */
extern const char cli_fetch_help[];
/* A progress line while fetching, on a terminal, when more than two pages
 * are fetched (unless o has a progress callback already). */
void cli_fetch_progress(px_fetch_opts *o);

/* The options compare, worksheet, batch and extract share (options.c):
 * lexicons, the furniture filter, the alignment, fetching. Add the macros
 * below to a getopt_long table, pass unknown codes to cli_common_option,
 * then cli_common_load what they name. */
enum {
    CLI_OPT_LEXICONS = 0x1100,
    CLI_OPT_LEXICON,
    CLI_OPT_NO_LEXICONS,
    CLI_OPT_FURNITURE,
    CLI_OPT_NO_FURNITURE,
    CLI_OPT_THRESHOLD,
    CLI_OPT_ALIGN_MODEL,
    CLI_OPT_LINE_MODEL,
    CLI_OPT_NO_LINE_MODEL,
};
/* clang-format off */
#define CLI_LEXICON_OPTIONS \
    {"lexicons", required_argument, NULL, CLI_OPT_LEXICONS}, \
    {"lexicon", required_argument, NULL, CLI_OPT_LEXICON}, \
    {"no-lexicons", no_argument, NULL, CLI_OPT_NO_LEXICONS}
#define CLI_FURNITURE_OPTION {"furniture", required_argument, NULL, CLI_OPT_FURNITURE}
#define CLI_NO_FURNITURE_OPTION {"no-furniture", no_argument, NULL, CLI_OPT_NO_FURNITURE}
#define CLI_LINE_MODEL_OPTIONS \
    {"line-model", required_argument, NULL, CLI_OPT_LINE_MODEL}, \
    {"no-line-model", no_argument, NULL, CLI_OPT_NO_LINE_MODEL}
#define CLI_THRESHOLD_OPTION {"threshold", required_argument, NULL, CLI_OPT_THRESHOLD}
#define CLI_MODEL_OPTION {"align-model", required_argument, NULL, CLI_OPT_ALIGN_MODEL}
/* clang-format on */

typedef struct cli_common {
    const char *lexdir, *furniture, *model_path, *line_model;
    bool no_lex, no_furniture, no_line_model;
    PX_VEC(char *) lexfiles;
    cli_fetch_opts fetch;
    /* cli_common_load: what the options name, ready to use */
    px_lexset *lex;
    px_furniture *fur;
    px_align_model *model;
    px_config cfg;     /* lexicons, threshold, model */
    px_ingest_opts io; /* the furniture filter */
} cli_common;

void cli_common_init(cli_common *c);
/* 1: code was a shared option, now in c; 0: not one; -1: a bad value (the
 * usage message is printed; exit with EXIT_USAGE). */
int cli_common_option(cli_common *c, int code, const char *arg, const char *cmd);
/* Load the lexicons (when asked), the alignment model and the furniture
 * filter the options name. */
px_status cli_common_load(cli_common *c, bool lexicons, px_error *err);
void cli_common_free(cli_common *c);
/* Loader options from c: fetching as asked, warnings printed; id may be
 * NULL (the story id from the inputs). */
px_load_opts cli_load_opts(cli_common *c, const char *id);

#endif
