#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# The extended dump of a plugin-built QEMU x86_64 against QEMU's own description of what
# it migrates, for -M pc and -M q35 (issue 12, item 5; docs/fidelity.md):
#   qemu-oracle.sh EXTRACT QEMU_BINARY QEMU_SRCDIR OUTDIR
# Writes OUTDIR/extended.json, desc-pc.json, desc-q35.json and oracle.txt (the
# comparison's summary lines).  Exit status 0 when every section, field and subsection
# QEMU sent is in the extended dump with the same name, VMStateInfo and size, 1 when
# one is not, 2 when a step failed.  Run by scripts/qemu-fidelity.sh (make fidelity)
# and make wire-qemu-oracle.
set -u
[ $# -eq 4 ] || { echo "usage: $0 EXTRACT QEMU_BINARY QEMU_SRCDIR OUTDIR" >&2; exit 2; }
extract=$1 qemu=$2 srcdir=$3 out=$4
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$out"
"$extract" --extended -o "$out/extended.json" "$qemu" 2>"$out/extended.stderr" ||
	{ cat "$out/extended.stderr" >&2; echo "$0: error: vmstate-extract --extended failed" >&2; exit 2; }
status=0
: >"$out/oracle.txt"
for m in pc q35; do
	"$here/qemu-desc.sh" "$qemu" "$srcdir" "$m" "$out/desc-$m.json" || exit 2
	rc=0
	"$here/qemu-desc-compare.py" "$out/extended.json" "$out/desc-$m.json" >"$out/oracle-$m.txt" 2>&1 || rc=$?
	[ $rc -le 1 ] || { cat "$out/oracle-$m.txt" >&2; exit 2; }
	sed "s/^/-M $m: /" "$out/oracle-$m.txt" >>"$out/oracle.txt"
	[ $rc -eq 0 ] || status=1
done
cat "$out/oracle.txt"
exit $status
