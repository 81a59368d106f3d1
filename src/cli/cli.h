/*
 * cli.h — the command line: one file per subcommand, helpers in common.c.
 * Only this folder prints; the library returns errors.
 */
#ifndef PX_CLI_H
#define PX_CLI_H

#include <stdio.h>

#include "parallax/parallax.h"

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
 * (../share/parallax/lexicons), the install prefix, the source tree. */
const char *cli_lexicon_dir(const char *given);
/* Load lexicons: the folder (unless none), plus each extra file. */
px_status cli_load_lexicons(const char *dir, bool no_dir, char **files, size_t nfiles,
                            px_lexset **out, px_error *err);

/* Ingest inputs (files, folders of outlet files, JSON/JSONL) into story. */
px_status cli_load_inputs(px_story *s, char **inputs, size_t n, const px_ingest_opts *o,
                          px_error *err);
/* The story id for a set of inputs: a folder's name, else "story". */
const char *cli_story_id(char **inputs, size_t n);

/* Write b to path atomically ("-" = stdout). */
px_status cli_write(const char *path, const px_buf *b, px_error *err);
/* The whole command line, for method notes. */
char *cli_command_line(int argc, char **argv);

extern const char *cli_argv0;

#endif
