#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Benchmark of vmstate-diff on QEMU as a clone, five targets (issue 14 item 3):
#   bench-qemu-clone.sh BUILD_DIR [repo]
# It makes $VMSTATE_CACHE/diff-bench/qemu-clone, a repository shaped like a QEMU clone:
# commit OLD (tag $BENCH_OLD_TAG, from $BENCH_OLD_SRC), commit v10.0.13 (Debian's
# QEMU 10.0 source), and "change" (usb-kbd's version, in hw/usb/dev-hid.c).  As in a
# clone, each commit tracks what QEMU's .gitignore does not ignore: the subprojects of
# 10.0 (dtc, keycodemapdb, berkeley-softfloat-3, ...) are untracked directories that the
# working tree holds, as `meson subprojects download` leaves them.  With "repo" it stops
# there.  Otherwise, timed in wall and CPU seconds (user + system of every process),
# side by side in one run, with .vmstate-diff as contrib/qemu.vmstate-diff but five
# targets (x86_64, aarch64, riscv64, s390x, ppc64):
#   1. cold:     an empty cache, OLD -> v10.0.13 (two configures, nothing shared);
#   2. warm:     the same again;
#   3. one_file: the working tree at "change", one more line changed in
#                hw/usb/dev-hid.c, vmstate-diff change (one unit for all five targets),
#                three times (another line each time; the median is reported);
#   4. normal:   configure + ninja -j2 of the five emulators, for OLD and for v10.0.13,
#                each in an empty build directory (no ccache).
# Figures go to standard output and $VMSTATE_CACHE/diff-bench/clone-results.txt.
# With "one-file" only step 3 runs again (first a run at "change" that fills the cache
# for it), on the cache and plugin of the last full run: clone-one-file-results.txt.
# Defaults: BENCH_OLD_SRC is Debian's QEMU 7.2 source and BENCH_OLD_TAG v7.2.0, the
# only other release reachable from this project's machines; the issue's pair, a
# release apart (v9.2.x -> v10.0.x), needs BENCH_OLD_SRC=<an unpacked 9.2 source>
# BENCH_OLD_TAG=v9.2.x.
set -euo pipefail
build=${1:?usage: bench-qemu-clone.sh BUILD_DIR [repo]}
mode=${2:-full}
here=$(cd "$(dirname "$0")" && pwd)
timed_prefix=${VMSTATE_CACHE:-$HOME/.cache/vmstate-plugin}/diff-bench/clone- timed_label=bench-qemu-clone
. "$here/bench-common.sh"
if [ -z "${BENCH_OLD_SRC:-}" ]; then
	"$top/scripts/qemu-fetch.sh" QEMU=7.2 >/dev/null
	BENCH_OLD_SRC=$(cat "$VMSTATE_CACHE/debian-src/qemu-7.2.srcdir")
	BENCH_OLD_TAG=${BENCH_OLD_TAG:-v7.2.0}
fi
old_tag=${BENCH_OLD_TAG:?BENCH_OLD_TAG names the revision of BENCH_OLD_SRC}
new_tag=v10.0.13
repo=$bench/qemu-clone
results=$bench/clone-results.txt
targets="x86_64 aarch64 riscv64 s390x ppc64"
target_list=$(for t in $targets; do printf '%s-softmmu,' "$t"; done)
target_list=${target_list%,}
# contrib/qemu.vmstate-diff's options; a configure from before --disable-download (7.2)
# takes --with-git-submodules=ignore instead (the tarball's trees are committed there).
no_download='$(grep -q -e --disable-download "$VMSTATE_SRC/configure" && echo --disable-download || echo --with-git-submodules=ignore)'
configure_args="--target-list=$target_list --disable-docs --disable-werror --disable-install-blobs $no_download"

# A commit of SRC's files, as a clone tracks them: git add -A honours the tree's own
# .gitignore, so what it ignores (10.0's fetched subprojects) stays untracked.
commit_tree() { # SRC TAG
	git -C "$repo" rm -rq --ignore-unmatch . 
	cp -R --no-preserve=ownership "$1/." "$repo/"
	git -C "$repo" add -A
	git -C "$repo" commit -q -m "QEMU $2 (Debian source)"
	git -C "$repo" tag "$2"
}
if ! git -C "$repo" rev-parse -q --verify change >/dev/null 2>&1; then
	echo "bench-qemu-clone: making the repository $repo" >&2
	rm -rf "$repo"
	mkdir -p "$repo"
	git -C "$repo" init -q
	git -C "$repo" config user.email bench@example.invalid
	git -C "$repo" config user.name bench
	# No background gc --auto after the big commits: the gc below would find it running.
	git -C "$repo" config gc.auto 0
	commit_tree "$BENCH_OLD_SRC" "$old_tag"
	commit_tree "$new_src" "$new_tag"
	sed -i '/\.name = "usb-kbd",/{n;s/\.version_id = 1,/.version_id = 2,/}' "$repo/hw/usb/dev-hid.c"
	git -C "$repo" diff --quiet && { echo "bench-qemu-clone: the one-file change did not apply" >&2; exit 1; }
	git -C "$repo" commit -q -am "usb-kbd: version 2"
	git -C "$repo" tag change
	git -C "$repo" gc -q
