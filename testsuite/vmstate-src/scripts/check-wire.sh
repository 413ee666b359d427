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
. "$here/../../harness.sh"
harness_group check-vmstate-src
# wire DUMP_KIND: check-wire.py's one verdict line ("GROUP: PASS|FAIL: what"), counted here.
wire() {
	verdict=$("$here/check-wire.py" "$build" "$checker" "$1")
	status=$?
	what=${verdict#*: PASS: } && what=${what#*: FAIL: }
	if [ $status -eq 0 ] && [ -n "$what" ]; then pass "$what"; else
		fail "${what:-check-wire.py $1 did not run to its end (its error above)}"; fi
}
wire runtime
extended_ok=1
if "$extract" --help 2>&1 | grep -q -- '--extended'; then
	for v in v1 v2; do
		mkdir -p "$build/$v/check"
		# Its notes (the unknowns it wrote) are shown only when it fails.
		if ! "$extract" --extended -o "$build/$v/check/extended.json" \
			"$build/$v/plugin/vmstate-src" 2>"$build/$v/check/extended.err"; then
			fail "$v: vmstate-extract --extended failed:"
			cat "$build/$v/check/extended.err" >&2
			extended_ok=0
		fi
	done
	[ $extended_ok = 1 ] && wire "$build/{v}/check/extended.json"
else
	skip "wire verdicts from static extended dumps: $extract has no --extended yet"
fi
harness_end
