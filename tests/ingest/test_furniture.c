/* Unit tests of the furniture filter for pasted text (src/ingest/furniture.c
 * and data/furniture.txt): one case per kind of page furniture the issue
 * names, each next to article lines that must survive, including short
 * one-line paragraphs and quotes. The texts are written for these tests. */
#include <stdlib.h>
#include <unistd.h>

#include "support.h"
#include "ingest/internal.h"

/* The article lines every case surrounds with furniture. */
#define LEAD "The county opened its new flood barrier on Monday, two years late.\n\n"
#define MID "Officials said the barrier could hold back a river three metres above normal.\n\n"
#define SHORT "It worked.\n\n"
#define QUOTE "\"We slept through the night for the first time,\" said one resident.\n\n"
#define END "A second barrier, upstream, is planned for 2027.\n"

static px_article *paste(px_arena *a, const char *origin, const char *text)
{
    px_furniture *f = px_furniture_default();
    assert_non_null(f);
    px_ingest_opts o = {.furniture = f};
    px_article *art = NULL;
    px_error err;
    px_status st = px_ingest_text(a, text, strlen(text), origin, &o, &art, &err);
    px_furniture_free(f);
    if (st != PX_OK)
        fail_msg("ingest failed: %s", err.message);
    return art;
}

static void keeps_article(const px_article *art)
{
    static const char *const lines[] = {"two years late.", "three metres above normal.",
                                        "It worked.", "for the first time,\" said one",
                                        "planned for 2027."};
    for (size_t i = 0; i < sizeof lines / sizeof lines[0]; i++)
        if (!strstr(art->body, lines[i]))
            fail_msg("article line lost: \"%s\"\n%s", lines[i], art->body);
}

static void gone(const px_article *art, const char *s)
{
    if (strstr(art->body, s))
        fail_msg("furniture kept: \"%s\"\n%s", s, art->body);
    for (size_t i = 0; i < art->nremoved; i++)
        if (strstr(art->removed[i], s))
            return;
    fail_msg("\"%s\" not listed as removed", s);
}

static void newsletter_pitches_also_repeated(void **state)
{
    (void)state;
    px_arena *a = px_arena_new();
    px_article *art =
        paste(a, "gazette.txt",
              "Barrier opens\n\n" LEAD
              "Get the Valley Gazette's morning briefing in your inbox. Sign up free.\n\n" MID SHORT
              "Get the Valley Gazette's morning briefing in your inbox. Sign up free.\n\n" QUOTE
              "Never miss a story: join our weekly newsletter today.\n\n" END);
    keeps_article(art);
    gone(art, "morning briefing");
    gone(art, "weekly newsletter");
    px_arena_free(a);
}

static void advertisement_and_prompts(void **state)
{
    (void)state;
    px_arena *a = px_arena_new();
    px_article *art = paste(a, "gazette.txt",
                            "Barrier opens\n\n" LEAD "Advertisement\n\n" MID
                            "Share this article\n\nPrint\n\n" SHORT
                            "Story continues below advertisement\n\n" QUOTE "12 Comments\n\n"
                            "Leave a comment\n\n" END);
    keeps_article(art);
    gone(art, "Advertisement");
    gone(art, "Share this article");
    gone(art, "Print");
    gone(art, "12 Comments");
    gone(art, "Leave a comment");
    px_arena_free(a);
}

static void credits_and_bios(void **state)
{
    (void)state;
    px_arena *a = px_arena_new();
    px_article *art =
        paste(a, "gazette.txt",
              "Barrier opens\n\nBy Rosa Lind and Omar Haddad\n\n" LEAD
              "The barrier seen from the east bank on Monday. (Jon Vale / Valley Gazette)\n\n"
              "Photo: Jon Vale\n\n" MID SHORT QUOTE END
              "Rosa Lind is a staff reporter at the Valley Gazette who covers the environment.\n\n"
              "Omar Haddad covers county government for the Valley Gazette.\n");
    keeps_article(art);
    gone(art, "east bank on Monday");
    gone(art, "Photo: Jon Vale");
    gone(art, "is a staff reporter");
    gone(art, "covers county government");
    assert_non_null(art->byline);
    assert_string_equal(art->byline, "Rosa Lind and Omar Haddad");
    px_arena_free(a);
}

