#!/usr/bin/env bash
# scripts/valgrind-test.sh — the wrapper of `meson test --setup=valgrind`.
#
# A compiled test runs under valgrind memcheck. A script test (the
# end-to-end tests: python with the parallax binary as an argument) runs
# as it is, but the parallax binary it is handed is swapped for a shim that
# runs parallax under valgrind, so every command the script runs is
# checked, not the interpreter. Fails on any memcheck error and on any
# definitely or indirectly lost byte (still-reachable memory — libraries'
# one-time state — is not a leak); prints one summary line either way.
set -u
prog=$1
shift
logs=$(mktemp -d "${TMPDIR:-/tmp}/px-valgrind-XXXXXX")
vg=(valgrind --leak-check=full --show-leak-kinds=definite,indirect
    --errors-for-leak-kinds=definite,indirect --error-exitcode=99 --num-callers=30
    "--log-file=$logs/vg.%p.log")

if [ "$(head -c 2 "$prog")" = "#!" ] || [[ $(basename "$prog") == python* ]]; then
    args=()
    for a in "$@"; do
        if [ "$(basename -- "$a")" = parallax ] && [ -x "$a" ] && [ -f "$a" ]; then
            real=$(realpath -- "$a")
            mkdir -p "$logs/bin"
            {
                echo '#!/bin/sh'
                printf 'exec'
                printf ' %q' "${vg[@]}" "$real"
                echo ' "$@"'
            } >"$logs/bin/parallax"
            chmod +x "$logs/bin/parallax"
            a=$logs/bin/parallax
        fi
        args+=("$a")
    done
    "$prog" "${args[@]}"
else
    "${vg[@]}" "$prog" "$@"
fi
rc=$?

runs=0 bad=0
for log in "$logs"/vg.*.log; do
    [ -e "$log" ] || continue
    runs=$((runs + 1))
    if grep -qE 'ERROR SUMMARY: [1-9]|(definitely|indirectly) lost: [1-9]' "$log"; then
        bad=$((bad + 1))
        echo "== valgrind: $log" >&2
        sed -n '/ERROR SUMMARY\|lost\|^==[0-9]*== \(Invalid\|Conditional\|Use of\|Syscall\)/,+12p' \
            "$log" | head -60 >&2
    fi
done
sum() { # total of "KIND: N" over the logs (N may hold commas)
    cat "$logs"/vg.*.log 2>/dev/null | grep -ohE "$1: [0-9,]+" | tr -d , |
        awk '{n += $NF} END {print n + 0}'
}
echo "valgrind: $runs processes, $(sum 'ERROR SUMMARY') errors, $(sum 'definitely lost') bytes" \
     "definitely lost, $(sum 'indirectly lost') bytes indirectly lost"
if [ "$bad" -eq 0 ]; then
    rm -rf "$logs"
    [ "$rc" -eq 99 ] && rc=1
else
    echo "valgrind: logs kept in $logs" >&2
    [ "$rc" -eq 0 ] && rc=1
fi
exit "$rc"
