#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Command-line tests of vmstate-extract: every kind of input (objects, a linked
# executable, archives, thin archives, fragment files, directories) and every bad input,
# each asserting the exit status and the message.  Fragments are put into objects with
# objcopy, so that these tests need neither the plugin nor the QOM evaluator.
#   sh testsuite/extract/cli-test.sh build/vmstate-extract WORKDIR
set -u
. "$(dirname "$0")/../harness.sh"
harness_group cli-test

extract=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
work=$2
CC=${CC:-cc}
rm -rf "$work"
mkdir -p "$work"
cd "$work" || exit 1

# expect STATUS STDERR-TEXT [--stdout TEXT] -- ARGS...: runs the tool, checks its exit
# status and that stderr (and stdout) contain the texts.
expect() {
	want_status=$1 want_err=$2
	shift 2
	want_out=
	if [ "$1" = --stdout ]; then
		want_out=$2
		shift 2
	fi
	shift # --
	timeout 60 "$extract" "$@" >out.txt 2>err.txt
	status=$?
	ok=yes
	[ "$status" -eq "$want_status" ] || ok=no
	if [ -n "$want_err" ]; then
		grep -qF -- "$want_err" err.txt || ok=no
	else
		[ -s err.txt ] && ok=no
	fi
	if [ -n "$want_out" ]; then
		grep -qF -- "$want_out" out.txt || ok=no
	fi
	if [ $ok = yes ]; then
		pass "vmstate-extract $*"
	else
		fail "vmstate-extract $*"
		{
			echo "  expected status $want_status, stderr containing: $want_err"
			[ -n "$want_out" ] && echo "  and stdout containing: $want_out"
			echo "  got status $status, stderr:"
			sed 's/^/    /' err.txt
			echo "  stdout:"
			head -5 out.txt | sed 's/^/    /'
		} >&2
	fi
}

# fragment SOURCE ID VMSTATES [VERSION]: a fragment's JSON text.
fragment() {
	printf '{"vmstate-fragment":%s,"producer":{"name":"test","version":"0","gcc":"12"},' "${4:-1}"
	printf '"unit":{"source":"%s","directory":"/t","id":"%s"},' "$1" "$2"
	printf '"vmstates":[%s],"infos":[],"unknowns":[],"qom":{}}' "$3"
}

vmsd() { # SYMBOL LINKAGE LOC
	printf '{"symbol":"%s","linkage":"%s","loc":"%s","name":"%s","version_id":1,' "$1" "$2" "$3" "$1"
	printf '"minimum_version_id":1,"fields":null,"subsections":null}'
}

# object NAME.o FRAGMENT-FILE [SOURCE]: an object whose .vmstate_fragment holds the file
# plus a NUL, unallocated as the plugin makes it; compiled from SOURCE when given (its
# base name is the object's STT_FILE symbol).
object() {
	src=${3:-$1.c}
	mkdir -p "$(dirname "$src")"
	echo "static int $(basename "$1" .o | tr -c 'a-z0-9\n' _)_fn(void) { return 0; }
int (*$(basename "$1" .o | tr -c 'a-z0-9\n' _)_ptr)(void) = $(basename "$1" .o | tr -c 'a-z0-9\n' _)_fn;" >"$src"
	$CC -c -o "$1.tmp" "$src" || exit 1
	cp "$2" "$1.frag"
	printf '\0' >>"$1.frag"
	objcopy --add-section .vmstate_fragment="$1.frag" \
		--set-section-flags .vmstate_fragment=contents,readonly "$1.tmp" "$1" || exit 1
	rm -f "$1.tmp" "$1.frag" "$src"
}

fragment ../hw/a.c 00000000000000a1 "$(vmsd vmstate_a global ../hw/a.c:3:5),$(vmsd vmstate_s static ../hw/a.c:9:1)" >a.json
fragment ../hw/b.c 00000000000000b2 "$(vmsd vmstate_s static ../hw/b.c:4:1)" >b.json
fragment ../hw/c.c 00000000000000c3 "$(vmsd vmstate_a global ../hw/c.c:7:2)" >c.json
object a.o a.json
object b.o b.json
object c.o c.json
echo 'int plain(void) { return 1; }' >plain.c
$CC -c -o plain.o plain.c || exit 1
echo 'int main(void) { return 0; }' >main.c
$CC -o prog main.c a.o b.o || exit 1

