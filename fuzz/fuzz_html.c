/*
 * fuzz_html.c — HTML extraction: a page → px_ingest_html → article.
 *
 * An input may open with a line "#charset NAME" (the charset a server would
 * declare), so the decoder's paths are fuzzed too; otherwise the charset is
 * sniffed from the page. The article must keep the ingest promises: a
 * valid UTF-8 body without NULs, as long as it says.
 */
#include <string.h>

#include "fuzz/harness.h"

static const char *charset_line(const uint8_t **data, size_t *size, char *name, size_t cap)
{
    static const char key[] = "#charset ";
    size_t k = sizeof key - 1;
    if (*size < k || memcmp(*data, key, k) != 0)
        return NULL;
    const uint8_t *nl = memchr(*data, '\n', *size);
    size_t n = nl ? (size_t)(nl - *data) - k : *size - k;
    if (n >= cap)
        n = cap - 1;
    memcpy(name, *data + k, n);
    name[n] = '\0';
    size_t used = nl ? (size_t)(nl - *data) + 1 : *size;
    *data += used;
    *size -= used;
    return name;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char name[64];
    const char *charset = charset_line(&data, &size, name, sizeof name);
    px_ingest_opts o = {.furniture = fuzz_furniture(), .charset = charset};
    px_arena *a = px_arena_new();
    px_article *art = NULL;
    px_error err;
    px_status st = px_ingest_html(a, (const char *)data, size, "page.html", &o, &art, &err);
    if (st == PX_OK)
        fuzz_check_article(art);
    else
        FUZZ_CHECK(art == NULL && err.message[0]);
    px_arena_free(a);
    return 0;
}
