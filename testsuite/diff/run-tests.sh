#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# End-to-end tests of vmstate-diff on the example tree: v1 and v2 of
# testsuite/vmstate-src as two commits of a temporary git repository.
#   run-tests.sh BUILD_DIR     (absolute; holds vmstate-diff, vmstate.so, vmstate-extract,
#                               vmstate-check and vmstate-src/{v1,v2}/static.json)
set -u
build=${1:?usage: run-tests.sh BUILD_DIR}
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
vsrc=$top/testsuite/vmstate-src
diff_bin=$build/vmstate-diff
check_bin=$build/vmstate-check
work=$build/diff-tests
rm -rf "$work"
mkdir -p "$work"
repo=$work/repo
cache=$work/cache
. "$top/testsuite/harness.sh"
harness_group check-diff
# The lines of one direction's block of a vmstate-diff report.
block() { # FILE forward|backward
	awk -v d="== $2 migration:" 'index($0, d) == 1 { on = 1; next } /^== / { on = 0 } on' "$1"
}

sh "$here/make-example-repo.sh" "$vsrc" "$repo" || { echo "check-diff: cannot make the repository" >&2; exit 1; }
export VMSTATE_CACHE="$work/unused-cache"

# How the tests call vmstate-diff on the example tree.  The wire model is the default;
# the tests of the reference mode's output give --reference (from test 11 on, the test
# repository's .vmstate-diff says "reference = yes"; vdw ignores it).
vd() {
	(cd "$repo" && "$diff_bin" --cache-dir "$cache" -j 2 \
		--compdb-cmd "sh '$here/example-compdb.sh'" "$@")
}
vdw() { vd --config /dev/null "$@"; }

# 1. v1 -> v2 and back: the checker's own verdicts on the static dumps of the built programs.
vd --reference -v --src-machine pc-i440fx-2.1 --dest-machine pc-i440fx-2.2 -o "$work/dumps" v1 v2 \
	>"$work/1.out" 2>"$work/1.err"
expect_eq "v1 v2: exit status 1 (problems found)" 1 $?
for v in v1 v2; do
	side=src; [ $v = v2 ] && side=dest
	if cmp -s "$work/dumps/$side.json" "$build/vmstate-src/$v/static.json"; then
		pass "v1 v2: the $v dump from -fsyntax-only fragments equals vmstate-extract's dump of the plugin-built $v program"
	else
		fail "v1 v2: the $v dump differs from build/vmstate-src/$v/static.json"
		diff "$work/dumps/$side.json" "$build/vmstate-src/$v/static.json" | head -10 >&2
	fi
done
"$check_bin" -s "$build/vmstate-src/v1/static.json" -d "$build/vmstate-src/v2/static.json" >"$work/fwd.expected"
fwd_status=$?
"$check_bin" -s "$build/vmstate-src/v2/static.json" -d "$build/vmstate-src/v1/static.json" >"$work/bwd.expected"
bwd_status=$?
block "$work/1.out" forward >"$work/fwd.actual"
block "$work/1.out" backward >"$work/bwd.actual"
if cmp -s "$work/fwd.expected" "$work/fwd.actual"; then
	pass "v1 v2: forward block = vmstate-check -s v1 -d v2 ($fwd_status problems)"
else
	fail "v1 v2: forward block differs from vmstate-check's report"; diff "$work/fwd.expected" "$work/fwd.actual" >&2
fi
if cmp -s "$work/bwd.expected" "$work/bwd.actual"; then
	pass "v1 v2: backward block = vmstate-check -s v2 -d v1 ($bwd_status problems)"
else
	fail "v1 v2: backward block differs from vmstate-check's report"; diff "$work/bwd.expected" "$work/bwd.actual" >&2
fi
expect_eq "v1 v2: summary line" "== vmstate-diff: forward $fwd_status problems, backward $bwd_status problems" \
	"$(tail -n 1 "$work/1.out")"
n=$(find "$vsrc/hw" "$vsrc/migration" "$vsrc/qom" "$vsrc/util" -name '*.c' | wc -l)
n=$((n + 2))  # vl.c and the subproject's keymap.c
expect_eq "v1 v2: v1 compiles every unit" "compiling $n of $n units" \
	"$(sed -n 's/^vmstate-diff: src: \(compiling [0-9]* of [0-9]* units\).*/\1/p' "$work/1.err")"
changed=$(cd "$repo" && git diff --name-only v1 v2 -- '*.c' | wc -l)
hdr_changed=$(cd "$repo" && git diff --name-only v1 v2 -- '*.h' | wc -l)
got=$(sed -n 's/^vmstate-diff: dest: compiling \([0-9]*\) of.*/\1/p' "$work/1.err")
if [ -n "$got" ] && [ "$got" -ge "$changed" ] && [ "$got" -lt "$n" ]; then
	pass "v1 v2: v2 reuses v1's fragments: $got of $n units compiled ($changed .c and $hdr_changed .h files changed)"
else
	fail "v1 v2: v2 compiled '$got' units; expected at least $changed and fewer than $n"
fi

# 2. The same again: everything comes from the cache, same report.
vd --reference -v --src-machine pc-i440fx-2.1 --dest-machine pc-i440fx-2.2 v1 v2 >"$work/2.out" 2>"$work/2.err"
expect_eq "rerun: exit status 1" 1 $?
if cmp -s "$work/1.out" "$work/2.out"; then pass "rerun: same report"; else fail "rerun: the report changed"; fi
if grep -q 'compiling' "$work/2.err"; then fail "rerun: compiled something"; else pass "rerun: nothing compiled (cache hits: $(sed -n 's/.*fragment cache: \([0-9]*\) hits.*/\1/p' "$work/2.err"))"; fi

# 3. A revision against itself: no problem either way.
vd --reference v2 v2 >"$work/3.out" 2>"$work/3.err"
expect_eq "v2 v2: exit status 0" 0 $?
expect_eq "v2 v2: summary" "== vmstate-diff: forward 0 problems, backward 0 problems" "$(tail -n 1 "$work/3.out")"

# 4. A one-file change in the working tree (at v2): one unit recompiled, one new message.
(cd "$repo" && git checkout -q v2 && sed -i -e 's/^\tuint8_t idle;/\tuint16_t idle;/' -e 's/VMSTATE_UINT8(idle,/VMSTATE_UINT16(idle,/' hw/usb/dev-hid.c)
vd --reference -v v2 >"$work/4.out" 2>"$work/4.err"
expect_eq "working tree: exit status 1" 1 $?
expect_eq "working tree: one unit recompiled" "compiling 1 of $n units" \
	"$(sed -n 's/^vmstate-diff: dest: \(compiling [0-9]* of [0-9]* units\).*/\1/p' "$work/4.err")"
expect_eq "working tree: forward message" 'Section "usb-kbd" Description "HIDKeyboardDevice" Field "idle" size mismatch: 1 , 2' \
	"$(block "$work/4.out" forward)"
expect_eq "working tree: backward message" 'Section "usb-kbd" Description "HIDKeyboardDevice" Field "idle" size mismatch: 2 , 1' \
	"$(block "$work/4.out" backward)"
if grep -q '^== forward migration: v2 (.*) -> working tree$' "$work/4.out"; then pass "working tree: labelled as such"; else fail "working tree: no 'working tree' label"; fi

# 4b. Exactly two problems: the checker's exit status 2 is a count, not its usage error.
(cd "$repo" && git checkout -q -- hw/usb/dev-hid.c &&
	sed -i '/\.name = "usb-kbd",/{n;s/\.version_id = 1,/.version_id = 2,/}' hw/usb/dev-hid.c)
vd --reference v2 >"$work/4b.out" 2>"$work/4b.err"
expect_eq "two problems: exit status 1" 1 $?
expect_eq "two problems: summary" "== vmstate-diff: forward 0 problems, backward 2 problems" "$(tail -n 1 "$work/4b.out")"
(cd "$repo" && git checkout -q -- hw/usb/dev-hid.c &&
	sed -i -e 's/^\tuint8_t idle;/\tuint16_t idle;/' -e 's/VMSTATE_UINT8(idle,/VMSTATE_UINT16(idle,/' hw/usb/dev-hid.c)

# 5. A header change recompiles exactly the units that include it.
(cd "$repo" && echo '/* touched */' >>include/hw/usb.h)
users=0
for f in $(cd "$repo" && ls vl.c && find hw migration qom util -name '*.c'); do
	if (cd "$repo" && gcc -std=c11 -D_GNU_SOURCE -Iinclude -M "$f" 2>/dev/null) | tr ' ' '\n' | grep -qx 'include/hw/usb.h'; then
		users=$((users + 1))
	fi
