#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Makes the v2 tree: a copy of the v1 sources in SRC with SRC/v2.patch applied, in DST.
#   make-v2-tree.sh SRC DST
set -eu
[ $# -eq 2 ] || { echo "usage: $0 SRC DST" >&2; exit 2; }
src=$1 dst=$2
rm -rf "$dst"
mkdir -p "$dst"
cp -R "$src/include" "$src/hw" "$src/migration" "$src/qom" "$src/util" "$src/vl.c" "$dst/"
# patch is not on every fresh machine; git is wherever this repository was cloned.
if command -v patch >/dev/null 2>&1; then
	patch -s -p1 -d "$dst" <"$src/v2.patch" ||
		{ echo "$0: error: $src/v2.patch does not apply to the v1 sources" >&2; exit 1; }
else
	(cd "$dst" && git apply -p1 -) <"$src/v2.patch" ||
		{ echo "$0: error: $src/v2.patch does not apply to the v1 sources" >&2; exit 1; }
fi
