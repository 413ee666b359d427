#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Benchmark of vmstate-diff on QEMU 10.0 x86_64 (issue 6 goals: a verdict under 10 s
# after a one-file change; a cold cache under half a normal build).
#   bench-qemu.sh BUILD_DIR [normal]
# Every run is timed in wall and CPU seconds (user + system of all its processes).
# It makes a git repository of QEMU's source in $VMSTATE_CACHE/diff-bench/qemu (commit
# v10.0.13, then a commit that changes one file), and times:
#   1. cold:   an empty vmstate-diff cache, v10.0.13 -> change (one build directory, as
#              the revisions differ in one .c file; every unit of qemu-system-x86_64
#              compiled once, with a precompiled qemu/osdep.h); its v10.0.13 dump is
#              compared with the fidelity run's -dump-vmstate of the same source;
#   2. warm:   the same again (nothing to compile);
#   3. first run against the working tree (the change commit, clean: dest's worktree);
#   4. one-file change in the working tree, then vmstate-diff v10.0.13;
#   5. with "normal": a normal build (configure + ninja -j2 qemu-system-x86_64, no
#      ccache), right after, to compare with.
# Figures go to standard output and $VMSTATE_CACHE/diff-bench/results.txt.
set -euo pipefail
build=${1:?usage: bench-qemu.sh BUILD_DIR [normal]}
mode=${2:-}
here=$(cd "$(dirname "$0")" && pwd)
timed_prefix=${VMSTATE_CACHE:-$HOME/.cache/vmstate-plugin}/diff-bench/ timed_label=bench-qemu
. "$here/bench-common.sh"
srcdir=$new_src
repo=$bench/qemu
results=$bench/results.txt

# Shaped like a clone: what QEMU's .gitignore ignores (the subprojects meson fetches)
# stays untracked in the working tree.  A repository made before, with them committed,
# is made again.
if ! git -C "$repo" rev-parse -q --verify v10.0.13 >/dev/null 2>&1 ||
	[ -n "$(git -C "$repo" ls-files subprojects/keycodemapdb | head -n 1)" ]; then
	echo "bench-qemu: making the repository $repo from $srcdir" >&2
	rm -rf "$repo"
	cp -R --no-preserve=ownership "$srcdir" "$repo"
	git -C "$repo" init -q
	git -C "$repo" config user.email bench@example.invalid
	git -C "$repo" config user.name bench
	# No background gc --auto after the big commits: the gc below would find it running.
	git -C "$repo" config gc.auto 0
	git -C "$repo" add -A
	git -C "$repo" commit -q -m "QEMU 10.0 (Debian source)"
	git -C "$repo" tag v10.0.13
	# Packed, as a clone is: worktrees check out from packs.
	git -C "$repo" gc -q
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
	'pch = qemu/osdep.h' \
	"cache-dir = $bench/cache" \
	"plugin = $bench/vmstate.so" \
	'jobs = 2' >"$repo/.vmstate-diff"

vd() { local name=$1; shift; timed "$name" "$repo" "$build/vmstate-diff" -v "$@"; }

rm -rf "$bench/cache" "$bench/dumps"
vd cold -o "$bench/dumps" v10.0.13 change
vd warm v10.0.13 change
vd first_work v10.0.13
# The one-file change in the working tree: usb-ptr's version too.
sed -i '/\.name = "usb-ptr",/{n;s/\.version_id = 1,/.version_id = 3,/}' "$repo/hw/usb/dev-hid.c"
vd one_file v10.0.13
# A header that 35 units include.
echo '/* bench: a header change */' >>"$repo/include/hw/usb.h"
vd header v10.0.13
git -C "$repo" checkout -q -f change

# The cold run's dumps: v10.0.13's against the binary's own -dump-vmstate (make fidelity
# QEMU=10.0), and change's against v10.0.13's (one section differs: usb-kbd).
truth=$VMSTATE_CACHE/fidelity/qemu-10.0-x86_64/latest/truth.json
fidelity_line="fidelity of the cold run's v10.0.13 dump: no truth.json (run make fidelity QEMU=10.0)"
if [ -f "$truth" ] && [ -f "$bench/dumps/src.json" ]; then
	fidelity_line="fidelity of the cold run's v10.0.13 dump against $truth: $("$build/vmstate-dumpcmp" "$truth" "$bench/dumps/src.json" | tail -n 1 || true)"
fi
shared_line=
if [ -f "$bench/dumps/dest.json" ]; then
	# vmstate-dumpcmp exits 1 when the dumps differ, as these do.
	shared_line="change's dump (made in v10.0.13's build directory) against v10.0.13's: $("$build/vmstate-dumpcmp" "$bench/dumps/src.json" "$bench/dumps/dest.json" | tr '\n' ';' || true)"
fi

units=$(sed -n 's/.*src: \([0-9]*\) units linked into.*/\1/p' "$bench/cold.err" | head -1)
normal_line=
ratio_line=
if [ "$mode" = normal ]; then
	nb=$bench/normal-build
	rm -rf "$nb"
	mkdir -p "$nb"
	timed normal "$nb" sh -c "'$repo/configure' --target-list=x86_64-softmmu --disable-docs \
		--disable-werror --disable-modules --disable-install-blobs --disable-rust \
		--disable-download && ninja -j2 qemu-system-x86_64"
	normal_line="normal build (configure + ninja -j2 qemu-system-x86_64): ${normal_s} s wall, ${normal_cpu} s CPU (exit ${normal_status})"
	ratio_line="cold / normal: $(python3 -c "import sys; a,b,c,d=map(float,sys.argv[1:]); print(f'{a/b:.2f} in wall time, {c/d:.2f} in CPU time')" \
		"$cold_s" "$normal_s" "$cold_cpu" "$normal_cpu")"
fi
{
	echo "date: $(date -u +%Y-%m-%dT%H:%MZ); host: $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg)"
	echo "QEMU 10.0 x86_64 ($srcdir), $units units linked into qemu-system-x86_64, -j2"
	echo "plugin: sha256 $(sha256sum "$bench/vmstate.so" | cut -c1-16); vmstate-diff $("$build/vmstate-diff" --version)"
	echo "cold cache, v10.0.13 -> change: ${cold_s} s wall, ${cold_cpu} s CPU (exit ${cold_status})"
	grep -h -e 'uses the build directory' -e 'configuring' -e 'compiling' -e 'compiled' \
		-e 'precompiled' -e 'build plan' "$bench/cold.err" | sed 's/^/  /' || true
	echo "  $fidelity_line"
	if [ -n "$shared_line" ]; then echo "  $shared_line"; fi
	echo "warm, same revisions (nothing compiled): ${warm_s} s (exit ${warm_status})"
	echo "first run against the (clean) working tree: ${first_work_s} s"
	echo "one-file change in the working tree, vmstate-diff v10.0.13: ${one_file_s} s (exit ${one_file_status})"
	grep -h 'compiling' "$bench/one_file.err" | sed 's/^/  /' || true
	echo "header change (include/hw/usb.h) in the working tree: ${header_s} s (exit ${header_status})"
	grep -h 'compiling' "$bench/header.err" | sed 's/^/  /' || true
	if [ -n "$normal_line" ]; then echo "$normal_line"; echo "$ratio_line"; fi
} | tee "$results"
