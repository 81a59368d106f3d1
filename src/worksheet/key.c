/*
 * key.c — the teacher's answer key: the outlets behind the
 * letters, the expected answer to every exercise on the sheet with its
 * evidence (sentence numbers, the words themselves, what each source
 * says), and the fact matrix the answers come from.
 *
 * Quotations are printed as the sheet prints them (names blanked out the
 * same way), so a teacher can point at the very words. Every answer also
 * carries its evidence in data- attributes (letter, sentence number,
 * words), which the tests read to check the key against the sheet.
 */
#include <string.h>

#include "worksheet/internal.h"

/* A data- attribute holding text. */
static void attr(px_buf *b, const char *name, const char *s, size_t n)
{
    px_buf_printf(b, " %s=\"", name);
    px_html_escape(b, s, n);
    px_buf_putc(b, '"');
}

/* “the sentence as the sheet prints it” */
static void quote_sentence(const ws_plan *p, px_buf *b, uint32_t src, uint32_t sent)
{
    px_buf_puts(b, "<q>");
    ws_sentence_text(p, b, src, sent);
    px_buf_puts(b, "</q>");
}

/* <li> Source A, sentence 7: “…” </li>, with its evidence attributes. */
static void evidence_item(const ws_plan *p, px_buf *b, uint32_t src, uint32_t sent)
{
    px_buf_printf(b, "<li data-src=\"%c\" data-sent=\"%u\"><strong>Source %c</strong>, ",
                  ws_letter(p, src), ws_sentence_number(p, src, sent), ws_letter(p, src));
    ws_sentence_ref(p, b, src, sent);
    px_buf_puts(b, ": ");
    quote_sentence(p, b, src, sent);
    px_buf_puts(b, "</li>");
}

static void fact_evidence(const ws_plan *p, px_buf *b, const px_fact *f)
{
    px_buf_puts(b, "<ul class=\"ev\">");
    for (uint32_t l = 0; l < p->s->nsources; l++) {
        const px_mention *m = px_fact_mention(f, p->by_letter[l]);
        if (m)
            evidence_item(p, b, m->source, m->sent);
    }
    px_buf_puts(b, "</ul>");
}

static void open_answer(const ws_plan *p, px_buf *b, ws_kind k, const char *title)
{
    px_buf_printf(b,
                  "<section class=\"ans\" id=\"ans%u\"><h3><span class=\"num\">%u</span> %s"
                  "</h3>",
                  p->number[k], p->number[k], title);
}

static void missing_item(const ws_plan *p, px_buf *b, const ws_missing *m)
{
    const px_fact *f = &p->s->alignment.facts[m->fact];
    char id[32];
    px_story_fact_id(m->fact, id, sizeof id);
    px_buf_printf(b,
                  "<div class=\"item\" data-ex=\"missing\" data-absent=\"%c\" "
                  "data-fact=\"%s\"><p><strong>",
                  ws_letter(p, m->source), id);
    ws_source_name(p, b, m->source, true);
    px_buf_puts(b, "</strong> leaves out what the others report here:</p>");
    fact_evidence(p, b, f);
    px_buf_printf(b, "<p class=\"why\">No sentence of Source %c has these key words together: ",
                  ws_letter(p, m->source));
    for (size_t k = 0; k < m->nkeys; k++) {
        if (k)
            px_buf_puts(b, ", ");
        px_buf_puts(b, "<em>");
        px_html_escape(b, m->keys[k], strlen(m->keys[k]));
        px_buf_puts(b, "</em>");
    }
    px_buf_puts(b, ".</p>");
    if (m->nalso) {
        px_buf_printf(b,
                      "<p>Also right: Source %c leaves out these as well.</p><ul class=\"also\">",
                      ws_letter(p, m->source));
        for (size_t k = 0; k < m->nalso; k++) {
            const px_fact *g = &p->s->alignment.facts[m->also[k]];
            const px_mention *rep = &g->mentions[g->rep];
            px_story_fact_id(m->also[k], id, sizeof id);
            px_buf_printf(b, "<li data-also=\"%s\">", id);
            quote_sentence(p, b, rep->source, rep->sent);
            px_buf_printf(b, " (Source %c, ", ws_letter(p, rep->source));
            ws_sentence_ref(p, b, rep->source, rep->sent);
            px_buf_puts(b, ")</li>");
        }
        px_buf_puts(b, "</ul>");
    }
    px_buf_puts(b, "</div>");
}

