/*
 * numbers.c — quantities stated in a document, normalised to values.
 *
 * Figures and number words become values ("175,000", "two", "twenty-one",
 * "1.2 billion"); durations become minutes ("two hours and one minute" =
 * 121, "an hour and a half" = 90, "two-hour" = 120, "90 minutes" = 90);
 * "Dec. 7" and "7 December" become the same date; percentages, money and
 * years get their kinds; a plain count keeps the noun it counts ("troops").
 * Hedges around a figure ("about", "more than", "nearly") mark it approx;
 * votes and scores ("6-3", "seven to two") are tallies; "48 million
 * dollars" is money like "$48 million".
 * The align stage compares these by value to find conflicting details.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "text/internal.h"

typedef struct {
    const char *w;
    double v;
} wordval;

static const wordval small[] = {
    {"zero", 0},     {"one", 1},      {"two", 2},        {"three", 3},     {"four", 4},
    {"five", 5},     {"six", 6},      {"seven", 7},      {"eight", 8},     {"nine", 9},
    {"ten", 10},     {"eleven", 11},  {"twelve", 12},    {"thirteen", 13}, {"fourteen", 14},
    {"fifteen", 15}, {"sixteen", 16}, {"seventeen", 17}, {"eighteen", 18}, {"nineteen", 19},
    {"twenty", 20},  {"thirty", 30},  {"forty", 40},     {"fifty", 50},    {"sixty", 60},
    {"seventy", 70}, {"eighty", 80},  {"ninety", 90},    {"dozen", 12},    {NULL, 0}};

static const wordval scales[] = {{"hundred", 100}, {"thousand", 1e3},  {"million", 1e6},
                                 {"billion", 1e9}, {"trillion", 1e12}, {NULL, 0}};

static const wordval durations[] = {
    {"second", 1.0 / 60}, {"seconds", 1.0 / 60}, {"minute", 1},   {"minutes", 1},   {"min", 1},
    {"mins", 1},          {"hour", 60},          {"hours", 60},   {"hr", 60},       {"hrs", 60},
    {"day", 1440},        {"days", 1440},        {"week", 10080}, {"weeks", 10080}, {NULL, 0}};

static const char *months[] = {"january",  "february", "march",  "april",     "may",
                               "june",     "july",     "august", "september", "october",
                               "november", "december", NULL};

static const char *approx_words[] = {"about",         "around",  "roughly", "nearly", "almost",
                                     "approximately", "some",    "over",    "under",  "estimated",
                                     "barely",        "upwards", NULL};

static bool eq(const px_token *t, const char *w)
{
    return t->fold && strcmp(t->fold, w) == 0;
}

static bool possessive(const px_token *t)
{
    return eq(t, "its") || eq(t, "their") || eq(t, "the") || eq(t, "his") || eq(t, "her") ||
           eq(t, "our");
}

static double lookup(const wordval *tab, const px_token *t, bool *found)
{
    /* the first letter settles most tokens before any strcmp */
    for (const wordval *p = tab; p->w; p++)
        if (t->fold && t->fold[0] == p->w[0] && eq(t, p->w)) {
            *found = true;
            return p->v;
        }
    *found = false;
    return 0;
}

static int month_of(const px_token *t)
{
    if (!t->fold || !(t->flags & PX_TOK_WORD))
        return 0;
    size_t n = strlen(t->fold);
    for (int m = 0; months[m]; m++) {
        if (t->fold[0] != months[m][0])
            continue;
        if (strcmp(t->fold, months[m]) == 0)
            return m + 1;
        /* Jan, Feb, Sept (not "may" abbreviated, not "mar" inside words) */
        if (n >= 3 && n < strlen(months[m]) && strncmp(t->fold, months[m], n) == 0 &&
            (n == 3 || (m == 8 && n == 4)))
            return m + 1;
    }
    return 0;
}

static double figure(const char *f)
{
    char buf[64];
    size_t k = 0;
    for (; *f && k + 1 < sizeof buf; f++)
        if (*f != ',')
            buf[k++] = *f;
    buf[k] = '\0';
    return strtod(buf, NULL);
}

