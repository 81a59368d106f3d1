/*
 * match.c — finding lexicon terms in a document.
 *
 * Matching walks the tokens of a document. At each word it looks up the
 * entries that can start there (by the word, its prefixes, its stem) and,
 * per lexicon, keeps the best: the one covering most tokens, then the most
 * specific (exact words over stems over prefixes, longer prefixes over
 * shorter); all entries tied for best are hits (a word in several categories
 * of a .dic counts once in each), and the lexicon's next match starts after
 * it. Words compare by their case-folded forms, so a term never matches
 * inside a longer word (claim ≠ claimant) unless it says `claim*`; a
 * possessive 's is not a longer word (regime's = regime). A term written in
 * lower case does not match a word capitalised inside a sentence, which is
 * part of a name ("may" ≠ "in May"); one written with a capital does
 * ("Gestapo"). Phrases match
 * across whitespace and line breaks, never over the end of a sentence (a
 * bare line break is not one); a term written with
 * a space matches the hyphenated form too ("far right", "far-right"), while
 * a hyphen written in a term must be in the text ("would-be").
 *
 * Each hit is tagged quoted when it sits inside a direct quotation (the
 * speaker's voice, not the outlet's) and negated when a negation word comes
 * at most three words before it in the same clause ("not a failure"; "not
 * only" does not negate). It also records its position: right after a
 * lower-case content word (the head of a noun phrase, "harassment claims")
 * and right before one (a noun's modifier, "terrorist groups"). An entry
 * whose lexicon line says `not-head` or `not-modifier` does not match there:
 * words that judge a person often only name a thing in those positions.
 * The hits go to scoring in text order.
 */
#include <stdlib.h>
#include <string.h>

#include "frame/internal.h"

#define NEGATION_WINDOW 3
#define NEGATED_FACTOR (-0.5)

static bool possessive_of(const char *fold, const char *w)
{
    size_t n = strlen(w);
    return strncmp(fold, w, n) == 0 &&
           (strcmp(fold + n, "'s") == 0 || (n && w[n - 1] == 's' && strcmp(fold + n, "'") == 0));
}

static bool word_matches(const px_token *t, const char *w, uint8_t mode)
{
    if ((t->flags & PX_TOK_PUNCT) && strcmp(w, "-") != 0)
        return false;
    switch (mode) {
    case PX_LEX_PREFIX: return strncmp(t->fold, w, strlen(w)) == 0;
    case PX_LEX_STEM: return strcmp(t->stem, w) == 0;
    default: return strcmp(t->fold, w) == 0 || possessive_of(t->fold, w);
    }
}

/* A hyphen glued to the words on both sides ("far-right"). */
static bool glued_hyphen(const px_doc *d, size_t k, size_t end)
{
    return k > 0 && k + 1 < end && strcmp(d->toks[k].fold, "-") == 0 &&
           d->toks[k - 1].end == d->toks[k].start && d->toks[k].end == d->toks[k + 1].start;
}

/* A word capitalised inside a sentence is part of a name ("in May", "the
 * Affordable Care Act"): not in the headline or a Title Case line, not the
 * first word of a sentence or of a quotation, not all capitals (emphasis). */
static bool title_case(const px_doc *d, uint32_t sent)
{
    const px_sentence *s = &d->sents[sent];
    size_t words = 0, caps = 0;
    for (size_t k = s->tok; k < s->tok + s->ntok; k++)
        if ((d->toks[k].flags & PX_TOK_WORD) && !(d->toks[k].flags & PX_TOK_STOP)) {
            words++;
            caps += (d->toks[k].flags & PX_TOK_CAPITAL) != 0;
        }
    return words >= 3 && caps * 4 >= words * 3;
}

static bool name_like(const px_doc *d, size_t k)
{
    const px_token *t = &d->toks[k];
    if (!(t->flags & PX_TOK_CAPITAL) || (t->flags & PX_TOK_SENTSTART) ||
        d->sents[t->sent].headline || title_case(d, t->sent))
        return false;
    const px_token *p = k > 0 ? &d->toks[k - 1] : NULL;
    if (p && (p->flags & PX_TOK_PUNCT) && strcmp(p->fold, ",") != 0 && strcmp(p->fold, "-") != 0)
        return false; /* after a quote mark, colon, dash, bracket */
    for (const char *c = d->text + t->start; c < d->text + t->end; c++)
        if (*c >= 'a' && *c <= 'z')
            return true;
    return false;
}

/* A lower-case content word: not a stopword, name, number or negation. */
static bool content_word(const px_token *t)
{
    return (t->flags & PX_TOK_WORD) &&
           !(t->flags & (PX_TOK_STOP | PX_TOK_CAPITAL | PX_TOK_NUMBER | PX_TOK_NEGATION));
}

