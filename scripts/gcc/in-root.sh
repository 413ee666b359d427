#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Run a command with a given GCC of the matrix: on the host for the GCCs Debian 12 has
# (11, 12), else in the Debian root that holds it (scripts/gcc/roots.sh): trixie for 13
# and 14, sid for 15.  In a root the current directory and $VMSTATE_CACHE are
# bind-mounted at the same paths, in a private mount namespace, so nothing stays
# mounted when the command ends.
#
# Usage: scripts/gcc/in-root.sh GCC COMMAND [ARG...]    (GCC: 11, 12, 13, 14 or 15)
# The command sees CC=gcc-GCC and CXX=g++-GCC in its environment.
set -eu

die() { echo "in-root.sh: $*" >&2; exit 2; }

[ $# -ge 2 ] || die "usage: in-root.sh GCC COMMAND [ARG...]"
gcc=$1
shift
cache=${VMSTATE_CACHE:-$HOME/.cache/vmstate-plugin}
case $gcc in
11|12) suite= ;;
13|14) suite=trixie ;;
15) suite=sid ;;
*) die "unknown GCC '$gcc' (expected 11, 12, 13, 14 or 15)" ;;
esac

export CC=gcc-$gcc CXX=g++-$gcc VMSTATE_CACHE="$cache"
if [ -z "$suite" ]; then
	command -v "$CC" >/dev/null && command -v "$CXX" >/dev/null ||
		die "$CC or $CXX is not installed (apt-get install gcc-$gcc g++-$gcc gcc-$gcc-plugin-dev)"
	exec "$@"
fi

root=$cache/gcc-roots/$suite
[ -x "$root/usr/bin/$CC" ] ||
	die "no $CC in $root; make the root first: scripts/gcc/roots.sh $suite"
[ "$(id -u)" -eq 0 ] || die "must run as root (chroot)"

here=$(pwd)
mkdir -p "$root$here" "$root$cache"
# The quoted script runs in the new mount namespace; its arguments follow.
exec unshare --mount --propagation private sh -euc '
	root=$1 here=$2 cache=$3
	shift 3
	mount -t proc proc "$root/proc"
	mount --bind /dev "$root/dev"
	mount --bind /dev/pts "$root/dev/pts"
	mount --bind "$cache" "$root$cache"
	mount --bind "$here" "$root$here"
	cd /
	exec chroot "$root" sh -c "cd \"\$0\" && exec \"\$@\"" "$here" "$@"
' in-root "$root" "$here" "$cache" "$@"