/* A figure with a scale letter glued on, as headlines write money:
 * "965m", "4.1bn", "20k". */
static bool suffixed(const px_token *t, double *v)
{
    static const wordval suffix[] = {{"k", 1e3}, {"m", 1e6},   {"mn", 1e6}, {"bn", 1e9},
                                     {"b", 1e9}, {"tn", 1e12}, {NULL, 0}};
    const char *f = t->fold;
    if (!f || !(t->flags & PX_TOK_WORD) || !(f[0] >= '0' && f[0] <= '9'))
        return false;
    size_t k = 0;
    while (f[k] && ((f[k] >= '0' && f[k] <= '9') || f[k] == '.' || f[k] == ','))
        k++;
    for (const wordval *p = suffix; p->w; p++)
        if (strcmp(f + k, p->w) == 0) {
            char num[48];
            size_t n = k < sizeof num - 1 ? k : sizeof num - 1;
            memcpy(num, f, n);
            num[n] = '\0';
            *v = figure(num) * p->v;
            return true;
        }
    return false;
}

/* How a number opens at token j: a figure, "a"/"an" before a scale, a
 * dozen or a unit ("a million", "an hour"), or "half a(n)". Sets *cur and
 * returns the next token, or j when no number opens here. */
static size_t number_start(const px_token *tk, size_t j, size_t e, double *cur)
{
    bool found;
    if (tk[j].flags & PX_TOK_NUMBER) {
        *cur = figure(tk[j].fold);
        return j + 1;
    }
    if ((eq(&tk[j], "a") || eq(&tk[j], "an")) && j + 1 < e) {
        double s = lookup(scales, &tk[j + 1], &found);
        if (found || eq(&tk[j + 1], "dozen")) {
            *cur = found ? s : 12;
            return j + 2;
        }
        lookup(durations, &tk[j + 1], &found);
        if (found) {
            *cur = 1;
            return j + 1;
        }
        return j;
    }
    if (eq(&tk[j], "half") && j + 2 < e && (eq(&tk[j + 1], "an") || eq(&tk[j + 1], "a"))) {
        *cur = 0.5;
        return j + 2;
    }
    return j;
}

/* A number starting at token i (within [i, e)): its value and the token
 * after it. Handles figures, number words, scales and "and a half". */
static bool number_at(const px_token *tk, size_t i, size_t e, double *value, size_t *next)
{
    bool found;
    double total = 0, cur = 0;
    if (suffixed(&tk[i], &cur)) {
        *value = cur;
        *next = i + 1;
        return true;
    }
    size_t j = number_start(tk, i, e, &cur);
    bool any = j > i;
    for (; j < e; j++) {
        double v = lookup(small, &tk[j], &found);
        if (found) {
            cur = eq(&tk[j], "dozen") && any ? cur * 12 : cur + v;
            any = true;
            continue;
        }
        if (any && eq(&tk[j], "-") && j + 1 < e) {
            lookup(small, &tk[j + 1], &found);
            if (found && cur >= 20 && fmod(cur, 10) == 0) /* not (int)cur: 1e20 */
                continue;                                 /* twenty-one */
            break;
        }
        double s = lookup(scales, &tk[j], &found);
        if (!found || !any)
            break;
        if (s == 100) {
            cur *= s;
        } else {
            total += cur * s;
            cur = 0;
        }
    }
    if (!any)
        return false;
    total += cur;
    /* "two and a half" */
    if (j + 3 < e && eq(&tk[j], "and") && (eq(&tk[j + 1], "a") || eq(&tk[j + 1], "one")) &&
        eq(&tk[j + 2], "half")) {
        lookup(durations, &tk[j + 3], &found);
        if (found) {
            total += 0.5;
            j += 3;
        }
    }
    *value = total;
    *next = j;
    return true;
}

static const char *above_words[] = {"over", "more", "least", "upwards", NULL};
static const char *below_words[] = {"under",  "less", "fewer", "nearly", "almost",
                                    "barely", "to",   "most",  NULL};

