/*
 * quotes.c — direct quotations, attributions and name spans.
 *
 * Quotations: “curly” and "straight" double quotes, and ‘single’ curly
 * ones (British style; ’ inside a word is an apostrophe), paired within a
 * paragraph and across its sentences; a double quotation left open at a
 * paragraph's end continues when the next paragraph opens with a quote mark
 * (the newspaper convention), else it ends there. Tokens inside are flagged PX_TOK_QUOTED, so
 * framing can tell the outlet's own voice from a speaker's.
 *
 * Attributions: "…, X said.", "…, said X.", "according to X", "X said
 * (that) …", "X told reporters", "X, an appositive, said …". Speech verbs
 * (said, told, claimed) report speech whatever follows; other verbs
 * (responded, blasted, announced) only before "that", a colon, a comma or a
 * quotation, so "the allies responded with sanctions" is no attribution,
 * nor is a passive "is said to". Each keeps the speaker span (interjected
 * adverbs dropped: "He also said" → "He") and the verb; an attribution is
 * anonymous when the speaker is an unnamed official, source, person
 * familiar with… One attribution per sentence: the align stage sets it
 * aside when comparing claims, the frame stage builds sourcing from it.
 */
#include <string.h>

#include "text/internal.h"

typedef PX_VEC(px_span) spanvec;

static bool opening(const char *t, size_t i)
{
    return i == 0 || t[i - 1] == ' ' || t[i - 1] == '\n' || t[i - 1] == '(' || t[i - 1] == '[' ||
           t[i - 1] == '\t' || t[i - 1] == '-' ||
           (i >= 3 && (unsigned char)t[i - 3] == 0xE2 && (unsigned char)t[i - 2] == 0x80 &&
            ((unsigned char)t[i - 1] == 0x94 || (unsigned char)t[i - 1] == 0x93));
}

static uint32_t sent_at(const px_doc *d, size_t off)
{
    size_t lo = 0, hi = d->nsents;
    while (lo + 1 < hi) {
        size_t mid = (lo + hi) / 2;
        if (d->sents[mid].start <= off)
            lo = mid;
        else
            hi = mid;
    }
    return (uint32_t)lo;
}

/* The quote mark (3-byte UTF-8) seq at t[i]? */
static bool mark_at(const char *t, size_t n, size_t i, unsigned char last)
{
    return i + 2 < n && (unsigned char)t[i] == 0xE2 && (unsigned char)t[i + 1] == 0x80 &&
           (unsigned char)t[i + 2] == last;
}

enum { NONE, DOUBLE, SINGLE };

/* Does a double quotation open at t[k] (it continues a paragraph's)? */
static bool opens_double(const char *t, size_t n, size_t k)
{
    return k < n && (t[k] == '"' || mark_at(t, n, k, 0x9C));
}

/* A quote mark at t[i] that opens (kind) or closes the open one; *len is
 * its size in bytes. ’ closes a single quotation only when no letter
 * follows (don’t is an apostrophe). */
static int quote_mark_at(const char *t, size_t n, size_t i, int open, size_t *len)
{
    *len = t[i] == '"' ? 1 : 3;
    if (open == NONE) {
        if (mark_at(t, n, i, 0x9C) || (t[i] == '"' && opening(t, i)))
            return DOUBLE;
        if (mark_at(t, n, i, 0x98) && opening(t, i))
            return SINGLE;
    } else if ((open == DOUBLE && (t[i] == '"' || mark_at(t, n, i, 0x9D))) ||
               (open == SINGLE && mark_at(t, n, i, 0x99) &&
                (i + 3 >= n || !((t[i + 3] | 0x20) >= 'a' && (t[i + 3] | 0x20) <= 'z')))) {
        return NONE;
    }
    return -1;
}

