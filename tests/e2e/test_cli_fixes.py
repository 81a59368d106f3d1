"""End to end: the command-line fixes of issue 18, each on the real binary.

help COMMAND; compare -o DIR/; the same input twice; worksheet --key -;
batch's summary agreeing with batch.json about a malformed line; fetch's
help; singular and plural counts."""
import json
import os
import shutil

from common import DEMO, ROOT, check, done, run, tmpdir, write

d = tmpdir()
COMMANDS = ["compare", "extract", "sentences", "similar", "lexicon", "fetch", "batch",
            "aggregate", "worksheet"]

# -- parallax help COMMAND prints that command's help
_, general, _ = run("--help")
for cmd in COMMANDS:
    code, out, err = run("help", cmd)
    _, direct, _ = run(cmd, "--help")
    check(code == 0 and out == direct and out != general, f"'help {cmd}' prints {cmd}'s own help")
code, out, err = run("help", "nosuch")
check(code == 2 and "unknown command 'nosuch'" in err, "'help nosuch' is a usage error")
code, out, err = run("help")
check(code == 0 and out == general, "'help' alone prints the general help")

# -- compare -o DIR/: never a silent CSV
outdir = os.path.join(d, "out") + "/"
code, out, err = run("compare", DEMO, "-o", outdir)
check(code == 2 and "is a folder" in err and "--format" in err and not os.path.exists(outdir),
      "-o DIR/ without --format is refused, naming --format, and writes nothing")
code, out, err = run("compare", DEMO, "-o", outdir, "--format", "html")
html = os.path.join(outdir, "biden-putin-call.html")
check(code == 0 and os.path.isfile(html) and f"wrote {html}" in err.replace("//", "/"),
      f"-o DIR/ --format html writes DIR/STORY.html and says so ({err.strip()})")
with open(html, encoding="utf-8") as f:
    check(f.read(200).lower().startswith("<!doctype html"), "and it is the HTML report")
existing = os.path.join(d, "existing")
os.mkdir(existing)
code, out, err = run("compare", DEMO, "-o", existing)
check(code == 2 and "is a folder" in err and os.listdir(existing) == [],
      "-o EXISTING_DIR (no slash) without --format is refused too")
code, out, err = run("compare", DEMO, "-o", existing, "--format", "json")
with open(os.path.join(existing, "biden-putin-call.json"), encoding="utf-8") as f:
    check(code == 0 and len(json.load(f)["sources"]) == 4, "--format json writes DIR/STORY.json")
code, out, err = run("compare", DEMO, "-o", existing, "--format", "csv")
check(code == 0 and {"facts.csv", "scores.csv"} <= set(os.listdir(existing)) and "facts.csv" in err,
      "--format csv writes DIR/facts.csv and DIR/scores.csv and says so")
code, out, err = run("compare", DEMO, "-o", os.path.join(d, "report.csv"))
check(code == 0 and os.path.isfile(os.path.join(d, "report-scores.csv")),
      "-o NAME.csv still writes NAME.csv and NAME-scores.csv")

# -- the same input twice
wire = os.path.join(DEMO, "wire.txt")
flash = os.path.join(DEMO, "flash.txt")
for args, what in [((DEMO, DEMO), "a folder twice"),
                   ((DEMO, os.path.join(DEMO, "..", "biden-putin-call") + "/"), "a folder by two paths"),
                   ((wire, flash, wire), "a file twice among others")]:
    code, out, err = run("compare", "--format", "json", *args)
    check(code == 2 and out == b"" and ("twice" in err or "the same" in err),
          f"compare: {what} is refused ({err.splitlines()[0] if err else ''})")
os.symlink(wire, os.path.join(d, "link.txt"))
code, out, err = run("compare", wire, os.path.join(d, "link.txt"))
check(code == 2 and "the same file" in err, "a symlink to an input counts as the same file")
code, out, err = run("worksheet", DEMO, DEMO)
check(code == 2 and "twice" in err, "worksheet: the same folder twice is refused")
other = os.path.join(d, "other")
os.mkdir(other)
shutil.copy(wire, other)
code, out, err = run("compare", "--format", "json", wire, os.path.join(other, "wire.txt"))
check(code == 0 and b'"wire-2"' in out, "two different files of one name are still two outlets")

# -- worksheet --key -: never two HTML documents on stdout
code, out, err = run("worksheet", DEMO, "--key", "-")
check(code == 2 and out == b"" and "--key -" in err, "worksheet --key - with the sheet on stdout is refused")
code, out, err = run("worksheet", DEMO, "-o", "-", "--key", "-")
check(code == 2 and out == b"", "and with -o - too")
sheet = os.path.join(d, "sheet.html")
code, out, err = run("worksheet", DEMO, "-o", sheet, "--key", "-")
check(code == 0 and out.lower().count(b"<!doctype html") == 1 and b"answer" in out.lower(),
      "-o FILE --key -: the key alone on stdout")