/* The bound a hedge word sets: "more than" → 1, "nearly" → -1, "about" → 0. */
static int bound_of(const px_token *t)
{
    for (const char **w = above_words; *w; w++)
        if (eq(t, *w))
            return 1;
    for (const char **w = below_words; *w; w++)
        if (eq(t, *w))
            return -1;
    return 0;
}

static bool is_approx_before(const px_token *tk, size_t s, size_t i, size_t *from)
{
    *from = i;
    if (i > s) {
        const px_token *p = &tk[i - 1];
        for (const char **w = approx_words; *w; w++)
            if (eq(p, *w)) {
                *from = i - 1;
                if (i - 1 > s && eq(p, "estimated") &&
                    (eq(&tk[i - 2], "an") || eq(&tk[i - 2], "a")))
                    *from = i - 2;
                return true;
            }
        if (i - 1 > s && eq(p, "than") &&
            (eq(&tk[i - 2], "more") || eq(&tk[i - 2], "less") || eq(&tk[i - 2], "fewer"))) {
            *from = i - 2;
            return true;
        }
        if (i - 1 > s && (eq(p, "least") || eq(p, "most")) && eq(&tk[i - 2], "at")) {
            *from = i - 2;
            return true;
        }
        if (i - 1 > s && eq(p, "to") && eq(&tk[i - 2], "up")) {
            *from = i - 2;
            return true;
        }
        if (i - 2 > s && eq(p, "as") && eq(&tk[i - 2], "many") && eq(&tk[i - 3], "as")) {
            *from = i - 3;
            return true;
        }
        if (i - 1 > s && eq(p, "to") && eq(&tk[i - 2], "close")) {
            *from = i - 2;
            return true;
        }
    }
    return false;
}

typedef PX_VEC(px_quantity) qvec;

/* A tally at token i: "6-3" (figures joined by a hyphen, the first not
 * smaller) or "seven to two" (number words). Sets *value and *next. */
static bool tally_at(const px_token *tk, size_t i, size_t e, double *value, size_t *next)
{
    double a, b;
    size_t j, k;
    if ((tk[i].flags & PX_TOK_NUMBER) && i + 2 < e && eq(&tk[i + 1], "-") &&
        (tk[i + 2].flags & PX_TOK_NUMBER) && tk[i].end == tk[i + 1].start &&
        tk[i + 1].end == tk[i + 2].start) {
        a = figure(tk[i].fold);
        b = figure(tk[i + 2].fold);
        k = i + 3;
    } else if (!(tk[i].flags & PX_TOK_NUMBER) && number_at(tk, i, e, &a, &j) && j + 1 < e &&
               eq(&tk[j], "to") && !(tk[j + 1].flags & PX_TOK_NUMBER) &&
               number_at(tk, j + 1, e, &b, &k)) {
        bool found = false;
        if (k < e)
            lookup(durations, &tk[k], &found);
        if (found)
            return false; /* "two to three hours" is a range */
    } else {
        return false;
    }
    if (a < b || a > 999 || b > 999 || a != floor(a) || b != floor(b))
        return false;
    *value = a * 1000 + b;
    *next = k;
    return true;
}

/* Currency named by the word after a figure ("48 million dollars"). */
static const char *currency_word(const px_token *t)
{
    static const char *const words[][2] = {{"dollars", "usd"}, {"dollar", "usd"}, {"euros", "eur"},
                                           {"euro", "eur"},    {"pence", "gbp"},  {NULL, NULL}};
    for (size_t i = 0; words[i][0]; i++)
        if (eq(t, words[i][0]))
            return words[i][1];
    return NULL;
}

static void add(qvec *v, const px_doc *d, size_t from, size_t to, uint32_t sent, px_qty_kind k,
                double value, const char *unit, bool approx)
{
    int bound = 0;
    for (size_t i = from; approx && i < to && !bound && !(d->toks[i].flags & PX_TOK_NUMBER); i++)
        bound = bound_of(&d->toks[i]);
    px_quantity q = {d->toks[from].start, d->toks[to - 1].end, sent, k, value, unit, approx, bound};
    px_vec_push(*v, q);
}

