#!/usr/bin/env bash
# scripts/fresh-check.sh [--keep] [--reset] [--bash] [--variant minbase|buildd|default]
#
# Prove the README's two commands work on a fresh Debian 12 machine, as root,
# with nothing but the base system:
#
#     cd parallax && scripts/demo.sh      # then
#     scripts/test.sh
#
# (exactly as the README shows them, so the committed executable bits and
# shebangs are checked too; --bash runs "bash scripts/demo.sh" etc. instead).
#
# How: a Debian 12 (bookworm) root filesystem is bootstrapped once with
# debootstrap and cached, untouched, in /var/tmp/px-fresh/rootfs. Every run
# copies it to /var/tmp/px-fresh/run (so packages installed by an earlier run
# never hide a missing dependency), unpacks the repository's committed HEAD
# (git archive, never the working tree) into /root/parallax there, mounts
# /proc, /sys, /dev, /dev/pts, /dev/shm and the host's resolv.conf, and runs
# the two commands in a chroot with a clean environment (env -i: HOME, PATH,
# TERM only - no LANG, like a minimal container). Mounts are undone by a trap,
# also on failure or Ctrl-C. Logs go to /var/tmp/px-fresh/logs/.
#
#   --keep      keep the run copy (and /root/parallax in it, with its build
#               directories and reports) for inspection; it is replaced by a
#               fresh copy at the start of the next run anyway
#   --reset     delete the cached rootfs and bootstrap again from scratch
#   --bash      run the scripts as "bash scripts/X.sh" rather than "scripts/X.sh"
#   --variant V debootstrap variant of the cached rootfs (default: minbase,
#               the strictest: what Docker's debian:12 image and most CI
#               containers start from). Changing it needs --reset.
#
# Needs root on a Debian/Ubuntu host; installs debootstrap there if missing.
# Environment: PX_FRESH_DIR (default /var/tmp/px-fresh), PX_FRESH_MIRROR
# (default: the host's apt mirror for Debian, else http://deb.debian.org/debian).
# Exits 0 only if both commands exit 0 in the chroot.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
top=${PX_FRESH_DIR:-/var/tmp/px-fresh}
base=$top/rootfs          # pristine bootstrapped rootfs (cache; never run in)
run=$top/run              # per-run copy the commands run in
logs=$top/logs
suite=bookworm
variant=minbase
keep=0
reset=0
runner=""

usage() { sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "$0"; }
while [ $# -gt 0 ]; do
    case $1 in
        --keep) keep=1 ;;
        --reset) reset=1 ;;
        --bash) runner="bash " ;;
        --variant) variant=${2:?--variant needs a value}; shift ;;
        --variant=*) variant=${1#--variant=} ;;
        -h|--help) usage; exit 0 ;;
        *) echo "fresh-check: unknown option '$1' (try --help)" >&2; exit 2 ;;
    esac
    shift
done
case $variant in minbase|buildd|default) ;; *)
    echo "fresh-check: --variant must be minbase, buildd or default" >&2; exit 2 ;;
esac

if [ "$(id -u)" -ne 0 ]; then
    echo "fresh-check: must run as root (debootstrap, mount, chroot)" >&2
    exit 2
fi

if [ -t 1 ]; then bold=$'\033[1m' plain=$'\033[0m'; else bold="" plain=""; fi
say() { printf '\n%s== fresh-check: %s%s\n' "$bold" "$*" "$plain"; }
now() { date +%s; }
dur() { local s=$1; printf '%dm%02ds' $((s / 60)) $((s % 60)); }

# --- one run at a time -------------------------------------------------------
mkdir -p "$top" "$logs"
exec 9>"$top/lock"
if ! flock -n 9; then
    echo "fresh-check: another run holds $top/lock; waiting" >&2
    flock 9
fi

# --- mounts and cleanup ------------------------------------------------------
# Mount points under a directory, deepest first (from the kernel's table, so
# nothing is missed even if a previous run was killed hard).
mounts_under() {
    local d=$1
    awk -v d="$d" '{ gsub(/\\040/, " ", $2); if ($2 == d || index($2, d "/") == 1) print $2 }' \
        /proc/self/mounts | sort -r
}

# Processes whose root is the run copy were started by this script (inside the
# chroot); end them by pid so the mounts can go.
kill_chroot_procs() {
    local sig=$1 p r found=1
    for p in /proc/[0-9]*; do
        r=$(readlink "$p/root" 2>/dev/null) || continue
        if [ "$r" = "$run" ] || [ "${r#"$run"/}" != "$r" ]; then
            kill "-$sig" "${p#/proc/}" 2>/dev/null || true
            found=0
        fi
    done
    return $found
}

