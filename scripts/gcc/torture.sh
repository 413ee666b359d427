#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# `make torture GCC=N`: GCC's own gcc.c-torture/compile suite, from Debian's
# gcc-12-source package, compiled with and without the plugin by GCC N (in its Debian
# root for 13 to 15); see scripts/gcc/torture.py for what must hold.  Results in
# build/gccN/torture/ (summary.txt, problems.txt).
#
# Usage: scripts/gcc/torture.sh N    (run from the top of the work tree, as root)
set -eu

gcc=${1:?usage: torture.sh GCC (11, 12, 13, 14 or 15)}
here=$(cd "$(dirname "$0")" && pwd)
cache=${VMSTATE_CACHE:-$HOME/.cache/vmstate-plugin}
build=build/gcc$gcc
tarball=/usr/src/gcc-12/gcc-12.2.0-dfsg.tar.xz
member=gcc-12.2.0/gcc/testsuite/gcc.c-torture/compile
src=$cache/torture/$member

if [ ! -f "$tarball" ]; then
	echo "torture.sh: installing Debian's gcc-12-source (GCC's testsuite)"
	DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -q \
		--no-install-recommends gcc-12-source >/dev/null
fi
if [ ! -d "$src" ]; then
	# Through a temporary folder: an interrupted unpack leaves nothing half done.
	rm -rf "$cache/torture.tmp"
	mkdir -p "$cache/torture.tmp"
	tar -xJf "$tarball" -C "$cache/torture.tmp" --wildcards "$member/*"
	mkdir -p "$cache/torture"
	rm -rf "$cache/torture/gcc-12.2.0"
	mv "$cache/torture.tmp/gcc-12.2.0" "$cache/torture/"
	rmdir "$cache/torture.tmp"
fi

"$here/in-root.sh" "$gcc" sh -c 'make --no-print-directory BUILD="$0" CC=$CC CXX=$CXX -j2 "$0/vmstate.so"' \
	"$build" >/dev/null
rm -rf "$build/torture"
mkdir -p "$build/torture"
exec "$here/in-root.sh" "$gcc" sh -c 'exec nice -n 10 python3 "$0" --cc $CC --plugin "$1" --src "$2" --out "$3"' \
	"$here/torture.py" "$(pwd)/$build/vmstate.so" "$src" "$(pwd)/$build/torture"
