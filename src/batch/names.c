/*
 * names.c — safe file names for story ids, the shard a story belongs to,
 * and the fixed hash both rest on.
 *
 * A story id comes from the corpus and may hold anything: slashes, "..",
 * spaces, newlines, any UTF-8. The file name keeps the bytes that are safe
 * everywhere and writes every other byte as %XX, so the mapping is
 * injective ('%' itself is encoded) and no name is a path. Very long ids
 * are cut and end in '~' plus a hash ('~' is never kept, so a cut name
 * cannot equal an uncut one). The shard is the same FNV-1a hash of the id
 * modulo N: every machine computes the same split.
 */
#include <string.h>

#include "batch/internal.h"

/* Longest file name we make (ext4 allows 255; room for ".scores.csv",
 * the temporary prefix and suffix). */
#define NAME_MAX_LEN 160

uint64_t px_batch_fnv(uint64_t h, const void *p, size_t n)
{
    const unsigned char *s = p;
    for (size_t i = 0; i < n; i++) {
        h ^= s[i];
        h *= 1099511628211ULL;
    }
    return h;
}

void px_batch_hex(uint64_t h, char out[17])
{
    static const char digits[] = "0123456789abcdef";
    for (int i = 15; i >= 0; i--) {
        out[i] = digits[h & 15];
        h >>= 4;
    }
    out[16] = '\0';
}

static bool keep_byte(unsigned char c, size_t at)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return true;
    if (c == '_')
        return true;
    /* '-' first would read as an option, '.' first as a hidden file or ".." */
    return (c == '-' || c == '.') && at > 0;
}

char *px_batch_file_name(px_arena *a, const char *id)
{
    static const char digits[] = "0123456789ABCDEF";
    size_t n = strlen(id);
    px_buf b;
    px_buf_init(&b, 0);
    if (n == 0)
        px_buf_puts(&b, "%"); /* the empty id: a name no other id encodes to */
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)id[i];
        if (b.len > NAME_MAX_LEN - 20) {
            /* cut at a whole byte's encoding, then '~' and the id's hash */
            char hex[17];
            px_batch_hex(px_batch_fnv(PX_FNV_START, id, n), hex);
            px_buf_putc(&b, '~');
            px_buf_puts(&b, hex);
            break;
        }
        if (keep_byte(c, i)) {
            px_buf_putc(&b, (char)c);
        } else {
            char enc[3] = {'%', digits[c >> 4], digits[c & 15]};
            px_buf_add(&b, enc, 3);
        }
    }
    char *out = px_arena_strndup(a, b.data, b.len);
    px_buf_free(&b);
    return out;
}

unsigned px_batch_shard_of(const char *id, unsigned n)
{
    if (n <= 1)
        return 1;
    return (unsigned)(px_batch_fnv(PX_FNV_START, id, strlen(id)) % n) + 1;
}
