/*
 * example.c — libparallax from a program of your own: load a story folder
 * (one file per outlet, as `parallax compare FOLDER` reads it), analyse it
 * and print the fact matrix: one row per fact, most widely carried first,
 * and per outlet whether it carries the fact (and where: headline, lead,
 * body, end), carries it with a conflicting detail, omits it, surely does
 * not carry it, or is not shown to carry it.
 *
 * Build it against the installed library and run it:
 *
 *   cc example.c $(pkg-config --cflags --libs parallax) -o example
 *   ./example data/stories/biden-putin-call
 *
 * (tests/install builds and runs it so against a fresh install.)
 */
#include <parallax/parallax.h>
#include <stdio.h>

/* "carries:lead", "conflict:headline", "omits", "absent", "not_shown" */
static void print_cell(const px_cell *c)
{
    char text[40];
    const char *place = px_cell_place(c);
    snprintf(text, sizeof text, "%s%s%s", px_cell_status_name(c->status), place ? ":" : "",
             place ? place : "");
    printf(" %-18s", text);
}

static void print_matrix(const px_story *s)
{
    const px_comparison *c = &s->compare;
    printf("%s: %zu outlets, %zu facts (parallax %s)\n\n%-5s", s->id, s->nsources, c->nfacts,
           px_version(), "fact");
    for (uint32_t i = 0; i < s->nsources; i++)
        printf(" %-18s", s->articles[i]->id);
    printf("\n");
    for (size_t r = 0; r < c->nfacts; r++) {
        size_t f = c->order[r];
        char id[32];
        px_story_fact_id(f, id, sizeof id);
        printf("%-5s", id);
        for (uint32_t i = 0; i < s->nsources; i++)
            print_cell(px_compare_cell(c, f, i));
        size_t n;
        const char *text = px_story_fact_text(s, &s->alignment.facts[f], &n);
        printf("\n      %.*s\n", (int)n, text);
    }
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: %s STORY-FOLDER\n", argv[0]);
        return 2;
    }
    /* the page-furniture filter for pasted text, as the parallax program uses */
    px_furniture *furniture = px_furniture_default();
    px_ingest_opts ingest = {.furniture = furniture};
    px_load_opts load = {.ingest = &ingest};
    const char *input = argv[1];
    px_story *story = NULL;
    px_error err = {0};
    px_status st = px_story_load(&story, &input, 1, &load, &err);
    if (st == PX_OK)
        st = px_story_analyze(story, NULL, NULL, &err); /* no lexicons: no framing scores */
    if (st == PX_OK)
        print_matrix(story);
    else {
        char message[1200];
        px_error_format(&err, message, sizeof message);
        fprintf(stderr, "example: %s\n", message);
    }
    px_story_free(story);
    px_furniture_free(furniture);
    return st == PX_OK ? 0 : 1;
}
