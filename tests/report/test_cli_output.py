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
check(code == 0 and sorted(os.listdir(out)) == ["facts.csv", "outlet_story.csv", "scores.csv"],
      f"--format csv -o DIR writes facts.csv, scores.csv and outlet_story.csv {err.strip()}")
with open(os.path.join(out, "facts.csv"), newline="", encoding="utf-8") as f:
    raw = f.read()
rows = list(csv.reader(io.StringIO(raw, newline="")))
outlets = sorted(os.path.splitext(n)[0] for n in os.listdir(DEMO) if n.endswith(".txt"))
check(raw.endswith("\r\n") and "\n" not in raw.replace("\r\n", ""), "facts.csv ends lines with CRLF")
FACT_COLUMNS = ["story", "fact", "outlet", "status", "placement", "confidence", "p_carries",
                "carriers", "sentence", "conflict_values"]
check(rows[0] == FACT_COLUMNS and not any(o in h for o in outlets for h in rows[0]),
      "facts.csv is long: fixed columns, no outlet inside a column name")
check(all(len(r) == len(rows[0]) for r in rows), "every row of facts.csv has every column")
facts = {r[1] for r in rows[1:]}
check(len(rows) - 1 == len(facts) * len(outlets) and {r[2] for r in rows[1:]} == set(outlets),
      f"facts.csv: one row per fact and outlet ({len(facts)} facts x {len(outlets)})")
statuses = {r[3] for r in rows[1:]}
check(statuses <= {"carries", "conflict", "omits", "absent", "not_shown"} and "carries" in statuses,
      f"the status column holds a status ({sorted(statuses)})")
check(all(r[0] == "biden-putin-call" for r in rows[1:]), "facts.csv's story column names the story")
carried = [r for r in rows[1:] if r[3] in ("carries", "conflict")]
check(all(r[8].startswith(r[2] + ":") and r[4] in ("headline", "lead", "body", "end")
          for r in carried), "a carried fact has its outlet's sentence and placement")
with open(os.path.join(out, "scores.csv"), newline="", encoding="utf-8") as f:
    scores = list(csv.reader(f))
check(scores[0][:5] == ["story", "source", "lexicon", "category", "hits"] and len(scores) > len(outlets),
      f"scores.csv has a story column and a row per outlet, lexicon and category ({len(scores) - 1} rows)")
with open(os.path.join(out, "outlet_story.csv"), newline="", encoding="utf-8") as f:
    flat = list(csv.DictReader(f))
head = list(flat[0].keys())
check(len(flat) == len(outlets) and {r["outlet"] for r in flat} == set(outlets),
      "outlet_story.csv: one row per outlet")
wanted = ["tone_cat_positive_narration", "tone_cat_negative_narration",
          "loaded_dir_boosting_narration_per_1k", "loaded_dir_attacking_narration_per_1k",
          "loaded_cat_combative_quoted", "frames_cat_economic_narration", "facts_carried",
          "facts_omitted", "facts_not_shown", "facts_only_here"]
check(all(w in head for w in wanted), "outlet_story.csv has a column per category, direction and voice")
check(not any(o in h for o in outlets for h in head), "no outlet inside a column name")
sent = next(r for r in flat if r["outlet"] == "sentinel")
loaded = [r for r in scores[1:] if r[1] == "sentinel" and r[2] == "loaded" and r[3] == ""][0]
check(sent["loaded_narration"] == loaded[7] and sent["loaded_narration_per_1k"] == loaded[9],
      "outlet_story.csv's loaded counts agree with scores.csv")
cats = sum(int(v) for k, v in sent.items() if k.startswith("loaded_cat_") and k.endswith("_narration"))
check(cats == int(sent["loaded_narration"]), "loaded's categories sum to the lexicon's hits")
for r in flat:
    check(int(r["facts_carried"]) + int(r["facts_not_shown"]) + sum(
        1 for x in rows[1:] if x[2] == r["outlet"] and x[3] in ("omits", "absent")) ==
        int(r["story_facts"]), f"{r['outlet']}: carried + omitted/absent + not shown = facts")

# a second story (two outlets written here): its tables stack under the demo's header
other = tempfile.mkdtemp(prefix="pxstory")
with open(os.path.join(other, "north.txt"), "w") as f:
    f.write("Council approves bridge\n\nThe council approved a new bridge on Monday. "
            "It will cost 12 million dollars, officials said. Critics slammed the reckless plan.\n")
with open(os.path.join(other, "south.txt"), "w") as f:
    f.write("Bridge plan passes\n\nThe council approved a new bridge on Monday. "
            "It will cost 15 million dollars. Work starts in May.\n")
out2 = tempfile.mkdtemp(prefix="pxcsv2")
code, _, err = run("compare", other, "--story", "bridge", "--format", "csv", "-o", out2)
check(code == 0, f"a second story's CSV {err.strip()}")
both = {}
for name in ("facts.csv", "outlet_story.csv", "scores.csv"):
    with open(os.path.join(out, name), newline="", encoding="utf-8") as f:
        a = f.read()
    with open(os.path.join(out2, name), newline="", encoding="utf-8") as f:
        b = f.read()
    first, second = a.split("\r\n", 1)[0], b.split("\r\n", 1)[0]
    joined = a + b.split("\r\n", 1)[1]  # tail -n +2: the second file's header dropped
    table = list(csv.reader(io.StringIO(joined, newline="")))
    both[name] = table
    check(first == second and all(len(r) == len(table[0]) for r in table) and
          sum(1 for r in table if r == table[0]) == 1,
          f"{name} of two stories concatenates under one header")
stories = {r[0] for r in both["facts.csv"][1:]}
check(stories == {"biden-putin-call", "bridge"}, f"the story column tells them apart ({stories})")
code, _, _ = run("compare", DEMO, "-o", os.path.join(out, "story.csv"))
check(code == 0 and os.path.exists(os.path.join(out, "story.csv")) and
      os.path.exists(os.path.join(out, "story-scores.csv")) and
      os.path.exists(os.path.join(out, "story-outlet_story.csv")),
      "-o NAME.csv writes NAME-scores.csv and NAME-outlet_story.csv beside it")
code, text, _ = run("compare", DEMO, "--format", "csv")
check(code == 0 and text.startswith(",".join(FACT_COLUMNS)), "csv to stdout is facts.csv")
code, _, err = run("compare", DEMO, "--format", "html", "--lean")
check(code == 2 and "--lean" in err, "--lean with another format than json is a usage error")

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