unmount_all() {
    local d=$1 m
    [ -d "$d" ] || return 0
    if kill_chroot_procs TERM; then
        sleep 2
        kill_chroot_procs KILL && sleep 1
    fi
    while read -r m; do
        [ -n "$m" ] || continue
        umount "$m" 2>/dev/null || umount -l "$m" || echo "fresh-check: could not unmount $m" >&2
    done < <(mounts_under "$d")
}

# Remove a rootfs copy, refusing while anything is still mounted inside it
# (rm -rf through a bind mount of /dev would be a disaster).
remove_tree() {
    local d=$1
    [ -e "$d" ] || return 0
    unmount_all "$d"
    if [ -n "$(mounts_under "$d")" ]; then
        echo "fresh-check: still mounted under $d, not deleting:" >&2
        mounts_under "$d" >&2
        return 1
    fi
    rm -rf --one-file-system "$d"
}

# shellcheck disable=SC2317  # invoked from the trap
cleanup() {
    local rc=$?
    trap - EXIT INT TERM HUP
    unmount_all "$run"
    if [ -n "$(mounts_under "$run")" ]; then
        echo "fresh-check: WARNING: mounts left under $run:" >&2
        mounts_under "$run" >&2
        [ "$rc" -ne 0 ] || rc=1
    elif [ "$keep" -eq 1 ]; then
        [ -d "$run/root/parallax" ] && echo "fresh-check: kept $run (tree: $run/root/parallax)" >&2
    else
        rm -rf --one-file-system "$run"
    fi
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

mount_chroot_fs() {
    local r=$1
    mkdir -p "$r/proc" "$r/sys" "$r/dev" "$r/dev/pts" "$r/dev/shm" "$r/etc"
    mount -t proc proc "$r/proc"
    mount --bind /sys "$r/sys"
    mount --make-rslave "$r/sys"
    mount --bind /dev "$r/dev"
    mount --make-rslave "$r/dev"
    mount --bind /dev/pts "$r/dev/pts"
    mount -t tmpfs -o mode=1777,nosuid,nodev shm "$r/dev/shm"
    # resolv.conf: bind the host's (read-only) over a plain file
    if [ -L "$r/etc/resolv.conf" ] || [ ! -f "$r/etc/resolv.conf" ]; then
        rm -f "$r/etc/resolv.conf"
        : >"$r/etc/resolv.conf"
    fi
    mount --bind "$(readlink -f /etc/resolv.conf)" "$r/etc/resolv.conf"
    mount -o remount,bind,ro "$r/etc/resolv.conf" 2>/dev/null || true
}

# Run a command line in the chroot with a clean environment, as root.
in_chroot() {
    local r=$1; shift
    chroot "$r" /usr/bin/env -i \
        HOME=/root USER=root LOGNAME=root SHELL=/bin/bash TERM="${TERM:-dumb}" \
        PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
        /bin/bash -c "$*"
}

# --- 1. the cached pristine rootfs ---------------------------------------------
host_mirror() {
    # The host's Debian mirror (deb822 or one-line sources), e.g. deb.debian.org.
    local u
    u=$(grep -hsE '^\s*URIs:\s*\S+/debian/?\s*$' /etc/apt/sources.list.d/*.sources 2>/dev/null \
        | awk '{print $2}' | head -n1)
    if [ -z "$u" ]; then
        u=$(grep -hsE '^\s*deb\s+(\[[^]]*\]\s+)?\S+/debian/?\s+bookworm' \
            /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null \
            | sed -E 's/^\s*deb\s+(\[[^]]*\]\s+)?//' | awk '{print $1}' | head -n1)
    fi
    echo "${u%/}"
}

t_all=$(now)
if [ "$reset" -eq 1 ]; then
    say "--reset: deleting the cached rootfs $base"
    remove_tree "$run"
    remove_tree "$base"
fi

if [ -f "$base/.px-fresh-complete" ] && [ "$(cat "$base/.px-fresh-complete")" != "$variant" ]; then
    echo "fresh-check: cached rootfs is variant '$(cat "$base/.px-fresh-complete")', not '$variant'; use --reset" >&2
    exit 2
fi

t_boot=0
if [ ! -f "$base/.px-fresh-complete" ]; then
    if ! command -v debootstrap >/dev/null; then
        say "installing debootstrap on the host"
        DEBIAN_FRONTEND=noninteractive apt-get install -y debootstrap
    fi
    mirror=${PX_FRESH_MIRROR:-$(host_mirror)}
    mirror=${mirror:-http://deb.debian.org/debian}
    secmirror=${mirror%/debian}/debian-security
    say "bootstrapping Debian 12 ($suite, variant $variant) from $mirror into $base"
    t0=$(now)
    remove_tree "$base"
    vopt=()
    [ "$variant" != default ] && vopt=(--variant="$variant")
    debootstrap "${vopt[@]}" --arch="$(dpkg --print-architecture)" \
        --keyring=/usr/share/keyrings/debian-archive-keyring.gpg \
        "$suite" "$base" "$mirror" 2>&1 | tee "$logs/debootstrap.log"
    # The apt sources a fresh Debian 12 install has: main, updates, security.
    cat >"$base/etc/apt/sources.list" <<EOF
deb $mirror $suite main
deb $mirror $suite-updates main
deb $secmirror $suite-security main
EOF
    # Standard for chroots/containers: no service may start during apt installs
    # (nothing runs an init here). Does not change which packages get installed.
    printf '#!/bin/sh\nexit 101\n' >"$base/usr/sbin/policy-rc.d"
    chmod 755 "$base/usr/sbin/policy-rc.d"
    # No package lists, no cached .debs: deps.sh must run apt-get update itself.
    rm -rf "$base"/var/lib/apt/lists/* "$base"/var/cache/apt/archives/*.deb
    mkdir -p "$base/var/lib/apt/lists/partial"
    echo "$variant" >"$base/.px-fresh-complete"
    t_boot=$(( $(now) - t0 ))
    echo "fresh-check: bootstrap took $(dur "$t_boot")"
else
    say "using cached rootfs $base (variant $variant; --reset to rebuild)"
fi

# --- 2. a pristine copy with the committed HEAD ----------------------------------
say "restoring a pristine copy into $run"
t0=$(now)
remove_tree "$run"
cp -a --reflink=auto "$base" "$run"
rm -f "$run/.px-fresh-complete"
commit=$(git -C "$repo" rev-parse HEAD)
subject=$(git -C "$repo" log -1 --format=%s "$commit")
mkdir -p "$run/root/parallax"
git -C "$repo" archive "$commit" | tar -x -C "$run/root/parallax"
echo "fresh-check: HEAD $commit ($subject), copied with git archive; copy took $(dur $(( $(now) - t0 )))"
dirty=$(git -C "$repo" status --porcelain --untracked-files=no | wc -l)
[ "$dirty" -eq 0 ] || echo "fresh-check: note: $dirty uncommitted change(s) in $repo are NOT part of this check"

# --- 3. mounts -----------------------------------------------------------------
mount_chroot_fs "$run"

# --- 4. the README's two commands --------------------------------------------------
step() {   # step NAME COMMAND -> sets rc_NAME, t_NAME
    local name=$1 cmd=$2 t0 rc
    say "chroot# cd /root/parallax && $cmd"
    t0=$(now)
    set +e
    in_chroot "$run" "cd /root/parallax && $cmd" 2>&1 | tee "$logs/$name.log"
    rc=${PIPESTATUS[0]}
    set -e
    printf -v "rc_$name" '%s' "$rc"
    printf -v "t_$name" '%s' "$(( $(now) - t0 ))"
    echo "fresh-check: '$cmd' exited $rc after $(dur $(( $(now) - t0 )))"
}

rc_demo=- rc_test=- t_demo=0 t_test=0
step demo "${runner}scripts/demo.sh"
step test "${runner}scripts/test.sh"

say "summary"
printf '  commit        %s\n' "$commit"
printf '  rootfs        Debian %s (%s), %s\n' "$(cat "$run/etc/debian_version")" "$variant" "$base"
[ "$t_boot" -gt 0 ] && printf '  debootstrap   %s\n' "$(dur "$t_boot")"
printf '  demo.sh       exit %s  %s  (log %s)\n' "$rc_demo" "$(dur "$t_demo")" "$logs/demo.log"
printf '  test.sh       exit %s  %s  (log %s)\n' "$rc_test" "$(dur "$t_test")" "$logs/test.log"
printf '  total         %s\n' "$(dur $(( $(now) - t_all )))"
if [ "$rc_demo" -eq 0 ] && [ "$rc_test" -eq 0 ]; then
    echo "fresh-check: PASS"
    exit 0
fi
echo "fresh-check: FAIL"
exit 1
