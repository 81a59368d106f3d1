/*
 * model.c — the learned model that says whether two sentences of two
 * outlets state the same claim, read from a weights file.
 *
 * data/align-model.tsv is written by scripts/train_align.py and compiled
 * into the library; --align-model FILE loads another (a retrained one, or
 * one trained without the story being measured). One line a weight:
 *   stage<TAB>name<TAB>value
 * stage "pair": a logistic regression over the pair features (features.c)
 * of two sentences of one story; "story": one over that probability's
 * log-odds and the pair's place among its rivals (is it each sentence's
 * best partner in the other outlet, by what margin, are its neighbours
 * linked too); "similar": the model `parallax similar` uses for sentence
 * pairs on their own (trained on MSRP); "param": the thresholds chosen
 * with the model (link, floor, extra, confident, omits). "bias" is each
 * stage's intercept. A name the library does not know, a bad number or a
 * missing stage is an error naming the file and line.
 */
#include <errno.h>
#include <pthread.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "align/internal.h"

extern const char px_embed_align_model[];
extern const size_t px_embed_align_model_len;

const char *const px_story_feature_names[PX_NSTORY] = {
    "logit", "top_min", "top_max", "gap_min", "gap_max", "mutual", "diag", "side",
};

static const char *const param_names[] = {"link", "floor", "extra", "confident", "omits", NULL};

static int story_index(const char *s, size_t n)
{
    for (int i = 0; i < PX_NSTORY; i++)
        if (strlen(px_story_feature_names[i]) == n && !memcmp(px_story_feature_names[i], s, n))
            return i;
    return -1;
}

static int param_index(const char *s, size_t n)
{
    for (int i = 0; param_names[i]; i++)
        if (strlen(param_names[i]) == n && !memcmp(param_names[i], s, n))
            return i;
    return -1;
}

/* Split a line at tabs into at most 3 fields; returns how many. */
static size_t fields(const char *s, size_t n, const char **f, size_t *fl)
{
    size_t k = 0;
    const char *p = s, *end = s + n;
    while (k < 3) {
        const char *t = memchr(p, '\t', (size_t)(end - p));
        f[k] = p;
        fl[k] = (size_t)((t ? t : end) - p);
        k++;
        if (!t)
            break;
        p = t + 1;
    }
    return k;
}

static bool parse_number(const char *s, size_t n, double *out)
{
    char buf[64];
    if (n == 0 || n >= sizeof buf)
        return false;
    memcpy(buf, s, n);
    buf[n] = 0;
    char *end;
    errno = 0;
    *out = strtod(buf, &end);
    return *end == 0 && errno == 0 && isfinite(*out);
}

/* Put value v under name in stage; false when the name is unknown. */
static bool assign(px_align_model *m, const char *stage, size_t sn, const char *name, size_t nn,
                   double v)
{
    bool bias = nn == 4 && !memcmp(name, "bias", 4);
    int i;
    if (sn == 4 && !memcmp(stage, "pair", 4)) {
        if (bias)
            m->pair_bias = v;
        else if ((i = px_feature_index(name, nn)) >= 0)
            m->pair[i] = v;
        else
            return false;
        m->have |= 1;
    } else if (sn == 7 && !memcmp(stage, "similar", 7)) {
        if (bias)
            m->similar_bias = v;
        else if ((i = px_feature_index(name, nn)) >= 0)
            m->similar[i] = v;
        else
            return false;
        m->have |= 2;
    } else if (sn == 5 && !memcmp(stage, "story", 5)) {
        if (bias)
            m->story_bias = v;
        else if ((i = story_index(name, nn)) >= 0)
            m->story[i] = v;
        else
            return false;
        m->have |= 4;
    } else if (sn == 5 && !memcmp(stage, "param", 5) && (i = param_index(name, nn)) >= 0) {
        m->param[i] = v;
    } else {
        return false;
    }
    return true;
}

static void set_defaults(px_align_model *m)
{
    memset(m, 0, sizeof *m);
    m->param[PX_PARAM_LINK] = 0.5;
    m->param[PX_PARAM_FLOOR] = 0.1;
    m->param[PX_PARAM_EXTRA] = 0.5;
    m->param[PX_PARAM_CONFIDENT] = 0.6;
    m->param[PX_PARAM_OMITS] = 0.3;
}

px_status px_align_model_parse(const char *text, size_t len, const char *name, px_align_model *m,
                               px_error *err)
{
    set_defaults(m);
    size_t line = 0;
    for (const char *p = text; p < text + len;) {
        const char *nl = memchr(p, '\n', (size_t)(text + len - p));
        const char *e = nl ? nl : text + len;
        line++;
        size_t n = (size_t)(e - p);
        if (n && p[n - 1] == '\r')
            n--;
        if (n && p[0] != '#') {
            const char *f[3];
            size_t fl[3];
            double v;
            if (fields(p, n, f, fl) != 3)
                return px_error_set(err, PX_EINPUT, name, line,
                                    "expected \"stage<TAB>name<TAB>value\"");
            if (!parse_number(f[2], fl[2], &v))
                return px_error_set(err, PX_EINPUT, name, line, "'%.*s' is not a number",
                                    (int)(fl[2] > 40 ? 40 : fl[2]), f[2]);
            if (!assign(m, f[0], fl[0], f[1], fl[1], v))
                return px_error_set(err, PX_EINPUT, name, line, "unknown weight '%.*s\t%.*s'",
                                    (int)(fl[0] > 40 ? 40 : fl[0]), f[0],
                                    (int)(fl[1] > 40 ? 40 : fl[1]), f[1]);
        }
        p = nl ? nl + 1 : text + len;
    }
    if ((m->have & 7) != 7)
        return px_error_set(err, PX_EINPUT, name, 0,
                            "a model needs the stages pair, story and similar");
    return PX_OK;
}

px_status px_align_model_load(const char *path, px_align_model **out, px_error *err)
{
    *out = NULL;
    char *data;
    size_t len;
    px_status st = px_file_read(path, 1u << 20, &data, &len, err);
    if (st != PX_OK)
        return st;
    px_align_model *m = px_xcalloc(1, sizeof *m);
    st = px_align_model_parse(data, len, path, m, err);
    free(data);
    if (st != PX_OK) {
        free(m);
        return st;
    }
    *out = m;
    return PX_OK;
}

void px_align_model_free(px_align_model *m)
{
    free(m);
}

/* The built-in model, parsed once per process; read-only afterwards. */
static px_align_model builtin;
static bool builtin_ok;

static void parse_builtin(void)
{
    px_error err = {0};
    builtin_ok = px_align_model_parse(px_embed_align_model, px_embed_align_model_len,
                                      "align-model.tsv", &builtin, &err) == PX_OK;
}

const px_align_model *px_align_model_builtin(void)
{
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, parse_builtin);
    return builtin_ok ? &builtin : NULL;
}

static double sigmoid(double z)
{
    return 1.0 / (1.0 + exp(-z));
}

double px_model_pair(const px_align_model *m, const double *f)
{
    double z = m->pair_bias;
    for (int i = 0; i < PX_NFEATURES; i++)
        z += m->pair[i] * f[i];
    return sigmoid(z);
}

double px_model_similar(const px_align_model *m, const double *f)
{
    double z = m->similar_bias;
    for (int i = 0; i < PX_NFEATURES; i++)
        z += m->similar[i] * f[i];
    return sigmoid(z);
}

double px_model_story(const px_align_model *m, const double *g)
{
    double z = m->story_bias;
    for (int i = 0; i < PX_NSTORY; i++)
        z += m->story[i] * g[i];
    return sigmoid(z);
}