# --- usage ---
expect 2 "vmstate-extract: error: no input given" -- 
expect 2 "vmstate-extract: error: unknown option '--frobnicate'" -- --frobnicate a.o
expect 2 "vmstate-extract: error: unknown option '-x'" -- -x a.o
expect 2 "vmstate-extract: error: unknown layout '9.0' (expected 8.1 or pre-8.1)" -- --layout=9.0 a.o
expect 2 "vmstate-extract: error: option '-o' needs an argument" -- a.o -o
expect 0 "" --stdout "Usage: vmstate-extract" -- --help
expect 0 "" --stdout "vmstate-extract (vmstate-plugin)" -- --version
if [ -w /dev/full ]; then
	for opt in --help --version; do
		"$extract" $opt >/dev/full 2>err.txt
		status=$?
		if [ $status -eq 4 ] && grep -qF "cannot write to standard output: No space left on device" err.txt; then
			pass "$opt >/dev/full"
		else
			fail "$opt >/dev/full: status $status"
		fi
	done
fi

# --- good inputs, listed ---
expect 0 "" --stdout "a.o	00000000000000a1	../hw/a.c" -- --list-units a.o b.o
grep -qF "b.o	00000000000000b2	../hw/b.c" out.txt || fail "b.o not listed"
# The linker concatenates the sections of both objects; the reader splits them at NULs.
expect 0 "" --stdout "prog	00000000000000b2	../hw/b.c" -- --list-units prog
[ "$(wc -l <out.txt)" -eq 2 ] || fail "prog should hold 2 units"
strip prog -o prog.stripped
expect 0 "" --stdout "prog.stripped	00000000000000a1	../hw/a.c" -- --list-units prog.stripped
# An executable given with its own objects: each unit once, no conflict.
expect 0 "" -- --list-units prog a.o b.o
[ "$(wc -l <out.txt)" -eq 2 ] || fail "prog + objects should hold 2 units"
ar rcs lib.a a.o plain.o b.o
expect 0 "" --stdout "lib.a(b.o)	00000000000000b2	../hw/b.c" -- --list-units lib.a
# Member names longer than 15 characters go through the archive's long-name table.
cp a.o a-member-with-a-long-name.o
ar rcs long.a a-member-with-a-long-name.o
expect 0 "" --stdout "long.a(a-member-with-a-long-name.o)	00000000000000a1" -- --list-units long.a
mkdir -p sub
cp b.o sub/b.o
ar rcsT thin.a a.o sub/b.o
expect 0 "" --stdout "thin.a(sub/b.o)	00000000000000b2	../hw/b.c" -- --list-units thin.a
mkdir -p elsewhere
ar rcsT elsewhere/thin2.a a.o
expect 0 "" --stdout "elsewhere/thin2.a(../a.o)	00000000000000a1" -- --list-units elsewhere/thin2.a
mkdir -p dumpdir
cp a.json dumpdir/00000000000000a1.vmfrag.json
cp b.json dumpdir/00000000000000b2.vmfrag.json
echo ignored >dumpdir/README
expect 0 "" --stdout "dumpdir/00000000000000b2.vmfrag.json	00000000000000b2	../hw/b.c" -- --list-units dumpdir
cp a.json single.vmfrag.json
expect 0 "" --stdout "single.vmfrag.json	00000000000000a1	../hw/a.c" -- --list-units single.vmfrag.json
expect 0 "" -- --list-units -o units.txt a.o
grep -qF "a.o	00000000000000a1	../hw/a.c" units.txt || fail "-o units.txt"

# A compressed section (as --compress-debug-sections makes them) is read too.
objcopy --rename-section .vmstate_fragment=.debug_vmstate a.o a-renamed.o &&
	objcopy --compress-debug-sections=zlib a-renamed.o a-compressed.o &&
	objcopy --rename-section .debug_vmstate=.vmstate_fragment a-compressed.o a-z.o || exit 1
readelf -S -W a-z.o | grep -q '\.vmstate_fragment .* C ' || fail "a-z.o not compressed"
expect 0 "" --stdout "a-z.o	00000000000000a1	../hw/a.c" -- --list-units a-z.o
# Enough fragments to be parsed on several threads: the order and the message stay those
# of the input.
i=0
: >many.frag
while [ $i -lt 400 ]; do
	if [ $i -eq 250 ]; then
		printf '{"vmstate-fragment":1,"unit":{"source":"bad%d.c"' $i >>many.frag
	elif [ $i -eq 300 ]; then
		fragment "bad$i.c" "not-hex" "" >>many.frag
	else
		fragment "u$i.c" "$(printf '%016x' $((i + 4096)))" "" >>many.frag
	fi
	printf '\0' >>many.frag
	i=$((i + 1))
