#!/usr/bin/env bash
# scripts/test.sh — install what is missing, build, and run every test twice:
# a normal build (build/) and an AddressSanitizer + UBSan build (build-asan/).
# Warnings are errors. Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/deps.sh --test
scripts/check-src.sh

run_suite() {
    local dir=$1; shift
    if [ -f "$dir/build.ninja" ]; then
        meson setup --reconfigure "$dir" --werror "$@" >/dev/null
    else
        meson setup "$dir" --werror "$@" >/dev/null
    fi
    ninja -C "$dir"
    meson test -C "$dir" --print-errorlogs --num-processes "$(nproc)"
}

echo "== normal build =="
run_suite build
echo "== address + undefined sanitizer build =="
run_suite build-asan -Db_sanitize=address,undefined -Db_lundef=false
echo "All tests passed."
