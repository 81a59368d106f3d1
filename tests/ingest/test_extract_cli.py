"""End-to-end tests of `parallax extract` (issue 3): the real binary on
pages and pasted text written by this test. Text output is the body only,
paragraphs separated by one blank line; --json carries the metadata."""
import json
import os
import subprocess
import sys
import tempfile

PARALLAX = os.path.abspath(sys.argv[1])
FAILURES = []

BODY = (
    "<p>The harbour board agreed on Thursday to dredge the north channel, ending a "
    "dispute with the fishing co-operative that had lasted most of the year.</p>"
    "<p>Dredging will start in March and cost about $2.3 million, the board said, "
    "paid for by a fee on large vessels using the port.</p>"
    "<p>\"We have waited long enough,\" said the co-operative's chair, who had warned "
    "that boats were running aground at low tide.</p>"
)


def run(*args):
    r = subprocess.run([PARALLAX, *args], capture_output=True, timeout=60)
    return r.returncode, r.stdout.decode("utf-8"), r.stderr.decode("utf-8", "replace")


def check(cond, what):
    print(("ok   " if cond else "FAIL ") + what)
    if not cond:
        FAILURES.append(what)


def write(d, name, data):
    path = os.path.join(d, name)
    with open(path, "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


d = tempfile.mkdtemp(prefix="px-extract-")
page = write(d, "harbour.html",
             "<html lang='en'><head><title>Harbour to be dredged | Port Gazette</title>"
             "<meta property='og:site_name' content='Port Gazette'>"
             "<meta name='author' content='Lena Moss'>"
             "<meta property='article:published_time' content='2024-05-02T10:00:00Z'>"
             "<link rel='canonical' href='https://gazette.example/harbour'></head><body>"
             "<nav><a href='/'>Home</a> <a href='/port'>Port news</a></nav>"
             "<article><h1>Harbour to be dredged</h1>" + BODY +
             "<aside class='related'><a href='/x'>Ferry fares rise again</a></aside>"
             "<p>Sign up for the Port Gazette newsletter to get the news in your inbox.</p>"
             "</article><footer>Port Gazette, 1 Quay Street</footer></body></html>")

code, out, err = run("extract", "--format", "text", page)
paras = out.rstrip("\n").split("\n\n")
check(code == 0, f"extract exits 0 ({code} {err.strip()})")
check(len(paras) == 3 and paras[0].startswith("The harbour board agreed"),
      f"three paragraphs separated by blank lines, body only ({len(paras)})")
check(not any(s in out for s in ("Port news", "Ferry fares", "newsletter", "Quay Street",
                                 "Harbour to be dredged")),
      "nav, related aside, newsletter pitch, footer and headline are not in the body")

code, out, err = run("extract", "--json", page)
meta = json.loads(out) if code == 0 else {}
check(meta.get("title") == "Harbour to be dredged" and meta.get("outlet") == "Port Gazette",
      f"--json: title and outlet ({meta.get('title')!r}, {meta.get('outlet')!r})")
check(meta.get("byline") == "Lena Moss" and meta.get("date") == "2024-05-02T10:00:00Z",
      f"--json: byline and ISO date ({meta.get('byline')!r}, {meta.get('date')!r})")
check(meta.get("url") == "https://gazette.example/harbour" and meta.get("lang") == "en",
      "--json: canonical URL and language")
check(len(meta.get("paragraphs", [])) == 3 and any("newsletter" in r for r in meta.get("removed", [])),
      "--json: paragraphs, and the newsletter pitch listed as removed")

# a windows-1252 page, as many older sites still serve
legacy = write(d, "legacy.html",
               b"<html><head><meta charset='windows-1252'></head><body><div class='story'>"
               b"<p>The caf\xe9 on the quay \x96 closed since the storm \x96 reopens on "
               b"Monday, its owner said, with a new roof and a longer menu.</p>" +
               BODY.encode() + b"</div></body></html>")
code, out, err = run("extract", legacy)
check(code == 0 and "The caf\u00e9 on the quay \u2013 closed" in out,
      "a windows-1252 page comes out as UTF-8")

# pasted text: the furniture filter
pasted = write(d, "gazette.txt",
               "Harbour to be dredged\n\nBy Lena Moss\n\nThe harbour board agreed on Thursday to "
               "dredge the north channel.\n\nAdvertisement\n\nIt will cost $2.3 million.\n\n"
               "Share this article\n\nRelated stories\nFerry fares rise again\nNew pier opens\n")
code, out, err = run("extract", pasted)
check(code == 0 and out == "The harbour board agreed on Thursday to dredge the north channel."
      "\n\nIt will cost $2.3 million.\n", f"pasted text: furniture removed, body kept ({out!r})")

# a paste that starts at the top of the browser window: the headline is found
top = write(d, "quay.txt",
            "Skip to main content\nHome | Port | Business | Weather\nSign in\n"
            "Harbour to be dredged\nBy Lena Moss\nThe harbour board agreed on Thursday to "
            "dredge the north channel, ending a dispute with the fishing co-operative.\n"
            "Dredging will start in March and cost about $2.3 million, the board said.\n")
code, out, err = run("extract", "--json", top)
meta = json.loads(out) if code == 0 else {}
check(meta.get("title") == "Harbour to be dredged" and "Skip to main" not in meta.get("text", "")
      and "Home | Port" not in meta.get("text", "") and "ending a dispute" in meta.get("text", ""),
      f"a paste beginning with navigation: the real headline ({meta.get('title')!r})")

# what the line classifier saw: one JSON object a line after a header
code, out, err = run("extract", "--line-features", top)
rows = [json.loads(l) for l in out.splitlines()] if code == 0 else []
names = rows[0].get("features", []) if rows else []
check(len(rows) == 4 and rows[0].get("title") == "Harbour to be dredged" and
      all(len(r["x"]) == len(names) and 0 <= r["p"] <= 1 for r in rows[1:]) and
      rows[1]["line"] == 5 and rows[1]["text"] == "By Lena Moss",
      f"--line-features: a row per line after the headline ({len(rows)} rows)")
code, out, err = run("extract", "--line-features", page)
check(code == 2 and "--line-features reads pasted plain text" in err,
      f"--line-features on a page is a usage error ({code})")

# a model file with a typo: the file and line named, exit 3
bad_model = write(d, "bad.model", "format parallax-line-model 2\nbias 0.5\nfeature log_chras 1 0 1\n")
code, out, err = run("extract", "--line-model", bad_model, pasted)
check(code == 3 and "bad.model:3:" in err and "unknown feature 'log_chras'" in err,
      f"--line-model with a typo names file:line ({err.strip()})")
keep_all = write(d, "keep.model", "format parallax-line-model 2\nbias -30\n")
code, out, err = run("extract", "--line-model", keep_all, top)
check(code == 0 and "Dredging will start" in out and "ending a dispute" in out,
      "--line-model: a model that keeps every line keeps the article")

empty = write(d, "empty.html", "<html><body><nav><a href='/'>Home</a></nav></body></html>")
code, out, err = run("extract", empty)
check(code == 3 and "no article text" in err, f"a page without article text exits 3 ({code})")

if FAILURES:
    print(f"{len(FAILURES)} check(s) failed")
    sys.exit(1)
