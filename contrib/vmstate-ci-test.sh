#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Tests of contrib/vmstate-ci.sh's command line, with a stand-in vmstate-diff that
# records its arguments (the checks themselves: testsuite/diff/run-tests.sh).
#   vmstate-ci-test.sh WORK_DIR
set -u
work=$1
here=$(cd "$(dirname "$0")" && pwd)
. "$here/../testsuite/harness.sh"
harness_group check-contrib
repo=$work/ci-repo
rm -rf "$repo" && mkdir -p "$repo" || exit 1
(cd "$repo" && git init -q && git -c user.name=t -c user.email=t@example.invalid commit -q --allow-empty -m base &&
	git tag base && git -c user.name=t -c user.email=t@example.invalid commit -q --allow-empty -m tip) || exit 1
base=$(git -C "$repo" rev-parse base)
printf '#!/bin/sh\necho "$*" >>"%s"\n' "$work/args" >"$work/fake-diff" && chmod +x "$work/fake-diff"
ci() { (cd "$repo" && VMSTATE_DIFF=$work/fake-diff VMSTATE_BASELINES= sh "$here/vmstate-ci.sh" "$@"); }

rm -f "$work/args"
ci base HEAD -- --config /x/qemu.vmstate-diff >/dev/null 2>&1
expect_eq "options after -- reach vmstate-diff: exit status" 0 $?
expect_eq "options after -- reach vmstate-diff, before the revisions" \
	"--config /x/qemu.vmstate-diff $base HEAD" "$(cat "$work/args")"
ci --help >"$work/help.out" 2>&1
expect_eq "--help: exit status 0" 0 $?
expect_eq "--help: the usage line" "Usage: vmstate-ci.sh [BASE-REV [TIP-REV]] [-- VMSTATE-DIFF-OPTION...]" \
	"$(head -n 1 "$work/help.out")"
ci --config x >/dev/null 2>"$work/err"
expect_eq "an option before --: exit status 2" 2 $?
expect_eq "an option before --: says where it goes" \
	"vmstate-ci: error: unknown option '--config' (options for vmstate-diff go after --)" "$(cat "$work/err")"
ci no-such-rev >/dev/null 2>"$work/err"
expect_eq "no merge base, wire mode: exit status 1" 1 $?
ci no-such-rev -- --reference >/dev/null 2>"$work/err"
expect_eq "no merge base, reference mode: exit status 3" 3 $?

# Statuses of several runs: the wire mode's bits are OR-ed (8 breaks and 4 review give
# 12, never the larger alone); the reference mode keeps the largest.
mkdir -p "$work/baselines" && : >"$work/baselines/a.json"
printf '#!/bin/sh\ncase "$*" in *--src-dump*) exit 4 ;; *) exit 8 ;; esac\n' >"$work/status-diff"
chmod +x "$work/status-diff"
(cd "$repo" && VMSTATE_DIFF=$work/status-diff VMSTATE_BASELINES=$work/baselines \
	sh "$here/vmstate-ci.sh" base HEAD >/dev/null 2>&1)
expect_eq "wire mode: breaks (8) and review (4) give 12" 12 $?
printf '#!/bin/sh\ncase "$*" in *--src-dump*) exit 3 ;; *) exit 1 ;; esac\n' >"$work/status-diff"
printf 'reference = yes\n' >"$work/reference.conf"
(cd "$repo" && VMSTATE_DIFF=$work/status-diff VMSTATE_BASELINES=$work/baselines \
	sh "$here/vmstate-ci.sh" base HEAD -- --config "$work/reference.conf" >/dev/null 2>&1)
expect_eq "reference mode (from --config): problems (1) and a failure (3) give 3" 3 $?

harness_end
