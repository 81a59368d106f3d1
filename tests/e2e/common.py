"""Helpers for the end-to-end tests: run the real parallax binary."""
import json
import os
import subprocess
import sys
import tempfile

PARALLAX = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else "build/parallax"
ROOT = os.path.abspath(sys.argv[2]) if len(sys.argv) > 2 else os.getcwd()
DEMO = os.path.join(ROOT, "data", "stories", "biden-putin-call")
FAILURES = []


def run(*args, stdin=None, env=None):
    """Run parallax with args; returns (exit code, stdout bytes, stderr text)."""
    e = dict(os.environ)
    e["PARALLAX_LEXICONS"] = os.path.join(ROOT, "lexicons")
    if env:
        e.update(env)
    r = subprocess.run([PARALLAX, *args], input=stdin, capture_output=True, env=e, timeout=120)
    return r.returncode, r.stdout, r.stderr.decode("utf-8", "replace")


def report(*args):
    """The JSON report for the given inputs (asserts success)."""
    code, out, err = run("compare", "--format", "json", *args)
    if code != 0:
        raise AssertionError(f"compare failed ({code}): {err}")
    return json.loads(out.decode("utf-8"))


def check(cond, what):
    if cond:
        print(f"ok   {what}")
    else:
        print(f"FAIL {what}")
        FAILURES.append(what)


def tmpdir():
    return tempfile.mkdtemp(prefix="pxe2e")


def write(path, data):
    mode = "wb" if isinstance(data, bytes) else "w"
    with open(path, mode) as f:
        f.write(data)
    return path


def done():
    if FAILURES:
        print(f"{len(FAILURES)} check(s) failed")
        sys.exit(1)
    print("all checks passed")
    sys.exit(0)
