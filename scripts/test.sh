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
echo "== static analysis: clang-tidy, cppcheck (scripts/lint.sh) =="
scripts/lint.sh
echo "== address + undefined sanitizer build =="
run_suite build-asan -Db_sanitize=address,undefined -Db_lundef=false
# ---- fuzzing (issue 10: fuzz/, tests/regress/) ----------------------------
# Each libFuzzer harness runs PX_FUZZ_SECONDS (default 60) over its corpus in
# a clang build with ASan + UBSan; a crash, leak, hang (5 s) or broken check
# fails the run and keeps the input in build-fuzzing/fuzz-artifacts/. The
# corpora and crashers also replay in both builds above (suites fuzz, regress).
echo "== fuzz harnesses, ${PX_FUZZ_SECONDS:-60} s each (clang, libFuzzer, ASan + UBSan) =="
fuzz_probe=$(mktemp -d)
echo 'int LLVMFuzzerTestOneInput(const unsigned char *d, unsigned long n) { return 0; }' \
    >"$fuzz_probe/probe.c"
if ! command -v clang >/dev/null; then
    echo "fuzzing skipped: clang is not installed (scripts/deps.sh --test installs it)"
elif ! clang -fsanitize=fuzzer,address,undefined "$fuzz_probe/probe.c" -o "$fuzz_probe/probe" \
        2>/dev/null; then
    echo "fuzzing skipped: clang has no libFuzzer (install libclang-rt-14-dev)"
else
    if [ -f build-fuzzing/build.ninja ]; then
        meson setup --reconfigure build-fuzzing >/dev/null
    else
        CC=clang meson setup build-fuzzing --werror -Dfuzzing=true -Dtests=false \
            -Db_sanitize=address,undefined -Db_lundef=false >/dev/null
    fi
    ninja -C build-fuzzing
    for harness in html text record lexicon compare; do
        fuzz/run.sh build-fuzzing "$harness" "${PX_FUZZ_SECONDS:-60}"
    done
fi
rm -rf "$fuzz_probe"
echo "All tests passed."