static void missing_answer(const ws_plan *p, px_buf *b)
{
    open_answer(p, b, WS_MISSING, "What is missing?");
    for (size_t i = 0; i < p->nmissing; i++)
        missing_item(p, b, &p->missing[i]);
    px_buf_puts(b, "</section>");
}

static void word_row(const ws_plan *p, px_buf *b, uint32_t src, const ws_word *w)
{
    const char *t = p->s->docs[src]->text;
    px_buf_printf(b, "<tr data-src=\"%c\" data-sent=\"%u\"", ws_letter(p, src),
                  ws_sentence_number(p, src, w->sent));
    attr(b, "data-word", t + w->start, w->end - w->start);
    if (w->neutral)
        attr(b, "data-neutral", w->neutral, strlen(w->neutral));
    else
        px_buf_puts(b, " data-lexicon=\"none\"");
    px_buf_puts(b, "><td><strong>");
    px_html_escape(b, t + w->start, w->end - w->start);
    px_buf_puts(b, "</strong></td><td>");
    ws_sentence_ref(p, b, src, w->sent);
    px_buf_puts(b, "</td><td>");
    if (w->neutral)
        px_html_escape(b, w->neutral, strlen(w->neutral));
    else
        px_buf_puts(b, "<span class=\"mut\">compare the other sources' words</span>");
    px_buf_puts(b, "</td><td>");
    if (w->category)
        px_html_escape(b, w->category, strlen(w->category));
    else
        px_buf_puts(b, "different wording, not in a lexicon");
    px_buf_puts(b, "</td></tr>");
}

static void words_table(const ws_plan *p, px_buf *b, uint32_t src, const ws_word *w, size_t n)
{
    px_buf_puts(b, "<table class=\"words\"><thead><tr><th scope=\"col\">Word</th>"
                   "<th scope=\"col\">Where</th><th scope=\"col\">A neutral word</th>"
                   "<th scope=\"col\">Kind of word</th></tr></thead><tbody>");
    for (size_t k = 0; k < n; k++)
        word_row(p, b, src, &w[k]);
    px_buf_puts(b, "</tbody></table>");
}

static void words_answer(const ws_plan *p, px_buf *b)
{
    open_answer(p, b, WS_WORDS, "Word choice");
    for (size_t i = 0; i < p->nwords; i++) {
        const ws_words *w = &p->words[i];
        px_buf_printf(b, "<div class=\"item\" data-ex=\"words\" data-source=\"%c\"><p>In <strong>",
                      ws_letter(p, w->source));
        ws_source_name(p, b, w->source, true);
        px_buf_puts(b, "</strong>:</p>");
        words_table(p, b, w->source, w->find, w->nfind);
        if (w->nmore) {
            px_buf_puts(b, "<p>Also right (the same source uses these too):</p>");
            words_table(p, b, w->source, w->more, w->nmore);
        }
        if (w->nother) {
            px_buf_puts(b, "<p>Also fair to underline: in the same sentences, words this "
                           "source uses where the others word the same fact differently. No "
                           "lexicon lists them; ask students why the choice matters.</p>");
            words_table(p, b, w->source, w->other, w->nother);
        }
        px_buf_puts(b, "<p class=\"why\">Other neutral words are fine when they keep the "
                       "meaning and drop the judgement.</p></div>");
    }
    px_buf_puts(b, "</section>");
}

enum { MAX_SPEAKER_SENTS = 16 };

