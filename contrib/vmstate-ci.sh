#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# CI check of a branch: the static vmstate dumps of the merge base and of the tip are
# checked both ways with vmstate-diff, and the tip against every baseline dump.
# The job fails with the checker's messages.
#   vmstate-ci.sh [BASE-REV [TIP-REV]]
# BASE-REV defaults to $VMSTATE_CI_BASE, else origin/master; TIP-REV to HEAD.
# Environment: VMSTATE_DIFF (program, default vmstate-diff), VMSTATE_BASELINES (a
# directory of baseline dumps, see docs/baselines.md), VMSTATE_CACHE (keep it between
# jobs: it holds the fragment cache and the build directories).
# The repository's .vmstate-diff says how to configure and which target to check.
set -u
diff_prog=${VMSTATE_DIFF:-vmstate-diff}
base_rev=${1:-${VMSTATE_CI_BASE:-origin/master}}
tip=${2:-HEAD}
base=$(git merge-base "$base_rev" "$tip") || {
	echo "vmstate-ci: error: no merge base of $base_rev and $tip" >&2; exit 3; }
status=0
echo "vmstate-ci: $base_rev (merge base $base) <-> $tip"
"$diff_prog" "$base" "$tip" || status=$?
if [ -n "${VMSTATE_BASELINES:-}" ]; then
	for dump in "$VMSTATE_BASELINES"/*.json; do
		[ -f "$dump" ] || continue
		echo "vmstate-ci: baseline $dump -> $tip"
		"$diff_prog" --direction forward --src-dump "$dump" "$tip" || {
			s=$?; [ $s -gt $status ] && status=$s; }
	done
fi
exit $status
