/*
 * text.c — the report for the terminal: readable at 80 columns, coloured
 * on a TTY (the CLI decides), plain otherwise.
 */
#include <string.h>

#include "report/internal.h"

#define C(o, code) ((o) && (o)->color ? (code) : "")

/* Append s wrapped to width, each line indented by indent spaces. */
static void wrap(px_buf *b, const char *s, size_t n, int indent, int width)
{
    int col = indent;
    for (int i = 0; i < indent; i++)
        px_buf_putc(b, ' ');
    size_t i = 0;
    while (i < n) {
        while (i < n && (s[i] == ' ' || s[i] == '\n'))
            i++;
        size_t j = i;
        while (j < n && s[j] != ' ' && s[j] != '\n')
            j++;
        if (j == i)
            break;
        int w = 0;
        for (size_t k = i; k < j; k++)
            w += ((unsigned char)s[k] & 0xC0) != 0x80;
        if (col > indent && col + 1 + w > width) {
            px_buf_putc(b, '\n');
            for (int k = 0; k < indent; k++)
                px_buf_putc(b, ' ');
            col = indent;
        } else if (col > indent) {
            px_buf_putc(b, ' ');
            col++;
        }
        px_buf_add(b, s + i, j - i);
        col += w;
        i = j;
    }
    px_buf_putc(b, '\n');
}

px_status px_report_text(const px_story *s, const px_report_opts *o, px_buf *b)
{
    int width = o && o->width > 20 ? o->width : 80;
    const char *bold = C(o, "\033[1m"), *dim = C(o, "\033[2m"), *red = C(o, "\033[31m"),
               *green = C(o, "\033[32m"), *yellow = C(o, "\033[33m"), *off = C(o, "\033[0m");
    const px_alignment *al = &s->alignment;
    px_buf_printf(b, "%s%s%s\n", bold, s->title ? s->title : s->id, off);
    px_buf_printf(b, "%zu sources, %zu facts\n\n", s->nsources, al->nfacts);
    for (uint32_t i = 0; i < s->nsources; i++) {
        const px_article *a = s->articles[i];
        const px_source_compare *c = &s->compare[i];
        px_buf_printf(b, "%s[%u] %s%s (%s) — %zu words, carries %zu of %zu facts, omits %zu, "
                         "%zu unique\n",
                      bold, i + 1, a->name, off, a->id, s->docs[i]->words, c->carried,
                      al->nfacts, c->nomitted, c->nunique);
        wrap(b, a->title, strlen(a->title), 4, width);
    }
    px_buf_printf(b, "\n%sFacts%s (%s✓%s carries, %s·%s omits, %s≠%s conflicting detail)\n",
                  bold, off, green, off, dim, off, red, off);
    for (size_t f = 0; f < al->nfacts; f++) {
        const px_fact *fact = &al->facts[f];
        px_buf_printf(b, "\n%sf%zu%s  ", bold, f + 1, off);
        for (uint32_t i = 0; i < s->nsources; i++) {
            const px_mention *m = px_fact_mention(fact, i);
            bool conflict = false;
            for (size_t k = 0; k < fact->nconflicts && m; k++)
                conflict = conflict || fact->conflicts[k].values[i];
            px_buf_printf(b, "%s%s%s", m ? (conflict ? red : green) : dim,
                          m ? (conflict ? "≠" : "✓") : "·", off);
        }
        px_buf_puts(b, "\n");
        size_t tl;
        const char *t = px_report_fact_text(s, fact, &tl);
        wrap(b, t, tl, 4, width);
        for (size_t k = 0; k < fact->nconflicts; k++) {
            px_buf_printf(b, "    %sconflict%s:", yellow, off);
            for (uint32_t i = 0; i < s->nsources; i++)
                if (fact->conflicts[k].values[i])
                    px_buf_printf(b, " %s \"%s\";", s->articles[i]->id,
                                  fact->conflicts[k].values[i]);
            px_buf_puts(b, "\n");
        }
    }
    size_t nl = px_lexset_count(s->lexicons);
    if (nl) {
        px_buf_printf(b, "\n%sFraming%s (hits per 1,000 words; difference from the story mean)\n",
                      bold, off);
        for (size_t l = 0; l < nl; l++) {
            const px_lexicon *L = px_lexset_get(s->lexicons, l);
            px_buf_printf(b, "  %s\n", L->name);
            for (uint32_t i = 0; i < s->nsources; i++) {
                const px_score *sc = px_frame_score(&s->frames[i], (uint32_t)l, -1);
                px_buf_printf(b, "    %-14.14s %3zu hits %7.1f /1k  %+6.1f  ", s->articles[i]->id,
                              sc->hits, sc->per_1k, sc->delta);
                size_t shown = 0;
                for (size_t h = 0; h < s->frames[i].nhits && shown < 4; h++) {
                    const px_hit *hit = &s->frames[i].hits[h];
                    if (hit->lexicon != l)
                        continue;
                    px_buf_printf(b, "%s%.*s", shown ? ", " : dim,
                                  (int)(hit->end - hit->start), s->docs[i]->text + hit->start);
                    shown++;
                }
                px_buf_printf(b, "%s%s\n", shown && sc->hits > shown ? ", …" : "", off);
            }
        }
    }
    px_buf_printf(b, "\n%sOmissions%s (facts most other outlets carry)\n", bold, off);
    for (uint32_t i = 0; i < s->nsources; i++) {
        const px_source_compare *c = &s->compare[i];
        px_buf_printf(b, "  %-14.14s", s->articles[i]->id);
        if (!c->nomitted)
            px_buf_puts(b, " none");
        for (size_t k = 0; k < c->nomitted; k++)
            px_buf_printf(b, " f%u", c->omitted[k] + 1);
        px_buf_puts(b, "\n");
    }
    return b->toobig ? PX_ELIMIT : PX_OK;
}