done
echo 'int many_fn(void) { return 0; }' >many.c
$CC -c -o many.tmp.o many.c && objcopy --add-section .vmstate_fragment=many.frag \
	--set-section-flags .vmstate_fragment=contents,readonly many.tmp.o many.o || exit 1
expect 3 "many.o: error: fragment 250 (unit bad250.c): invalid JSON at byte 49 of the fragment: premature end of input (expected ',' or '}')" -- --list-units many.o
# Both bad fragments, in input order, whatever thread checked them.
sed -n 2p err.txt | grep -qF "many.o: error: fragment 300 (unit bad300.c): at unit.id: expected 16 lower-case hex digits, got \"not-hex\"" &&
	[ "$(grep -c error: err.txt)" -eq 2 ] || { fail "many.o: two errors expected"; cat err.txt >&2; }
tr '\0' '\n' <many.frag | sed '251d;301d' | tr '\n' '\0' >many-good.frag
objcopy --add-section .vmstate_fragment=many-good.frag \
	--set-section-flags .vmstate_fragment=contents,readonly many.tmp.o many-good.o || exit 1
expect 0 "" --stdout "many-good.o	0000000000001000	u0.c" -- --list-units many-good.o
awk -F '\t' '{ print $3 }' out.txt >many-sources.txt
i=0; want=
while [ $i -lt 400 ]; do [ $i -ne 250 ] && [ $i -ne 300 ] && want="${want}u$i.c
"; i=$((i + 1)); done
printf '%s' "$want" | cmp -s - many-sources.txt || fail "many-good.o units out of order"

# Bytes that are not UTF-8 (a directory name in Latin-1, an asm label) cost the unit
# nothing: byte B becomes U+EF00 + B as the plugin writes it, with one warning; a
# problem under --strict.
fragment "../hw/caf$(printf '\351').c" 00000000000000e9 "$(vmsd "vmstate_$(printf '\377')" static ../hw/x.c:1:1)" >latin1.json
object latin1.o latin1.json
expect 0 "latin1.o: warning: fragment 0 (unit ../hw/caf" --stdout "latin1.o	00000000000000e9	../hw/caf$(printf '\356\277\251').c" -- --list-units latin1.o
grep -qF "3 bytes in strings are not valid UTF-8 (the first at byte 101 of the fragment); each byte B replaced by U+EF00 + B, as the plugin writes them" err.txt ||
	{ fail "latin1.o: replacement warning"; cat err.txt >&2; }
expect 1 "1 problem reported; with --strict no dump is written" -- --strict --list-units latin1.o
# The old fragment's raw byte and the current plugin's U+EFFF are one symbol.
printf '{"vmstate-fragment":1,"producer":{"name":"t","version":"0","gcc":"12"},"unit":{"source":"../new.c","directory":"/t","id":"00000000000000ea"},"vmstates":[],"infos":[],"unknowns":[],"registers":[{"function":"vmstate_register","caller":"f","loc":"../new.c:9:5","vmsd":"vmstate_\\uefff","instance_id":0}],"qom":{}}' >new.json
fragment ../old.c 00000000000000eb "$(vmsd "vmstate_$(printf '\377')" global ../old.c:1:1)" >old.json
object old.o old.json
object new.o new.json
expect 0 "old.o: warning: fragment 0 (unit ../old.c): 2 bytes in strings are not valid UTF-8" -- --extended -o mixed.json old.o new.o
python3 -c 'import json,sys; d=json.load(open("mixed.json")); sys.exit(not (len(d["sections"]) == 1 and d["sections"][0]["description"] == "vmstate_\uefff"))' &&
	pass "old raw byte and new U+EFFF are one symbol" || fail "old raw byte and new U+EFFF are not one symbol"

# Units built without the plugin are named in one note (the dump lacks their
# descriptions): archive members without a fragment, and the source files a linked
# program's symbol table names that no fragment has as its unit.
object cov-a.o a.json hw/a.c
$CC -o cov-prog main.c cov-a.o plain.o || exit 1
expect 0 "vmstate-extract: note: 2 units of the inputs have no vmstate fragment, so any description defined there is missing from the dump (built without -fplugin=vmstate.so?): main.c (in cov-prog), plain.c (in cov-prog)" -- cov-prog
ar rcs mixed.a a.o plain.o
expect 0 "vmstate-extract: note: 1 unit of the input has no vmstate fragment, so any description defined there is missing from the dump (built without -fplugin=vmstate.so?): mixed.a(plain.o)" -- mixed.a
expect 0 "" -- cov-a.o

