/*
 * parallax/ingest.h — stage 1: inputs in, cleaned articles out.
 *
 * A file, an HTML page, pasted plain text or a JSON/JSONL record becomes a
 * px_article: outlet, title, byline, date, url and the cleaned body, whose
 * paragraphs are separated by one blank line ("\n\n"). The body is valid
 * UTF-8 and NFC; later stages compute byte offsets into it.
 *
 * Everything is allocated in the arena the caller passes.
 */
#ifndef PARALLAX_INGEST_H
#define PARALLAX_INGEST_H

#include "parallax/util.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum {
    PX_KIND_TEXT = 0, /* pasted plain text: the headline is its first line that is
                         not navigation */
    PX_KIND_HTML,     /* a saved or fetched HTML page */
    PX_KIND_RECORD,   /* a JSON record */
} px_input_kind;

typedef struct px_article {
    const char *id;       /* outlet id: file stem or record "outlet"/"source" */
    const char *name;     /* outlet display name (og:site_name, record "outlet"), else id */
    const char *title;    /* headline, "" when none */
    const char *byline;   /* authors, or NULL */
    const char *date;     /* publication date, ISO 8601, or NULL */
    const char *modified; /* update date, ISO 8601, or NULL */
    const char *url;      /* canonical or source URL, or NULL */
    const char *lang;     /* language tag, or NULL */
    const char *story;    /* story id from a record, or NULL */
    const char *origin;   /* the path or URL it was read from, for messages */
    const char *body;     /* cleaned body, paragraphs separated by "\n\n" */
    size_t body_len;
    const char **removed; /* furniture removed from pasted text, in order */
    size_t nremoved;
    px_input_kind kind;
} px_article;

/* The page-furniture filter for pasted text and records: the line
 * classifier (data/line-model.txt, learned from real pages) and the
 * patterns of data/furniture.txt. */
typedef struct px_furniture px_furniture;
/* The built-in classifier and patterns (compiled in). Free with
 * px_furniture_free. */
PX_API px_furniture *px_furniture_default(void);
/* Add the patterns of a user file (same format as data/furniture.txt) to f. */
PX_API px_status px_furniture_load(px_furniture *f, const char *path, px_error *err);
/* Use the line model in the file at path instead of the built-in one (same
 * format as data/line-model.txt); errors name the file and line. */
PX_API px_status px_furniture_load_model(px_furniture *f, const char *path, px_error *err);
/* No line classifier: only the patterns remove lines. */
PX_API void px_furniture_rules_only(px_furniture *f);
PX_API void px_furniture_free(px_furniture *f);

/* The largest input read when px_ingest_opts.max_bytes is 0. */
#define PX_INGEST_MAX_BYTES ((size_t)64 << 20)

typedef struct px_ingest_opts {
    const px_furniture *furniture; /* NULL: no furniture filter for pasted text */
    size_t max_bytes;              /* input size cap; 0 = PX_INGEST_MAX_BYTES */
    const char *charset;           /* HTML: the charset the server declared (the
                                      Content-Type charset), NULL: sniff it from
                                      a byte-order mark or <meta charset> */
    /* Records with a "url" and no "text" or "html": fetch_url makes the
     * article of that page (the CLI fetches it, see parallax/fetch.h); the
     * record's fields then apply as for "html". NULL: such records are an
     * error. */
    px_status (*fetch_url)(void *ctx, px_arena *a, const char *url, px_article **out,
                           px_error *err);
    void *fetch_ctx;
} px_ingest_opts;

/* Read a file by its kind: .html/.htm → HTML, .json/.jsonl → records,
 * anything else → plain text. For records, *out receives an array of
 * *count articles; for other kinds *count is 1. */
PX_API px_status px_ingest_file(px_arena *a, const char *path, const px_ingest_opts *o,
                                px_article ***out, size_t *count, px_error *err);
/* The same for an input already in memory: name (a path) gives its kind,
 * its outlet id and the origin messages name. */
PX_API px_status px_ingest_data(px_arena *a, const char *data, size_t len, const char *name,
                                const px_ingest_opts *o, px_article ***out, size_t *count,
                                px_error *err);
/* Is name a file of JSON records (.json, .jsonl)? */
PX_API bool px_ingest_is_records(const char *name);
/* The "url" of each record that has neither "text" nor "html" (the pages
 * px_ingest_record would need fetched), of a file of records read as
 * px_ingest_data reads it (a JSON object, an array of them, or JSON Lines;
 * a byte-order mark first is skipped). Broken records are skipped: the
 * ingest reports them. Appended to *urls (arena strings, *n of them, the
 * array grown with realloc: the caller frees it with free()). */
PX_API void px_ingest_record_urls(px_arena *a, const char *data, size_t len, const char *name,
                                  const char ***urls, size_t *n);
/* HTML page → article. origin names the page in messages and gives the id. */
PX_API px_status px_ingest_html(px_arena *a, const char *html, size_t len, const char *origin,
                                const px_ingest_opts *o, px_article **out, px_error *err);
/* Pasted plain text → article. With a furniture filter the headline is the
 * first line that is not navigation ("Skip to main content", a menu),
 * without one the first non-empty line. */
PX_API px_status px_ingest_text(px_arena *a, const char *text, size_t len, const char *origin,
                                const px_ingest_opts *o, px_article **out, px_error *err);
/* What the line classifier saw of pasted text, line by line, after the
 * headline: for training and inspecting the model (`parallax extract
 * --line-features`). Arrays in the caller's arena. */
typedef struct px_line_report {
    const char *title;        /* the headline found */
    size_t n;                 /* lines after the headline */
    size_t nfeat;             /* features of a line */
    const char *const *names; /* their names (nfeat) */
    const char **text;        /* each line (n) */
    const size_t *number;     /* its line number in the input (n) */
    const double *x;          /* features, line by line (n * nfeat) */
    const double *p;          /* the model's probability that a line is furniture,
                                 -1 without a model (n) */
    const bool *drop;         /* removed by the model or the patterns (n) */
} px_line_report;
/* Pasted plain text → what the filter saw and decided of each line. */
PX_API px_status px_ingest_text_lines(px_arena *a, const char *text, size_t len, const char *origin,
                                      const px_ingest_opts *o, px_line_report *out, px_error *err);
/* One JSON record (an object) → article; line is for messages (0 = none). */
PX_API px_status px_ingest_record(px_arena *a, const char *json, size_t len, const char *origin,
                                  size_t line, const px_ingest_opts *o, px_article **out,
                                  px_error *err);
/* The furniture filter on its own: text (paragraphs) → kept text, removed
 * lines appended to *removed (arena array). */
PX_API char *px_ingest_filter(px_arena *a, const px_furniture *f, const char *text, size_t len,
                              const char *outlet, size_t *out_len, const char ***removed,
                              size_t *nremoved);

/* The outlet id for a path: file name without folders and extension. */
PX_API char *px_ingest_id_from_path(px_arena *a, const char *path);

#ifdef __cplusplus
}
#endif

#endif
