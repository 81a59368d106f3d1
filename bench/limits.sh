#!/usr/bin/env bash
# bench/limits.sh — time and peak memory of each resource bound (README,
# "Limits"): runs the tests/limits programs of a build and prints the
# "bound:" line each prints (wall time, peak resident memory via getrusage,
# the memory limit the test asserts). Time is measured here, never asserted
# in a test. Use a plain (not sanitized) build for figures.
#
#   bench/limits.sh [BUILD]     (default: build)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
ninja -C "$build" >/dev/null
export PARALLAX_LEXICONS=$PWD/lexicons
for t in "$build"/tests/limits/limits_*; do
    [ -f "$t" ] && [ -x "$t" ] || continue
    out=$("$t" 2>&1) || { echo "$out" >&2; echo "$t failed" >&2; exit 1; }
    grep '^bound:' <<<"$out" || true
done