done
vd -v v2 >"$work/5.out" 2>"$work/5.err"
expect_eq "header change: the $users units that include hw/usb.h are recompiled" "compiling $users of $n units" \
	"$(sed -n 's/^vmstate-diff: dest: \(compiling [0-9]* of [0-9]* units\).*/\1/p' "$work/5.err")"
(cd "$repo" && git checkout -q -- include/hw/usb.h)

# 6. Waivers: one silences exactly one message, one is stale and reported (its section is
# in both dumps: a record for a section neither has is not stale, docs/waivers.md).
cat >"$work/waivers" <<'WAIVERS'
vmstate-waivers 1
# The keyboard's idle counter widened on purpose (test).
waive kind=size section="usb-kbd" description="HIDKeyboardDevice" field="idle" reason="widened on purpose"
waive kind=size section="usb-kbd" description="HIDKeyboardDevice" field="kbd.modifiers" reason="stale on purpose"
WAIVERS
vd --reference --direction forward -w "$work/waivers" v2 >"$work/6.out" 2>"$work/6.err"
expect_eq "waivers: exit status 0 (the one message is waived)" 0 $?
expect_eq "waivers: forward block is empty" "" "$(block "$work/6.out" forward)"
expect_eq "waivers: summary" "== vmstate-diff: forward 0 problems; 1 message waived, 1 stale waiver" "$(tail -n 1 "$work/6.out")"
expect_eq "waivers: the stale one is reported with its place" \
	"$work/waivers:4: warning: stale waiver: no size message in section \"usb-kbd\", description \"HIDKeyboardDevice\", field \"kbd.modifiers\" (reason: stale on purpose)" \
	"$(grep 'stale waiver' "$work/6.err")"
vd --reference -w "$work/waivers" v1 v2 >"$work/6b.out" 2>/dev/null
expect_eq "waivers: v1 v2 with both waivers: counts unchanged" \
	"== vmstate-diff: forward $fwd_status problems, backward $bwd_status problems; 0 messages waived, 2 stale waivers" \
	"$(tail -n 1 "$work/6b.out")"
printf 'vmstate-waivers 1\nwaive kind=size section="x"\n' >"$work/bad-waivers"
vd --reference -w "$work/bad-waivers" v2 >/dev/null 2>"$work/6c.err"
expect_eq "waivers: a waiver without a reason is a usage error (exit 2)" 2 $?
expect_eq "waivers: the error names the file and place" \
	"$work/bad-waivers:2:7: error: a waiver needs a reason=\"...\" that says why the difference is accepted" \
	"$(cat "$work/6c.err")"

# 6d. vmstate-check --waivers on the v1 and v2 dumps of the temporary repository (item 1's
# dumps): one message silenced, the rest of the report unchanged, a stale waiver reported.
cat >"$work/check-waivers" <<'WAIVERS'
vmstate-waivers 1
waive kind=section-missing section="fw_cfg" reason="fw_cfg moved to the machine"
waive kind=size section="usb-kbd" field="kbd.modifiers" reason="stale on purpose"
WAIVERS
"$check_bin" -s "$work/dumps/src.json" -d "$work/dumps/dest.json" --waivers "$work/check-waivers" \
	>"$work/6d.out" 2>"$work/6d.err"
expect_eq "check --waivers: exit status one less than without waivers" $((fwd_status - 1)) $?
expect_eq "check --waivers: the report less exactly the waived line" \
	"$(grep -vx 'Section "fw_cfg" does not exist in dest' "$work/fwd.expected")" "$(cat "$work/6d.out")"
expect_eq "check --waivers: fw_cfg was in the report without waivers" 1 \
	"$(grep -cx 'Section "fw_cfg" does not exist in dest' "$work/fwd.expected")"
expect_eq "check --waivers: the stale waiver is reported with its place" \
	"$work/check-waivers:3: warning: stale waiver: no size message in section \"usb-kbd\", field \"kbd.modifiers\" (reason: stale on purpose)" \
	"$(cat "$work/6d.err")"

# 7. A committed baseline dump against the working tree.
mkdir -p "$work/baselines"
cp "$work/dumps/src.json" "$work/baselines/v1.json"
vd --reference --src-dump "$work/baselines/v1.json" --dest-machine pc-i440fx-2.2 >"$work/7.out" 2>"$work/7.err"
expect_eq "baseline: exit status 1" 1 $?
expect_eq "baseline: forward = v1 -> v2 plus the working tree's change" \
	"$(sort "$work/fwd.expected" - <<EOF2
Section "usb-kbd" Description "usb-kbd" Field "idle" size mismatch: 1 , 2
EOF2
)" "$(block "$work/7.out" forward | sort)"

# 8. Bad input: clear one-line errors and defined exit statuses.
vd --reference no-such-rev >/dev/null 2>"$work/8.err"
expect_eq "unknown revision: exit status 3" 3 $?
expect_eq "unknown revision: message" "vmstate-diff: error: no-such-rev: not a revision of the git repository $repo" "$(cat "$work/8.err")"
"$diff_bin" --reference >/dev/null 2>&1
expect_eq "no argument: exit status 2" 2 $?
(cd "$repo" && "$diff_bin" --reference --cache-dir "$cache" --compdb-cmd false v2) >/dev/null 2>"$work/8b.err"
expect_eq "failing --compdb-cmd: exit status 3" 3 $?
if grep -q "error: the compile-commands command failed (exit status 1)" "$work/8b.err"; then pass "failing --compdb-cmd: says so"; else fail "failing --compdb-cmd: $(cat "$work/8b.err")"; fi
# The working tree side is what git stash create records: a new file once it is added.
(cd "$repo" && echo 'this is not C' >hw/usb/broken.c && git add hw/usb/broken.c)
vd --reference v2 >/dev/null 2>"$work/8c.err"
expect_eq "a unit that does not compile: exit status 3" 3 $?
if grep -q "hw/usb/broken.c: the plugin's compilation failed" "$work/8c.err"; then pass "a unit that does not compile: named"; else fail "a unit that does not compile: $(tail -1 "$work/8c.err")"; fi
(cd "$repo" && git rm -q -f hw/usb/broken.c)

# 9. A plain make tree whose compilation database bear records.
if command -v bear >/dev/null 2>&1; then
	(cd "$repo" && "$diff_bin" --reference --cache-dir "$cache" -v --compdb-cmd 'bear --output "$VMSTATE_COMPDB" -- make -s -B -C "$VMSTATE_SRC" OBJDIR="$VMSTATE_BUILD/obj"' v2) \
		>"$work/9.out" 2>"$work/9.err"
	expect_eq "bear: exit status 1 (the working tree's change)" 1 $?
	expect_eq "bear: the same forward message" 'Section "usb-kbd" Description "HIDKeyboardDevice" Field "idle" size mismatch: 1 , 2' \
		"$(block "$work/9.out" forward)"
else
	skip "bear is not installed (plain make tree through bear)"
fi

# 10. A ninja tree: only the units linked into the target, generated headers built first.
(cd "$repo" && git checkout -q -- . && "$diff_bin" --reference --cache-dir "$cache" -v -j 2 \
	--configure "sh '$here/ninja-tree.sh' '$here'" --target vmstate-src \
	--src-machine pc-i440fx-2.1 --dest-machine pc-i440fx-2.2 -o "$work/ninja-dumps" v1 v2) \
	>"$work/10.out" 2>"$work/10.err"
expect_eq "ninja: exit status 1" 1 $?
if cmp -s "$work/10.out" "$work/1.out"; then
	pass "ninja: same report as the compilation-database run"
else
	fail "ninja: the report differs"; diff "$work/1.out" "$work/10.out" >&2
fi
if cmp -s "$work/ninja-dumps/src.json" "$build/vmstate-src/v1/static.json"; then
	pass "ninja: other-program's extra-device is not in vmstate-src's dump"
else
	fail "ninja: the v1 dump differs from build/vmstate-src/v1/static.json"
fi
expect_eq "ninja: units restricted to the target, its generated header planned" \
	"vmstate-diff: src: $((n + 1)) units linked into vmstate-src, 1 generated prerequisites" \
	"$(sed -n 's/^\(vmstate-diff: src: .* generated prerequisites\).*/\1/p' "$work/10.err")"
