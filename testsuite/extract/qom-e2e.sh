#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# End-to-end tests of the QOM recording and evaluation: the sources in qom-src/ are
# compiled with the plugin and linked with a working miniature object model
# (qom-src/runtime.c); what that program computes at run time must equal what
# vmstate-extract computes statically from the fragments.
# Usage: qom-e2e.sh PLUGIN VMSTATE-EXTRACT WORKDIR
set -u
plugin=$1 extract=$2 work=$3
src=$(cd "$(dirname "$0")/qom-src" && pwd)
cc=${CC:-gcc}
runs=0
rm -rf "$work" && mkdir -p "$work"

. "$(dirname "$0")/../harness.sh"
harness_group qom-e2e

# compile DIR FLAGS SOURCES...: objects into DIR
compile() {
	dir=$1 flags=$2; shift 2
	mkdir -p "$dir"
	for s in "$@"; do
		$cc -c $flags -Wall -Werror -fplugin="$plugin" "$src/$s.c" -o "$dir/$s.o" ||
			{ fail "compile $s.c with $flags"; return 1; }
	done
}

# "TYPE VMSD-NAME" per section of a dump, sorted.
sections() {
	python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
for k in sorted(d):
    if k != "vmschkmachine":
        print(k, d[k]["Description"]["name"])' "$1"
}

programs="core loop direct helper-lib helper-user stmt-expr wire virtio"
facts=$(cd "$(dirname "$0")" && pwd)/wire-facts.py
for flags in "-O0" "-O2" "-O2 -g" "-O1 -fno-inline" "-O2 -flto" "-O2 -flto -ffat-lto-objects"; do
	runs=$((runs + 1))
	tag=$(echo "$flags" | tr -d ' -')
	dir=$work/$tag
	compile "$dir" "$flags" $programs runtime || continue
	objs=$(for p in $programs runtime; do printf '%s ' "$dir/$p.o"; done)
	$cc $flags -o "$dir/prog" $objs || { fail "link ($flags)"; continue; }
	"$dir/prog" > "$dir/truth.txt" || { fail "run ($flags)"; continue; }
	if ! "$extract" --strict -o "$dir/dump.json" "$dir/prog" 2> "$dir/extract.err"; then
		fail "vmstate-extract --strict on the program ($flags): $(cat "$dir/extract.err")"
		continue
	fi
	sections "$dir/dump.json" > "$dir/static.txt"
	if [ ! -s "$dir/truth.txt" ]; then
		fail "the program printed no sections ($flags)"
	elif diff -u "$dir/truth.txt" "$dir/static.txt"; then
		pass "executable, $flags: $(wc -l < "$dir/truth.txt") sections as at run time"
	else
		fail "executable, $flags: static sections differ from run time"
	fi
	# The extended dump: every section the program registers (CPUs' legacy state and
	# vmstate_register() too) and the facts the load side uses, as the program itself
	# lists them.
	"$dir/prog" --wire | sort -u > "$dir/wire-truth.txt"
	if "$extract" --extended -o "$dir/extended.json" "$dir/prog" 2> "$dir/extended.err" &&
	   python3 "$facts" "$dir/extended.json" > "$dir/wire-static.txt" &&
	   diff -u "$dir/wire-truth.txt" "$dir/wire-static.txt"; then
		pass "extended dump, $flags: $(grep -c '^section' "$dir/wire-truth.txt") registrations as at run time"
	else
		fail "extended dump, $flags: differs from run time ($(cat "$dir/extended.err"))"
	fi
	# The same from the object files and from a static archive; slim LTO objects hold
	# only bytecode until the link (the plugin's tests cover them).
	case $flags in *-flto*) case $flags in *fat-lto*) ;; *) continue ;; esac ;; esac
	ar rcs "$dir/libqom.a" $objs
	"$extract" --strict -o "$dir/dump-objs.json" $objs 2> /dev/null &&
		sections "$dir/dump-objs.json" | cmp -s - "$dir/truth.txt" &&
		pass "objects, $flags" || fail "objects, $flags"
	"$extract" --strict -o "$dir/dump-ar.json" "$dir/libqom.a" 2> /dev/null &&
		sections "$dir/dump-ar.json" | cmp -s - "$dir/truth.txt" &&
		pass "archive, $flags" || fail "archive, $flags"
done

# -fsyntax-only: the dump-dir fragments alone give the same.
dir=$work/syntax
mkdir -p "$dir/frag"
for p in $programs; do
	$cc -fsyntax-only -fplugin="$plugin" -fplugin-arg-vmstate-dump-dir="$dir/frag" \
		"$src/$p.c" || fail "-fsyntax-only $p.c"
done
"$extract" --strict -o "$dir/dump.json" "$dir/frag" 2> "$dir/err" &&
	sections "$dir/dump.json" | cmp -s - "$work/O2/truth.txt" &&
	pass "fragment files from -fsyntax-only" ||
	fail "fragment files from -fsyntax-only: $(cat "$dir/err")"

