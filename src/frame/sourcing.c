/*
 * sourcing.c — who an outlet lets speak: the sourcing profile of one doc.
 *
 * From the text stage's attributions ("X said", "according to X", "X told
 * reporters") it counts named and anonymous attributions and gathers the
 * speakers: "Grant Holloway, a retired Army colonel" and a later "Holloway"
 * are one speaker (same surname, the last capitalised word before any
 * appositive); "he"/"she"/"they" go to the nearest named speaker before
 * them; anonymous speakers ("officials familiar with the call") group by
 * their wording. An attribution whose sentence holds a direct quotation is a
 * quote, else a paraphrase. The share of the body inside direct quotations
 * is counted in words. Facts (facts.c) point at these speakers.
 */
#include <string.h>
#include <strings.h>

#include "frame/internal.h"

/* First token starting at or after off. */
static size_t tok_at(const px_doc *d, size_t off)
{
    size_t lo = 0, hi = d->ntoks;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (d->toks[mid].start < off)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

static bool is_pronoun(const char *s, size_t n)
{
    static const char *const p[] = {"he", "she", "they", NULL};
    for (const char *const *w = p; *w; w++)
        if (strlen(*w) == n && strncasecmp(s, *w, n) == 0)
            return true;
    return false;
}

/* The name part of a speaker span: up to an appositive comma. */
static size_t name_end(const px_doc *d, const px_attribution *at)
{
    const char *c = memchr(d->text + at->speaker_start, ',', at->speaker_end - at->speaker_start);
    size_t e = c ? (size_t)(c - d->text) : at->speaker_end;
    while (e > at->speaker_start && d->text[e - 1] == ' ')
        e--;
    return e;
}

/* The grouping key: the last capitalised word of the name, else the whole
 * folded name (anonymous speakers always by wording). */
static const char *speaker_key(px_arena *a, const px_doc *d, const px_attribution *at, size_t end)
{
    const char *key = NULL;
    if (!at->anonymous)
        for (size_t k = tok_at(d, at->speaker_start); k < d->ntoks && d->toks[k].end <= end; k++)
            if ((d->toks[k].flags & PX_TOK_CAPITAL) && (d->toks[k].flags & PX_TOK_WORD))
                key = d->toks[k].fold;
    if (key)
        return key;
    size_t n;
    char *f = px_utf8_fold(a, d->text + at->speaker_start, end - at->speaker_start, &n);
    return at->anonymous ? px_arena_printf(a, "anon:%s", f) : f;
}

typedef PX_VEC(px_speaker) speakervec;
typedef PX_VEC(const char *) keyvec;

static int32_t find_or_add(px_arena *a, speakervec *sp, keyvec *keys, const char *key,
                           const px_doc *d, const px_attribution *at, size_t end)
{
    size_t n = end - at->speaker_start;
    for (size_t i = 0; i < keys->n; i++)
        if (strcmp(keys->v[i], key) == 0) {
            if (strlen(sp->v[i].name) < n)
                sp->v[i].name = px_arena_strndup(a, d->text + at->speaker_start, n);
            return (int32_t)i;
        }
    px_speaker s = {px_arena_strndup(a, d->text + at->speaker_start, n), at->anonymous, 0, 0,
                    at->sent};
    px_vec_push(*sp, s);
    px_vec_push(*keys, key);
    return (int32_t)(sp->n - 1);
}

static void count_words(const px_doc *d, px_sourcing *out)
{
    out->words = d->words;
    for (size_t k = 0; k < d->ntoks; k++) {
        const px_token *t = &d->toks[k];
        if ((t->flags & (PX_TOK_WORD | PX_TOK_NUMBER)) && (t->flags & PX_TOK_QUOTED) &&
            !d->sents[t->sent].headline)
            out->quoted_words++;
    }
    out->quoted_share = out->words ? (double)out->quoted_words / (double)out->words : 0;
}

void px_frame_sourcing(px_arena *a, const px_doc *d, px_sourcing *out)
{
    memset(out, 0, sizeof *out);
    count_words(d, out);
    out->attr_speaker = px_arena_array(a, d->nattrs ? d->nattrs : 1, sizeof(int32_t));
    out->attr_quote = px_arena_array(a, d->nattrs ? d->nattrs : 1, sizeof(bool));
    speakervec sp = {0};
    keyvec keys = {0};
    int32_t last_named = -1;
    for (size_t k = 0; k < d->nattrs; k++) {
        const px_attribution *at = &d->attrs[k];
        size_t end = name_end(d, at);
        int32_t who;
        if (is_pronoun(d->text + at->speaker_start, end - at->speaker_start) && last_named >= 0)
            who = last_named;
        else
            who = find_or_add(a, &sp, &keys, speaker_key(a, d, at, end), d, at, end);
        out->attr_speaker[k] = who;
        if (!sp.v[who].anonymous)
            last_named = who;
        if (at->anonymous)
            out->anonymous++;
        else
            out->named++;
        out->attr_quote[k] = d->sents[at->sent].quoted > 0;
        if (out->attr_quote[k])
            sp.v[who].quotes++;
        else
            sp.v[who].paraphrases++;
    }
    out->speakers = px_arena_memdup(a, sp.v, sp.n * sizeof *sp.v);
    out->nspeakers = sp.n;
    px_vec_free(sp);
    px_vec_free(keys);
}
