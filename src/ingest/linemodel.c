/*
 * linemodel.c — the line classifier for pasted text: a logistic regression
 * over the features of lines.c, and a two-state sequence model (article
 * line, furniture line) that lets neighbours sway a line's label.
 *
 * The weights are data (data/line-model.txt, compiled in; `--line-model
 * FILE` reads another, which is how scripts/train_lines.py cross-validates
 * the real binary). The file is text, one setting a line:
 *
 *   format parallax-line-model 1
 *   bias B
 *   feature NAME WEIGHT MEAN SCALE   z = (x - MEAN) / SCALE, adds WEIGHT * z
 *   threshold T                      furniture when p >= T (no sequence model)
 *   prior P                          the share of furniture lines in training
 *   stay B F                         P(next line is article | article), P(… furniture | furniture)
 *
 * With `stay`, the labels are the most probable sequence (Viterbi): each
 * line's probability, divided by the prior, against the odds of staying
 * in or leaving the article. Features the file does not list weigh 0; a
 * name it lists that lines.c does not know is an error naming the line.
 *
 * Hands on: px_line_model_classify to furniture.c.
 */
#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "ingest/lines.h"

extern const char px_embed_line_model[];
extern const size_t px_embed_line_model_len;

struct px_line_model {
    double bias, w[PX_LINE_NFEAT], mean[PX_LINE_NFEAT], scale[PX_LINE_NFEAT];
    bool seen[PX_LINE_NFEAT];
    double threshold, prior, stay_body, stay_furn;
    bool sequence;
};

/* Up to max numbers after the key; false if one is not a finite number. */
static bool numbers(char *s, double *v, size_t want)
{
    for (size_t i = 0; i < want; i++) {
        char *end;
        while (*s == ' ' || *s == '\t')
            s++;
        v[i] = strtod(s, &end);
        if (end == s || !isfinite(v[i]) || (*end && *end != ' ' && *end != '\t'))
            return false;
        s = end;
    }
    while (*s == ' ' || *s == '\t')
        s++;
    return *s == '\0';
}

static int feature_index(const char *name, size_t n)
{
    for (int k = 0; k < PX_LINE_NFEAT; k++)
        if (strlen(px_line_feature_names[k]) == n && memcmp(px_line_feature_names[k], name, n) == 0)
            return k;
    return -1;
}

static px_status feature_line(px_line_model *m, char *rest, const char *file, size_t line,
                              px_error *err)
{
    size_t n = strcspn(rest, " \t");
    int k = feature_index(rest, n);
    if (k < 0)
        return px_error_set(err, PX_EINPUT, file, line, "unknown feature '%.*s'", (int)n, rest);
    if (m->seen[k])
        return px_error_set(err, PX_EINPUT, file, line, "feature '%.*s' listed twice", (int)n,
                            rest);
    double v[3];
    if (!numbers(rest + n, v, 3) || v[2] <= 0)
        return px_error_set(err, PX_EINPUT, file, line,
                            "expected: feature NAME WEIGHT MEAN SCALE (SCALE > 0)");
    m->seen[k] = true;
    m->w[k] = v[0], m->mean[k] = v[1], m->scale[k] = v[2];
    return PX_OK;
}

static bool probability(double p)
{
    return p > 0 && p < 1;
}

/* One setting; key is the first word of the line, rest what follows it. */
static px_status setting(px_line_model *m, const char *key, char *rest, const char *file,
                         size_t line, px_error *err)
{
    double v[2];
    if (strcmp(key, "feature") == 0)
        return feature_line(m, rest, file, line, err);
    if (strcmp(key, "bias") == 0 && numbers(rest, v, 1))
        m->bias = v[0];
    else if (strcmp(key, "threshold") == 0 && numbers(rest, v, 1) && probability(v[0]))
        m->threshold = v[0];
    else if (strcmp(key, "prior") == 0 && numbers(rest, v, 1) && probability(v[0]))
        m->prior = v[0];
    else if (strcmp(key, "stay") == 0 && numbers(rest, v, 2) && probability(v[0]) &&
             probability(v[1]))
        m->stay_body = v[0], m->stay_furn = v[1], m->sequence = true;
    else if (strcmp(key, "bias") && strcmp(key, "threshold") && strcmp(key, "prior") &&
             strcmp(key, "stay"))
        return px_error_set(err, PX_EINPUT, file, line,
                            "unknown setting '%s' (expected bias, feature, threshold, prior "
                            "or stay)", key);
    else
        return px_error_set(err, PX_EINPUT, file, line,
                            "bad value for '%s' (a number; probabilities between 0 and 1)", key);
    return PX_OK;
}

