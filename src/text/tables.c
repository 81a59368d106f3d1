/*
 * tables.c — the text stage's word tables, built once from data files
 * compiled into the library (data/abbreviations.txt, data/stopwords.txt).
 *
 * The tables are built on first use under pthread_once and read-only after,
 * so any number of threads may split and tokenize at the same time.
 */
#include <ctype.h>
#include <pthread.h>
#include <string.h>

#include "text/internal.h"

extern const char px_embed_abbreviations[];
extern const size_t px_embed_abbreviations_len;
extern const char px_embed_stopwords[];
extern const size_t px_embed_stopwords_len;

static px_map *abbrevs, *stops, *starters;
static pthread_once_t once = PTHREAD_ONCE_INIT;

static const char *const starter_words[] = {
    "i",       "the",       "a",       "an",    "it",      "he",    "she",       "they",
    "we",      "you",       "this",    "that",  "these",   "those", "there",     "here",
    "his",     "her",       "their",   "our",   "my",      "its",   "but",       "and",
    "or",      "so",        "yet",     "if",    "when",    "while", "after",     "before",
    "in",      "on",        "at",      "as",    "for",     "how",   "what",      "why",
    "who",     "where",     "did",     "do",    "does",    "is",    "are",       "was",
    "were",    "mr",        "mrs",     "ms",    "dr",      "then",  "still",     "now",
    "however", "meanwhile", "also",    "one",   "some",    "many",  "most",      "all",
    "no",      "not",       "both",    "each",  "every",   "such",  "since",     "although",
    "though",  "because",   "even",    "later", "earlier", "today", "yesterday", "tomorrow",
    "last",    "next",      "another", "other", "let",     "can",   "will",      NULL};

static void load_lines(px_map *m, const char *data, size_t len, bool with_kind)
{
    size_t i = 0;
    while (i < len) {
        size_t j = i;
        while (j < len && data[j] != '\n')
            j++;
        if (j > i && data[i] != '#') {
            size_t e = j, tab = i;
            while (tab < e && data[tab] != '\t')
                tab++;
            uintptr_t kind = 1;
            if (with_kind && tab < e)
                kind = strncmp(data + tab + 1, "title", 5) == 0 ? ABBR_TITLE : ABBR_OTHER;
            if (tab > i && !px_map_get(m, data + i, tab - i, NULL))
                px_map_put(m, data + i, tab - i, kind);
        }
        i = j + 1;
    }
}

static void build(void)
{
    abbrevs = px_map_new();
    load_lines(abbrevs, px_embed_abbreviations, px_embed_abbreviations_len, true);
    stops = px_map_new();
    load_lines(stops, px_embed_stopwords, px_embed_stopwords_len, false);
    starters = px_map_new();
    for (const char *const *w = starter_words; *w; w++)
        px_map_put(starters, *w, strlen(*w), 1);
}

static bool lower_copy(const char *s, size_t n, char *out, size_t size)
{
    if (n == 0 || n >= size)
        return false;
    for (size_t i = 0; i < n; i++)
        out[i] = (char)tolower((unsigned char)s[i]);
    out[n] = '\0';
    return true;
}

int px_text_abbrev(const char *s, size_t n)
{
    pthread_once(&once, build);
    char w[32];
    if (!lower_copy(s, n, w, sizeof w))
        return ABBR_NONE;
    uintptr_t k;
    return px_map_get(abbrevs, w, n, &k) ? (int)k : ABBR_NONE;
}

bool px_text_starter(const char *s, size_t n)
{
    pthread_once(&once, build);
    char w[32];
    if (!lower_copy(s, n, w, sizeof w))
        return false;
    return px_map_get(starters, w, n, NULL);
}

bool px_text_is_stopword(const char *fold, size_t len)
{
    pthread_once(&once, build);
    return px_map_get(stops, fold, len, NULL);
}
