/*
 * ingest/internal.h — helpers shared by the ingest sources.
 */
#ifndef PX_INGEST_INTERNAL_H
#define PX_INGEST_INTERNAL_H

#include "parallax/ingest.h"

/* A date in any common form → ISO 8601 ("2021-12-07" or
 * "2021-12-07T19:30:00Z"); NULL when s is NULL or not a date. */
const char *px_ingest_iso_date(px_arena *a, const char *s);
/* Drop a first paragraph that repeats the headline; set empty names. */
void px_ingest_finish(px_arena *a, px_article *art);

#endif
