#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# The assertions of check-vmstate-src.  It runs the programs and the tools under test
# itself, so that every check runs even when an earlier one fails; the exit status is
# 1 if any failed.
#   check-tree.sh TREE BUILD CHECKER EXTRACT DUMPCMP MACHINE_V1 MACHINE_V2
# TREE is testsuite/vmstate-src.  BUILD (build/vmstate-src) holds, for v1 and v2, what
# vmstate-src.mk built: {plain,plugin,plugin-lto}/vmstate-src, plugin/libvsrc.a (thin
# archive), fragments/ (-fsyntax-only dump-dir).  Dumps are written to BUILD/V/check/.
set -u
[ $# -eq 7 ] ||
	{ echo "usage: $0 TREE BUILD CHECKER EXTRACT DUMPCMP MACHINE_V1 MACHINE_V2" >&2; exit 2; }
tree=$1 build=$2 checker=$3 extract=$4 dumpcmp=$5 machine_v1=$6 machine_v2=$7
scripts=$tree/scripts
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$tree/../harness.sh"
harness_group check-vmstate-src

# The layout checker is itself checked on a real QEMU dump when QEMU is installed.
if command -v qemu-system-x86_64 >/dev/null 2>&1 &&
	timeout 60 qemu-system-x86_64 -M none -nodefaults -display none \
		-dump-vmstate "$tmp/qemu.json" </dev/null >/dev/null 2>&1; then
	if "$scripts/check-dump-layout.py" "$tmp/qemu.json"; then
		pass "check-dump-layout.py reproduces $(command -v qemu-system-x86_64)'s own dump byte for byte"
	else
		fail "check-dump-layout.py does not reproduce a real QEMU dump"
	fi
else
	skip "no qemu-system-x86_64 to check check-dump-layout.py against"
fi

# run_program V NAME PROGRAM ARGS...: the program's own dump into $out/NAME.json.
run_program() {
	local v=$1 name=$2 prog=$3
	shift 3
	if ! "$prog" "$@" -dump-vmstate "$out/$name.json" 2>"$tmp/err"; then
		fail "$v: $prog $* failed:"
		cat "$tmp/err" >&2
		rm -f "$out/$name.json"
	fi
}

# run_extract V NAME ARGS...: vmstate-extract's dump into $out/NAME.json.  The tree is
# fully evaluable, so any message on stderr is a failure too.
run_extract() {
	local v=$1 name=$2
	shift 2
	if ! "$extract" -o "$out/$name.json" "$@" 2>"$tmp/err"; then
		fail "$v: $extract $* failed:"
		cat "$tmp/err" >&2
		rm -f "$out/$name.json"
	elif [ -s "$tmp/err" ]; then
		fail "$v: $extract $* reported problems:"
		cat "$tmp/err" >&2
	fi
}

# same V NAME TRUTH: NAME.json must be TRUTH.json byte for byte.
same() {
	local v=$1 name=$2 truth=$3
	[ -f "$out/$name.json" ] && [ -f "$out/$truth.json" ] || return
	if cmp -s "$out/$name.json" "$out/$truth.json"; then
		pass "$v: $name dump == $truth dump" \
			"($(($(grep -c '^  "' "$out/$truth.json") - 1)) sections, $(wc -c <"$out/$truth.json") bytes)"
	else
		fail "$v: the $name dump differs from the $truth dump ($out/$name.json, $out/$truth.json):"
		"$dumpcmp" "$out/$truth.json" "$out/$name.json" >&2
		diff -u "$out/$truth.json" "$out/$name.json" | head -30 >&2
	fi
}

for v in v1 v2; do
	d=$build/$v
	out=$d/check
	rm -rf "$out" && mkdir -p "$out"
	if [ $v = v1 ]; then machine=$machine_v1; else machine=$machine_v2; fi

	# Runtime truth, and what the program does with and without the plugin.
	run_program $v runtime "$d/plain/vmstate-src" -M "$machine"
	run_program $v runtime-pre-8.1 "$d/plain/vmstate-src" -M "$machine" --layout pre-8.1
	run_program $v runtime-plugin "$d/plugin/vmstate-src" -M "$machine"
	run_program $v runtime-default "$d/plain/vmstate-src"
	if [ -f "$out/runtime.json" ]; then
		"$scripts/check-dump-layout.py" "$out/runtime.json" &&
			pass "$v: the runtime dump is in -dump-vmstate's layout" ||
			fail "$v: the runtime dump is not in -dump-vmstate's layout"
	fi
	[ -f "$out/runtime-default.json" ] &&
		! grep -qxF "    \"Name\": \"$machine\"" "$out/runtime-default.json" &&
		fail "$v: the program's default machine is not $machine (vmstate-src.mk)"
	same $v runtime-plugin runtime

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
	[ $differ -eq 0 ] &&
		pass "$v: $n objects built with the plugin equal the plain ones (without fragment and debug info)"

	# The static dumps, every way the extractor can get the fragments.
	run_extract $v static --machine "$machine" "$d/plugin/vmstate-src"
	run_extract $v static-lto --machine "$machine" "$d/plugin-lto/vmstate-src"
	run_extract $v static-archive --machine "$machine" "$d/plugin/libvsrc.a"
	run_extract $v static-syntax-only --machine "$machine" "$d/fragments"
	run_extract $v static-pre-8.1 --machine "$machine" --layout=pre-8.1 "$d/plugin/vmstate-src"
	for s in static static-lto static-archive static-syntax-only; do
		same $v $s runtime
	done
	same $v static-pre-8.1 runtime-pre-8.1
done

if [ -f "$build/v1/check/static.json" ] && [ -f "$build/v2/check/static.json" ]; then
	"$scripts/check-scenarios.sh" "$checker" "$build/v1/check/static.json" \
		"$build/v2/check/static.json" "$tree/expected-findings.txt" "$tree/scenarios.txt" ||
		fail "check-scenarios.sh: some checks failed (above)"
else
	fail "no static dumps to run the scenarios on"
fi
"$scripts/check-cli.sh" "$build/v1/plain/vmstate-src" || fail "check-cli.sh: some checks failed (above)"
harness_end
