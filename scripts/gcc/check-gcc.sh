#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# One row of the GCC matrix (docs/gcc-matrix.md): build the plugin with GCC N (in its
# Debian root for 13 to 15), install it by name into a scratch DESTDIR and load it as
# -fplugin=vmstate, run the DejaGnu suite (check-plugin, whose "same code" cases are the
# codegen-unchanged tests) and the example tree's static-versus-runtime test
# (check-vmstate-src).  Everything goes to build/gccN/; the row is printed last and
# written to build/gccN/matrix-row.txt.
#
# Usage: scripts/gcc/check-gcc.sh N    (run from the top of the work tree, as root)
set -u

gcc=${1:?usage: check-gcc.sh GCC (11, 12, 13, 14 or 15)}
build=build/gcc$gcc
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$build"
log=$build/check-gcc.log
: >"$log"

# make for GCC N, in its root: the tools and the example tree are built with it too.
in_root() {
	"$here/in-root.sh" "$gcc" sh -c 'make --no-print-directory BUILD="$0" CC=$CC CXX=$CXX "$@"' \
		"$build" "$@"
}

fail=0
step() {
	name=$1
	shift
	if "$@" >>"$log" 2>&1; then
		eval "$name=yes"
	else
		eval "$name=FAIL"
		fail=1
		echo "check-gcc $gcc: FAIL: $name (log: $log)" >&2
	fi
}

step builds in_root -j2 "$build/vmstate.so"

# Install by name: GCC finds the plugin in its own plugin directory; -iplugindir points
# it at the same directory under the scratch DESTDIR.
loads_case() {
	dest=$(pwd)/$build/install
	rm -rf "$dest"
	in_root DESTDIR="$dest" install-plugin || return 1
	"$here/in-root.sh" "$gcc" sh -euc '
		dest=$1 build=$2
		dir=$($CC -print-file-name=plugin)
		printf "%s\n" "#include \"qemu-like.h\"" \
			"const VMStateDescription vmstate_x = { \"x\", false, 7 };" >"$build/load.c"
		$CC -O2 -Itestsuite/plugin -iplugindir="$dest$dir" -fplugin=vmstate \
			-c "$build/load.c" -o "$build/load.o"
		python3 testsuite/plugin/lib/fragments.py --count 1 \
			--expr "vmsd(\"vmstate_x\")[\"version_id\"] == 7" "$build/load.o"
		test -f "$dest/usr/local/lib/vmstate-plugin/vmstate.so"
	' sh "$dest" "$build"
}
step loads loads_case

step dejagnu in_root check-plugin
sum=$build/testsuite/plugin/vmstate.sum
passes=$(grep -c '^PASS:' "$sum" 2>/dev/null)
fails=$(grep -c '^\(FAIL\|XPASS\|UNRESOLVED\|ERROR\):' "$sum" 2>/dev/null)
unsupported=$(grep -c '^UNSUPPORTED:' "$sum" 2>/dev/null)
codegen_pass=$(grep -c '^PASS: same code' "$sum" 2>/dev/null)
codegen_all=$(grep -c '^[A-Z]*: same code' "$sum" 2>/dev/null)
refuses=$(grep -o '^[A-Z]*: refuses another GCC.*' "$sum" 2>/dev/null)

step example in_root -j2 check-vmstate-src

version=$("$here/in-root.sh" "$gcc" sh -c '$CC -dumpfullversion')
row="| $gcc | $version | $builds | $loads | $passes passed, $fails failed, $unsupported unsupported | $codegen_pass/$codegen_all | $example | ${refuses:-none} |"
echo "$row" | tee "$build/matrix-row.txt"
exit $fail