static void find_quotes(const px_doc *d, spanvec *v)
{
    const char *t = d->text;
    size_t n = d->len, start = 0, len;
    int open = NONE;
    for (size_t i = 0; i < n; i++) {
        if (open != NONE && t[i] == '\n' && i + 1 < n && t[i + 1] == '\n') {
            /* a double quotation continues if the next paragraph opens with one */
            size_t k = i;
            while (k < n && (t[k] == '\n' || t[k] == ' '))
                k++;
            px_span s = {start, i, sent_at(d, start)};
            px_vec_push(*v, s);
            bool cont = open == DOUBLE && opens_double(t, n, k);
            open = cont ? DOUBLE : NONE;
            start = k;
            if (cont)
                i = k + (t[k] == '"' ? 0 : 2);
            continue;
        }
        int next = quote_mark_at(t, n, i, open, &len);
        if (next < 0)
            continue;
        if (next == NONE) {
            px_span s = {start, i + len, sent_at(d, start)};
            px_vec_push(*v, s);
        } else {
            start = i;
        }
        open = next;
        i += len - 1;
    }
    if (open != NONE) {
        px_span s = {start, n, sent_at(d, start)};
        px_vec_push(*v, s);
    }
}

/* Flag the tokens inside quotations, and each sentence's quoted share. */
static void flag_quoted(px_doc *d, const spanvec *v)
{
    size_t q = 0;
    for (size_t k = 0; k < d->ntoks; k++) {
        while (q < v->n && v->v[q].end <= d->toks[k].start)
            q++;
        if (q < v->n && v->v[q].start <= d->toks[k].start && d->toks[k].end <= v->v[q].end)
            d->toks[k].flags |= PX_TOK_QUOTED;
    }
    for (size_t s = 0; s < d->nsents; s++) {
        px_sentence *se = &d->sents[s];
        size_t in = 0;
        for (size_t k = 0; k < v->n; k++) {
            size_t lo = v->v[k].start > se->start ? v->v[k].start : se->start;
            size_t hi = v->v[k].end < se->end ? v->v[k].end : se->end;
            if (hi > lo)
                in += hi - lo;
        }
        se->quoted = se->end > se->start ? (double)in / (double)(se->end - se->start) : 0;
    }
}

void px_text_quotes(px_arena *a, px_doc *d)
{
    spanvec v = {0};
    find_quotes(d, &v);
    flag_quoted(d, &v);
    d->quotes = px_arena_memdup(a, v.v, v.n * sizeof *v.v);
    d->nquotes = v.n;
    px_vec_free(v);
}

/* ---- attributions ---- */

/* Verbs that report speech whatever follows them ("X said the talks …"). */
static const char *const speech_verbs[] = {
    "said",      "says",         "say",          "told",
    "tells",     "stated",       "states",       "added",
    "adds",      "noted",        "notes",        "claimed",
    "claims",    "insisted",     "insists",      "argued",
    "argues",    "warned",       "warns",        "explained",
    "explains",  "acknowledged", "acknowledges", "admitted",
    "admits",    "conceded",     "concedes",     "alleged",
    "alleges",   "asserted",     "asserts",      "maintained",
    "maintains", "contended",    "contends",     "suggested",
    "suggests",  "wrote",        "writes",       "believes",
    "believed",  "thinks",       "insisting",    "saying",
    "stressed",  "stresses",     "emphasized",   "emphasised",
    "cautioned", "predicted",    "recalled",     "reiterated",
    NULL};

/* Verbs that report speech only before "that", a colon, a comma or a
 * quotation ("X blasted the call as “…”"), not before an object ("the U.S.
 * responded with sanctions"). */
static const char *const other_verbs[] = {
    "declared", "declares",  "announced", "announces", "confirmed",  "confirms", "revealed",
    "reveals",  "tweeted",   "replied",   "responded", "complained", "blasted",  "slammed",
    "accused",  "described", "reported",  "reports",   "observed",   "pointed",  "countered",
    "boasted",  "lamented",  "estimated", "agreed",    "vowed",      "promised", "urged",
    "denied",   "charged",   "fumed",     "quipped",   "joked",      "scoffed",  "snapped",
    "mocked",   NULL};

static const char *const anon_words[] = {
    "official", "officials", "source",    "sources",    "person",    "people",
    "aide",     "aides",     "insider",   "insiders",   "diplomat",  "diplomats",
    "familiar", "anonymity", "someone",   "critics",    "observers", "experts",
    "analysts", "some",      "many",      "others",     "hawks",     "doves",
    "skeptics", "sceptics",  "opponents", "supporters", NULL};