/* The PX_CTX_* of tokens [i, j) of one sentence: a content word glued on
 * either side (only whitespace between). */
static uint8_t context_of(const px_doc *d, size_t i, size_t j)
{
    uint8_t c = 0;
    uint32_t sent = d->toks[i].sent;
    if (i > 0 && d->toks[i - 1].sent == sent && content_word(&d->toks[i - 1]))
        c |= PX_CTX_HEAD;
    if (j < d->ntoks && d->toks[j].sent == sent && content_word(&d->toks[j]))
        c |= PX_CTX_MODIFIER;
    return c;
}

/* Does entry e match the tokens from i? Returns the tokens covered or 0. */
static size_t match_entry(const px_lex_entry *e, const px_doc *d, size_t i, size_t end)
{
    size_t k = i;
    for (uint32_t w = 0; w < e->nwords; w++, k++) {
        if (w > 0 && k < end && strcmp(e->words[w], "-") != 0 && glued_hyphen(d, k, end))
            k++; /* "far right" matches "far-right" */
        if (k >= end || !word_matches(&d->toks[k], e->words[w], e->modes[w]))
            return 0;
        bool any_word = e->modes[w] == PX_LEX_PREFIX && !e->words[w][0];
        if (!e->cased && !any_word && name_like(d, k))
            return 0;
    }
    if (e->unless && (context_of(d, i, k) & e->unless))
        return 0;
    return k - i;
}

/* How specific an entry is: exact words over stems over prefixes, then
 * longer prefixes. Ties are all hits. */
static uint64_t rank(const px_lex_entry *e, size_t len)
{
    uint64_t spec = 0, chars = 0;
    for (uint32_t w = 0; w < e->nwords; w++) {
        spec += e->modes[w] == PX_LEX_EXACT ? 2 : e->modes[w] == PX_LEX_STEM ? 1 : 0;
        if (e->modes[w] == PX_LEX_PREFIX)
            chars += strlen(e->words[w]);
    }
    return (uint64_t)len << 40 | spec << 20 | (chars & 0xFFFFF);
}

static bool negated(const px_doc *d, size_t i)
{
    uint32_t sent = d->toks[i].sent;
    for (size_t k = i, n = 0; k > 0 && n < NEGATION_WINDOW;) {
        const px_token *t = &d->toks[--k];
        if (t->sent != sent)
            break;
        if (t->flags & PX_TOK_PUNCT) {
            if (strcmp(t->fold, "-") != 0)
                break; /* a clause boundary */
            continue;
        }
        if ((t->flags & PX_TOK_NEGATION) && !(k + 1 < i && !strcmp(d->toks[k + 1].fold, "only")))
            return true;
        n++;
    }
    return false;
}

typedef PX_VEC(px_hit) hitvec;

/* The candidate lists for token i: by the word, by its prefixes, by its stem. */
static size_t candidates(const px_lexset *s, const px_token *t, const px_refvec **lists, size_t max)
{
    size_t n = 0;
    uintptr_t idx;
    size_t fl = strlen(t->fold);
    if (px_map_get(s->index[PX_LEX_EXACT], t->fold, fl, &idx))
        lists[n++] = &s->lists.v[idx];
    if ((fl > 2 && t->fold[fl - 2] == '\'' && t->fold[fl - 1] == 's' &&
         px_map_get(s->index[PX_LEX_EXACT], t->fold, fl - 2, &idx)) ||
        (fl > 1 && t->fold[fl - 1] == '\'' &&
         px_map_get(s->index[PX_LEX_EXACT], t->fold, fl - 1, &idx)))
        lists[n++] = &s->lists.v[idx];
    for (size_t p = 1; p <= fl && p <= s->max_prefix && n + 1 < max; p++)
        if (px_map_get(s->index[PX_LEX_PREFIX], t->fold, p, &idx))
            lists[n++] = &s->lists.v[idx];
    if (t->stem && px_map_get(s->index[PX_LEX_STEM], t->stem, strlen(t->stem), &idx) && n < max)
        lists[n++] = &s->lists.v[idx];
    return n;
}

typedef struct {
    const px_lexset *s;
    const px_doc *d;
    size_t i, end;  /* the token, the end of its sentence */
    uint64_t *best; /* per lexicon: best rank at i */
    size_t *next;   /* per lexicon: first token after its last hit */
    hitvec *out;
} walk;

static const px_lex_entry *entry_of(const px_lexset *s, px_lexref r)
{
    return &s->lex.v[r.lexicon]->entries[r.entry];
}

