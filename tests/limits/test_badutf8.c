/*
 * test_badutf8.c — bound: invalid UTF-8, overlong encodings, NUL bytes and
 * lone surrogates in every input path.
 *
 * Plain text refuses them with the line and column; HTML pages (often in
 * legacy encodings) keep their text with U+FFFD in place of what cannot be
 * read; JSON records refuse them as malformed JSON, escaped NULs and lone
 * surrogates included; lexicons read invalid UTF-8 as Latin-1 and refuse
 * NULs; outlet ids from file names and story ids come out as valid UTF-8
 * in the reports. Whatever goes in, what comes out is valid UTF-8 without
 * NULs, and nothing crashes.
 */
#include <unistd.h>

#include "batch/internal.h"
#include "limits.h"

typedef struct {
    const char *name;
    const char *bytes;
    size_t len;
} bad;

#define BAD(name, lit)                                                                             \
    {                                                                                              \
        name, lit, sizeof lit - 1                                                                  \
    }
static const bad bads[] = {
    BAD("stray continuation byte", "\x80"),
    BAD("invalid byte", "\xff"),
    BAD("overlong slash", "\xc0\xaf"),
    BAD("overlong three-byte", "\xe0\x80\xaf"),
    BAD("overlong four-byte", "\xf0\x80\x80\xaf"),
    BAD("lone high surrogate", "\xed\xa0\x80"),
    BAD("lone low surrogate", "\xed\xbf\xbf"),
    BAD("past U+10FFFF", "\xf4\x90\x80\x80"),
    BAD("truncated sequence", "\xe2\x82"),
    BAD("NUL byte", "\0"),
};
#define NBAD (sizeof bads / sizeof *bads)

static void valid(const char *s, size_t n)
{
    size_t where;
    if (!px_utf8_check(s, n, &where))
        fail_msg("invalid UTF-8 or NUL at byte %zu of \"%.80s\"", where, s);
}

/* "PREFIX" + bad bytes + "SUFFIX" in the arena (NUL-terminated; len apart). */
static char *with_bad(px_arena *a, const char *prefix, const bad *b, const char *suffix,
                      size_t *len)
{
    size_t p = strlen(prefix), s = strlen(suffix);
    char *out = px_arena_alloc(a, p + b->len + s + 1);
    memcpy(out, prefix, p);
    memcpy(out + p, b->bytes, b->len);
    memcpy(out + p + b->len, suffix, s);
    *len = p + b->len + s;
    return out;
}

static void plain_text_refuses(void **state)
{
    (void)state;
    for (size_t i = 0; i < NBAD; i++) {
        px_arena *a = px_arena_new();
        size_t n;
        char *t = with_bad(a, "Headline\n\nFirst line.\nThe bad ", &bads[i], " bytes.\n", &n);
        px_article *art;
        px_error err;
        if (px_ingest_text(a, t, n, "bad.txt", NULL, &art, &err) != PX_EINPUT)
            fail_msg("%s: plain text accepted", bads[i].name);
        assert_int_equal(err.line, 4);
        assert_non_null(strstr(err.message, "column 9"));
        px_arena_free(a);
    }
}

static void html_keeps_text(void **state)
{
    (void)state;
    for (size_t i = 0; i < NBAD; i++) {
        px_arena *a = px_arena_new();
        size_t n;
        char *h = with_bad(a,
                           "<html><head><meta charset=utf-8><title>T</title></head><body>"
                           "<p>The council approved the bridge on Monday, with ",
                           &bads[i], " in the middle of the sentence.</p></body></html>", &n);
        px_article *art;
        px_error err;
        assert_int_equal(px_ingest_html(a, h, n, "bad.html", NULL, &art, &err), PX_OK);
        valid(art->body, art->body_len);
        if (!strstr(art->body, "in the middle of the sentence."))
            fail_msg("%s: the text after the bad bytes is lost: %s", bads[i].name, art->body);
        px_arena_free(a);
    }
}

static void records_refuse(void **state)
{
    (void)state;
    static const char *const escaped[] = {"\\u0000", "\\ud800", "\\udc00", "\\ud800x"};
    for (size_t i = 0; i < NBAD + 4; i++) {
        px_arena *a = px_arena_new();
        size_t n;
        bad esc = {"escape", i >= NBAD ? escaped[i - NBAD] : "", i >= NBAD ? 6 : 0};
        const bad *b = i < NBAD ? &bads[i] : &esc;
        char *j = with_bad(a, "{\"source\": \"wire\", \"text\": \"Headline\\n\\nBad ", b,
                           " here.\"}", &n);
        if (i >= NBAD)
            n = strlen(j);
        px_article *art;
        px_error err;
        if (px_ingest_record(a, j, n, "corpus.jsonl", 3, NULL, &art, &err) != PX_EINPUT)
            fail_msg("%s: record accepted", b->name);
        assert_int_equal(err.line, 3);
        assert_non_null(strstr(err.message, "JSON"));
        char *story = px_batch_story_key(a, j, n); /* batch's tolerant scanner */
        if (story)
            valid(story, strlen(story));
        px_arena_free(a);
    }
}

