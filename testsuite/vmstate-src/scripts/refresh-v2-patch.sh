#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Rewrites v2.patch from an edited v2 tree (made by make-v2-tree.sh, then changed).
#   refresh-v2-patch.sh SRC V2DIR
set -eu
[ $# -eq 2 ] || { echo "usage: $0 SRC V2DIR" >&2; exit 2; }
src=$1 v2=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/a" "$tmp/b"
cp -R "$src/include" "$src/hw" "$src/migration" "$src/qom" "$src/util" "$src/vl.c" "$tmp/a/"
cp -R "$v2/include" "$v2/hw" "$v2/migration" "$v2/qom" "$v2/util" "$v2/vl.c" "$tmp/b/"
# Without timestamps, so that the patch only changes when the sources do.
(cd "$tmp" && diff -ruN a b || true) |
	sed -E 's/^((---|\+\+\+) [^\t]*)\t.*/\1/' >"$src/v2.patch"