# --extended: the sections a program registers outside QOM too (docs/extended-dump.md).
printf '{"vmstate-fragment":1,"producer":{"name":"t","version":"0","gcc":"12"},"unit":{"source":"../t.c","directory":"/t","id":"00000000000000f1"},"vmstates":[%s],"infos":[],"unknowns":[],"registers":[%s,%s],"qom":{}}' \
	"$(vmsd vmstate_timers static ../t.c:5:1)" \
	'{"function":"vmstate_register","caller":"timers_init","loc":"../t.c:9:5","vmsd":"vmstate_timers","instance_id":0}' \
	'{"function":"vmstate_register","caller":"other_init","loc":"../t.c:19:5","vmsd":{"unknown":"not a static description","loc":"../t.c:19:30"},"instance_id":"any"}' >reg.json
object reg.o reg.json
expect 0 "vmstate-extract: note: 2 problems: conflicts reported above, and unknowns written in the extended dump with their places" -- --extended -o ext.json reg.o
python3 - ext.json <<'PY' && pass "--extended dump" || fail "--extended dump"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["vmstate-extended-dump"] == 1 and d["program"] == "reg.o", d
s = d["sections"]
assert [x["name"] for x in s] == ["vmstate_timers"], s
assert s[0]["description"] == "vmstate_timers@00000000000000f1", s
assert s[0]["registrations"] == [{"kind": "register", "function": "vmstate_register",
    "caller": {"symbol": "timers_init", "loc": "../t.c:9:5"}, "loc": "../t.c:9:5",
    "instance_id": 0}], s
assert sorted(u["loc"] for u in d["unknowns"]) == ["../t.c:19:30", "../t.c:5:1"], d["unknowns"]
PY
expect 1 "2 problems reported; with --strict no dump is written" -- --extended --strict reg.o
printf '{"vmstate-fragment":1,"producer":{"name":"t","version":"0","gcc":"12"},"unit":{"source":"../t.c","directory":"/t","id":"00000000000000f2"},"vmstates":[],"infos":[],"unknowns":[],"registers":[{"function":"vmstate_register","caller":"f","loc":"../t.c:9:5","vmsd":"v","instance_id":"first"}],"qom":{}}' >badreg.json
object badreg.o badreg.json
expect 3 "badreg.o: error: fragment 0 (unit ../t.c): at registers[0].instance_id: expected an integer, \"any\" or an unknown, got \"first\"" -- --extended badreg.o

# A stub's description (QEMU's hw/acpi/acpi-cpu-hotplug-stub.c: defined without an
# initializer, all zeros) beside the real one: the real one is used, with no warning,
# whatever the order (a plan that lists a library's members lists both; the linker
# pulls no stub).  Alone, the extended dump says its name is unknown.
printf '{"vmstate-fragment":1,"producer":{"name":"t","version":"0","gcc":"12"},"unit":{"source":"../stub.c","directory":"/t","id":"00000000000000f3"},"vmstates":[{"symbol":"vmstate_hp","linkage":"global","loc":"../stub.c:7:26","name":null,"version_id":0,"minimum_version_id":0,"fields":null,"subsections":null,"needed":null}],"infos":[],"unknowns":[],"registers":[{"function":"vmstate_register","caller":"f","loc":"../stub.c:9:5","vmsd":"vmstate_hp","instance_id":0}],"qom":{}}' >stub.json
object stub.o stub.json
printf '{"vmstate-fragment":1,"producer":{"name":"t","version":"0","gcc":"12"},"unit":{"source":"../real.c","directory":"/t","id":"00000000000000f4"},"vmstates":[%s],"infos":[],"unknowns":[],"registers":[],"qom":{}}' \
	"$(vmsd vmstate_hp global ../real.c:3:1 | sed 's/}$/,"needed":null}/')" >real.json
