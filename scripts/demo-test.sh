#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Tests of `make demo`'s script (scripts/demo.sh): its exit statuses and the lines that
# teach each step, and that it fails when a step does not behave as it shows.
#   demo-test.sh BUILD_DIR     (the demo's inputs, built)
set -u
build=$(cd "${1:?usage: demo-test.sh BUILD_DIR}" && pwd) || exit 1
here=$(cd "$(dirname "$0")" && pwd)
. "$here/../testsuite/harness.sh"
harness_group check-demo
work=$build/demo-test
rm -rf "$work" && mkdir -p "$work" || exit 1

sh "$here/demo.sh" "$build" >"$work/out" 2>"$work/err"
expect_eq "demo: exit status 0" 0 $?
expect_eq "demo: nothing on stderr" "" "$(cat "$work/err")"
out=$work/out
expect_line "1. the seed's scenarios: 19 problems" "$out" \
	"demo: vmstate-check exit status 19: 19 problems (the machine-type warning is not counted); each is explained in docs/scenarios.md"
expect_line "2. vmstate-diff: the forward finding" "$out" \
	'Section "usb-kbd" Description "HIDKeyboardDevice" Field "idle" size mismatch: 1 , 2'
expect_line "2. vmstate-diff: the backward finding" "$out" \
	'Section "usb-kbd" Description "HIDKeyboardDevice" Field "idle" size mismatch: 2 , 1'
expect_line "2. vmstate-diff: its summary" "$out" "== vmstate-diff: forward 1 problem, backward 1 problem"
if grep -q '^== vmstate-diff: forward 0 problems, backward 0 problems; 2 messages waived' "$out"; then
	pass "3. one waiver accepts the finding in both directions"
else
	fail "3. no summary with 2 messages waived in $out"
fi
if grep -q '^== forward migration: HEAD ([0-9a-f]*) -> staged changes$' "$out"; then
	pass "4. the hook names the staged changes, not a hash"
else
	fail "4. the hook's forward line does not end in 'staged changes': $(grep '^== forward' "$out" | tail -1)"
fi
expect_line "4. the hook refuses, with the checker's message" "$out" \
	'Section "pci-uhci-usb", Description "uhci": expected field "intr", got "frnum"; skipping rest'
expect_line "4. the hook says what to do" "$out" \
	"vmstate pre-commit: migration problems above; fix them, record a waiver with a reason (docs/waivers.md), or commit with --no-verify"
expect_eq "4. nothing was committed" "vmstate-waivers: accept the wider idle" \
	"$(git -C "$build/demo/repo" log -1 --format=%s)"
if tail -n 3 "$out" | grep -q 'README.md' && tail -n 3 "$out" | grep -q 'docs/user-guide.md'; then
	pass "the last lines say where to read on"
else
	fail "the last lines do not name README.md and docs/user-guide.md"
fi

# A vmstate-diff that finds nothing: the demo must not show step 2 as if it had.
fake=$work/build
mkdir -p "$fake" && ln -s "$build/vmstate-check" "$build/vmstate-src" "$fake/" &&
	printf '#!/bin/sh\nexit 0\n' >"$fake/vmstate-diff" && chmod +x "$fake/vmstate-diff"
sh "$here/demo.sh" "$fake" >"$work/fake.out" 2>"$work/fake.err"
expect_eq "a step that misbehaves: exit status 1" 1 $?
expect_eq "a step that misbehaves: says which" \
	"demo: error: 'vmstate-diff HEAD~1 HEAD' exited with status 0, not 1" "$(tail -n 1 "$work/fake.err")"

harness_end
