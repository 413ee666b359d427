#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Makes a git repository of the example tree shaped like a clone of QEMU: commit "v1"
# (tag v1) is testsuite/vmstate-src, commit "v2" (tag v2) is v1 + v2.patch.  Like QEMU,
# it tracks a meson subproject's .wrap file (subprojects/keymaps.wrap, a wrap-git) and
# ignores the subproject's directory, which is fetched once into the working tree the
# way meson does (`meson subprojects download`); the upstream it came from is then
# removed, so that nothing can download it again.
#   make-example-repo.sh VMSTATE_SRC_DIR REPO_DIR
set -eu
[ $# -eq 2 ] || { echo "usage: $0 VMSTATE_SRC_DIR REPO_DIR" >&2; exit 2; }
src=$1 repo=$2
here=$(cd "$(dirname "$0")" && pwd)
upstream=$repo.keymaps-upstream
rm -rf "$repo" "$upstream"
mkdir -p "$repo" "$upstream"

# The subproject's upstream: a unit the tree's build compiles (it has no vmstate).
git -C "$upstream" init -q
cp "$here/extra/keymap.c" "$upstream/keymap.c"
echo "project('keymaps', 'c')" >"$upstream/meson.build"
git -C "$upstream" add -A
git -C "$upstream" -c user.email=t@example.invalid -c user.name=t commit -q -m keymaps

cp -R "$src/include" "$src/hw" "$src/migration" "$src/qom" "$src/util" "$src/vl.c" "$repo/"
# A plain Makefile too, for the test of a make-built tree (bear).
cp "$here/example.mk" "$repo/Makefile"
echo "project('vmstate-src', 'c')" >"$repo/meson.build"
mkdir "$repo/subprojects"
printf '[wrap-git]\nurl = %s\nrevision = HEAD\ndepth = 1\n' "$upstream" >"$repo/subprojects/keymaps.wrap"
echo /keymaps >"$repo/subprojects/.gitignore"
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

# Fetched once, as a clone's first build does.
if command -v meson >/dev/null 2>&1; then
	# meson lets git's progress through on stderr; show it only when the fetch fails.
	meson subprojects download keymaps >"$repo.fetch.log" 2>&1 ||
		{ cat "$repo.fetch.log" >&2; rm -f "$repo.fetch.log"; exit 1; }
	rm -f "$repo.fetch.log"
else
	git clone -q "$upstream" subprojects/keymaps
fi
[ -f subprojects/keymaps/keymap.c ] || { echo "$0: the subproject was not fetched" >&2; exit 1; }
rm -rf "$upstream"