static void outlet_name_alone(void **state)
{
    (void)state;
    px_arena *a = px_arena_new();
    px_article *art =
        paste(a, "gazette.txt", "Barrier opens\n\nThe Valley Gazette\n\n" LEAD MID SHORT QUOTE END);
    keeps_article(art);
    gone(art, "The Valley Gazette");
    /* the name inside a sentence stays */
    px_article *in =
        paste(a, "gazette.txt",
              "Barrier opens\n\n" LEAD "The Valley Gazette asked the county for the cost.\n\n" END);
    assert_non_null(strstr(in->body, "The Valley Gazette asked the county"));
    px_arena_free(a);
}

static void related_lists_and_mark_lines(void **state)
{
    (void)state;
    px_arena *a = px_arena_new();
    px_article *art =
        paste(a, "gazette.txt",
              "Barrier opens\n\n" LEAD MID "Related stories\n"
              "County approves flood budget\nWhy the river keeps rising\nMap: the new flood "
              "zones\n\n" SHORT "-\n\nFerry service resumes after storm\n\n\xE2\x80\xA2\n\n"
              "Read more: How other towns hold back their rivers\n\n" QUOTE END);
    keeps_article(art);
    gone(art, "Related stories");
    gone(art, "County approves flood budget");
    gone(art, "Why the river keeps rising");
    gone(art, "Map: the new flood zones");
    gone(art, "Ferry service resumes");
    gone(art, "How other towns");
    px_arena_free(a);
}

static void short_lines_and_quotes_kept(void **state)
{
    (void)state;
    px_arena *a = px_arena_new();
    /* a body made of short lines: nothing here is furniture */
    const char *text =
        "Barrier opens\n\nIt held.\n\n\"Finally,\" she said.\n\nThen the rain came.\n\n"
        "Monday, 6 a.m.\n\nNobody was hurt.\n";
    px_article *art = paste(a, "gazette.txt", text);
    assert_int_equal(art->nremoved, 0);
    assert_string_equal(art->body, "It held.\n\n\"Finally,\" she said.\n\nThen the rain came.\n\n"
                                   "Monday, 6 a.m.\n\nNobody was hurt.");
    px_arena_free(a);
}

/* A paste selected from the top of the browser window: the headline is
 * found below the navigation, which goes with the furniture. */
static void headline_found_below_navigation(void **state)
{
    (void)state;
    px_arena *a = px_arena_new();
    px_article *art = paste(a, "gazette.txt",
                            "Skip to main content\nHome | News | Sports | Weather\nSign in\n"
                            "Barrier opens two years late\n\n" LEAD MID SHORT QUOTE END);
    assert_string_equal(art->title, "Barrier opens two years late");
    keeps_article(art);
    gone(art, "Skip to main content");
    gone(art, "Home | News | Sports");
    gone(art, "Sign in");
    assert_null(strstr(art->body, "Barrier opens two years late"));
    /* a menu of one-word lines */
    art = paste(
        a, "gazette.txt",
        "Menu\nNews\nCounty\nSport\nBarrier opens two years late\n\n" LEAD MID SHORT QUOTE END);
    assert_string_equal(art->title, "Barrier opens two years late");
    gone(art, "County");
    /* a short headline straight above the article is the headline */
    art = paste(a, "gazette.txt", "Barrier opens\n\n" LEAD MID SHORT QUOTE END);
    assert_string_equal(art->title, "Barrier opens");
    keeps_article(art);
    px_arena_free(a);
}

/* Without a furniture filter nothing is removed: the first line is the
 * headline, navigation or not. */
static void no_filter_keeps_the_first_line(void **state)
{
    (void)state;
    px_arena *a = px_arena_new();
    const char *text = "Skip to main content\nBarrier opens\n\n" LEAD END;
    px_article *art = NULL;
    px_error err;
    assert_int_equal(px_ingest_text(a, text, strlen(text), "g.txt", NULL, &art, &err), PX_OK);
    assert_string_equal(art->title, "Skip to main content");
    assert_non_null(strstr(art->body, "Barrier opens"));
    px_arena_free(a);
}

/* A JSON record's text is cleaned as pasted text is: the outlet's name
 * alone, a bare "UPDATE:" label, a bio and a follow prompt go; the
 * article, its update included, stays. */
