/*
 * common.c — what every renderer needs: rounding, lexicon labels and the
 * plain reading of a framing contrast (ids and sentence texts are the
 * story's, px_story_sentence_id and friends; escaping is util's). Every
 * judgement the renderers show (a fact's status in an outlet, where it
 * sits, the speakers an outlet quotes, who tops a lexicon) is the compare
 * stage's, read from s->compare.
 */
#include <math.h>
#include <string.h>
#include <strings.h>

#include "report/internal.h"

double px_round3(double x)
{
    double r = round(x * 1000.0) / 1000.0;
    return r == 0 ? 0 : r; /* no "-0" */
}

/* Labels for the lexicons we ship, the highlight each gets (loaded language
 * the strongest), whether its hits are marked in the running text, and the
 * words a plain reading of its figure uses ("more loaded language than the
 * others"): word-choice lexicons are marked; topic and valence lists (tone,
 * policy frames) would paint half the words, so they get charts and
 * evidence only. A lexicon not listed is shown by its name, marked in the
 * text, gets no "most …" note and a highlight by its position. */
static const struct {
    const char *name, *label, *most, *noun;
    unsigned style;
    bool inline_marks;
} lexicon_labels[] = {
    {"loaded", "Loaded language", "most loaded language", "loaded language", 0, true},
    {"hedges", "Hedging", "most hedging", "hedging", 1, true},
    {"attribution", "Attribution verbs", NULL, "loaded attribution verbs", 2, true},
    {"sourcing", "Vague sourcing", "most vague sourcing", "vague sourcing", 3, true},
    {"subjectivity", "Subjectivity", "most subjective wording", "subjective wording", 4, true},
    {"tone", "Tone", NULL, "tone words", 3, false},
    {"frames", "Policy frames (experimental)", NULL, "policy-frame cues", 1, false},
};

static int lexicon_row(const px_lexicon *l)
{
    for (size_t i = 0; i < sizeof lexicon_labels / sizeof *lexicon_labels; i++)
        if (l->name && !strcmp(l->name, lexicon_labels[i].name))
            return (int)i;
    return -1;
}

const char *px_report_lexicon_label(const px_lexicon *l)
{
    int r = lexicon_row(l);
    return r >= 0 ? lexicon_labels[r].label : l->name;
}

const char *px_report_lexicon_most(const px_lexicon *l)
{
    int r = lexicon_row(l);
    return r >= 0 ? lexicon_labels[r].most : NULL;
}

size_t *px_report_lexicon_order(const px_story *s, size_t *n)
{
    size_t nl = px_lexset_count(s->lexicons), k = 0;
    size_t *order = px_xmalloc((nl ? nl : 1) * sizeof *order);
    bool *done = px_xcalloc(nl ? nl : 1, sizeof *done);
    for (size_t r = 0; r < sizeof lexicon_labels / sizeof *lexicon_labels; r++)
        for (size_t l = 0; l < nl; l++)
            if (!done[l] && lexicon_row(px_lexset_get(s->lexicons, l)) == (int)r) {
                order[k++] = l;
                done[l] = true;
            }
    for (size_t l = 0; l < nl; l++)
        if (!done[l])
            order[k++] = l;
    free(done);
    *n = nl;
    return order;
}

bool px_report_lexicon_marked(const px_lexicon *l)
{
    int r = lexicon_row(l);
    return r < 0 || lexicon_labels[r].inline_marks;
}

bool px_report_lexicon_inline(const px_story *s, uint32_t lexicon)
{
    return px_report_lexicon_marked(px_lexset_get(s->lexicons, lexicon));
}

unsigned px_report_lexicon_style(const px_story *s, uint32_t lexicon)
{
    int r = lexicon_row(px_lexset_get(s->lexicons, lexicon));
    return r >= 0 ? lexicon_labels[r].style : lexicon % 5;
}

px_score px_report_score(const px_story *s, uint32_t source, uint32_t lexicon, int32_t category)
{
    const px_score *sc = s->frames ? px_frame_score(&s->frames[source], lexicon, category) : NULL;
    if (sc)
        return *sc;
    px_score zero = {.lexicon = lexicon, .category = category};
    return zero;
}

