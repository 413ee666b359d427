#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Benchmark of vmstate-diff on QEMU 10.0 x86_64 (issue 6 goals: a verdict under 10 s
# after a one-file change; a cold cache under half a normal build).
#   bench-qemu.sh BUILD_DIR [normal]
# It makes a git repository of QEMU's source in $VMSTATE_CACHE/diff-bench/qemu (commit
# v10.0.13, then a commit that changes one file), and times:
#   1. cold:   an empty vmstate-diff cache, v10.0.13 -> change (both worktrees configured,
#              every unit of qemu-system-x86_64 compiled once);
#   2. warm:   the same again (nothing to compile);
#   3. first run against the working tree (the change commit, clean: dest's worktree);
#   4. one-file change in the working tree, then vmstate-diff v10.0.13;
#   5. with "normal": a normal build (configure + ninja qemu-system-x86_64) to compare.
# Figures go to standard output and $VMSTATE_CACHE/diff-bench/results.txt.
set -euo pipefail
build=${1:?usage: bench-qemu.sh BUILD_DIR [normal]}
mode=${2:-}
VMSTATE_CACHE=${VMSTATE_CACHE:-$HOME/.cache/vmstate-plugin}
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
. "$top/scripts/qemu/common.sh"
qemu_parse_args QEMU=10.0 TARGET=x86_64
"$top/scripts/qemu-fetch.sh" QEMU=10.0 >/dev/null
srcdir=$(qemu_src_dir)
qemu_tool_env
bench=$VMSTATE_CACHE/diff-bench
repo=$bench/qemu
results=$bench/results.txt
mkdir -p "$bench"
export CCACHE_DISABLE=1

if ! git -C "$repo" rev-parse -q --verify v10.0.13 >/dev/null 2>&1; then
	echo "bench-qemu: making the repository $repo from $srcdir" >&2
	rm -rf "$repo"
	cp -R --no-preserve=ownership "$srcdir" "$repo"
	git -C "$repo" init -q
	git -C "$repo" config user.email bench@example.invalid
	git -C "$repo" config user.name bench
	# -f: the tarball ships files that QEMU's .gitignore names (subprojects/*).
	git -C "$repo" add -f -A
	git -C "$repo" commit -q -m "QEMU 10.0 (Debian source)"
	git -C "$repo" tag v10.0.13
fi
if ! git -C "$repo" rev-parse -q --verify change >/dev/null 2>&1; then
	git -C "$repo" checkout -q -f v10.0.13
	# One file: usb-kbd's version goes from 1 to 2.
	sed -i '/\.name = "usb-kbd",/{n;s/\.version_id = 1,/.version_id = 2,/}' "$repo/hw/usb/dev-hid.c"
	if git -C "$repo" diff --quiet; then
		echo "bench-qemu: the one-file change did not apply" >&2
		exit 1
	fi
	git -C "$repo" commit -q -am "usb-kbd: version 2"
	git -C "$repo" tag change
fi
git -C "$repo" checkout -q -f change

# A stable copy of the plugin: a rebuilt build/vmstate.so would empty the fragment cache
# (its content is part of every key) in the middle of the figures.
cp "$build/vmstate.so" "$bench/vmstate.so"
printf '%s\n' \
	'configure = "$VMSTATE_SRC/configure" --target-list=x86_64-softmmu --disable-docs --disable-werror --disable-modules --disable-install-blobs --disable-rust --disable-download' \
	'target = qemu-system-x86_64' \
	"cache-dir = $bench/cache" \
	"plugin = $bench/vmstate.so" \
	'jobs = 2' >"$repo/.vmstate-diff"

vd() { (cd "$repo" && "$build/vmstate-diff" -v "$@"); }
# timed NAME COMMAND...: wall seconds into ${NAME}_s, exit status into ${NAME}_status.
timed() {
	local name=$1
	shift
	local t0 t1 status=0
	t0=$(date +%s.%N)
	"$@" >"$bench/$name.out" 2>"$bench/$name.err" || status=$?
	t1=$(date +%s.%N)
	printf -v "${name}_s" '%.1f' "$(echo "$t1 - $t0" | bc)"
	printf -v "${name}_status" '%s' "$status"
	local v=${name}_s
	echo "bench-qemu: $name: ${!v} s, exit status $status" >&2
}

rm -rf "$bench/cache"
timed cold vd v10.0.13 change
timed warm vd v10.0.13 change
timed first_work vd v10.0.13
# The one-file change in the working tree: usb-ptr's version too.
sed -i '/\.name = "usb-ptr",/{n;s/\.version_id = 1,/.version_id = 3,/}' "$repo/hw/usb/dev-hid.c"
timed one_file vd v10.0.13
# A header that 35 units include.
echo '/* bench: a header change */' >>"$repo/include/hw/usb.h"
timed header vd v10.0.13
git -C "$repo" checkout -q -f change

units=$(sed -n 's/.*src: \([0-9]*\) units linked into.*/\1/p' "$bench/cold.err" | head -1)
normal_line=
if [ "$mode" = normal ]; then
	nb=$bench/normal-build
	rm -rf "$nb"
	mkdir -p "$nb"
	t0=$(date +%s.%N)
	(cd "$nb" && "$repo/configure" --target-list=x86_64-softmmu --disable-docs --disable-werror \
		--disable-modules --disable-install-blobs --disable-rust --disable-download >configure.log 2>&1 &&
		ninja -j2 qemu-system-x86_64 >build.log 2>&1)
	normal_s=$(printf '%.1f' "$(echo "$(date +%s.%N) - $t0" | bc)")
	normal_line="normal build (configure + ninja -j2 qemu-system-x86_64): ${normal_s} s"
fi
{
	echo "date: $(date -u +%Y-%m-%dT%H:%MZ); host: $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg)"
	echo "QEMU 10.0 x86_64 ($srcdir), $units units linked into qemu-system-x86_64, -j2"
	echo "cold cache, v10.0.13 -> change (2 configures, all units once): ${cold_s} s (exit ${cold_status})"
	echo "warm, same revisions (nothing compiled): ${warm_s} s (exit ${warm_status})"
	echo "first run against the (clean) working tree: ${first_work_s} s"
	echo "one-file change in the working tree, vmstate-diff v10.0.13: ${one_file_s} s (exit ${one_file_status})"
	grep -h 'compiling' "$bench/one_file.err" | sed 's/^/  /' || true
	echo "header change (include/hw/usb.h) in the working tree: ${header_s} s (exit ${header_status})"
	grep -h 'compiling' "$bench/header.err" | sed 's/^/  /' || true
	if [ -n "$normal_line" ]; then echo "$normal_line"; fi
} | tee "$results"
