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

"$checker" -s "$v1" -d "$v2" >"$tmp/out" 2>"$tmp/err"
status=$?
if [ -s "$tmp/err" ]; then
	echo "check-scenarios: error: $checker wrote to stderr:" >&2
	cat "$tmp/err" >&2
	exit 1
fi
echo "exit status: $status" >>"$tmp/out"
failed=0
if ! cmp -s "$expected" "$tmp/out"; then
	echo "check-scenarios: FAIL: $checker -s $v1 -d $v2 differs from $expected:" >&2
	diff -u "$expected" "$tmp/out" >&2
	failed=1
fi
n=0
while IFS='	' read -r scenario message; do
	case $scenario in ''|'#'*) continue ;; esac
	n=$((n + 1))
	if ! grep -qF -- "$message" "$tmp/out"; then
		echo "check-scenarios: FAIL: scenario \"$scenario\": no line contains: $message" >&2
		failed=1
	fi
done <"$scenarios"
[ $failed -eq 0 ] || exit 1
echo "check-scenarios: PASS: $n scenarios found, output and exit status ($status) as recorded"
