/*
 * fuzz_compare.c — the whole compare pipeline on 2–4 articles cut from one
 * input: ingest, text, align, frame, compare, then every report format
 * (JSON, HTML, text, both CSVs) rendered into capped buffers.
 *
 * Articles are separated by form feeds ('\f', rare in real text); an
 * input without one is cut in half. An article opening with '<' is read
 * as HTML, with '{' as a JSON record, anything else as pasted text.
 * Articles that fail to ingest are left out; a story of fewer than two is
 * not analysed. Reports are rendered, checked for UTF-8 and thrown away.
 */
#include <string.h>

#include "fuzz/harness.h"

#define MAX_ARTICLES 4
#define REPORT_CAP ((size_t)64 << 20)

typedef struct {
    const char *p;
    size_t n;
} piece;

static size_t cut(const char *s, size_t n, piece *out)
{
    size_t k = 0, start = 0;
    for (size_t i = 0; i <= n && k < MAX_ARTICLES; i++)
        if (i == n || s[i] == '\f') {
            out[k++] = (piece){s + start, i - start};
            start = i + 1;
        }
    if (k == 1) {
        out[0].n = n / 2;
        out[1] = (piece){s + n / 2, n - n / 2};
        k = 2;
    }
    return k;
}

static px_status ingest(px_arena *a, piece pc, size_t i, px_article **art)
{
    static const char *const names[] = {"wire.txt", "ledger.txt", "harbor.txt", "flash.txt"};
    px_ingest_opts o = {.furniture = fuzz_furniture()};
    px_error err;
    if (pc.n && pc.p[0] == '<')
        return px_ingest_html(a, pc.p, pc.n, names[i], &o, art, &err);
    if (pc.n && pc.p[0] == '{')
        return px_ingest_record(a, pc.p, pc.n, names[i], 0, &o, art, &err);
    return px_ingest_text(a, pc.p, pc.n, names[i], &o, art, &err);
}

static void render(const px_story *s)
{
    px_status (*const fns[])(const px_story *, const px_report_opts *, px_buf *) = {
        px_report_json, px_report_html, px_report_text, px_report_csv_facts, px_report_csv_scores};
    px_report_opts ro = {.command_line = "parallax compare", .width = 60};
    for (size_t i = 0; i < sizeof fns / sizeof *fns; i++) {
        px_buf b;
        px_buf_init(&b, REPORT_CAP);
        px_status st = fns[i](s, &ro, &b);
        FUZZ_CHECK(st == PX_OK || st == PX_ELIMIT);
        if (st == PX_OK)
            fuzz_check_utf8(b.data, b.len);
        px_buf_free(&b);
    }
}

static void check_alignment(const px_story *s)
{
    const px_alignment *al = &s->alignment;
    for (size_t f = 0; f < al->nfacts; f++) {
        const px_fact *fact = &al->facts[f];
        FUZZ_CHECK(fact->nmentions >= 1 && fact->nmentions <= s->nsources);
        for (size_t m = 0; m < fact->nmentions; m++) {
            const px_mention *mn = &fact->mentions[m];
            FUZZ_CHECK(mn->source < s->nsources);
            FUZZ_CHECK(mn->sent < s->docs[mn->source]->nsents);
            FUZZ_CHECK(m == 0 || fact->mentions[m - 1].source < mn->source);
        }
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    piece pcs[MAX_ARTICLES];
    size_t n = cut((const char *)data, size, pcs);
    px_story *s = px_story_new("fuzz");
    for (size_t i = 0; i < n; i++) {
        px_article *art = NULL;
        px_error err;
        if (ingest(px_story_arena(s), pcs[i], i, &art) == PX_OK)
            FUZZ_CHECK(px_story_add(s, art, &err) == PX_OK);
    }
    if (s->nsources >= 2) {
        px_config cfg;
        px_config_defaults(&cfg);
        cfg.lexicons = fuzz_lexicons();
        px_error err;
        px_status st = px_story_analyze(s, &cfg, NULL, &err);
        FUZZ_CHECK(st == PX_OK || st == PX_ELIMIT);
        if (st == PX_OK) {
            for (size_t i = 0; i < s->nsources; i++)
                fuzz_check_doc(s->docs[i]);
            check_alignment(s);
            render(s);
        }
    }
    px_story_free(s);
    return 0;
}
