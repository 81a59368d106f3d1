"""End to end: `parallax extract` over many inputs in one process (issue 18):
several FILEs or '-' (paths on stdin) print JSON Lines, one article a line,
the same article as --json gives for that file alone; a bad input is named
in one line on stderr, the others still come out, and the exit status is 1;
one FILE keeps its old output and exit codes."""
import json
import os

from common import DEMO, check, done, run, tmpdir, write

d = tmpdir()
page = write(os.path.join(d, "page.html"), """<!doctype html><html><head>
<title>Council approves the new bridge</title></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Council approves the new bridge</h1>
<p>The city council voted on Tuesday to build a new bridge over the river, ending a
debate that lasted three years and divided the neighbourhoods on either bank.</p>
<p>The bridge will cost 40 million euros and open in 2028, the mayor said after the
vote, adding that work would start in the spring once the contracts were signed.</p>
<p>Opponents said the money would be better spent on buses and promised to keep
campaigning against the project until the first stone is laid.</p>
</article><footer>Copyright 2026</footer></body></html>
""")
wire = os.path.join(DEMO, "wire.txt")
flash = os.path.join(DEMO, "flash.txt")
missing = os.path.join(d, "missing.html")
empty = write(os.path.join(d, "empty.txt"), "")


def lines(out):
    return [json.loads(l) for l in out.decode("utf-8").splitlines()]


# one FILE: as before (text, or indented JSON), exit codes unchanged
code, out, err = run("extract", page)
check(code == 0 and out.decode().startswith("The city council voted"), "one FILE: text as before")
code, single, err = run("extract", "--json", wire)
check(code == 0 and single.decode().startswith("{\n"), "one FILE with --json: indented JSON")
code, out, err = run("extract", missing)
check(code == 3 and "missing.html" in err, "one missing FILE: exit 3 as before")

# several FILEs: JSON Lines, in order, each as --json gives it alone
code, out, err = run("extract", page, wire, flash)
recs = lines(out) if code == 0 else []
check(code == 0 and len(recs) == 3, f"three FILEs: three JSON lines ({code}, {err.strip()[:120]})")
check([r.get("input") for r in recs] == [page, wire, flash], "in the order given, each naming its input")
check(recs and recs[1] == json.loads(single), "each line is the object --json prints for that file")
check(recs and recs[0]["title"] == "Council approves the new bridge" and
      "Home" not in recs[0]["text"], "the page's line holds its cleaned article")

# --jsonl for one file
code, out, err = run("extract", "--jsonl", wire)
check(code == 0 and len(out.splitlines()) == 1 and lines(out)[0] == json.loads(single),
      "--jsonl: one FILE as one JSON line")

# '-': the list of paths on stdin; a bad input is named, the rest complete
listing = "\n".join([page, missing, "", wire, empty, flash]) + "\n"
code, out, err = run("extract", "-", stdin=listing.encode())
recs = lines(out)
errs = [l for l in err.splitlines() if l.strip()]
check(code == 1, f"a list with bad inputs: exit 1 at the end ({code})")
check([r["input"] for r in recs] == [page, wire, flash], "'-' reads paths from stdin; the good ones all come out")
check(any(l.startswith("parallax: ") and "missing.html" in l for l in errs) and
      any("empty.txt" in l for l in errs), "each bad input gets one line naming it")
check(any("2 of 5 inputs failed" in l for l in errs), "and a count at the end")

# usage errors
code, out, err = run("extract", "--format", "text", page, wire)
check(code == 2 and "JSON Lines" in err, "--format text with several inputs is a usage error")
code, out, err = run("extract", "--line-features", wire, flash)
check(code == 2 and "one FILE" in err, "--line-features takes one FILE")
code, out, err = run("extract", "-", "-", stdin=b"")
check(code == 2 and "twice" in err, "'-' twice is a usage error")

# -o FILE: the JSON Lines written atomically
outpath = os.path.join(d, "out.jsonl")
code, out, err = run("extract", page, wire, "-o", outpath)
with open(outpath, encoding="utf-8") as f:
    check(code == 0 and out == b"" and len(f.read().splitlines()) == 2, "-o FILE holds the JSON Lines")
done()