static void lexicons_read_latin1(void **state)
{
    (void)state;
    for (size_t i = 0; i < NBAD; i++) {
        for (int dic = 0; dic <= 1; dic++) {
            px_arena *a = px_arena_new();
            size_t n;
            char *t = with_bad(a, dic ? "%\n1\tcat\n%\nword\t1\nbad" : "word\tcat\t1\nbad",
                               &bads[i], dic ? "word\t1\n" : "word\tcat\t1\n", &n);
            px_lexicon *l;
            px_error err;
            px_status st = px_lexicon_parse(dic ? "bad.dic" : "bad.tsv", t, n, &l, &err);
            if (bads[i].bytes[0] == '\0') {
                assert_int_equal(st, PX_EINPUT);
                assert_non_null(strstr(err.message, "NUL"));
            } else {
                assert_int_equal(st, PX_OK);
                assert_int_equal(l->nentries, 2);
                for (size_t e = 0; e < l->nentries; e++)
                    valid(l->entries[e].term, strlen(l->entries[e].term));
                px_lexicon_free(l);
            }
            px_arena_free(a);
        }
    }
}

/* Outlet ids from file names and a story id (a folder's name) with bad
 * bytes: the reports (JSON, HTML, text, CSV) come out valid. */
static void names_and_reports(void **state)
{
    (void)state;
    px_story *s = px_story_new("story\xff\xc0\xaf\xed\xa0\x80");
    px_arena *a = px_story_arena(s);
    px_error err;
    for (unsigned k = 0; k < 2; k++) {
        char *name = px_arena_printf(a, "/tmp/out\xed\xa0\x80let\xff%u.txt", k);
        char *id = px_ingest_id_from_path(a, name);
        valid(id, strlen(id));
        char *text = limits_article(a, k, 12);
        px_article *art;
        assert_int_equal(px_ingest_text(a, text, strlen(text), name, NULL, &art, &err), PX_OK);
        assert_int_equal(px_story_add(s, art, &err), PX_OK);
    }
    assert_int_equal(px_story_analyze(s, NULL, NULL, &err), PX_OK);
    px_status (*const fns[])(const px_story *, const px_report_opts *, px_buf *) = {
        px_report_json, px_report_html, px_report_text, px_report_csv_facts, px_report_csv_scores};
    for (size_t i = 0; i < sizeof fns / sizeof *fns; i++) {
        px_buf b;
        px_buf_init(&b, 0);
        assert_int_equal(fns[i](s, NULL, &b), PX_OK);
        valid(b.data, b.len);
        px_buf_free(&b);
    }
    px_story_free(s);
}

/* The cleaner the `sentences` command and the HTML path use. */
static void cleaner_replaces(void **state)
{
    (void)state;
    px_arena *a = px_arena_new();
    for (size_t i = 0; i < NBAD; i++) {
        size_t n, m;
        char *t = with_bad(a, "Before ", &bads[i], " after.", &n);
        char *c = px_utf8_clean(a, t, n, &m);
        valid(c, m);
        assert_non_null(strstr(c, "\xef\xbf\xbd")); /* U+FFFD */
        px_span *sp;
        assert_int_equal(px_text_split(a, c, m, &sp), 1);
    }
    px_arena_free(a);
}

/* Every bad sequence in a page, a record and a lexicon of 1 MiB each. */
static void a_mebibyte_of_each(void **state)
{
    (void)state;
    double t0 = limits_now();
    px_buf b;
    px_buf_init(&b, 0);
    while (b.len < ((size_t)1 << 20))
        for (size_t i = 0; i < NBAD; i++) {
            px_buf_puts(&b, "Some words, then ");
            px_buf_add(&b, bads[i].bytes, bads[i].len);
            px_buf_puts(&b, i % 3 ? ". " : ".\n\n");
        }
    px_arena *a = px_arena_new();
    px_article *art;
    px_error err;
    assert_int_equal(px_ingest_text(a, b.data, b.len, "bad.txt", NULL, &art, &err), PX_EINPUT);
    assert_int_equal(px_ingest_html(a, b.data, b.len, "bad.html", NULL, &art, &err), PX_OK);
    valid(art->body, art->body_len);
    px_lexicon *l;
    assert_int_equal(px_lexicon_parse("bad.tsv", b.data, b.len, &l, &err), PX_EINPUT);
    px_buf_free(&b);
    px_arena_free(a);
    limits_report("1 MiB of bad UTF-8 as text, HTML and lexicon", t0, 128);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(plain_text_refuses), cmocka_unit_test(html_keeps_text),
        cmocka_unit_test(records_refuse),     cmocka_unit_test(lexicons_read_latin1),
        cmocka_unit_test(names_and_reports),  cmocka_unit_test(cleaner_replaces),
        cmocka_unit_test(a_mebibyte_of_each),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