if [ -f "$cache/trees/$(ls "$cache/trees" | head -1)/src/build/gen/extra-version.h" ]; then
	pass "ninja: the generated header was built"
else
	fail "ninja: gen/extra-version.h is missing"
fi

if cmp -s "$work/ninja-dumps/dest.json" "$build/vmstate-src/v2/static.json"; then
	pass "ninja: the v2 dump, made in v1's build directory, equals the plugin-built v2 program's"
else
	fail "ninja: the v2 dump differs from build/vmstate-src/v2/static.json"
fi
expect_eq "ninja: v1 and v2 differ in .c files only: dest shares src's build directory" 1 \
	"$(grep -c '^vmstate-diff: dest: uses the build directory of src' "$work/10.err")"
expect_eq "ninja: so only src configures" 1 "$(grep -c ': configuring ' "$work/10.err")"
(cd "$repo" && "$diff_bin" --reference --cache-dir "$work/ninja-separate" -v -j 2 --share-build never \
	--configure "sh '$here/ninja-tree.sh' '$here'" --target vmstate-src \
	--src-machine pc-i440fx-2.1 --dest-machine pc-i440fx-2.2 -o "$work/ninja-separate-dumps" v1 v2) \
	>"$work/10b.out" 2>"$work/10b.err"
expect_eq "ninja: --share-build never: exit status 1" 1 $?
expect_eq "ninja: --share-build never: both sides configure" 2 "$(grep -c ': configuring ' "$work/10b.err")"
if cmp -s "$work/ninja-dumps/dest.json" "$work/ninja-separate-dumps/dest.json"; then
	pass "ninja: the dest dump is the same with a build directory of its own"
else
	fail "ninja: the dest dump differs with --share-build never"
fi
# A revision that changes more than C sources and headers gets its own build directory.
(cd "$repo" && git checkout -q -f v2 && echo "a note" >>README.md && git add README.md &&
	git commit -q -m "v2 with a note" && git tag v2-note && git checkout -q -f v2)
(cd "$repo" && "$diff_bin" --reference --cache-dir "$cache" -v -j 2 \
	--configure "sh '$here/ninja-tree.sh' '$here'" --target vmstate-src v1 v2-note) \
	>"$work/10c.out" 2>"$work/10c.err"
expect_eq "ninja: v1 -> v2-note: exit status 1" 1 $?
expect_eq "ninja: a README change: dest does not share" 0 \
	"$(grep -c 'uses the build directory' "$work/10c.err")"

# 10d. A build directory kept between runs serves a later revision only if that differs
# from the one it was configured for in C sources and headers: v2-slotdev adds a device
# with a build file, so the slot configured at v1 in a first run is configured again,
# and the new device is in the dump (before: planned with v1's build.ninja, left out).
(cd "$repo" && git checkout -q -f v2 && mkdir -p hw/slot &&
	printf '%s\n' '#include "qemu/osdep.h"' '#include "hw/qdev-core.h"' \
	'#include "migration/vmstate.h"' 'typedef struct SlotState { DeviceState parent; uint32_t v; } SlotState;' \
	'static const VMStateDescription vmstate_slot = { .name = "slot-device", .version_id = 1,' \
	'  .minimum_version_id = 1, .fields = (const VMStateField[]) { VMSTATE_UINT32(v, SlotState),' \
	'  VMSTATE_END_OF_LIST() } };' \
	'static void slot_class_init(ObjectClass *k, void *d) { (void)d; DEVICE_CLASS(k)->vmsd = &vmstate_slot; }' \
	'static const TypeInfo slot_info = { .name = "slot-device", .parent = TYPE_DEVICE,' \
	'  .instance_size = sizeof(SlotState), .class_init = slot_class_init };' \
	'static void slot_register(void) { type_register_static(&slot_info); }' 'type_init(slot_register)' \
	>hw/slot/slot-device.c && echo "slot-device.c" >hw/slot/build.list && git add hw/slot &&
	git commit -q -m "a device with a build file" && git tag v2-slotdev && git checkout -q -f v2)
for run in 1 2; do
	[ $run = 1 ] && revs="v1 v2" || revs="v2-slotdev v2"
	(cd "$repo" && "$diff_bin" --reference --cache-dir "$work/slot-cache" -v -j 2 \
		--configure "sh '$here/ninja-tree.sh' '$here'" --target vmstate-src \
		-o "$work/slot-dumps" $revs) >"$work/10d-$run.out" 2>"$work/10d-$run.err"
done
expect_eq "ninja: a slot configured at v1 is configured again for v2-slotdev" 1 \
	"$(grep -c '^vmstate-diff: src: configuring ' "$work/10d-2.err")"
expect_eq "ninja: so v2-slotdev's new device is in its dump" 1 \
	"$(grep -c '^  "slot-device": {' "$work/slot-dumps/src.json")"
expect_eq "ninja: and missing from v2's, the other way" 'Section "slot-device" does not exist in dest' \
	"$(grep -x 'Section "slot-device" does not exist in dest' "$work/10d-2.out")"
# A configure stamp of the earlier format (the command alone) configures again, and what
# the build directory had built goes with it: its generated header is built anew.
for f in "$work"/slot-cache/trees/*/src/.vmstate-diff-configured; do
	tail -n +2 "$f" >"$f.old" && mv "$f.old" "$f"
done
(cd "$repo" && "$diff_bin" --reference --cache-dir "$work/slot-cache" -v -j 2 \
	--configure "sh '$here/ninja-tree.sh' '$here'" --target vmstate-src \
	v2-slotdev v2) >"$work/10d-3.out" 2>"$work/10d-3.err"
expect_eq "ninja: an old configure stamp: configured again, same report (exit status 1)" \
	"1 1" "$? $(grep -c '^vmstate-diff: src: configuring ' "$work/10d-3.err")"
expect_eq "ninja: and the generated header built again" 1 \
	"$(grep -c '^vmstate-diff: src: generated headers' "$work/10d-3.err")"

# 11. Baselines: the regeneration command writes the documented layout.
cat >"$repo/.vmstate-diff" <<CONFIG
# vmstate-diff settings of the test repository
cache-dir = $cache
compdb-cmd = sh '$here/example-compdb.sh'
jobs = 2
reference = yes
CONFIG
VMSTATE_DIFF=$diff_bin sh "$top/scripts/baseline-update.sh" -C "$repo" -d baselines -r v1 -t x86_64 \
	-m pc-i440fx-2.1 -m pc-i440fx-2.0 >"$work/11.out" 2>&1
expect_eq "baselines: exit status 0" 0 $?
bl=$repo/baselines/v1/x86_64
if cmp -s "$bl/pc-i440fx-2.1.json" "$build/vmstate-src/v1/static.json"; then
	pass "baselines: v1/x86_64/pc-i440fx-2.1.json = the static dump of the v1 program"
else
	fail "baselines: $bl/pc-i440fx-2.1.json differs from build/vmstate-src/v1/static.json"
fi
expect_eq "baselines: one file per machine type, only the machine name differs" \
	'"Name": "pc-i440fx-2.0"' \
	"$(diff "$bl/pc-i440fx-2.1.json" "$bl/pc-i440fx-2.0.json" | sed -n 's/^> *//p')"
expect_eq "baselines: SOURCE records the commit" "commit: $(cd "$repo" && git rev-parse v1)" \
	"$(grep '^commit:' "$bl/SOURCE")"
(cd "$repo" && "$diff_bin" --src-dump baselines/v1/x86_64/pc-i440fx-2.1.json --dest-machine pc-i440fx-2.2 \
	--direction forward v2) >"$work/11b.out" 2>/dev/null
expect_eq "baselines: checking v2 against the v1 baseline gives v1 -> v2's report" \
	"$(cat "$work/fwd.expected")" "$(block "$work/11b.out" forward)"

# 11c. --dump-to a FIFO (like /dev/null: not a regular file) writes into it, never
# renames over it.
rm -f "$work/dump.fifo" && mkfifo "$work/dump.fifo"
timeout 60 cat "$work/dump.fifo" >"$work/fifo.json" &
reader=$!
(cd "$repo" && "$diff_bin" --machine pc-i440fx-2.1 --dump-to "$work/dump.fifo" v1) 2>/dev/null
expect_eq "dump-to a FIFO: exit status 0" 0 $?
wait "$reader"
if [ -p "$work/dump.fifo" ] && cmp -s "$work/fifo.json" "$bl/pc-i440fx-2.1.json"; then
	pass "dump-to a FIFO: still a FIFO, and its reader got v1's dump"
