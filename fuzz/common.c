/*
 * common.c — what the fuzz harnesses share: the built-in furniture rules
 * and our lexicons, loaded once per process, and checks of the promises
 * the stages make about their results (valid UTF-8 bodies, spans inside
 * the text and in order, tokens inside their sentences). A broken promise
 * aborts, so the fuzzer reports it like a crash.
 */
#include <pthread.h>
#include <string.h>

#include "fuzz/harness.h"

static pthread_once_t once = PTHREAD_ONCE_INIT;
static px_furniture *furniture;
static px_lexset *lexicons;

static void load(void)
{
    furniture = px_furniture_default();
    const char *dir = getenv("PARALLAX_LEXICONS");
    lexicons = px_lexset_new();
    px_error err;
    if (px_lexset_load_dir(lexicons, dir ? dir : PX_SOURCE_ROOT "/lexicons", &err) != PX_OK) {
        fprintf(stderr, "fuzz: cannot load lexicons: %s\n", err.message);
        abort();
    }
}

const px_furniture *fuzz_furniture(void)
{
    pthread_once(&once, load);
    return furniture;
}

const px_lexset *fuzz_lexicons(void)
{
    pthread_once(&once, load);
    return lexicons;
}

void fuzz_check_utf8(const char *s, size_t n)
{
    size_t bad;
    FUZZ_CHECK(s != NULL);
    FUZZ_CHECK(px_utf8_check(s, n, &bad));
}

void fuzz_check_article(const px_article *art)
{
    FUZZ_CHECK(art->id && art->title && art->body);
    FUZZ_CHECK(strlen(art->body) == art->body_len);
    fuzz_check_utf8(art->body, art->body_len);
    fuzz_check_utf8(art->title, strlen(art->title));
    for (size_t i = 0; i < art->nremoved; i++)
        FUZZ_CHECK(art->removed[i] != NULL);
}

void fuzz_check_spans(const px_span *sp, size_t n, size_t len)
{
    for (size_t i = 0; i < n; i++) {
        FUZZ_CHECK(sp[i].start <= sp[i].end && sp[i].end <= len);
        FUZZ_CHECK(i == 0 || sp[i - 1].start <= sp[i].start);
    }
}

static void check_sentences(const px_doc *d)
{
    for (size_t i = 0; i < d->nsents; i++) {
        const px_sentence *s = &d->sents[i];
        FUZZ_CHECK(s->start <= s->end && s->end <= d->len);
        FUZZ_CHECK(i == 0 || d->sents[i - 1].end <= s->start);
        FUZZ_CHECK(s->tok + s->ntok <= d->ntoks);
        for (size_t t = s->tok; t < s->tok + s->ntok; t++) {
            FUZZ_CHECK(d->toks[t].sent == i);
            FUZZ_CHECK(d->toks[t].start >= s->start && d->toks[t].end <= s->end);
        }
    }
}

void fuzz_check_doc(const px_doc *d)
{
    FUZZ_CHECK(d->text && strlen(d->text) == d->len);
    fuzz_check_utf8(d->text, d->len);
    check_sentences(d);
    for (size_t i = 0; i < d->ntoks; i++) {
        const px_token *t = &d->toks[i];
        FUZZ_CHECK(t->start < t->end && t->end <= d->len && t->sent < d->nsents);
        FUZZ_CHECK(t->fold && t->stem);
        FUZZ_CHECK(i == 0 || d->toks[i - 1].end <= t->start);
    }
    for (size_t i = 0; i < d->nqty; i++)
        FUZZ_CHECK(d->qty[i].start <= d->qty[i].end && d->qty[i].end <= d->len &&
                   d->qty[i].sent < d->nsents);
    fuzz_check_spans(d->names, d->nnames, d->len);
    fuzz_check_spans(d->quotes, d->nquotes, d->len);
    for (size_t i = 0; i < d->nattrs; i++) {
        const px_attribution *at = &d->attrs[i];
        FUZZ_CHECK(at->start <= at->end && at->end <= d->len && at->sent < d->nsents);
        FUZZ_CHECK(at->speaker_start <= at->speaker_end && at->speaker_end <= d->len);
        FUZZ_CHECK(at->verb_start <= at->verb_end && at->verb_end <= d->len);
    }
}
