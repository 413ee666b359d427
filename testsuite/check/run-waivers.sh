#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Tests of vmstate-check --waivers.  Usage: run-waivers.sh BUILD/vmstate-check
# waivers/CASE/golden names a golden case; its dumps are checked with CASE/waivers and
# stdout, stderr and the exit status must equal CASE/expected.*.  So that the expected
# report rests on the reference's, it must also be the golden report with whole lines
# deleted, one per waived message, and the status the golden one less that number
# (except where CASE/partial-line says a waived message shared a line with the
# reference's dangling prefix).  Bad waiver files: status 255, nothing on stdout.
set -eu
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0
failed() { echo "FAIL: $*"; fail=$((fail + 1)); }

for dir in "$here"/waivers/*/; do
	dir=${dir%/}
	case=$(basename "$dir")
	name=waivers/$case
	golden=$here/golden/$(cat "$dir/golden")
	args="-s src.json -d dest.json"
	[ -f "$golden/args" ] && args=$(cat "$golden/args")
	set +e
	(cd "$golden" && "$bin" $args --waivers "../../waivers/$case/waivers" \
		> "$tmp/out" 2> "$tmp/err")
	status=$?
	set -e
	expected=$(cat "$dir/expected.status")
	if [ "$status" != "$expected" ]; then
		failed "$name: exit status $status, expected $expected"
	elif ! cmp -s "$tmp/out" "$dir/expected.out"; then
		failed "$name: stdout differs:"
		diff "$dir/expected.out" "$tmp/out" | head -n 10
	elif ! cmp -s "$tmp/err" "$dir/expected.err"; then
		failed "$name: stderr differs:"
		diff "$dir/expected.err" "$tmp/err" | head -n 10
	elif [ "$expected" != 255 ] && [ ! -f "$dir/partial-line" ]; then
		added=$(diff "$golden/expected.out" "$dir/expected.out" | grep -c '^>' || true)
		deleted=$(diff "$golden/expected.out" "$dir/expected.out" | grep -c '^<' || true)
		want=$(($(cat "$golden/expected.status") - expected))
		if [ "$added" != 0 ] || [ "$deleted" != "$want" ]; then
			failed "$name: not the reference's report less $want lines ($added added, $deleted deleted)"
		else
			pass=$((pass + 1))
		fi
	elif [ "$expected" = 255 ] && [ -s "$tmp/out" ]; then
		failed "$name: wrote a report along with a bad waiver file"
	else
		pass=$((pass + 1))
	fi
done

echo "waiver tests: $pass passed, $fail failed"
[ "$fail" = 0 ]