/* After a duration at j: "and one minute", "1 minute" add to it. */
static size_t more_duration(const px_token *tk, size_t j, size_t e, double *minutes)
{
    size_t k = j;
    if (k < e && eq(&tk[k], "and"))
        k++;
    double v;
    size_t nx;
    if (k < e && number_at(tk, k, e, &v, &nx) && nx < e) {
        bool found;
        double u = lookup(durations, &tk[nx], &found);
        if (found) {
            *minutes += v * u;
            return nx + 1;
        }
    }
    return j;
}

/* One sentence being scanned. */
typedef struct {
    px_arena *a;
    const px_doc *d;
    const px_token *tk;
    size_t b, e; /* its tokens */
    uint32_t si;
    qvec *out;
} scan;

/* "December 7", "Dec. 7, 2021" at token i: the token after it, or 0. */
static size_t month_date(const scan *c, size_t i)
{
    const px_token *tk = c->tk;
    int m = month_of(&tk[i]);
    if (!m || (tk[i].flags & PX_TOK_SENTSTART && eq(&tk[i], "may")))
        return 0;
    size_t j = i + 1;
    if (j < c->e && eq(&tk[j], "."))
        j++;
    if (j >= c->e || !(tk[j].flags & PX_TOK_NUMBER))
        return 0;
    double day = figure(tk[j].fold);
    if (day < 1 || day > 31 || day != floor(day))
        return 0;
    double v = m * 100 + day;
    size_t end = j + 1;
    if (end + 1 < c->e && eq(&tk[end], ",") && (tk[end + 1].flags & PX_TOK_NUMBER)) {
        double y = figure(tk[end + 1].fold);
        if (y >= 1800 && y <= 2200) {
            v += y * 10000;
            end += 2;
        }
    }
    add(c->out, c->d, i, end, c->si, PX_QTY_DATE, v, NULL, false);
    return end;
}

/* A plain count of value v at tokens [i, j): the noun it counts, within
 * three words ("175,000 troops", "all 40,000 of its residents"). */
static void count_at(const scan *c, size_t i, size_t j, double v, bool approx, size_t from)
{
    const px_token *tk = c->tk;
    const char *noun = NULL;
    for (size_t k = j; k < c->e && k < j + 3 && !noun; k++) {
        if (tk[k].flags & PX_TOK_PUNCT && !eq(&tk[k], "-"))
            break;
        if ((tk[k].flags & PX_TOK_WORD) && !(tk[k].flags & (PX_TOK_STOP | PX_TOK_CAPITAL)))
            noun = tk[k].stem;
    }
    bool figure_tok = (tk[i].flags & PX_TOK_NUMBER) != 0;
    bool lone_one = !figure_tok && v == 1 && j == i + 1;
    bool of_phrase = j < c->e && eq(&tk[j], "of");
    if (of_phrase && figure_tok && j + 2 < c->e && possessive(&tk[j + 1]) &&
        (tk[j + 2].flags & PX_TOK_WORD) && !(tk[j + 2].flags & PX_TOK_STOP)) {
        noun = tk[j + 2].stem;
        of_phrase = false;
    }
    if (!lone_one && !of_phrase)
        add(c->out, c->d, approx ? from : i, j, c->si, PX_QTY_COUNT, v,
            noun ? px_arena_strdup(c->a, noun) : NULL, approx);
}

static bool percent_word(const px_token *tk, size_t u, size_t e)
{
    return u < e && (eq(&tk[u], "percent") || eq(&tk[u], "%") ||
                     (eq(&tk[u], "per") && u + 1 < e && eq(&tk[u + 1], "cent")));
}

static bool clock_word(const px_token *t)
{
    return eq(t, "a.m.") || eq(t, "p.m.") || eq(t, "am") || eq(t, "pm");
}

/* The number v at tokens [i, j) as what the words around it make it:
 * money, a duration, a percentage, a year, a time of day or a count.
 * Returns the token after it. */
