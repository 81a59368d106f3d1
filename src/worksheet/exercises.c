/*
 * exercises.c — the exercises of the students' sheet, one renderer per
 * kind, each asking only what the plan (pick.c) found an answer
 * for, with room to write. Hints follow the level: intro gives one for
 * every exercise, standard for the harder ones, advanced none. Nothing here
 * names an outlet unless the sheet reveals them.
 */
#include <string.h>
#include <strings.h>

#include "worksheet/internal.h"

/* Which exercises get a hint at the standard level (intro: all). */
static const bool standard_hint[WS_NKINDS] = {
    [WS_MISSING] = true,
    [WS_SPEAKERS] = true,
    [WS_CONFLICT] = true,
};

static bool hint_shown(const ws_plan *p, ws_kind k)
{
    return p->level == PX_WORKSHEET_INTRO ||
           (p->level == PX_WORKSHEET_STANDARD && standard_hint[k]);
}

static void open_exercise(const ws_plan *p, px_buf *b, ws_kind k, const char *title)
{
    px_buf_printf(b,
                  "<section class=\"ex\" id=\"ex%u\"><h3><span class=\"num\">%u</span> %s"
                  "</h3>",
                  p->number[k], p->number[k], title);
}

static void hint_open(px_buf *b)
{
    px_buf_puts(b, "<p class=\"hint\"><strong>Hint:</strong> ");
}

/* The source that states fact f most closely (highest score), other than
 * skip, earliest letter on a tie. */
static uint32_t best_carrier(const ws_plan *p, const px_fact *f, uint32_t skip)
{
    const px_mention *best = NULL;
    for (size_t k = 0; k < f->nmentions; k++) {
        const px_mention *m = &f->mentions[k];
        if (m->source == skip)
            continue;
        if (!best || m->score > best->score ||
            (m->score == best->score && p->letter[m->source] < p->letter[best->source]))
            best = m;
    }
    return best ? best->source : skip;
}

static uint64_t carriers(const px_fact *f)
{
    uint64_t set = 0;
    for (size_t k = 0; k < f->nmentions; k++)
        set |= 1ULL << f->mentions[k].source;
    return set;
}

static void missing(const ws_plan *p, px_buf *b)
{
    open_exercise(p, b, WS_MISSING, "What is missing?");
    for (size_t i = 0; i < p->nmissing; i++) {
        const ws_missing *m = &p->missing[i];
        const px_fact *f = &p->s->alignment.facts[m->fact];
        px_buf_puts(b, "<p class=\"q\">");
        if (p->nmissing > 1)
            px_buf_printf(b, "<strong>%c)</strong> ", (char)('a' + i));
        ws_source_list(p, b, carriers(f));
        px_buf_printf(b,
                      " %s report something that Source %c leaves out. What is it? "
                      "Write it in your own words, and say where one of the other sources "
                      "reports it.",
                      f->nmentions == 2 ? "both" : "all", ws_letter(p, m->source));
        if (m->nalso)
            px_buf_printf(b,
                          " (Source %c leaves out more than one such thing: one is "
                          "enough.)",
                          ws_letter(p, m->source));
        px_buf_puts(b, "</p>");
        if (hint_shown(p, WS_MISSING)) {
            uint32_t c = best_carrier(p, f, m->source);
            hint_open(b);
            px_buf_printf(b, "read Source %c, ", ws_letter(p, c));
            ws_sentence_ref(p, b, c, px_fact_mention(f, c)->sent);
            px_buf_printf(b, ". Can you find the same information anywhere in Source %c?</p>",
                          ws_letter(p, m->source));
        }
        ws_answer_lines(b, 3);
        px_buf_puts(b, "<p class=\"fill\">Found in Source ____, sentence ____</p>");
    }
    px_buf_puts(b, "</section>");
}

/* Everyday examples of a loaded word beside a neutral one, for intro; the
 * first whose loaded word the source does not itself use is shown. */
static const struct {
    const char *loaded, *example;
} examples[] = {
    {"slammed", "“The mayor <u>slammed</u> the plan” takes a side; “The mayor "
                "<u>criticised</u> the plan” just reports it."},
    {"mob", "“A <u>mob</u> gathered outside” takes a side; “A <u>crowd</u> gathered "
            "outside” just reports it."},
    {"scheme", "“The council’s <u>scheme</u>” takes a side; “the council’s <u>plan</u>” "
               "just reports it."},
};

static bool source_uses(const ws_plan *p, const ws_words *w, const char *word)
{
    const char *t = p->s->docs[w->source]->text;
    size_t n = strlen(word);
    for (size_t k = 0; k < w->nfind + w->nmore; k++) {
        const ws_word *x = k < w->nfind ? &w->find[k] : &w->more[k - w->nfind];
        if (x->end - x->start >= n && !strncasecmp(t + x->start, word, n))
            return true;
    }
    return false;
}