else
	fail "dump-to a FIFO: replaced, or the reader did not get v1's dump"
fi

# 12. The pre-commit hook: fails with the checker's messages, passes once waived.
hook=$repo/.git/hooks/pre-commit
cp "$top/contrib/vmstate-pre-commit" "$hook"
chmod +x "$hook"
(cd "$repo" && git config vmstate.diff "$diff_bin" && git checkout -q v2 &&
	sed -i -e 's/^\tuint8_t idle;/\tuint16_t idle;/' -e 's/VMSTATE_UINT8(idle,/VMSTATE_UINT16(idle,/' hw/usb/dev-hid.c &&
	git add hw/usb/dev-hid.c && git commit -q -m "widen idle" >"$work/12.out" 2>&1)
expect_eq "hook: a breaking commit is refused" 1 $?
if grep -q '^Section "usb-kbd" Description "HIDKeyboardDevice" Field "idle" size mismatch: 1 , 2$' "$work/12.out"; then
	pass "hook: with the checker's message"
else
	fail "hook: no checker message in: $(cat "$work/12.out")"
fi
expect_eq "hook: nothing was committed" "$(cd "$repo" && git rev-parse v2)" "$(cd "$repo" && git rev-parse HEAD)"
cat >"$repo/vmstate-waivers" <<'WAIVERS'
vmstate-waivers 1
waive kind=size section="usb-kbd" description="HIDKeyboardDevice" field="idle" reason="idle widened; 2.2 keyboards only"
WAIVERS
echo "waivers = vmstate-waivers" >>"$repo/.vmstate-diff"
(cd "$repo" && git commit -q -m "widen idle" >"$work/12b.out" 2>&1)
expect_eq "hook: the same commit passes once its one message is waived" 0 $?
(cd "$repo" && echo "notes" >NOTES && git add NOTES && git commit -q -m "notes" >"$work/12c.out" 2>&1)
expect_eq "hook: a commit without source changes passes" 0 $?
if grep -q 'checking migration' "$work/12c.out"; then fail "hook: ran vmstate-diff for a non-source change"; else pass "hook: did not run vmstate-diff for a non-source change"; fi

# 13. The CI script: fails with the checker's messages, passes on a branch without change.
(cd "$repo" && VMSTATE_DIFF=$diff_bin sh "$top/contrib/vmstate-ci.sh" v1 v2) >"$work/13.out" 2>&1
expect_eq "ci: v1 -> v2 fails" 1 $?
expect_eq "ci: with the checker's messages (one machine type: no warning)" "$(grep -v '^Warning' "$work/fwd.expected")" "$(block "$work/13.out" forward)"
(cd "$repo" && VMSTATE_DIFF=$diff_bin VMSTATE_BASELINES=$bl sh "$top/contrib/vmstate-ci.sh" v2 v2) >"$work/13b.out" 2>&1
expect_eq "ci: v2 -> v2 passes, but the v1 baselines do not" 1 $?
(cd "$repo" && VMSTATE_DIFF=$diff_bin sh "$top/contrib/vmstate-ci.sh" v2 v2) >"$work/13c.out" 2>&1
expect_eq "ci: v2 -> v2 without baselines passes" 0 $?

# 14. --pch: a cold cache filled with a precompiled qemu/osdep.h gives the same dumps, and
# fragments equal to those compiled without it (but for the unit id, which names the
# compilation, and the cache's own path); the units did read the precompiled header.
(cd "$repo" && git checkout -q -f v2)
vd --reference --cache-dir "$work/pch-cache" --pch qemu/osdep.h -v --src-machine pc-i440fx-2.1 \
	--dest-machine pc-i440fx-2.2 -o "$work/pch-dumps" v1 v2 >"$work/14.out" 2>"$work/14.err"
expect_eq "pch: exit status 1, as without" 1 $?
for side in src dest; do
	if cmp -s "$work/dumps/$side.json" "$work/pch-dumps/$side.json"; then
		pass "pch: the $side dump equals the one made without --pch"
	else
		fail "pch: the $side dump differs from the one made without --pch"
	fi
done
used=$(sed -n 's/^vmstate-diff: src: \([0-9]*\) of \([0-9]*\) units read the precompiled.*/\1 \2/p' "$work/14.err")
# All but the subproject's keymap.c, which does not include qemu/osdep.h.
if [ -n "$used" ] && [ "${used% *}" -gt 0 ] && [ "${used% *}" = "$((${used#* } - 1))" ]; then
	pass "pch: every unit compiled for src that includes qemu/osdep.h read the precompiled header ($used)"
else
	fail "pch: units that read the precompiled header: '$used'"
fi
python3 - "$cache" "$work/pch-cache" <<'PY'
import glob, json, sys
def fragments(cache):
    out = []
    for f in glob.glob(cache + "/units/fragments/*/*.vmfrag.json"):
        d = json.load(open(f))
        d["unit"].pop("id", None)
        # Source locations name the worktree, which lies in the cache.
        out.append(json.dumps(d, sort_keys=True).replace(cache + "/", "CACHE/"))
    return sorted(out)
plain, pch = fragments(sys.argv[1]), fragments(sys.argv[2])
new = [f for f in pch if f not in set(plain)]
sys.exit(1 if not pch or new else 0)
PY
expect_eq "pch: every fragment is one the cache without --pch holds" 0 $?


# The waiver of test 12 would silence the findings the tests below look for, and its
# pre-commit hook would refuse the commits they make.
sed -i '/^waivers = /d' "$repo/.vmstate-diff"
rm -f "$repo/.git/hooks/pre-commit"

# 15. A clone-shaped repository: subprojects/keymaps is ignored and fetched only into the
# user's tree (its upstream is gone).  The worktrees borrow it; without it, the failure is
# the build's own.
wt_src=$(ls -d "$cache"/trees/*/src/src | head -1)
if [ -f "$wt_src/subprojects/keymaps/keymap.c" ] && [ ! -e "$repo.keymaps-upstream" ]; then
	pass "clone: the worktree has the user's fetched subproject, with no upstream to download from"
else
	fail "clone: $wt_src/subprojects/keymaps/keymap.c is missing"
fi
expect_eq "clone: the subproject is not tracked" "" "$(cd "$repo" && git ls-files subprojects/keymaps)"
if [ "$(stat -c %i "$repo/subprojects/keymaps/keymap.c")" = "$(stat -c %i "$wt_src/subprojects/keymaps/keymap.c")" ]; then
	pass "clone: borrowed by hard link, not copied"
else
	pass "clone: borrowed by copy (the cache is on another file system)"
fi
mv "$repo/subprojects/keymaps" "$work/keymaps.away"
vd --cache-dir "$work/no-subproject-cache" v1 v2 >/dev/null 2>"$work/15.err"
expect_eq "clone: without the user's subproject: exit status 3" 3 $?
if grep -q 'subproject subprojects/keymaps is missing' "$work/15.err"; then pass "clone: the build's own message"; else fail "clone: $(cat "$work/15.err")"; fi
mv "$work/keymaps.away" "$repo/subprojects/keymaps"
# A submodule: cloned from the user's checkout (sharing its objects) at the commit the
# revision records, not the one the user's checkout is at; its upstream is gone.
fw_up=$work/fw-upstream
git init -q "$fw_up" && echo one >"$fw_up/fw.txt" && git -C "$fw_up" add fw.txt &&
	git -C "$fw_up" -c user.email=t@e.invalid -c user.name=t commit -q -m one
(cd "$repo" && git checkout -q -f v2 && git -c protocol.file.allow=always submodule -q add "$fw_up" roms/fw &&
	git commit -q -m "roms/fw submodule" && git tag v2-sub) >/dev/null 2>&1
recorded=$(git -C "$repo/roms/fw" rev-parse HEAD)
echo two >"$repo/roms/fw/fw.txt" && git -C "$repo/roms/fw" -c user.email=t@e.invalid -c user.name=t commit -q -am two
rm -rf "$fw_up"
vd v2 v2-sub >/dev/null 2>"$work/15b.err"
expect_eq "submodule: v2 -> v2-sub: exit status 0" 0 $?
wt_dest=$(ls -d "$cache"/trees/*/dest/src | head -1)
expect_eq "submodule: checked out at the recorded commit, from the user's clone" "one $recorded" \
	"$(cat "$wt_dest/roms/fw/fw.txt" 2>/dev/null) $(git -C "$wt_dest/roms/fw" rev-parse HEAD 2>/dev/null)"
(cd "$repo" && git checkout -q -f v2 && rm -rf roms)

