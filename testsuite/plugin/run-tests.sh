#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Runs the plugin's DejaGnu tests: run-tests.sh PLUGIN [CC] [OBJDIR]
set -u
plugin=${1:?usage: run-tests.sh PLUGIN [CC] [OBJDIR]}
cc=${2:-gcc}
here=$(cd "$(dirname "$0")" && pwd)
objdir=${3:-$(pwd)/build/testsuite/plugin}
mkdir -p "$objdir"
cd "$objdir" || exit 2
runtest --tool vmstate --srcdir "$here" --objdir "$objdir" PLUGIN="$plugin" CC="$cc" \
	>runtest.out 2>&1
status=$?
passes=$(grep -c '^PASS:' vmstate.sum)
fails=$(grep -c '^\(FAIL\|XPASS\|UNRESOLVED\|ERROR\):' vmstate.sum)
# (The two warnings about the tool config and testsuite directory are DejaGnu's defaults.)
grep -h '^\(FAIL\|XPASS\|UNRESOLVED\|ERROR\|WARNING\):' vmstate.sum runtest.out |
	grep -v "Couldn't find tool config file\|could not find testsuite" | sort -u | sed 's/^/  /'
echo "plugin tests with $cc, log in $objdir/vmstate.log"
echo "plugin: $passes passed, $fails failed"
[ "$status" -eq 0 ] && [ "$fails" -eq 0 ] && [ "$passes" -gt 0 ]
