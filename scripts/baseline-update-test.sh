#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Tests of vmstate-baseline-update's command line (scripts/baseline-update.sh); what it
# writes is tested on the example tree by testsuite/diff/run-tests.sh.
#   baseline-update-test.sh WORK_DIR [INSTALLED-PROGRAM]
set -u
work=$1
here=$(cd "$(dirname "$0")" && pwd)
. "$here/../testsuite/harness.sh"
harness_group check-baseline-update
prog=${2:-$here/baseline-update.sh}
mkdir -p "$work" || exit 1
version=$(sed -n 's/^#define VMSTATE_PLUGIN_VERSION "\(.*\)"$/\1/p' "$here/../plugin/vmstate-plugin.h")

sh "$prog" --help >"$work/out" 2>"$work/err"
expect_eq "--help: exit status 0" 0 $?
expect_eq "--help: the usage line, on stdout" \
	"Usage: vmstate-baseline-update [-C REPO] [-d DIR] [-T NINJA-TARGET] -r RELEASE -t TARGET" \
	"$(head -n 1 "$work/out")"
expect_line "--help: every option" "$work/out" "  -m MACHINE    a machine type; repeat for each"
expect_eq "--help: nothing on stderr" "" "$(cat "$work/err")"
sh "$prog" -h >/dev/null 2>&1
expect_eq "-h: exit status 0" 0 $?
expect_eq "--version: one line, one format" "vmstate-baseline-update (vmstate-plugin) $version" \
	"$(sh "$prog" --version)"
# usage_case WHAT EXPECTED-MESSAGE ARG...: exit status 2, that message and the hint.
usage_case() {
	what=$1 msg=$2; shift 2
	sh "$prog" "$@" >/dev/null 2>"$work/err"
	expect_eq "$what: exit status 2" 2 $?
	expect_eq "$what: says so" "vmstate-baseline-update: error: $msg|Try 'vmstate-baseline-update --help'." \
		"$(paste -sd'|' "$work/err")"
}
usage_case "an unknown option" "unknown option '-x'" -x
usage_case "an unknown long option" "unknown option '--bogus'" --bogus
usage_case "an option without its value" "option -r needs a value" -r
usage_case "no machine type" "no machine type: give -m MACHINE at least once" -r v1 -t x86_64
usage_case "a machine that is not a file name" "machine 'a/b' is not a file name" -r v1 -t x86_64 -m a/b
harness_end