/* The sentences where source src attributes something to speaker k. */
static size_t speaker_sentences(const ws_plan *p, uint32_t src, size_t k, const px_speaker *sp,
                                uint32_t *out)
{
    const px_sourcing *so = &p->s->frames[src].sourcing;
    const px_doc *d = p->s->docs[src];
    size_t n = 0;
    for (size_t a = 0; a < d->nattrs && n < MAX_SPEAKER_SENTS; a++) {
        if (so->attr_speaker[a] != (int32_t)k || (n && out[n - 1] == d->attrs[a].sent))
            continue;
        out[n++] = d->attrs[a].sent;
    }
    if (!n)
        out[n++] = sp->first_sent;
    return n;
}

static void speaker_item(const ws_plan *p, px_buf *b, uint32_t src, size_t k, const px_speaker *sp)
{
    uint32_t sents[MAX_SPEAKER_SENTS];
    size_t n = speaker_sentences(p, src, k, sp, sents);
    px_buf_printf(b, "<li data-src=\"%c\" data-sent=\"%u\" data-anon=\"%d\"", ws_letter(p, src),
                  ws_sentence_number(p, src, sents[0]), sp->anonymous);
    attr(b, "data-speaker", sp->name, strlen(sp->name));
    px_buf_puts(b, ">");
    px_html_escape(b, sp->name, strlen(sp->name));
    px_buf_puts(b, " <span class=\"mut\">(");
    for (size_t i = 0; i < n; i++) {
        if (i)
            px_buf_puts(b, ", ");
        ws_sentence_ref(p, b, src, sents[i]);
    }
    px_buf_puts(b, sp->quotes ? "; quoted directly)</span></li>" : ")</span></li>");
}

static void speaker_cell(const ws_plan *p, px_buf *b, uint32_t src, bool anonymous)
{
    const px_source_compare *c = &p->s->compare.sources[src];
    size_t shown = 0;
    px_buf_puts(b, "<td><ul>");
    for (size_t k = 0; k < c->nspeakers; k++)
        if (c->speakers[k].anonymous == anonymous && ws_speaker_shown(&c->speakers[k])) {
            speaker_item(p, b, src, k, &c->speakers[k]);
            shown++;
        }
    px_buf_puts(b, shown ? "</ul></td>" : "</ul><span class=\"mut\">none</span></td>");
}

/* The people only one source quotes, source by source. */
static void unique_voices(const ws_plan *p, px_buf *b)
{
    px_buf_puts(b, "<p>Quoted by one source only:</p><ul class=\"ev\">");
    for (uint32_t l = 0; l < p->s->nsources; l++) {
        uint32_t src = p->by_letter[l];
        if (!(p->speakers.unique >> src & 1))
            continue;
        const px_source_compare *c = &p->s->compare.sources[src];
        for (size_t k = 0; k < c->nspeakers; k++)
            if (ws_voice_unique(p, src, &c->speakers[k])) {
                const char *name = c->speakers[k].name;
                px_buf_puts(b, "<li data-unique=\"1\"");
                attr(b, "data-person", name, strlen(name));
                px_buf_printf(b, " data-src=\"%c\"><strong>Source %c</strong>: ", (char)('A' + l),
                              (char)('A' + l));
                px_html_escape(b, name, strlen(name));
                px_buf_puts(b, "</li>");
            }
    }
    px_buf_puts(b, "</ul>");
}

