"""Browser test: the demo report printed to PDF by Chromium on A4 and on Letter, with the
reader's screen in light and in dark mode. By default the summary prints on one page with
every outlet's headline on it (the folded sections as one line of names); made with
--print full, every section prints open. Nothing is cut at the page edge (every word of
every page lies inside the paper), the fact matrix and every outlet are on paper, and no
page has a dark background. The first pages are kept as PNG artefacts.

usage: test_print.py PARALLAX SOURCE_ROOT ARTEFACT_DIR
"""
import os
import re
import subprocess

from chrome import ARTEFACTS, DEMO, Browser, check, done, need, pdf_words, run

need("pdftotext", "pdftoppm")
summary = os.path.join(ARTEFACTS, "demo-print-summary.html")
code, _, err = run("compare", DEMO, "-o", summary)
check(code == 0, f"parallax compare wrote the demo report {err.strip()}")
report = os.path.join(ARTEFACTS, "demo-print.html")
code, _, err = run("compare", DEMO, "--print", "full", "-o", report)
check(code == 0, f"parallax compare --print full wrote the demo report {err.strip()}")
code, _, err = run("compare", DEMO, "--print", "everything", "-o", summary)
check(code == 2 and "--print" in err, f"--print takes summary or full (exit {code})")
outlets = sorted(os.path.splitext(n)[0] for n in os.listdir(DEMO) if n.endswith(".txt"))


def dark_share(pdf, prefix):
    """Per page, the share of pixels darker than mid-grey (at 20 dpi, text is a light
    haze; a dark background is not)."""
    subprocess.run(["pdftoppm", "-r", "20", "-gray", pdf, prefix], check=True, timeout=120)
    shares = []
    for name in sorted(f for f in os.listdir(os.path.dirname(prefix))
                       if f.startswith(os.path.basename(prefix)) and f.endswith(".pgm")):
        path = os.path.join(os.path.dirname(prefix), name)
        with open(path, "rb") as f:
            data = f.read()
        m = re.match(rb"P5\s+(\d+)\s+(\d+)\s+(\d+)\s", data)
        pixels = data[m.end():]
        shares.append(sum(1 for p in pixels if p < 110) / max(1, len(pixels)))
        os.remove(path)
    return shares


# The printable width of each paper at 96 px per inch, less the report's 12 mm margins.
PRINTABLE = {"A4": round((210 - 24) / 25.4 * 96), "Letter": round((8.5 * 25.4 - 24) / 25.4 * 96)}
WIDEST = """(function () {
    var w = 0;
    document.querySelectorAll('table, figure, pre, svg, .card').forEach(function (e) {
        w = Math.max(w, e.getBoundingClientRect().right);
    });
    return [Math.ceil(w), document.documentElement.scrollWidth, innerWidth];
})()"""

b = Browser()
try:
    for paper, width in PRINTABLE.items():
        # laid out for print at the paper's width, no table or chart runs past the edge
        # (Chromium would shrink or cut the page rather than show it)
        b.open(width, 1000, media="print")
        b.load(report)
        right, scroll, inner = b.evaluate(WIDEST)
        check(right <= inner and scroll <= inner,
              f"{paper}: laid out for print at {inner} px, tables and charts fit "
              f"(widest ends at {right} px, page {scroll} px)")
    headlines = []
    for name in outlets:
        with open(os.path.join(DEMO, name + ".txt"), encoding="utf-8") as f:
            headlines.append(next(line for line in f if line.strip()).split()[:3])
    full_pages = {}
    for paper in ("A4", "Letter"):
        for scheme in ("light", "dark"):
            b.open(1280, 900, dark=scheme == "dark")
            b.load(summary)
            pdf = b.pdf(os.path.join(ARTEFACTS, f"summary-{paper}-{scheme}.pdf"), paper)
            pages = pdf_words(pdf)
            first = " ".join(w[4] for w in pages[0][2]) if pages else ""
            check(len(pages) == 1, f"{paper}, {scheme}: the summary prints on "
                                   f"{len(pages)} page(s), one wanted")
            check("glance" in first and all(" ".join(h) in first for h in headlines),
                  f"{paper}, {scheme}: page 1 holds the summary with every headline")
            if scheme == "light":
                subprocess.run(["pdftoppm", "-r", "60", "-png", "-f", "1", "-l", "1", pdf,
                                os.path.join(ARTEFACTS, f"summary-{paper}-page")], timeout=120)
    for paper in ("A4", "Letter"):
        for scheme in ("light", "dark"):
            what = f"{paper}, screen in {scheme} mode"
            b.open(1280, 900, dark=scheme == "dark")
            b.load(report)
            pdf = b.pdf(os.path.join(ARTEFACTS, f"demo-{paper}-{scheme}.pdf"), paper)
            pages = pdf_words(pdf)
            check(len(pages) > 6, f"{what}: --print full prints every section "
                                  f"({len(pages)} pages)")
            cut = [(i + 1, w[4]) for i, (pw, ph, words) in enumerate(pages) for w in words
                   if w[0] < 0 or w[2] > pw + 0.5 or w[1] < 0 or w[3] > ph + 0.5]
            check(not cut, f"{what}: every word lies inside the paper (cut: {cut[:5]})")
            text = " ".join(w[4] for _, _, words in pages for w in words)
            check("matrix" in text and all(o in text for o in outlets),
                  f"{what}: the fact matrix and all {len(outlets)} outlets are printed")
            shares = dark_share(pdf, os.path.join(ARTEFACTS, f"page-{paper}-{scheme}"))
            worst = max(shares) if shares else 1
            check(worst < 0.08, f"{what}: no dark background (darkest page {worst:.1%} dark)")
            if scheme == "light":
                subprocess.run(["pdftoppm", "-r", "60", "-png", "-f", "1", "-l", "2", pdf,
                                os.path.join(ARTEFACTS, f"demo-{paper}-page")], timeout=120)
finally:
    b.close()
done()
