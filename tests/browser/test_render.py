"""Browser test: the demo report as a reader sees it, at 1280 px and 390 px wide, light and
dark. The summary comes first and, at 1280×800, fits the first screen: every outlet's
headline, coverage bar and slant. With its folded sections opened, the fact matrix is there
with every outlet column in view, chart names are whole and inside their charts,
nothing scrolls sideways, text keeps a 4.5:1 contrast, headings, table headers and charts
are labelled, every in-page link lands, and a matrix row opens each outlet's sentence.
Full-page screenshots are kept as build artefacts.

usage: test_render.py PARALLAX SOURCE_ROOT ARTEFACT_DIR
"""
import os

from chrome import ARTEFACTS, DEMO, Browser, check, done, need, probe_js, run

need()
report = os.path.join(ARTEFACTS, "demo.html")
code, _, err = run("compare", DEMO, "-o", report)
check(code == 0, f"parallax compare wrote the demo report {err.strip()}")
size = os.path.getsize(report)
check(size < 500 * 1024, f"the demo report weighs {size // 1024} KB, under 500 KB")
with open(report, encoding="utf-8") as f:
    page = f.read()
check("<script" not in page.lower(), "the report has no script: fully readable with JS off")
check("default-src 'none'" in page, "a Content-Security-Policy forbids any request")
outlets = sorted(os.path.splitext(n)[0] for n in os.listdir(DEMO) if n.endswith(".txt"))
PROBE = probe_js()


GLANCE = """(function () {
    var g = document.querySelector('section.glance');
    if (!g) return null;
    var r = g.getBoundingClientRect(), heads = g.querySelectorAll('.heads > li');
    var bars = g.querySelectorAll('.cov'), first = document.querySelector('section.fold');
    return {bottom: r.bottom, top: r.top, heads: heads.length, bars: bars.length,
            slants: g.querySelectorAll('.gsl').length, height: innerHeight,
            beforeFolds: !!first && (g.compareDocumentPosition(first) & 4) !== 0,
            folded: document.querySelectorAll('section.fold > details:not([open])').length};
})()"""
OPEN_ALL = "document.querySelectorAll('details').forEach(function (d) { d.open = true; })"
NAMES = """(function () {
    var bad = [], n = 0;
    document.querySelectorAll('figure.chart svg').forEach(function (svg) {
        var box = svg.getBoundingClientRect();
        svg.querySelectorAll('text.nm').forEach(function (t) {
            var r = t.getBoundingClientRect();
            n++;
            if (r.left < box.left - 0.5 || r.right > box.right + 0.5 || /…$/.test(t.textContent))
                bad.push(t.textContent);
        });
    });
    return [n, bad];
})()"""


def look(b, width, scheme):
    what = f"{width} px, {scheme}"
    g = b.evaluate(GLANCE)
    check(g and g["heads"] == len(outlets) and g["bars"] == len(outlets)
          and g["slants"] == len(outlets),
          f"{what}: the summary shows each outlet's headline, coverage bar and slant ({g})")
    check(g and g["beforeFolds"] and g["folded"] >= 6,
          f"{what}: the summary comes before the folded sections, closed")
    if width == 1280:
        check(g and g["bottom"] <= g["height"],
              f"{what}: the summary fits the first screen (ends at {g and g['bottom']:.0f} "
              f"of {g and g['height']} px)")
    b.screenshot(os.path.join(ARTEFACTS, f"summary-{width}-{scheme}.png"), full=False)
    b.evaluate(OPEN_ALL)
    b.screenshot(os.path.join(ARTEFACTS, f"demo-{width}-{scheme}.png"))
    n, cut = b.evaluate(NAMES)
    check(n > 0 and not cut, f"{what}: {n} outlet names on charts, none cut ({cut[:3]})")
    r = b.evaluate(PROBE)
    check(r["width"] == width, f"{what}: the viewport is {r['width']} px")
    check(r["matrix"] and r["rows"] > 0, f"{what}: the fact matrix is there ({r.get('rows')} rows)")
    names = [c["name"] for c in r["columns"]]
    check(len(names) == len(outlets) and all(any(o in n.lower() for n in names) for o in outlets),
          f"{what}: one matrix column per outlet ({', '.join(names)})")
    hidden = [c["name"] for c in r["columns"]
              if not c["visible"] or c["left"] < 0 or c["right"] > width + 0.5]
    check(not hidden, f"{what}: every outlet column is in view (out of view: {hidden})")
    check(r["firstCell"], f"{what}: the matrix cells fit the width")
    check(r["scrollWidth"] <= width,
          f"{what}: the page does not scroll sideways (content {r['scrollWidth']} px)")
    check(not r["lowContrast"],
          f"{what}: all text has contrast >= 4.5:1 (failing: {r['lowContrast'][:4]})")
    return r


b = Browser()
try:
    for width, height in ((1280, 800), (390, 844)):
        for scheme in ("light", "dark"):
            b.open(width, height, dark=scheme == "dark")
            b.load(report)
            r = look(b, width, scheme)
    b.open(1280, 900)
    b.load(report)
    b.evaluate(OPEN_ALL)
    r = b.evaluate(PROBE)
    check(r["h1"] == 1 and r["headingJumps"] == 0,
          f"one h1 and no skipped heading level ({r['headingJumps']} skips)")
    check(r["headersWithoutScope"] == 0, "every table header has a scope")
    check(r["charts"] > 0 and r["chartsWithoutTitle"] == 0,
          f"{r['charts']} charts, each with a title and a description")
    check(r["barLinks"] > 0, f"chart bars link to their evidence ({r['barLinks']} links)")
    check(not r["brokenAnchors"], f"every in-page link has its target ({r['brokenAnchors']})")
    check(r["clickableNotFocusable"] == 0 and r["scripts"] == 0,
          "controls are links and summaries, reachable by keyboard")
    # selecting a matrix row shows each outlet's exact sentence, without script
    shown = b.evaluate("""(function () {
        var a = document.querySelector('table.matrix tbody a.fx');
        var row = document.getElementById(a.getAttribute('href').slice(1));
        var before = getComputedStyle(row).display;
        a.click();
        return [before, getComputedStyle(row).display, location.hash,
                row.querySelectorAll('li').length];
    })()""")
    check(shown[0] == "none" and shown[1] == "table-row" and shown[3] == len(outlets),
          f"a matrix row opens one line per outlet under it ({shown})")
    b.screenshot(os.path.join(ARTEFACTS, "demo-1280-row-open.png"), full=False)
finally:
    b.close()
done()