static void word_table(px_buf *b, size_t rows)
{
    px_buf_puts(b, "<table class=\"fillin\"><thead><tr><th scope=\"col\">Word you underlined"
                   "</th><th scope=\"col\">Sentence</th><th scope=\"col\">A more neutral word"
                   "</th></tr></thead><tbody>");
    for (size_t r = 0; r < rows; r++)
        px_buf_puts(b, "<tr><td></td><td></td><td></td></tr>");
    px_buf_puts(b, "</tbody></table>");
}

static void words_hint(const ws_plan *p, px_buf *b, const ws_words *w)
{
    hint_open(b);
    px_buf_puts(b, "look at ");
    for (size_t k = 0; k < w->nfind; k++) {
        bool dup = false;
        for (size_t j = 0; j < k; j++)
            dup = dup || w->find[j].sent == w->find[k].sent;
        if (dup)
            continue;
        if (k)
            px_buf_puts(b, k + 1 == w->nfind ? " and " : ", ");
        ws_sentence_ref(p, b, w->source, w->find[k].sent);
    }
    px_buf_puts(b, ".</p>");
}

static void words(const ws_plan *p, px_buf *b)
{
    open_exercise(p, b, WS_WORDS, "Word choice");
    for (size_t i = 0; i < p->nwords; i++) {
        const ws_words *w = &p->words[i];
        px_buf_puts(b, "<p class=\"q\">");
        if (p->nwords > 1)
            px_buf_printf(b, "<strong>%c)</strong> ", (char)('a' + i));
        if (i == 0)
            px_buf_puts(b, "Some words do more than report: they push the reader toward a "
                           "view. ");
        px_buf_printf(b,
                      "Underline <strong>%s</strong> such words or short phrases in Source "
                      "%c. For each, write a more neutral word that says the same thing.",
                      w->nfind == 3 ? "three" : "two", ws_letter(p, w->source));
        for (size_t e = 0; p->level == PX_WORKSHEET_INTRO && e < sizeof examples / sizeof *examples;
             e++)
            if (!source_uses(p, w, examples[e].loaded)) {
                px_buf_printf(b, " For example: %s", examples[e].example);
                break;
            }
        px_buf_puts(b, "</p>");
        if (hint_shown(p, WS_WORDS))
            words_hint(p, b, w);
        word_table(b, w->nfind);
    }
    px_buf_puts(b, "</section>");
}

/* Open a question: "<p class=q>a) " when the exercise asks several. */
static void question(px_buf *b, unsigned *part, bool several)
{
    px_buf_puts(b, "<p class=\"q\">");
    if (several)
        px_buf_printf(b, "<strong>%c)</strong> ", (char)('a' + (*part)++));
}

static void speakers(const ws_plan *p, px_buf *b)
{
    const ws_speakers *w = &p->speakers;
    bool why = p->level != PX_WORKSHEET_INTRO && w->anonymous >= 0;
    bool several = (w->anonymous >= 0) + (w->most_named >= 0) + (w->unique != 0) + why > 1;
    unsigned part = 0;
    open_exercise(p, b, WS_SPEAKERS, "Who gets to speak?");
    px_buf_puts(b, "<p class=\"q\">Reporters tell us who said what: “…, an official said”, "
                   "“according to …”. Some speakers are named; others are not (“officials”, "
                   "“a source close to …”).</p>");
    if (hint_shown(p, WS_SPEAKERS)) {
        hint_open(b);
        px_buf_puts(b, "look for the words <em>said</em>, <em>told</em>, <em>according to</em> "
                       "and <em>say</em>, and ask: who is talking?</p>");
    }
    if (w->anonymous >= 0) {
        question(b, &part, several);
        px_buf_puts(b, "Which source relies most on speakers it does not name? Give two "
                       "sentence numbers from that source as evidence.</p>");
        ws_answer_lines(b, 2);
    }
    if (w->most_named >= 0) {
        question(b, &part, several);
        px_buf_puts(b, "Which source names the most different people or organisations as "
                       "its sources? Which names the fewest?</p>");
        ws_answer_lines(b, 2);
    }
    if (w->unique) {
        question(b, &part, several);
        px_buf_puts(b, "Some people are quoted by only one of the sources. Find one of them, "
                       "and say which source quotes them.");
        if (p->level == PX_WORKSHEET_ADVANCED)
            px_buf_puts(b, " How would that story read without them?");
        px_buf_puts(b, "</p>");
        ws_answer_lines(b, 2);
    }
    if (why) {
        question(b, &part, several);
        px_buf_puts(b, "Why might a reporter agree not to name a source? Why should a reader "
                       "be careful with what an unnamed source says?</p>");
        ws_answer_lines(b, 2);
    }
    px_buf_puts(b, "</section>");
}

