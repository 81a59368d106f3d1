#!/bin/sh
# extract.sh — how fast is `parallax extract`, compared fairly? Times each
# program over the same saved pages in two forms and prints both:
#
#   per-process  one whole process per page, start-up included (as a script
#                calling a program once per page pays it), for every program
#   in-process   one process over all the pages (each program's best form)
#
#   parallax     per page: `parallax extract --format text PAGE`;
#                in-process: `parallax extract --jsonl PAGE...`
#   readability  Mozilla Readability.js on jsdom under node (bench/readability.js)
#   lxml         readability-lxml, Debian's python3-readability, under the
#                system python (bench/readability_lxml.py)
#   parse        bare libxml2 parsing (bench/parse.c): the practical limit
#
# and, with OLD=COMMIT, Parallax at that commit (built in a temporary clone)
# per process beside this build: "not slower than before" (issue 15).
#
# It prints the median pages per second of each (by the wall clock, and by
# CPU time: user + system of the processes, which a machine busy with other
# work disturbs far less), and the ratios. Runs of all programs are
# interleaved, so a busy moment of the machine does not fall on one only.
#
# Targets (issues 3 and 18): in-process, parallax >= 20x Readability.js and
# >= 4x readability-lxml; per process, parallax within 2x of the bare parse.
#
# Figures (2026-12-02, `OLD=c944e9b SLOW_RUNS=1 bench/extract.sh build "" 5`,
# 88 pages, Debian 12, 2 cores shared with four other builds: load average
# 15-19, so every rate is about 6x below a quiet machine's; the ratios, of
# interleaved runs, are the figures to read). Medians, pages/s wall (CPU):
#   per process  parallax 7.57 (28.1)   parallax @c944e9b 6.82 (26.8)
#                Readability.js 0.08 (0.30)   readability-lxml 0.98 (2.94)
#                bare parse 9.92 (36.8)
#   in process   parallax 55.8 (210)   Readability.js 0.57 (2.37)
#                readability-lxml 4.80 (20.6)   bare parse 76.9 (293)
#   ratios       in process: 97x Readability.js (88x CPU), 11.6x
#                readability-lxml (10.2x CPU), 0.73 of the bare parse;
#                per process: 100x (94x), 7.7x (9.6x), 0.76 (0.76);
#                now / c944e9b per process: 1.11 (1.05 by CPU)
#
# Usage: bench/extract.sh [BUILD_DIR] [PAGES] [RUNS]
#   BUILD_DIR  holds the parallax binary (default: build)
#   PAGES      a folder of *.html or *.html.gz pages
#              (default: ../shared/eval/extraction/html, the 88 development pages)
#   RUNS       runs per program (default: 5)
# Environment:
#   READABILITY=0  leave out Readability.js (per process it takes minutes a run)
#   LXML=0         leave out readability-lxml
#   SLOW_RUNS=N    per-process runs of Readability.js and readability-lxml
#                  (default RUNS; one such run of Readability.js takes minutes)
#   OLD=COMMIT     also time Parallax at COMMIT per process (e.g. OLD=c944e9b,
#                  the main branch before issue 18); built once in
#                  bench/out/old-COMMIT
#   PYTHON         the python with python3-readability (default /usr/bin/python3)
# Needs: node and npm (Readability.js and jsdom are installed from npm into
# bench/out/npm, git-ignored), python3-readability (apt-get install
# python3-readability), cc and libxml2's headers (pkg-config); for OLD, git,
# meson and ninja.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-build}
pages=${2:-$root/../shared/eval/extraction/html}
runs=${3:-5}
slow_runs=${SLOW_RUNS:-$runs}
readability=${READABILITY:-1}
lxml=${LXML:-1}
python=${PYTHON:-/usr/bin/python3}
old=${OLD:-}
out=$root/bench/out
case $build in /*) ;; *) build=$root/$build ;; esac
rm -rf "$out/pages" "$out/res"
mkdir -p "$out/pages" "$out/res"

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
if [ "$readability" != 0 ] &&
    { [ ! -d "$out/npm/node_modules/@mozilla/readability" ] || [ ! -d "$out/npm/node_modules/jsdom" ]; }; then
    npm install --silent --no-audit --no-fund --prefix "$out/npm" @mozilla/readability jsdom >&2
fi
if [ "$lxml" != 0 ] && ! "$python" -c 'import readability' 2>/dev/null; then
    echo "extract.sh: $python has no readability module (apt-get install python3-readability, or LXML=0)" >&2
    exit 2
fi
if [ -n "$old" ]; then
    oldb=$out/old-$old
    if [ ! -x "$oldb/build/parallax" ]; then
        rm -rf "$oldb"
        git clone --quiet --no-checkout "$root" "$oldb"
        git -C "$oldb" checkout --quiet "$old"
        meson setup "$oldb/build" "$oldb" -Dtests=false >/dev/null
        ninja -C "$oldb/build" parallax >/dev/null
    fi
fi

# One run, timed: prints pages/s by the wall clock and pages/s of CPU time
# (user + system of the processes the run started).
timed() {
    (
        start=$(date +%s.%N)
        "$@"
        end=$(date +%s.%N)
        echo "$start $end"
        times
    ) | awk -v n="$n" '
        NR == 1 { wall = $2 - $1 }
        NR == 3 { gsub(/[ms]/, " "); cpu = $1 * 60 + $2 + $3 * 60 + $4 }
        END { printf "%.3f %.3f\n", n / wall, n / cpu }'
}
# per process: the program once per page
each() {
    for p in "$out"/pages/*.html; do
        "$@" "$p" >/dev/null 2>&1 || true
    done
}
# in process: the program once, every page on its command line
all() {
    "$@" "$out"/pages/*.html >/dev/null 2>&1 || true
}
# time(KEY, MODE, PROGRAM...): one run appended to res/KEY
time_run() {
    key=$1
    shift
    timed "$@" >>"$out/res/$key"
}

i=0
while [ "$i" -lt "$runs" ]; do
    time_run px-each each "$build/parallax" extract --format text
    time_run px-all all "$build/parallax" extract --jsonl
    [ -z "$old" ] || time_run old-each each "$oldb/build/parallax" extract --format text
    time_run parse-each each "$out/parse"
    time_run parse-all all "$out/parse"
    if [ "$readability" != 0 ]; then
        time_run rd-all all node "$root/bench/readability.js"
        [ "$i" -ge "$slow_runs" ] || time_run rd-each each node "$root/bench/readability.js"
    fi
    if [ "$lxml" != 0 ]; then
        time_run lx-all all "$python" "$root/bench/readability_lxml.py"
        [ "$i" -ge "$slow_runs" ] || time_run lx-each each "$python" "$root/bench/readability_lxml.py"
    fi
    i=$((i + 1))
done

# median(KEY, COLUMN): the median of a column of res/KEY, 0 when not run
median() {
    [ -s "$out/res/$1" ] || { echo 0; return; }
    awk -v c="$2" '{ print $c }' "$out/res/$1" | sort -n |
        awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
row() { # row(LABEL, KEY)
    w=$(median "$2" 1)
    c=$(median "$2" 2)
    [ "$w" = 0 ] || printf "  %-28s %10.2f %10.2f\n" "$1" "$w" "$c"
}
ratio() { # ratio(LABEL, KEY_A, KEY_B, TARGET): A / B by wall and by CPU
    awk -v l="$1" -v aw="$(median "$2" 1)" -v ac="$(median "$2" 2)" \
        -v bw="$(median "$3" 1)" -v bc="$(median "$3" 2)" -v t="$4" 'BEGIN {
        if (aw > 0 && bw > 0)
            printf "  %-44s %8.2fx wall %8.2fx CPU%s\n", l, aw / bw, ac / bc, t
    }'
}

echo "pages: $n; runs: $runs ($slow_runs per process for Readability.js and readability-lxml); medians"
echo "-- per process: one process per page, start-up included"
printf "  %-28s %10s %10s\n" "program" "pages/s" "CPU p/s"
row "parallax extract" px-each
[ -z "$old" ] || row "parallax extract @$old" old-each
row "Readability.js + jsdom" rd-each
row "readability-lxml" lx-each
row "libxml2 parse only" parse-each
echo "-- in process: one process over all pages"
printf "  %-28s %10s %10s\n" "program" "pages/s" "CPU p/s"
row "parallax extract --jsonl" px-all
row "Readability.js + jsdom" rd-all
row "readability-lxml" lx-all
row "libxml2 parse only" parse-all
echo "-- ratios (pages/s of the first over the second)"
ratio "per process: parallax / Readability.js" px-each rd-each ""
ratio "per process: parallax / readability-lxml" px-each lx-each ""
ratio "per process: parallax / bare parse" px-each parse-each " (target >= 0.5)"
ratio "in process:  parallax / Readability.js" px-all rd-all " (target >= 20)"
ratio "in process:  parallax / readability-lxml" px-all lx-all " (target >= 4)"
ratio "in process:  parallax / bare parse" px-all parse-all ""
[ -z "$old" ] || ratio "per process: parallax now / @$old" px-each old-each " (issue 15: >= 1)"
