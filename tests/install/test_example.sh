#!/usr/bin/env bash
# tests/install/test_example.sh BUILD SOURCE CC SANITIZE — install the
# build into a scratch folder, build doc/example.c against that install
# with pkg-config, as a researcher would, run it on the demo story and
# check the fact matrix it prints.
set -euo pipefail
build=$1 src=$2 cc=$3 sanitize=$4
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL $*" >&2; exit 1; }

meson install -C "$build" --no-rebuild --quiet --destdir "$tmp/root" >"$tmp/install.log" 2>&1 ||
    { cat "$tmp/install.log" >&2; fail "meson install"; }
pc=$(find "$tmp/root" -name parallax.pc | head -1)
[ -n "$pc" ] || fail "no parallax.pc installed"
prefix=$(pkg-config --variable=prefix "$pc")
export PKG_CONFIG_PATH=$(dirname "$pc")
flags=(--define-variable=prefix="$tmp/root$prefix")
cflags=$(pkg-config "${flags[@]}" --cflags parallax)
libs=$(pkg-config "${flags[@]}" --libs parallax)
libdir=$(pkg-config "${flags[@]}" --variable=libdir parallax)
[ -f "$tmp/root$prefix/include/parallax/parallax.h" ] || fail "parallax.h not installed"
[ -f "$tmp/root$prefix/include/parallax/version.h" ] || fail "version.h not installed"
[ ! -e "$tmp/root$prefix/include/parallax/toolbox.h" ] || fail "the toolbox is installed"
san=()
[ "$sanitize" = none ] || san=(-fsanitize="$sanitize")
# shellcheck disable=SC2086 # pkg-config output is a list of flags
"$cc" -std=c11 -Wall -Wextra -Werror "${san[@]}" "$src/doc/example.c" $cflags $libs \
    -o "$tmp/example" || fail "doc/example.c does not build against the install"
echo "ok   doc/example.c builds with pkg-config against the installed library"
# C++ sees the same API through the extern "C" guards
if command -v c++ >/dev/null; then
    printf '#include <parallax/parallax.h>\nint main() { return px_version() ? 0 : 1; }\n' \
        >"$tmp/cxx.cc"
    # shellcheck disable=SC2086
    c++ "${san[@]}" "$tmp/cxx.cc" $cflags $libs -o "$tmp/cxx" && LD_LIBRARY_PATH="$libdir" "$tmp/cxx" ||
        fail "a C++ program cannot link the API"
    echo "ok   a C++ program links the API"
fi
LD_LIBRARY_PATH="$libdir" "$tmp/example" "$src/data/stories/biden-putin-call" >"$tmp/out" ||
    fail "the example fails on the demo story"
head -1 "$tmp/out" | grep -q "^biden-putin-call: 4 outlets" || fail "first line: $(head -1 "$tmp/out")"
# the call's length: the Harbor Post and the Sentinel give it differently,
# the wire and the Flash carry it without a conflicting detail
read -r -a heads < <(sed -n 3p "$tmp/out")
read -r -a f1 < <(grep '^f1 ' "$tmp/out")
for i in 1 2 3 4; do
    case "${heads[$i]}" in
    harbor | sentinel) [[ ${f1[$i]} == conflict:* ]] || fail "f1 ${heads[$i]}: ${f1[$i]}" ;;
    flash | wire) [[ ${f1[$i]} == carries:* ]] || fail "f1 ${heads[$i]}: ${f1[$i]}" ;;
    *) fail "unexpected outlet ${heads[$i]}" ;;
    esac
done
grep -q "omits" "$tmp/out" || fail "no outlet omits anything"
echo "ok   the example prints the demo's fact matrix"

# The installed program runs where it was put, with no LD_LIBRARY_PATH: it
# finds the installed shared library through its relative rpath and the
# installed lexicons next to itself, and reports as the built one does.
bin=$tmp/root$prefix/bin/parallax
[ -x "$bin" ] || fail "parallax not installed"
loaded=$(unset LD_LIBRARY_PATH; ldd "$bin" | awk '$1 == "libparallax.so.0" { print $3 }')
[ -n "$loaded" ] && [ "$(readlink -f "$loaded")" = "$(readlink -f "$libdir/libparallax.so.0")" ] ||
    fail "the installed parallax does not load the installed library: ${loaded:-none}"
(unset LD_LIBRARY_PATH; cd "$tmp" && "$bin" compare "$src/data/stories/biden-putin-call" \
    --format json -o installed.json) || fail "the installed parallax fails on the demo story"
(cd "$tmp" && "$build/parallax" compare "$src/data/stories/biden-putin-call" \
    --format json -o built.json) || fail "the built parallax fails on the demo story"
cmp -s "$tmp/installed.json" "$tmp/built.json" ||
    fail "the installed parallax reports differently from the built one"
echo "ok   the installed parallax runs from its folder and reports as the built one"