/* The table to fill in: a row per source; the headline column only when
 * some source has a headline, "no headline" where one has none. */
static void lead_table(const ws_plan *p, px_buf *b, bool heads)
{
    px_buf_puts(b, "<table class=\"fillin\"><thead><tr><th scope=\"col\">Source</th>");
    if (heads)
        px_buf_puts(b, "<th scope=\"col\">The headline is about…</th>");
    px_buf_puts(b, "<th scope=\"col\">Sentence 1 is about…</th></tr></thead><tbody>");
    for (uint32_t l = 0; l < p->s->nsources; l++) {
        const px_doc *d = p->s->docs[p->by_letter[l]];
        px_buf_printf(b, "<tr><th scope=\"row\">%c</th>", (char)('A' + l));
        if (heads)
            px_buf_puts(b, d->nsents && d->sents[0].headline
                               ? "<td></td>"
                               : "<td><span class=\"mut\">no headline</span></td>");
        px_buf_puts(b, "<td></td></tr>");
    }
    px_buf_puts(b, "</tbody></table>");
}

static void lead(const ws_plan *p, px_buf *b)
{
    unsigned part = 0;
    bool several = p->lead.early >= 0;
    open_exercise(p, b, WS_LEAD, "What comes first?");
    question(b, &part, several);
    bool heads = false;
    for (uint32_t src = 0; src < p->s->nsources; src++)
        heads = heads || (p->s->docs[src]->nsents && p->s->docs[src]->sents[0].headline);
    px_buf_puts(b, heads ? "Many readers only see the headline and the first sentence. For each "
                           "source, write in a few words what its headline and its first "
                           "sentence are mainly about.</p>"
                         : "Many readers only see the first sentence. For each source, write "
                           "in a few words what its first sentence is mainly about.</p>");
    if (hint_shown(p, WS_LEAD)) {
        hint_open(b);
        px_buf_puts(b, "ask yourself: what is the most important thing this source wants you to "
                       "know?</p>");
    }
    lead_table(p, b, heads);
    if (several) {
        char c = ws_letter(p, (uint32_t)p->lead.early);
        question(b, &part, several);
        px_buf_printf(b,
                      "Source %c tells you one thing in its first two sentences that other "
                      "sources only mention further down, or not at all. What is it? Why "
                      "might Source %c have put it so near the top?</p>",
                      c, c);
        if (hint_shown(p, WS_LEAD)) {
            uint32_t src = (uint32_t)p->lead.early;
            const px_fact *f = &p->s->alignment.facts[p->lead.early_fact];
            hint_open(b);
            px_buf_printf(b, "read Source %c, ", c);
            ws_sentence_ref(p, b, src, px_fact_mention(f, src)->sent);
            px_buf_puts(b, ", then look for the same information in the other sources.</p>");
        }
        ws_answer_lines(b, 3);
    }
    px_buf_puts(b, "</section>");
}

/* The word a sentence uses for a conflict's detail, whose stem it holds
 * ("books" for "book"), or NULL; a plural form ("seats") before a singular
 * one ("a 300-seat chamber"), since the question counts them. */
static const px_token *detail_word(const ws_plan *p, const px_fact *f, const px_conflict *c)
{
    const px_token *found = NULL;
    for (uint32_t src = 0; src < p->s->nsources; src++) {
        const px_mention *m = c->values[src] ? px_fact_mention(f, src) : NULL;
        const px_doc *d = m ? p->s->docs[src] : NULL;
        for (size_t i = 0; d && i < d->sents[m->sent].ntok; i++) {
            const px_token *t = &d->toks[d->sents[m->sent].tok + i];
            if (strcmp(t->stem, c->detail))
                continue;
            size_t n = strlen(t->fold);
            if (n > 1 && t->fold[n - 1] == 's')
                return t;
            found = found ? found : t;
        }
    }
    return found;
}

static bool ends_with(const char *w, size_t n, const char *end)
{
    size_t e = strlen(end);
    return n >= e && !strcmp(w + n - e, end);
}

/* A word after "the number of", plural: as written when it already is
 * ("seats", "people", "children", "men"), else by the common English rules
 * (seat → seats, city → cities, box → boxes). */
