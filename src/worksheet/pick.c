/*
 * pick.c — which exercises a story supports, and their answers.
 *
 * The letters come from a shuffle fixed by the seed. An exercise is planned
 * only when the analysis gives it a sure answer: a missing fact must be
 * reported by most sources and clearly absent from one, and what a source
 * puts first must stand out (both in facts.c); word choice needs
 * narration hits that have a neutral counterpart; who-speaks needs one
 * source to stand out, or a person only one source names; a conflict
 * question needs a conflicting detail. The level then says how many are
 * shown and with what help. The plan is handed to the renderers.
 */
#include <string.h>
#include <strings.h>

#include "worksheet/internal.h"

/* splitmix64: a small, well-mixed generator, so one seed gives the same
 * order on every machine. */
static uint64_t next_random(uint64_t *x)
{
    uint64_t z = (*x += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

static void shuffle_letters(ws_plan *p, uint64_t seed)
{
    size_t n = p->s->nsources;
    p->letter = px_arena_array(p->a, n, sizeof *p->letter);
    p->by_letter = px_arena_array(p->a, n, sizeof *p->by_letter);
    for (uint32_t i = 0; i < n; i++)
        p->by_letter[i] = i;
    uint64_t state = seed;
    for (size_t i = n; i > 1; i--) {
        size_t j = (size_t)(next_random(&state) % i);
        uint32_t t = p->by_letter[i - 1];
        p->by_letter[i - 1] = p->by_letter[j];
        p->by_letter[j] = t;
    }
    for (uint32_t i = 0; i < n; i++)
        p->letter[p->by_letter[i]] = i;
}

char ws_letter(const ws_plan *p, uint32_t src)
{
    return (char)('A' + p->letter[src]);
}

bool ws_cut_overlaps(const ws_plan *p, uint32_t src, size_t start, size_t end)
{
    for (size_t k = 0; k < p->ncuts[src]; k++)
        if (p->cuts[src][k].start < end && start < p->cuts[src][k].end)
            return true;
    return false;
}

/* ---- word choice ---- */

/* Are a word already chosen and a hit the same words ("face off", "faced
 * off")? */
static bool same_stems(const px_doc *d, const ws_word *w, const px_hit *h)
{
    if (w->ntok != h->ntok)
        return false;
    for (size_t i = 0; i < h->ntok; i++)
        if (strcmp(d->toks[w->tok + i].stem, d->toks[h->tok + i].stem))
            return false;
    return true;
}

/* Narration hits with a neutral counterpart, one per term, in text order,
 * none touching a cut. */
static size_t loaded_words(const ws_plan *p, uint32_t src, ws_word *out, size_t max)
{
    const px_story *s = p->s;
    const px_source_frame *fr = s->frames ? &s->frames[src] : NULL;
    size_t n = 0;
    for (size_t h = 0; fr && h < fr->nhits && n < max; h++) {
        const px_hit *hit = &fr->hits[h];
        const char *category;
        const px_lex_entry *e = px_lexset_entry(s->lexicons, hit, NULL, &category);
        if (!e->neutral || hit->quoted || hit->negated ||
            !px_report_lexicon_marked(px_lexset_get(s->lexicons, hit->lexicon)) ||
            ws_cut_overlaps(p, src, hit->start, hit->end))
            continue;
        bool dup = false;
        for (size_t k = 0; k < n && !dup; k++)
            dup = (out[k].lexicon == hit->lexicon && out[k].entry == hit->entry) ||
                  same_stems(s->docs[src], &out[k], hit);
        if (!dup)
            out[n++] = (ws_word){hit->sent,  hit->start, hit->end, hit->lexicon, hit->entry,
                                 e->neutral, category,   hit->tok, hit->ntok};
    }
    return n;
}

enum { WS_FIND = 3, MAX_WORDS = 64 };

/* Up to three words to find, from different sentences where there are
 * enough; the others are also right. */
static void split_words(ws_plan *p, ws_words *w, const ws_word *all, size_t n)
{
    bool taken[MAX_WORDS] = {false};
    w->find = px_arena_array(p->a, WS_FIND, sizeof *w->find);
    w->more = px_arena_array(p->a, n ? n : 1, sizeof *w->more);
    for (int pass = 0; pass < 2; pass++)
        for (size_t k = 0; k < n && w->nfind < WS_FIND; k++) {
            bool same = false;
            for (size_t j = 0; j < w->nfind && pass == 0; j++)
                same = same || w->find[j].sent == all[k].sent;
            if (!taken[k] && !same) {
                taken[k] = true;
                w->find[w->nfind++] = all[k];
            }
        }
    /* the sheet lists them in reading order */
    for (size_t i = 1; i < w->nfind; i++)
        for (size_t j = i; j > 0 && w->find[j].start < w->find[j - 1].start; j--) {
            ws_word t = w->find[j];
            w->find[j] = w->find[j - 1];
            w->find[j - 1] = t;
        }
    for (size_t k = 0; k < n; k++)
        if (!taken[k])
            w->more[w->nmore++] = all[k];
}

enum { WS_OTHER = 8 };

/* Is a sentence one the exercise points at (a word to find or also right)? */
static bool pointed(const ws_words *w, uint32_t sent)
{
    for (size_t k = 0; k < w->nfind; k++)
        if (w->find[k].sent == sent)
            return true;
    for (size_t k = 0; k < w->nmore; k++)
        if (w->more[k].sent == sent)
            return true;
    return false;
}

/* Does a hit of a lexicon marked in the text, or a word already listed,
 * touch [start, end)? */
static bool taken_span(const ws_plan *p, const ws_words *w, size_t start, size_t end)
{
    const px_source_frame *fr = p->s->frames ? &p->s->frames[w->source] : NULL;
    for (size_t h = 0; fr && h < fr->nhits; h++)
        if (fr->hits[h].start < end && fr->hits[h].end > start &&
            px_report_lexicon_marked(px_lexset_get(p->s->lexicons, fr->hits[h].lexicon)))
            return true;
    for (size_t k = 0; k < w->nother; k++)
        if (w->other[k].start < end && w->other[k].end > start)
            return true;
    return false;
}

/* Are all the words of a run capitalised (a name, which is no slant)? */
static bool name_run(const px_doc *d, const px_word_run *r)
{
    for (size_t t = r->tok; t < r->tok + r->ntok; t++)
        if ((d->toks[t].flags & PX_TOK_WORD) && !(d->toks[t].flags & PX_TOK_STOP) &&
            !(d->toks[t].flags & PX_TOK_CAPITAL))
            return false;
    return true;
}

/* In the sentences the exercise points at, the source's own wording of a
 * fact that other sources word differently (the compare stage's
 * px_cell.distinct), where no lexicon marks it: students who underline
 * "gathered on the doorstep" are reading the text well, so the key lists
 * such words as "different wording, not in a lexicon". Reading order. */
static void other_words(ws_plan *p, ws_words *w)
{
    const px_story *s = p->s;
    const px_doc *d = s->docs[w->source];
    w->other = px_arena_array(p->a, WS_OTHER, sizeof *w->other);
    for (size_t f = 0; f < s->compare.nfacts && w->nother < WS_OTHER; f++) {
        const px_cell *c = px_compare_cell(&s->compare, f, w->source);
        if (c->mention < 0 || !pointed(w, c->sent))
            continue;
        for (size_t k = 0; k < c->ndistinct && w->nother < WS_OTHER; k++) {
            const px_word_run *r = &c->distinct[k];
            size_t start = d->toks[r->tok].start, end = d->toks[r->tok + r->ntok - 1].end;
            /* phrases only: a lone word of its own ("spent" where the others
             * write "held") is more often style than slant */
            if (r->ntok < 2 || name_run(d, r) || taken_span(p, w, start, end) ||
                ws_cut_overlaps(p, w->source, start, end))
                continue;
            w->other[w->nother++] =
                (ws_word){c->sent, start, end, UINT32_MAX, UINT32_MAX, NULL, NULL, r->tok, r->ntok};
        }
    }
    for (size_t i = 1; i < w->nother; i++)
        for (size_t j = i; j > 0 && w->other[j].start < w->other[j - 1].start; j--) {
            ws_word t = w->other[j];
            w->other[j] = w->other[j - 1];
            w->other[j - 1] = t;
        }
}

/* The source with the most loaded words (at least two), then the next. */
static void pick_words(ws_plan *p, size_t max)
{
    ws_word all[MAX_WORDS];
    for (size_t round = 0; round < max; round++) {
        int32_t best = -1;
        size_t most = 1;
        for (uint32_t l = 0; l < p->s->nsources; l++) {
            uint32_t src = p->by_letter[l];
            bool used = false;
            for (size_t k = 0; k < p->nwords; k++)
                used = used || p->words[k].source == src;
            size_t n = used ? 0 : loaded_words(p, src, all, MAX_WORDS);
            if (n > most) {
                most = n;
                best = (int32_t)src;
            }
        }
        if (best < 0)
            return;
        ws_words *w = &p->words[p->nwords++];
        w->source = (uint32_t)best;
        split_words(p, w, all, loaded_words(p, (uint32_t)best, all, MAX_WORDS));
        other_words(p, w);
    }
}

/* ---- who speaks ---- */

/* The source whose value stands out: the highest (sign 1) or lowest (-1)
 * by at least `margin` over every other, else -1. Counts of speakers come
 * from attribution patterns that now and then take a pronoun or a
 * document for a speaker; a margin of one would let such a slip decide the
 * answer. */
static int32_t single_out(const size_t *v, size_t n, int sign, size_t margin)
{
    int32_t best = 0;
    for (size_t i = 1; i < n; i++)
        if (sign > 0 ? v[i] > v[best] : v[i] < v[best])
            best = (int32_t)i;
    for (size_t i = 0; i < n; i++) {
        size_t hi = sign > 0 ? v[best] : v[i], lo = sign > 0 ? v[i] : v[best];
        if ((int32_t)i != best && hi < lo + margin)
            return -1;
    }
    return best;
}

enum { SPEAKER_MARGIN = 2 };

/* Pronouns that attribution patterns now and then take for a speaker
 * ("He allegedly warned…"): nobody a student could name. */
static const char *const pronouns[] = {"he", "she", "it", "they", "we", "i", "you"};

bool ws_speaker_shown(const px_speaker *sp)
{
    for (size_t i = 0; i < sizeof pronouns / sizeof *pronouns; i++)
        if (!strcasecmp(sp->name, pronouns[i]))
            return false;
    return true;
}

/* A person's name: two words or more, each capitalised ("Ilse Marten"),
 * not an institution ("the White House", "The Calder Taxpayers Alliance")
 * or a document ("U.S. intelligence estimates"). */
static bool person_name(const px_speaker *sp)
{
    const char *t = sp->name;
    size_t words = 0, len = strlen(t);
    for (size_t i = 0; i < len; i++)
        if (i == 0 || t[i - 1] == ' ') {
            if (!(t[i] >= 'A' && t[i] <= 'Z'))
                return false;
            words++;
        }
    return !sp->anonymous && words >= 2 && !(len > 4 && !strncmp(t, "The ", 4));
}

/* The last word of a name: "Sullivan" for "Jake Sullivan" and "Sullivan". */
static const char *last_word(const char *t, size_t n, size_t *len)
{
    size_t i = n;
    while (i > 0 && t[i - 1] != ' ')
        i--;
    *len = n - i;
    return t + i;
}

/* Does doc d have a word that is this name (or its possessive)? */
static bool doc_names(const px_doc *d, const char *name, size_t n)
{
    for (size_t i = 0; i < d->ntoks; i++) {
        const px_token *t = &d->toks[i];
        size_t len = t->end - t->start;
        if ((len == n || (len == n + 2 && d->text[t->start + n] == '\'') ||
             (len == n + 4 && d->text[t->start + n] == '\xE2')) &&
            !strncasecmp(d->text + t->start, name, n))
            return true;
    }
    return false;
}

/* Only src quotes the person when no other source so much as names them:
 * a source that reports what someone "accused" others of, with no
 * attribution the analysis recognises, still gives them a voice. */
bool ws_voice_unique(const ws_plan *p, uint32_t src, const px_speaker *sp)
{
    if (!person_name(sp))
        return false;
    size_t n;
    const char *last = last_word(sp->name, strlen(sp->name), &n);
    for (uint32_t o = 0; o < p->s->nsources; o++)
        if (o != src && doc_names(p->s->docs[o], last, n))
            return false;
    return true;
}

static void pick_speakers(ws_plan *p)
{
    size_t n = p->s->nsources;
    size_t *anon = px_arena_array(p->a, n, sizeof *anon);
    size_t *named = px_arena_array(p->a, n, sizeof *named);
    for (uint32_t src = 0; src < n; src++) {
        const px_source_compare *c = &p->s->compare.sources[src];
        for (size_t k = 0; k < c->nspeakers; k++) {
            const px_speaker *sp = &c->speakers[k];
            if (!ws_speaker_shown(sp))
                continue;
            if (sp->anonymous)
                anon[src] += sp->quotes + sp->paraphrases;
            else
                named[src]++;
            if (ws_voice_unique(p, src, sp))
                p->speakers.unique |= 1ULL << src;
        }
    }
    ws_speakers *w = &p->speakers;
    w->anonymous = single_out(anon, n, 1, SPEAKER_MARGIN);
    if (w->anonymous >= 0 && !anon[w->anonymous])
        w->anonymous = -1;
    w->most_named = single_out(named, n, 1, SPEAKER_MARGIN);
    w->least_named = single_out(named, n, -1, SPEAKER_MARGIN);
    if (w->most_named < 0 || w->least_named < 0)
        w->most_named = w->least_named = -1;
    p->supported[WS_SPEAKERS] = w->anonymous >= 0 || w->most_named >= 0 || w->unique;
}

/* ---- conflicting details ---- */

/* Conflicts stated by the most sources first, then in fact order. */
static void pick_conflicts(ws_plan *p, size_t max)
{
    const px_story *s = p->s;
    for (size_t f = 0; f < s->alignment.nfacts; f++)
        for (size_t k = 0; k < s->alignment.facts[f].nconflicts; k++) {
            size_t n = s->compare.facts[f].conflict_sources[k];
            if (n < 2)
                continue;
            size_t j = p->nconflict < max ? p->nconflict++ : max;
            while (j > 0) {
                const ws_conflict *o = &p->conflict[j - 1];
                if (s->compare.facts[o->fact].conflict_sources[o->k] >= n)
                    break;
                if (j < max)
                    p->conflict[j] = *o;
                j--;
            }
            if (j < max)
                p->conflict[j] = (ws_conflict){f, k};
        }
    p->supported[WS_CONFLICT] = p->nconflict > 0;
}

/* ---- the level ---- */

/* The order in which intro picks its three exercises: the most concrete
 * first. */
static const ws_kind intro_order[] = {WS_WORDS, WS_MISSING, WS_LEAD, WS_SPEAKERS, WS_CONFLICT};
enum { INTRO_EXERCISES = 3 };

static void choose_shown(ws_plan *p)
{
    if (p->level == PX_WORKSHEET_INTRO) {
        size_t n = 0;
        for (size_t i = 0; i < sizeof intro_order / sizeof *intro_order; i++)
            if (p->supported[intro_order[i]] && n < INTRO_EXERCISES) {
                p->shown[intro_order[i]] = true;
                n++;
            }
    } else {
        for (int k = 0; k < WS_NKINDS; k++)
            p->shown[k] = p->supported[k];
    }
    uint32_t number = 0;
    for (int k = 0; k < WS_NKINDS; k++)
        p->number[k] = p->shown[k] ? ++number : 0;
}

void ws_plan_build(ws_plan *p, const px_story *s, const px_worksheet_opts *o, px_arena *a)
{
    memset(p, 0, sizeof *p);
    p->s = s;
    p->a = a;
    p->level = o->level;
    p->reveal = o->reveal_outlets;
    p->hints = o->level != PX_WORKSHEET_ADVANCED;
    shuffle_letters(p, o->seed);
    ws_anon_build(p);
    size_t items = o->level == PX_WORKSHEET_ADVANCED ? WS_MAX_ITEMS : 1;
    ws_pick_missing(p, items);
    p->supported[WS_MISSING] = p->nmissing > 0;
    pick_words(p, items);
    p->supported[WS_WORDS] = p->nwords > 0;
    pick_speakers(p);
    ws_pick_lead(p);
    pick_conflicts(p, items);
    p->supported[WS_REFLECT] = s->nsources >= 2;
    choose_shown(p);
}
