#!/usr/bin/env bash
# scripts/lint.sh — static analysis of src/ with warnings as errors:
# clang-tidy (the checks, and why each is on or off, in .clang-tidy) over
# every .c file of src/ that build/compile_commands.json lists, and cppcheck
# (the findings it may not report, each with its reason, in
# scripts/cppcheck-suppressions). Exits non-zero on any finding.
# Needs the build's generated sources: creates build/ when it is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -f build/compile_commands.json ]; then
    meson setup build --werror >/dev/null
fi
ninja -C build >/dev/null # the generated tables and assets must exist

# Each source is compiled twice (the shared library and the static one the
# tests link), and clang-tidy analyses a file once per compile command: give
# it a database with one entry per file of src/.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 - "$tmp" <<'PY'
import json, os, sys
seen, keep = set(), []
for e in json.load(open("build/compile_commands.json")):
    path = os.path.relpath(os.path.normpath(os.path.join(e["directory"], e["file"])))
    if path.startswith("src/") and path.endswith(".c") and path not in seen:
        seen.add(path)
        keep.append(e)
with open(os.path.join(sys.argv[1], "compile_commands.json"), "w") as f:
    json.dump(keep, f)
with open(os.path.join(sys.argv[1], "files"), "w") as f:
    f.write("".join(p + "\n" for p in sorted(seen)))
PY
mapfile -t files <"$tmp/files"
if [ "${#files[@]}" -eq 0 ]; then
    echo "lint: no src/ files in build/compile_commands.json" >&2
    exit 1
fi

failed=0
echo "== clang-tidy (${#files[@]} files, $(nproc) at a time) =="
# A file with any finding makes its clang-tidy exit non-zero (xargs: 123).
# --quiet and the grep drop the counts of findings in disabled checks.
if printf '%s\0' "${files[@]}" |
    xargs -0 -n 1 -P "$(nproc)" clang-tidy -p "$tmp" --quiet >"$tmp/tidy.log" 2>&1; then
    echo "clang-tidy: ok"
else
    grep -v -E '^[0-9]+ warnings? (and [0-9]+ errors? )?generated\.$' "$tmp/tidy.log" >&2 || true
    echo "lint: clang-tidy found problems (.clang-tidy says why each check is on)" >&2
    failed=1
fi

echo "== cppcheck =="
# src/ with the build's include paths and macros; system and libxml2 headers
# are not read (missingIncludeSystem), nor the generated tables in build/.
if cppcheck --enable=warning,performance,portability --std=c11 --quiet \
    --error-exitcode=1 --inline-suppr --suppressions-list=scripts/cppcheck-suppressions \
    --suppress=missingIncludeSystem -j "$(nproc)" \
    -I include -I src -I build --include=build/px_config.h \
    -D_DEFAULT_SOURCE -D_POSIX_C_SOURCE=200809L -DPX_BUILDING \
    --template='{file}:{line}:{column}: {severity}: {message} [{id}]' \
    src/; then
    echo "cppcheck: ok"
else
    echo "lint: cppcheck found problems (scripts/cppcheck-suppressions holds the accepted ones)" >&2
    failed=1
fi
exit "$failed"
