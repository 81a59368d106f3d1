/*
 * ingest/internal.h — helpers shared by the ingest sources.
 */
#ifndef PX_INGEST_INTERNAL_H
#define PX_INGEST_INTERNAL_H

#include "parallax/ingest.h"
#include "util/toolbox.h"

/* A date in any common form → ISO 8601 ("2021-12-07" or
 * "2021-12-07T19:30:00Z"); NULL when s is NULL or not a date. */
const char *px_ingest_iso_date(px_arena *a, const char *s);
/* Drop a first paragraph that repeats the headline; set empty names. */
void px_ingest_finish(px_arena *a, px_article *art);

/* What a furniture rule says a line is (data/furniture.txt kinds). */
typedef enum {
    PX_FURN_NONE = -1,
    PX_FURN_DROP = 0,
    PX_FURN_BYLINE,
    PX_FURN_UPDATED,
    PX_FURN_RELATED,
    PX_FURN_CREDIT,
    PX_FURN_BIO,
} px_furn_kind;
/* The kind of the first rule of f that matches line (NUL-terminated). */
px_furn_kind px_furniture_match(const px_furniture *f, const char *line);

/* For an anchored POSIX extended expression ("^…"): set[b] for every byte
 * b that can open a match (icase: both cases of letters). False when that
 * cannot be told; set is then untouched. */
bool px_regex_first_bytes(const char *re, bool icase, bool set[256]);

#endif
