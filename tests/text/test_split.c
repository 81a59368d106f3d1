/* Unit tests of the sentence splitter (src/text/split.c): cases written
 * for Parallax, one per rule the splitter claims to survive. */
#include "support.h"

/* Split text and compare with the expected sentences (NULL-terminated). */
static void check(const char *text, const char *const *want)
{
    px_arena *a = px_arena_new();
    px_span *sp;
    size_t n = px_text_split(a, text, strlen(text), &sp);
    size_t k = 0;
    while (want[k])
        k++;
    for (size_t i = 0; i < n && i < k; i++) {
        char *got = px_arena_strndup(a, text + sp[i].start, sp[i].end - sp[i].start);
        if (strcmp(got, want[i]) != 0)
            fail_msg("sentence %zu: got \"%s\", want \"%s\"", i, got, want[i]);
    }
    if (n != k)
        fail_msg("%zu sentences, want %zu, in \"%s\"", n, k, text);
    px_arena_free(a);
}

#define CHECK(text, ...)                                                                           \
    do {                                                                                           \
        const char *const want[] = {__VA_ARGS__, NULL};                                            \
        check(text, want);                                                                         \
    } while (0)

static void titles_and_initials(void **state)
{
    (void)state;
    CHECK("Mr. Biden met Dr. Ruth Hale. She spoke first.", "Mr. Biden met Dr. Ruth Hale.",
          "She spoke first.");
    CHECK("The memo was signed by Anna K. Lind on Friday.",
          "The memo was signed by Anna K. Lind on Friday.");
    CHECK("It was you and I. Then we left.", "It was you and I.", "Then we left.");
}

static void dotted_abbreviations(void **state)
{
    (void)state;
    CHECK("The U.S. Navy sent two ships. Both arrived.", "The U.S. Navy sent two ships.",
          "Both arrived.");
    CHECK("Officials in the U.S. said nothing.", "Officials in the U.S. said nothing.");
    CHECK("Troops massed near the U.S. They waited.", "Troops massed near the U.S.",
          "They waited.");
    CHECK("The call began at 10 a.m. and ran long.", "The call began at 10 a.m. and ran long.");
    CHECK("The call was held on Dec. 7 in the evening.",
          "The call was held on Dec. 7 in the evening.");
}

static void numbers_and_money(void **state)
{
    (void)state;
    CHECK("Prices rose 1.2 percent. Wages did not.", "Prices rose 1.2 percent.", "Wages did not.");
    CHECK("It cost $4.50. Nobody paid.", "It cost $4.50.", "Nobody paid.");
}

static void quotes_and_parentheses(void **state)
{
    (void)state;
    CHECK("\"We are ready.\" she said.", "\"We are ready.\" she said.");
    CHECK("\xE2\x80\x9CWe are ready.\xE2\x80\x9D The minister left.",
          "\xE2\x80\x9CWe are ready.\xE2\x80\x9D", "The minister left.");
    CHECK("He paused (the room was silent.) and went on.",
          "He paused (the room was silent.) and went on.");
    CHECK("Is it over? Nobody knows!", "Is it over?", "Nobody knows!");
}

static void ellipses(void **state)
{
    (void)state;
    CHECK("He hesitated ... then spoke.", "He hesitated ... then spoke.");
    CHECK("It ended.... Nobody came.", "It ended....", "Nobody came.");
}

static void addresses(void **state)
{
    (void)state;
    CHECK("Write to desk.news@example.org. We answer.", "Write to desk.news@example.org.",
          "We answer.");
    CHECK("See https://example.org/a.b.html. It explains.", "See https://example.org/a.b.html.",
          "It explains.");
}

static void lists_and_lines(void **state)
{
    (void)state;
    CHECK("1. Open the file 2. Read it", "1. Open the file", "2. Read it");
    CHECK("Agenda\nBudget\nRoads", "Agenda", "Budget", "Roads");
    CHECK("First paragraph ends here\n\nSecond one.", "First paragraph ends here", "Second one.");
    CHECK("No space here.Next sentence starts.", "No space here.", "Next sentence starts.");
}

static void offsets_point_into_the_text(void **state)
{
    (void)state;
    const char *t = "  One. Two!\n\nThree?  ";
    px_arena *a = px_arena_new();
    px_span *sp;
    size_t n = px_text_split(a, t, strlen(t), &sp);
    assert_int_equal(n, 3);
    assert_int_equal(sp[0].start, 2);
    assert_int_equal(sp[0].end, 6);
    assert_memory_equal(t + sp[2].start, "Three?", 6);
    px_arena_free(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(titles_and_initials),
        cmocka_unit_test(dotted_abbreviations),
        cmocka_unit_test(numbers_and_money),
        cmocka_unit_test(quotes_and_parentheses),
        cmocka_unit_test(ellipses),
        cmocka_unit_test(addresses),
        cmocka_unit_test(lists_and_lines),
        cmocka_unit_test(offsets_point_into_the_text),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
