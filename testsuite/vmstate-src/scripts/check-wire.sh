#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# The wire verdicts of check-vmstate-src: vmstate-check --wire against real save and
# load of v1 and v2 (check-wire.py), from the programs' own extended dumps and, when
# vmstate-extract can write them (--extended), from the static ones.
#   check-wire.sh BUILD CHECKER EXTRACT
set -u
[ $# -eq 3 ] || { echo "usage: $0 BUILD CHECKER EXTRACT" >&2; exit 2; }
build=$1 checker=$2 extract=$3
here=$(dirname "$0")
failed=0
"$here/check-wire.py" "$build" "$checker" runtime || failed=1
if "$extract" --help 2>&1 | grep -q -- '--extended'; then
	for v in v1 v2; do
		mkdir -p "$build/$v/check"
		# Its notes (the unknowns it wrote) are shown only when it fails.
		if ! "$extract" --extended -o "$build/$v/check/extended.json" \
			"$build/$v/plugin/vmstate-src" 2>"$build/$v/check/extended.err"; then
			echo "check-vmstate-src: FAIL: $v: vmstate-extract --extended failed:" >&2
			cat "$build/$v/check/extended.err" >&2
			failed=1
		fi
	done
	[ $failed = 0 ] &&
		{ "$here/check-wire.py" "$build" "$checker" "$build/{v}/check/extended.json" || failed=1; }
else
	echo "check-vmstate-src: SKIP: wire verdicts from static extended dumps:" \
		"$extract has no --extended yet"
fi
exit $failed