# 16. The user's paths and files: a unit that does not compile is reported at its path in
# the user's tree (never the cache's); an untracked file is included, with a warning; an
# intent-to-add file (git add -N) works; a git failure shows git's message.
(cd "$repo" && git checkout -q -f v2 && printf '#include "qemu/osdep.h"\nthis is not C\n' >hw/usb/broken.c)
vd v2 >/dev/null 2>"$work/16.err"
expect_eq "user paths: an untracked unit that does not compile: exit status 3" 3 $?
if grep -q "^$repo/hw/usb/broken.c:2:[0-9]*: error" "$work/16.err"; then pass "user paths: the compiler's error names the user's file"; else fail "user paths: $(cat "$work/16.err")"; fi
expect_eq "user paths: no message names the cache" 0 "$(grep -c "$cache" "$work/16.err")"
if grep -q "warning: $repo/hw/usb/broken.c: untracked, included" "$work/16.err"; then pass "untracked: included and named in a warning"; else fail "untracked: no warning in $(cat "$work/16.err")"; fi
wt_dest=$(ls -d "$cache"/trees/*/dest/src | head -1)
if [ -f "$wt_dest/vmstate-waivers" ] && [ ! -e "$wt_dest/.vmstate-diff" ]; then
	pass "untracked: the working tree's side has the untracked files but vmstate-diff's own .vmstate-diff"
else
	fail "untracked: vmstate-waivers missing or .vmstate-diff taken into $wt_dest"
fi
(cd "$repo" && git add hw/usb/broken.c && git commit -q -m broken && git tag broken && git checkout -q -f v2)
vd v2 broken >/dev/null 2>"$work/16b.err"
expect_eq "user paths: a revision's unit that does not compile: exit status 3" 3 $?
if grep -q "^$repo/hw/usb/broken.c:2:[0-9]*: error" "$work/16b.err" &&
	grep -q "error: $repo/hw/usb/broken.c: the plugin's compilation failed (exit status 1) in broken (" "$work/16b.err"; then
	pass "user paths: a revision's failure names the user's file and the revision"
else
	fail "user paths: $(cat "$work/16b.err")"
fi
# The same through a ninja tree, whose commands name the sources relative to the build
# directory (../src/hw/...), as meson's do.
(cd "$repo" && git checkout -q -f -B broken-hid v2 && sed -i '1a this is not C' hw/usb/dev-hid.c &&
	git commit -q -am "broken hid" && git checkout -q -f v2)
(cd "$repo" && "$diff_bin" --reference --config /dev/null --cache-dir "$cache" -q -j 2 \
	--configure "sh '$here/ninja-tree.sh' '$here'" --target vmstate-src broken-hid v2) >/dev/null 2>"$work/16f.err"
expect_eq "user paths, relative commands: exit status 3" 3 $?
if grep -q "^$repo/hw/usb/dev-hid.c:2:[0-9]*: error" "$work/16f.err" && [ "$(grep -c -e "$cache" -e '\.\./src/' "$work/16f.err")" = 0 ]; then
	pass "user paths, relative commands: the error names the user's file, not ../src/ or the cache"
else
	fail "user paths, relative commands: $(cat "$work/16f.err")"
fi
sed -e 's/extra-device/new-device/g' -e 's/vmstate_extra/vmstate_new/' -e 's/EXTRA_VERSION/1/' \
	-e '/extra-version.h/d' "$here/extra/extra-device.c" >"$repo/hw/usb/new-device.c"
(cd "$repo" && git add -N hw/usb/new-device.c)
vd v2 >"$work/16c.out" 2>"$work/16c.err"
expect_eq "git add -N: the run works (exit status 1: a new section)" 1 $?
if grep -q '"new-device"' "$work/16c.out"; then pass "git add -N: the intent-to-add device is in the working tree's dump"; else fail "git add -N: $(cat "$work/16c.out" "$work/16c.err")"; fi
expect_eq "git add -N: the user's index is left alone" "$(printf 'A  hw/usb/new-device.c')" \
	"$(cd "$repo" && git status --porcelain -- hw/usb/new-device.c | sed 's/^ A/A /')"
(cd "$repo" && git rm -q --cached hw/usb/new-device.c && rm -f hw/usb/new-device.c)
cp "$repo/.git/config" "$work/git-config.saved"
echo '[core' >>"$repo/.git/config"
vd --reference v2 >/dev/null 2>"$work/16d.err"
expect_eq "git failure: exit status 3" 3 $?
if grep -q "bad config line" "$work/16d.err"; then pass "git failure: git's own message is shown"; else fail "git failure: $(cat "$work/16d.err")"; fi
cp "$work/git-config.saved" "$repo/.git/config"
vd --each no-such-rev..v2 >/dev/null 2>"$work/16e.err"
expect_eq "--each with an unknown base: exit status 3" 3 $?
expect_eq "--each with an unknown base: message" "vmstate-diff: error: no-such-rev: not a revision of the git repository $repo" "$(cat "$work/16e.err")"

# 17. Progress: plain lines when standard error is not a terminal, a status line rewritten
# in place on one, nothing with -q.
vd --cache-dir "$work/progress-cache" v1 v2 >/dev/null 2>"$work/17.err"
if grep -q "^vmstate-diff: src: compile 0/$n, [0-9.]* s$" "$work/17.err" &&
	grep -q "^vmstate-diff: src: extract 0/1, " "$work/17.err" &&
	grep -q "^vmstate-diff: both: check 0/1, " "$work/17.err"; then
	pass "progress: plain lines for the phases, with the units and the time"
else
	fail "progress: $(cat "$work/17.err")"
fi
vd -q v1 v2 >/dev/null 2>"$work/17b.err"
expect_eq "progress: -q: nothing on standard error" "" "$(cat "$work/17b.err")"
if command -v script >/dev/null 2>&1; then
	rm -rf "$work/progress-cache"
	(cd "$repo" && script -qec "'$diff_bin' --cache-dir '$work/progress-cache' -j 2 --compdb-cmd \"sh '$here/example-compdb.sh'\" v1 v2" /dev/null) >"$work/17c.tty" 2>&1
	if grep -q "$(printf '\r\033\\[K')vmstate-diff: src: compile [0-9]*/$n, " "$work/17c.tty"; then
		pass "progress: on a terminal, one status line rewritten in place"
	else
		fail "progress: no status line on a terminal"
	fi
else
	skip "script(1) is not installed (progress on a terminal)"
fi

# 18. Several targets in one run: the units both share are compiled once; one report per
# target and direction, and a summary.
rm -rf "$work/targets-cache"
(cd "$repo" && "$diff_bin" --reference --config /dev/null --cache-dir "$work/targets-cache" -j 2 \
	--configure "sh '$here/ninja-tree.sh' '$here'" --target vmstate-src --target other-program \
	--src-machine pc-i440fx-2.1 --dest-machine pc-i440fx-2.2 v1 v2) >"$work/18.out" 2>"$work/18.err"
expect_eq "targets: exit status 1" 1 $?
# vmstate-src: the tree and version-user.c; other-program: extra-device.c and shared units.
expect_eq "targets: each unit compiled once for both targets" "compiling $((n + 2)) of $((n + 2)) units" \
	"$(sed -n 's/^vmstate-diff: src: \(compiling [0-9]* of [0-9]* units\).*/\1/p' "$work/18.err")"
expect_eq "targets: four reports, each target both ways" \
	"vmstate-src: forward|vmstate-src: backward|other-program: forward|other-program: backward" \
	"$(sed -n 's/^== \([a-z-]*: [a-z]*\) migration: .*/\1/p' "$work/18.out" | paste -sd'|')"
expect_eq "targets: vmstate-src's forward report is the single-target one" "$(cat "$work/fwd.expected")" \
	"$(awk '/^== vmstate-src: forward migration:/ { on = 1; next } /^== / { on = 0 } on' "$work/18.out")"
if grep -q '"extra-device"' "$work"/targets-cache/trees/*/src/dump-other-program.json &&
	! grep -q '"extra-device"' "$work"/targets-cache/trees/*/src/dump-vmstate-src.json; then
	pass "targets: other-program's dump has its device, vmstate-src's has not"
else
	fail "targets: extra-device is not where it belongs"
fi
op_dumps=$(ls -d "$work"/targets-cache/trees/*)
"$check_bin" -s "$op_dumps/src/dump-other-program.json" -d "$op_dumps/dest/dump-other-program.json" >/dev/null
op_fwd=$?
"$check_bin" -s "$op_dumps/dest/dump-other-program.json" -d "$op_dumps/src/dump-other-program.json" >/dev/null
op_bwd=$?
plural() { [ "$1" = 1 ] && echo "$1 problem" || echo "$1 problems"; }
expect_eq "targets: summary per target (other-program's: vmstate-check on its own dumps) and in all" \
	"== vmstate-diff: vmstate-src: forward $fwd_status problems, backward $bwd_status problems|== vmstate-diff: other-program: forward $(plural $op_fwd), backward $(plural $op_bwd)|== vmstate-diff: 2 targets: forward $((fwd_status + op_fwd)) problems, backward $((bwd_status + op_bwd)) problems" \
	"$(tail -n 3 "$work/18.out" | paste -sd'|')"

# 19. A series: each commit against its parent, through the cache; the commit that brings
# each finding and the one that removes it.  Then the pre-push hook that runs it.
(cd "$repo" && git checkout -q -f -B series v2 &&
	sed -i -e 's/^\tuint8_t idle;/\tuint16_t idle;/' -e 's/VMSTATE_UINT8(idle,/VMSTATE_UINT16(idle,/' hw/usb/dev-hid.c &&
	git commit -q -am "widen idle" && echo '/* a comment */' >>hw/usb/dev-hid.c &&
	git commit -q -am "a comment" && git revert --no-edit HEAD~1 >/dev/null && git checkout -q -f v2)
c1=$(cd "$repo" && git rev-parse --short=12 series~2)
c3=$(cd "$repo" && git rev-parse --short=12 series)
vd -v --each v2..series >"$work/19.out" 2>"$work/19.err"
expect_eq "series: exit status 1 (two commits change the format)" 1 $?
expect_eq "series: one report per commit" 3 "$(grep -c '^== commit ' "$work/19.out")"
expect_eq "series: the commit that brings each finding" \
	"$c1 brings backward: Section \"usb-kbd\" Description \"HIDKeyboardDevice\" Field \"idle\" size mismatch: 2 , 1|$c1 brings forward: Section \"usb-kbd\" Description \"HIDKeyboardDevice\" Field \"idle\" size mismatch: 1 , 2" \
	"$(grep '^[0-9a-f]* brings ' "$work/19.out" | paste -sd'|')"
expect_eq "series: the commit that removes them" 2 "$(grep -c "^$c3 removes " "$work/19.out")"
expect_eq "series: summary" "== vmstate-diff: 3 commits, 2 with problems: forward 2 problems, backward 2 problems" \
	"$(tail -n 1 "$work/19.out")"
got=$(sed -n 's/^vmstate-diff: src: compiling \([0-9]*\) of.*/\1/p' "$work/19.err" | awk '{ s += $1 } END { print s + 0 }')
if [ -n "$got" ] && [ "$got" -le 3 ]; then pass "series: through the cache: $got units compiled for 4 revisions"; else fail "series: compiled '$got' units"; fi
vd --each v2..series >"$work/19b.out" 2>"$work/19b.err"
if cmp -s "$work/19.out" "$work/19b.out" && ! grep -q compiling "$work/19b.err"; then
	pass "series: a rerun compiles nothing, same report"
else
	fail "series: the rerun differs or compiled"
fi
remote=$work/remote.git
git clone -q --bare "$repo" "$remote"
(cd "$repo" && git remote add origin "$remote" 2>/dev/null; git fetch -q origin && git branch -q -f pushed v2 &&
	git push -q origin pushed >/dev/null 2>&1)
cp "$top/contrib/vmstate-pre-push" "$repo/.git/hooks/pre-push"
chmod +x "$repo/.git/hooks/pre-push"
(cd "$repo" && git checkout -q -f series && git push origin series:pushed >"$work/19c.out" 2>&1)
expect_eq "pre-push: a series that breaks migration is refused" 1 $?
if grep -q "^$c1 brings forward: " "$work/19c.out"; then pass "pre-push: names the commit"; else fail "pre-push: $(cat "$work/19c.out")"; fi
expect_eq "pre-push: nothing was pushed" "$(cd "$repo" && git rev-parse v2)" "$(git -C "$remote" rev-parse pushed)"
(cd "$repo" && git checkout -q -f -B fine v2 && echo '/* fine */' >>hw/usb/dev-hid.c &&
	git commit -q -am fine && git push -q origin fine:pushed >"$work/19d.out" 2>&1)
expect_eq "pre-push: a series without finding is pushed" 0 $?
(cd "$repo" && git checkout -q -f v2)

# 20. --cc: a tree configured with clang (and a warning option GCC does not know) compiles
# with GCC and the plugin.
EXAMPLE_CC=clang EXAMPLE_CFLAGS=-Wthread-safety vd --cache-dir "$work/cc-cache" v1 v2 >/dev/null 2>"$work/20.err"
expect_eq "clang tree: without --cc, exit status 3" 3 $?
if grep -q "which cannot load a GCC plugin: give --cc gcc" "$work/20.err"; then pass "clang tree: says to give --cc"; else fail "clang tree: $(cat "$work/20.err")"; fi
EXAMPLE_CC=clang EXAMPLE_CFLAGS=-Wthread-safety vd --cache-dir "$work/cc-cache" --cc gcc \
	--src-machine pc-i440fx-2.1 --dest-machine pc-i440fx-2.2 -o "$work/cc-dumps" v1 v2 >"$work/20b.out" 2>"$work/20b.err"
expect_eq "clang tree: --cc gcc: exit status 1" 1 $?
if cmp -s "$work/20b.out" "$work/1.out" && cmp -s "$work/cc-dumps/src.json" "$build/vmstate-src/v1/static.json"; then
	pass "clang tree: --cc gcc: the report and dumps of the gcc tree"
else
	fail "clang tree: --cc gcc: the report or the v1 dump differs"
fi

# 21. An interrupted run removes its temporary directory; one left by a dead run is swept.
cat >"$work/slow-gcc" <<'SLOW'
#!/bin/sh
sleep 2
exec gcc "$@"
SLOW
chmod +x "$work/slow-gcc"
rm -rf "$work/sig-cache"
(cd "$repo" && exec "$diff_bin" --cache-dir "$work/sig-cache" -q -j 2 --cc "$work/slow-gcc" \
	--compdb-cmd "sh '$here/example-compdb.sh'" v1 v2) >/dev/null 2>&1 &
victim=$!
for i in $(seq 100); do [ -d "$work/sig-cache/units/tmp/$victim" ] && break; sleep 0.1; done
sleep 0.5
kill -TERM "$victim"
wait "$victim"
expect_eq "interrupted: dies of SIGTERM" 143 $?
if [ -d "$work/sig-cache/units/tmp" ] && [ -z "$(ls "$work/sig-cache/units/tmp")" ]; then
	pass "interrupted: units/tmp/<pid> removed"
else
	fail "interrupted: left $(ls "$work/sig-cache/units/tmp" 2>&1)"
fi
sh -c 'exit 0' & dead=$!; wait $dead
mkdir -p "$work/sig-cache/units/tmp/$dead/0"
vd --cache-dir "$work/sig-cache" -q v2 v2 >/dev/null 2>&1
if [ ! -e "$work/sig-cache/units/tmp/$dead" ]; then pass "stale: the directory of a dead run is swept"; else fail "stale: units/tmp/$dead is still there"; fi

# 22. The wire model, vmstate-diff's default (docs/wire-rules.md).  Its verdicts are
# vmstate-check --wire's on vmstate-extract --extended of the plugin-built programs: the
# dumps that check-vmstate-src (scripts/check-wire.py) finds in agreement with the
# programs' own saves and loads, section by section, both ways.  Here: vmstate-diff's
# findings from -fsyntax-only fragments are those findings, in the user's files.
(cd "$repo" && git checkout -q -f v2)
for v in v1 v2; do
	"$build/vmstate-extract" --extended -o "$work/wire-$v.json" "$build/vmstate-src/$v/plugin/vmstate-src" 2>/dev/null
done
"$check_bin" --wire --format=json --benign -s "$work/wire-v1.json" -d "$work/wire-v2.json" >"$work/22.check.json"
check_wire_status=$?
# The findings without their places (the programs' and the user's files differ).
findings() { # REPORT.json
	python3 -c '
import json, sys
r = json.load(open(sys.argv[1]))
for f in r["findings"]:
    p = f["predicate"]
    print(json.dumps([f["kind"], f["severity"], f["message"], f["description"], f["field"],
                      f["sections"], f["outcomes"], p and p["symbol"]], sort_keys=True))
print(json.dumps(r["summary"], sort_keys=True))' "$1" | sort
}
vdw -o "$work/wire-dumps" v1 v2 >"$work/22.out" 2>"$work/22.err"
expect_eq "wire: v1 v2: exit status = vmstate-check --wire's ($check_wire_status: breaks and review)" \
	"$check_wire_status" $?
expect_eq "wire: v1 v2: the bits say breaks and review" 12 "$check_wire_status"
vdw --format=json --benign v1 v2 >"$work/22.json" 2>/dev/null
expect_eq "wire: --format=json: exit status 12" 12 $?
if [ -n "$(findings "$work/22.check.json")" ] && [ "$(findings "$work/22.json")" = "$(findings "$work/22.check.json")" ]; then
	pass "wire: v1 v2: the findings (kind, severity, sections, outcomes, predicate) and counts of vmstate-check --wire on the programs' extended dumps"
else
	fail "wire: v1 v2: the findings differ from vmstate-check --wire's"
	findings "$work/22.check.json" >"$work/22.check.findings"
	findings "$work/22.json" | diff "$work/22.check.findings" - >&2
fi
expect_eq "wire: v1 v2: the text report ends with the library's summary" \
	"$("$check_bin" --wire -s "$work/wire-v1.json" -d "$work/wire-v2.json" | tail -n 1 | sed 's/^vmstate-check:/vmstate-diff:/')" \
	"$(tail -n 1 "$work/22.out")"
expect_eq "wire: v1 v2: headed by the revisions" \
	"== v1 ($(cd "$repo" && git rev-parse --short=12 v1)) -> v2 ($(cd "$repo" && git rev-parse --short=12 v2)) (both)" \
	"$(head -n 1 "$work/22.out")"
placed=$(grep -c ': \(error\|warning\|note\): ' "$work/22.out")
expect_eq "wire: v1 v2: every place ($placed) is a file of the user's tree" "$placed" \
	"$(grep -c "^$repo/[^ :]*:[0-9]*:[0-9]*: \(error\|warning\|note\): " "$work/22.out")"
# (The JSON's "old" and "new" are the dump files compared, in the cache.)
expect_eq "wire: v1 v2: no place names the cache or ../src/" 0 \
	"$(cat "$work/22.out" "$work/22.json" | grep -v '^  "\(old\|new\)": ' | grep -c -e "$cache" -e '\.\./src/')"
if grep -q '"vmstate-extended-dump": 1' "$work/wire-dumps/src.json" &&
	grep -q '"vmstate-extended-dump": 1' "$work/wire-dumps/dest.json"; then
	pass "wire: --output-dir writes the extended dumps compared"
else
	fail "wire: --output-dir: $(head -c 200 "$work/wire-dumps/src.json")"
fi
for fmt in sarif gitlab; do
	vdw --format=$fmt v1 v2 >"$work/22.$fmt" 2>/dev/null
	expect_eq "wire: --format=$fmt: exit status 12" 12 $?
done
python3 - "$work/22.sarif" "$work/22.gitlab" "$work/22.check.json" "$repo" <<'PY'
import json, sys
sarif, gitlab, check = (json.load(open(p)) for p in sys.argv[1:4])
repo = sys.argv[4]
shown = check["summary"]["breaks"] + check["summary"]["review"]
run = sarif["runs"][0]
uris = [l["physicalLocation"]["artifactLocation"]["uri"] for r in run["results"] for l in r["locations"]]
ok = (sarif["version"] == "2.1.0" and run["tool"]["driver"]["name"] == "vmstate-diff"
      and len(run["results"]) == shown and len(gitlab) == shown
      and all(u.startswith("file://" + repo + "/") for u in uris)
      and all(g["location"]["path"].startswith(repo + "/") for g in gitlab))
sys.exit(0 if ok else 1)
PY
expect_eq "wire: SARIF 2.1.0 and GitLab reports: one result per finding shown, in the user's files" 0 $?
"$check_bin" --wire --direction=forward -s "$work/wire-v1.json" -d "$work/wire-v2.json" >/dev/null
fwd_wire=$?
vdw --direction forward v1 v2 >/dev/null 2>&1
expect_eq "wire: --direction forward: vmstate-check --wire's status ($fwd_wire)" "$fwd_wire" $?
vdw v2 v2 >"$work/22b.out" 2>/dev/null
expect_eq "wire: v2 v2: exit status 0" 0 $?
expect_eq "wire: v2 v2: summary" "vmstate-diff: 0 breaking, 0 to review, 0 benign, in $(python3 -c 'import json, sys; print(len({s["name"] for s in json.load(open(sys.argv[1]))["sections"]}))' "$work/wire-v2.json") sections" \
	"$(tail -n 1 "$work/22b.out")"
# A one-file change in the working tree: the field's new encoding, at its line, with the
# old side's note in the user's file too (fragments from the cache name either worktree).
(cd "$repo" && sed -i -e 's/^\tuint8_t idle;/\tuint16_t idle;/' -e 's/VMSTATE_UINT8(idle,/VMSTATE_UINT16(idle,/' hw/usb/dev-hid.c)
idle_line=$(grep -n 'VMSTATE_UINT16(idle,' "$repo/hw/usb/dev-hid.c" | cut -d: -f1)
vdw v2 >"$work/22c.out" 2>/dev/null
expect_eq "wire: working tree: exit status 8 (breaks)" 8 $?
if grep -q "^$repo/hw/usb/dev-hid.c:$idle_line:[0-9]*: error: .*idle.* \[vmstate-encoding\]$" "$work/22c.out" &&
	[ "$(grep -c -e "$cache" -e '\.\./src/' "$work/22c.out")" = 0 ]; then
	pass "wire: working tree: one encoding error at the user's line, every note in the user's files"
else
	fail "wire: working tree: $(cat "$work/22c.out")"
fi
# A baseline: --dump-to writes the extended dump, which --src-dump compares.
vdw --dump-to "$work/wire-v1-baseline.json" v1 2>/dev/null
expect_eq "wire: --dump-to: exit status 0" 0 $?
(cd "$repo" && git checkout -q -- hw/usb/dev-hid.c)
vdw --format=json --benign --src-dump "$work/wire-v1-baseline.json" v2 >"$work/22d.json" 2>/dev/null
expect_eq "wire: a baseline of v1 against v2: exit status 12" 12 $?
if [ "$(findings "$work/22d.json")" = "$(findings "$work/22.json")" ]; then
	pass "wire: a baseline of v1 against v2: the findings of v1 v2"
else
	fail "wire: a baseline of v1 against v2: the findings differ"
fi
vdw --src-dump "$work/baselines/v1.json" v2 >/dev/null 2>"$work/22e.err"
expect_eq "wire: a -dump-vmstate dump as --src-dump: exit status 1 (failure)" 1 $?
if grep -q "not an extended dump" "$work/22e.err" && grep -q -- "--reference compares -dump-vmstate dumps" "$work/22e.err"; then
	pass "wire: a -dump-vmstate dump: says so, and names --reference"
else
	fail "wire: a -dump-vmstate dump: $(cat "$work/22e.err")"
fi
# The statuses of the bit field for failures and usage errors.
vdw no-such-rev >/dev/null 2>"$work/22f.err"
expect_eq "wire: unknown revision: exit status 1" 1 $?
expect_eq "wire: unknown revision: message" "vmstate-diff: error: no-such-rev: not a revision of the git repository $repo" "$(cat "$work/22f.err")"
"$diff_bin" >/dev/null 2>&1
expect_eq "wire: no argument: exit status 3 (usage error)" 3 $?
# A file of reference records (waive) only: none applies to the wire findings, none is
# stale in the wire mode (docs/waivers.md).
vdw -w "$work/waivers" v2 >/dev/null 2>"$work/22g.err"
expect_eq "wire: --waivers with reference records only: exit status 0 (v2 v2)" 0 $?
expect_eq "wire: --waivers with reference records only: no stale warning" 0 "$(grep -c 'stale waiver' "$work/22g.err")"
vdw --format=json --each v2..series >/dev/null 2>&1
expect_eq "wire: --format=json with --each: exit status 3" 3 $?
vd --reference --format=json v2 >/dev/null 2>&1
expect_eq "wire: --format with --reference: exit status 2" 2 $?

# 22h. Waivers in the wire mode (waive-wire records): every breaking finding of v1 v2
# waived (by description, in any section), one record stale, from --waivers and from
# "waivers =" in the configuration; only the review bit is left.
python3 - "$work/22.json" >"$work/wire-waivers" <<'PY'
import json, sys
print("vmstate-waivers 3")
for f in json.load(open(sys.argv[1]))["findings"]:
    if f["severity"] == "breaks":
        field = f' field="{f["field"]}"' if f["field"] else ""
        print(f'waive-wire kind={f["kind"]} section="*" description="{f["description"]}"{field} '
              'reason="accepted in the test"')
print('waive-wire kind=field-added section="PIIX3" reason="stale on purpose"')
PY
stale_line=$(grep -c '' "$work/wire-waivers")
nbreaks=$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["summary"]["breaks"])' "$work/22.json")
wire_summary=$(tail -n 1 "$work/22.out" | sed "s/^vmstate-diff: $nbreaks breaking, \(.*\)\(, in [0-9]* sections\)$/vmstate-diff: 0 breaking, \1, $nbreaks waived\2/")
vdw -w "$work/wire-waivers" v1 v2 >"$work/22h.out" 2>"$work/22h.err"
expect_eq "wire waivers: every breaking finding waived: exit status 4 (review only)" 4 $?
expect_eq "wire waivers: the summary counts them waived" "$wire_summary" "$(tail -n 1 "$work/22h.out")"
expect_eq "wire waivers: no error line left in the report" 0 "$(grep -c ': error: ' "$work/22h.out")"
expect_eq "wire waivers: the stale record, once, with its place" \
	"$work/wire-waivers:$stale_line: warning: stale waiver: no wire field-added finding in section \"PIIX3\" (reason: stale on purpose)" \
	"$(grep 'stale waiver' "$work/22h.err")"