fi
git -C "$repo" checkout -q -f change
fetched=
for d in "$repo"/subprojects/*/; do
	n=$(basename "$d")
	[ -z "$(git -C "$repo" ls-files "subprojects/$n" | head -n 1)" ] && fetched="$fetched $n"
done
echo "bench-qemu-clone: $repo at change; subprojects fetched (untracked):$fetched" >&2
[ "$mode" = repo ] && exit 0

# The one-file mode keeps the plugin the cache was filled with.
[ "$mode" = one-file ] && [ -d "$bench/clone-cache" ] ||
	[ "$mode" != one-file ] || { echo "bench-qemu-clone: no cache yet: run the full benchmark first" >&2; exit 1; }
[ "$mode" = one-file ] || cp "$build/vmstate.so" "$bench/vmstate.so"
{
	echo "configure = \"\$VMSTATE_SRC/configure\" $configure_args"
	for t in $targets; do echo "target = qemu-system-$t"; done
	echo 'pch = qemu/osdep.h'
	echo "cache-dir = $bench/clone-cache"
	echo "plugin = $bench/vmstate.so"
	echo 'jobs = 2'
} >"$repo/.vmstate-diff"

vd() { local name=$1; shift; timed "$name" "$repo" "$build/vmstate-diff" -v "$@"; }

median() { printf '%s\n' "$@" | sort -g | sed -n "$((($# + 1) / 2))p"; }
# Step 3: the median of three one-line changes, each against "change".
one_file_runs() {
	vd first_work change
	local i runs=() statuses=()
	for i in 1 2 3; do
		echo "/* bench: one more line, $i */" >>"$repo/hw/usb/dev-hid.c"
		vd "one_file_$i" change
		local s=one_file_${i}_s st=one_file_${i}_status
		runs+=("${!s}")
		statuses+=("${!st}")
	done
	git -C "$repo" checkout -q -f change
	one_file_s=$(median "${runs[@]}")
	one_file_runs_text="${runs[*]}"
	one_file_statuses="${statuses[*]}"
}
one_file_lines() {
	echo "first run at change, its cache cold: ${first_work_s} s wall (exit ${first_work_status})"
	echo "one-file change in the working tree, vmstate-diff change, five targets: median ${one_file_s} s wall (runs: ${one_file_runs_text}; exit ${one_file_statuses})"
	grep -h 'compiling' "$bench/clone-one_file_1.err" | sed 's/^/  /' || true
}
if [ "$mode" = one-file ]; then
	one_file_runs
	{
		echo "date: $(date -u +%Y-%m-%dT%H:%MZ); host: $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg)"
		echo "QEMU clone $repo at change, targets: $targets, -j2; the cache of the last full run"
		echo "plugin: sha256 $(sha256sum "$bench/vmstate.so" | cut -c1-16); $("$build/vmstate-diff" --version)"
		one_file_lines
	} | tee "$bench/clone-one-file-results.txt"
	exit 0
fi

rm -rf "$bench/clone-cache" "$bench/clone-dumps"
vd cold -o "$bench/clone-dumps" "$old_tag" "$new_tag"
vd warm "$old_tag" "$new_tag"
one_file_runs

normal_total_s=0 normal_total_cpu=0
for rev in "$old_tag" "$new_tag"; do
	nb=$bench/clone-normal-$rev
	rm -rf "$nb" "$nb-src"
	git -C "$repo" worktree add -q --detach -f "$nb-src" "$rev"
	# The fetched subprojects, as the clone's own build has them.
	for d in "$repo"/subprojects/*/; do
		n=$(basename "$d")
		[ -e "$nb-src/subprojects/$n" ] || cp -R -l "$d" "$nb-src/subprojects/$n"
	done
	mkdir -p "$nb"
	name=normal_${rev//[.-]/_}
	timed "$name" "$nb" env VMSTATE_SRC="$nb-src" sh -c "'$nb-src/configure' $configure_args && ninja -j2 $(for t in $targets; do printf 'qemu-system-%s ' "$t"; done)"
	s=${name}_s c=${name}_cpu
	normal_total_s=$(python3 -c "print(round($normal_total_s + ${!s}, 1))")
	normal_total_cpu=$(python3 -c "print(round($normal_total_cpu + ${!c}, 1))")
	git -C "$repo" worktree remove -f "$nb-src"
done
ratio() { python3 -c "import sys; a,b=map(float,sys.argv[1:]); print(f'{a/b:.2f}')" "$1" "$2"; }
{
	echo "date: $(date -u +%Y-%m-%dT%H:%MZ); host: $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg)"
	echo "QEMU clone $repo: $old_tag -> $new_tag, targets: $targets, -j2"
	echo "plugin: sha256 $(sha256sum "$bench/vmstate.so" | cut -c1-16); $("$build/vmstate-diff" --version)"
	echo "cold cache, $old_tag -> $new_tag: ${cold_s} s wall, ${cold_cpu} s CPU (exit ${cold_status})"
	grep -h -e 'configuring' -e 'compiling' -e 'units linked into' "$bench/clone-cold.err" | sed 's/^/  /' || true
	tail -n 6 "$bench/clone-cold.out" | sed 's/^/  /'
	echo "warm, same revisions: ${warm_s} s wall (exit ${warm_status})"
	one_file_lines
	echo "normal builds (configure + ninja -j2 of the five emulators), $old_tag and $new_tag: ${normal_total_s} s wall, ${normal_total_cpu} s CPU"
	echo "cold / normal: $(ratio "$cold_s" "$normal_total_s") in wall time, $(ratio "$cold_cpu" "$normal_total_cpu") in CPU time (goal: under 0.33)"
} | tee "$results"
