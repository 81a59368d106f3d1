/*
 * headline.c — where the headline of pasted text is.
 *
 * A reader who selects a page from its top rather than from the headline
 * pastes the browser's top of page first: "Skip to main content", a menu
 * ("Home | News | Sports", or one word a line), "Sign in". The headline is
 * the first line that is none of these. A line is navigation when it is
 * made of separated items (two or more "|", "•" marks), when at least half
 * of its few words are words of navigation, section names or sharing
 * (data/line-words.txt), or when it stands in a run of three or more lines
 * of at most two words each (a menu). Only the top of the text is searched.
 *
 * Hands on: px_lines_headline to ingest.c.
 */
#include "ingest/filter.h"

#define HEAD_LINES 40 /* the headline is among the first this many lines */
#define MENU_WORDS 2  /* a menu item has at most this many words… */
#define MENU_RUN 3    /* …and a menu at least this many items */
#define NAV_WORDS 6   /* a navigation line has at most this many words */

static bool short_line(const px_line *l)
{
    size_t words, seps, nav;
    px_line_counts(l, &words, &seps, &nav);
    return words <= MENU_WORDS;
}

/* In a run of at least MENU_RUN short lines (looking both ways). */
static bool in_menu(const px_line *lines, size_t n, size_t i)
{
    if (!short_line(&lines[i]))
        return false;
    size_t lo = i, hi = i + 1;
    while (lo > 0 && i - lo < MENU_RUN && short_line(&lines[lo - 1]))
        lo--;
    while (hi < n && hi - i < MENU_RUN && short_line(&lines[hi]))
        hi++;
    return hi - lo >= MENU_RUN;
}

static bool navigation(const px_line *lines, size_t n, size_t i)
{
    size_t words, seps, nav;
    px_line_counts(&lines[i], &words, &seps, &nav);
    if (seps >= 2 || words == 0)
        return true;
    if (words <= NAV_WORDS && nav * 2 >= words)
        return true;
    return in_menu(lines, n, i);
}

size_t px_lines_headline(const px_line *lines, size_t n)
{
    for (size_t i = 0; i < n && i < HEAD_LINES; i++)
        if (!navigation(lines, n, i))
            return i;
    return 0;
}
