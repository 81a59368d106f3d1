/*
 * quotes.c — direct quotations, attributions and name spans.
 *
 * Quotations: “curly” and "straight" double quotes paired within a
 * paragraph; a quotation left open at a paragraph's end continues when the
 * next paragraph opens with a quote mark (the newspaper convention), else it
 * ends there. Tokens inside are flagged PX_TOK_QUOTED, so framing can tell
 * the outlet's own voice from a speaker's.
 *
 * Attributions: "…, X said.", "…, said X.", "according to X", "X said
 * (that) …", "X told reporters". Each keeps the speaker span and the verb;
 * an attribution is anonymous when the speaker is an unnamed official,
 * source, person familiar with… The align stage sets attribution clauses
 * aside when comparing claims.
 */
#include <string.h>

#include "text/internal.h"

typedef PX_VEC(px_span) spanvec;

static bool opening(const char *t, size_t i)
{
    return i == 0 || t[i - 1] == ' ' || t[i - 1] == '\n' || t[i - 1] == '(' ||
           t[i - 1] == '[' || t[i - 1] == '\t' || t[i - 1] == '-' ||
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

void px_text_quotes(px_arena *a, px_doc *d)
{
    spanvec v = {0};
    const char *t = d->text;
    size_t n = d->len;
    bool open = false;
    size_t start = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)t[i];
        bool curly_open = c == 0xE2 && i + 2 < n && (unsigned char)t[i + 1] == 0x80 &&
                          (unsigned char)t[i + 2] == 0x9C;
        bool curly_close = c == 0xE2 && i + 2 < n && (unsigned char)t[i + 1] == 0x80 &&
                           (unsigned char)t[i + 2] == 0x9D;
        bool para = c == '\n' && i + 1 < n && t[i + 1] == '\n';
        if (para && open) {
            /* continues if the next paragraph opens with a quote mark */
            size_t k = i;
            while (k < n && (t[k] == '\n' || t[k] == ' '))
                k++;
            bool cont = k < n && (t[k] == '"' || (k + 2 < n && (unsigned char)t[k] == 0xE2 &&
                                                  (unsigned char)t[k + 1] == 0x80 &&
                                                  (unsigned char)t[k + 2] == 0x9C));
            px_span s = {start, i, sent_at(d, start)};
            px_vec_push(v, s);
            open = false;
            if (cont) {
                start = k;
                open = true;
                i = k + (t[k] == '"' ? 0 : 2);
            }
            continue;
        }
        if (curly_open || (c == '"' && !open && opening(t, i))) {
            if (!open) {
                open = true;
                start = i;
            }
            i += curly_open ? 2 : 0;
        } else if ((curly_close || c == '"') && open) {
            size_t end = i + (curly_close ? 3 : 1);
            px_span s = {start, end, sent_at(d, start)};
            px_vec_push(v, s);
            open = false;
            i = end - 1;
        }
    }
    if (open) {
        px_span s = {start, n, sent_at(d, start)};
        px_vec_push(v, s);
    }
    d->quotes = px_arena_memdup(a, v.v, v.n * sizeof *v.v);
    d->nquotes = v.n;
    /* flag tokens and sentence shares */
    size_t q = 0;
    for (size_t k = 0; k < d->ntoks; k++) {
        while (q < v.n && v.v[q].end <= d->toks[k].start)
            q++;
        if (q < v.n && v.v[q].start <= d->toks[k].start && d->toks[k].end <= v.v[q].end)
            d->toks[k].flags |= PX_TOK_QUOTED;
    }
    for (size_t s = 0; s < d->nsents; s++) {
        px_sentence *se = &d->sents[s];
        size_t in = 0;
        for (size_t k = 0; k < v.n; k++) {
            size_t lo = v.v[k].start > se->start ? v.v[k].start : se->start;
            size_t hi = v.v[k].end < se->end ? v.v[k].end : se->end;
            if (hi > lo)
                in += hi - lo;
        }
        se->quoted = se->end > se->start ? (double)in / (double)(se->end - se->start) : 0;
    }
    px_vec_free(v);
}

/* ---- attributions ---- */

static const char *const verbs[] = {
    "said", "says", "say", "told", "tells", "stated", "states", "added", "adds", "noted",
    "notes", "claimed", "claims", "insisted", "insists", "argued", "argues", "warned",
    "warns", "explained", "explains", "acknowledged", "acknowledges", "admitted", "admits",
    "conceded", "concedes", "alleged", "alleges", "asserted", "asserts", "maintained",
    "maintains", "contended", "contends", "declared", "declares", "announced", "announces",
    "confirmed", "confirms", "revealed", "reveals", "suggested", "suggests", "wrote",
    "writes", "tweeted", "replied", "responded", "recalled", "cautioned", "predicted",
    "complained", "blasted", "slammed", "accused", "described", "emphasized", "emphasised",
    "stressed", "reported", "reports", "observed", "pointed", "countered", "boasted",
    "lamented", "conceded", "estimated", "believes", "believed", "thinks", "thought", NULL};

