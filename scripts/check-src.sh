#!/usr/bin/env bash
# scripts/check-src.sh — house rules a compiler does not check: no banned
# string functions in src/ (sprintf, strcat, strtok, atoi, strncpy), and
# every C file of the repository formatted as .clang-format says
# (clang-format 14, Debian 12's; `git ls-files '*.c' '*.h' | xargs
# clang-format -i` fixes it).
set -euo pipefail
cd "$(dirname "$0")/.."
if grep -rnE '\b(sprintf|vsprintf|strcat|strtok|strtok_r|atoi|strncpy)\s*\(' src/ include/; then
    echo "check-src: banned function used (see STYLE: use snprintf, px_buf, strtol)" >&2
    exit 1
fi
if command -v clang-format >/dev/null; then
    bad=$(git ls-files '*.c' '*.h' | while read -r f; do
        clang-format --dry-run -Werror "$f" >/dev/null 2>&1 || echo "$f"
    done)
    if [ -n "$bad" ]; then
        echo "check-src: not formatted as .clang-format says (run clang-format -i on them):" >&2
        echo "$bad" >&2
        exit 1
    fi
else
    echo "check-src: clang-format not installed, formatting not checked (scripts/deps.sh --test installs it)" >&2
fi
echo "check-src: ok"