static void record_text_cleaned_like_pastes(void **state)
{
    (void)state;
    px_furniture *f = px_furniture_default();
    px_ingest_opts o = {.furniture = f};
    px_arena *a = px_arena_new();
    const char *json =
        "{\"source\": \"gazette\", \"outlet\": \"Valley Gazette\", \"title\": \"Barrier "
        "opens\", \"text\": \"Valley Gazette\\n"
        "The county opened its new flood barrier on Monday, two years late.\\n"
        "Officials said the barrier could hold back a river three metres above normal.\\n"
        "UPDATE:\\n"
        "The county said on Tuesday that the barrier had held through the first storm.\\n"
        "Rosa Lind is a Reporter for the Valley Gazette. Follow her on Twitter at @rosalind.\\n"
        "Follow Omar Haddad on Twitter at @omarh\"}";
    px_article *art = NULL;
    px_error err;
    if (px_ingest_record(a, json, strlen(json), "corpus.jsonl", 1, &o, &art, &err) != PX_OK)
        fail_msg("%s", err.message);
    assert_non_null(strstr(art->body, "two years late."));
    assert_non_null(strstr(art->body, "three metres above normal."));
    assert_non_null(strstr(art->body, "held through the first storm."));
    gone(art, "Valley Gazette");
    gone(art, "UPDATE:");
    gone(art, "is a Reporter for the Valley Gazette");
    gone(art, "Follow Omar Haddad");
    px_arena_free(a);
    px_furniture_free(f);
}

static void user_rules_load_and_report_lines(void **state)
{
    (void)state;
    char path[] = "/tmp/px-furniture-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    const char *rules = "# extra rules\ndrop\t^Valley Gazette Plus$\ndrop\t(unclosed\n";
    assert_int_equal(write(fd, rules, strlen(rules)), (ssize_t)strlen(rules));
    close(fd);
    px_furniture *f = px_furniture_default();
    px_error err;
    assert_int_equal(px_furniture_load(f, path, &err), PX_EINPUT);
    assert_int_equal(err.line, 3);
    px_furniture_free(f);
    unlink(path);
}

/* Which bytes can open a match decides which rules a line is tried
 * against: a wrong answer would silently switch a rule off. */
static void first_bytes_of_anchored_rules(void **state)
{
    (void)state;
    bool set[256];
    assert_true(px_regex_first_bytes("^(share|print)( this)?$", true, set));
    for (int c = 0; c < 256; c++)
        if (set[c] != (c == 's' || c == 'S' || c == 'p' || c == 'P'))
            fail_msg("byte 0x%02X wrong for ^(share|print)", c);
    assert_true(px_regex_first_bytes("^(- *)?(next|prev)", true, set));
    assert_true(set['-'] && set['n'] && set['N'] && set['p'] && !set['x'] && !set[' ']);
    assert_true(px_regex_first_bytes("^[A-Z][a-z]+ (is|was)", false, set));
    assert_true(set['A'] && set['Z'] && !set['a']);
    assert_true(px_regex_first_bytes("^\\b(the|a)\\b", true, set));
    assert_true(set['t'] && set['A'] && !set['b']);
    assert_true(px_regex_first_bytes("^x{0,2}y", true, set));
    assert_true(set['x'] && set['y'] && !set['z']);
    /* cannot tell: unanchored, any byte, negated lists, top-level alternatives */
    assert_false(px_regex_first_bytes("newsletter", true, set));
    assert_false(px_regex_first_bytes("^.*inbox", true, set));
    assert_false(px_regex_first_bytes("^[^.]+$", true, set));
    assert_false(px_regex_first_bytes("^a|b", true, set));
    assert_false(px_regex_first_bytes("^(a)?$", true, set));
}

static void built_in_rules_compile(void **state)
{
    (void)state;
    /* loading a file compiles every rule at once and names a bad one */
    px_furniture *f = px_furniture_default();
    px_error err;
    char path[1024];
    snprintf(path, sizeof path, "%s/data/furniture.txt", PX_SOURCE_ROOT);
    if (px_furniture_load(f, path, &err) != PX_OK)
        fail_msg("%s:%zu: %s", err.file, err.line, err.message);
    px_furniture_free(f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(newsletter_pitches_also_repeated),
        cmocka_unit_test(advertisement_and_prompts),
        cmocka_unit_test(credits_and_bios),
        cmocka_unit_test(outlet_name_alone),
        cmocka_unit_test(related_lists_and_mark_lines),
        cmocka_unit_test(short_lines_and_quotes_kept),
        cmocka_unit_test(headline_found_below_navigation),
        cmocka_unit_test(no_filter_keeps_the_first_line),
        cmocka_unit_test(record_text_cleaned_like_pastes),
        cmocka_unit_test(user_rules_load_and_report_lines),
        cmocka_unit_test(first_bytes_of_anchored_rules),
        cmocka_unit_test(built_in_rules_compile),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
