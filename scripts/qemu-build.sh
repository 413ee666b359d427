#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Configure and build one QEMU softmmu target, optionally with the vmstate plugin, and
# write its runtime truth (-dump-vmstate) beside the build.
#   scripts/qemu-build.sh QEMU=7.2|10.0 TARGET=x86_64 [PLUGIN=build/vmstate.so]
# NINJA_TARGETS (environment) limits the build, e.g. to qemu-system-x86_64 alone
# (default: the whole tree, tests and tools included).  QEMU_SRCDIR and QEMU_BUILDDIR
# (environment) build another copy of the source into another directory (make migtest).
# Result: $VMSTATE_CACHE/build/qemu-<ver>-<target>[-plugin]/ with truth.json,
# compile_commands.json, vmstate-build.log (full compiler output) and vmstate-build.txt
# (timings, ICE and warning counts).  Exit status non-zero when the build fails or any
# translation unit hits an internal compiler error.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/qemu/common.sh"
qemu_parse_args "$@"

"$here/qemu-fetch.sh" QEMU="$QEMU" >/dev/null
srcdir=${QEMU_SRCDIR:-$(qemu_src_dir)}
qemu_tool_env

builddir=${QEMU_BUILDDIR:-$VMSTATE_CACHE/build/qemu-$QEMU-$TARGET${PLUGIN:+-plugin}}
binary=$builddir/qemu-system-$TARGET
mkdir -p "$builddir"

# The plugin is copied into the build tree: its helper may rebuild build/vmstate.so while
# QEMU compiles, and a changed plugin must recompile every unit (ninja cannot see it).
plugin_sum=none
extra=()
if [ -n "${PLUGIN:-}" ]; then
	[ -f "$PLUGIN" ] || qemu_die "$PLUGIN: no such plugin"
	plugin_sum=$(sha256sum "$PLUGIN" | cut -c1-16)
	mkdir -p "$builddir/plugin"
	if ! cmp -s "$PLUGIN" "$builddir/plugin/vmstate.so"; then
		cp "$PLUGIN" "$builddir/plugin/.vmstate.so.tmp"
		mv "$builddir/plugin/.vmstate.so.tmp" "$builddir/plugin/vmstate.so"
	fi
	extra=(--extra-cflags="-fplugin=$builddir/plugin/vmstate.so ${PLUGIN_CFLAGS:-}")
fi

confargs=(--target-list="$TARGET-softmmu" --disable-docs --disable-werror --disable-modules
	--disable-install-blobs)
[ "$QEMU" = 10.0 ] && confargs+=(--disable-rust --disable-download)
confargs+=("${extra[@]}")

# Timings are of real compilations, and every unit must meet the plugin: no ccache.
export CCACHE_DISABLE=${CCACHE_DISABLE:-1}

log=$builddir/vmstate-build.log
summary=$builddir/vmstate-build.txt
want_conf=$(printf '%s\n' "$srcdir" "${confargs[@]}")
configure_s=0
if [ ! -f "$builddir/build.ninja" ] || [ "$(cat "$builddir/vmstate-configure.args" 2>/dev/null)" != "$want_conf" ]; then
	qemu_log "configuring $srcdir into $builddir"
	find "$builddir" -mindepth 1 -maxdepth 1 ! -name plugin -exec rm -rf {} +
	start=$(date +%s.%N)
	(cd "$builddir" && "$srcdir/configure" "${confargs[@]}") >"$builddir/vmstate-configure.log" 2>&1 ||
		qemu_die "configure failed; see $builddir/vmstate-configure.log"
	configure_s=$(echo "$(date +%s.%N) - $start" | bc)
	printf '%s\n' "$want_conf" >"$builddir/vmstate-configure.args"
fi
# vmstate-plugin.sum names the plugin that the tree's objects were compiled with, also
# when a build was interrupted (ninja then resumes where it stopped).
if [ "$plugin_sum" != "$(cat "$builddir/vmstate-plugin.sum" 2>/dev/null || echo none)" ]; then
	qemu_log "plugin changed ($plugin_sum): every unit is recompiled"
	ninja -C "$builddir" -t clean >/dev/null
	echo "$plugin_sum" >"$builddir/vmstate-plugin.sum"
fi

qemu_log "building $builddir (ninja -j$JOBS; log: $log)"
rc=0
/usr/bin/time -f '%e %U %S' -o "$builddir/vmstate-build.time" \
	nice -n "${NICE:-0}" ninja -C "$builddir" -j"$JOBS" ${NINJA_TARGETS:-} >"$log" 2>&1 || rc=$?
read -r wall user sys < <(tail -1 "$builddir/vmstate-build.time") || { wall=?; user=0; sys=0; }
units=$(grep -cE '^\[[0-9]+/[0-9]+\] Compiling C(\+\+)? object' "$log" || true)
ices=$(grep -c 'internal compiler error' "$log" || true)
warnings=$(grep -cE ': warning: ' "$log" || true)
plugin_msgs=$(grep -cE '(warning|note|error): .*vmstate' "$log" || true)

truth_sections=-
if [ $rc -eq 0 ]; then
	"$binary" -M none -nodefaults -display none -dump-vmstate "$builddir/truth.json" >/dev/null 2>&1 </dev/null ||
		qemu_die "$binary -dump-vmstate failed"
	truth_sections=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1])))-1)' "$builddir/truth.json")
fi

cat >"$summary" <<EOT
date=$(date -u +%Y-%m-%dT%H:%M:%SZ)
qemu=$QEMU
source=$srcdir
target=$TARGET
plugin=${PLUGIN:-none}
plugin_sha256_16=$plugin_sum
ninja_targets=${NINJA_TARGETS:-all}
gcc=$(gcc -dumpfullversion)
configure_wall_s=$configure_s
build_wall_s=$wall
build_cpu_s=$(echo "$user + $sys" | bc)
units_compiled=$units
ninja_status=$rc
internal_compiler_errors=$ices
warning_lines=$warnings
lines_mentioning_vmstate=$plugin_msgs
truth=$builddir/truth.json
truth_sections=$truth_sections
EOT
cat "$summary"
[ "$ices" -eq 0 ] || qemu_die "$ices internal compiler error(s); see $log"
[ $rc -eq 0 ] || qemu_die "ninja failed (status $rc); see $log"
