#!/usr/bin/env bash
# scripts/regen-golden.sh [BUILD] — rewrite tests/golden/millbrook-bridge.json,
# the JSON report the golden-json test compares byte for byte, from the
# parallax of BUILD (default build/). Run it only after a change to the
# report that is meant; review `git diff tests/golden` and commit it with
# that change.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
ninja -C "$build" parallax >/dev/null
python3 tests/golden/check.py "$build/parallax" . --write
git --no-pager diff --stat -- tests/golden || true
