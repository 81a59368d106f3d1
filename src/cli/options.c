/*
 * options.c — the options compare, worksheet, batch and extract share,
 * parsed in one place: the lexicons (--lexicons, --lexicon, --no-lexicons),
 * the furniture filter (--furniture, --no-furniture, --line-model,
 * --no-line-model), the alignment
 * (--threshold, --align-model) and fetching (cmd_fetch.c's table). A
 * subcommand adds the macros of cli.h to its getopt_long table, passes the
 * codes it does not know to cli_common_option, then loads what they name
 * with cli_common_load.
 */
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"

int cli_common_option(cli_common *c, int code, const char *arg, const char *cmd)
{
    int fr = cli_fetch_option(&c->fetch, code, arg, cmd);
    if (fr != 0)
        return fr;
    char *end;
    switch (code) {
    case CLI_OPT_LEXICONS: c->lexdir = arg; return 1;
    case CLI_OPT_LEXICON: px_vec_push(c->lexfiles, (char *)arg); return 1;
    case CLI_OPT_NO_LEXICONS: c->no_lex = true; return 1;
    case CLI_OPT_FURNITURE: c->furniture = arg; return 1;
    case CLI_OPT_NO_FURNITURE: c->no_furniture = true; return 1;
    case CLI_OPT_LINE_MODEL: c->line_model = arg; return 1;
    case CLI_OPT_NO_LINE_MODEL: c->no_line_model = true; return 1;
    case CLI_OPT_ALIGN_MODEL: c->model_path = arg; return 1;
    case CLI_OPT_THRESHOLD:
        c->cfg.align.threshold = strtod(arg, &end);
        if (*end || !(c->cfg.align.threshold > 0) || c->cfg.align.threshold > 1)
            return cli_usage(cmd, "--threshold wants a number in (0, 1], not '%s'", arg), -1;
        return 1;
    default: return 0;
    }
}

void cli_common_init(cli_common *c)
{
    memset(c, 0, sizeof *c);
    px_config_defaults(&c->cfg);
}

px_status cli_common_load(cli_common *c, bool lexicons, px_error *err)
{
    px_status st = PX_OK;
    if (lexicons)
        st = cli_load_lexicons(c->lexdir, c->no_lex, c->lexfiles.v, c->lexfiles.n, &c->lex, err);
    if (st == PX_OK && c->model_path)
        st = px_align_model_load(c->model_path, &c->model, err);
    if (st == PX_OK && !c->no_furniture) {
        c->fur = px_furniture_default();
        if (c->furniture)
            st = px_furniture_load(c->fur, c->furniture, err);
        if (st == PX_OK && c->line_model)
            st = px_furniture_load_model(c->fur, c->line_model, err);
        if (c->no_line_model)
            px_furniture_rules_only(c->fur);
    }
    c->cfg.lexicons = c->lex;
    c->cfg.align.model = c->model;
    c->io.furniture = c->fur;
    return st;
}

void cli_common_free(cli_common *c)
{
    px_lexset_free(c->lex);
    px_furniture_free(c->fur);
    px_align_model_free(c->model);
    px_vec_free(c->lexfiles);
    c->lex = NULL;
    c->fur = NULL;
    c->model = NULL;
}

/* The loader's warnings, on stderr. */
static void load_warning(void *ctx, px_load_event what, const px_error *e)
{
    (void)ctx;
    if (what == PX_LOAD_CACHE_WARNING) {
        cli_warn("warning: %s", e->message);
        return;
    }
    char msg[1200];
    px_error_format(e, msg, sizeof msg);
    cli_warn("%s (skipped: --skip-failed)", msg);
}

px_load_opts cli_load_opts(cli_common *c, const char *id)
{
    cli_fetch_progress(&c->fetch.fetch);
    px_load_opts o = {.id = id,
                      .ingest = &c->io,
                      .fetch = &c->fetch.fetch,
                      .skip_failed = c->fetch.skip_failed,
                      .warn = load_warning};
    return o;
}