static const char *const anon_words[] = {
    "official", "officials", "source", "sources", "person", "people", "aide", "aides",
    "insider", "insiders", "diplomat", "diplomats", "familiar", "anonymity", "someone",
    "critics", "observers", "experts", "analysts", "some", "many", "others", NULL};

static bool in_list(const char *const *list, const char *w)
{
    for (; *list; list++)
        if (strcmp(*list, w) == 0)
            return true;
    return false;
}

static bool is_verb(const px_token *t)
{
    return (t->flags & PX_TOK_WORD) && !(t->flags & PX_TOK_QUOTED) && in_list(verbs, t->fold);
}

static bool anonymous(const px_doc *d, size_t s, size_t e)
{
    for (size_t k = s; k < e; k++)
        if ((d->toks[k].flags & PX_TOK_WORD) && in_list(anon_words, d->toks[k].fold))
            return true;
    return false;
}

static bool speaker_ok(const px_doc *d, size_t s, size_t e)
{
    if (e <= s || e - s > 12)
        return false;
    bool word = false;
    for (size_t k = s; k < e; k++) {
        if (d->toks[k].flags & PX_TOK_QUOTED)
            return false;
        if ((d->toks[k].flags & PX_TOK_WORD) && !(d->toks[k].flags & PX_TOK_STOP))
            word = true;
    }
    return word;
}

typedef PX_VEC(px_attribution) attrvec;

static void add_attr(attrvec *v, const px_doc *d, uint32_t si, size_t cs, size_t ce, size_t ss,
                     size_t se, size_t vs, size_t ve)
{
    px_attribution at = {d->toks[cs].start, d->toks[ce - 1].end, d->toks[ss].start,
                         d->toks[se - 1].end, d->toks[vs].start, d->toks[ve - 1].end, si,
                         anonymous(d, ss, se)};
    px_vec_push(*v, at);
}

static bool punct(const px_token *t, const char *p)
{
    return (t->flags & PX_TOK_PUNCT) && strcmp(t->fold, p) == 0;
}

static bool closing_quote(const px_token *t)
{
    return (t->flags & PX_TOK_PUNCT) &&
           (strcmp(t->fold, "\"") == 0 || strcmp(t->fold, "\xE2\x80\x9D") == 0);
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
    /* "according to X" anywhere */
    for (size_t i = b; i + 2 < e; i++) {
        if (strcmp(tk[i].fold, "according") == 0 && strcmp(tk[i + 1].fold, "to") == 0) {
            size_t j = i + 2;
            while (j < last && !punct(&tk[j], ",") && !punct(&tk[j], ";"))
                j++;
            if (speaker_ok(d, i + 2, j)) {
                size_t cs = i > b && punct(&tk[i - 1], ",") ? i - 1 : i;
                size_t ce = j < last && punct(&tk[j], ",") && i == b ? j + 1 : j;
                add_attr(out, d, si, cs, ce, i + 2, j, i, i + 2);
                return;
            }
        }
    }
    /* "…, X said." / "…, said X." at the end */
    for (size_t i = last; i > b + 1; i--) {
        size_t v = i - 1;
        if (!is_verb(&tk[v]))
            continue;
        size_t c = v;
        while (c > b && !punct(&tk[c - 1], ",") && !closing_quote(&tk[c - 1]) && v - c < 12)
            c--;
        if (c > b && (punct(&tk[c - 1], ",") || closing_quote(&tk[c - 1]))) {
            if (v > c && speaker_ok(d, c, v)) {
                /* X said [on Tuesday / in a statement] */
                add_attr(out, d, si, c - 1, last, c, v, v, v + 1);
                return;
            }
            if (v == c && v + 1 < last && speaker_ok(d, v + 1, last)) {
                add_attr(out, d, si, c - 1, last, v + 1, last, v, v + 1);
                return;
            }
        }
        break;
    }
    /* "X said (that) …" at the start */
    for (size_t i = b + 1; i < e && i < b + 12; i++) {
        if (punct(&tk[i], ",") || (tk[i].flags & PX_TOK_QUOTED))
            break;
        if (is_verb(&tk[i]) && speaker_ok(d, b, i)) {
            size_t ce = i + 1;
            if (ce < e && strcmp(tk[ce].fold, "that") == 0)
                ce++;
            else if (ce < e && (strcmp(tk[ce].fold, "reporters") == 0 ||
                                strcmp(tk[ce].fold, "journalists") == 0))
                ce++;
            if (ce < e && punct(&tk[ce], ":"))
                ce++;
            add_attr(out, d, si, b, ce, b, i, i, i + 1);
            return;
        }
    }
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