static void speakers_answer(const ws_plan *p, px_buf *b)
{
    const ws_speakers *w = &p->speakers;
    open_answer(p, b, WS_SPEAKERS, "Who gets to speak?");
    if (w->anonymous >= 0) {
        px_buf_printf(b,
                      "<p data-answer-anon=\"%c\">Relies most on speakers it does not name: "
                      "<strong>",
                      ws_letter(p, (uint32_t)w->anonymous));
        ws_source_name(p, b, (uint32_t)w->anonymous, true);
        px_buf_puts(b, "</strong>. Any two of its unnamed speakers below are evidence.</p>");
    }
    if (w->most_named >= 0) {
        px_buf_printf(b,
                      "<p data-answer-most=\"%c\" data-answer-fewest=\"%c\">Names the most "
                      "speakers: <strong>",
                      ws_letter(p, (uint32_t)w->most_named),
                      ws_letter(p, (uint32_t)w->least_named));
        ws_source_name(p, b, (uint32_t)w->most_named, true);
        px_buf_puts(b, "</strong>; the fewest: <strong>");
        ws_source_name(p, b, (uint32_t)w->least_named, true);
        px_buf_puts(b, "</strong>.</p>");
    }
    if (w->unique)
        unique_voices(p, b);
    px_buf_puts(b, "<table class=\"speakers\"><thead><tr><th scope=\"col\">Source</th>"
                   "<th scope=\"col\">Named speakers</th><th scope=\"col\">Unnamed speakers</th>"
                   "</tr></thead><tbody>");
    for (uint32_t l = 0; l < p->s->nsources; l++) {
        px_buf_printf(b, "<tr><th scope=\"row\">%c</th>", (char)('A' + l));
        speaker_cell(p, b, p->by_letter[l], false);
        speaker_cell(p, b, p->by_letter[l], true);
        px_buf_puts(b, "</tr>");
    }
    px_buf_puts(b, "</tbody></table><p class=\"why\">Reporters may keep a source unnamed to "
                   "protect them; readers cannot check who they are or what they want, so "
                   "such claims deserve more care.</p></section>");
}

/* One cell of the headline-and-lead table: the words, then the fact of
 * the matrix they state and who else reports it. */
static void lead_cell(const ws_plan *p, px_buf *b, uint32_t src, uint32_t sent, int64_t fact)
{
    px_buf_puts(b, "<td>");
    quote_sentence(p, b, src, sent);
    if (fact < 0) {
        px_buf_puts(b, "<br><span class=\"mut\">no other source states this</span></td>");
        return;
    }
    const px_fact *f = &p->s->alignment.facts[fact];
    char id[32];
    px_story_fact_id((size_t)fact, id, sizeof id);
    uint64_t set = 0;
    for (size_t k = 0; k < f->nmentions; k++)
        set |= 1ULL << f->mentions[k].source;
    px_buf_printf(b, "<br><span class=\"mut\">fact %s, reported by ", id);
    ws_source_list(p, b, set);
    px_buf_puts(b, "</span></td>");
}

static void lead_row(const ws_plan *p, px_buf *b, uint32_t src)
{
    const px_doc *d = p->s->docs[src];
    bool headline = d->nsents && d->sents[0].headline;
    uint32_t first = ws_first_sentence(p, src);
    char hid[32] = "", fid[32] = "";
    if (p->lead.headline[src] >= 0)
        px_story_fact_id((size_t)p->lead.headline[src], hid, sizeof hid);
    if (p->lead.first[src] >= 0)
        px_story_fact_id((size_t)p->lead.first[src], fid, sizeof fid);
    px_buf_printf(b,
                  "<tr data-src=\"%c\" data-head-fact=\"%s\" data-first-fact=\"%s\">"
                  "<th scope=\"row\">%c</th>",
                  ws_letter(p, src), hid, fid, ws_letter(p, src));
    if (headline)
        lead_cell(p, b, src, 0, p->lead.headline[src]);
    else
        px_buf_puts(b, "<td><span class=\"mut\">no headline</span></td>");
    if (first < d->nsents)
        lead_cell(p, b, src, first, p->lead.first[src]);
    else
        px_buf_puts(b, "<td></td>");
    px_buf_puts(b, "</tr>");
}

static void lead_early(const ws_plan *p, px_buf *b)
{
    uint32_t src = (uint32_t)p->lead.early;
    const px_fact *f = &p->s->alignment.facts[p->lead.early_fact];
    char id[32];
    px_story_fact_id(p->lead.early_fact, id, sizeof id);
    px_buf_printf(b, "<div class=\"item\" data-early=\"%c\" data-fact=\"%s\"><p><strong>",
                  ws_letter(p, src), id);
    ws_source_name(p, b, src, true);
    px_buf_printf(b, "</strong> puts fact %s near the top (", id);
    ws_sentence_ref(p, b, src, px_fact_mention(f, src)->sent);
    px_buf_puts(b, "); the other sources that report it put it further down:</p>");
    fact_evidence(p, b, f);
    px_buf_puts(b, "<p class=\"why\">Accept any reason that links the choice to the story the "
                   "source wants to tell (for example: it makes the event look more alarming, "
                   "or more hopeful).</p></div>");
}

