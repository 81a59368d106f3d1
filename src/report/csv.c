/*
 * csv.c — the fact matrix and the framing scores as CSV (RFC 4180: fields
 * with a comma, quote or line break are quoted, quotes doubled, CRLF line
 * ends), for spreadsheets and statistics packages.
 *
 * Every table is long or flat, never wide by outlet: a story column first
 * and outlet ids in cells, not in column names, so the files of many
 * stories concatenate under one header (doc/codebook.md names each column).
 * facts: one row per fact and outlet, facts in matrix order: its status
 * (carries, conflict, omits, absent, not_shown), where the fact sits, the
 * fact's confidence, the outlet's probability of carrying it and the
 * sentence id (as in the JSON report). scores: one row per outlet, lexicon
 * and category (category empty for the lexicon as a whole). outlet_story:
 * one row per outlet, the fact counts and a column per framing key and
 * voice (the same columns as the aggregate's outlet_story.csv).
 */
#include <stdlib.h>
#include <string.h>

#include "report/internal.h"

static void field(px_buf *b, const char *s)
{
    px_csv_field(b, s, strlen(s));
}

/* The story column's value, and the comma after it. */
static void story_field(px_buf *b, const px_story *s, const px_report_opts *o)
{
    field(b, o && o->story ? o->story : s->id ? s->id : "");
    px_buf_putc(b, ',');
}

/* "number: 2 hours | date: …": the values this outlet gives in the fact's
 * conflicts (the other outlets' values are in their own rows). */
static void values_field(px_buf *b, const px_fact *fact, uint32_t i)
{
    px_buf m;
    px_buf_init(&m, 0);
    const char *sep = "";
    for (size_t k = 0; k < fact->nconflicts; k++) {
        const px_conflict *c = &fact->conflicts[k];
        if (!c->values[i])
            continue;
        px_buf_printf(&m, "%s%s: %s", sep, px_conflict_kind_name(c->kind), c->values[i]);
        sep = " | ";
    }
    px_csv_field(b, m.data ? m.data : "", m.len);
    px_buf_free(&m);
}

px_status px_report_csv_facts(const px_story *s, const px_report_opts *o, px_buf *b)
{
    if (!s || !s->analyzed)
        return PX_EUSAGE;
    px_buf_puts(b, "story,fact,outlet,status,placement,confidence,p_carries,carriers,sentence,"
                   "conflict_values\r\n");
    for (size_t r = 0; r < s->compare.nfacts; r++) {
        size_t f = s->compare.order[r];
        const px_fact *fact = &s->alignment.facts[f];
        for (uint32_t i = 0; i < s->nsources; i++) {
            const px_cell *c = px_compare_cell(&s->compare, f, i);
            const char *where = px_cell_place(c);
            story_field(b, s, o);
            px_buf_printf(b, "f%zu,", f + 1);
            field(b, s->articles[i]->id);
            px_buf_printf(b, ",%s,%s,%.3f,%.3f,%zu,", px_cell_status_name(c->status),
                          where ? where : "", px_round3(fact->confidence), px_round3(c->p_carries),
                          s->compare.facts[f].carriers);
            if (c->mention >= 0) {
                char sid[300];
                px_story_sentence_id(s, i, c->sent, sid, sizeof sid);
                field(b, sid);
            }
            px_buf_putc(b, ',');
            values_field(b, fact, i);
            px_buf_puts(b, "\r\n");
        }
    }
    return b->toobig ? PX_ELIMIT : PX_OK;
}

/* The contrast columns of a lexicon's row: rate against the story median,
 * the difference, its 95% interval and its reading (more, less, noise);
 * empty for category rows and figures a lexicon does not have. */
static void contrast_fields(px_buf *b, const px_contrast *c)
{
    if (!c) {
        px_buf_puts(b, ",,,,,");
        return;
    }
    px_buf_printf(b, ",%.3f,%.3f,%.3f,%.3f,%s", px_round3(c->reference), px_round3(c->diff),
                  px_round3(c->lo), px_round3(c->hi),
                  c->reading > 0   ? "more"
                  : c->reading < 0 ? "less"
                                   : "noise");
}

px_status px_report_csv_scores(const px_story *s, const px_report_opts *o, px_buf *b)
{
    if (!s || !s->analyzed)
        return PX_EUSAGE;
    px_buf_puts(b, "story,source,lexicon,category,hits,per_1k,delta,narration,quoted,"
                   "narration_per_1k,narration_delta,quoted_per_1k,median_per_1k,difference,"
                   "low,high,reading,slant_per_1k,slant_median,slant_difference,slant_low,"
                   "slant_high,slant_reading\r\n");
    size_t nl = px_lexset_count(s->lexicons);
    for (uint32_t i = 0; i < s->nsources; i++)
        for (uint32_t l = 0; l < nl; l++) {
            const px_lexicon *L = px_lexset_get(s->lexicons, l);
            for (int32_t c = -1; c < (int32_t)L->ncategories; c++) {
                px_score sc = px_report_score(s, i, l, c);
                story_field(b, s, o);
                field(b, s->articles[i]->id);
                px_buf_putc(b, ',');
                field(b, L->name);
                px_buf_putc(b, ',');
                field(b, c < 0 ? "" : L->categories[c]);
                px_buf_printf(b, ",%zu,%.3f,%.3f,%zu,%zu,%.3f,%.3f,%.3f", sc.hits,
                              px_round3(sc.per_1k), px_round3(sc.delta), sc.narration, sc.quoted,
                              px_round3(sc.narration_per_1k), px_round3(sc.narration_delta),
                              px_round3(sc.quoted_per_1k));
                contrast_fields(b, c < 0 ? px_report_contrast(s, i, l, PX_FIG_ALL) : NULL);
                const px_contrast *sl = c < 0 ? px_report_contrast(s, i, l, PX_FIG_SLANT) : NULL;
                if (sl)
                    px_buf_printf(b, ",%.3f", px_round3(sl->rate));
                else
                    px_buf_putc(b, ',');
                contrast_fields(b, sl);
                px_buf_puts(b, "\r\n");
            }
        }
    return b->toobig ? PX_ELIMIT : PX_OK;
}
