#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# CI check of a branch: the static vmstate dumps of the merge base and of the tip are
# checked both ways with vmstate-diff, and the tip against every baseline dump.
# The job fails with the checker's messages.  contrib/gitlab-ci-vmstate.yml runs it.
usage() {
	cat <<'USAGE'
Usage: vmstate-ci.sh [BASE-REV [TIP-REV]] [-- VMSTATE-DIFF-OPTION...]
Check live migration between TIP-REV (default: HEAD) and its merge base with BASE-REV
(default: $VMSTATE_CI_BASE, else origin/master), both ways, with vmstate-diff; then
TIP-REV forward from each baseline dump in $VMSTATE_BASELINES.  Options after -- go to
every vmstate-diff run (for example --config FILE: how to configure the tree and which
emulator to check; without it, the repository's .vmstate-diff).  Differences accepted on
purpose go into the waiver file of "waivers = FILE" there (or --waivers FILE after --),
in either mode (docs/waivers.md): a waived finding does not fail the job.

Environment:
  VMSTATE_DIFF       the vmstate-diff program (default: vmstate-diff)
  VMSTATE_BASELINES  a directory of baseline dumps (docs/baselines.md); empty: none
  VMSTATE_CACHE      vmstate-diff's cache; keep its diff/units between jobs

Exit status: vmstate-diff's, combined over its runs.  In its default (wire) mode the
bits of every run OR-ed: 1 failure, 2 usage (with 1: 3), 4 review needed, 8 breaks
migration.  With "reference = yes" in the configuration (or --reference after --), the
largest of the reference mode's: 0 no problem, 1 problems, 2 usage, 3 failure.  This
script's own errors: 2 usage error (in both modes); no merge base: 1 (wire), 3 (reference).
USAGE
}
set -u
diff_prog=${VMSTATE_DIFF:-vmstate-diff}
base_rev= tip=
while [ $# -gt 0 ]; do
	case $1 in
	--) shift; break ;;
	-h|--help) usage; exit 0 ;;
	-*) echo "vmstate-ci: error: unknown option '$1' (options for vmstate-diff go after --)" >&2; exit 2 ;;
	*) if [ -z "$base_rev" ]; then base_rev=$1
	   elif [ -z "$tip" ]; then tip=$1
	   else echo "vmstate-ci: error: too many revisions: '$1'" >&2; exit 2; fi ;;
	esac
	shift
done
# The mode decides how statuses combine: the config named by --config (else the
# repository's .vmstate-diff) or --reference among the options selects the reference mode.
reference= config=.vmstate-diff prev=
for a in "$@"; do
	[ "$prev" = --config ] && config=$a
	case $a in --reference) reference=yes ;; --config=*) config=${a#--config=} ;; esac
	prev=$a
done
[ -f "$config" ] && grep -Eq '^[[:space:]]*reference[[:space:]]*=[[:space:]]*yes[[:space:]]*$' "$config" &&
	reference=yes
combine() {
	if [ "$reference" ]; then [ "$1" -gt "$status" ] && status=$1
	else status=$((status | $1)); fi
	return 0
}
base_rev=${base_rev:-${VMSTATE_CI_BASE:-origin/master}}
tip=${tip:-HEAD}
base=$(git merge-base "$base_rev" "$tip") || {
	echo "vmstate-ci: error: no merge base of $base_rev and $tip" >&2
	[ "$reference" ] && exit 3; exit 1; }
status=0
echo "vmstate-ci: $base_rev (merge base $base) <-> $tip"
"$diff_prog" "$@" "$base" "$tip" || combine $?
if [ -n "${VMSTATE_BASELINES:-}" ]; then
	for dump in "$VMSTATE_BASELINES"/*.json; do
		[ -f "$dump" ] || continue
		echo "vmstate-ci: baseline $dump -> $tip"
		"$diff_prog" "$@" --direction forward --src-dump "$dump" "$tip" || combine $?
	done
fi
exit $status
