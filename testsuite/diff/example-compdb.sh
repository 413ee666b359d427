#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Writes the compilation database of the example tree (testsuite/vmstate-src layout) to
# $VMSTATE_COMPDB: every C file of $VMSTATE_SRC, compiled in $VMSTATE_BUILD the way
# vmstate-src.mk compiles it, and the units of its meson subprojects (each
# subprojects/NAME.wrap needs subprojects/NAME, as meson does).  vmstate-diff runs it as
# its --compdb-cmd.  EXAMPLE_CC and EXAMPLE_CFLAGS choose another compiler (tests of --cc).
set -eu
: "${VMSTATE_SRC:?}" "${VMSTATE_BUILD:?}" "${VMSTATE_COMPDB:?}"
cc=${EXAMPLE_CC:-gcc}
extra=${EXAMPLE_CFLAGS:+\"$EXAMPLE_CFLAGS\", }
cd "$VMSTATE_SRC"
subunits=
for wrap in subprojects/*.wrap; do
	[ -f "$wrap" ] || continue
	dir=${wrap%.wrap}
	if [ ! -d "$dir" ]; then
		echo "example-compdb: subproject $dir is missing (meson subprojects download)" >&2
		exit 1
	fi
	subunits="$subunits $(find "$dir" -name '*.c' | LC_ALL=C sort | tr '\n' ' ')"
done
{
	echo '['
	sep=
	for f in vl.c $(find hw migration qom util -name '*.c' | LC_ALL=C sort) $subunits; do
		o=obj/${f%.c}.o
		printf '%s{"directory": "%s", "file": "%s/%s", "output": "%s",\n' \
			"$sep" "$VMSTATE_BUILD" "$VMSTATE_SRC" "$f" "$o"
		printf ' "arguments": ["%s", %s"-std=c11", "-D_GNU_SOURCE", "-O2", "-Wall", "-I%s/include", "-c", "%s/%s", "-o", "%s"]}\n' \
			"$cc" "$extra" "$VMSTATE_SRC" "$VMSTATE_SRC" "$f" "$o"
		sep=,
	done
	echo ']'
} >"$VMSTATE_COMPDB.tmp"
mv "$VMSTATE_COMPDB.tmp" "$VMSTATE_COMPDB"
