"""End to end: bad input gets one clear line naming the file (and line),
the documented exit code, and never a crash."""
import os

from common import DEMO, check, done, run, tmpdir, write

d = tmpdir()
good = os.path.join(DEMO, "wire.txt")
empty = write(os.path.join(d, "empty.txt"), "")
blank = write(os.path.join(d, "blank.txt"), "\n\n   \n")
latin1 = write(os.path.join(d, "latin1.txt"), "Headline\n\nThe caf\xe9 closed.\n".encode("latin-1"))
binary = write(os.path.join(d, "binary.txt"), b"Head\n\nbody\x00more")
badjson = write(os.path.join(d, "bad.json"), '{"outlet": "x", "text": "hi"\n')
nolist = write(os.path.join(d, "lines.jsonl"), '{"outlet": "a", "text": "T\\n\\nBody one."}\n{"outlet": "b"}\n')
badlex_dir = os.path.join(d, "lex")
os.mkdir(badlex_dir)
write(os.path.join(badlex_dir, "typo.tsv"), "# name: typo\nslammed\tcombative\t1\nblasted combative 1\n")
html_empty = write(os.path.join(d, "page.html"), "<html><body><nav>Home</nav></body></html>")
# another outlet's file of the same name, in another folder
os.mkdir(os.path.join(d, "other"))
with open(good, encoding="utf-8") as f:
    good2 = write(os.path.join(d, "other", "wire.txt"), f.read())


def one_line(err):
    return len([l for l in err.splitlines() if l.strip()]) == 1


cases = [
    (("compare", good, os.path.join(d, "missing.txt")), 3, "missing.txt"),
    (("compare", good, empty), 3, "empty.txt: empty file"),
    (("compare", good, blank), 3, "blank.txt"),
    (("compare", good, latin1), 3, "latin1.txt:3: invalid UTF-8"),
    (("compare", good, binary), 3, "binary.txt:3: NUL byte"),
    (("compare", good, badjson), 3, "bad.json"),
    (("compare", good, nolist), 3, "lines.jsonl:2"),
    (("compare", good), 2, "at least two sources"),
    (("compare",), 2, "no sources"),
    (("compare", "--bogus", good, good), 2, ""),
    (("compare", "--format", "pdf", good, good), 2, "unknown format"),
    (("compare", "--lexicons", badlex_dir, good, good2), 3, "typo.tsv:3:"),
    (("compare", good, html_empty), 3, "page.html: no article text"),
    (("compare", d + "/nodir"), 3, "nodir"),
    (("extract", os.path.join(d, "missing.html")), 3, "missing.html"),
    (("lexicon", "check", os.path.join(badlex_dir, "typo.tsv")), 3, "typo.tsv:3:"),
    (("lexicon", "show", "nosuch"), 2, "no lexicon named"),
    (("nosuchcommand",), 2, "unknown command"),
]
for args, want, needle in cases:
    code, out, err = run(*args)
    check(code == want and needle in err and err.startswith("parallax: ") and (want == 2 or one_line(err)),
          f"{' '.join(a.replace(d, '') for a in args)} → exit {code} (want {want}), {err.strip()[:90]!r}")

# good input still works with a duplicate outlet id (ids made unique)
code, out, err = run("compare", "--format", "json", good, good2)
check(code == 0 and b'"wire-2"' in out, "two files named wire.txt get ids wire and wire-2")
code, out, err = run("--help")
check(code == 0 and b"compare" in out, "parallax --help")
code, out, err = run("compare", "--help")
check(code == 0 and b"--format" in out, "parallax compare --help")
code, out, err = run("--version")
check(code == 0 and out.startswith(b"parallax "), "parallax --version")
done()
