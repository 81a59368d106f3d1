/*
 * html_glance.c — the report's first section, the story at a glance: on
 * one screen (1280×800) and one printed page, each outlet's headline side
 * by side with a coverage bar (facts it carries, those only it carries,
 * facts most others carry that it surely leaves out; facts it is "not
 * shown" to carry counted apart, never in the bar), the slant of its own
 * narration with its direction, then the blind spots (facts most outlets
 * carry that one leaves out) and the conflicting details.
 *
 * Every figure is the compare stage's (px_comparison) or the frame stage's
 * contrast: a slant whose interval holds zero is shown as "no clear
 * slant", never as a difference. The long sections below fold into
 * <details> (html_fold_open).
 */
#include "report/html.h"

enum { MAX_BLINDSPOTS = 4, MAX_CONFLICTS = 3 };

/* The first lexicon (in reading order) with a slant figure, or -1. */
static int slant_lexicon(const px_story *s)
{
    size_t nl;
    size_t *order = px_report_lexicon_order(s, &nl);
    int found = -1;
    for (size_t k = 0; k < nl && found < 0; k++)
        if (px_report_contrast(s, 0, (uint32_t)order[k], PX_FIG_SLANT))
            found = (int)order[k];
    free(order);
    return found;
}

/* The widest bar: carried plus omitted facts of the outlet that has most,
 * so every bar shares one scale. */
static size_t bar_scale(const px_story *s)
{
    size_t max = 1;
    for (uint32_t i = 0; i < s->nsources; i++) {
        const px_source_compare *c = &s->compare.sources[i];
        if (c->carried + c->nomitted > max)
            max = c->carried + c->nomitted;
    }
    return max;
}

static void segment(px_buf *b, const char *cls, size_t n, size_t scale, const char *what)
{
    if (n)
        px_buf_printf(b, "<span class=\"%s\" style=\"width:%.2f%%\" title=\"%zu %s\"></span>", cls,
                      100.0 * (double)n / (double)scale, n, what);
}

static void coverage(const px_story *s, px_buf *b, uint32_t i, size_t scale)
{
    const px_source_compare *c = &s->compare.sources[i];
    size_t shared = c->carried - c->nunique;
    px_buf_printf(b,
                  "<div class=\"cov\" role=\"img\" aria-label=\"carries %zu facts, %zu of "
                  "them only here; omits %zu that most others carry\">",
                  c->carried, c->nunique, c->nomitted);
    segment(b, "cs", shared, scale, "carried, shared with others");
    segment(b, "cu", c->nunique, scale, "carried only here");
    segment(b, "co", c->nomitted, scale, "omitted that most others carry");
    px_buf_printf(b, "</div><p class=\"covn\"><span class=\"k cs\"></span><b>%zu</b> carried",
                  c->carried);
    if (c->nunique)
        px_buf_printf(b, " <span class=\"k cu\"></span>(<b>%zu</b> only here)", c->nunique);
    px_buf_printf(b, " <span class=\"k co\"></span><b>%zu</b> omitted", c->nomitted);
    if (c->not_shown)
        px_buf_printf(b,
                      " <span class=\"mut\" title=\"a sentence of it comes close to the "
                      "fact, but the alignment is not sure either way\">· %zu not shown</span>",
                      c->not_shown);
    px_buf_puts(b, "</p>");
}

/* The slant of the outlet's narration: its figure, and a direction only
 * when the interval of its difference from the others leaves out zero. */
static void slant(const px_story *s, px_buf *b, uint32_t i, int l)
{
    if (l < 0)
        return;
    const px_contrast *c = px_report_contrast(s, i, (uint32_t)l, PX_FIG_SLANT);
    px_buf t;
    px_buf_init(&t, 0);
    px_report_reading(&t, s, i, (uint32_t)l, PX_FIG_SLANT, false);
    px_buf_printf(b, "<p class=\"gsl%s\" title=\"", c->reading ? " clear" : "");
    px_html_escape(b, t.data, t.len);
    px_buf_free(&t);
    px_buf_printf(b, "\"><a href=\"#ev-o%u-l%d\">Slant</a> %+.1f ", i + 1, l, c->rate);
    if (c->reading > 0)
        px_buf_puts(b, "<strong class=\"dir up\">▲ boosting</strong>: talks its subject up "
                       "more than the others");
    else if (c->reading < 0)
        px_buf_puts(b, "<strong class=\"dir down\">▼ attacking</strong>: talks its subject "
                       "down more than the others");
    else
        px_buf_puts(b, "<span class=\"mut\">no clear slant: within the noise</span>");
    px_buf_puts(b, "</p>");
}

static void outlets(const px_story *s, px_buf *b)
{
    size_t scale = bar_scale(s);
    int l = slant_lexicon(s);
    px_buf_printf(b, "<ul class=\"heads n%zu\">", s->nsources < 6 ? s->nsources : 6);
    for (uint32_t i = 0; i < s->nsources; i++) {
        px_buf_puts(b, "<li>");
        html_outlet_head(s, b, i);
        coverage(s, b, i, scale);
        slant(s, b, i, l);
        px_buf_puts(b, "</li>");
    }
    px_buf_puts(b, "</ul>");
}

