/*
 * main.c — `parallax SUBCOMMAND …`: dispatch to one file per subcommand.
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"

static const struct {
    const char *name;
    int (*run)(int, char **);
    const char *help;
} commands[] = {
    {"compare", cmd_compare, "compare how several outlets tell one story"},
    {"extract", cmd_extract, "print the cleaned article of a page or pasted text"},
    {"sentences", cmd_sentences, "split text into sentences"},
    {"similar", cmd_similar, "score sentence pairs (\"s1<TAB>s2\" lines)"},
    {"lexicon", cmd_lexicon, "list, show, check and match lexicons"},
    {"fetch", cmd_fetch, "download pages into the cache ahead of time"},
    {"batch", cmd_batch, "analyse every story of a corpus (threads, shards, resume)"},
    {"aggregate", cmd_aggregate, "merge batch outputs into per-outlet statistics"},
    {"worksheet", cmd_worksheet, "a classroom worksheet and answer key from one story"},
};

#define NCOMMANDS (sizeof commands / sizeof commands[0])

static void usage(FILE *f)
{
    fprintf(f, "Usage: parallax COMMAND [OPTIONS] [ARGS]\n\n"
               "Parallax shows how different news outlets tell the same story: the facts\n"
               "each carries or leaves out, where they disagree, and the words they choose.\n\n"
               "Commands:\n");
    for (size_t i = 0; i < NCOMMANDS; i++)
        fprintf(f, "  %-10s %s\n", commands[i].name, commands[i].help);
    fprintf(f, "\nRun 'parallax help COMMAND' (or 'parallax COMMAND --help') for a command's "
               "options;\n'man parallax' for more.\n\nExit codes: 0 ok, 1 some items failed "
               "(batch, extract of several files),\n2 usage error, 3 input error, 4 network "
               "error.\n");
}

/* `parallax help COMMAND`: that command's --help. */
static int command_help(const char *name)
{
    for (size_t i = 0; i < NCOMMANDS; i++)
        if (strcmp(name, commands[i].name) == 0) {
            char *args[] = {(char *)commands[i].name, "--help", NULL};
            return commands[i].run(2, args);
        }
    return cli_usage(NULL, "unknown command '%s'", name);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        usage(stderr);
        return EXIT_USAGE;
    }
    px_tmp_signals(); /* an interrupted write leaves no temporary behind */
    opterr = 0;       /* subcommands report bad options in one line of their own */
    const char *cmd = argv[1];
    if (strcmp(cmd, "help") == 0 && argc > 2)
        return command_help(argv[2]);
    if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0 || strcmp(cmd, "help") == 0) {
        usage(stdout);
        return EXIT_OK;
    }
    if (strcmp(cmd, "--version") == 0 || strcmp(cmd, "-V") == 0) {
        printf("parallax %s\n", px_version());
        return EXIT_OK;
    }
    for (size_t i = 0; i < NCOMMANDS; i++)
        if (strcmp(cmd, commands[i].name) == 0)
            return commands[i].run(argc - 1, argv + 1);
    return cli_usage(NULL, "unknown command '%s'", cmd);
}
