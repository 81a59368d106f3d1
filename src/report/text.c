/*
 * text.c — the report for the terminal: readable at 80 columns (or the
 * width asked for), coloured when the CLI asks (a TTY without NO_COLOR),
 * plain otherwise. Widths are measured in terminal cells (utf8proc), so
 * the symbols and any non-Latin text wrap where they should.
 *
 * Sections: the outlets (one letter each, the matrix's column heads), the
 * fact matrix with each fact's wording and conflicts, framing scores with
 * the words behind them, sourcing, and omissions.
 */
#include <stdio.h>
#include <string.h>
#include <utf8proc.h>

#include "report/internal.h"

typedef struct palette {
    const char *bold, *dim, *red, *green, *yellow, *off;
} palette;

typedef struct out {
    px_buf *b;
    int width;
    palette c;
} out;

/* Terminal cells taken by s[0..n). */
static int cells(const char *s, size_t n)
{
    int w = 0;
    size_t i = 0;
    while (i < n) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t k =
            utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(n - i), &cp);
        if (k <= 0) {
            i++;
            w++;
            continue;
        }
        int cw = utf8proc_charwidth(cp);
        w += cw > 0 ? cw : 0;
        i += (size_t)k;
    }
    return w;
}

/* Bytes of s that fit in max cells (at least one character). */
static size_t fit(const char *s, size_t n, int max)
{
    size_t i = 0;
    int w = 0;
    while (i < n) {
        size_t k = 1;
        while (i + k < n && ((unsigned char)s[i + k] & 0xC0) == 0x80)
            k++;
        int cw = cells(s + i, k);
        if (i && w + cw > max)
            break;
        w += cw;
        i += k;
    }
    return i;
}

/* Append s[0..n) with control characters (C0, DEL, C1) shown as '?', so no
 * input byte can drive the terminal. */
static void put_safe(px_buf *b, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x20 || c == 0x7f) {
            px_buf_putc(b, '?');
        } else if (c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] >= 0x80 &&
                   (unsigned char)s[i + 1] <= 0x9F) {
            px_buf_putc(b, '?');
            i++;
        } else {
            px_buf_putc(b, (char)c);
        }
    }
}

static void spaces(px_buf *b, int n)
{
    for (int i = 0; i < n; i++)
        px_buf_putc(b, ' ');
}

/* Append s wrapped: the first line goes on from column col, the others start
 * at column indent; words longer than a line are cut. The line is left open. */
static void wrap_open(out *o, const char *s, size_t n, int col, int indent)
{
    int room = o->width - indent > 10 ? o->width - indent : 10;
    size_t i = 0;
    bool first = true;
    while (i < n) {
        while (i < n && (s[i] == ' ' || s[i] == '\n' || s[i] == '\t'))
            i++;
        size_t j = i;
        while (j < n && s[j] != ' ' && s[j] != '\n' && s[j] != '\t')
            j++;
        if (j == i)
            break;
        int w = cells(s + i, j - i);
        if (w > room)
            j = i + fit(s + i, j - i, room), w = cells(s + i, j - i);
        if (!first && col + 1 + w > o->width) {
            px_buf_putc(o->b, '\n');
            spaces(o->b, indent);
            col = indent;
        } else if (!first) {
            px_buf_putc(o->b, ' ');
            col++;
        }
        put_safe(o->b, s + i, j - i);
        col += w;
        first = false;
        i = j;
    }
}

static void wrap(out *o, const char *s, size_t n, int col, int indent)
{
    wrap_open(o, s, n, col, indent);
    px_buf_putc(o->b, '\n');
}

/* The same in one colour, reset before the line ends. */
static void wrap_in(out *o, const char *colour, const char *s, size_t n, int col, int indent)
{
    px_buf_puts(o->b, colour);
    wrap_open(o, s, n, col, indent);
    px_buf_puts(o->b, o->c.off);
    px_buf_putc(o->b, '\n');
}

static void wraps(out *o, const char *s, int col, int indent)
{
    wrap(o, s, strlen(s), col, indent);
}

/* A section heading in bold, then its note, wrapped. */
static void heading(out *o, const char *title, const char *note)
{
    px_buf_printf(o->b, "\n%s%s%s", o->c.bold, title, o->c.off);
    if (note) {
        px_buf_puts(o->b, "  ");
        wraps(o, note, (int)strlen(title) + 2, (int)strlen(title) + 2);
    } else {
        px_buf_putc(o->b, '\n');
    }
}