static void best_at(walk *w, const px_refvec *const *lists, size_t nlists)
{
    for (size_t k = 0; k < nlists; k++)
        for (size_t j = 0; j < lists[k]->n; j++) {
            px_lexref r = lists[k]->v[j];
            if (w->next[r.lexicon] > w->i)
                continue; /* inside this lexicon's previous hit */
            const px_lex_entry *e = entry_of(w->s, r);
            size_t len = match_entry(e, w->d, w->i, w->end);
            if (len && rank(e, len) > w->best[r.lexicon])
                w->best[r.lexicon] = rank(e, len);
        }
}

static bool has_category_hit(const hitvec *out, const px_lexset *s, size_t tok, px_lexref r)
{
    uint32_t cat = entry_of(s, r)->category;
    for (size_t h = out->n; h > 0 && out->v[h - 1].tok == tok; h--)
        if (out->v[h - 1].lexicon == r.lexicon &&
            s->lex.v[r.lexicon]->entries[out->v[h - 1].entry].category == cat)
            return true;
    return false;
}

static void emit_at(walk *w, const px_refvec *const *lists, size_t nlists)
{
    const px_doc *d = w->d;
    for (size_t k = 0; k < nlists; k++)
        for (size_t j = 0; j < lists[k]->n; j++) {
            px_lexref r = lists[k]->v[j];
            const px_lex_entry *e = entry_of(w->s, r);
            if (!w->best[r.lexicon] || w->next[r.lexicon] > w->i)
                continue;
            size_t len = match_entry(e, d, w->i, w->end);
            if (!len || rank(e, len) != w->best[r.lexicon] ||
                has_category_hit(w->out, w->s, w->i, r))
                continue;
            const px_token *t = &d->toks[w->i];
            px_hit h = {t->sent,
                        w->i,
                        len,
                        t->start,
                        d->toks[w->i + len - 1].end,
                        r.lexicon,
                        r.entry,
                        (t->flags & PX_TOK_QUOTED) != 0,
                        negated(d, w->i),
                        context_of(d, w->i, w->i + len)};
            px_vec_push(*w->out, h);
        }
    /* the lexicons that hit here resume after their hit */
    for (size_t l = 0; l < w->s->lex.n; l++)
        if (w->best[l] && w->next[l] <= w->i)
            w->next[l] = w->i + (size_t)(w->best[l] >> 40);
}

/* Does sentence s end with terminal punctuation (before closing quotes and
 * brackets)? The splitter also breaks at a bare line break, which a phrase
 * may cross. */
static bool terminal(const px_doc *d, size_t s)
{
    const px_sentence *se = &d->sents[s];
    for (size_t k = se->tok + se->ntok; k > se->tok; k--) {
        const px_token *t = &d->toks[k - 1];
        if (!(t->flags & PX_TOK_PUNCT))
            return false;
        if (strchr(".!?", t->fold[0]) || !strcmp(t->fold, "\xE2\x80\xA6"))
            return true;
    }
    return false;
}

/* Where a match starting in sentence s must end: the end of the sentence,
 * or of the next ones in the paragraph when s only ends at a line break. */
static size_t match_bound(const px_doc *d, size_t s)
{
    while (s + 1 < d->nsents && !d->sents[s].headline && !terminal(d, s) &&
           d->sents[s + 1].para == d->sents[s].para)
        s++;
    return d->sents[s].tok + d->sents[s].ntok;
}

size_t px_frame_match(px_arena *a, const px_lexset *s, const px_doc *doc, px_hit **out)
{
    hitvec hits = {0};
    size_t nl = s ? s->lex.n : 0;
    walk w = {
        s,    doc, 0, 0, px_xcalloc(nl + 1, sizeof(uint64_t)), px_xcalloc(nl + 1, sizeof(size_t)),
        &hits};
    for (size_t i = 0; i < doc->ntoks && nl; i++) {
        const px_token *t = &doc->toks[i];
        if (t->flags & PX_TOK_PUNCT)
            continue;
        const px_refvec *lists[72];
        size_t nlists = candidates(s, t, lists, 72);
        if (!nlists)
            continue;
        w.i = i;
        w.end = match_bound(doc, t->sent);
        memset(w.best, 0, nl * sizeof *w.best);
        best_at(&w, lists, nlists);
        emit_at(&w, lists, nlists);
    }
    free(w.best);
    free(w.next);
    *out = px_arena_memdup(a, hits.v, hits.n * sizeof *hits.v);
    size_t n = hits.n;
    px_vec_free(hits);
    return n;
}

double px_frame_hit_weight(const px_lexset *s, const px_hit *h)
{
    double w = s->lex.v[h->lexicon]->entries[h->entry].weight;
    return h->negated ? NEGATED_FACTOR * w : w;
}