/* Words between a speaker and the verb that are not the speaker's. */
static const char *const interjections[] = {
    "also",       "later", "then",       "again",      "previously", "earlier", "afterward",
    "afterwards", "once",  "repeatedly", "reportedly", "allegedly",  NULL};

static bool word_in(const px_token *t, const char *const *list)
{
    return (t->flags & PX_TOK_WORD) && !(t->flags & PX_TOK_QUOTED) && px_str_in(list, t->fold);
}

static bool is_verb(const px_token *t)
{
    if ((t->flags & PX_TOK_CAPITAL) && !(t->flags & PX_TOK_SENTSTART))
        return false; /* "the United States" */
    return word_in(t, speech_verbs) || word_in(t, other_verbs);
}

static bool anonymous(const px_doc *d, size_t s, size_t e)
{
    for (size_t k = s; k < e; k++)
        if ((d->toks[k].flags & PX_TOK_WORD) && px_str_in(anon_words, d->toks[k].fold))
            return true;
    return false;
}

/* A speaker: at most twelve tokens outside quotation marks, with a word
 * that is not a stopword, or a personal pronoun ("he said"). */
static bool speaker_ok(const px_doc *d, size_t s, size_t e)
{
    static const char *const pronouns[] = {"he", "she", "they", "we", "i", "it", NULL};
    if (e <= s || e - s > 12)
        return false;
    bool word = false;
    for (size_t k = s; k < e; k++) {
        if (d->toks[k].flags & PX_TOK_QUOTED)
            return false;
        if ((d->toks[k].flags & PX_TOK_WORD) &&
            (!(d->toks[k].flags & PX_TOK_STOP) || px_str_in(pronouns, d->toks[k].fold)))
            word = true;
    }
    return word;
}

static bool punct(const px_token *t, const char *p)
{
    return (t->flags & PX_TOK_PUNCT) && strcmp(t->fold, p) == 0;
}

static bool quote_mark(const px_token *t)
{
    return (t->flags & PX_TOK_PUNCT) &&
           (strcmp(t->fold, "\"") == 0 || strcmp(t->fold, "\xE2\x80\x9D") == 0 ||
            strcmp(t->fold, "\xE2\x80\x9C") == 0);
}

/* "is said to", "was told": a passive verb reports no speaker. */
static bool passive(const px_doc *d, size_t v, size_t b)
{
    static const char *const be[] = {"is", "was", "are", "were", "be", "been", "being", NULL};
    return v > b && (d->toks[v - 1].flags & PX_TOK_WORD) && px_str_in(be, d->toks[v - 1].fold);
}

/* Does verb v report speech here? Speech verbs always; other verbs only
 * before that / a colon / a comma / a quotation later in the sentence. */
static bool reports_speech(const px_doc *d, size_t v, size_t b, size_t e)
{
    if (!is_verb(&d->toks[v]) || passive(d, v, b))
        return false;
    if (word_in(&d->toks[v], speech_verbs))
        return true;
    if (v + 1 < e && (strcmp(d->toks[v + 1].fold, "that") == 0 || punct(&d->toks[v + 1], ":") ||
                      punct(&d->toks[v + 1], ",")))
        return true;
    for (size_t k = v + 1; k < e; k++)
        if (d->toks[k].flags & PX_TOK_QUOTED)
            return true;
    return false;
}

/* The speaker proper inside [*s, *e): drop a leading relative word ("where
 * they said"), interjected adverbs before the verb, and keep only the name when a common noun runs
 * into it ("a scheme Holloway said" → "Holloway"). */
