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

sum=$build/testsuite/plugin/vmstate.sum
rm -f "$sum"
step dejagnu in_root check-plugin
passes=$(grep -c '^PASS:' "$sum" 2>/dev/null)
fails=$(grep -c '^\(FAIL\|XPASS\|UNRESOLVED\|ERROR\):' "$sum" 2>/dev/null)
unsupported=$(grep -c '^UNSUPPORTED:' "$sum" 2>/dev/null)
codegen_pass=$(grep -c '^PASS: same code' "$sum" 2>/dev/null)
codegen_all=$(grep -c '^[A-Z]*: same code' "$sum" 2>/dev/null)
refuses_dg=$(grep -o '^[A-Z]*: refuses another GCC.*' "$sum" 2>/dev/null)

step example in_root -j2 check-vmstate-src

# The plugins built for the other GCCs (build/gccM/vmstate.so, from their own check-gcc
# runs) loaded into this one: each must stop with the plugin's own message, not with
# dlopen's "undefined symbol" nor a crash.
others=$(ls build/gcc*/vmstate.so 2>/dev/null | grep -v "^$build/" || true)
refuse_others() {
	"$here/in-root.sh" "$gcc" sh -c '
		for so; do
			echo "== $CC -fplugin=$so"
			if $CC -fplugin="$so" -c -x c /dev/null -o /dev/null 2>"$0/refuse.err"; then
				echo "loaded"; exit 1
			fi
			cat "$0/refuse.err"
			grep -q "error: vmstate: .* was built for GCC .* and cannot be loaded into GCC" \
				"$0/refuse.err" || exit 1
		done' "$build" $others
}
step refuses refuse_others

version=$("$here/in-root.sh" "$gcc" sh -c '$CC -dumpfullversion')
others_list=$(echo $others | sed 's,build/gcc\([0-9]*\)/vmstate.so,\1,g; s/ /, /g')
row="| $gcc | $version | $builds | $loads | $passes passed, $fails failed, $unsupported unsupported | $codegen_pass/$codegen_all | $example | ${refuses_dg:-none}; plugins of GCC ${others_list:-none}: $refuses |"
echo "$row" | tee "$build/matrix-row.txt"
exit $fail
