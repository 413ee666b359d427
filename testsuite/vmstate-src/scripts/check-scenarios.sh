#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Runs the checker on the v1 and v2 dumps and asserts (1) its output and exit status equal
# those recorded from the reference script (record-findings.sh), and (2) every scenario
# of scenarios.txt shows its message.
#   check-scenarios.sh CHECKER V1.json V2.json EXPECTED SCENARIOS
set -u
[ $# -eq 5 ] || { echo "usage: $0 CHECKER V1.json V2.json EXPECTED SCENARIOS" >&2; exit 2; }
checker=$1 v1=$2 v2=$3 expected=$4 scenarios=$5
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$(dirname "$0")/../../harness.sh"
harness_group check-scenarios

"$checker" -s "$v1" -d "$v2" >"$tmp/out" 2>"$tmp/err"
status=$?
if [ -s "$tmp/err" ]; then
	fail "$checker wrote to stderr:"
	cat "$tmp/err" >&2
	harness_end
	exit 1
fi
echo "exit status: $status" >>"$tmp/out"
if cmp -s "$expected" "$tmp/out"; then
	pass "$checker -s $v1 -d $v2: output and exit status ($status) as recorded"
else
	fail "$checker -s $v1 -d $v2 differs from $expected:"
	diff -u "$expected" "$tmp/out" >&2
fi
while IFS='	' read -r scenario message; do
	case $scenario in ''|'#'*) continue ;; esac
	if grep -qF -- "$message" "$tmp/out"; then
		pass "scenario \"$scenario\" found"
	else
		fail "scenario \"$scenario\": no line contains: $message"
	fi
done <"$scenarios"
harness_end
