#!/bin/sh
# extract.sh — how fast is `parallax extract`? Times three programs over the
# same saved pages, one whole process per page (start-up included, as a user
# or a script calling them pays it), several runs each, and prints the
# median pages per second of each and the ratios:
#
#   parallax    `parallax extract --format text PAGE`
#   readability Mozilla Readability.js on jsdom (bench/readability.js, node)
#   parse       bare libxml2 parsing (bench/parse.c): the practical limit
#
# Targets (issue 3): parallax >= 20x Readability.js, and within 2x of parse
# (parallax/parse >= 0.5).
#
# Usage: bench/extract.sh [BUILD_DIR] [PAGES] [RUNS]
#   BUILD_DIR  holds the parallax binary (default: build)
#   PAGES      a folder of *.html or *.html.gz pages
#              (default: ../shared/eval/extraction/html, the 88 development pages)
#   RUNS       runs per program (default: 5)
# Needs: node and npm (Readability.js and jsdom are installed from npm into
# bench/out/npm, git-ignored), cc and libxml2's headers (pkg-config).
# READABILITY=0 skips Readability.js (minutes per run): Parallax against the
# bare parse only.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-build}
pages=${2:-$root/../shared/eval/extraction/html}
runs=${3:-5}
out=$root/bench/out
case $build in /*) ;; *) build=$root/$build ;; esac
mkdir -p "$out/pages"

# the pages, uncompressed
for f in "$pages"/*.html "$pages"/*.html.gz; do
    [ -e "$f" ] || continue
    case $f in
    *.gz) gunzip -c "$f" >"$out/pages/$(basename "$f" .gz)" ;;
    *) cp "$f" "$out/pages/" ;;
    esac
done
n=$(ls "$out/pages" | wc -l)
[ "$n" -gt 0 ] || { echo "extract.sh: no pages in $pages" >&2; exit 2; }

# the programs
[ -x "$build/parallax" ] || { echo "extract.sh: no $build/parallax (build first)" >&2; exit 2; }
cc -O2 -o "$out/parse" "$root/bench/parse.c" $(pkg-config --cflags --libs libxml-2.0)
readability=${READABILITY:-1}
if [ "$readability" != 0 ] &&
    { [ ! -d "$out/npm/node_modules/@mozilla/readability" ] || [ ! -d "$out/npm/node_modules/jsdom" ]; }; then
    npm install --silent --no-audit --no-fund --prefix "$out/npm" @mozilla/readability jsdom >&2
fi

# one run over every page, one process each: prints pages/s by the wall
# clock and pages/s of CPU time (user + system of the processes), which a
# machine busy with other work disturbs far less
run() {
    (
        start=$(date +%s.%N)
        for p in "$out"/pages/*.html; do
            "$@" "$p" >/dev/null 2>&1 || true
        done
        end=$(date +%s.%N)
        echo "$start $end"
        times
    ) | awk -v n="$n" '
        NR == 1 { wall = $2 - $1 }
        NR == 3 { gsub(/[ms]/, " "); cpu = $1 * 60 + $2 + $3 * 60 + $4 }
        END { printf "%.3f %.3f\n", n / wall, n / cpu }'
}

# median of column $1 of RUNS runs; runs of the three programs are
# interleaved so that a busy moment of the machine does not fall on one only
median() {
    awk -v c="$1" '{ print $c }' | sort -n |
        awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
: >"$out/px.txt"; : >"$out/rd.txt"; : >"$out/parse.txt"
i=0
while [ "$i" -lt "$runs" ]; do
    run "$build/parallax" extract --format text >>"$out/px.txt"
    [ "$readability" = 0 ] || run node "$root/bench/readability.js" >>"$out/rd.txt"
    run "$out/parse" >>"$out/parse.txt"
    i=$((i + 1))
done
report() {
    px=$(median "$1" <"$out/px.txt")
    rd=$(median "$1" <"$out/rd.txt")
    rd=${rd:-0}
    parse=$(median "$1" <"$out/parse.txt")
    printf "parallax extract     %8.1f pages/s\n" "$px"
    [ "$rd" = 0 ] || printf "Readability.js+jsdom %8.2f pages/s\n" "$rd"
    printf "libxml2 parse only   %8.1f pages/s\n" "$parse"
    awk -v px="$px" -v rd="$rd" -v parse="$parse" 'BEGIN {
        if (rd > 0)
            printf "parallax / Readability.js = %.0fx (target >= 20x)\n", px / rd
        printf "parallax / bare parse     = %.2f (target >= 0.50: within 2x)\n", px / parse
    }'
}
echo "pages: $n, runs: $runs, one process per page, medians"
echo "-- by the wall clock"
report 1
echo "-- by CPU time (user + system)"
report 2