/* The letter that heads an outlet's column. */
static char letter(uint32_t i)
{
    static const char set[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    if (i < sizeof set - 1)
        return set[i];
    return '+';
}

static void outlets(const px_story *s, out *o)
{
    heading(o, "Outlets", NULL);
    for (uint32_t i = 0; i < s->nsources; i++) {
        const px_source_compare *c = &s->compare.sources[i];
        px_buf_printf(o->b, "  %c  ", letter(i));
        px_buf name;
        px_buf_init(&name, 0);
        px_buf_printf(&name, "%s, %zu word%s", px_story_outlet(s, i), s->docs[i]->words,
                      s->docs[i]->words == 1 ? "" : "s");
        wrap_in(o, o->c.bold, name.data, name.len, 5, 5);
        px_buf_free(&name);
        spaces(o->b, 5);
        const char *title = s->articles[i]->title;
        wraps(o, *title ? title : "(no headline)", 5, 5);
        px_buf t;
        px_buf_init(&t, 0);
        px_buf_printf(&t, "carries %zu of %zu facts; omits %zu that most others carry", c->carried,
                      s->alignment.nfacts, c->nomitted);
        if (c->nunique)
            px_buf_printf(&t, "; %zu only here", c->nunique);
        if (c->nconflicts)
            px_buf_printf(&t, "; %zu conflicting", c->nconflicts);
        for (size_t l = 0; l < px_lexset_count(s->lexicons); l++) {
            const char *most = px_report_lexicon_most(px_lexset_get(s->lexicons, l));
            const px_top *top = &s->compare.lexicons[l].top[PX_FIG_ALL];
            if (most && top->source == (int32_t)i && top->clear)
                px_buf_printf(&t, "; %s (in its own narration)", most);
        }
        spaces(o->b, 5);
        wrap_in(o, o->c.dim, t.data, t.len, 5, 5);
        px_buf_free(&t);
    }
}

static const char *status_colour(const out *o, px_cell_status st)
{
    switch (st) {
    case PX_CELL_CARRIES: return o->c.green;
    case PX_CELL_CONFLICT: return o->c.yellow;
    case PX_CELL_OMITS: return o->c.red;
    default: return o->c.dim;
    }
}

static void fact_conflicts(const px_story *s, out *o, const px_fact *f, int indent)
{
    for (size_t k = 0; k < f->nconflicts; k++) {
        const px_conflict *c = &f->conflicts[k];
        px_buf t;
        px_buf_init(&t, 0);
        px_buf_printf(&t, "≠ %s%s%s%s:", px_conflict_kind_name(c->kind), c->detail ? " (" : "",
                      c->detail ? c->detail : "", c->detail ? ")" : "");
        for (uint32_t i = 0; i < s->nsources; i++)
            if (c->values[i])
                px_buf_printf(&t, " %c \"%s\";", letter(i), c->values[i]);
        if (t.len && t.data[t.len - 1] == ';')
            t.data[--t.len] = '\0';
        spaces(o->b, indent);
        wrap_in(o, o->c.yellow, t.data, t.len, indent, indent + 2);
        px_buf_free(&t);
    }
}

static void facts(const px_story *s, out *o)
{
    px_buf_printf(o->b, "\n%sFacts%s  ", o->c.bold, o->c.off);
    static const px_cell_status legend[] = {PX_CELL_CARRIES, PX_CELL_CONFLICT, PX_CELL_OMITS,
                                            PX_CELL_ABSENT, PX_CELL_NOT_SHOWN};
    px_buf t;
    px_buf_init(&t, 0);
    for (size_t k = 0; k < 5; k++)
        px_buf_printf(&t, "%s %s%s", px_cell_status_symbol(legend[k]),
                      px_cell_status_words(legend[k]), k < 4 ? ";  " : "");
    px_buf_puts(&t, ". Only verdicts the alignment is sure of count as carried or left out.");
    wrap(o, t.data, t.len, 7, 7);
    px_buf_free(&t);
    int marks = (int)s->nsources * 2;
    bool beside = 7 + marks <= o->width / 2;
    int indent = beside ? 7 + marks : 4;
    px_buf_printf(o->b, "\n       %s", o->c.bold);
    for (uint32_t i = 0; i < s->nsources; i++)
        px_buf_printf(o->b, "%c%s", letter(i), i + 1 < s->nsources ? " " : "");
    px_buf_printf(o->b, "%s\n", o->c.off);
    for (size_t r = 0; r < s->compare.nfacts; r++) {
        size_t f = s->compare.order[r];
        px_buf_printf(o->b, "  %sf%-4zu%s", o->c.bold, f + 1, o->c.off);
        for (uint32_t i = 0; i < s->nsources; i++) {
            px_cell_status st = px_compare_cell(&s->compare, f, i)->status;
            px_buf_printf(o->b, "%s%s%s ", status_colour(o, st), px_cell_status_symbol(st),
                          o->c.off);
        }
        if (!beside) {
            px_buf_putc(o->b, '\n');
            spaces(o->b, indent);
        }
        size_t n;
        const char *text = px_story_fact_text(s, &s->alignment.facts[f], &n);
        wrap(o, text, n, indent, indent);
        fact_conflicts(s, o, &s->alignment.facts[f], indent);
    }
}

/* "chaos ×2, slammed → criticised, …": the words behind one outlet's score
 * for lexicon l, each once with how often (the compare stage's terms). */
static void hit_terms(const px_story *s, px_buf *t, uint32_t i, uint32_t l)
{
    const px_source_frame *fr = &s->frames[i];
    const px_lexicon_compare *lc = &s->compare.sources[i].lexicons[l];
    const px_doc *d = s->docs[i];
    size_t start = t->len;
    for (size_t k = 0; k < lc->nterms; k++) {
        const px_hit *hit = &fr->hits[lc->terms[k].hit];
        const px_lex_entry *e = px_lexset_entry(s->lexicons, hit, NULL, NULL);
        px_buf_printf(t, "%s%.*s", t->len > start ? ", " : "", (int)(hit->end - hit->start),
                      d->text + hit->start);
        if (lc->terms[k].count > 1)
            px_buf_printf(t, " ×%zu", lc->terms[k].count);
        if (e->neutral)
            px_buf_printf(t, " → %s", e->neutral);
    }
}

/* One outlet's line for lexicon l: narration hits, their rate and its
 * difference from the story median ("clearly" when the interval leaves out
 * zero), the categories hit, quotations apart; then the words. */
static void score_line(const px_story *s, out *o, uint32_t i, uint32_t l)
{
    const px_lexicon *L = px_lexset_get(s->lexicons, l);
    px_score sc = px_report_score(s, i, l, -1);
    const px_contrast *ct = px_report_contrast(s, i, l, PX_FIG_ALL);
    px_buf t;
    px_buf_init(&t, 0);
    char head[96];
    int col = snprintf(head, sizeof head, "    %c  %3zu hit%s %6.1f %+6.1f", letter(i),
                       sc.narration, sc.narration == 1 ? " " : "s", sc.narration_per_1k,
                       ct ? ct->diff : sc.narration_delta);
    px_buf_puts(o->b, head);
    if (ct && ct->reading)
        px_buf_puts(&t, ct->reading > 0 ? "clearly more; " : "clearly less; ");
    const char *sep = "";
    for (size_t c = 0; c < L->ncategories; c++) {
        px_score cs = px_report_score(s, i, l, (int32_t)c);
        if (cs.hits) {
            px_buf_printf(&t, "%s%s %zu", sep, px_report_category_label(L, c), cs.hits);
            sep = " · ";
        }
    }
    if (sc.quoted)
        px_buf_printf(&t, " (in quotations, apart: %zu, %.1f per 1,000 quoted words)", sc.quoted,
                      sc.quoted_per_1k);
    if (t.len)
        px_buf_puts(o->b, "  ");
    wrap(o, t.data ? t.data : "", t.len, col + 2, 9);
    if (sc.hits) {
        px_buf_reset(&t);
        hit_terms(s, &t, i, l);
        spaces(o->b, 9);
        wrap_in(o, o->c.dim, t.data, t.len, 9, 9);
    }
    px_buf_free(&t);
}

/* One outlet's slant reading. */
static void slant_line(const px_story *s, out *o, uint32_t i, uint32_t l)
{
    px_buf t;
    px_buf_init(&t, 0);
    px_report_reading(&t, s, i, l, PX_FIG_SLANT, true);
    px_buf_printf(o->b, "    %c  ", letter(i));
    wrap(o, t.data, t.len, 7, 7);
    px_buf_free(&t);
}

/* The slant of a lexicon with directions: a line for each outlet that
 * differs clearly; one line saying so when none does. */
static void slant_lines(const px_story *s, out *o, uint32_t l)
{
    size_t shown = 0;
    for (uint32_t i = 0; i < s->nsources; i++) {
        const px_contrast *c = px_report_contrast(s, i, l, PX_FIG_SLANT);
        if (c && c->reading) {
            slant_line(s, o, i, l);
            shown++;
        }
    }
    if (!shown && px_report_contrast(s, 0, l, PX_FIG_SLANT))
        px_buf_puts(o->b, "       slant (boosting minus attacking): no outlet differs clearly "
                          "from the others\n");
}

static void framing(const px_story *s, out *o)
{
    size_t nl;
    size_t *order = px_report_lexicon_order(s, &nl);
    if (nl)
        heading(o, "Framing",
                "narration hits per 1,000 words of narration; ± difference from the story "
                "median, 'clearly' when its 95% interval leaves out zero; quotations apart");
    for (size_t k = 0; k < nl; k++) {
        uint32_t l = (uint32_t)order[k];
        size_t hits = s->compare.lexicons[l].hits;
        px_buf_printf(o->b, "  %s%s%s%s\n", o->c.bold,
                      px_report_lexicon_label(px_lexset_get(s->lexicons, l)), o->c.off,
                      hits ? "" : ": no hits in any outlet");
        for (uint32_t i = 0; i < s->nsources && hits; i++)
            score_line(s, o, i, l);
        if (hits)
            slant_lines(s, o, l);
    }
    free(order);
}

static void sourcing(const px_story *s, out *o)
{
    heading(o, "Sourcing", "who each outlet attributes statements to");
    for (uint32_t i = 0; i < s->nsources; i++) {
        const px_source_compare *c = &s->compare.sources[i];
        px_buf t;
        px_buf_init(&t, 0);
        for (int anon = 0; anon < 2; anon++) {
            px_buf_puts(&t, anon ? "anonymous: " : "named: ");
            size_t shown = 0;
            for (size_t k = 0; k < c->nspeakers; k++)
                if (c->speakers[k].anonymous == (anon == 1))
                    px_buf_printf(&t, "%s%s", shown++ ? ", " : "", c->speakers[k].name);
            if (!shown)
                px_buf_puts(&t, "none");
            px_buf_puts(&t, anon ? "" : "; ");
        }
        px_buf_printf(o->b, "    %c  ", letter(i));
        wrap(o, t.data, t.len, 7, 7);
        px_buf_free(&t);
    }
}

static void omissions(const px_story *s, out *o)
{
    heading(o, "Omissions", "facts most other outlets carry");
    for (uint32_t i = 0; i < s->nsources; i++) {
        const px_source_compare *c = &s->compare.sources[i];
        px_buf t;
        px_buf_init(&t, 0);
        for (size_t k = 0; k < c->nomitted; k++)
            px_buf_printf(&t, "%sf%u", k ? " " : "", c->omitted[k] + 1);
        px_buf_printf(o->b, "    %c  ", letter(i));
        wrap(o, t.len ? t.data : "none", t.len ? t.len : 4, 7, 7);
        px_buf_free(&t);
    }
}

px_status px_report_text(const px_story *s, const px_report_opts *opts, px_buf *b)
{
    if (!s || !s->analyzed)
        return PX_EUSAGE;
    bool colour = opts && opts->color;
    out o = {b,
             opts && opts->width >= 40 ? opts->width : 80,
             {colour ? "\033[1m" : "", colour ? "\033[2m" : "", colour ? "\033[31m" : "",
              colour ? "\033[32m" : "", colour ? "\033[33m" : "", colour ? "\033[0m" : ""}};
    char head[64];
    int col = snprintf(head, sizeof head, "How %zu outlets told one story: ", s->nsources);
    px_buf_printf(b, "%s%s%s", o.c.bold, head, o.c.off);
    wrap(&o, s->id, strlen(s->id), col, 4);
    const px_comparison *cmp = &s->compare;
    px_buf t;
    px_buf_init(&t, 0);
    px_buf_printf(&t,
                  "%zu fact%s: %zu carried by every outlet, %zu by only one; %zu conflicting "
                  "detail%s.",
                  cmp->nfacts, cmp->nfacts == 1 ? "" : "s", cmp->carried_by_all,
                  cmp->carried_by_one, cmp->conflicts, cmp->conflicts == 1 ? "" : "s");
    wrap(&o, t.data, t.len, 0, 0);
    px_buf_free(&t);
    outlets(s, &o);
    facts(s, &o);
    framing(s, &o);
    sourcing(s, &o);
    omissions(s, &o);
    return b->toobig ? PX_ELIMIT : PX_OK;
}
