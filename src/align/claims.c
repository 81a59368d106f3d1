/*
 * claims.c — the claims of one outlet: each body sentence, and the clauses
 * of a sentence that states more than one fact.
 *
 * "The presidents discussed Iran, and agreed to keep talking" states two
 * facts; "The span, which opened in 1931, carries 18,000 vehicles a day"
 * too. A sentence is cut before a relative or subordinate clause (which,
 * who, while, after, during …), at commas, semicolons and dashes, and
 * before "and" when a verb follows; pieces too small to state anything are
 * glued back to their neighbour. The whole sentence stays the claim that
 * alignment matches first; its clauses may then join other facts, so one
 * sentence can serve two facts, each mention keeping its sentence.
 */
#include <string.h>

#include "align/internal.h"

/* Words that open a clause of their own. */
static const char *const openers[] = {
    "which", "who", "whose", "where", "while", "whereas", "but", "although", "though",
    "because", "after", "before", "during", "since", "when", "until", "amid", "despite",
    "including", "saying", NULL};

/* Words after "and" that mark a second verb phrase ("and agreed to"). */
static const char *const verbs_after_and[] = {
    "will", "would", "could", "can", "may", "might", "should", "must", "has", "have",
    "had", "is", "was", "are", "were", "said", "says", "did", "does", "plans", NULL};

static bool cut_mark(const px_token *t)
{
    static const char *const marks[] = {",", ";", ":", "\xE2\x80\x94", "\xE2\x80\x93", "(",
                                        ")", NULL};
    return (t->flags & PX_TOK_PUNCT) && px_str_in(marks, t->fold);
}

static bool second_verb(const px_token *t)
{
    size_t n = strlen(t->fold);
    return (t->flags & PX_TOK_WORD) &&
           ((n > 4 && strcmp(t->fold + n - 2, "ed") == 0) || px_str_in(verbs_after_and, t->fold));
}

/* May a clause start at token i of [b, e)? */
static bool starts_clause(const px_token *tk, size_t b, size_t i, size_t e)
{
    if (i <= b || i >= e)
        return false;
    if (cut_mark(&tk[i - 1]) && !cut_mark(&tk[i]))
        return true;
    if (!(tk[i].flags & PX_TOK_WORD))
        return false;
    if (px_str_in(openers, tk[i].fold))
        return true;
    return strcmp(tk[i].fold, "and") == 0 && i + 1 < e && second_verb(&tk[i + 1]);
}

static size_t content_words(const px_token *tk, size_t s, size_t e)
{
    size_t n = 0;
    for (size_t k = s; k < e; k++)
        n += (tk[k].flags & (PX_TOK_WORD | PX_TOK_NUMBER)) && !(tk[k].flags & PX_TOK_STOP);
    return n;
}

#define MIN_CLAUSE 3 /* content words a clause needs to stand alone */
#define MAX_CLAUSES 8

size_t px_claim_clauses(const px_doc *d, uint32_t sent, size_t *starts, size_t *ends)
{
    const px_sentence *se = &d->sents[sent];
    const px_token *tk = d->toks;
    size_t b = se->tok, e = se->tok + se->ntok, n = 0, from = b;
    for (size_t i = b + 1; i < e && n + 1 < MAX_CLAUSES; i++) {
        if (!starts_clause(tk, b, i, e))
            continue;
        if (content_words(tk, from, i) < MIN_CLAUSE || content_words(tk, i, e) < MIN_CLAUSE)
            continue;
        starts[n] = from;
        ends[n++] = i;
        from = i;
    }
    starts[n] = from;
    ends[n++] = e;
    return n;
}