printf 'waivers = %s\n' "$work/wire-waivers" >"$work/wire-waivers.conf"
vd --config "$work/wire-waivers.conf" v1 v2 >"$work/22i.out" 2>"$work/22i.err"
expect_eq "wire waivers: \"waivers =\" in the configuration: exit status 4" 4 $?
if cmp -s "$work/22h.out" "$work/22i.out" &&
	[ "$(grep 'stale waiver' "$work/22h.err")" = "$(grep 'stale waiver' "$work/22i.err")" ]; then
	pass "wire waivers: \"waivers =\" in the configuration: the same report and warning"
else
	fail "wire waivers: \"waivers =\" in the configuration: $(diff "$work/22h.out" "$work/22i.out" | head -5) $(grep 'stale waiver' "$work/22i.err")"
fi
vdw --format=sarif -w "$work/wire-waivers" v1 v2 >"$work/22h.sarif" 2>/dev/null
expect_eq "wire waivers: --format=sarif: exit status 4" 4 $?
expect_eq "wire waivers: --format=sarif: the waived results suppressed, with their reason" \
	"$nbreaks accepted in the test" \
	"$(python3 -c 'import json, sys
r = [x for x in json.load(open(sys.argv[1]))["runs"][0]["results"] if "suppressions" in x]
print(len(r), *sorted({x["suppressions"][0]["justification"] for x in r}))' "$work/22h.sarif")"
printf 'vmstate-waivers 3\nwaive-wire kind=field-added section="cpu" reason=""\n' >"$work/wire-bad-waivers"
vdw -w "$work/wire-bad-waivers" v1 v2 >"$work/22j.out" 2>"$work/22j.err"
expect_eq "wire waivers: a record without a reason: exit status 3 (usage error), no report" "3:" \
	"$?:$(cat "$work/22j.out")"
