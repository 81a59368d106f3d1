/*
 * linemodel.c — the line classifier for pasted text: which lines are the
 * article.
 *
 * A pasted page is its article — one stretch of lines, with perhaps an
 * advertisement line or a photo credit inside — and furniture before and
 * after it. A logistic regression over the features of lines.c gives each
 * line the log-odds that it lies outside the article's stretch; the
 * article is the stretch of lines whose summed evidence (SHIFT minus the
 * log-odds of each line) is greatest, found in one pass (the maximum-sum
 * segment). Then the page teaches itself: the lines of that stretch and
 * the lines outside it each have an average style (a few features of the
 * line alone: length, punctuation, capitals, stopwords…), every line gains
 * ADAPT times how much nearer it is to the article's style than to the
 * furniture's (squared distances of standardised features), and the
 * stretch is found again. Where the stretch begins and ends has its own
 * evidence: two more regressions over the same features give each line the
 * odds that the article begins there and that it ends there (its first
 * paragraph follows a byline and share buttons; its last is followed by
 * tags, "Related", a comments count), and the article is the stretch whose
 * summed evidence plus BOUNDARY times the log-probabilities of its first
 * and last lines is greatest. Lines outside it are furniture.
 *
 * Lines the rules of data/furniture.txt name are furniture whatever the
 * model says (filter.c); to the stretch they are neutral, so an
 * "Advertisement" line between two paragraphs does not split the article.
 * The model acts only on a page like those it learned from: when the best
 * stretch's evidence reaches ACT (an article it is sure of) or the evidence
 * against the lines outside it reaches AROUND (a page's worth of furniture).
 * A short text or a clean article with a few furniture lines is neither:
 * the model removes nothing and the rules alone decide.
 *
 * The weights are data (data/line-model.txt, compiled in; `--line-model
 * FILE` reads another, which is how scripts/train_lines.py cross-validates
 * the real binary). The file is text, one setting a line:
 *
 *   format parallax-line-model 2
 *   bias B
 *   feature NAME WEIGHT MEAN SCALE   z = (x - MEAN) / SCALE; the log-odds add WEIGHT * z
 *   shift S                          evidence for a line: S - log-odds
 *   adapt A                          weight of the page's own styles (0: none)
 *   style NAME                       a feature of a line's style (listed as a feature)
 *   act ACT AROUND                   when the model acts (above; default 0 0: always)
 *   boundary W START_BIAS END_BIAS   weight of where the stretch begins and ends (0: none)
 *   start NAME WEIGHT                the begin regression's weight of a listed feature
 *   end NAME WEIGHT                  the same for the end
 *
 * Features the file does not list weigh 0; a name that lines.c does not
 * know is an error naming the file and line.
 *
 * Hands on: px_line_model_classify to filter.c.
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
    bool seen[PX_LINE_NFEAT], style[PX_LINE_NFEAT];
    double shift, adapt, act, around;
    double start[PX_LINE_NFEAT], end[PX_LINE_NFEAT], bound, start_bias, end_bias;
};

/* want numbers after the key, and nothing else; false if one is not a
 * finite number. */
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

/* "feature NAME WEIGHT MEAN SCALE" or "style NAME": the name, known. */
static px_status named(char **rest, int *k, const char *file, size_t line, px_error *err)
{
    *rest += strspn(*rest, " \t");
    size_t n = strcspn(*rest, " \t");
    *k = feature_index(*rest, n);
    if (*k < 0)
        return px_error_set(err, PX_EINPUT, file, line, "unknown feature '%.*s'", (int)n, *rest);
    *rest += n;
    return PX_OK;
}

static px_status feature_line(px_line_model *m, char *rest, const char *file, size_t line,
                              px_error *err)
{
    int k;
    const char *name = rest + strspn(rest, " \t");
    px_status st = named(&rest, &k, file, line, err);
    if (st != PX_OK)
        return st;
    if (m->seen[k])
        return px_error_set(err, PX_EINPUT, file, line, "feature '%.*s' listed twice",
                            (int)strcspn(name, " \t"), name);
    double v[3];
    if (!numbers(rest, v, 3) || v[2] <= 0)
        return px_error_set(err, PX_EINPUT, file, line,
                            "expected: feature NAME WEIGHT MEAN SCALE (SCALE > 0)");
    m->seen[k] = true;
    m->w[k] = v[0], m->mean[k] = v[1], m->scale[k] = v[2];
    return PX_OK;
}

static px_status style_line(px_line_model *m, char *rest, const char *file, size_t line,
                            px_error *err)
{
    int k;
    px_status st = named(&rest, &k, file, line, err);
    if (st != PX_OK)
        return st;
    if (!m->seen[k] || rest[strspn(rest, " \t")])
        return px_error_set(err, PX_EINPUT, file, line,
                            "expected: style NAME, after the feature line of NAME");
    m->style[k] = true;
    return PX_OK;
}

