#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# `make fidelity-gcc GCC=N QEMU=10.0 TARGET=x86_64`: the whole QEMU fidelity run
# (scripts/qemu-fidelity.sh) with the plugin, the tools and QEMU itself built by GCC N,
# in its Debian root.  QEMU's source comes from the shared cache (make qemu-fetch, on the
# host); its builds and reports go to a cache of their own, $VMSTATE_CACHE/gccN-cache, so
# they never mix with the host GCC's.  The root's own meson (trixie: 1.7) replaces the
# bookworm-backports one.
#
# Usage: scripts/gcc/fidelity.sh N QEMU TARGET    (run from the top of the work tree)
set -eu

gcc=${1:?usage: fidelity.sh GCC QEMU TARGET}
qemu=${2:-10.0}
target=${3:-x86_64}
here=$(cd "$(dirname "$0")" && pwd)
cache=${VMSTATE_CACHE:-$HOME/.cache/vmstate-plugin}
own=$cache/gcc$gcc-cache

srcdir_file=$cache/debian-src/qemu-$qemu.srcdir
[ -r "$srcdir_file" ] || { echo "fidelity.sh: $srcdir_file: missing; run make qemu-fetch QEMU=$qemu first" >&2; exit 2; }
mkdir -p "$own/debian-src" "$own/tools/bookworm-backports/usr/bin"
cp "$srcdir_file" "$own/debian-src/"
# qemu-build.sh checks the fetch first: hard links to the downloaded source package.
for f in "$cache"/debian-src/qemu_*; do
	[ -e "$own/debian-src/${f##*/}" ] || ln "$f" "$own/debian-src/"
done
ln -sfn /usr/bin/meson "$own/tools/bookworm-backports/usr/bin/meson"

exec "$here/in-root.sh" "$gcc" sh -c 'exec make --no-print-directory BUILD="$0" CC=$CC CXX=$CXX \
	VMSTATE_CACHE="$1" QEMU="$2" TARGET="$3" fidelity' "build/gcc$gcc" "$own" "$qemu" "$target"
