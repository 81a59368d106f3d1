#!/usr/bin/env python3
"""tests/pathological/run.py PARALLAX SOURCE — inputs that break naive
parsers (empty files, bytes that are not UTF-8, NUL bytes, malformed and
deeply nested JSON, a page without an article, a huge line), each run as
expect.tsv says: the exit code it names, and on an error one line on stderr,
"parallax: FILE…: message", holding the words it names; never a crash (a
signal, a sanitizer report) and never a hang (the 120 s timeout)."""
import os
import shutil
import subprocess
import sys
import tempfile

PARALLAX = os.path.abspath(sys.argv[1])
ROOT = os.path.abspath(sys.argv[2])
HERE = os.path.join(ROOT, "tests", "pathological")
GOOD = os.path.join(ROOT, "tests", "cases", "bridge-closure", "millbrook-bridge", "ledger.txt")
failures = []


def generate(folder, name):
    path = os.path.join(folder, name)
    with open(path, "w", encoding="utf-8") as f:
        if name == "deep-nesting.json":
            f.write("[" * 100000 + "]" * 100000)
        elif name == "deep-nesting.jsonl":
            f.write('{"source": "x", "text": ' + "[" * 100000 + "]" * 100000 + "}\n")
        elif name == "huge-line.txt":
            f.write("A headline\n\n" + "word " * 800000 + "\n")
        elif name == "full-stops.txt":
            f.write(". " * 500000 + "\n")
        else:
            raise SystemExit(f"run.py: no generator for {name}")
    return path


def command(cmd, path):
    return {"compare": ["compare", "--format", "json", GOOD, path],
            "extract": ["extract", path],
            "sentences": ["sentences", path],
            "lexicon": ["lexicon", "check", path]}[cmd]


def main():
    scratch = tempfile.mkdtemp(prefix="px-pathological-")
    env = dict(os.environ, PARALLAX_LEXICONS=os.path.join(ROOT, "lexicons"))
    rows = 0
    try:
        with open(os.path.join(HERE, "expect.tsv"), encoding="utf-8") as f:
            lines = [l.rstrip("\n") for l in f if l.strip() and not l.startswith("#")]
        for line in lines:
            name, cmd, code, words = (line.split("\t") + [""])[:4]
            rows += 1
            if name.startswith("gen:"):
                name = name[4:]
                path = generate(scratch, name)
            else:
                path = os.path.join(HERE, name)
            args = command(cmd, path)
            what = f"{cmd} {name}"
            try:
                r = subprocess.run([PARALLAX, *args], capture_output=True, env=env, cwd=scratch,
                                   timeout=120)
            except subprocess.TimeoutExpired:
                failures.append(what)
                print(f"FAIL {what}: still running after 120 s")
                continue
            err = r.stderr.decode("utf-8", "replace")
            lines_err = [l for l in err.splitlines() if l.strip()]
            ok = r.returncode == int(code)
            if int(code):
                ok = ok and len(lines_err) == 1 and lines_err[0].startswith("parallax: ") \
                    and name in lines_err[0] and words in lines_err[0]
            else:
                ok = ok and not lines_err
            print(f"{'ok  ' if ok else 'FAIL'} {what} -> exit {r.returncode} (want {code})"
                  f"{': ' + err.strip()[:160] if err.strip() else ''}")
            if not ok:
                failures.append(what)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    names = {n for n in os.listdir(HERE) if n not in ("expect.tsv", "run.py", "README.md")}
    with open(os.path.join(HERE, "expect.tsv"), encoding="utf-8") as f:
        listed = {l.split("\t")[0] for l in f if l.strip() and not l.startswith("#")}
    unlisted = names - listed
    if unlisted or rows < 20:
        failures.append("expect.tsv")
        print(f"FAIL expect.tsv lists {rows} runs; inputs it does not name: {sorted(unlisted)}")
    if failures:
        print(f"{len(failures)} check(s) failed")
        return 1
    print(f"all {rows} pathological runs ended cleanly")
    return 0


if __name__ == "__main__":
    sys.exit(main())