object real.o real.json
expect 0 "" -- --extended -o stub-real.json stub.o real.o
expect 0 "" -- --extended -o real-stub.json real.o stub.o
expect 0 "vmstate-extract: note: 1 problem: conflicts reported above, and unknowns written in the extended dump with their places" -- --extended -o stub-only.json stub.o
python3 - stub-real.json real-stub.json stub-only.json <<'PY' && pass "a stub's description loses to the real one; alone, its name is unknown" || fail "stub descriptions"
import json, sys
for path in sys.argv[1:3]:
    d = json.load(open(path))
    desc = d["descriptions"][d["sections"][0]["description"]]
    assert desc["name"] == "vmstate_hp" and desc["loc"] == "../real.c:3:1", (path, desc)
d = json.load(open(sys.argv[3]))
desc = d["descriptions"][d["sections"][0]["description"]]
assert desc["name"]["unknown"].startswith("the description has no name"), desc
assert desc["name"]["loc"] == "../stub.c:7:26", desc
PY

# --- conflicts: warnings, fatal under --strict ---
expect 0 "../hw/c.c:7:2: warning: global symbol 'vmstate_a' is defined twice (in c.o)" -- --list-units a.o c.o
grep -qF "../hw/a.c:3:5: note: the definition that is used (in a.o)" err.txt ||
	fail "conflict note"
expect 1 "vmstate-extract: error: 1 problem reported; with --strict no dump is written" -- --strict --list-units a.o c.o
# Statics of one name in two units are no conflict.
expect 0 "" -- --strict --list-units a.o b.o

# --- bad inputs ---
expect 3 "missing.o: error: cannot read: No such file or directory" -- missing.o
expect 3 "/dev/zero: error: not a regular file" -- /dev/zero
# A pipe is read to its end.
expect 0 "" --stdout "00000000000000a1" -- --list-units /dev/stdin <a.json
echo "hello" >text.txt
expect 3 "text.txt: error: not an ELF file, archive or fragment file" -- text.txt
: >empty.o
expect 3 "empty.o: error: empty file: not an ELF file, archive or fragment file" -- empty.o
expect 3 "plain.o: error: no .vmstate_fragment section: not compiled with -fplugin=vmstate.so?" -- plain.o
$CC -o plainprog main.c plain.o || exit 1
expect 3 "plainprog: error: no .vmstate_fragment section" -- plainprog
ar rcs plain.a plain.o
expect 3 "plain.a: error: no member of the archive has a .vmstate_fragment section" -- plain.a
head -c 100 a.o >cut.o
expect 3 "cut.o: error: invalid ELF file" -- cut.o
# A bad identification names the byte; libelf alone says "no error".
printf '\177ELF' >four.o
expect 3 "four.o: error: invalid ELF file: truncated (4 bytes, shorter than the 16-byte identification)" -- four.o
# patch FILE OFFSET OCTAL-BYTES: a copy of a.o with bytes replaced.
patch_copy() {
	cp a.o "$1" && printf "$3" | dd of="$1" bs=1 seek="$2" conv=notrunc 2>/dev/null
}
patch_copy bad-class.o 4 '\011'
expect 3 "bad-class.o: error: invalid ELF file: unknown class 0x09 (byte 4, EI_CLASS)" -- bad-class.o
patch_copy bad-data.o 5 '\011'
expect 3 "bad-data.o: error: invalid ELF file: unknown data encoding 0x09 (byte 5, EI_DATA)" -- bad-data.o
patch_copy bad-version.o 6 '\011'
expect 3 "bad-version.o: error: invalid ELF file: unknown version 9 (byte 6, EI_VERSION)" -- bad-version.o
# e_shstrndx (byte 62 of a 64-bit little-endian header) pointing at a section that is
# not a string table: the file is broken, not built without the plugin.
patch_copy bad-shstrndx.o 62 '\001\000'
expect 3 "bad-shstrndx.o: error: invalid ELF file: its section-name table (e_shstrndx 1) is not a string table section" -- bad-shstrndx.o
head -c 500 lib.a >cut.a
expect 3 "cut.a: error: truncated archive" -- cut.a
rm -f sub/b.o
expect 3 "sub/b.o: error: cannot read: No such file or directory" -- thin.a
grep -qF "thin.a: note: member 'sub/b.o' of this thin archive (a file of its own) cannot be read" err.txt ||
	fail "thin archive note"
