#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Command-line and input-handling tests of vmstate-check (issue 11 items 4 and 5 and its
# --help > /dev/full; issue 15 items 5: --version, colour).  Usage: run-cli.sh BUILD/vmstate-check
# Every run is under timeout, so that a regression to "never ends" fails instead of hanging.
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
here=$(cd "$(dirname "$0")" && pwd)
case_dir=$here/golden/seed-series
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$here/../harness.sh"
harness_group "cli tests"
# run NAME ARGS...: runs the checker in the golden case's directory; sets $status, and
# $tmp/out and $tmp/err.
run() {
	(cd "$case_dir" && timeout 20 "$bin" "$@" > "$tmp/out" 2> "$tmp/err")
	status=$?
}
expect() { # expect NAME STATUS STDERR-LINE (exact; "" for empty)
	if [ "$status" != "$2" ]; then
		fail "$1: status $status, expected $2 ($(head -c 200 "$tmp/err"))"
	elif [ "$(cat "$tmp/err")" != "$3" ]; then
		fail "$1: stderr '$(cat "$tmp/err")', expected '$3'"
	else
		pass "$1"
	fi
}

# Issue 11 item 4: inputs that never end are refused at once.
run -s /dev/zero -d dest.json
expect "-s /dev/zero" 255 "/dev/zero: error: cannot read: not a regular file or a pipe"
run -s src.json -d /dev/zero
expect "-d /dev/zero" 255 "/dev/zero: error: cannot read: not a regular file or a pipe"
run -s src.json -d dest.json --waivers /dev/zero
expect "--waivers /dev/zero" 255 "/dev/zero: error: cannot read the waiver file: not a regular file or a pipe"

# Issue 11 item 5: standard input is read from where it stands.
{ printf 'not json\n'; cat "$case_dir/src.json"; } > "$tmp/with-header.json"
(cd "$case_dir" && { read -r _; timeout 20 "$bin" -s - -d dest.json; } \
	< "$tmp/with-header.json" > "$tmp/out" 2> "$tmp/err")
status=$?
if [ "$status" = "$(cat "$case_dir/expected.status")" ] && cmp -s "$tmp/out" "$case_dir/expected.out"; then
	pass "-s - after a read line"
else
	fail "-s - after a read line: status $status: $(head -c 200 "$tmp/err")"
fi
# ... and left at its end, as reading it would.
(cd "$case_dir" && { timeout 20 "$bin" -s - -d dest.json > /dev/null; cat; } \
	< "$case_dir/src.json" > "$tmp/rest")
if [ -s "$tmp/rest" ]; then fail "-s -: standard input not left at its end"; else pass "-s -: standard input left at its end"; fi
# The same through a pipe.
(cd "$case_dir" && cat src.json | timeout 20 "$bin" -s - -d dest.json > "$tmp/out" 2>&1)
if cmp -s "$tmp/out" "$case_dir/expected.out"; then pass "-s - through a pipe"; else fail "-s - through a pipe"; fi
# -s - -d -: one standard input cannot be both dumps.
(cd "$case_dir" && timeout 20 "$bin" -s - -d - < src.json > "$tmp/out" 2> "$tmp/err")
status=$?
if [ "$status" = 2 ] && [ ! -s "$tmp/out" ] &&
	grep -qx 'vmstate-check: error: argument -d/--dest: standard input is already -s/--src' "$tmp/err"; then
	pass "-s - -d -: refused"
else
	fail "-s - -d -: status $status: $(cat "$tmp/err")"
fi

# Output that cannot be written is an error, never exit 0.
(cd "$case_dir" && timeout 20 "$bin" --help > /dev/full 2> "$tmp/err")
status=$?
if [ "$status" = 255 ] && grep -q 'cannot write to standard output' "$tmp/err"; then pass "--help > /dev/full"; else
	fail "--help > /dev/full: status $status"; fi