# -- batch: the summary and batch.json agree, and the first error names its line
rec = lambda story, outlet, text: json.dumps({"story": story, "outlet": outlet, "title": "Senate passes bill",
                                              "text": text})
body = ("The Senate passed the bill on Tuesday by 52 votes to 48. The vote came after a long "
        "debate over its cost. Critics said the bill was rushed through the chamber.")
corpus = write(os.path.join(d, "c.jsonl"), "\n".join([
    rec("good", "a", body), rec("good", "b", body.replace("Tuesday", "Tuesday night")),
    '{"story": "broken", "outlet": "c", "title": "x", "text": oops}',  # line 3: a story of its own
    "not json at all",                                                  # line 4: names no story
    rec("single", "d", body),                                           # one outlet: skipped
]) + "\n")
out = os.path.join(d, "batch")
code, _, err = run("batch", c := corpus, "-o", out, "--jobs", "1")
with open(os.path.join(out, "batch.json")) as f:
    man = json.load(f)
with open(os.path.join(out, "errors.jsonl")) as f:
    errors = [json.loads(l) for l in f]
with open(os.path.join(out, "skipped.jsonl")) as f:
    skipped = [json.loads(l)["story"] for l in f]
check(code == 1, "batch with a malformed line exits 1")
check((man["analysed"], man["failed"], man["skipped"], man["bad_lines"]) == (1, 1, 1, 1),
      f"batch.json: 1 analysed, 1 failed, 1 skipped, 1 bad line ({man})")
check(skipped == ["single"], "the malformed one-record story fails; only the real one-outlet story is skipped")
check([(e["story"], e["line"]) for e in errors] == [("broken", 3), (None, 4)],
      "errors.jsonl: the malformed story at line 3, the line naming no story at line 4")
summary = [l for l in err.splitlines() if "batch: 3 stories" in l]
check(summary and "1 analysed" in summary[0] and "1 failed" in summary[0] and "1 skipped" in summary[0]
      and "1 bad line" in summary[0], f"the summary gives batch.json's counts ({summary})")
check("first error: c.jsonl:3: malformed JSON" in err, "and names the first error with its line")

# -- fetch --help offers only what fetch does
code, out, err = run("fetch", "--help")
text = out.decode()
check(code == 0 and "use only cached pages" not in text and "--skip-failed" not in text,
      "fetch --help does not offer compare's --offline or --skip-failed")
check("download nothing: check that every page is in the" in text, "it says what fetch --offline does")
code, out, err = run("fetch", "--skip-failed", "https://example.invalid/")
check(code == 2 and "always goes on" in err, "fetch --skip-failed is a usage error")

# -- one story, one entry: no "1 stories"
one = write(os.path.join(d, "one.jsonl"), rec("good", "a", body) + "\n" + rec("good", "b", body) + "\n")
code, _, err = run("batch", one, "-o", os.path.join(d, "one"))
check(code == 0 and "batch: 1 story in" in err, f"batch: '1 story' ({err.strip()})")
code, _, err = run("aggregate", os.path.join(d, "one"), "-o", os.path.join(d, "sum"))
check(code == 0 and "1 story from 1 folder (0 duplicates dropped)" in err, f"aggregate: '1 story from 1 folder' ({err.strip()})")
with open(os.path.join(d, "sum", "summary.html"), encoding="utf-8") as f:
    page = f.read()
check("1 stories" not in page and "over 1 story<" in page, "summary.html: '1 story'")
lex = write(os.path.join(d, "tiny.tsv"), "# name: tiny\n# categories: only\nboondoggle\tonly\t1\n")
code, out, err = run("lexicon", "check", lex)
check(code == 0 and "1 term, 1 category" in out.decode(), f"lexicon check: '1 term, 1 category' ({out.decode().strip()})")
code, out, err = run("lexicon", "show", "--lexicon", lex, "tiny")
check("(1 entry)" in out.decode(), "lexicon show: '(1 entry)'")
code, out, err = run("compare", "--format", "text", "--color", "never", wire, flash)
check(code == 0 and "1 facts" not in out.decode() and " 1 stories" not in out.decode(), "text report: no '1 facts'")

# -- the README says where the binary is and how to put it on PATH
with open(os.path.join(ROOT, "README.md"), encoding="utf-8") as f:
    readme = f.read()
check("build/parallax" in readme and "meson install" in readme, "README: build/parallax and meson install")
done()