/* "start NAME WEIGHT" or "end NAME WEIGHT", after the feature line of NAME. */
static px_status edge_line(double *to, char *rest, const char *file, size_t line, px_error *err)
{
    int k;
    px_status st = named(&rest, &k, file, line, err);
    if (st != PX_OK)
        return st;
    if (!numbers(rest, &to[k], 1))
        return px_error_set(err, PX_EINPUT, file, line, "expected: start|end NAME WEIGHT");
    return PX_OK;
}

/* One setting; key is the first word of the line, rest what follows it. */
static px_status setting(px_line_model *m, const char *key, char *rest, const char *file,
                         size_t line, px_error *err)
{
    double v, two[2], three[3];
    if (strcmp(key, "start") == 0 || strcmp(key, "end") == 0)
        return edge_line(key[0] == 's' ? m->start : m->end, rest, file, line, err);
    if (strcmp(key, "boundary") == 0) {
        if (!numbers(rest, three, 3) || three[0] < 0)
            return px_error_set(err, PX_EINPUT, file, line,
                                "expected: boundary WEIGHT START_BIAS END_BIAS (WEIGHT 0 or more)");
        m->bound = three[0], m->start_bias = three[1], m->end_bias = three[2];
        return PX_OK;
    }
    if (strcmp(key, "feature") == 0)
        return feature_line(m, rest, file, line, err);
    if (strcmp(key, "style") == 0)
        return style_line(m, rest, file, line, err);
    if (strcmp(key, "act") == 0) {
        if (!numbers(rest, two, 2) || two[0] < 0 || two[1] < 0)
            return px_error_set(err, PX_EINPUT, file, line,
                                "expected: act ACT AROUND (two numbers, 0 or more)");
        m->act = two[0], m->around = two[1];
        return PX_OK;
    }
    double *to = strcmp(key, "bias") == 0    ? &m->bias
                 : strcmp(key, "shift") == 0 ? &m->shift
                 : strcmp(key, "adapt") == 0 ? &m->adapt
                                             : NULL;
    if (!to)
        return px_error_set(err, PX_EINPUT, file, line,
                            "unknown setting '%s' (expected bias, feature, shift, adapt, act, "
                            "style, boundary, start or end)",
                            key);
    if (!numbers(rest, &v, 1) || (to == &m->adapt && v < 0))
        return px_error_set(err, PX_EINPUT, file, line, "expected one number after '%s'%s", key,
                            to == &m->adapt ? " (0 or more)" : "");
    *to = v;
    return PX_OK;
}

/* One line of the file: blank, a comment, the format line or a setting. */
static px_status model_line(px_line_model *m, char *l, bool *format, const char *file, size_t line,
                            px_error *err)
{
    size_t n = strlen(l);
    while (n && (l[n - 1] == '\r' || l[n - 1] == ' ' || l[n - 1] == '\t'))
        l[--n] = '\0';
    if (n == 0 || l[0] == '#')
        return PX_OK;
    if (!*format) {
        if (strcmp(l, "format parallax-line-model 2") != 0)
            return px_error_set(err, PX_EINPUT, file, line,
                                "not a line model (expected 'format parallax-line-model 2')");
        *format = true;
        return PX_OK;
    }
    size_t k = strcspn(l, " \t");
    char *rest = l + k;
    if (*rest)
        *rest++ = '\0';
    return setting(m, l, rest, file, line, err);
}