(cd "$case_dir" && timeout 20 "$bin" -s src.json -d dest.json > /dev/full 2> "$tmp/err")
status=$?
if [ "$status" = 255 ]; then pass "report > /dev/full"; else fail "report > /dev/full: status $status"; fi

# Issue 15 item 5: --version in the one format of the tools, without -s and -d.
run --version
if [ "$status" = 0 ] && grep -Eqx 'vmstate-check \(vmstate-plugin\) [0-9]+\.[0-9]+\.[0-9]+' "$tmp/out" &&
	[ ! -s "$tmp/err" ]; then pass "--version"; else fail "--version: status $status: $(cat "$tmp/out" "$tmp/err")"; fi
(cd "$case_dir" && timeout 20 "$bin" --version > /dev/full 2> /dev/null)
status=$?
if [ "$status" = 255 ]; then pass "--version > /dev/full"; else fail "--version > /dev/full: status $status"; fi

# Colour as GCC gives it (gcc -fdiagnostics-color=always), never by default on a pipe.
run --color=always -s missing.json -d dest.json
expect "--color=always" 255 "$(printf '\033[01m\033[Kmissing.json:\033[m\033[K \033[01;31m\033[Kerror: \033[m\033[Kcannot open: No such file or directory')"
run --color=never -s missing.json -d dest.json
expect "--color=never" 255 "missing.json: error: cannot open: No such file or directory"
run --color=sometimes -s src.json -d dest.json
[ "$status" = 2 ] && grep -q "argument --color: invalid choice: 'sometimes'" "$tmp/err" && pass "--color=sometimes refused" ||
	fail "--color=sometimes: status $status"
if command -v script > /dev/null; then
	# On a terminal: coloured, unless NO_COLOR is set or TERM is dumb.
	(cd "$case_dir" && TERM=xterm script -qec "$bin -s missing.json -d dest.json" /dev/null > "$tmp/tty" 2>&1)
	(cd "$case_dir" && TERM=xterm NO_COLOR=1 script -qec "$bin -s missing.json -d dest.json" /dev/null > "$tmp/tty-no" 2>&1)
	if grep -q "$(printf '\033')\[01;31m" "$tmp/tty" && ! grep -q "$(printf '\033')\[" "$tmp/tty-no"; then
		pass "colour on a terminal / NO_COLOR"
	else
		fail "colour on a terminal / NO_COLOR"
	fi
fi

# Issue 15 item 3: --suggest-waivers writes a record for each finding, reasons empty (so
# the file does not load as it is); filled in, the records accept the findings in both
# directions, and none is stale in either run (the record for a section missing
# forward could not have matched backward).
run -s src.json -d dest.json --suggest-waivers "$tmp/suggested"
if [ "$status" = "$(cat "$case_dir/expected.status")" ] && cmp -s "$tmp/out" "$case_dir/expected.out" &&
	[ "$(grep -c '^waive ' "$tmp/suggested")" = "$(cat "$case_dir/expected.status")" ]; then pass "--suggest-waivers"; else
	fail "--suggest-waivers: status $status, $(grep -c '^waive ' "$tmp/suggested") records"; fi
run -s src.json -d dest.json --waivers "$tmp/suggested"
[ "$status" = 255 ] && grep -q 'a waiver needs a reason' "$tmp/err" && pass "suggested waivers refused before their reasons are filled in" ||
	fail "suggested waivers load before their reasons are filled in"
sed 's/reason=""/reason="accepted in the test"/' "$tmp/suggested" > "$tmp/filled"
for dir in "" --reverse; do
	run -s src.json -d dest.json $dir --waivers "$tmp/filled"
	if [ "$status" = 0 ] && ! grep -qv '^Warning: ' "$tmp/out" && [ ! -s "$tmp/err" ]; then pass "suggested waivers ${dir:-forward}"; else
		fail "suggested waivers ${dir:-forward}: status $status: $(head -c 300 "$tmp/out" "$tmp/err")"
	fi
done

harness_end
