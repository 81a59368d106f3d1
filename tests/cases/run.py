#!/usr/bin/env python3
"""tests/cases/run.py PARALLAX SOURCE — every case of tests/cases/: a folder
with small inputs written for it and a case.json saying what to run and
what must come out. The program runs in the case's folder (so paths in its
output are the case's own), with the repository's lexicons.

case.json:
  "about":  what the case pins down, in a sentence
  "args":   the parallax command line, paths relative to the case folder
  "stdout": a file of the case holding the exact expected output, or
  "report": checks on a JSON report (compare --format json):
      "story": the story id; "sources": the outlet ids (any order);
      "names": outlet id -> display name;
      "facts": for each, "said" (words of a sentence the fact holds: the
      first fact in matrix order with a mention containing them), and its
      "present" and "absent" outlets (exactly, when given), and a
      "conflict" (its kind and each outlet's value).
"""
import json
import os
import subprocess
import sys

PARALLAX = os.path.abspath(sys.argv[1])
ROOT = os.path.abspath(sys.argv[2])
HERE = os.path.join(ROOT, "tests", "cases")
failures = []


def check(cond, what):
    print(("ok   " if cond else "FAIL ") + what)
    if not cond:
        failures.append(what)


def fact_saying(report, words):
    for fact in report["facts"]:
        if any(words in m["text"] for m in fact["mentions"]):
            return fact
    return None


def check_report(name, report, want):
    if "story" in want:
        check(report["story"]["id"] == want["story"],
              f"{name}: story id {report['story']['id']!r}")
    ids = sorted(s["id"] for s in report["sources"])
    if "sources" in want:
        check(ids == sorted(want["sources"]), f"{name}: outlets {ids}")
    for outlet, label in want.get("names", {}).items():
        got = [s["name"] for s in report["sources"] if s["id"] == outlet]
        check(got == [label], f"{name}: {outlet} is named {label!r} (got {got})")
    for w in want.get("facts", []):
        fact = fact_saying(report, w["said"])
        what = f"{name}: the fact that says {w['said']!r}"
        if fact is None:
            check(False, f"{what} is found")
            continue
        for key in ("present", "absent"):
            if key in w:
                check(sorted(fact[key]) == sorted(w[key]),
                      f"{what} ({fact['id']}): {key} {sorted(fact[key])}, want {sorted(w[key])}")
        if "conflict" in w:
            c = w["conflict"]
            hits = [x for x in fact["conflicts"]
                    if x["kind"] == c["kind"] and x["values"] == c["values"]]
            check(len(hits) == 1, f"{what} ({fact['id']}): a {c['kind']} conflict "
                  f"{c['values']} (got {fact['conflicts']})")


def run_case(name):
    folder = os.path.join(HERE, name)
    with open(os.path.join(folder, "case.json"), encoding="utf-8") as f:
        case = json.load(f)
    env = dict(os.environ, PARALLAX_LEXICONS=os.path.join(ROOT, "lexicons"))
    r = subprocess.run([PARALLAX, *case["args"]], cwd=folder, env=env, capture_output=True,
                       timeout=120)
    check(r.returncode == 0, f"{name}: {' '.join(case['args'])} exits 0 "
          f"(got {r.returncode}: {r.stderr.decode('utf-8', 'replace').strip()[:200]})")
    if r.returncode != 0:
        return
    if "stdout" in case:
        with open(os.path.join(folder, case["stdout"]), "rb") as f:
            want = f.read()
        same = r.stdout == want
        if not same:
            sys.stdout.write(f"--- {name}: expected\n{want.decode('utf-8', 'replace')}"
                             f"--- got\n{r.stdout.decode('utf-8', 'replace')}---\n")
        check(same, f"{name}: output is {case['stdout']} ({case['about']})")
    if "report" in case:
        check_report(name, json.loads(r.stdout), case["report"])
        print(f"     {name}: {case['about']}")


def main():
    names = sorted(d for d in os.listdir(HERE)
                   if os.path.isfile(os.path.join(HERE, d, "case.json")))
    check(len(names) >= 5, f"{len(names)} cases found")
    for name in names:
        run_case(name)
    if failures:
        print(f"{len(failures)} check(s) failed")
        return 1
    print("all cases passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
