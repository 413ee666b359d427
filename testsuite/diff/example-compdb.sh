#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Writes the compilation database of the example tree (testsuite/vmstate-src layout) to
# $VMSTATE_COMPDB: every C file of $VMSTATE_SRC, compiled in $VMSTATE_BUILD the way
# vmstate-src.mk compiles it.  vmstate-diff runs it as its --compdb-cmd.
set -eu
: "${VMSTATE_SRC:?}" "${VMSTATE_BUILD:?}" "${VMSTATE_COMPDB:?}"
cd "$VMSTATE_SRC"
{
	echo '['
	sep=
	for f in vl.c $(find hw migration qom util -name '*.c' | LC_ALL=C sort); do
		o=obj/${f%.c}.o
		printf '%s{"directory": "%s", "file": "%s/%s", "output": "%s",\n' \
			"$sep" "$VMSTATE_BUILD" "$VMSTATE_SRC" "$f" "$o"
		printf ' "arguments": ["gcc", "-std=c11", "-D_GNU_SOURCE", "-O2", "-Wall", "-I%s/include", "-c", "%s/%s", "-o", "%s"]}\n' \
			"$VMSTATE_SRC" "$VMSTATE_SRC" "$f" "$o"
		sep=,
	done
	echo ']'
} >"$VMSTATE_COMPDB.tmp"
mv "$VMSTATE_COMPDB.tmp" "$VMSTATE_COMPDB"
