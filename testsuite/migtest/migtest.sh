#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# make migtest: do the wire verdicts match real migrations between two QEMU builds?
#   migtest.sh BUILD_DIR [CHANGE...]
# QEMU 10.0 x86_64 is built with the plugin from a copy of its source, once as it is
# (base) and once per change of changes.sh (one unit recompiled, relinked).  For each
# change, base and changed binary migrate a paused `-M pc` VM (TCG, 64 MiB, -incoming on
# a unix socket) both ways (migrate.py), and `vmstate-check --wire` compares their
# extended dumps (vmstate-extract --extended).  The reference mode on their
# -dump-vmstate output is shown beside.  A verdict matches when:
#   - a direction the tool says "fails" fails for real, and one it says "loads" or
#     "unaffected" (or nothing) loads;
#   - a direction that "depends" (on a needed()/field_exists() predicate, or on what
#     the zeros of padding mean to the field that loads them) matches either result,
#     and the table shows what it depends on and which one happened;
#   - the tool sees each change (one finding at least, benign ones included).
# Results: $VMSTATE_CACHE/migtest/results.md and standard output.  Exit 1 when one
# verdict does not match or a step fails.  Minutes: a QEMU build, then a relink per change.
# MIGTEST_REUSE=yes keeps the binaries of the last run (same changes) and only extracts,
# migrates and checks again: for a change of the tools, not of the plugin or QEMU.
set -euo pipefail
build=$(cd "${1:?usage: migtest.sh BUILD_DIR [CHANGE...]}" && pwd)
shift
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
. "$top/scripts/qemu/common.sh"
. "$here/changes.sh"
qemu_parse_args QEMU=10.0 TARGET=x86_64
changes=${*:-$MIGTEST_CHANGES}
for c in $changes; do
	declare -F "change_$c" >/dev/null || qemu_die "unknown change '$c' (known: $(echo $MIGTEST_CHANGES))"
done

"$top/scripts/qemu-fetch.sh" QEMU=10.0 >/dev/null
orig=$(qemu_src_dir)
mt=$VMSTATE_CACHE/migtest
MT_SRC=$mt/src
firmware=()
for dir in ${QEMU_FIRMWARE_DIRS-/usr/share/seabios /usr/share/qemu}; do
	[ -d "$dir" ] && firmware+=(-L "$dir")
done
[ -f /usr/share/seabios/bios-256k.bin ] || [ -n "${QEMU_FIRMWARE_DIRS+set}" ] ||
	qemu_die "no SeaBIOS for -M pc: apt-get install seabios (or set QEMU_FIRMWARE_DIRS)"

# The copy shares the original's files (hard links); every edit writes a new file
# (sed -i), and restoring one copies it back, so the original is never written.
mkdir -p "$mt"
if [ ! -d "$MT_SRC" ]; then
	qemu_log "linking a copy of $orig into $MT_SRC"
	cp -al "$orig" "$MT_SRC.tmp"
	mv "$MT_SRC.tmp" "$MT_SRC"
fi
touched=$mt/touched
mt_edit() { # FILE SED-SCRIPT...
	local f=$1 args=() e
	shift
	for e in "$@"; do args+=(-e "$e"); done
	echo "$f" >>"$touched"
	sed -i "${args[@]}" "$MT_SRC/$f"
	! cmp -s "$orig/$f" "$MT_SRC/$f" || qemu_die "the edit of $f did not apply"
}
restore() {
	[ -f "$touched" ] || return 0
	local f
	sort -u "$touched" | while read -r f; do
		# A new copy, with a new time stamp, so that ninja recompiles it.
		cmp -s "$orig/$f" "$MT_SRC/$f" || { rm -f "$MT_SRC/$f"; cp "$orig/$f" "$MT_SRC/$f"; }
	done
	rm -f "$touched"
}

# Build what $MT_SRC holds now into $mt/v/NAME: binary, extended dump, -dump-vmstate.
build_variant() { # NAME
	local v=$mt/v/$1
	qemu_log "$1: building"
	QEMU_SRCDIR=$MT_SRC QEMU_BUILDDIR=$mt/build PLUGIN=$build/vmstate.so \
		NINJA_TARGETS=qemu-system-x86_64 "$top/scripts/qemu-build.sh" QEMU=10.0 TARGET=x86_64 \
		>"$mt/build-$1.log" 2>&1 || { tail -n 20 "$mt/build-$1.log" >&2; qemu_die "$1: the QEMU build failed"; }
	rm -rf "$v"
	mkdir -p "$v"
	cp "$mt/build/qemu-system-x86_64" "$mt/build/truth.json" "$v/"
	"$build/vmstate-extract" --extended -o "$v/extended.json" "$v/qemu-system-x86_64"
}

if [ "${MIGTEST_REUSE:-no}" = yes ]; then
	for c in base $changes; do
		[ -x "$mt/v/$c/qemu-system-x86_64" ] || qemu_die "MIGTEST_REUSE=yes: no $mt/v/$c from an earlier run"
		"$build/vmstate-extract" --extended -o "$mt/v/$c/extended.json" "$mt/v/$c/qemu-system-x86_64"
	done
else
	restore
	build_variant base
	for c in $changes; do
		"change_$c" >"$mt/describe-$c"
		build_variant "$c"
		mv "$mt/describe-$c" "$mt/v/$c/describe"
		restore
	done
fi

for c in $changes; do
	v=$mt/v/$c
	qemu_log "$c: migrating both ways, checking"
	python3 "$here/migrate.py" "$mt/v/base/qemu-system-x86_64" "$v/qemu-system-x86_64" pc \
		"$v/run-forward" "${firmware[@]}" >"$v/forward.json"
	python3 "$here/migrate.py" "$v/qemu-system-x86_64" "$mt/v/base/qemu-system-x86_64" pc \
		"$v/run-backward" "${firmware[@]}" >"$v/backward.json"
	st=0
	"$build/vmstate-check" --wire --benign --format=json -s "$mt/v/base/extended.json" \
		-d "$v/extended.json" -o "$v/wire.json" || st=$?
	[ $((st & 1)) -eq 0 ] || qemu_die "$c: vmstate-check --wire failed (status $st)"
	st=0
	"$build/vmstate-check" -s "$mt/v/base/truth.json" -d "$v/truth.json" >"$v/reference.txt" 2>&1 || st=$?
	echo "$st" >"$v/reference.status"
done
python3 "$here/table.py" "$mt/v" $changes | tee "$mt/results.md"
