#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Fidelity of the static dump on a real QEMU: build QEMU with the plugin, take the
# binary's own -dump-vmstate (truth) and vmstate-extract's dump of the same binary, and
# compare them section by section with vmstate-dumpcmp.  For x86_64, also the extended
# dump against QEMU's own description of a migration of -M pc and -M q35
# (testsuite/wire/qemu-oracle.sh).
#   scripts/qemu-fidelity.sh QEMU=7.2|10.0 TARGET=x86_64 PLUGIN=build/vmstate.so \
#       EXTRACT=build/vmstate-extract DUMPCMP=build/vmstate-dumpcmp
# The report goes to stdout and to $VMSTATE_CACHE/fidelity/qemu-<ver>-<target>/<time>/
# (also reachable as .../latest).  With REBUILD=no the existing plugin build is reused
# as it is (even when the plugin changed since): only extraction and comparison rerun.
# Exit status: 0 when every section is identical (and, for x86_64, QEMU's description
# agrees), 1 when the dumps differ, 2 when a step failed (build, ICE, extraction).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/.." && pwd)
. "$here/qemu/common.sh"
qemu_parse_args "$@"
PLUGIN=${PLUGIN:-build/vmstate.so}
EXTRACT=${EXTRACT:-build/vmstate-extract}
DUMPCMP=${DUMPCMP:-build/vmstate-dumpcmp}
needed=("$EXTRACT" "$DUMPCMP")
[ "${REBUILD:-yes}" = no ] || needed+=("$PLUGIN")
for f in "${needed[@]}"; do
	[ -f "$f" ] || { echo "qemu-fidelity.sh: error: $f: missing (build it first)" >&2; exit 2; }
done
EXTRACT=$(realpath "$EXTRACT"); DUMPCMP=$(realpath "$DUMPCMP")

stamp=$(date -u +%Y%m%dT%H%M%SZ)
outroot=$VMSTATE_CACHE/fidelity/qemu-$QEMU-$TARGET
out=$outroot/$stamp
mkdir -p "$out"
ln -sfn "$stamp" "$outroot/latest"

# 1. Build with the plugin; the build script fails on any internal compiler error.
builddir=$VMSTATE_CACHE/build/qemu-$QEMU-$TARGET-plugin
if [ "${REBUILD:-yes}" = no ]; then
	grep -qs '^ninja_status=0$' "$builddir/vmstate-build.txt" ||
		{ echo "qemu-fidelity.sh: error: $builddir: no successful plugin build to reuse" >&2; exit 2; }
	cp "$builddir/vmstate-build.txt" "$out/build.txt"
elif ! PLUGIN="$PLUGIN" "$here/qemu-build.sh" QEMU="$QEMU" TARGET="$TARGET" >"$out/build.txt" 2>"$out/build.stderr"; then
	cat "$out/build.stderr" >&2
	echo "qemu-fidelity.sh: error: the plugin build of QEMU $QEMU failed; see $out/build.stderr" >&2
	exit 2
fi
binary=$builddir/qemu-system-$TARGET
cp "$builddir/truth.json" "$out/truth.json"

# 2. The static dump of the same binary, in the layout of that QEMU version.
layout=()
[ "$QEMU" = 7.2 ] && layout=(--layout=pre-8.1)
machine=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["vmschkmachine"]["Name"])' "$out/truth.json")
extract_cmd=("$EXTRACT" "${layout[@]}" --machine "$machine" ${EXTRACT_FLAGS:-} -o "$out/static.json" "$binary")
start=$(date +%s.%N)
extract_rc=0
"${extract_cmd[@]}" 2>"$out/extract.stderr" || extract_rc=$?
extract_s=$(echo "$(date +%s.%N) - $start" | bc)
if [ $extract_rc -ne 0 ] || [ ! -s "$out/static.json" ]; then
	head -20 "$out/extract.stderr" >&2
	echo "qemu-fidelity.sh: error: vmstate-extract failed (status $extract_rc); see $out/extract.stderr" >&2
	exit 2
fi

# 3. Compare.
cmp_rc=0
"$DUMPCMP" "$out/truth.json" "$out/static.json" >"$out/dumpcmp.txt" 2>&1 || cmp_rc=$?
[ $cmp_rc -le 1 ] || { cat "$out/dumpcmp.txt" >&2; exit 2; }

# 4. The extended dump against the migration stream's own description (x86_64 only:
#    the machines and firmware of the oracle are those of pc and q35).
oracle_rc=0
if [ "$TARGET" = x86_64 ]; then
	"$top/testsuite/wire/qemu-oracle.sh" "$EXTRACT" "$binary" \
		"$(grep '^source=' "$out/build.txt" | cut -d= -f2-)" "$out/oracle" >/dev/null 2>"$out/oracle.stderr" ||
		oracle_rc=$?
	[ $oracle_rc -le 1 ] || { cat "$out/oracle.stderr" >&2; exit 2; }
fi

{
	echo "# vmstate fidelity: QEMU $QEMU $TARGET-softmmu, $(date -u '+%Y-%m-%d %H:%M UTC')"
	echo "source:  $(grep '^source=' "$out/build.txt" | cut -d= -f2-) ($(cat "$(grep '^source=' "$out/build.txt" | cut -d= -f2-)/VERSION"))"
	echo "gcc:     $(gcc -dumpfullversion)"
	echo "plugin:  sha256 $(grep '^plugin_sha256_16=' "$out/build.txt" | cut -d= -f2) (copy of $(grep '^plugin=' "$out/build.txt" | cut -d= -f2-)), built $(grep '^date=' "$out/build.txt" | cut -d= -f2)"
	echo "build:   $(grep -E '^(build_wall_s|build_cpu_s|units_compiled|internal_compiler_errors|warning_lines|lines_mentioning_vmstate)=' "$out/build.txt" | tr '\n' ' ')"
	echo "extract: ${extract_cmd[*]}"
	echo "         status $extract_rc, ${extract_s}s, $(grep -c 'warning:' "$out/extract.stderr" || true) warning line(s), $(grep -c 'error:' "$out/extract.stderr" || true) error line(s)"
	echo "compare: $DUMPCMP truth.json static.json"
	echo
	cat "$out/dumpcmp.txt"
	if [ -f "$out/oracle/oracle.txt" ]; then
		echo
		echo "migration description (extended dump against analyze-migration.py -d desc):"
		cat "$out/oracle/oracle.txt"
	fi
} | tee "$out/report.txt"
echo "(report saved in $out)"
[ $cmp_rc -ne 0 ] && exit $cmp_rc
exit $oracle_rc
