"""Browser test: the demo worksheet and its answer key printed by headless Chromium on A4 and
on Letter (the report's DevTools driver, tests/browser/chrome.py). Nothing runs past the paper
(every word of every page lies inside it, and laid out for print nothing is wider than the
page); every article, every sentence number and every exercise is on paper; the exercises
start on a page of their own, and no exercise is split between two pages (its title and the
last of its answer lines are on one page). The pages are kept as PNG artefacts, to be looked
at. Skipped (exit 77) without Chromium, pdftotext or pdftoppm.

usage: test_print.py PARALLAX SOURCE_ROOT ARTEFACT_DIR
"""
import html
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "browser"))
from chrome import (ARTEFACTS, DEMO, Browser, check, done, need,  # noqa: E402
                    pdf_words, run)

need("pdftotext", "pdftoppm")
SHEET = os.path.join(ARTEFACTS, "worksheet.html")
KEY = os.path.join(ARTEFACTS, "worksheet-key.html")
code, _, err = run("worksheet", DEMO, "-o", SHEET, "--key", KEY, "--level", "advanced")
check(code == 0, f"parallax worksheet wrote the demo sheet and key {err.strip()}")
page_html = open(SHEET, encoding="utf-8").read()
NUMBERS = re.findall(r'<sup class="sn">(\d+)</sup>', page_html)
TITLES = [html.unescape(t) for t in re.findall(r'<h3><span class="num">\d+</span> ([^<]+)</h3>',
                                               page_html)]


def page_text(page):
    return " ".join(w[4] for w in page[2])


def opens_with(page, title):
    """Does the page start with this title (after an exercise's number)?"""
    text = page_text(page)
    return text.startswith(title) or text.split(" ", 1)[-1].startswith(title)


def exercise_pages(pages):
    """Per exercise title, the page it starts on."""
    found = []
    for title in TITLES:
        at = [i for i, p in enumerate(pages) if title in page_text(p)]
        found.append((title, at[0] if at else None))
    return found


# the printable width at 96 px per inch, less the 14 mm side margins of worksheet.css
PRINTABLE = {"A4": round((210 - 28) / 25.4 * 96), "Letter": round((8.5 * 25.4 - 28) / 25.4 * 96)}
WIDEST = "[document.documentElement.scrollWidth, innerWidth]"

b = Browser()
try:
    for paper, width in PRINTABLE.items():
        for name, path in (("sheet", SHEET), ("key", KEY)):
            b.open(width, 1000, media="print")
            b.load(path)
            scroll, inner = b.evaluate(WIDEST)
            check(scroll <= inner, f"{paper} {name}: laid out for print at {inner} px, nothing "
                                   f"wider ({scroll} px)")
            b.open(1280, 900)
            b.load(path)
            pdf = b.pdf(os.path.join(ARTEFACTS, f"worksheet-{name}-{paper}.pdf"), paper)
            pages = pdf_words(pdf)
            cut = [(i + 1, w[4]) for i, (pw, ph, words) in enumerate(pages) for w in words
                   if w[0] < 0 or w[2] > pw + 0.5 or w[1] < 0 or w[3] > ph + 0.5]
            check(pages and not cut, f"{paper} {name}: {len(pages)} pages, every word inside "
                                     f"the paper (cut: {cut[:5]})")
            subprocess.run(["pdftoppm", "-r", "50", "-png", pdf,
                            os.path.join(ARTEFACTS, f"worksheet-{name}-{paper}")], timeout=120)
            if name == "key":
                text = " ".join(page_text(p) for p in pages)
                check("Who is who" in text and "Fact matrix" in text,
                      f"{paper} key: the letters and the fact matrix are printed")
                continue
            text = " ".join(page_text(p) for p in pages)
            check(all(f"Source {c}" in text for c in "ABCD"), f"{paper} sheet: all four "
                                                              f"sources are printed")
            words = [w[4] for p in pages for w in p[2]]
            check(len([w for w in words if w.isdigit()]) >= len(NUMBERS),
                  f"{paper} sheet: the {len(NUMBERS)} sentence numbers are printed")
            first = [i for i, p in enumerate(pages) if p[2] and p[2][0][4] == "Exercises"]
            check(bool(first), f"{paper} sheet: the exercises start on a page of their own")
            spots = exercise_pages(pages)
            check(TITLES and all(at is not None for _, at in spots),
                  f"{paper} sheet: all {len(TITLES)} exercises are printed {spots}")
            # an exercise is whole on its page: when the next one (or the footer) is on a
            # later page, that page opens with it
            ends = [(t, at) for t, at in spots[1:]] + [("Made with Parallax", next(
                i for i, p in enumerate(pages) if "Made with Parallax" in page_text(p)))]
            split = [t for (t, at), (nt, nat) in zip(spots, ends)
                     if at is not None and nat is not None and nat != at
                     and (nat > at + 1 or not opens_with(pages[nat], nt))]
            check(not split, f"{paper} sheet: no exercise runs onto the next page {split}")
finally:
    b.close()
done()
