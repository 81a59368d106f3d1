#!/usr/bin/env bash
# bench/batch.sh — how fast `parallax batch` goes, and in how much memory.
#
# Generates synthetic corpora (bench/gen_corpus.py: 4–6 outlets a story,
# built from the project's own text with sentences shuffled and edited) of
# 1,000 and STORIES stories, runs `parallax batch` on each at --jobs 1 and
# 2, and prints wall time, stories per second and peak memory (max RSS), then
# the two checks of issue 9: STORIES in under 60 s at --jobs 2 under 300 MB,
# and throughput within 15% from 1,000 to STORIES stories. It also times
# `parallax aggregate` on the big run. Prints figures; asserts nothing.
# "CPU s" is user + system time: on a shared machine, wall time alone
# measures the neighbours too (compare the load average printed first).
#
# Usage: bench/batch.sh [BUILD_DIR] [STORIES]   (defaults: build, 10000)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
stories=${2:-10000}
bin=$(cd "$build" && pwd)/parallax
work=$(mktemp -d "${TMPDIR:-/tmp}/pxbench.XXXXXX")
trap 'rm -rf "$work"' EXIT
export PARALLAX_LEXICONS=${PARALLAX_LEXICONS:-$root/lexicons}

echo "parallax batch benchmark: $(nproc) cores, $("$bin" --version), load: $(cut -d' ' -f1-3 /proc/loadavg)"
for n in 1000 "$stories"; do
    python3 "$root/bench/gen_corpus.py" "$n" "$work/c$n.jsonl" --root "$root"
    lines=$(wc -l < "$work/c$n.jsonl")
    mb=$(du -m "$work/c$n.jsonl" | cut -f1)
    echo "corpus: $n stories, $lines articles, $mb MB"
done

declare -A rate cpu
# The 1,000-story runs take 2-5 s, where one busy moment of the machine moves
# the figure by 10%: they run REPS times (default 5) and the median counts.
# The big runs take long enough to run once.
reps=${REPS:-5}
printf '%8s %5s %9s %10s %9s %9s\n' stories jobs seconds stories/s "peak MB" "CPU s"
for n in 1000 "$stories"; do
    for jobs in 1 2; do
        out="$work/out-$n-$jobs"
        k=1
        [ "$n" = 1000 ] && [ "$n" != "$stories" ] && k=$reps
        : > "$work/times"
        for ((r = 0; r < k; r++)); do
            rm -rf "$out"
            /usr/bin/time -f "%e %M %U %S" -o "$work/time" \
                "$bin" batch "$work/c$n.jsonl" -o "$out" --jobs "$jobs" --quiet || true
            cat "$work/time" >> "$work/times"
        done
        # the run of median wall time
        read -r secs kb usr sys < <(sort -n "$work/times" | sed -n "$(((k + 1) / 2))p")
        r=$(python3 -c "print(f'{$n / $secs:.1f}')")
        rate[$n-$jobs]=$r
        cpu[$n-$jobs]=$(python3 -c "print($usr + $sys)")
        printf '%8d %5d %9.2f %10s %9.1f %9.2f%s\n' "$n" "$jobs" "$secs" "$r" \
            "$(python3 -c "print($kb / 1024)")" "$(python3 -c "print($usr + $sys)")" \
            "$([ "$k" -gt 1 ] && echo "   (median of $k)")"
        [ "$n" = "$stories" ] && [ "$jobs" = 2 ] && { big_secs=$secs; big_kb=$kb; }
        [ "$n" = "$stories" ] && [ "$jobs" = 2 ] || rm -rf "$out"
    done
done

/usr/bin/time -f "%e %M" -o "$work/time" \
    "$bin" aggregate "$work/out-$stories-2" -o "$work/summary" --quiet
read -r asecs akb < "$work/time"
printf 'aggregate of %d stories: %.2f s, peak %.1f MB\n' "$stories" "$asecs" \
    "$(python3 -c "print($akb / 1024)")"

python3 - "$stories" "$big_secs" "$big_kb" "${rate[1000-2]}" "${rate[$stories-2]}" \
    "${cpu[1000-1]}" "${cpu[$stories-1]}" "$(nproc)" <<'EOF'
import sys
n, secs, kb = int(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3])
r1k, rbig, c1k, cbig, cores = (float(x) for x in sys.argv[4:9])
change = (rbig - r1k) / r1k * 100
per1k, perbig = c1k, cbig / n * 1000
cchange = (perbig - per1k) / per1k * 100
print(f"target: {n} stories --jobs 2 in under 60 s: {secs:.1f} s "
      f"({'met' if secs < 60 else 'NOT met'})")
print(f"target: peak memory under 300 MB: {kb / 1024:.1f} MB "
      f"({'met' if kb < 300 * 1024 else 'NOT met'})")
# "flat" guards against slowing down as the corpus grows; a big run faster a
# story than the small one (fixed costs spread, or noise) is said as such
verdict = ("met" if abs(change) <= 15 else
           "met: faster at scale, not slower" if change > 0 else "NOT met: slower at scale")
print(f"target: throughput flat within 15% from 1000 to {n}: {r1k:.1f} -> {rbig:.1f} "
      f"stories/s ({change:+.1f}%, {verdict})")
print(f"CPU per story at --jobs 1: {per1k:.1f} ms (1000 stories), {perbig:.1f} ms ({n}), "
      f"{cchange:+.1f}%; on idle cores {n} stories need at least "
      f"{cbig / min(2, cores):.0f} s at --jobs 2")
EOF
