"""End-to-end bounds: the real binary on hostile inputs made here.

Each input must finish with a result or a clear one-line error naming the
input and the limit, and the documented exit code (3: input error or
limit) — never a crash (a signal), a hang (the timeout) or a silent cut.
Times and peak memory of the same inputs are measured by bench/limits.sh.
"""
import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "e2e"))
from common import FAILURES, check, run, tmpdir, write  # noqa: E402

ARTICLE = ("Council approves bridge\n\nThe council approved the bridge on Monday. "
           "Mayor Ellen Price said work starts in March. Critics warned costs could rise.\n")


def article(k):
    return ARTICLE.replace("Monday", "Monday %d" % k)


def five_hundred_sources():
    d = tmpdir()
    paths = [write(os.path.join(d, "outlet%03d.txt" % k), article(k)) for k in range(500)]
    code, _, err = run("compare", "--format", "json", *paths)
    check(code == 3, "500 sources: exit 3 (got %d)" % code)
    check("too many sources: a story holds at most 64" in err, "500 sources: the limit named")
    check("outlet064.txt" in err, "500 sources: the first refused file named")
    code, out, err = run("compare", "--format", "json", *paths[:64])
    check(code == 0 and len(json.loads(out)["sources"]) == 64, "64 sources: compared")
    # batch: one story of 500 records fails alone, the others still run
    corpus = os.path.join(d, "corpus.jsonl")
    with open(corpus, "w") as f:
        for k in range(500):
            f.write(json.dumps({"story": "crowd", "source": "o%d" % k, "text": article(k)}) + "\n")
        for k in range(2):
            f.write(json.dumps({"story": "pair", "source": "p%d" % k, "text": article(k)}) + "\n")
    code, _, err = run("batch", "-q", "-j", "1", "-o", os.path.join(d, "out"), corpus)
    check(code == 1, "batch, 500 records in a story: exit 1 (got %d)" % code)
    check(os.path.exists(os.path.join(d, "out", "stories", "pair.json")),
          "batch, 500 records in a story: the other story written")
    with open(os.path.join(d, "out", "errors.jsonl")) as f:
        errors = f.read()
    check("crowd" in errors and "64" in errors, "batch: the crowded story's error names the limit")


def big_line():
    d = tmpdir()
    unit = "The council met on Monday to approve the bridge. "
    line = (unit * ((50 << 20) // len(unit) + 1))[: 50 << 20]
    path = write(os.path.join(d, "line.txt"), line)
    code, out, err = run("sentences", path)
    n = out.count(b"\n")
    check(code == 0 and n == (len(line) + len(unit) - 2) // len(unit),
          "50 MiB one-line file: every sentence split (%d)" % n)
    code, _, err = run("extract", path)
    check(code == 3 and "no article text after the headline" in err,
          "50 MiB one-line file: extract says why it has no body")
    body = write(os.path.join(d, "body.txt"), "Headline\n\n" + line)
    small = write(os.path.join(d, "small.txt"), ARTICLE)
    code, _, err = run("compare", body, small)
    check(code == 3 and "a story compared holds at most 32 MiB" in err and "body.txt" in err,
          "50 MiB body: compare refuses it by the story's byte limit")


def million_sentences():
    d = tmpdir()
    path = write(os.path.join(d, "million.txt"), "Headline\n\n" + "Yes. " * 1000000)
    code, out, _ = run("sentences", path)
    check(code == 0 and out.count(b"\n") == 1000001, "1,000,000 sentences: all split")
    small = write(os.path.join(d, "small.txt"), ARTICLE)
    code, _, err = run("compare", path, small)
    check(code == 3 and "1000001 sentences: a source compared holds at most 2000" in err,
          "1,000,000 sentences: compare refuses with the limit")


def binary_and_bad_bytes():
    d = tmpdir()
    nul = write(os.path.join(d, "nul.txt"), b"Headline\n\nText with a \x00 NUL.\n")
    code, _, err = run("extract", nul)
    check(code == 3 and "nul.txt:3" in err and "NUL byte" in err, "NUL in text: line named")
    bad = write(os.path.join(d, "bad.txt"), b"Headline\n\nOverlong \xc0\xaf slash.\n")
    code, _, err = run("extract", bad)
    check(code == 3 and "invalid UTF-8" in err, "overlong UTF-8 in text: refused")
    html = write(os.path.join(d, "bad.html"),
                 b"<html><body><p>Lone \xed\xa0\x80 surrogate and \x00 NUL in a page.</p>"
                 b"</body></html>")
    code, out, err = run("extract", html)
    check(code == 0 and b"surrogate" in out, "bad bytes in HTML: text kept")
    out.decode("utf-8")  # raises if invalid
    rec = write(os.path.join(d, "bad.jsonl"),
                b'{"source": "a", "text": "T\\n\\nLone \\ud800 escape."}\n')
    code, _, err = run("extract", rec)
    check(code == 3 and "bad.jsonl:1" in err, "lone surrogate escape in JSONL: line named")


def main():
    five_hundred_sources()
    big_line()
    million_sentences()
    binary_and_bad_bytes()
    if FAILURES:
        print("%d failed" % len(FAILURES))
        sys.exit(1)


if __name__ == "__main__":
    main()
