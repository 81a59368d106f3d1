#!/usr/bin/env bash
# scripts/deps.sh [--test] — install the Debian packages Parallax needs, if
# any are missing. --test adds what the test suite uses (headless Chromium
# for the browser tests, poppler for PDF pages, GNU parallel, valgrind,
# clang-tidy and cppcheck for scripts/lint.sh).
# Runs apt-get non-interactively; as root, or through sudo when available.
set -euo pipefail

build_pkgs=(gcc libc6-dev pkg-config meson ninja-build python3
            libjansson-dev libcurl4-openssl-dev libxml2-dev libstemmer-dev
            libutf8proc-dev libcmocka-dev wordnet-base)
test_pkgs=(chromium poppler-utils parallel valgrind clang libclang-rt-14-dev
           clang-tidy clang-format cppcheck)

want=("${build_pkgs[@]}")
if [ "${1:-}" = "--test" ]; then
    want+=("${test_pkgs[@]}")
fi

missing=()
for p in "${want[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$p")
    fi
done
if [ "${#missing[@]}" -eq 0 ]; then
    exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null; then
        sudo="sudo"
    else
        echo "scripts/deps.sh: missing packages (${missing[*]}) and not root; install them and rerun" >&2
        exit 1
    fi
fi
echo "Installing: ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
