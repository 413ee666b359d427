#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Compile-time cost of the vmstate plugin over the C units of a plain QEMU build.
#   scripts/qemu-bench-plugin.sh QEMU=7.2|10.0 [TARGET=x86_64] [PLUGIN=build/vmstate.so]
#                                [JOBS=2] [LIMIT=N]
# Uses a complete build of that QEMU (plain, else the plugin build; it builds the plain
# tree when there is none: its generated headers are required), then
# runs scripts/qemu/bench_plugin.py; results in $VMSTATE_CACHE/bench/qemu-<ver>-<target>/<time>/.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/qemu/common.sh"
qemu_parse_args "$@"
PLUGIN=${PLUGIN:-build/vmstate.so}
[ -f "$PLUGIN" ] || qemu_die "$PLUGIN: missing (build the plugin first)"
plugin_abs=$(realpath "$PLUGIN")

# Any complete build of this QEMU serves (a plugin build's -fplugin flags are dropped);
# build the plain tree when there is none.
builddir=
for d in "$VMSTATE_CACHE/build/qemu-$QEMU-$TARGET" "$VMSTATE_CACHE/build/qemu-$QEMU-$TARGET-plugin"; do
	if grep -qs '^ninja_status=0$' "$d/vmstate-build.txt"; then builddir=$d; break; fi
done
if [ -z "$builddir" ]; then
	env -u PLUGIN "$here/qemu-build.sh" QEMU="$QEMU" TARGET="$TARGET" >/dev/null
	builddir=$VMSTATE_CACHE/build/qemu-$QEMU-$TARGET
fi
out=$VMSTATE_CACHE/bench/qemu-$QEMU-$TARGET/$(date -u +%Y%m%dT%H%M%SZ)
# Measure a private copy: the plugin's helper may rebuild build/vmstate.so meanwhile.
mkdir -p "$out"
cp "$plugin_abs" "$out/vmstate.so"
echo "plugin: $plugin_abs (sha256 $(sha256sum "$plugin_abs" | cut -c1-16)), measured as $out/vmstate.so"
plugin_abs=$out/vmstate.so
cmd=(python3 "$here/qemu/bench_plugin.py" --compile-commands "$builddir/compile_commands.json"
	--plugin "$plugin_abs" --out "$out" --jobs "$JOBS" ${LIMIT:+--limit "$LIMIT"})
echo "QEMU $QEMU ($(cat "$(qemu_src_dir)/VERSION")) $TARGET-softmmu, gcc $(gcc -dumpfullversion), $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "command: ${cmd[*]}"
"${cmd[@]}"