/* One line of the file: blank, a comment, the format line or a setting. */
static px_status model_line(px_line_model *m, char *l, bool *format, const char *file,
                            size_t line, px_error *err)
{
    size_t n = strlen(l);
    while (n && (l[n - 1] == '\r' || l[n - 1] == ' ' || l[n - 1] == '\t'))
        l[--n] = '\0';
    if (n == 0 || l[0] == '#')
        return PX_OK;
    if (!*format) {
        if (strcmp(l, "format parallax-line-model 1") != 0)
            return px_error_set(err, PX_EINPUT, file, line,
                                "not a line model (expected 'format parallax-line-model 1')");
        *format = true;
        return PX_OK;
    }
    size_t k = strcspn(l, " \t");
    char *rest = l + k;
    if (*rest)
        *rest++ = '\0';
    return setting(m, l, rest, file, line, err);
}

px_status px_line_model_parse(const char *text, size_t len, const char *file,
                              px_line_model **out, px_error *err)
{
    px_line_model *m = px_xcalloc(1, sizeof *m);
    m->threshold = 0.5;
    m->prior = 0.5;
    for (int k = 0; k < PX_LINE_NFEAT; k++)
        m->scale[k] = 1;
    bool format = false;
    px_status st = PX_OK;
    size_t line = 0;
    for (size_t i = 0; i < len && st == PX_OK;) {
        size_t j = i;
        while (j < len && text[j] != '\n')
            j++;
        char *l = px_xstrndup(text + i, j - i);
        st = model_line(m, l, &format, file, ++line, err);
        free(l);
        i = j + 1;
    }
    if (st == PX_OK && !format)
        st = px_error_set(err, PX_EINPUT, file, 0, "empty line model");
    if (st != PX_OK) {
        free(m);
        return st;
    }
    *out = m;
    return PX_OK;
}

void px_line_model_free(px_line_model *m)
{
    free(m);
}

static px_line_model *builtin;
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void parse_builtin(void)
{
    px_error err;
    if (px_line_model_parse(px_embed_line_model, px_embed_line_model_len, "data/line-model.txt",
                            &builtin, &err) != PX_OK)
        builtin = NULL; /* the built-in file is checked by the tests */
}

const px_line_model *px_line_model_builtin(void)
{
    pthread_once(&once, parse_builtin);
    return builtin;
}

static double probability_of(const px_line_model *m, const double *x)
{
    double z = m->bias;
    for (int k = 0; k < PX_LINE_NFEAT; k++)
        if (m->w[k] != 0)
            z += m->w[k] * (x[k] - m->mean[k]) / m->scale[k];
    if (z > 40)
        z = 40;
    if (z < -40)
        z = -40;
    return 1.0 / (1.0 + exp(-z));
}

/* The most probable labels (0 article, 1 furniture) of the sequence. */
static void viterbi(const px_line_model *m, const double *p, size_t n, bool *drop)
{
    double t[2][2] = {{log(m->stay_body), log(1 - m->stay_body)},
                      {log(1 - m->stay_furn), log(m->stay_furn)}};
    unsigned char *from = px_xmalloc(2 * n);
    double s[2];
    for (size_t i = 0; i < n; i++) {
        double e[2] = {log(1 - p[i]) - log(1 - m->prior), log(p[i]) - log(m->prior)};
        if (i == 0) {
            s[0] = e[0], s[1] = e[1];
            continue;
        }
        double next[2];
        for (int y = 0; y < 2; y++) {
            double a = s[0] + t[0][y], b = s[1] + t[1][y];
            from[2 * i + y] = b > a;
            next[y] = (b > a ? b : a) + e[y];
        }
        s[0] = next[0], s[1] = next[1];
    }
    int y = s[1] > s[0];
    for (size_t i = n; i-- > 0;) {
        drop[i] = y;
        if (i)
            y = from[2 * i + y];
    }
    free(from);
}

void px_line_model_classify(const px_line_model *m, const double *x, size_t n, double *p,
                            bool *drop)
{
    for (size_t i = 0; i < n; i++) {
        double q = probability_of(m, x + i * PX_LINE_NFEAT);
        p[i] = q < 1e-9 ? 1e-9 : q > 1 - 1e-9 ? 1 - 1e-9 : q;
    }
    if (m->sequence && n) {
        viterbi(m, p, n, drop);
        return;
    }
    for (size_t i = 0; i < n; i++)
        drop[i] = p[i] >= m->threshold;
}
