#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# The assertions of check-vmstate-src, on dumps vmstate-src.mk has made.  Every check
# runs even when an earlier one fails; the exit status is 1 if any failed.
#   check-tree.sh TREE BUILD CHECKER DUMPCMP MACHINE_V1 MACHINE_V2
# TREE is testsuite/vmstate-src; BUILD holds v1/ and v2/ with the programs and:
#   runtime.json, runtime-pre-8.1.json   the plain program's own dumps (8.1 and pre-8.1)
#   runtime-plugin.json                  the plugin-built program's own dump
#   static.json, static-lto.json         vmstate-extract on the plugin-built programs
#                                        (without, with -flto)
#   static-syntax-only.json              vmstate-extract on the -fsyntax-only fragments
#   static-pre-8.1.json                  vmstate-extract --layout=pre-8.1
set -u
[ $# -eq 6 ] || { echo "usage: $0 TREE BUILD CHECKER DUMPCMP MACHINE_V1 MACHINE_V2" >&2; exit 2; }
tree=$1 build=$2 checker=$3 dumpcmp=$4 machine_v1=$5 machine_v2=$6
scripts=$tree/scripts
failed=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

fail() {
	echo "check-vmstate-src: FAIL: $*" >&2
	failed=1
}

# The layout checker is itself checked on a real QEMU dump when QEMU is installed.
if command -v qemu-system-x86_64 >/dev/null 2>&1 &&
	timeout 60 qemu-system-x86_64 -M none -nodefaults -display none \
		-dump-vmstate "$tmp/qemu.json" </dev/null >/dev/null 2>&1; then
	if "$scripts/check-dump-layout.py" "$tmp/qemu.json"; then
		echo "check-vmstate-src: PASS: check-dump-layout.py reproduces $(command -v qemu-system-x86_64)'s own dump byte for byte"
	else
		fail "check-dump-layout.py does not reproduce a real QEMU dump"
	fi
else
	echo "check-vmstate-src: SKIP: no qemu-system-x86_64 to check check-dump-layout.py against"
fi

for v in v1 v2; do
	d=$build/$v
	if [ $v = v1 ]; then machine=$machine_v1; else machine=$machine_v2; fi

	"$scripts/check-dump-layout.py" "$d/runtime.json" ||
		fail "$v: the runtime dump is not in -dump-vmstate's layout"

	cmp -s "$d/runtime.json" "$d/runtime-plugin.json" ||
		fail "$v: the program built with the plugin dumps differently from the plain one"

	# The plugin adds its section and nothing else.  (Debug info differs legitimately:
	# DW_AT_producer records the -fplugin option.)
	n=0 differ=0
	for o in $(cd "$d/plain/obj" && find . -name '*.o' | sort); do
		n=$((n + 1))
		objcopy -R .vmstate_fragment --strip-debug "$d/plain/obj/$o" "$tmp/plain.o"
		objcopy -R .vmstate_fragment --strip-debug "$d/plugin/obj/$o" "$tmp/plugin.o"
		if ! cmp -s "$tmp/plain.o" "$tmp/plugin.o"; then
			differ=$((differ + 1))
			fail "$v: ${o#./} built with the plugin differs beyond its fragment; symbols (< plain, > plugin):"
			diff <(nm "$tmp/plain.o") <(nm "$tmp/plugin.o") | grep '^[<>]' | head -10 >&2
		fi
	done
	[ $differ -eq 0 ] && echo "check-vmstate-src: PASS: $v: $n objects built with the plugin equal the plain ones (without fragment and debug info)"

	if "$d/plain/vmstate-src" -dump-vmstate "$d/runtime-default.json"; then
		grep -qxF "    \"Name\": \"$machine\"" "$d/runtime-default.json" ||
			fail "$v: the program's default machine is not $machine (vmstate-src.mk)"
	else
		fail "$v: the program failed without -M"
	fi

	for s in static static-lto static-syntax-only static-pre-8.1; do
		case $s in *pre-8.1) truth=runtime-pre-8.1 ;; *) truth=runtime ;; esac
		if cmp -s "$d/$s.json" "$d/$truth.json"; then
			echo "check-vmstate-src: PASS: $v: $s dump == $truth dump" \
				"($(($(grep -c '^  "' "$d/$truth.json") - 1)) sections, $(wc -c <"$d/$truth.json") bytes)"
		else
			fail "$v: the $s dump ($d/$s.json) differs from the $truth dump ($d/$truth.json):"
			"$dumpcmp" "$d/$truth.json" "$d/$s.json" >&2
			diff -u "$d/$truth.json" "$d/$s.json" | head -30 >&2
		fi
	done
done

"$scripts/check-scenarios.sh" "$checker" "$build/v1/static.json" "$build/v2/static.json" \
	"$tree/expected-findings.txt" "$tree/scenarios.txt" || failed=1
"$scripts/check-cli.sh" "$build/v1/plain/vmstate-src" || failed=1

[ $failed -eq 0 ] || { echo "check-vmstate-src: some checks failed" >&2; exit 1; }
echo "check-vmstate-src: all checks passed"
