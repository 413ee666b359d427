#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Records what the reference checker (QEMU 10.0's scripts/vmstate-static-checker.py) says
# about the runtime dumps of v1 and v2: its stdout, then "exit status: N".  Rerun it
# (make vmstate-src-record) whenever the tree or v2.patch changes, and review the diff.
#   record-findings.sh REFERENCE V1.json V2.json OUT
set -u
[ $# -eq 4 ] || { echo "usage: $0 REFERENCE V1.json V2.json OUT" >&2; exit 2; }
ref=$1 v1=$2 v2=$3 out=$4
if [ ! -f "$ref" ]; then
	echo "record-findings: error: no reference checker at $ref" >&2
	echo "record-findings: get it with: scripts/qemu-fetch.sh QEMU=10.0" >&2
	exit 1
fi
python3 "$ref" -s "$v1" -d "$v2" >"$out.tmp"
status=$?
if [ $status -ge 255 ]; then
	echo "record-findings: error: the reference failed (status $status)" >&2
	rm -f "$out.tmp"
	exit 1
fi
echo "exit status: $status" >>"$out.tmp"
mv "$out.tmp" "$out"
echo "record-findings: wrote $out ($status problems)"
