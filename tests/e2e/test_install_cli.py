"""End to end: `meson install` puts a working `parallax` on PATH (issue 18).

Installs the build into a temporary DESTDIR, then runs the installed binary
from another folder with no PARALLAX_LEXICONS set: it must find the
installed lexicons (not the source tree's), analyse the demo story, and the
man page must be installed beside it.

Usage: test_install_cli.py PARALLAX SOURCE_ROOT BUILD_ROOT
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

from common import DEMO, check, done

BUILD = os.path.abspath(sys.argv[3])
meson = shutil.which("meson")
if not meson:
    print("meson not on PATH: skipped")
    sys.exit(77)

dest = tempfile.mkdtemp(prefix="px-install-")
r = subprocess.run([meson, "install", "-C", BUILD, "--destdir", dest, "--no-rebuild", "--quiet"],
                   capture_output=True, text=True, timeout=300)
check(r.returncode == 0, f"meson install --destdir exits 0 ({r.stderr.strip()[-300:]})")

found = {}
for base, _, files in os.walk(dest):
    for f in files:
        found.setdefault(f, os.path.join(base, f))
exe = found.get("parallax")
check(exe is not None and exe.endswith("/bin/parallax") and os.access(exe, os.X_OK),
      f"the binary is installed in PREFIX/bin ({exe})")
prefix = os.path.dirname(os.path.dirname(exe)) if exe else dest
man = os.path.join(prefix, "share", "man", "man1", "parallax.1")
check(os.path.isfile(man), "the man page is installed as PREFIX/share/man/man1/parallax.1")
lexdir = os.path.join(prefix, "share", "parallax", "lexicons")
check(os.path.isfile(os.path.join(lexdir, "loaded.tsv")),
      "the lexicons are installed in PREFIX/share/parallax/lexicons")

env = {k: v for k, v in os.environ.items() if k != "PARALLAX_LEXICONS"}
work = tempfile.mkdtemp(prefix="px-installed-run-")


def installed(*args):
    r = subprocess.run([exe, *args], capture_output=True, cwd=work, env=env, timeout=120)
    return r.returncode, r.stdout.decode("utf-8", "replace"), r.stderr.decode("utf-8", "replace")


if exe:
    code, out, err = installed("--version")
    check(code == 0 and out.startswith("parallax "), "the installed binary runs")
    code, out, err = installed("lexicon", "show", "hedges")
    files = [l[len("# file: "):] for l in out.splitlines() if l.startswith("# file: ")]
    check(code == 0 and files and os.path.realpath(files[0]).startswith(os.path.realpath(lexdir)),
          f"it reads the installed lexicons, not the source tree's ({files[:1]})")
    code, out, err = installed("compare", DEMO, "--format", "json")
    rep = json.loads(out) if code == 0 else {}
    check(code == 0 and len(rep.get("sources", [])) == 4 and rep.get("facts"),
          f"it analyses the demo story ({code}, {err.strip()[:200]})")
    loaded = rep.get("framing", {}).get("sources", {}).get("sentinel", {}).get("loaded", {})
    check(bool(loaded), "with the installed lexicons' framing figures")
    code, out, err = installed("help", "extract")
    check(code == 0 and "parallax extract" in out, "help works from the installed binary")
    with open(man, encoding="utf-8") as f:
        page = f.read()
    check(".SH EXIT STATUS" in page and "extract" in page, "the installed man page is the real one")

shutil.rmtree(dest, ignore_errors=True)
shutil.rmtree(work, ignore_errors=True)
done()
