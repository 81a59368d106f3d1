#!/usr/bin/env bash
# scripts/check-src.sh — house rules a compiler does not check: no banned
# string functions in src/ (sprintf, strcat, strtok, atoi, strncpy).
set -euo pipefail
cd "$(dirname "$0")/.."
if grep -rnE '\b(sprintf|vsprintf|strcat|strtok|strtok_r|atoi|strncpy)\s*\(' src/ include/; then
    echo "check-src: banned function used (see STYLE: use snprintf, px_buf, strtol)" >&2
    exit 1
fi
echo "check-src: ok"
