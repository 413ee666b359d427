#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Regenerates the expected results of the golden tests by running the REFERENCE checker
# (never by hand):
#   golden/CASE/expected.out, expected.status  - its stdout and exit status
#   bad/CASE/reference.result                  - how it ends on our bad inputs: the
#                                                exception it raises, or its exit status
#                                                where it runs through a shape error
#   golden/CASE/reference = "newest-tables": the reference with the two rename entries
#                                           upstream added after 10.0 (renames.c), as
#                                           upstream's newest script has them
# Usage: testsuite/check/regen-golden.sh   (from anywhere; python3 + the reference)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
ref=$("$here/fetch-reference.sh")
newest=$("$here/fetch-reference.sh" newest-tables)
# The locale decides how Python prints lone surrogates: keep the one the docs assume.
export LC_ALL=C.UTF-8
export PYTHONHASHSEED=0
for dir in "$here"/golden/*/ "$here"/bad/*/; do
	dir=${dir%/}
	args="-s src.json -d dest.json"
	[ -f "$dir/args" ] && args=$(cat "$dir/args")
	set +e
	script=$ref
	[ "$(cat "$dir/reference" 2>/dev/null)" = newest-tables ] && script=$newest
	(cd "$dir" && python3 "$script" $args > "$dir/.out" 2> "$dir/.err")
	status=$?
	set -e
	case $dir in
	*/golden/*)
		if grep -q '^Traceback' "$dir/.err"; then
			echo "regen-golden: error: the reference fails on $dir:" >&2
			tail -n 1 "$dir/.err" >&2
			exit 1
		fi
		mv "$dir/.out" "$dir/expected.out"
		echo "$status" > "$dir/expected.status" ;;
	*)
		if grep -q '^Traceback' "$dir/.err"; then
			echo "raises $(tail -n 1 "$dir/.err" | cut -d: -f1)" > "$dir/reference.result"
		elif [ "$status" = 2 ] && grep -q 'usage:' "$dir/.err"; then
			echo "argument error (exit 2)" > "$dir/reference.result"
		else
			echo "runs through (exit $status)" > "$dir/reference.result"
		fi
		rm -f "$dir/.out" ;;
	esac
	rm -f "$dir/.err"
done
echo "regen-golden: done with $ref"