const char *px_report_lexicon_noun(const px_lexicon *l)
{
    int r = lexicon_row(l);
    return r >= 0 ? lexicon_labels[r].noun : l->name;
}

const px_contrast *px_report_contrast(const px_story *s, uint32_t source, uint32_t lexicon, int fig)
{
    return s->frames ? px_frame_contrast(&s->frames[source], s->lexicons, lexicon, fig) : NULL;
}

/* x with one decimal, signed, never "-0.0". */
static void signed1(px_buf *b, double x)
{
    px_buf_printf(b, "%+.1f", fabs(x) < 0.05 ? 0.0 : x);
}

/* The interval of the difference: its size ("1.1 to 7.3") when the
 * difference is called, signed ("-2.0 to +3.1") when it is noise. */
static void interval_words(px_buf *b, const px_contrast *c)
{
    if (c->reading > 0) {
        px_buf_printf(b, "%.1f to %.1f", c->lo, c->hi);
    } else if (c->reading < 0) {
        px_buf_printf(b, "%.1f to %.1f", -c->hi, -c->lo);
    } else {
        signed1(b, c->lo);
        px_buf_puts(b, " to ");
        signed1(b, c->hi);
    }
}

/* The brief form, for outlet cards: the rate, then how it stands. */
static void reading_brief(px_buf *b, const px_contrast *c, int fig)
{
    if (fig == PX_FIG_SLANT) {
        px_buf_puts(b, "slant ");
        signed1(b, c->rate);
        px_buf_puts(b, " per 1,000 words (boosting minus attacking)");
    } else {
        px_buf_printf(b, "%.1f per 1,000 words", c->rate);
    }
    if (fig == PX_FIG_SLANT && c->reading)
        px_buf_printf(b, ": talks its subject %s more than the others, by %.1f (95%% interval ",
                      c->reading > 0 ? "up" : "down", fabs(c->diff));
    else if (c->reading)
        px_buf_printf(b, ": %s than the others by %.1f (95%% interval ",
                      c->reading > 0 ? "more" : "less", fabs(c->diff));
    else
        px_buf_printf(b,
                      ": no clear difference from the others (story median %.1f; 95%% "
                      "interval of the difference ",
                      c->reference);
    interval_words(b, c);
    px_buf_puts(b, ")");
}

void px_report_reading(px_buf *b, const px_story *s, uint32_t source, uint32_t lexicon, int fig,
                       bool brief)
{
    const px_contrast *c = px_report_contrast(s, source, lexicon, fig);
    const px_lexicon *L = px_lexset_get(s->lexicons, lexicon);
    const char *noun = fig == PX_FIG_BOOSTING    ? "boosting language"
                       : fig == PX_FIG_ATTACKING ? "attacking language"
                                                 : px_report_lexicon_noun(L);
    if (!c) {
        px_buf_puts(b, "no other outlet to compare with");
    } else if (brief) {
        reading_brief(b, c, fig);
    } else if (fig == PX_FIG_SLANT && c->reading) {
        px_buf_printf(b,
                      "talks its subject %s more than the others: slant %+.1f against a "
                      "story median of %+.1f per 1,000 words of narration (boosting minus "
                      "attacking; 95%% interval of the difference ",
                      c->reading > 0 ? "up" : "down", c->rate, c->reference);
        interval_words(b, c);
        px_buf_puts(b, ")");
    } else if (c->reading) {
        px_buf_printf(b,
                      "%s %s than the others by %.1f per 1,000 words of narration (%.1f "
                      "against a story median of %.1f; 95%% interval ",
                      c->reading > 0 ? "more" : "less", noun, fabs(c->diff), c->rate, c->reference);
        interval_words(b, c);
        px_buf_puts(b, ")");
    } else {
        px_buf_printf(b,
                      "no clear difference in %s from the others (%.1f against a story "
                      "median of %.1f per 1,000 words of narration; the difference is within "
                      "the noise, 95%% interval ",
                      fig == PX_FIG_SLANT ? "slant" : noun, c->rate, c->reference);
        interval_words(b, c);
        px_buf_puts(b, ")");
    }
}

const char *px_report_category_label(const px_lexicon *l, size_t c)
{
    if (c >= l->ncategories)
        return "";
    return l->category_labels && l->category_labels[c] ? l->category_labels[c] : l->categories[c];
}
