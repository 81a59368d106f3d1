/*
 * parallax/text.h — stage 2: cleaned article → sentences, tokens, values.
 *
 * px_text_analyze builds a px_doc: the document text (headline, blank line,
 * body), its sentences with byte offsets, word tokens with case-folded forms
 * and Snowball stems, quantities normalised to values (numbers, durations in
 * minutes, dates), capitalised-name spans, quotation spans and attribution
 * spans ("…, officials said"). Everything lives in the caller's arena and is
 * read-only for the later stages.
 *
 * A px_text_ctx holds a stemmer and tables; it is not thread-safe: use one
 * per thread.
 */
#ifndef PARALLAX_TEXT_H
#define PARALLAX_TEXT_H

#include "parallax/util.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct px_text_ctx px_text_ctx;
PX_API px_text_ctx *px_text_ctx_new(void);
PX_API void px_text_ctx_free(px_text_ctx *c);

enum {
    PX_TOK_WORD = 1 << 0,      /* letters (may hold digits, apostrophes, hyphens) */
    PX_TOK_NUMBER = 1 << 1,    /* a figure ("2", "175,000", "1.2") */
    PX_TOK_PUNCT = 1 << 2,     /* punctuation or symbol */
    PX_TOK_CAPITAL = 1 << 3,   /* starts with an upper-case letter */
    PX_TOK_STOP = 1 << 4,      /* stopword */
    PX_TOK_QUOTED = 1 << 5,    /* inside a direct quotation */
    PX_TOK_NEGATION = 1 << 6,  /* not, no, never, n't … */
    PX_TOK_SENTSTART = 1 << 7, /* first word of its sentence */
};

typedef struct px_token {
    size_t start, end; /* bytes in px_doc.text */
    const char *fold;  /* case-folded form */
    const char *stem;  /* Snowball stem of fold (words), else fold */
    uint32_t sent;     /* sentence index */
    uint32_t flags;
} px_token;

typedef struct px_sentence {
    size_t start, end; /* bytes in px_doc.text, trimmed */
    size_t tok, ntok;  /* its tokens: toks[tok .. tok+ntok) */
    uint32_t para;     /* paragraph index (0 = headline when present) */
    bool headline;
    double quoted; /* share of its bytes inside direct quotation */
} px_sentence;

typedef enum {
    PX_QTY_COUNT = 0, /* a plain number: 175,000 troops */
    PX_QTY_DURATION,  /* minutes */
    PX_QTY_MONEY,     /* in units of the currency named by unit */
    PX_QTY_PERCENT,
    PX_QTY_DATE, /* value = month*100 + day, or year*10000 + month*100 + day */
    PX_QTY_YEAR,
    PX_QTY_TIME,  /* minutes after midnight */
    PX_QTY_TALLY, /* a vote or score "6-3", "seven to two": value = 1000*a + b */
} px_qty_kind;

typedef struct px_quantity {
    size_t start, end; /* the words that state it */
    uint32_t sent;
    px_qty_kind kind;
    double value;
    const char *unit; /* the noun it counts ("troops"), folded, or NULL */
    bool approx;      /* hedged: about, nearly, more than, some … */
    int bound;        /* 0 exact or about; 1 more than, over, at least; -1 less
                       * than, under, up to, nearly, almost */
} px_quantity;

typedef struct px_span {
    size_t start, end;
    uint32_t sent;
} px_span;

typedef struct px_attribution {
    size_t start, end; /* the whole attribution clause */
    size_t speaker_start, speaker_end;
    size_t verb_start, verb_end; /* "said", "according to" … */
    uint32_t sent;
    bool anonymous; /* "officials", "a source", "people familiar with" */
} px_attribution;

typedef struct px_doc {
    const char *text; /* headline + "\n\n" + body (headline omitted when empty) */
    size_t len;
    size_t body_start; /* where the body starts in text */
    px_sentence *sents;
    size_t nsents;
    px_token *toks;
    size_t ntoks;
    px_quantity *qty;
    size_t nqty;
    px_span *names; /* capitalised-name spans (not sentence-initial function words) */
    size_t nnames;
    px_span *quotes; /* direct quotations, quote marks included */
    size_t nquotes;
    px_attribution *attrs;
    size_t nattrs;
    size_t words;     /* word and number tokens of the body */
    px_span dateline; /* "WASHINGTON —" opening the body (start == end: none);
                       * part of the first sentence, but no part of its claim */
} px_doc;

/* Analyse one article. title may be "" or NULL; body is cleaned text. */
PX_API px_status px_text_analyze(px_arena *a, px_text_ctx *ctx, const char *title, const char *body,
                                 size_t body_len, px_doc **out, px_error *err);
/* The sentence splitter alone: spans of text[0..len) into *out (arena). */
PX_API size_t px_text_split(px_arena *a, const char *text, size_t len, px_span **out);
/* Undo escapes that leak into scraped text: a literal backslash-n, -t or
 * -quote becomes the character it stands for. */
PX_API char *px_text_unescape(px_arena *a, const char *s, size_t n, size_t *out_len);
/* Tokens of s[0..n) as px_text_analyze makes them (sentence 0); with ctx
 * NULL, stems are the folded forms. */
PX_API size_t px_text_tokens(px_arena *a, px_text_ctx *ctx, const char *s, size_t n,
                             px_token **out);
/* Is the folded word a stopword? */
PX_API bool px_text_is_stopword(const char *fold, size_t len);
/* Stem one folded word (result in arena). */
PX_API const char *px_text_stem(px_text_ctx *c, px_arena *a, const char *fold, size_t len);

#ifdef __cplusplus
}
#endif

#endif
