#!/usr/bin/env python3
"""tests/golden/check.py PARALLAX SOURCE [--write] — the JSON report (schema
1, the format other tools and our evaluation read) of the fixture story
tests/cases/bridge-closure/millbrook-bridge, byte for byte against
tests/golden/millbrook-bridge.json. Any change to the report fails here:
if it is meant, regenerate the golden (scripts/regen-golden.sh, or
`ninja -C build regen-golden`), read the diff and commit it with the change
that made it. --write writes the golden instead of checking it."""
import difflib
import json
import os
import subprocess
import sys

PARALLAX = os.path.abspath(sys.argv[1])
ROOT = os.path.abspath(sys.argv[2])
WRITE = "--write" in sys.argv[3:]
CASE = os.path.join(ROOT, "tests", "cases", "bridge-closure")
GOLDEN = os.path.join(ROOT, "tests", "golden", "millbrook-bridge.json")
# run from the case folder with a relative path, so that the report's input
# paths are the same on every machine; the repository's lexicons
ARGS = ["compare", "--format", "json", "millbrook-bridge"]


def main():
    env = dict(os.environ, PARALLAX_LEXICONS=os.path.join(ROOT, "lexicons"))
    r = subprocess.run([PARALLAX, *ARGS], cwd=CASE, env=env, capture_output=True, timeout=120)
    if r.returncode != 0:
        print(f"FAIL parallax {' '.join(ARGS)}: exit {r.returncode}: "
              f"{r.stderr.decode('utf-8', 'replace')}")
        return 1
    report = json.loads(r.stdout)
    if report.get("schema") != 1:
        print(f"FAIL schema {report.get('schema')!r}: a new schema wants a new golden file")
        return 1
    if WRITE:
        with open(GOLDEN, "wb") as f:
            f.write(r.stdout)
        print(f"wrote {os.path.relpath(GOLDEN, ROOT)} ({len(r.stdout)} bytes)")
        return 0
    with open(GOLDEN, "rb") as f:
        want = f.read()
    if r.stdout == want:
        print(f"ok   the JSON report of millbrook-bridge is {os.path.relpath(GOLDEN, ROOT)}, "
              f"byte for byte ({len(want)} bytes)")
        return 0
    diff = difflib.unified_diff(want.decode("utf-8").splitlines(),
                                r.stdout.decode("utf-8").splitlines(),
                                "golden", "now", lineterm="", n=2)
    for i, line in enumerate(diff):
        if i == 80:
            print("... (diff cut at 80 lines)")
            break
        print(line)
    print("FAIL the JSON report changed. If the change is meant: scripts/regen-golden.sh, "
          "then review and commit tests/golden/millbrook-bridge.json")
    return 1


if __name__ == "__main__":
    sys.exit(main())