static void lead_answer(const ws_plan *p, px_buf *b)
{
    open_answer(p, b, WS_LEAD, "What comes first?");
    px_buf_puts(b, "<p>Students describe each in their own words; what matters is that they "
                   "notice the differences.</p><table class=\"lead\"><thead><tr>"
                   "<th scope=\"col\">Source</th><th scope=\"col\">Headline</th>"
                   "<th scope=\"col\">Sentence 1</th></tr></thead><tbody>");
    for (uint32_t l = 0; l < p->s->nsources; l++)
        lead_row(p, b, p->by_letter[l]);
    px_buf_puts(b, "</tbody></table>");
    if (p->lead.early >= 0)
        lead_early(p, b);
    px_buf_puts(b, "</section>");
}

/* The attribution of a sentence ("according to the White House"), if any. */
static const px_attribution *sentence_attribution(const px_doc *d, uint32_t sent)
{
    for (size_t k = 0; k < d->nattrs; k++)
        if (d->attrs[k].sent == sent && d->attrs[k].speaker_end > d->attrs[k].speaker_start)
            return &d->attrs[k];
    return NULL;
}

static void conflict_value(const ws_plan *p, px_buf *b, const px_fact *f, const px_conflict *c,
                           uint32_t src)
{
    const px_mention *m = px_fact_mention(f, src);
    const px_doc *d = p->s->docs[src];
    px_buf_printf(b, "<li data-src=\"%c\" data-sent=\"%u\"", ws_letter(p, src),
                  ws_sentence_number(p, src, m->sent));
    attr(b, "data-value", c->values[src], strlen(c->values[src]));
    px_buf_printf(b, "><strong>Source %c</strong> (", ws_letter(p, src));
    ws_sentence_ref(p, b, src, m->sent);
    px_buf_puts(b, "): <strong>");
    px_html_escape(b, c->values[src], strlen(c->values[src]));
    px_buf_puts(b, "</strong>");
    const px_attribution *at = sentence_attribution(d, m->sent);
    if (at) {
        px_buf_puts(b, ", attributed to <em>");
        ws_text(p, b, src, at->speaker_start, at->speaker_end);
        px_buf_puts(b, "</em>");
    } else {
        px_buf_puts(b, ", attributed to no one");
    }
    px_buf_puts(b, "</li>");
}

static void conflict_answer(const ws_plan *p, px_buf *b)
{
    open_answer(p, b, WS_CONFLICT, "Different details");
    for (size_t i = 0; i < p->nconflict; i++) {
        const px_fact *f = &p->s->alignment.facts[p->conflict[i].fact];
        const px_conflict *c = &f->conflicts[p->conflict[i].k];
        char id[32];
        px_story_fact_id(p->conflict[i].fact, id, sizeof id);
        px_buf_printf(b,
                      "<div class=\"item\" data-ex=\"conflict\" data-fact=\"%s\" "
                      "data-kind=\"%s\"><ul class=\"ev\">",
                      id, px_conflict_kind_name(c->kind));
        for (uint32_t l = 0; l < p->s->nsources; l++)
            if (c->values[p->by_letter[l]])
                conflict_value(p, b, f, c, p->by_letter[l]);
        px_buf_puts(b, "</ul></div>");
    }
    px_buf_puts(b, "<p class=\"why\">Good explanations: one figure is rounded (“about”, “more "
                   "than”); the sources got it from different people; one article was written "
                   "earlier, before the figure was known; someone made a mistake. Good ways to "
                   "check: find the original source (an official statement, a transcript, a "
                   "report), see what it says and when it said it, and compare with a source "
                   "that names where its figure comes from.</p></section>");
}