fragment ../hw/x.c 00000000000000d4 "$(vmsd vmstate_x static ../hw/x.c:1:1)" | head -c 150 >trunc.json
object trunc.o trunc.json
expect 3 "trunc.o: error: fragment 0 (unit ../hw/x.c): invalid JSON at byte 150 of the fragment" -- trunc.o
# A bad fragment among good ones in a linked program names its index.
$CC -o badprog main.c a.o trunc.o || exit 1
expect 3 "badprog: error: fragment 1 (unit ../hw/x.c): invalid JSON" -- badprog
fragment ../hw/v.c 00000000000000e5 "" 2 >v2.json
object v2.o v2.json
expect 3 "v2.o: error: fragment 0 (unit ../hw/v.c): unknown fragment format version 2 (this vmstate-extract reads version 1)" -- v2.o
printf '{\n  "vmstate-fragment": 1,\n  "unit": {"source": "x.c",, }\n}\n' >bad.vmfrag.json
expect 3 "bad.vmfrag.json:3:28: error: invalid JSON: " -- bad.vmfrag.json
fragment ../hw/w.c 00000000000000f6 '{"symbol":"v","linkage":"static","loc":"w.c:1:1","name":"v","version_id":"1","minimum_version_id":1,"fields":null,"subsections":null}' >wrongtype.json
object wrongtype.o wrongtype.json
expect 3 "wrongtype.o: error: fragment 0 (unit ../hw/w.c): at vmstates[0].version_id: expected an integer or an unknown, got a string" -- wrongtype.o
# FIFOs the user did not name are refused, not waited on for ever.
mkdir -p fifodir
cp a.json fifodir/00000000000000a1.vmfrag.json
mkfifo fifodir/00000000000000b2.vmfrag.json
expect 3 "fifodir/00000000000000b2.vmfrag.json: error: not a regular file" -- --list-units fifodir
cp b.o fifo-member.o
ar rcsT fifo-thin.a a.o fifo-member.o
rm -f fifo-member.o && mkfifo fifo-member.o
expect 3 "fifo-member.o: error: not a regular file" -- --list-units fifo-thin.a
mkdir -p emptydir
expect 3 "emptydir: error: directory holds no *.vmfrag.json fragment files" -- emptydir
# Every bad input is reported, not only the first.
expect 3 "text.txt: error: not an ELF file" -- --list-units plain.o text.txt a.o
grep -qF "plain.o: error: no .vmstate_fragment section" err.txt || fail "both errors"
[ -s out.txt ] && fail "output despite bad input"
expect 4 "nodir/units.txt: error: cannot create: No such file or directory" -- --list-units -o nodir/units.txt a.o

# -o as a shell redirect: through a symbolic link, keeping the mode, refused on a file
# the user may not write.
"$extract" -o ref.json a.o 2>/dev/null
echo old >target.json && chmod 640 target.json && ln -sf target.json link.json
expect 0 "" -- -o link.json a.o
if [ -L link.json ] && cmp -s ref.json target.json && [ "$(stat -c %a target.json)" = 640 ]; then
	pass "-o link.json: written through the link, mode kept"
else
	fail "-o link.json: the link was replaced, or the target's contents or mode changed"
fi
ln -sf new-target.json dangling.json
expect 0 "" -- -o dangling.json a.o
[ -L dangling.json ] && cmp -s ref.json new-target.json && pass "-o through a dangling link" ||
	fail "-o through a dangling link"
echo old >readonly.json && chmod 444 readonly.json
if [ "$(id -u)" -ne 0 ]; then
	expect 4 "readonly.json: error: cannot write: Permission denied" -- -o readonly.json a.o
elif command -v setpriv >/dev/null; then
	chmod 777 . && chmod 755 "$extract"
	setpriv --reuid=65534 --regid=65534 --clear-groups "$extract" -o readonly.json a.o 2>err.txt
	status=$?
	if [ $status -eq 4 ] && grep -qF "readonly.json: error: cannot write: Permission denied" err.txt &&
		[ "$(cat readonly.json)" = old ]; then
		pass "-o readonly.json as nobody: refused"
	else
		fail "-o readonly.json as nobody: status $status"; cat err.txt >&2
	fi
fi

# An output that is not a regular file (/dev/null, a FIFO) is written in place, not
# renamed over: the FIFO stays a FIFO and its reader gets the whole dump.
"$extract" -o ref.json a.o 2>/dev/null
rm -f out.fifo && mkfifo out.fifo
timeout 60 cat out.fifo >fifo.json &
reader=$!
"$extract" -o out.fifo a.o 2>/dev/null
wait "$reader"
if [ -p out.fifo ] && cmp -s ref.json fifo.json; then
	pass "-o FIFO: written in place"
else
	fail "-o FIFO: replaced, or the reader did not get the dump"
fi

harness_end
