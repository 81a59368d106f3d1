#!/usr/bin/env python3
"""tests/install/check_symbols.py LIBRARY SOURCE — the shared library exports
exactly the functions declared PX_API: the public API of include/parallax/
and the toolbox the parallax program uses (src/util/toolbox.h, escape.h).
Everything else is hidden (-fvisibility=hidden), and no toolbox function is
declared in an installed header."""
import glob
import os
import re
import subprocess
import sys

DECL = re.compile(r"\bPX_API\b[^;{()]*?\b(px_\w+)\s*\(", re.S)


def declared(paths):
    names = set()
    for path in paths:
        with open(path, encoding="utf-8") as f:
            names.update(DECL.findall(f.read()))
    return names


def exported(library):
    out = subprocess.run(["nm", "-D", "--defined-only", library], check=True,
                         capture_output=True, text=True).stdout
    names = set()
    for line in out.splitlines():
        fields = line.split()
        # the loader's and compilers' own (_init, _fini, __asan_*, …) aside
        if len(fields) == 3 and not fields[2].startswith("_"):
            names.add(fields[2].split("@")[0])
    return names


def main():
    library, source = sys.argv[1], sys.argv[2]
    public = declared(glob.glob(os.path.join(source, "include", "parallax", "*.h")))
    toolbox = declared(glob.glob(os.path.join(source, "src", "util", "*.h")))
    others = declared(p for p in glob.glob(os.path.join(source, "src", "**", "*.h"),
                                           recursive=True)
                      if os.sep + "util" + os.sep not in p)
    names = exported(library)
    failed = False
    for what, bad in (("exported but not declared PX_API", names - public - toolbox),
                      ("declared PX_API but not exported", (public | toolbox) - names),
                      ("PX_API outside include/parallax and src/util", others),
                      ("declared both public and in the toolbox", public & toolbox)):
        if bad:
            failed = True
            print(f"FAIL {what}: {', '.join(sorted(bad))}")
    if len(public) < 100:  # the parser above must see the API
        failed = True
        print(f"FAIL only {len(public)} public functions found")
    if failed:
        return 1
    print(f"ok   {len(names)} symbols exported: {len(public)} public, "
          f"{len(toolbox)} of the toolbox (src/util/) for the parallax program")
    return 0


if __name__ == "__main__":
    sys.exit(main())
