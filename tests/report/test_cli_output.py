"""End-to-end test of compare's output side: CSV into a folder or beside a .csv name (RFC
4180, read back with Python's csv module), the text report plain when piped, coloured on a
terminal, plain on a terminal when NO_COLOR is set, and 80 columns wide.

usage: test_cli_output.py PARALLAX SOURCE_ROOT
"""
import csv
import io
import os
import pty
import subprocess
import sys
import tempfile
import unicodedata

PARALLAX = os.path.abspath(sys.argv[1])
ROOT = os.path.abspath(sys.argv[2])
DEMO = os.path.join(ROOT, "data", "stories", "biden-putin-call")
FAILURES = []


def check(cond, what):
    print(("ok   " if cond else "FAIL ") + what)
    if not cond:
        FAILURES.append(what)


def env(**extra):
    e = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "TERM")}
    e["PARALLAX_LEXICONS"] = os.path.join(ROOT, "lexicons")
    e["TERM"] = "xterm"
    e.update(extra)
    return e


def run(*args, **extra):
    r = subprocess.run([PARALLAX, *args], capture_output=True, env=env(**extra), timeout=120)
    return r.returncode, r.stdout.decode("utf-8"), r.stderr.decode("utf-8")


def run_tty(*args, **extra):
    """Run with stdout on a pseudo-terminal; returns what the terminal received."""
    pid, fd = pty.fork()
    if pid == 0:
        os.execve(PARALLAX, [PARALLAX, *args], env(**extra))
    chunks = []
    while True:
        try:
            data = os.read(fd, 65536)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    os.waitpid(pid, 0)
    return b"".join(chunks).decode("utf-8", "replace")


def cells(line):
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)


out = tempfile.mkdtemp(prefix="pxcsv")
code, _, err = run("compare", DEMO, "--format", "csv", "-o", out)
check(code == 0 and sorted(os.listdir(out)) == ["facts.csv", "scores.csv"],
      f"--format csv -o DIR writes facts.csv and scores.csv {err.strip()}")
with open(os.path.join(out, "facts.csv"), newline="", encoding="utf-8") as f:
    raw = f.read()
rows = list(csv.reader(io.StringIO(raw, newline="")))
outlets = sorted(os.path.splitext(n)[0] for n in os.listdir(DEMO) if n.endswith(".txt"))
check(raw.endswith("\r\n") and "\n" not in raw.replace("\r\n", ""), "facts.csv ends lines with CRLF")
check(rows[0][:3] == ["fact", "text", "carriers"] and all(o in rows[0] for o in outlets),
      "facts.csv has a column per outlet")
check(all(len(r) == len(rows[0]) for r in rows), "every row of facts.csv has every column")
statuses = {r[i] for r in rows[1:] for i, h in enumerate(rows[0]) if h in outlets}
check(statuses <= {"carries", "conflict", "omits", "absent", "not_shown"} and "carries" in statuses,
      f"outlet columns hold a status ({sorted(statuses)})")
with open(os.path.join(out, "scores.csv"), newline="", encoding="utf-8") as f:
    scores = list(csv.reader(f))
check(scores[0][:4] == ["source", "lexicon", "category", "hits"] and len(scores) > len(outlets),
      f"scores.csv has a row per outlet, lexicon and category ({len(scores) - 1} rows)")
code, _, _ = run("compare", DEMO, "-o", os.path.join(out, "story.csv"))
check(code == 0 and os.path.exists(os.path.join(out, "story.csv")) and
      os.path.exists(os.path.join(out, "story-scores.csv")), "-o NAME.csv writes NAME-scores.csv beside it")
code, text, _ = run("compare", DEMO, "--format", "csv")
check(code == 0 and text.startswith("fact,text,carriers"), "csv to stdout is the fact matrix")

code, text, _ = run("compare", DEMO)
check(code == 0 and "\x1b[" not in text, "text report is plain when piped")
wide = [l for l in text.splitlines() if cells(l) > 80]
check(not wide, f"every line fits 80 columns ({wide[:2]})")
code, text, _ = run("compare", DEMO, "--color", "always")
check("\x1b[1m" in text, "--color always colours even when piped")
tty = run_tty("compare", DEMO)
check("\x1b[" in tty, "text report is coloured on a terminal")
tty = run_tty("compare", DEMO, NO_COLOR="1")
check("\x1b[" not in tty and "Facts" in tty, "NO_COLOR=1 keeps the terminal plain")
tty = run_tty("compare", DEMO, TERM="dumb")
check("\x1b[" not in tty, "TERM=dumb keeps the terminal plain")
code, _, err = run("compare", DEMO, "--color", "sometimes")
check(code == 2 and "--color" in err, "a bad --color value is a usage error")

if FAILURES:
    print(f"{len(FAILURES)} check(s) failed")
    sys.exit(1)
print("all checks passed")
