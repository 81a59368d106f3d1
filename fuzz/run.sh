#!/usr/bin/env bash
# fuzz/run.sh — run one libFuzzer harness over its corpus for a while.
#
#   fuzz/run.sh BUILD HARNESS SECONDS [WORKDIR]
#
# BUILD is a -Dfuzzing=true build folder. The checked-in corpus
# fuzz/corpus/HARNESS is copied into WORKDIR/corpus (a temporary folder
# when not given) and fuzzed there with fuzz/dict/<dict>, so the checked-in
# corpus only changes when someone merges new inputs into it on purpose
# (-merge=1). Crashes, leaks and timeouts land in WORKDIR/artifacts and
# make the script exit non-zero; they are copied to $FUZZ_ARTIFACTS
# (default BUILD/fuzz-artifacts). The last line printed is a summary:
# "HARNESS: N runs in S s, exit E".
set -euo pipefail
build=$1 harness=$2 seconds=$3 work=${4:-}
root=$(cd "$(dirname "$0")/.." && pwd)
exe=$build/fuzz/fuzz_$harness
[ -x "$exe" ] || { echo "fuzz/run.sh: no $exe (build with -Dfuzzing=true)" >&2; exit 2; }
case $harness in
    html) dict=html.dict max_len=32768 ;;
    text) dict=text.dict max_len=16384 ;;
    compare) dict=text.dict max_len=16384 ;;
    record) dict=json.dict max_len=8192 ;;
    lexicon) dict=lexicon.dict max_len=8192 ;;
    *) echo "fuzz/run.sh: unknown harness $harness" >&2; exit 2 ;;
esac
if [ -z "$work" ]; then
    work=$(mktemp -d)
    trap 'rm -rf "$work"' EXIT
fi
mkdir -p "$work/corpus" "$work/artifacts"
cp -n "$root/fuzz/corpus/$harness"/* "$work/corpus/" 2>/dev/null || true
export PARALLAX_LEXICONS=$root/lexicons
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
start=$SECONDS
set +e
"$exe" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=5 -max_len="$max_len" \
    -dict="$root/fuzz/dict/$dict" -artifact_prefix="$work/artifacts/" -print_final_stats=1 \
    "$work/corpus" >"$work/log" 2>&1
rc=$?
set -e
runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$work/log" | grep -o '[0-9]*$' || echo 0)
if [ "$rc" -ne 0 ]; then
    grep -E 'ERROR|SUMMARY|check failed|Test unit written' "$work/log" | head -20 >&2
    keep=${FUZZ_ARTIFACTS:-$build/fuzz-artifacts}
    mkdir -p "$keep"
    cp "$work/artifacts"/* "$keep/" 2>/dev/null || true
    echo "fuzz/run.sh: inputs kept in $keep (add the crashing one to tests/regress/$harness/)" >&2
fi
echo "$harness: $runs runs in $((SECONDS - start)) s, exit $rc"
exit "$rc"
