#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# The example program's command line: each bad use gives one clear error line and its
# documented exit status (vl.c).
#   check-cli.sh PROGRAM
set -u
prog=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$(dirname "$0")/../../harness.sh"
harness_group check-cli

# expect STATUS STDERR-SUBSTRING ARGS...
expect() {
	want_status=$1 want_err=$2
	shift 2
	"$prog" "$@" >"$tmp/out" 2>"$tmp/err"
	status=$?
	if [ $status -ne "$want_status" ] || ! grep -qF -- "$want_err" "$tmp/err"; then
		fail "$prog $*: status $status (want $want_status), stderr:"
		cat "$tmp/err" >&2
	else
		pass "$prog $*: status $want_status, $want_err"
	fi
}

expect 1 "error: unknown machine type 'pc-q35-9.9'" -M pc-q35-9.9 -dump-vmstate "$tmp/x.json"
expect 2 "error: option '-dump-vmstate' needs an argument" -dump-vmstate
expect 2 "error: unknown argument '--bogus'" --bogus
expect 2 "error: nothing to do" -M pc-i440fx-2.0
expect 2 "error: unknown layout '8.0'" --layout 8.0 -dump-vmstate "$tmp/x.json"
expect 1 "error: cannot write '$tmp/no/such/dir.json'" -dump-vmstate "$tmp/no/such/dir.json"
[ -e "$tmp/x.json" ] && fail "a failed run left $tmp/x.json"

if "$prog" -M help | grep -qx 'pc-i440fx-2.0'; then
	pass "$prog -M help lists pc-i440fx-2.0"
else
	fail "$prog -M help does not list pc-i440fx-2.0"
fi
if "$prog" --machine pc-i440fx-2.0 --dump-vmstate - >"$tmp/stdout.json" &&
	grep -q '"Name": "pc-i440fx-2.0"' "$tmp/stdout.json"; then
	pass "--dump-vmstate - writes the dump to stdout"
else
	fail "--dump-vmstate - does not write the dump to stdout"
fi
harness_end
