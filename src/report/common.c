/*
 * common.c — what every renderer needs: ids, positions, escaping.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

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

uint64_t px_report_headlines(const px_story *s, const px_fact *f)
{
    /* a headline states a fact when it shares at least two content stems
     * with the fact's wording in that outlet (or the representative) */
    uint64_t set = 0;
    for (uint32_t src = 0; src < s->nsources; src++) {
        const px_doc *d = s->docs[src];
        if (!d->nsents || !d->sents[0].headline)
            continue;
        const px_mention *m = px_fact_mention(f, src);
        if (!m)
            m = &f->mentions[f->rep];
        const px_doc *md = s->docs[m->source];
        const px_sentence *ms = &md->sents[m->sent];
        size_t shared = 0, hw = 0;
        for (size_t i = d->sents[0].tok; i < d->sents[0].tok + d->sents[0].ntok; i++) {
            const px_token *t = &d->toks[i];
            if (!(t->flags & (PX_TOK_WORD | PX_TOK_NUMBER)) || (t->flags & PX_TOK_STOP))
                continue;
            hw++;
            for (size_t j = ms->tok; j < ms->tok + ms->ntok; j++)
                if (strcmp(md->toks[j].stem, t->stem) == 0) {
                    shared++;
                    break;
                }
        }
        if (shared >= 3 || (hw && shared * 2 > hw))
            set |= 1ULL << src;
    }
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