static void trim_speaker(const px_doc *d, size_t *s, size_t *e)
{
    static const char *const relatives[] = {"where", "who", "which",   "when",  "as", "while",
                                            "and",   "but", "because", "since", NULL};
    const px_token *t = d->toks;
    while (*s + 1 < *e && word_in(&t[*s], relatives))
        (*s)++;
    while (*e > *s + 1 && (word_in(&t[*e - 1], interjections) ||
                           ((t[*e - 1].flags & PX_TOK_WORD) && strlen(t[*e - 1].fold) > 4 &&
                            !strcmp(t[*e - 1].fold + strlen(t[*e - 1].fold) - 2, "ly"))))
        (*e)--;
    size_t k = *e;
    while (k > *s && (t[k - 1].flags & PX_TOK_CAPITAL) && (t[k - 1].flags & PX_TOK_WORD))
        k--;
    if (k < *e && k > *s && (t[k - 1].flags & PX_TOK_WORD) && !(t[k - 1].flags & PX_TOK_STOP) &&
        !(t[k - 1].flags & PX_TOK_CAPITAL) && !anonymous(d, *s, k))
        *s = k;
}

typedef PX_VEC(px_attribution) attrvec;

static void add_attr(attrvec *v, const px_doc *d, uint32_t si, size_t cs, size_t ce, size_t ss,
                     size_t se, size_t vs, size_t ve)
{
    trim_speaker(d, &ss, &se);
    px_attribution at = {d->toks[cs].start,
                         d->toks[ce - 1].end,
                         d->toks[ss].start,
                         d->toks[se - 1].end,
                         d->toks[vs].start,
                         d->toks[ve - 1].end,
                         si,
                         anonymous(d, ss, se)};
    px_vec_push(*v, at);
}

/* "according to X" anywhere in the sentence. */
static bool according_to(const px_doc *d, uint32_t si, size_t b, size_t last, attrvec *out)
{
    const px_token *tk = d->toks;
    for (size_t i = b; i + 2 < last; i++) {
        if (strcmp(tk[i].fold, "according") != 0 || strcmp(tk[i + 1].fold, "to") != 0)
            continue;
        size_t j = i + 2;
        while (j < last && !punct(&tk[j], ",") && !punct(&tk[j], ";"))
            j++;
        if (!speaker_ok(d, i + 2, j))
            continue;
        size_t cs = i > b && punct(&tk[i - 1], ",") ? i - 1 : i;
        size_t ce = j < last && punct(&tk[j], ",") && i == b ? j + 1 : j;
        add_attr(out, d, si, cs, ce, i + 2, j, i, i + 2);
        return true;
    }
    return false;
}

/* After "X agreed" (not a speech verb) at the end of a sentence, only a
 * short adverbial may follow ("on Tuesday", "in a statement"), not a
 * complement ("where they agreed to open a dialogue"). */
static bool adverbial_tail(const px_doc *d, size_t v, size_t last)
{
    static const char *const starts[] = {
        "on",         "in",        "at",          "during",  "after",   "before", "last",
        "this",       "yesterday", "today",       "tonight", "earlier", "later",  "afterward",
        "afterwards", "late",      "when",        "while",   "from",    "via",    "over",
        "through",    "reporters", "journalists", NULL};
    if (v + 1 >= last)
        return true;
    const px_token *t = &d->toks[v + 1];
    return last - v - 1 <= 6 && (t->flags & PX_TOK_WORD) && px_str_in(starts, t->fold);
}

/* Before the comma at c: ", Name, an appositive" — a capitalised name of at
 * most four words between two commas, then the appositive (at most ten
 * tokens). *ns receives where the name starts. */
static bool appositive_before(const px_doc *d, size_t b, size_t c, size_t *ns)
{
    const px_token *tk = d->toks;
    size_t c2 = c;
    while (c2 > b && !punct(&tk[c2 - 1], ",") && c - c2 < 10)
        c2--;
    if (c2 <= b || c2 == c || !punct(&tk[c2 - 1], ","))
        return false;
    size_t c3 = c2 - 1;
    while (c3 > b && !punct(&tk[c3 - 1], ",") && c2 - 1 - c3 < 5)
        c3--;
    if (c3 <= b || !punct(&tk[c3 - 1], ",") || c3 == c2 - 1)
        return false;
    for (size_t k = c3; k < c2 - 1; k++)
        if (!(tk[k].flags & PX_TOK_CAPITAL) && !punct(&tk[k], "."))
            return false;
    if (!speaker_ok(d, c3, c))
        return false;
    *ns = c3;
    return true;
}

