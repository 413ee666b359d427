#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# QEMU's own description of what it migrates: a paused VM of MACHINE migrated to a file
# ("exec:cat > FILE", which 7.2 and 10.0 both take), then that QEMU's
# scripts/analyze-migration.py -d desc on the file.  The runtime truth for the extended
# dump (qemu-desc-compare.py), CPU and registered state included.
#   qemu-desc.sh QEMU_BINARY QEMU_SRCDIR MACHINE OUT.json
# A build from Debian's tarball has no firmware: the directories of QEMU_FIRMWARE_DIRS
# (default: where Debian's seabios and qemu-system-data put it) are searched with -L.
set -eu
[ $# -eq 4 ] || { echo "usage: $0 QEMU_BINARY QEMU_SRCDIR MACHINE OUT.json" >&2; exit 2; }
qemu=$1 srcdir=$2 machine=$3 out=$4
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
firmware=()
for dir in ${QEMU_FIRMWARE_DIRS-/usr/share/seabios /usr/share/qemu}; do
	[ -d "$dir" ] && firmware+=(-L "$dir")
done
printf 'migrate "exec:cat > %s/stream"\nquit\n' "$tmp" |
	timeout 120 "$qemu" "${firmware[@]}" -M "$machine" -m 64 -nodefaults -display none -S \
		-accel tcg -monitor stdio >"$tmp/monitor.log" 2>&1 ||
	{ echo "$0: error: $qemu -M $machine failed:" >&2; cat "$tmp/monitor.log" >&2; exit 1; }
[ -s "$tmp/stream" ] ||
	{ echo "$0: error: no migration stream from $qemu -M $machine" >&2; cat "$tmp/monitor.log" >&2; exit 1; }
python3 "$srcdir/scripts/analyze-migration.py" -d desc -f "$tmp/stream" >"$out.tmp"
mv "$out.tmp" "$out"
