#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Golden tests of vmstate-check.  Usage: run-golden.sh BUILD/vmstate-check
#   golden/CASE: stdout and exit status must equal the reference's (regen-golden.sh),
#                checked with --renames=10.0, the reference's tables, unless
#                CASE/reference says newest-tables (then with the default, newest)
#   bad/CASE:    exit status 255, nothing on stdout, one line on stderr = expected.err
#   waivers/CASE: vmstate-check --waivers (below)
# plus generated inputs too big to keep in the tree (a 100 MB dump).
set -eu
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$here/../harness.sh"
harness_group "golden tests"

# The rename tables of the reference that made golden case $1's expected output.
tables() { [ "$(cat "$1/reference" 2>/dev/null)" = newest-tables ] || echo --renames=10.0; }

for dir in "$here"/golden/*/; do
	dir=${dir%/}
	name=golden/$(basename "$dir")
	args="-s src.json -d dest.json"
	[ -f "$dir/args" ] && args=$(cat "$dir/args")
	args="$args $(tables "$dir")"
	set +e
	(cd "$dir" && "$bin" $args > "$tmp/out" 2> "$tmp/err")
	status=$?
	set -e
	if [ "$status" != "$(cat "$dir/expected.status")" ]; then
		fail "$name: exit status $status, reference $(cat "$dir/expected.status")"
	elif ! cmp -s "$tmp/out" "$dir/expected.out"; then
		fail "$name: output differs from the reference:"
		diff "$dir/expected.out" "$tmp/out" | head -n 10 >&2
	elif [ -s "$tmp/err" ]; then
		fail "$name: unexpected stderr: $(head -n 1 "$tmp/err")"
	else
		pass "$name"
	fi
done

for dir in "$here"/bad/*/; do
	dir=${dir%/}
	name=bad/$(basename "$dir")
	args="-s src.json -d dest.json"
	[ -f "$dir/args" ] && args=$(cat "$dir/args")
	set +e
	(cd "$dir" && "$bin" $args > "$tmp/out" 2> "$tmp/err")
	status=$?
	set -e
	if [ "$status" != 255 ]; then
		fail "$name: exit status $status, expected 255"
	elif [ -s "$tmp/out" ]; then
		fail "$name: wrote a partial report to stdout"
	elif ! cmp -s "$tmp/err" "$dir/expected.err"; then
		fail "$name: stderr is '$(cat "$tmp/err")', expected '$(cat "$dir/expected.err")'"
	else
		pass "$name"
	fi
done

# waivers/CASE: the dumps of golden case CASE/golden checked with --waivers CASE/waivers;
# stdout, stderr and the status must equal CASE/expected.*.  So that the expected report
# rests on the reference's, it must also be the golden report with whole lines deleted,
# one per waived message, and the status the golden one less that number (except where
# CASE/partial-line says a waived message shared a line with the reference's dangling
# prefix).  Bad waiver files: status 255, nothing on stdout.
for dir in "$here"/waivers/*/; do
	dir=${dir%/}
	case=$(basename "$dir")
	name=waivers/$case
	golden=$here/golden/$(cat "$dir/golden")
	args="-s src.json -d dest.json"
	[ -f "$golden/args" ] && args=$(cat "$golden/args")
	args="$args $(tables "$golden")"
	set +e
	(cd "$golden" && "$bin" $args --waivers "../../waivers/$case/waivers" \
		> "$tmp/out" 2> "$tmp/err")
	status=$?
	set -e
	expected=$(cat "$dir/expected.status")
	if [ "$status" != "$expected" ]; then
		fail "$name: exit status $status, expected $expected"
	elif ! cmp -s "$tmp/out" "$dir/expected.out"; then
		fail "$name: stdout differs:"
		diff "$dir/expected.out" "$tmp/out" | head -n 10 >&2
	elif ! cmp -s "$tmp/err" "$dir/expected.err"; then
		fail "$name: stderr differs:"
		diff "$dir/expected.err" "$tmp/err" | head -n 10 >&2
	elif [ "$expected" != 255 ] && [ ! -f "$dir/partial-line" ]; then
		added=$(diff "$golden/expected.out" "$dir/expected.out" | grep -c '^>' || true)
		deleted=$(diff "$golden/expected.out" "$dir/expected.out" | grep -c '^<' || true)
		want=$(($(cat "$golden/expected.status") - expected))
		if [ "$added" != 0 ] || [ "$deleted" != "$want" ]; then
			fail "$name: not the reference's report less $want lines ($added added, $deleted deleted)"
		else
			pass "$name"
		fi
	elif [ "$expected" = 255 ] && [ -s "$tmp/out" ]; then
		fail "$name: wrote a report along with a bad waiver file"
	else
		pass "$name"
	fi
done

# A 100 MB dump: checked against itself it must give no report and status 0.
python3 - "$tmp/big.json" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    f.write("{\n")
    n = 0
    while f.tell() < 100 * 1024 * 1024:
        f.write('"dev%d": {"Name": "dev%d", "version_id": 1, "minimum_version_id": 1, '
                '"Description": {"name": "dev%d", "version_id": 1, "minimum_version_id": 1, '
                '"Fields": [%s]}},\n' % (n, n, n, ", ".join(
                    '{"field": "f%d", "version_id": 0, "field_exists": false, "size": 4}' % i
                    for i in range(40))))
        n += 1
    f.write('"vmschkmachine": {"Name": "pc"}\n}\n')
PY
set +e
"$bin" -s "$tmp/big.json" -d "$tmp/big.json" > "$tmp/out" 2> "$tmp/err"
status=$?
set -e
if [ "$status" = 0 ] && [ ! -s "$tmp/out" ] && [ ! -s "$tmp/err" ]; then
	pass "generated/100MB-dump"
else
	fail "generated/100MB-dump: status $status"
fi
# ... and 100 MB of nesting is refused at the limit, not by running out of stack.
python3 -c "import sys; sys.stdout.write('[' * (100 * 1024 * 1024))" > "$tmp/deep.json"
set +e
"$bin" -s "$tmp/deep.json" -d "$tmp/big.json" > "$tmp/out" 2> "$tmp/err"
status=$?
set -e
if [ "$status" = 255 ] && grep -q "deep.json:1:994: error: containers nested deeper" "$tmp/err"; then
	pass "generated/100MB-nesting"
else
	fail "generated/100MB-nesting: status $status: $(cat "$tmp/err")"
fi

harness_end
