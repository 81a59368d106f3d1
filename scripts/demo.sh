#!/usr/bin/env bash
# scripts/demo.sh — install what is missing, build, and report on the bundled
# demo story (data/stories/biden-putin-call): reports/<story>.html and .json.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/deps.sh
if [ -f build/build.ninja ]; then
    meson setup --reconfigure build >/dev/null
else
    meson setup build >/dev/null
fi
ninja -C build >/dev/null

story=data/stories/biden-putin-call
name=$(basename "$story")
mkdir -p reports
build/parallax compare "$story" -o "reports/$name.html"
build/parallax compare "$story" -o "reports/$name.json"
echo "Report written:"
echo "  $(pwd)/reports/$name.html"
echo "  $(pwd)/reports/$name.json"
