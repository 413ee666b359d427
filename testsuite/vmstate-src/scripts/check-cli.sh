#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# The example program's command line: each bad use gives one clear error line and its
# documented exit status (vl.c).
#   check-cli.sh PROGRAM
set -u
prog=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failed=0 n=0

# expect STATUS STDERR-SUBSTRING ARGS...
expect() {
	want_status=$1 want_err=$2
	shift 2
	n=$((n + 1))
	"$prog" "$@" >"$tmp/out" 2>"$tmp/err"
	status=$?
	if [ $status -ne "$want_status" ] || ! grep -qF -- "$want_err" "$tmp/err"; then
		echo "check-cli: FAIL: $prog $*: status $status (want $want_status), stderr:" >&2
		cat "$tmp/err" >&2
		failed=1
	fi
}

expect 1 "error: unknown machine type 'pc-q35-9.9'" -M pc-q35-9.9 -dump-vmstate "$tmp/x.json"
expect 2 "error: option '-dump-vmstate' needs an argument" -dump-vmstate
expect 2 "error: unknown argument '--bogus'" --bogus
expect 2 "error: nothing to do" -M pc-i440fx-2.0
expect 2 "error: unknown layout '8.0'" --layout 8.0 -dump-vmstate "$tmp/x.json"
expect 1 "error: cannot write '$tmp/no/such/dir.json'" -dump-vmstate "$tmp/no/such/dir.json"
[ -e "$tmp/x.json" ] && { echo "check-cli: FAIL: a failed run left $tmp/x.json" >&2; failed=1; }

n=$((n + 1))
if ! "$prog" -M help | grep -qx 'pc-i440fx-2.0'; then
	echo "check-cli: FAIL: $prog -M help does not list pc-i440fx-2.0" >&2
	failed=1
fi
n=$((n + 1))
"$prog" --machine pc-i440fx-2.0 --dump-vmstate - >"$tmp/stdout.json" &&
	grep -q '"Name": "pc-i440fx-2.0"' "$tmp/stdout.json" ||
	{ echo "check-cli: FAIL: --dump-vmstate - does not write the dump to stdout" >&2; failed=1; }

[ $failed -eq 0 ] || exit 1
echo "check-cli: PASS: $n command-line cases"
