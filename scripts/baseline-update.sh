#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Regenerates the committed baseline dumps of a QEMU-like tree (docs/baselines.md):
#   DIR/RELEASE/TARGET/MACHINE.json  for each machine type, and
#   DIR/RELEASE/TARGET/SOURCE        the commit and tool versions they were made from.
# The dumps are static (vmstate-diff --dump-to), so no emulator runs.
#
# usage: baseline-update.sh [-C REPO] [-d DIR] [-T NINJA-TARGET] -r RELEASE -t TARGET
#                           -m MACHINE [-m MACHINE]... [-- VMSTATE-DIFF-OPTION...]
#   -C REPO    the git repository (default: .)
#   -d DIR     the baseline directory, relative to REPO (default: tests/vmstate/baselines)
#   -r RELEASE a git revision of the release, such as v10.0.0; also the directory name
#   -t TARGET  the target name used in the layout, such as x86_64
#   -T NAME    the ninja target to restrict the units to, such as qemu-system-x86_64
#              (default: the repository's .vmstate-diff, if it says)
#   -m MACHINE a machine type; repeat for each
# Environment: VMSTATE_DIFF (the program; default vmstate-diff beside this script's
# build/, else on $PATH).
set -eu
usage() { sed -n '/^# usage:/,/^# Environment/p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
repo=. dir=tests/vmstate/baselines release= target= ninja_target= machines=
while getopts C:d:r:t:T:m:h opt; do
	case $opt in
	C) repo=$OPTARG ;;
	d) dir=$OPTARG ;;
	r) release=$OPTARG ;;
	t) target=$OPTARG ;;
	T) ninja_target=$OPTARG ;;
	m) machines="$machines $OPTARG" ;;
	*) usage ;;
	esac
done
shift $((OPTIND - 1))
[ "${1:-}" = -- ] && shift
[ -n "$release" ] && [ -n "$target" ] && [ -n "$machines" ] || usage
case $release$target in
*/*|*..*) echo "baseline-update: error: RELEASE and TARGET name directories: no '/' or '..'" >&2; exit 2 ;;
esac
here=$(cd "$(dirname "$0")" && pwd)
if [ -z "${VMSTATE_DIFF:-}" ]; then
	VMSTATE_DIFF=vmstate-diff
	[ -x "$here/../build/vmstate-diff" ] && VMSTATE_DIFF=$here/../build/vmstate-diff
fi
top=$(git -C "$repo" rev-parse --show-toplevel) || {
	echo "baseline-update: error: $repo is not a git work tree" >&2; exit 3; }
commit=$(git -C "$top" rev-parse --verify -q "$release^{commit}") || {
	echo "baseline-update: error: $release: not a revision of $top" >&2; exit 3; }
out=$top/$dir/$release/$target
mkdir -p "$out"
for m in $machines; do
	case $m in */*|*..*) echo "baseline-update: error: machine '$m' is not a file name" >&2; exit 2 ;; esac
	echo "baseline-update: $release $target $m -> $dir/$release/$target/$m.json" >&2
	(cd "$top" && "$VMSTATE_DIFF" ${ninja_target:+--target "$ninja_target"} --machine "$m" \
		--dump-to "$out/$m.json.tmp" "$@" "$commit") || { rm -f "$out/$m.json.tmp"; exit 3; }
	mv "$out/$m.json.tmp" "$out/$m.json"
done
{
	echo "release: $release"
	echo "commit: $commit"
	echo "target: $target"
	echo "machines:$machines"
	echo "made by: $("$VMSTATE_DIFF" --version) (static dumps: vmstate-diff --dump-to)"
} >"$out/SOURCE"
