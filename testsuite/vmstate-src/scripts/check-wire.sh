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
	# The device registrations, user_creatable included (QOM facts the extractor
	# evaluates from class_init chains), as the programs' own dumps have them.
	for v in v1 v2; do
		[ $extended_ok = 1 ] || break
		"$build/$v/plain/vmstate-src" --dump-extended "$build/$v/check/runtime-extended.json"
		if msg=$(python3 - "$build/$v/check/extended.json" \
			"$build/$v/check/runtime-extended.json" <<'PY'
import json, sys
def regs(path):
    return sorted((s["name"], r["type"], r.get("user_creatable"))
                  for s in json.load(open(path))["sections"] for r in s["registrations"]
                  if r["kind"] == "device")
static, runtime = regs(sys.argv[1]), regs(sys.argv[2])
if static != runtime:
    print(f"static {sorted(set(static) - set(runtime))}, runtime {sorted(set(runtime) - set(static))}")
    sys.exit(1)
devices = json.load(open(sys.argv[1])).get("devices", [])
missing = sorted({r[1] for r in static} - set(devices))
if missing or devices != sorted(devices):
    print(f"\"devices\" lacks {missing} or is not sorted")
    sys.exit(1)
print(f"{len(static)} device registrations, {sum(1 for r in static if r[2] is False)} not user-creatable; "
      f"every registered type in the {len(devices)} \"devices\"")
PY
		); then
			pass "$v: the static extended dump's device registrations and user_creatable equal the program's own, and its \"devices\" lists their types ($msg)"
		else
			fail "$v: device registrations or user_creatable differ: $msg"
		fi
	done
else
	skip "wire verdicts from static extended dumps: $extract has no --extended yet"
fi
harness_end
