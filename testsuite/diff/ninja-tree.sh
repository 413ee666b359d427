#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# A --configure command for vmstate-diff's tests: writes, in the current (build)
# directory, a build.ninja for the example tree at $VMSTATE_SRC and its
# compile_commands.json.  Target vmstate-src links the tree plus extra/version-user.c,
# which includes a header that a ninja rule generates; target other-program links
# extra/extra-device.c, a device that must not show in vmstate-src's dump, and the units
# of hw/core/, migration/, qom/ and util/, which both targets share.
#   ninja-tree.sh TESTSUITE_DIFF_DIR
set -eu
here=${1:?usage: ninja-tree.sh TESTSUITE_DIFF_DIR}
: "${VMSTATE_SRC:?}"
cd "$VMSTATE_SRC"
srcs="vl.c $(find hw migration qom util subprojects -name '*.c' | LC_ALL=C sort | tr '\n' ' ')"
# Units both programs link (the targets share them, as QEMU's emulators do).
shared="$(find hw/core migration qom util -name '*.c' | LC_ALL=C sort | sed 's|^\(.*\)\.c$|obj/\1.o|' | tr '\n' ' ')"
cd - >/dev/null
{
	# Relative to the build directory, as meson writes it (../src/hw/...).
	echo "src = $(realpath --relative-to=. "$VMSTATE_SRC")"
	echo "cflags = -std=c11 -D_GNU_SOURCE -O2 -I\$src/include -Igen"
	echo 'rule cc'
	echo '  command = gcc $cflags -MD -MF $out.d -c $in -o $out'
	echo '  depfile = $out.d'
	echo '  deps = gcc'
	echo 'rule link'
	echo '  command = gcc -o $out $in'
	echo 'rule gen'
	echo '  command = echo "#define EXTRA_VERSION 7" > $out'
	echo 'build gen/extra-version.h: gen'
	objs=
	for f in $srcs; do
		echo "build obj/${f%.c}.o: cc \$src/$f"
		objs="$objs obj/${f%.c}.o"
	done
	echo "build obj/extra/version-user.o: cc $here/extra/version-user.c || gen/extra-version.h"
	echo "build obj/extra/extra-device.o: cc $here/extra/extra-device.c || gen/extra-version.h"
	echo "build vmstate-src: link$objs obj/extra/version-user.o"
	echo "build other-program: link obj/extra/extra-device.o $shared"
	echo "default vmstate-src"
} >build.ninja
ninja -t compdb cc >compile_commands.json