static void plural(px_buf *b, const char *w)
{
    size_t n = strlen(w);
    bool vowel_y = n >= 2 && strchr("aeiou", w[n - 2]);
    if (!n || w[n - 1] == 's' || ends_with(w, n, "people") || ends_with(w, n, "men") ||
        ends_with(w, n, "children")) {
        px_html_escape(b, w, n);
    } else if (w[n - 1] == 'y' && !vowel_y) {
        px_html_escape(b, w, n - 1);
        px_buf_puts(b, "ies");
    } else {
        px_html_escape(b, w, n);
        px_buf_puts(b, ends_with(w, n, "x") || ends_with(w, n, "z") || ends_with(w, n, "ch") ||
                               ends_with(w, n, "sh")
                           ? "es"
                           : "s");
    }
}

/* What a conflicting detail is about, in words a student reads easily. */
static void conflict_subject(const ws_plan *p, px_buf *b, const px_fact *f, const px_conflict *c)
{
    const px_token *t = c->detail ? detail_word(p, f, c) : NULL;
    switch (c->kind) {
    case PX_CONFLICT_DURATION: px_buf_puts(b, "how long something lasted"); break;
    case PX_CONFLICT_DATE: px_buf_puts(b, "when something happened"); break;
    case PX_CONFLICT_NAME: px_buf_puts(b, "a name"); break;
    default:
        px_buf_puts(b, t ? "the number of " : "a number");
        if (t)
            plural(b, t->fold);
        break;
    }
}

static void conflict_where(const ws_plan *p, px_buf *b, const px_fact *f, const px_conflict *c)
{
    size_t n = 0, total = 0;
    for (uint32_t l = 0; l < p->s->nsources; l++)
        total += c->values[p->by_letter[l]] != NULL;
    for (uint32_t l = 0; l < p->s->nsources; l++) {
        uint32_t src = p->by_letter[l];
        if (!c->values[src])
            continue;
        if (n++)
            px_buf_puts(b, n == total ? " and " : ", ");
        px_buf_printf(b, "Source %c (", (char)('A' + l));
        ws_sentence_ref(p, b, src, px_fact_mention(f, src)->sent);
        px_buf_putc(b, ')');
    }
}

static void conflicts(const ws_plan *p, px_buf *b)
{
    open_exercise(p, b, WS_CONFLICT, "Different details");
    for (size_t i = 0; i < p->nconflict; i++) {
        const px_fact *f = &p->s->alignment.facts[p->conflict[i].fact];
        const px_conflict *c = &f->conflicts[p->conflict[i].k];
        px_buf_puts(b, "<p class=\"q\">");
        if (p->nconflict > 1)
            px_buf_printf(b, "<strong>%c)</strong> ", (char)('a' + i));
        conflict_where(p, b, f, c);
        px_buf_puts(b, " disagree about ");
        conflict_subject(p, b, f, c);
        px_buf_puts(b, ".</p><p class=\"sub\">What does each one say?</p>");
        ws_answer_lines(b, 2);
        px_buf_puts(b, "<p class=\"sub\">What could explain the difference?</p>");
        if (hint_shown(p, WS_CONFLICT)) {
            hint_open(b);
            px_buf_puts(b, "think about rounding, about when each article was written, and "
                           "about where each source got its information.</p>");
        }
        ws_answer_lines(b, 2);
        px_buf_puts(b, "<p class=\"sub\">How could you check which one is right?</p>");
        ws_answer_lines(b, 2);
    }
    px_buf_puts(b, "</section>");
}

static void reflect(const ws_plan *p, px_buf *b)
{
    open_exercise(p, b, WS_REFLECT, "Your turn to think");
    bool rewrite = p->level == PX_WORKSHEET_ADVANCED;
    unsigned part = 0;
    question(b, &part, rewrite);
    px_buf_puts(b, "If you could read only one of these sources, which would you choose, and "
                   "why? What would you miss from the others? Use two examples from your "
                   "answers above.</p>");
    ws_answer_lines(b, 5);
    if (rewrite) {
        question(b, &part, rewrite);
        px_buf_puts(b, "Pick the headline you think is the least neutral and rewrite it so "
                       "that it only reports what happened.</p>");
        ws_answer_lines(b, 2);
    }
    px_buf_puts(b, "</section>");
}

static void (*const renderers[WS_NKINDS])(const ws_plan *, px_buf *) = {
    [WS_MISSING] = missing, [WS_WORDS] = words,        [WS_SPEAKERS] = speakers,
    [WS_LEAD] = lead,       [WS_CONFLICT] = conflicts, [WS_REFLECT] = reflect,
};

void ws_exercises(const ws_plan *p, px_buf *b)
{
    px_buf_puts(b, "<section class=\"exercises\" aria-labelledby=\"exercises\">"
                   "<h2 id=\"exercises\">Exercises</h2>");
    for (int k = 0; k < WS_NKINDS; k++)
        if (p->shown[k])
            renderers[k](p, b);
    px_buf_puts(b, "</section>");
}