# What the IR cannot model is a note with -fplugin-arg-vmstate-verbose, silence without.
dir=$work/verbose
mkdir -p "$dir"
line=$(grep -n 'dc->desc = ({' "$src/stmt-expr.c" | cut -d: -f1)
$cc -c -O2 -fplugin="$plugin" -fplugin-arg-vmstate-verbose "$src/stmt-expr.c" \
	-o "$dir/v.o" 2> "$dir/err"
grep -q "stmt-expr.c:$line:[0-9]*: note: vmstate: expression bind_expr is not evaluated in .led_class_init.; recorded as unknown" "$dir/err" &&
	pass "verbose note for an unmodelled expression" ||
	fail "verbose note: $(cat "$dir/err")"
$cc -c -O2 -Werror -fplugin="$plugin" "$src/stmt-expr.c" -o "$dir/q.o" 2> "$dir/err2"
[ ! -s "$dir/err2" ] && pass "silent without -fplugin-arg-vmstate-verbose" ||
	fail "output without verbose: $(cat "$dir/err2")"

# Unusual C (VLAs, computed goto, case ranges, varargs, floating point, _Generic): the
# build stays silent under -Werror and the type's vmsd is reported unknown, with the
# location of the switch that could not be decided.
dir=$work/torture
compile "$dir" "-O2" core torture && {
	line=$(grep -n 'switch (vla' "$src/torture.c" | cut -d: -f1)
	"$extract" -o "$dir/dump.json" "$dir/core.o" "$dir/torture.o" 2> "$dir/err"
	grep -q "torture.c:$line:[0-9]*: warning: vmsd of type \"odd\" is unknown" "$dir/err" &&
		pass "unusual C: reported at torture.c:$line" || fail "unusual C: $(cat "$dir/err")"
}

# An undecidable condition: reported with its location, fatal under --strict.
dir=$work/unknown
compile "$dir" -O2 core undecidable && {
	line=$(grep -n 'if (host_feature_enabled' "$src/undecidable.c" | cut -d: -f1)
	"$extract" -o "$dir/dump.json" "$dir/core.o" "$dir/undecidable.o" 2> "$dir/err"
	status=$?
	if [ $status -eq 0 ] &&
	   grep -q "undecidable.c:$line:[0-9]*: warning: vmsd of type \"probe\" is unknown" "$dir/err"; then
		pass "undecidable vmsd reported at undecidable.c:$line"
	else
		fail "undecidable vmsd: status $status, stderr: $(cat "$dir/err")"
	fi
	"$extract" --strict -o "$dir/dump2.json" "$dir/core.o" "$dir/undecidable.o" 2> /dev/null
	[ $? -ne 0 ] && [ ! -e "$dir/dump2.json" ] && pass "--strict fails on an unknown vmsd" ||
		fail "--strict accepted an unknown vmsd"
}

# A virtio device's class description under an undecidable condition: only that member
# is unknown, at the condition; the section and its dc->vmsd stay.
dir=$work/virtio-unknown
compile "$dir" -O2 core virtio runtime virtio-undecidable && {
	line=$(grep -n 'if (host_feature_enabled' "$src/virtio-undecidable.c" | cut -d: -f1)
	"$extract" --extended -o "$dir/ext.json" "$dir/core.o" "$dir/virtio.o" \
		"$dir/runtime.o" "$dir/virtio-undecidable.o" 2> "$dir/err"
	status=$?
	if [ $status -eq 0 ] && ! grep -q 'type "vprobe" is unknown' "$dir/err" &&
	   python3 -c 'import json, sys
d = json.load(open(sys.argv[1]))
s = [x for x in d["sections"] if x["name"] == "vprobe"]
v = d["descriptions"][s[0]["description"]]["fields"][0]["virtio"]
ok = (v["vmsd"]["loc"].endswith("virtio-undecidable.c:%s:5" % sys.argv[2])
      and "cannot be decided" in v["vmsd"]["unknown"] and v["by_hand"] is None
      and v["types"] == ["vprobe"])
sys.exit(0 if ok else 1)' "$dir/ext.json" "$line"; then
		pass "undecidable VirtioDeviceClass.vmsd: unknown at virtio-undecidable.c:$line, the section kept"
	else
		fail "undecidable VirtioDeviceClass.vmsd: status $status, stderr: $(cat "$dir/err")"
	fi
}

# Conflicts: a type registered twice, a parent never registered.
dir=$work/conflicts
compile "$dir" -O2 core direct duplicate && {
	"$extract" -o "$dir/dump.json" "$dir/core.o" "$dir/direct.o" "$dir/duplicate.o" 2> "$dir/err"
	grep -q "duplicate.c:[0-9]*:[0-9]*: warning: type 'timer' is registered twice (first at .*direct.c:[0-9]*:[0-9]*)" "$dir/err" &&
		pass "type registered twice" || fail "type registered twice: $(cat "$dir/err")"
	grep -q "duplicate.c:[0-9]*:[0-9]*: warning: type 'orphan' has parent 'no-such-parent', which is never registered" "$dir/err" &&
		pass "parent never registered" || fail "parent never registered: $(cat "$dir/err")"
	"$extract" --strict -o "$dir/dump2.json" "$dir/core.o" "$dir/direct.o" "$dir/duplicate.o" 2> /dev/null &&
		fail "--strict accepted conflicts" || pass "--strict fails on conflicts"
}

harness_end
