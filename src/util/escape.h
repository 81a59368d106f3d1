/*
 * util/escape.h — text made safe for the formats the library writes: HTML
 * (the report, the worksheet, the aggregate summary) and CSV (RFC 4180:
 * the fact matrix, scores, the aggregate tables). Internal: not part of
 * the public API.
 */
#ifndef PX_UTIL_ESCAPE_H
#define PX_UTIL_ESCAPE_H

#include "parallax/util.h"

/* Append s[0..n) with & < > " ' as entities: safe in element text and in
 * quoted attribute values. */
PX_API void px_html_escape(px_buf *b, const char *s, size_t n);
/* Append s[0..n) as one CSV field: quoted (quotes doubled) when it holds a
 * comma, a quote or a line break, else as it is. */
PX_API void px_csv_field(px_buf *b, const char *s, size_t n);
/* Append a framing key as a CSV column-name stem that R, pandas and SQL
 * take as it is: "loaded" → loaded, "loaded:boosting" (a direction) →
 * loaded_dir_boosting, "loaded.combative" (a category) → loaded_cat_combative;
 * any other byte outside [A-Za-z0-9_] becomes '_'. */
PX_API void px_csv_key(px_buf *b, const char *key);

#endif
