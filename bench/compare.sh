#!/usr/bin/env bash
# bench/compare.sh — how long `parallax compare` takes on one story, and how
# the time grows with the number of outlets. Not a test: it prints figures.
#
#   bench/compare.sh [PARALLAX] [RUNS]
#
# PARALLAX defaults to build/parallax, RUNS (whole-process runs per size,
# median reported) to 21. Stories are made from our demo story
# (data/stories/biden-putin-call): outlet k is the headline of one article
# followed by the bodies of two, about 800 words an outlet. Target (issue 4):
# 5 outlets in under 20 ms, and time for k outlets growing no faster than
# the k(k-1)/2 outlet pairs.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-build/parallax}
runs=${2:-21}
demo=data/stories/biden-putin-call
arts=("$demo/wire.txt" "$demo/sentinel.txt" "$demo/flash.txt" "$demo/harbor.txt")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

make_story() { # make_story DIR K
    mkdir -p "$1"
    for ((k = 0; k < $2; k++)); do
        a=${arts[k % 4]} b=${arts[(k + 1) % 4]}
        { head -n 1 "$a"; echo; tail -n +2 "$a"; echo; tail -n +2 "$b"; } > "$1/outlet$k.txt"
    done
}

# median_ms DIR: median wall and CPU (user + system) milliseconds of RUNS
# whole-process runs, as "wall cpu". CPU time is printed too because wall
# time on a busy machine measures the neighbours as well.
median_ms() {
    python3 - "$bin" "$1" "$runs" <<'PY'
import resource, subprocess, sys, time
bin, story, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
wall, cpu = [], []
for _ in range(runs):
    r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    subprocess.run([bin, "compare", "--format", "json", story], stdout=subprocess.DEVNULL, check=True)
    t1 = time.perf_counter()
    r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    wall.append((t1 - t0) * 1000)
    cpu.append((r1.ru_utime - r0.ru_utime + r1.ru_stime - r0.ru_stime) * 1000)
med = lambda v: sorted(v)[len(v) // 2]
print(f"{med(wall):.2f} {med(cpu):.2f}")
PY
}

make_story "$tmp/s5" 5
words=$(cat "$tmp"/s5/*.txt | wc -w)
read -r wall cpu < <(median_ms "$tmp/s5")
echo "5 outlets, $((words / 5)) words an outlet, $runs runs: median wall $wall ms, CPU $cpu ms"
echo
echo "outlets  pairs  wall ms  CPU ms  CPU ms per pair"
for k in 2 3 4 5 6 8 10; do
    make_story "$tmp/k$k" "$k"
    read -r wall cpu < <(median_ms "$tmp/k$k")
    pairs=$((k * (k - 1) / 2))
    awk -v k="$k" -v p="$pairs" -v w="$wall" -v c="$cpu" \
        'BEGIN {printf "%7d  %5d  %7.2f  %6.2f  %15.3f\n", k, p, w, c, c / p}'
done
