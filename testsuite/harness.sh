# SPDX-License-Identifier: GPL-2.0-or-later
# The pass/fail counting of the shell test scripts, sourced:
#   . testsuite/harness.sh; harness_group NAME; ...; harness_end
# Each result is one line "NAME: PASS: what" on stdout or "NAME: FAIL: what" on stderr;
# harness_end prints "NAME: N passed, M failed" and returns 1 when any failed.
harness_name=test harness_passed=0 harness_failed=0
harness_group() { harness_name=$1; }
pass() { harness_passed=$((harness_passed + 1)); echo "$harness_name: PASS: $*"; }
fail() { harness_failed=$((harness_failed + 1)); echo "$harness_name: FAIL: $*" >&2; }
skip() { echo "$harness_name: SKIP: $*"; }
# expect_eq WHAT EXPECTED ACTUAL
expect_eq() {
	if [ "$2" = "$3" ]; then pass "$1"; else fail "$1: expected '$2', got '$3'"; fi
}
# expect_line WHAT FILE LINE: FILE has exactly that line.
expect_line() {
	if grep -qxF -- "$3" "$2"; then pass "$1"; else fail "$1: no line '$3' in $2"; fi
}
harness_end() {
	echo "$harness_name: $harness_passed passed, $harness_failed failed"
	[ "$harness_failed" -eq 0 ]
}