static void reflect_answer(const ws_plan *p, px_buf *b)
{
    open_answer(p, b, WS_REFLECT, "Your turn to think");
    px_buf_puts(b, "<p>No single right answer. A strong answer names a source, gives reasons "
                   "drawn from the exercises (what it leaves out, the words it chooses, who it "
                   "lets speak) and says what the reader would miss from the others.</p>"
                   "</section>");
}

static void (*const answers[WS_NKINDS])(const ws_plan *, px_buf *) = {
    [WS_MISSING] = missing_answer, [WS_WORDS] = words_answer,       [WS_SPEAKERS] = speakers_answer,
    [WS_LEAD] = lead_answer,       [WS_CONFLICT] = conflict_answer, [WS_REFLECT] = reflect_answer,
};

static void letters(const ws_plan *p, px_buf *b)
{
    px_buf_puts(b, "<section aria-labelledby=\"who\"><h2 id=\"who\">Who is who</h2>"
                   "<table class=\"letters\"><thead><tr><th scope=\"col\">Letter</th>"
                   "<th scope=\"col\">Outlet</th><th scope=\"col\">Headline</th></tr></thead>"
                   "<tbody>");
    for (uint32_t l = 0; l < p->s->nsources; l++) {
        uint32_t src = p->by_letter[l];
        const px_article *a = p->s->articles[src];
        const char *name = px_story_outlet(p->s, src);
        px_buf_printf(b, "<tr data-letter=\"%c\"", (char)('A' + l));
        attr(b, "data-outlet", a->id, strlen(a->id));
        px_buf_printf(b, "><th scope=\"row\">%c</th><td><strong>", (char)('A' + l));
        px_html_escape(b, name, strlen(name));
        px_buf_puts(b, "</strong>");
        if (a->byline) {
            px_buf_puts(b, "<br><span class=\"mut\">");
            px_html_escape(b, a->byline, strlen(a->byline));
            px_buf_puts(b, "</span>");
        }
        px_buf_puts(b, "</td><td>");
        px_html_escape(b, a->title ? a->title : "", a->title ? strlen(a->title) : 0);
        px_buf_puts(b, "</td></tr>");
    }
    px_buf_puts(b, "</tbody></table></section>");
}

enum { MATRIX_WORDING = 140 };

/* A fact's wording as the sheet prints it, cut at a space near
 * MATRIX_WORDING bytes. */
static void short_wording(const ws_plan *p, px_buf *b, const px_fact *f)
{
    const px_mention *m = &f->mentions[f->rep];
    const px_doc *d = p->s->docs[m->source];
    size_t start = d->sents[m->sent].start, end = d->sents[m->sent].end;
    if (end - start <= MATRIX_WORDING) {
        ws_text(p, b, m->source, start, end);
        return;
    }
    size_t cut = start + MATRIX_WORDING;
    while (cut > start && d->text[cut] != ' ')
        cut--;
    ws_text(p, b, m->source, start, cut > start ? cut : end);
    px_buf_puts(b, cut > start ? " …" : "");
}

static void matrix_row(const ws_plan *p, px_buf *b, size_t fact)
{
    const px_fact *f = &p->s->alignment.facts[fact];
    char id[32];
    px_story_fact_id(fact, id, sizeof id);
    px_buf_printf(b, "<tr data-fact=\"%s\"><th scope=\"row\"><span class=\"fid\">%s</span> ", id,
                  id);
    short_wording(p, b, f);
    px_buf_puts(b, "</th>");
    for (uint32_t l = 0; l < p->s->nsources; l++) {
        uint32_t src = p->by_letter[l];
        const px_cell *c = px_compare_cell(&p->s->compare, fact, src);
        px_buf_printf(b, "<td class=\"st%d\" title=\"%s\">%s", (int)c->status,
                      px_cell_status_words(c->status), px_cell_status_symbol(c->status));
        if (c->mention >= 0) {
            uint32_t n = ws_sentence_number(p, src, c->sent);
            if (n == WS_HIDDEN)
                px_buf_puts(b, " –");
            else if (n)
                px_buf_printf(b, " %u", n);
            else
                px_buf_puts(b, " h");
        }
        px_buf_puts(b, "</td>");
    }
    px_buf_puts(b, "</tr>");
}

