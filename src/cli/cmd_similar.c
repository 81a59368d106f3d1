/*
 * cmd_similar.c — `parallax similar FILE|-`: "s1<TAB>s2" lines in,
 * "probability<TAB>same" lines out: the learned model's probability that
 * the two state the same claim, and its verdict. Word weights (IDF) come
 * from all the sentences of the input, as alignment takes them from all
 * the sentences of a story. --similarity prints the term similarity the
 * model starts from instead; --features every feature it weighs.
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"

static void help(void)
{
    printf("Usage: parallax similar [OPTIONS] [FILE|-]\n\n"
           "Read lines \"sentence one<TAB>sentence two\" and print \"probability<TAB>same\" for\n"
           "each: the learned model's probability that the two state the same claim, and\n"
           "same = 1 when it is at least the threshold (0.5).\n\n"
           "Options:\n"
           "  --threshold X       the probability (or similarity) from which same = 1\n"
           "  --similarity        print the weighted term similarity instead of the\n"
           "                      probability (same = 1 from 0.25 unless --threshold)\n"
           "  --features          print the pair features instead (a header line, then\n"
           "                      one tab-separated row per pair)\n"
           "  --align-model FILE  a model written by scripts/train_align.py\n"
           "  -h, --help          show this help\n");
}

int cmd_similar(int argc, char **argv)
{
    static const struct option opts[] = {{"threshold", required_argument, NULL, 't'},
                                         {"features", no_argument, NULL, 'F'},
                                         {"similarity", no_argument, NULL, 'S'},
                                         {"align-model", required_argument, NULL, 'M'},
                                         {"help", no_argument, NULL, 'h'},
                                         {NULL, 0, NULL, 0}};
    double threshold = -1;
    bool features = false, similarity = false;
    const char *model_path = NULL;
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
        switch (c) {
        case 't': threshold = strtod(optarg, NULL); break;
        case 'F': features = true; break;
        case 'S': similarity = true; break;
        case 'M': model_path = optarg; break;
        case 'h': help(); return EXIT_OK;
        default: return cli_bad_option("similar ", argv);
        }
    }
    const char *path = optind < argc ? argv[optind] : "-";
    px_error err = {0};
    px_align_model *model = NULL;
    if (model_path && px_align_model_load(model_path, &model, &err) != PX_OK)
        return cli_report(&err);
    char *data;
    size_t len;
    px_status st = px_file_read(path, 256u << 20, &data, &len, &err);
    if (st != PX_OK) {
        px_align_model_free(model);
        return cli_report(&err);
    }
    size_t bad;
    if (!px_utf8_check(data, len, &bad)) {
        free(data);
        px_error_set(&err, PX_EINPUT, path, 0, "invalid UTF-8 at byte %zu", bad);
        return cli_report(&err);
    }
    px_text_ctx *ctx = px_text_ctx_new();
    px_simmodel *m = px_simmodel_new(ctx);
    typedef struct {
        const char *a, *b;
        size_t al, bl;
    } pair;
    PX_VEC(pair) pairs = {0};
    size_t line = 0;
    for (char *p = data; p < data + len;) {
        char *nl = memchr(p, '\n', (size_t)(data + len - p));
        char *e = nl ? nl : data + len;
        line++;
        if (e > p && e[-1] == '\r')
            e--;
        char *tab = memchr(p, '\t', (size_t)(e - p));
        if (e > p) {
            if (!tab) {
                st = px_error_set(&err, PX_EINPUT, path, line, "expected \"s1<TAB>s2\"");
                break;
            }
            pair pr = {p, tab + 1, (size_t)(tab - p), (size_t)(e - tab - 1)};
            px_vec_push(pairs, pr);
            px_simmodel_add(m, pr.a, pr.al);
            px_simmodel_add(m, pr.b, pr.bl);
        }
        p = nl ? nl + 1 : data + len;
    }
    if (threshold < 0)
        threshold = similarity ? PX_SIMILARITY_THRESHOLD : px_simmodel_threshold(m);
    px_buf b;
    px_buf_init(&b, 0);
    size_t nf;
    const char *const *names = px_align_feature_names(&nf);
    if (features) {
        for (size_t k = 0; k < nf; k++)
            px_buf_printf(&b, "%s%s", k ? "\t" : "", names[k]);
        px_buf_putc(&b, '\n');
    }
    double *f = px_xcalloc(nf, sizeof *f);
    for (size_t i = 0; i < pairs.n && st == PX_OK && features; i++) {
        px_simmodel_features(m, pairs.v[i].a, pairs.v[i].al, pairs.v[i].b, pairs.v[i].bl, f);
        for (size_t k = 0; k < nf; k++)
            px_buf_printf(&b, "%s%.6g", k ? "\t" : "", f[k]);
        px_buf_putc(&b, '\n');
    }
    for (size_t i = 0; i < pairs.n && st == PX_OK && !features; i++) {
        double s = similarity ? px_simmodel_score(m, pairs.v[i].a, pairs.v[i].al, pairs.v[i].b,
                                                  pairs.v[i].bl)
                              : px_simmodel_probability(m, model, pairs.v[i].a, pairs.v[i].al,
                                                        pairs.v[i].b, pairs.v[i].bl);
        px_buf_printf(&b, "%.4f\t%d\n", s, s >= threshold);
    }
    if (st == PX_OK)
        st = cli_write("-", &b, &err);
    px_buf_free(&b);
    free(f);
    px_vec_free(pairs);
    px_simmodel_free(m);
    px_align_model_free(model);
    px_text_ctx_free(ctx);
    free(data);
    return st == PX_OK ? EXIT_OK : cli_report(&err);
}