expect_eq "wire waivers: the error names the file and place" \
	"$work/wire-bad-waivers:2:12: error: a waiver needs a reason=\"...\" that says why the difference is accepted" \
	"$(cat "$work/22j.err")"

# 23. The wire model over several targets and over a series.
(cd "$repo" && "$diff_bin" --config /dev/null --cache-dir "$work/targets-cache" -j 2 \
	--configure "sh '$here/ninja-tree.sh' '$here'" --target vmstate-src --target other-program v1 v2) \
	>"$work/23.out" 2>"$work/23.err"
st=$?
op=$(ls -d "$work"/targets-cache/trees/*)
"$check_bin" --wire -s "$op/src/extended-other-program.json" -d "$op/dest/extended-other-program.json" >/dev/null
op_wire=$?
expect_eq "wire targets: exit status: the bits of both targets" $((12 | op_wire)) $st
expect_eq "wire targets: one report per target" "vmstate-src|other-program" \
	"$(sed -n 's/^== \([a-z-]*\): v1 .*/\1/p' "$work/23.out" | paste -sd'|')"
expect_eq "wire targets: vmstate-src's report is the single-target one" \
	"$(sed 1d "$work/22.out")" \
	"$(awk '/^== vmstate-src: / { on = 1; next } /^== / { on = 0 } on' "$work/23.out")"
name_of() { if [ $(($1 & 8)) != 0 ]; then echo incompatible; elif [ $(($1 & 4)) != 0 ]; then echo "review needed"; else echo compatible; fi; }
expect_eq "wire targets: the verdict of each target (other-program's: vmstate-check --wire on its dumps)" \
	"== vmstate-diff: 2 targets: vmstate-src incompatible, other-program $(name_of $op_wire)" \
	"$(tail -n 1 "$work/23.out")"
vdw --each v2..series >"$work/23b.out" 2>/dev/null
expect_eq "wire series: exit status 8 (the widened field breaks)" 8 $?
expect_eq "wire series: one report per commit" 3 "$(grep -c '^== commit ' "$work/23b.out")"
if [ "$(grep -c "^$c1 brings \[vmstate-encoding\] breaks: .*idle" "$work/23b.out")" = 1 ] &&
	[ "$(grep -c '^[0-9a-f]* brings ' "$work/23b.out")" = 1 ]; then
	pass "wire series: the commit that brings the one finding"
else
	fail "wire series: $(grep -e brings -e removes "$work/23b.out")"
fi
expect_eq "wire series: the commit that removes it" 1 "$(grep -c "^$c3 removes \[vmstate-encoding\]" "$work/23b.out")"
expect_eq "wire series: summary" "== vmstate-diff: 3 commits, 2 incompatible, 0 to review" "$(tail -n 1 "$work/23b.out")"
# The widened field waived: no commit brings a finding, none breaks, the record is used.
printf 'vmstate-waivers 3\nwaive-wire kind=encoding section="usb-kbd" field="idle" reason="r"\n' \
	>"$work/series-waivers"
vdw -w "$work/series-waivers" --each v2..series >"$work/23e.out" 2>"$work/23e.err"
expect_eq "wire series, the change waived: exit status 0" 0 $?
expect_eq "wire series, the change waived: no finding, no stale record" \
	"(no finding against $(cd "$repo" && git rev-parse --short=12 v2))|== vmstate-diff: 3 commits, 0 incompatible, 0 to review|" \
	"$(tail -n 2 "$work/23e.out" | paste -sd'|')|$(grep 'stale waiver' "$work/23e.err")"
# The pre-push hook in the wire mode (no "reference = yes"): refuses with the bits.
sed -i '/^reference = /d' "$repo/.vmstate-diff"
(cd "$repo" && git checkout -q -f -B wire-series v2 &&
	sed -i -e 's/^\tuint8_t idle;/\tuint16_t idle;/' -e 's/VMSTATE_UINT8(idle,/VMSTATE_UINT16(idle,/' hw/usb/dev-hid.c &&
	git commit -q -am "widen idle again" && git push origin wire-series >"$work/23c.out" 2>&1)
expect_eq "wire pre-push: a series that breaks migration is refused" 1 $?
w1=$(cd "$repo" && git rev-parse --short=12 wire-series)
if grep -q "^$w1 brings \[vmstate-encoding\] breaks: " "$work/23c.out" &&
	grep -q "vmstate pre-push: migration problems above" "$work/23c.out" &&
	! grep -q "vmstate-diff failed" "$work/23c.out"; then
	pass "wire pre-push: names the commit, and says what to do (status 8 is problems, not a failure)"
else
	fail "wire pre-push: $(cat "$work/23c.out")"
fi
(cd "$repo" && git checkout -q -f -B fine2 fine && echo '/* fine too */' >>hw/usb/dev-hid.c &&
	git commit -q -am "fine too" && git push -q origin fine2:pushed >"$work/23d.out" 2>&1)
expect_eq "wire pre-push: a series without finding is pushed" 0 $?
(cd "$repo" && git checkout -q -f v2)

harness_end