/* Up to max blind spots to show, taking each outlet's first before any
 * outlet's second (the compare stage lists them most carriers first), so
 * one outlet's many do not hide another's. */
static size_t pick_blindspots(const px_comparison *c, size_t *out, size_t max)
{
    size_t n = 0;
    bool *taken = px_xcalloc(c->nblindspots + 1, sizeof *taken);
    for (size_t round = 0; n < max && n < c->nblindspots; round++) {
        size_t *per = px_xcalloc(c->nsources + 1, sizeof *per);
        for (size_t k = 0; k < c->nblindspots && n < max; k++) {
            uint32_t src = c->blindspots[k].source;
            if (per[src]++ == round && !taken[k]) {
                taken[k] = true;
                out[n++] = k;
            }
        }
        free(per);
    }
    free(taken);
    return n;
}

static void blindspots(const px_story *s, px_buf *b)
{
    const px_comparison *c = &s->compare;
    px_buf_puts(b, "<div class=\"gl\"><h3>Most carry it, one leaves it out</h3>");
    if (!c->nblindspots) {
        px_buf_puts(b, "<p class=\"mut\">No outlet surely leaves out a fact most others carry."
                       "</p></div>");
        return;
    }
    size_t pick[MAX_BLINDSPOTS];
    size_t n = pick_blindspots(c, pick, MAX_BLINDSPOTS);
    px_buf_puts(b, "<ul class=\"bs\">");
    for (size_t k = 0; k < n; k++) {
        const px_blindspot *bs = &c->blindspots[pick[k]];
        size_t len;
        const char *t = px_story_fact_text(s, &s->alignment.facts[bs->fact], &len);
        px_buf_puts(b, "<li><strong>");
        ESC(b, px_story_outlet(s, bs->source));
        px_buf_printf(b,
                      "</strong> leaves out <a href=\"#f%u\">f%u</a> <span class=\"mut\">"
                      "(%zu of %zu carry it)</span>: <span class=\"ft\">",
                      bs->fact + 1, bs->fact + 1, bs->carriers, s->nsources);
        px_html_escape(b, t, len);
        px_buf_puts(b, "</span></li>");
    }
    px_buf_puts(b, "</ul>");
    if (c->nblindspots > n)
        px_buf_printf(b, "<p class=\"mut\">and %zu more in the fact matrix.</p>",
                      c->nblindspots - n);
    px_buf_puts(b, "</div>");
}

static void conflict_line(const px_story *s, px_buf *b, size_t f, const px_conflict *cf)
{
    px_buf_printf(b, "<li><a href=\"#f%zu\">f%zu</a> %s", f + 1, f + 1,
                  px_conflict_kind_name(cf->kind));
    html_conflict_values(s, b, cf, ": ");
    px_buf_puts(b, "</li>");
}

static void conflicts(const px_story *s, px_buf *b)
{
    const px_comparison *c = &s->compare;
    size_t shown = 0;
    px_buf_puts(b, "<div class=\"gl\"><h3>Conflicting details</h3>");
    if (!c->conflicts) {
        px_buf_puts(b, "<p class=\"mut\">None: where outlets give the same detail, they agree."
                       "</p></div>");
        return;
    }
    px_buf_puts(b, "<ul class=\"cfs\">");
    for (size_t r = 0; r < c->nfacts && shown < MAX_CONFLICTS; r++) {
        size_t f = c->order[r];
        const px_fact *fact = &s->alignment.facts[f];
        for (size_t k = 0; k < fact->nconflicts && shown < MAX_CONFLICTS; k++, shown++)
            conflict_line(s, b, f, &fact->conflicts[k]);
    }
    px_buf_puts(b, "</ul>");
    if (c->conflicts > shown)
        px_buf_printf(b, "<p class=\"mut\">and %zu more below.</p>", c->conflicts - shown);
    px_buf_puts(b, "</div>");
}

void html_glance(const px_story *s, px_buf *b)
{
    px_buf_puts(b, "<section class=\"glance\" aria-labelledby=\"summary\">"
                   "<h2 id=\"summary\">At a glance</h2><p class=\"legend\">Facts each outlet "
                   "<span class=\"k cs\"></span> carries, <span class=\"k cu\"></span> alone "
                   "carries, <span class=\"k co\"></span> omits though most others carry them "
                   "(sure verdicts only). Slant: boosting minus attacking words per 1,000 words "
                   "of its own narration; a direction only beyond the noise.</p>");
    outlets(s, b);
    px_buf_puts(b, "<div class=\"g2\">");
    blindspots(s, b);
    conflicts(s, b);
    px_buf_puts(b, "</div></section>");
}

void html_fold_open(px_buf *b, const char *id, const char *title, const char *note)
{
    px_buf_printf(b,
                  "<section class=\"fold\" aria-labelledby=\"%s\"><details><summary>"
                  "<h2 id=\"%s\">",
                  id, id);
    ESC(b, title);
    px_buf_puts(b, "</h2>");
    if (note && *note) {
        px_buf_puts(b, " <span class=\"mut\">");
        ESC(b, note);
        px_buf_puts(b, "</span>");
    }
    px_buf_puts(b, "</summary>");
}

void html_fold_close(px_buf *b)
{
    px_buf_puts(b, "</details></section>");
}
