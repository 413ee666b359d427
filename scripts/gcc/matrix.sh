#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# `make gcc-matrix`: the whole GCC matrix of docs/gcc-matrix.md, one GCC at a time under
# nice: the roots, the five plugins, check-gcc for each (after all are built, so that
# each GCC is also shown every other GCC's plugin), then the torture run for each
# (TORTURE=no leaves it out).  The tables go to build/gcc-matrix.txt.
#
# Usage: scripts/gcc/matrix.sh [GCC...]    (default: 11 12 13 14 15)
set -u

here=$(cd "$(dirname "$0")" && pwd)
gccs=${*:-11 12 13 14 15}
out=build/gcc-matrix.txt
mkdir -p build

nice -n 10 "$here/roots.sh" || exit 1
for gcc in $gccs; do
	"$here/in-root.sh" "$gcc" sh -c 'nice -n 10 make --no-print-directory BUILD="$0" CC=$CC CXX=$CXX -j2 "$0/vmstate.so"' \
		"build/gcc$gcc" >/dev/null || echo "matrix.sh: the plugin does not build with GCC $gcc" >&2
done

status=0
{
	echo "| GCC | version | builds | loads by name | DejaGnu (check-plugin) | codegen unchanged | check-vmstate-src | refuses another GCC |"
	echo "| --- | --- | --- | --- | --- | --- | --- | --- |"
} >"$out"
for gcc in $gccs; do
	nice -n 10 "$here/check-gcc.sh" "$gcc" >/dev/null || status=1
	cat "build/gcc$gcc/matrix-row.txt" >>"$out"
done
if [ "${TORTURE:-yes}" != no ]; then
	echo >>"$out"
	for gcc in $gccs; do
		"$here/torture.sh" "$gcc" >/dev/null || status=1
		{ echo "GCC $gcc:"; cat "build/gcc$gcc/torture/summary.txt"; } >>"$out"
	done
fi
cat "$out"
exit $status
