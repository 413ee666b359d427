#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Makes a git repository of the example tree: commit "v1" (tag v1) is
# testsuite/vmstate-src, commit "v2" (tag v2) is v1 + v2.patch.
#   make-example-repo.sh VMSTATE_SRC_DIR REPO_DIR
set -eu
[ $# -eq 2 ] || { echo "usage: $0 VMSTATE_SRC_DIR REPO_DIR" >&2; exit 2; }
src=$1 repo=$2
here=$(cd "$(dirname "$0")" && pwd)
rm -rf "$repo"
mkdir -p "$repo"
cp -R "$src/include" "$src/hw" "$src/migration" "$src/qom" "$src/util" "$src/vl.c" "$repo/"
# A plain Makefile too, for the test of a make-built tree (bear).
cp "$here/example.mk" "$repo/Makefile"
cd "$repo"
git init -q
git config user.email vmstate-diff-test@example.invalid
git config user.name "vmstate-diff test"
git config commit.gpgsign false
git add -A
git commit -q -m v1
git tag v1
git apply -p1 "$src/v2.patch"
git add -A
git commit -q -m v2
git tag v2
