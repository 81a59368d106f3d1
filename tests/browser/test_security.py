"""Browser test: a story whose outlet names, titles, bylines, URLs and article text carry
script tags, attribute breakouts, event handlers, javascript: URLs and </style>. The report
is loaded in headless Chromium with scripts enabled — once as written, once with its
Content-Security-Policy removed, so escaping alone is tested — and no script may run, no
dialog open and no element be injected; the payloads must show as plain text.

usage: test_security.py PARALLAX SOURCE_ROOT ARTEFACT_DIR
"""
import json
import os
import re

from chrome import ARTEFACTS, Browser, check, done, need, run

need()
PAYLOADS = [
    "<script>window.__pxPwned=1;document.title='pwned'</script>",
    "\"><img src=x onerror=\"window.__pxPwned=2;alert(2)\">",
    "'><svg onload=window.__pxPwned=3>",
    "</style><script>window.__pxPwned=4</script><style>",
    "</title><script>window.__pxPwned=5</script>",
    "<a href=\"javascript:window.__pxPwned=6\">click</a>",
]
EVIL = " ".join(PAYLOADS)
records = [
    {"source": "evil\"><b>id", "outlet": "Outlet " + EVIL, "title": "Council closes bridge " + EVIL,
     "byline": EVIL, "url": "javascript:window.__pxPwned=7", "date": "2024-03-04",
     "text": "The council voted on Monday to close the old river bridge. " + EVIL +
             " Repairs will take two weeks, the mayor said."},
    {"source": "plain", "outlet": "Plain News", "title": "Old bridge shut for repairs",
     "url": "https://example.org/story?a=1&b=\"><script>window.__pxPwned=8</script>",
     "text": "The council voted on Monday to close the old river bridge. Repairs will take "
             "two weeks, the mayor said. Drivers should use the ring road."},
    {"source": "third", "outlet": "</style><script>window.__pxPwned=9</script>",
     "title": "<img src=x onerror=alert(9)>", "url": " javascript:alert(10)",
     "text": "The old river bridge will close on Monday, the council decided. Repairs will "
             "take two weeks."},
]
story = os.path.join(ARTEFACTS, "evil.jsonl")
with open(story, "w", encoding="utf-8") as f:
    for r in records:
        f.write(json.dumps(r) + "\n")
report = os.path.join(ARTEFACTS, "evil.html")
code, _, err = run("compare", story, "-o", report, "--story", "evil " + EVIL)
check(code == 0, f"parallax compare rendered the hostile story {err.strip()}")
with open(report, encoding="utf-8") as f:
    page = f.read()
no_csp = os.path.join(ARTEFACTS, "evil-no-csp.html")
with open(no_csp, "w", encoding="utf-8") as f:
    f.write(re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", page, count=1))

INSPECT = """(function () {
    // the report folds its long sections: open them, so innerText holds what a reader sees there
    document.querySelectorAll('details').forEach(function (d) { d.open = true; });
    var on = 0;
    document.querySelectorAll('*').forEach(function (e) {
        for (var i = 0; i < e.attributes.length; i++)
            if (/^on/i.test(e.attributes[i].name)) on++;
    });
    var js = [].filter.call(document.querySelectorAll('[href],[src],[action],[formaction]'),
        function (e) {
            var u = e.getAttribute('href') || e.getAttribute('src') || e.getAttribute('action') ||
                    e.getAttribute('formaction') || '';
            return !/^(#|https?:)/i.test(u.trim());
        }).length;
    return {pwned: window.__pxPwned || 0, title: document.title,
            scripts: document.querySelectorAll('script').length,
            injected: document.querySelectorAll('img,iframe,object,embed,form,input,b[id],svg[onload],style:not(head style)').length,
            styles: document.querySelectorAll('style').length,
            handlers: on, badLinks: js,
            text: document.body.innerText};
})()"""

b = Browser()
try:
    for path, what in ((report, "as written"), (no_csp, "without its CSP")):
        b.open(1280, 900)
        b.load(path)
        r = b.evaluate(INSPECT)
        check(r["pwned"] == 0 and r["title"] != "pwned", f"{what}: no script ran")
        check(not b.dialogs(), f"{what}: no dialog opened")
        check(r["scripts"] == 0 and r["injected"] == 0 and r["handlers"] == 0,
              f"{what}: no element or handler injected ({r['scripts']} scripts, "
              f"{r['injected']} injected elements, {r['handlers']} handlers)")
        check(r["styles"] == 1, f"{what}: the one stylesheet is intact")
        check(r["badLinks"] == 0, f"{what}: every link is http(s) or in-page")
        check("<script>window.__pxPwned=1" in r["text"] and "onerror=" in r["text"],
              f"{what}: the payloads show as text")
        check("javascript:window.__pxPwned=7" in r["text"],
              f"{what}: the javascript: URL shows as text, not a link")
        b.screenshot(os.path.join(ARTEFACTS, f"evil-{'csp' if path == report else 'nocsp'}.png"),
                     full=False)
finally:
    b.close()
done()
