/*
 * names.c — two small tests on names that every stage asks the same way:
 * does a file name end in an extension, and do two names spell the same
 * letters and digits ("The Iron Sentinel" holds "sentinel"). One
 * implementation each, so that a page, a line, a masthead and an outlet id
 * are compared alike; locale-independent, as a library must be.
 */
#include "util/toolbox.h"

#include <strings.h>

bool px_has_ext(const char *name, const char *ext)
{
    size_t n = strlen(name), e = strlen(ext);
    return n > e && strcasecmp(name + n - e, ext) == 0;
}

size_t px_squash(const char *s, size_t n, char *out, size_t size)
{
    size_t k = 0;
    for (size_t i = 0; i < n && k + 1 < size; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 'A' && c <= 'Z')
            out[k++] = (char)(c - 'A' + 'a');
        else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80)
            out[k++] = (char)c;
    }
    if (size)
        out[k] = '\0';
    return k;
}
