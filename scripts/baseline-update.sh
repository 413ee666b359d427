#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Regenerates the committed baseline dumps of a QEMU-like tree (docs/baselines.md):
#   DIR/RELEASE/TARGET/MACHINE.json  for each machine type, and
#   DIR/RELEASE/TARGET/SOURCE        the commit and tool versions they were made from.
# The dumps are static (vmstate-diff --dump-to), so no emulator runs.
#
# Installed as vmstate-baseline-update (man page: docs/man/vmstate-baseline-update.1).
prog=vmstate-baseline-update
# The project's one version (plugin/vmstate-plugin.h): make install writes it in here;
# run from the source tree, it is read from there.
version=@VERSION@
usage() {
	cat <<'USAGE'
Usage: vmstate-baseline-update [-C REPO] [-d DIR] [-T NINJA-TARGET] -r RELEASE -t TARGET
                               -m MACHINE [-m MACHINE]... [-- VMSTATE-DIFF-OPTION...]
Write the committed baseline dumps of a release of a QEMU-like tree, one per machine
type, as DIR/RELEASE/TARGET/MACHINE.json, and DIR/RELEASE/TARGET/SOURCE (the commit and
tool versions they were made from).  The dumps are static (vmstate-diff --dump-to): no
emulator runs.

  -C REPO       the git repository (default: .)
  -d DIR        the baseline directory, relative to REPO
                (default: tests/vmstate/baselines)
  -r RELEASE    a git revision of the release, such as v10.0.0; also the directory name
  -t TARGET     the target name used in the layout, such as x86_64
  -T NAME       the ninja target to restrict the units to, such as qemu-system-x86_64
                (default: what the repository's .vmstate-diff says)
  -m MACHINE    a machine type; repeat for each
  -- OPTION...  passed to vmstate-diff
  -h, --help    print this help and exit
      --version print the version and exit

Environment: VMSTATE_DIFF, the vmstate-diff program (default: the one beside this
script's build/, else vmstate-diff on $PATH).

Exit status: 0 done, 2 usage error, 3 failure (no such revision, vmstate-diff failed);
a failure leaves the previous files in place.  See docs/baselines.md.
USAGE
}
usage_error() {
	echo "$prog: error: $*" >&2
	echo "Try '$prog --help'." >&2
	exit 2
}
here=$(cd "$(dirname "$0")" && pwd)
case $version in
@*) version=$(sed -n 's/^#define VMSTATE_PLUGIN_VERSION "\(.*\)"$/\1/p' "$here/../plugin/vmstate-plugin.h" 2>/dev/null) ;;
esac
# Long options, which getopts does not know, up to the first --.
for arg; do
	case $arg in
	--) break ;;
	--help) usage; exit 0 ;;
	--version) echo "$prog (vmstate-plugin) ${version:-unknown}"; exit 0 ;;
	--*) usage_error "unknown option '$arg'" ;;
	esac
done
repo=. dir=tests/vmstate/baselines release= target= ninja_target= machines=
while getopts :C:d:r:t:T:m:h opt; do
	case $opt in
	C) repo=$OPTARG ;;
	d) dir=$OPTARG ;;
	r) release=$OPTARG ;;
	t) target=$OPTARG ;;
	T) ninja_target=$OPTARG ;;
	m) machines="$machines $OPTARG" ;;
	h) usage; exit 0 ;;
	:) usage_error "option -$OPTARG needs a value" ;;
	*) usage_error "unknown option '-$OPTARG'" ;;
	esac
done
shift $((OPTIND - 1))
[ "${1:-}" = -- ] && shift
[ -n "$release" ] || usage_error "no release: give -r RELEASE"
[ -n "$target" ] || usage_error "no target: give -t TARGET"
[ -n "$machines" ] || usage_error "no machine type: give -m MACHINE at least once"
case $release$target in
*/*|*..*) usage_error "RELEASE and TARGET name directories: no '/' or '..'" ;;
esac
for m in $machines; do
	case $m in */*|*..*) usage_error "machine '$m' is not a file name" ;; esac
done
if [ -z "${VMSTATE_DIFF:-}" ]; then
	VMSTATE_DIFF=vmstate-diff
	[ -x "$here/../build/vmstate-diff" ] && VMSTATE_DIFF=$here/../build/vmstate-diff
fi
top=$(git -C "$repo" rev-parse --show-toplevel) || {
	echo "$prog: error: $repo is not a git work tree" >&2; exit 3; }
commit=$(git -C "$top" rev-parse --verify -q "$release^{commit}") || {
	echo "$prog: error: $release: not a revision of $top" >&2; exit 3; }
out=$top/$dir/$release/$target
mkdir -p "$out"
for m in $machines; do
	echo "$prog: $release $target $m -> $dir/$release/$target/$m.json" >&2
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