static size_t classify(const scan *c, size_t i, size_t j, double v)
{
    const px_token *tk = c->tk;
    size_t e = c->e, from, u = j;
    bool approx = is_approx_before(tk, c->b, i, &from), found = false;
    if (u < e && eq(&tk[u], "-"))
        u++; /* two-hour, 90-minute */
    double unit = u < e ? lookup(durations, &tk[u], &found) : 0;
    size_t at = approx ? from : i;
    if (i > c->b &&
        (eq(&tk[i - 1], "$") || eq(&tk[i - 1], "\xE2\x82\xAC") || eq(&tk[i - 1], "\xC2\xA3"))) {
        const char *cur = eq(&tk[i - 1], "$") ? "usd" : eq(&tk[i - 1], "\xC2\xA3") ? "gbp" : "eur";
        add(c->out, c->d, approx ? from : i - 1, j, c->si, PX_QTY_MONEY, v, cur, approx);
        return j;
    }
    if (j < e && currency_word(&tk[j])) {
        add(c->out, c->d, at, j + 1, c->si, PX_QTY_MONEY, v, currency_word(&tk[j]), approx);
        return j + 1;
    }
    if (found) {
        double minutes = v * unit;
        size_t end = more_duration(tk, u + 1, e, &minutes);
        if (end + 2 < e && eq(&tk[end], "and") && eq(&tk[end + 1], "a") &&
            eq(&tk[end + 2], "half")) { /* "an hour and a half" */
            minutes += unit / 2;
            end += 3;
        }
        add(c->out, c->d, at, end, c->si, PX_QTY_DURATION, minutes, NULL, approx);
        return end;
    }
    if (percent_word(tk, u, e)) {
        size_t end = eq(&tk[u], "per") ? u + 2 : u + 1;
        add(c->out, c->d, at, end, c->si, PX_QTY_PERCENT, v, NULL, approx);
        return end;
    }
    if ((tk[i].flags & PX_TOK_NUMBER) && j == i + 1 && v >= 1800 && v <= 2200 && v == floor(v) &&
        !strchr(tk[i].fold, ',')) {
        add(c->out, c->d, i, j, c->si, PX_QTY_YEAR, v, NULL, false);
        return j;
    }
    if (u < e && clock_word(&tk[u])) {
        double minutes = fmod(v, 12) * 60 + (tk[u].fold[0] == 'p' ? 720 : 0);
        add(c->out, c->d, i, u + 1, c->si, PX_QTY_TIME, minutes, NULL, approx);
        return u + 1;
    }
    count_at(c, i, j, v, approx, from);
    return j;
}

static void sentence_quantities(px_arena *a, const px_doc *d, uint32_t si, qvec *out)
{
    const px_sentence *s = &d->sents[si];
    scan c = {a, d, d->toks, s->tok, s->tok + s->ntok, si, out};
    const px_token *tk = d->toks;
    for (size_t i = c.b; i < c.e;) {
        double v;
        size_t j = month_date(&c, i);
        if (j) {
            i = j;
        } else if (tally_at(tk, i, c.e, &v, &j)) {
            add(out, d, i, j, si, PX_QTY_TALLY, v, NULL, false);
            i = j;
        } else if (!number_at(tk, i, c.e, &v, &j)) {
            i++;
        } else if ((tk[i].flags & PX_TOK_NUMBER) && j < c.e && month_of(&tk[j]) && v >= 1 &&
                   v <= 31) { /* "7 December" */
            add(out, d, i, j + 1, si, PX_QTY_DATE, month_of(&tk[j]) * 100 + v, NULL, false);
            i = j + 1;
        } else {
            i = classify(&c, i, j, v);
        }
    }
}

void px_text_quantities(px_arena *a, px_doc *d)
{
    qvec v = {0};
    for (uint32_t s = 0; s < d->nsents; s++)
        sentence_quantities(a, d, s, &v);
    d->qty = px_arena_memdup(a, v.v, v.n * sizeof *v.v);
    d->nqty = v.n;
    px_vec_free(v);
}
