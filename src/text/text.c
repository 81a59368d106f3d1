/*
 * text.c — px_text_analyze: one cleaned article → a px_doc.
 *
 * The document text is the headline, a blank line, then the body; the
 * headline is one sentence (paragraph 0) whatever its punctuation, the body
 * is split by split.c. Then tokens (token.c), quantities (numbers.c),
 * quotations and attributions (quotes.c), capitalised-name spans and a
 * dateline ("WASHINGTON —") opening the body.
 */
#include <string.h>

#include "text/internal.h"

typedef PX_VEC(px_sentence) sentvec;

static void add_sentences(px_arena *a, const char *text, size_t off, size_t len, uint32_t *para,
                          sentvec *out)
{
    px_span *sp;
    size_t n = px_text_split(a, text + off, len, &sp);
    size_t prev_end = 0;
    for (size_t i = 0; i < n; i++) {
        /* a blank line between two sentences starts a new paragraph */
        for (size_t k = prev_end; k + 1 < sp[i].start; k++)
            if (text[off + k] == '\n' && memchr(text + off + k + 1, '\n', sp[i].start - k - 1)) {
                if (i > 0)
                    (*para)++;
                break;
            }
        px_sentence s = {0};
        s.start = off + sp[i].start;
        s.end = off + sp[i].end;
        s.para = *para;
        px_vec_push(*out, s);
        prev_end = sp[i].end;
    }
}

static void find_names(px_arena *a, px_doc *d)
{
    PX_VEC(px_span) v = {0};
    for (size_t i = 0; i < d->ntoks;) {
        const px_token *t = &d->toks[i];
        bool cap = (t->flags & PX_TOK_CAPITAL) && (t->flags & PX_TOK_WORD) &&
                   !((t->flags & PX_TOK_SENTSTART) && (t->flags & PX_TOK_STOP)) &&
                   !d->sents[t->sent].headline;
        if (!cap) {
            i++;
            continue;
        }
        size_t j = i + 1;
        while (j < d->ntoks && d->toks[j].sent == t->sent &&
               (((d->toks[j].flags & PX_TOK_CAPITAL) && (d->toks[j].flags & PX_TOK_WORD)) ||
                (strcmp(d->toks[j].fold, ".") == 0 && j > i &&
                 d->toks[j - 1].end - d->toks[j - 1].start <= 2)))
            j++;
        while (j > i + 1 && (d->toks[j - 1].flags & PX_TOK_PUNCT))
            j--;
        px_span s = {t->start, d->toks[j - 1].end, t->sent};
        px_vec_push(v, s);
        i = j;
    }
    d->names = px_arena_memdup(a, v.v, v.n * sizeof *v.v);
    d->nnames = v.n;
    px_vec_free(v);
}

/* A dateline at the start of the body: capitals (and "(AP)", commas,
 * periods) then a dash, as in "WASHINGTON —" or "NEW YORK (Reuters) -". */
static void find_dateline(px_doc *d)
{
    size_t b = d->body_start, i = b, n = d->len, caps = 0;
    bool paren = false;
    while (i < n && i - b < 48) {
        char c = d->text[i];
        if (c == '(' || c == ')')
            paren = c == '(';
        else if (c >= 'A' && c <= 'Z')
            caps += !paren;
        else if (!(c == ' ' || c == ',' || c == '.' || (paren && c >= 'a' && c <= 'z')))
            break;
        i++;
    }
    /* at least a word of capitals ("WASHINGTON", not "A new"), then a dash */
    if (caps < 3 || i >= n || d->text[i - 1] != ' ' ||
        !(d->text[b + 1] >= 'A' && d->text[b + 1] <= 'Z'))
        return;
    size_t dash = 0;
    const unsigned char *u = (const unsigned char *)d->text + i;
    if (i + 3 <= n && u[0] == 0xE2 && u[1] == 0x80 && (u[2] == 0x94 || u[2] == 0x93))
        dash = 3;
    else if (d->text[i] == '-')
        dash = i + 1 < n && d->text[i + 1] == '-' ? 2 : 1;
    if (!dash || i + dash >= n || d->text[i + dash] != ' ')
        return;
    d->dateline.start = b;
    d->dateline.end = i + dash;
}

px_status px_text_analyze(px_arena *a, px_text_ctx *ctx, const char *title, const char *body,
                          size_t body_len, px_doc **out, px_error *err)
{
    (void)err;
    px_doc *d = px_arena_alloc(a, sizeof *d);
    size_t tl = title ? strlen(title) : 0;
    px_buf b;
    px_buf_init(&b, 0);
    if (tl) {
        px_buf_add(&b, title, tl);
        px_buf_puts(&b, "\n\n");
    }
    d->body_start = b.len;
    px_buf_add(&b, body, body_len);
    d->text = px_arena_strndup(a, b.data ? b.data : "", b.len);
    d->len = b.len;
    px_buf_free(&b);

    sentvec sv = {0};
    uint32_t para = 0;
    if (tl) {
        size_t e = tl;
        while (e > 0 && (d->text[e - 1] == ' ' || d->text[e - 1] == '\n'))
            e--;
        px_sentence h = {0};
        h.end = e;
        h.headline = true;
        px_vec_push(sv, h);
        para = 1;
    }
    add_sentences(a, d->text, d->body_start, body_len, &para, &sv);
    d->sents = px_arena_memdup(a, sv.v, sv.n * sizeof *sv.v);
    d->nsents = sv.n;
    px_vec_free(sv);

    px_tokvec tv = {0};
    for (uint32_t s = 0; s < d->nsents; s++) {
        d->sents[s].tok = tv.n;
        px_text_tokenize(a, ctx, d->text, d->sents[s].start, d->sents[s].end, s, &tv);
        d->sents[s].ntok = tv.n - d->sents[s].tok;
        if (!d->sents[s].headline)
            for (size_t k = d->sents[s].tok; k < tv.n; k++)
                d->words += (tv.v[k].flags & (PX_TOK_WORD | PX_TOK_NUMBER)) != 0;
    }
    d->toks = px_arena_memdup(a, tv.v, tv.n * sizeof *tv.v);
    d->ntoks = tv.n;
    px_vec_free(tv);

    px_text_quotes(a, d);
    px_text_quantities(a, d);
    px_text_attributions(a, d);
    find_names(a, d);
    find_dateline(d);
    *out = d;
    return PX_OK;
}
