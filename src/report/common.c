/*
 * common.c — what every renderer needs: ids, positions, escaping, and the
 * accessors through which renderers read the analysis (a fact's status in an
 * outlet, where it sits, the speakers an outlet quotes, lexicon labels).
 */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "report/internal.h"

static uint32_t body_index(const px_story *s, uint32_t source, uint32_t sent, uint32_t *count)
{
    const px_doc *d = s->docs[source];
    uint32_t first = d->nsents && d->sents[0].headline ? 1 : 0;
    if (count)
        *count = (uint32_t)d->nsents - first;
    return sent - first;
}

void px_report_sentence_id(const px_story *s, uint32_t source, uint32_t sent, char *out,
                           size_t size)
{
    const px_doc *d = s->docs[source];
    if (d->sents[sent].headline)
        snprintf(out, size, "%s:h", s->articles[source]->id);
    else
        snprintf(out, size, "%s:s%u", s->articles[source]->id,
                 body_index(s, source, sent, NULL) + 1);
}

const char *px_report_sentence(const px_story *s, uint32_t source, uint32_t sent, size_t *len)
{
    const px_doc *d = s->docs[source];
    *len = d->sents[sent].end - d->sents[sent].start;
    return d->text + d->sents[sent].start;
}

void px_report_fact_id(size_t f, char *out, size_t size)
{
    snprintf(out, size, "f%zu", f + 1);
}

const char *px_report_fact_text(const px_story *s, const px_fact *f, size_t *len)
{
    const px_mention *m = &f->mentions[f->rep];
    return px_report_sentence(s, m->source, m->sent, len);
}

const char *px_report_where(const px_story *s, uint32_t source, uint32_t sent, double *share)
{
    const px_doc *d = s->docs[source];
    if (d->sents[sent].headline) {
        if (share)
            *share = 0;
        return "headline";
    }
    uint32_t n;
    uint32_t k = body_index(s, source, sent, &n);
    if (share)
        *share = n ? (double)k / (double)n : 0;
    if (k < 2)
        return "lead";
    if (n > 5 && k >= n - 2)
        return "end";
    return "body";
}

/* The outlets whose headline states fact f: the align stage decides (the
 * headline aligns with the outlet's claim of the fact, by the similarity
 * and threshold that align claims); the report lists those that carry it. */
uint64_t px_report_headlines(const px_story *s, const px_fact *f)
{
    uint64_t set = 0;
    for (uint32_t src = 0; src < s->nsources; src++)
        if ((f->in_headline & (1ULL << src)) && px_fact_mention(f, src))
            set |= 1ULL << src;
    return set;
}

void px_html_escape(px_buf *b, const char *s, size_t n)
{
    size_t run = 0;
    for (size_t i = 0; i < n; i++) {
        const char *rep = NULL;
        switch (s[i]) {
        case '&': rep = "&amp;"; break;
        case '<': rep = "&lt;"; break;
        case '>': rep = "&gt;"; break;
        case '"': rep = "&quot;"; break;
        case '\'': rep = "&#39;"; break;
        default: break;
        }
        if (rep) {
            px_buf_add(b, s + run, i - run);
            px_buf_puts(b, rep);
            run = i + 1;
        }
    }
    px_buf_add(b, s + run, n - run);
}

void px_csv_field(px_buf *b, const char *s, size_t n)
{
    bool quote = false;
    for (size_t i = 0; i < n; i++)
        if (s[i] == '"' || s[i] == ',' || s[i] == '\n' || s[i] == '\r')
            quote = true;
    if (!quote) {
        px_buf_add(b, s, n);
        return;
    }
    px_buf_putc(b, '"');
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '"')
            px_buf_putc(b, '"');
        px_buf_putc(b, s[i]);
    }
    px_buf_putc(b, '"');
}

double px_round3(double x)
{
    double r = round(x * 1000.0) / 1000.0;
    return r == 0 ? 0 : r; /* no "-0" */
}