static void matrix(const ws_plan *p, px_buf *b)
{
    px_buf_puts(b, "<section aria-labelledby=\"matrix\"><h2 id=\"matrix\">Fact matrix</h2>"
                   "<p class=\"legend\">Each row is one fact, each column one source; the "
                   "number is the sentence that states it (h: the headline). ✓ states it; "
                   "≠ states it with a detail that differs; ✗ leaves out a fact most others "
                   "report; – does not report it; ? not shown either way: a sentence comes "
                   "close but the tool is not sure. Only sure verdicts are used for the "
                   "answers above.</p><table class=\"matrix\"><thead><tr>"
                   "<th scope=\"col\">Fact</th>");
    for (uint32_t l = 0; l < p->s->nsources; l++)
        px_buf_printf(b, "<th scope=\"col\">%c</th>", (char)('A' + l));
    px_buf_puts(b, "</tr></thead><tbody>");
    for (size_t r = 0; r < p->s->compare.nfacts; r++)
        matrix_row(p, b, p->s->compare.order[r]);
    px_buf_puts(b, "</tbody></table></section>");
}

/* Why an exercise is not on the sheet: the analysis gave no sure answer
 * (nothing is made up to fill the gap), or the level leaves it out. */
static const char *const not_supported[WS_NKINDS] = {
    [WS_MISSING] = "no fact is reported by most sources and clearly missing from one",
    [WS_WORDS] = ("no source uses two or more loaded words that the lexicons give a "
                  "neutral counterpart for"),
    [WS_SPEAKERS] = "no source stands out clearly in how many named or unnamed speakers it uses",
    [WS_LEAD] = "the sources' first sentences share no facts to compare",
    [WS_CONFLICT] = "the sources give no conflicting details",
};
static const char *const titles[WS_NKINDS] = {
    [WS_MISSING] = "What is missing?",    [WS_WORDS] = "Word choice",
    [WS_SPEAKERS] = "Who gets to speak?", [WS_LEAD] = "What comes first?",
    [WS_CONFLICT] = "Different details",  [WS_REFLECT] = "Your turn to think",
};

static void left_out(const ws_plan *p, px_buf *b)
{
    size_t n = 0;
    for (int k = 0; k < WS_NKINDS; k++) {
        if (p->shown[k] || (!p->supported[k] && !not_supported[k]))
            continue;
        px_buf_puts(b, n++ ? "<li>"
                           : "<section class=\"ans\"><h3>Not on this sheet</h3><ul>"
                             "<li>");
        px_buf_printf(b, "<em>%s</em>: %s.</li>", titles[k],
                      p->supported[k] ? "left out at this level" : not_supported[k]);
    }
    if (n)
        px_buf_puts(b, "</ul></section>");
}

void ws_key(const ws_plan *p, px_buf *b)
{
    px_buf_printf(b,
                  "<body class=\"key\"><header><p class=\"kicker\">Answer key · for the "
                  "teacher</p><h1>One story, %zu sources: the answers</h1><p>Keep this "
                  "away from students until they have finished the worksheet. Sentence "
                  "numbers are those printed on the worksheet.</p></header><main>",
                  p->s->nsources);
    letters(p, b);
    px_buf_puts(b, "<section class=\"answers\" aria-labelledby=\"answers\">"
                   "<h2 id=\"answers\">Answers</h2>");
    for (int k = 0; k < WS_NKINDS; k++)
        if (p->shown[k])
            answers[k](p, b);
    left_out(p, b);
    px_buf_puts(b, "</section>");
    matrix(p, b);
    px_buf_puts(b, "</main>");
}
