/*
 * parse.c — the practical limit for `parallax extract`: read a page and
 * parse it with libxml2's HTML parser (the same options Parallax uses),
 * then free it. Nothing else. bench/extract.sh times this program over the
 * same pages as Parallax and Readability.js, one process per page.
 *
 * Usage: parse FILE...   (prints the number of elements parsed, so the
 * work cannot be optimised away)
 */
#include <libxml/HTMLparser.h>
#include <stdio.h>
#include <stdlib.h>

static long count(const xmlNode *n)
{
    long c = 0;
    for (; n; n = n->next)
        if (n->type == XML_ELEMENT_NODE)
            c += 1 + count(n->children);
    return c;
}

static char *slurp(const char *path, long *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    *len = ftell(f);
    rewind(f);
    char *buf = malloc((size_t)*len + 1);
    if (buf && fread(buf, 1, (size_t)*len, f) != (size_t)*len) {
        free(buf);
        buf = NULL;
    }
    fclose(f);
    return buf;
}

int main(int argc, char **argv)
{
    int opts = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
               HTML_PARSE_COMPACT | HTML_PARSE_IGNORE_ENC | XML_PARSE_HUGE;
    for (int i = 1; i < argc; i++) {
        long len;
        char *buf = slurp(argv[i], &len);
        if (!buf) {
            fprintf(stderr, "parse: cannot read %s\n", argv[i]);
            return 1;
        }
        htmlDocPtr doc = htmlReadMemory(buf, (int)len, NULL, "UTF-8", opts);
        printf("%s %ld\n", argv[i], doc ? count(xmlDocGetRootElement(doc)) : 0);
        xmlFreeDoc(doc);
        free(buf);
    }
    return 0;
}