const px_lex_entry *px_report_entry(const px_story *s, const px_hit *h, const char **lexicon,
                                    const char **category)
{
    const px_lexicon *l = px_lexset_get(s->lexicons, h->lexicon);
    const px_lex_entry *e = &l->entries[h->entry];
    if (lexicon)
        *lexicon = l->name;
    if (category)
        *category = l->categories[e->category];
    return e;
}

const char *px_report_outlet(const px_story *s, uint32_t source)
{
    const px_article *a = s->articles[source];
    return a->name && *a->name ? a->name : a->id;
}

static bool in_list(const uint32_t *v, size_t n, size_t x)
{
    for (size_t i = 0; i < n; i++)
        if (v[i] == x)
            return true;
    return false;
}

px_report_status px_report_fact_status(const px_story *s, size_t fact, uint32_t source)
{
    const px_fact *f = &s->alignment.facts[fact];
    if (px_fact_mention(f, source)) {
        for (size_t k = 0; k < f->nconflicts; k++)
            if (f->conflicts[k].values[source])
                return PX_STATUS_CONFLICT;
        return PX_STATUS_CARRIES;
    }
    const px_source_compare *c = &s->compare[source];
    if (in_list(c->omitted, c->nomitted, fact))
        return PX_STATUS_OMITS;
    return px_fact_verdict(&s->alignment, f, source) == PX_OMITS ? PX_STATUS_ABSENT
                                                                  : PX_STATUS_UNCLEAR;
}

/* Symbols differ in shape, not only colour, so the matrix reads in
 * greyscale and for colour-blind readers. */
static const struct {
    const char *symbol, *word;
} status_names[] = {
    [PX_STATUS_CARRIES] = {"✓", "carries"},
    [PX_STATUS_CONFLICT] = {"≠", "carries, with a conflicting detail"},
    [PX_STATUS_OMITS] = {"✗", "omits (most others carry it)"},
    [PX_STATUS_ABSENT] = {"–", "does not carry"},
    [PX_STATUS_UNCLEAR] = {"?", "not shown to carry (a sentence of it comes close)"},
};

const char *px_report_status_symbol(px_report_status st)
{
    return status_names[st].symbol;
}

const char *px_report_status_word(px_report_status st)
{
    return status_names[st].word;
}

const char *px_report_fact_where(const px_story *s, size_t fact, uint32_t source)
{
    const px_fact *f = &s->alignment.facts[fact];
    const px_mention *m = px_fact_mention(f, source);
    if (!m)
        return NULL;
    if (px_report_headlines(s, f) & (1ULL << source))
        return "headline";
    return px_report_where(s, source, m->sent, NULL);
}

size_t *px_report_fact_order(const px_story *s)
{
    const px_alignment *al = &s->alignment;
    size_t *order = px_xmalloc((al->nfacts ? al->nfacts : 1) * sizeof *order);
    /* insertion sort: stable, and fact lists are short */
    for (size_t i = 0; i < al->nfacts; i++) {
        size_t j = i;
        while (j > 0 && al->facts[order[j - 1]].nmentions < al->facts[i].nmentions) {
            order[j] = order[j - 1];
            j--;
        }
        order[j] = i;
    }
    return order;
}

bool px_report_fact_unique(const px_story *s, size_t fact)
{
    return s->nsources > 1 && s->alignment.facts[fact].nmentions == 1;
}

size_t px_report_sentence_facts(const px_story *s, uint32_t source, uint32_t sent,
                                uint32_t *out, size_t max)
{
    size_t n = 0;
    for (size_t f = 0; f < s->alignment.nfacts; f++) {
        const px_mention *m = px_fact_mention(&s->alignment.facts[f], source);
        if (!m || m->sent != sent)
            continue;
        if (n < max)
            out[n] = (uint32_t)f;
        n++;
    }
    return n;
}

const char *px_report_conflict_kind(px_conflict_kind k)
{
    static const char *kinds[] = {"number", "duration", "date", "name"};
    return (size_t)k < sizeof kinds / sizeof *kinds ? kinds[k] : "detail";
}

