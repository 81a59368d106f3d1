/*
 * csv.c — the fact matrix and the framing scores as CSV (RFC 4180).
 */
#include <string.h>

#include "report/internal.h"

px_status px_report_csv_facts(const px_story *s, const px_report_opts *o, px_buf *b)
{
    (void)o;
    px_buf_puts(b, "fact,text,carriers");
    for (uint32_t i = 0; i < s->nsources; i++) {
        px_buf_putc(b, ',');
        px_csv_field(b, s->articles[i]->id, strlen(s->articles[i]->id));
    }
    px_buf_puts(b, ",conflicts\r\n");
    const px_alignment *al = &s->alignment;
    for (size_t f = 0; f < al->nfacts; f++) {
        const px_fact *fact = &al->facts[f];
        size_t tl;
        const char *t = px_report_fact_text(s, fact, &tl);
        px_buf_printf(b, "f%zu,", f + 1);
        px_csv_field(b, t, tl);
        px_buf_printf(b, ",%zu", fact->nmentions);
        for (uint32_t i = 0; i < s->nsources; i++) {
            const px_mention *m = px_fact_mention(fact, i);
            px_buf_putc(b, ',');
            if (m) {
                char sid[300];
                px_report_sentence_id(s, i, m->sent, sid, sizeof sid);
                px_csv_field(b, sid, strlen(sid));
            }
        }
        px_buf m;
        px_buf_init(&m, 0);
        for (size_t k = 0; k < fact->nconflicts; k++)
            for (uint32_t i = 0; i < s->nsources; i++)
                if (fact->conflicts[k].values[i])
                    px_buf_printf(&m, "%s%s=%s", m.len ? "; " : "", s->articles[i]->id,
                                  fact->conflicts[k].values[i]);
        px_buf_putc(b, ',');
        px_csv_field(b, m.data ? m.data : "", m.len);
        px_buf_free(&m);
        px_buf_puts(b, "\r\n");
    }
    return b->toobig ? PX_ELIMIT : PX_OK;
}

px_status px_report_csv_scores(const px_story *s, const px_report_opts *o, px_buf *b)
{
    (void)o;
    px_buf_puts(b, "source,lexicon,category,hits,per_1k,delta,narration,quoted,narration_per_1k\r\n");
    size_t nl = px_lexset_count(s->lexicons);
    for (uint32_t i = 0; i < s->nsources; i++)
        for (size_t k = 0; k < s->frames[i].nscores; k++) {
            const px_score *sc = &s->frames[i].scores[k];
            const px_lexicon *L = px_lexset_get(s->lexicons, sc->lexicon);
            const char *cat = sc->category < 0 ? "" : L->categories[sc->category];
            px_csv_field(b, s->articles[i]->id, strlen(s->articles[i]->id));
            px_buf_putc(b, ',');
            px_csv_field(b, L->name, strlen(L->name));
            px_buf_putc(b, ',');
            px_csv_field(b, cat, strlen(cat));
            px_buf_printf(b, ",%zu,%.3f,%.3f,%zu,%zu,%.3f\r\n", sc->hits, px_round3(sc->per_1k),
                          px_round3(sc->delta), sc->narration, sc->quoted,
                          px_round3(sc->narration_per_1k));
        }
    (void)nl;
    return b->toobig ? PX_ELIMIT : PX_OK;
}