/* "…, X said." / "…, said X." / "“…” X said." at the end. */
static bool said_at_end(const px_doc *d, uint32_t si, size_t b, size_t last, attrvec *out)
{
    const px_token *tk = d->toks;
    for (size_t i = last; i > b + 1; i--) {
        size_t v = i - 1;
        if (!is_verb(&tk[v]) || passive(d, v, b))
            continue;
        size_t c = v;
        while (c > b && !punct(&tk[c - 1], ",") && !quote_mark(&tk[c - 1]) && v - c < 12)
            c--;
        if (c > b && (punct(&tk[c - 1], ",") || quote_mark(&tk[c - 1]))) {
            if (v > c && speaker_ok(d, c, v) &&
                (word_in(&tk[v], speech_verbs) || adverbial_tail(d, v, last))) {
                add_attr(out, d, si, c - 1, last, c, v, v, v + 1);
                return true;
            }
            if (v == c && v + 1 < last && speaker_ok(d, v + 1, last)) {
                add_attr(out, d, si, c - 1, last, v + 1, last, v, v + 1);
                return true;
            }
            size_t ns;
            if (v == c && word_in(&tk[v], speech_verbs) && appositive_before(d, b, c - 1, &ns)) {
                /* "…, Tom Baker, the head librarian, said." */
                add_attr(out, d, si, ns - 1, last, ns, c - 1, v, v + 1);
                return true;
            }
        }
        return false;
    }
    return false;
}

/* The end of a clause that says to whom or how ("told reporters that:"). */
static size_t clause_end(const px_doc *d, size_t v, size_t e)
{
    const px_token *tk = d->toks;
    size_t ce = v + 1;
    if (ce < e &&
        (strcmp(tk[ce].fold, "reporters") == 0 || strcmp(tk[ce].fold, "journalists") == 0))
        ce++;
    if (ce < e && strcmp(tk[ce].fold, "that") == 0)
        ce++;
    if (ce < e && punct(&tk[ce], ":"))
        ce++;
    return ce;
}

/* "X said (that) …" and "X, an appositive, said …" at the start. */
static bool said_at_start(const px_doc *d, uint32_t si, size_t b, size_t e, attrvec *out)
{
    const px_token *tk = d->toks;
    size_t comma = 0, commas = 0; /* comma: the one after "X," before an appositive */
    for (size_t i = b + 1; i < e && i < b + 32; i++) {
        if (tk[i].flags & PX_TOK_QUOTED)
            return false;
        if (punct(&tk[i], ",")) {
            if (++commas > 2 || (!comma && (i - b > 6 || !speaker_ok(d, b, i))))
                return false;
            comma = comma ? comma : i;
            continue;
        }
        if (!comma && i >= b + 12)
            return false;
        if (!reports_speech(d, i, b, e))
            continue;
        bool closed = comma && i > comma + 1 && punct(&tk[i - 1], ",");
        size_t se = closed ? comma : i;
        if ((comma && !closed) || !speaker_ok(d, b, se))
            return false;
        add_attr(out, d, si, b, clause_end(d, i, e), b, se, i, i + 1);
        return true;
    }
    return false;
}

static void sentence_attributions(const px_doc *d, uint32_t si, attrvec *out)
{
    const px_sentence *s = &d->sents[si];
    if (s->headline || s->ntok < 3)
        return;
    const px_token *tk = d->toks;
    size_t b = s->tok, e = s->tok + s->ntok;
    size_t last = e;
    while (last > b && (tk[last - 1].flags & PX_TOK_PUNCT) && !punct(&tk[last - 1], ","))
        last--;
    if (!according_to(d, si, b, last, out) && !said_at_end(d, si, b, last, out))
        said_at_start(d, si, b, e, out);
}

void px_text_attributions(px_arena *a, px_doc *d)
{
    attrvec v = {0};
    for (uint32_t s = 0; s < d->nsents; s++)
        sentence_attributions(d, s, &v);
    d->attrs = px_arena_memdup(a, v.v, v.n * sizeof *v.v);
    d->nattrs = v.n;
    px_vec_free(v);
}