px_status px_line_model_parse(const char *text, size_t len, const char *file, px_line_model **out,
                              px_error *err)
{
    px_line_model *m = px_xcalloc(1, sizeof *m);
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

static double z_of(const px_line_model *m, const double *x, int k)
{
    return (x[k] - m->mean[k]) / m->scale[k];
}

/* bias plus the weights w of the standardised features x: the log-odds
 * that a line lies outside the article (m->w), that the article begins at
 * it (m->start) or ends at it (m->end). */
static double log_odds(const px_line_model *m, const double *w, double bias, const double *x)
{
    double z = bias;
    for (int k = 0; k < PX_LINE_NFEAT; k++)
        if (w[k] != 0)
            z += w[k] * z_of(m, x, k);
    return z;
}

/* log(1 / (1 + exp(-z))), without overflow. */
static double log_sigmoid(double z)
{
    return z >= 0 ? -log1p(exp(-z)) : z - log1p(exp(z));
}

/* The stretch [*lo, *hi] that maximises the boundary's weight times the
 * log-probabilities that the article begins at *lo and ends at *hi, plus
 * the evidence of the lines between (one pass: the best beginning so far
 * against each end). */
static void bounded_stretch(const px_line_model *m, const double *x, const double *e, size_t n,
                            size_t *lo, size_t *hi)
{
    double best = -HUGE_VAL, begin = -HUGE_VAL, sum = 0;
    size_t from = 0;
    for (size_t i = 0; i < n; i++) {
        const double *xi = x + i * PX_LINE_NFEAT;
        double s = m->bound * log_sigmoid(log_odds(m, m->start, m->start_bias, xi)) - sum;
        if (s > begin)
            begin = s, from = i;
        sum += e[i];
        double v = begin + sum + m->bound * log_sigmoid(log_odds(m, m->end, m->end_bias, xi));
        if (v > best)
            best = v, *lo = from, *hi = i;
    }
}

/* The stretch [*lo, *hi] of greatest summed evidence (at least one line);
 * returns that sum. */
static double best_stretch(const double *e, size_t n, size_t *lo, size_t *hi)
{
    double best = -HUGE_VAL, cur = 0;
    size_t start = 0;
    *lo = 0, *hi = 0;
    for (size_t i = 0; i < n; i++) {
        if (cur <= 0)
            cur = 0, start = i;
        cur += e[i];
        if (cur > best)
            best = cur, *lo = start, *hi = i;
    }
    return best;
}

/* The average style of the article's lines (inside [lo, hi], with words,
 * not named by a rule) or of the others. */
static bool centroid(const px_line_model *m, const double *x, const bool *fixed, size_t n,
                     size_t lo, size_t hi, bool inside, double *c)
{
    size_t count = 0;
    memset(c, 0, PX_LINE_NFEAT * sizeof *c);
    for (size_t i = 0; i < n; i++) {
        const double *xi = x + i * PX_LINE_NFEAT;
        bool article = i >= lo && i <= hi && xi[PXF_log_words] != 0 && !fixed[i];
        if (article != inside)
            continue;
        count++;
        for (int k = 0; k < PX_LINE_NFEAT; k++)
            if (m->style[k])
                c[k] += z_of(m, xi, k);
    }
    for (int k = 0; k < PX_LINE_NFEAT && count; k++)
        c[k] /= (double)count;
    return count > 0;
}

/* Each line's evidence gains adapt × (its squared distance to the
 * furniture's style − to the article's). */
static void adapt(const px_line_model *m, const double *x, const bool *fixed, size_t n, size_t lo,
                  size_t hi, double *e)
{
    double in[PX_LINE_NFEAT], out[PX_LINE_NFEAT];
    if (!centroid(m, x, fixed, n, lo, hi, true, in) ||
        !centroid(m, x, fixed, n, lo, hi, false, out))
        return;
    for (size_t i = 0; i < n; i++) {
        if (fixed[i])
            continue;
        double d = 0;
        for (int k = 0; k < PX_LINE_NFEAT; k++) {
            if (!m->style[k])
                continue;
            double z = z_of(m, x + i * PX_LINE_NFEAT, k);
            d += (z - out[k]) * (z - out[k]) - (z - in[k]) * (z - in[k]);
        }
        e[i] += m->adapt * d;
    }
}

/* Is this a page like those the model learned from (see the top)? */
static bool acts(const px_line_model *m, const double *e, size_t n, size_t lo, size_t hi,
                 double best)
{
    if (best <= 0)
        return false;
    if (best >= m->act)
        return true;
    double against = 0;
    for (size_t i = 0; i < n; i++)
        if ((i < lo || i > hi) && e[i] < 0)
            against -= e[i];
    return against >= m->around;
}

void px_line_model_classify(const px_line_model *m, const double *x, const bool *fixed, size_t n,
                            double *p, bool *drop)
{
    memset(drop, 0, n * sizeof *drop);
    if (n == 0)
        return;
    double *e = px_xmalloc(n * sizeof *e);
    for (size_t i = 0; i < n; i++) {
        double z = log_odds(m, m->w, m->bias, x + i * PX_LINE_NFEAT);
        p[i] = 1.0 / (1.0 + exp(-(z > 40 ? 40 : z < -40 ? -40 : z)));
        e[i] = fixed[i] ? 0.0 : m->shift - z;
    }
    size_t lo, hi;
    double best = best_stretch(e, n, &lo, &hi);
    bool act = acts(m, e, n, lo, hi, best);
    if (act && m->adapt > 0) {
        adapt(m, x, fixed, n, lo, hi, e);
        best_stretch(e, n, &lo, &hi);
    }
    if (act && m->bound > 0)
        bounded_stretch(m, x, e, n, &lo, &hi);
    for (size_t i = 0; i < n && act; i++)
        drop[i] = i < lo || i > hi;
    free(e);
}