size_t px_report_conflict_count(const px_story *s)
{
    size_t n = 0;
    for (size_t f = 0; f < s->alignment.nfacts; f++)
        n += s->alignment.facts[f].nconflicts;
    return n;
}

/* Labels for the lexicons we ship, the highlight each gets (loaded language
 * the strongest), and whether its hits are marked in the running text:
 * word-choice lexicons are; topic and valence lists (tone, policy frames)
 * would paint half the words, so they get charts and evidence only. A
 * lexicon not listed is shown by its name, marked in the text, gets no
 * "most …" note and a highlight by its position. */
static const struct {
    const char *name, *label, *most;
    unsigned style;
    bool inline_marks;
} lexicon_labels[] = {
    {"loaded", "Loaded language", "most loaded language", 0, true},
    {"hedges", "Hedging", "most hedging", 1, true},
    {"attribution", "Attribution verbs", NULL, 2, true},
    {"sourcing", "Vague sourcing", "most vague sourcing", 3, true},
    {"subjectivity", "Subjectivity", "most subjective wording", 4, true},
    {"tone", "Tone", NULL, 3, false},
    {"frames", "Policy frames (experimental)", NULL, 1, false},
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

bool px_report_lexicon_inline(const px_story *s, uint32_t lexicon)
{
    int r = lexicon_row(px_lexset_get(s->lexicons, lexicon));
    return r < 0 || lexicon_labels[r].inline_marks;
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

bool px_report_tops(const px_story *s, uint32_t source, uint32_t lexicon)
{
    px_score mine = px_report_score(s, source, lexicon, -1);
    if (!mine.hits)
        return false;
    for (uint32_t i = 0; i < s->nsources; i++)
        if (i != source && px_report_score(s, i, lexicon, -1).per_1k >= mine.per_1k)
            return false;
    return true;
}

static bool same_speaker(const char *a, size_t an, const char *b, size_t bn)
{
    return an == bn && strncasecmp(a, b, an) == 0;
}

/* Speakers from the attributions alone, when the frame stage gave no
 * sourcing profile. */
static size_t speakers_from_attributions(const px_doc *d, px_report_speaker **out)
{
    PX_VEC(px_report_speaker) v = {0};
    for (size_t k = 0; k < d->nattrs; k++) {
        const px_attribution *at = &d->attrs[k];
        const char *t = d->text + at->speaker_start;
        size_t n = at->speaker_end > at->speaker_start ? at->speaker_end - at->speaker_start : 0;
        if (!n)
            continue;
        size_t i = 0;
        while (i < v.n && !same_speaker(v.v[i].text, v.v[i].len, t, n))
            i++;
        if (i < v.n) {
            v.v[i].count++;
            continue;
        }
        px_report_speaker sp = {t, n, 1, 0, at->sent, at->anonymous};
        px_vec_push(v, sp);
    }
    *out = v.v;
    return v.n;
}

size_t px_report_speakers(const px_story *s, uint32_t source, px_report_speaker **out)
{
    const px_sourcing *so = s->frames ? &s->frames[source].sourcing : NULL;
    if (!so || !so->nspeakers)
        return speakers_from_attributions(s->docs[source], out);
    px_report_speaker *v = px_xcalloc(so->nspeakers, sizeof *v);
    for (size_t k = 0; k < so->nspeakers; k++) {
        const px_speaker *sp = &so->speakers[k];
        v[k] = (px_report_speaker){sp->name, strlen(sp->name), sp->quotes + sp->paraphrases,
                                   sp->quotes, sp->first_sent, sp->anonymous};
    }
    *out = v;
    return so->nspeakers;
}

double px_report_quoted_share(const px_story *s, uint32_t source)
{
    if (s->frames && s->frames[source].sourcing.words)
        return s->frames[source].sourcing.quoted_share;
    const px_doc *d = s->docs[source];
    size_t quoted = 0;
    for (size_t k = 0; k < d->nquotes; k++)
        if (d->quotes[k].start >= d->body_start)
            quoted += d->quotes[k].end - d->quotes[k].start;
    size_t body = d->len - d->body_start;
    return body ? (double)quoted / (double)body : 0;
}
