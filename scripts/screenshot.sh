#!/usr/bin/env bash
# scripts/screenshot.sh — regenerate reports/demo.png, the README's picture of the
# HTML report: the demo story rendered by the current build and photographed by
# headless Chromium at 1280 px wide (the overview and the top of the fact matrix).
#
#   scripts/screenshot.sh            uses build/ (set BUILD=dir for another build dir)
#
# Needs chromium (scripts/deps.sh --test installs it). Writes only reports/demo.png
# and reports/biden-putin-call.html (the latter is not committed).
set -euo pipefail
cd "$(dirname "$0")/.."

build=${BUILD:-build}
if [ ! -x "$build/parallax" ]; then
    [ -f "$build/build.ninja" ] || meson setup "$build" >/dev/null
    ninja -C "$build" parallax >/dev/null
fi
chrome=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
if [ -z "$chrome" ]; then
    echo "scripts/screenshot.sh: chromium is not installed (scripts/deps.sh --test)" >&2
    exit 1
fi

html=reports/biden-putin-call.html
PARALLAX_LEXICONS="$PWD/lexicons" "$build/parallax" compare data/stories/biden-putin-call -o "$html"
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
"$chrome" --headless --no-sandbox --disable-gpu --disable-background-networking \
    --no-first-run --disable-component-update --disable-sync --hide-scrollbars \
    --user-data-dir="$profile" --force-device-scale-factor=1 --window-size=1280,1500 \
    --screenshot="$PWD/reports/demo.png" "file://$PWD/$html" >/dev/null 2>&1
test -s reports/demo.png
echo "reports/demo.png: $(wc -c < reports/demo.png) bytes, from $html"
