#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Tests of contrib/gitlab-ci-vmstate.yml inside QEMU's pipeline, with gitlab-ci-local
# (an npm package that ships GitLab's CI JSON schema and evaluates rules offline): the
# file passes the schema, and the job is created where QEMU's jobs are (upstream staging
# branches, a fork's push with QEMU_CI=1 by hand or QEMU_CI=2 at once) and only when
# VMSTATE_PLUGIN_REPO is set.
#   gitlab-ci-test.sh GITLAB_CI_LOCAL QEMU_SRC_DIR WORK_DIR
# QEMU_SRC_DIR gives the real .gitlab-ci.d/base.yml and stages.yml (read, not copied into
# this project); without them only the schema is checked, on a stand-in template.
set -u
gcl=$1 qemu=$2 work=$3
here=$(cd "$(dirname "$0")" && pwd)
. "$here/../testsuite/harness.sh"
harness_group check-contrib

# A QEMU-like repository: QEMU's base and stages, and the job as the file says to install it.
repo=$work/qemu-ci
rm -rf "$repo" && mkdir -p "$repo/.gitlab-ci.d" "$work" || exit 1
if [ -f "$qemu/.gitlab-ci.d/base.yml" ] && [ -f "$qemu/.gitlab-ci.d/stages.yml" ]; then
	cp "$qemu/.gitlab-ci.d/base.yml" "$qemu/.gitlab-ci.d/stages.yml" "$repo/.gitlab-ci.d/"
	real_base=yes
else
	skip "the job's rules (no QEMU source in $qemu: make qemu-fetch QEMU=10.0)"
	printf 'stages: [test]\n.base_job_template:\n  rules:\n    - when: on_success\n' \
		>"$repo/.gitlab-ci.d/base.yml"
	: >"$repo/.gitlab-ci.d/stages.yml"
	real_base=no
fi
cp "$here/gitlab-ci-vmstate.yml" "$repo/.gitlab-ci.d/vmstate.yml"
cat >"$repo/.gitlab-ci.yml" <<'YAML'
include:
  - local: '/.gitlab-ci.d/base.yml'
  - local: '/.gitlab-ci.d/stages.yml'
  - local: '/.gitlab-ci.d/vmstate.yml'
YAML
(cd "$repo" && git init -q -b staging && git add -A &&
	git -c user.name=t -c user.email=t@example.invalid commit -q -m ci &&
	git update-ref refs/remotes/origin/master HEAD &&
	git symbolic-ref refs/remotes/origin/HEAD refs/remotes/origin/master) || exit 1

# when NAMESPACE BRANCH VARIABLE=VALUE...: the job's "when", or "absent" when not created.
when() {
	ns=$1 branch=$2; shift 2
	(cd "$repo" && git remote remove origin 2>/dev/null
	 git remote add origin "https://gitlab.com/$ns/qemu.git" && git checkout -q -B "$branch")
	set -- $(for v; do echo "--variable $v"; done)
	(cd "$repo" && "$gcl" --list-csv "$@") >"$work/gcl.out" 2>"$work/gcl.err" || {
		echo "error: gitlab-ci-local failed: $(grep -v '^ *Command failed\|^fatal:\|^Unable' "$work/gcl.err" | head -5)"
		return; }
	got=$(awk -F';' '$1 == "vmstate-migration-check" { print $4 }' "$work/gcl.out")
	echo "${got:-absent}"
}
repo_set=VMSTATE_PLUGIN_REPO=https://example.invalid/vmstate-plugin.git

expect_eq "schema: upstream staging parses and validates" on_success "$(when qemu-project staging "$repo_set")"
if grep -q '^json schema validated' "$work/gcl.err"; then
	pass "schema: GitLab's CI JSON schema was applied"
else
	fail "schema: gitlab-ci-local did not say it validated the schema: $(cat "$work/gcl.err")"
fi
if [ $real_base = yes ]; then
	expect_eq "rules: upstream master: not created" absent "$(when qemu-project master "$repo_set")"
	expect_eq "rules: a fork without QEMU_CI: not created" absent "$(when someone my-branch "$repo_set")"
	expect_eq "rules: a fork with QEMU_CI=1: created, started by hand" manual \
		"$(when someone my-branch QEMU_CI=1 "$repo_set")"
	expect_eq "rules: a fork with QEMU_CI=2: started at once" on_success \
		"$(when someone my-branch QEMU_CI=2 "$repo_set")"
fi
expect_eq "rules: without VMSTATE_PLUGIN_REPO: not created" absent "$(when qemu-project staging)"

# The check is real: a key GitLab does not know fails the schema.
sed -i 's/^  needs: \[\]$/  needs: []\n  stages: test/' "$repo/.gitlab-ci.d/vmstate.yml"
(cd "$repo" && git -c user.name=t -c user.email=t@example.invalid commit -q -a -m typo) >/dev/null
got=$(when qemu-project staging "$repo_set")
case $got in
error:*"'stages' property is not expected to be here at vmstate-migration-check"*)
	pass "schema: an unknown key in the job is refused" ;;
*) fail "schema: an unknown key in the job was not refused: $got" ;;
esac

harness_end
