#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# The steps of `make demo` once everything is built (testsuite/vmstate-src/vmstate-src.mk):
#   1. the seed's scenarios: vmstate-check on the static dumps of the example tree's
#      v1 and v2 (docs/scenarios.md);
#   2. vmstate-diff between two commits of a git repository of the example tree;
#   3. one waiver accepting that one finding;
#   4. the pre-commit hook refusing a breaking commit.
# The repository is left in BUILD_DIR/demo/repo to try the commands on; the fragment
# cache in BUILD_DIR/demo/cache, so that a second run compiles nothing.
#   demo.sh BUILD_DIR     (holds vmstate-check, vmstate-diff, vmstate.so, vmstate-extract
#                          and vmstate-src/{v1,v2}/static.json)
# Exit status: 0 when every step behaved as shown, 1 otherwise (the step says why).
set -u
build=$(cd "${1:?usage: demo.sh BUILD_DIR}" && pwd) || exit 1
top=$(cd "$(dirname "$0")/.." && pwd)
vsrc=$top/testsuite/vmstate-src
work=$build/demo
repo=$work/repo
export VMSTATE_CACHE=$work/cache
# The programs as the user would call them once installed.
export PATH="$build:$PATH"

step() { printf '\n== %s\n' "$*"; }
# Shows a command, runs it in the repository, and fails the demo unless its exit status
# is the expected one.   run EXPECTED-STATUS COMMAND...
run() {
	want=$1; shift
	shown='$'
	for arg; do
		case $arg in *' '*) shown="$shown \"$arg\"" ;; *) shown="$shown $arg" ;; esac
	done
	echo "$shown"
	(cd "$repo" && "$@") 2>"$work/stderr"
	got=$?
	# What the command said on stderr, but for vmstate-diff's progress and notes.
	grep -v '^vmstate-diff: ' "$work/stderr"
	grep -E '^vmstate-diff: (error|warning)' "$work/stderr"
	if [ "$got" != "$want" ]; then
		echo "demo: error: '$*' exited with status $got, not $want" >&2
		exit 1
	fi
}

rm -rf "$repo" && mkdir -p "$work" || exit 1

step "1. The seed's scenarios: testsuite/vmstate-src v1 and v2 (v1 + v2.patch), built with the plugin, dumps extracted with vmstate-extract, v1 -> v2 checked with vmstate-check"
echo "\$ vmstate-check -s v1/static.json -d v2/static.json"
vmstate-check -s "$build/vmstate-src/v1/static.json" -d "$build/vmstate-src/v2/static.json" \
	2>"$work/stderr"
status=$?
if [ -s "$work/stderr" ]; then cat "$work/stderr" >&2; exit 1; fi
echo "demo: vmstate-check exit status $status: $status problems (the machine-type warning is" \
	"not counted); each is explained in docs/scenarios.md"

step "2. vmstate-diff: two commits of a git repository, checked both ways, no emulator run"
sh "$top/testsuite/diff/make-example-repo.sh" "$vsrc" "$repo" >"$work/make-repo.log" 2>&1 || {
	cat "$work/make-repo.log" >&2; echo "demo: error: cannot make the repository" >&2; exit 1; }
# How vmstate-diff gets the compile commands of this make-built tree (the settings for
# QEMU are in contrib/qemu.vmstate-diff).
cat >"$repo/.vmstate-diff" <<CONFIG
compdb-cmd = sh '$top/testsuite/diff/example-compdb.sh'
jobs = 2
reference = yes
CONFIG
(cd "$repo" && sed -i -e 's/^\tuint8_t idle;/\tuint16_t idle;/' -e 's/VMSTATE_UINT8(idle,/VMSTATE_UINT16(idle,/' \
		hw/usb/dev-hid.c && git commit -q -a -m "usb-kbd: widen idle to 16 bits") || exit 1
echo "In $repo, the last commit widens one field of the USB keyboard:"
(cd "$repo" && git log --oneline -3 | sed 's/^/  /')
echo "\$ cat .vmstate-diff"
sed 's/^/  /' "$repo/.vmstate-diff"
run 1 vmstate-diff HEAD~1 HEAD
echo "demo: exit status 1: migration breaks both ways"

step "3. A waiver accepts that one finding, with its reason (docs/waivers.md)"
cat >"$repo/vmstate-waivers" <<'WAIVERS'
vmstate-waivers 2
waive kind=size section="usb-kbd" description="HIDKeyboardDevice" field="idle" reason="idle widened; only the new machine types have it"
WAIVERS
echo "\$ cat vmstate-waivers"
sed 's/^/  /' "$repo/vmstate-waivers"
run 0 vmstate-diff --waivers vmstate-waivers HEAD~1 HEAD
(cd "$repo" && git add vmstate-waivers && git commit -q -m "vmstate-waivers: accept the wider idle") || exit 1
echo "demo: exit status 0: accepted; the waiver is committed, so its reason stays in the tree"
echo "demo: (vmstate-check --suggest-waivers FILE writes such records for every current finding)"

step "4. The pre-commit hook refuses a breaking commit (contrib/vmstate-pre-commit)"
cp "$top/contrib/vmstate-pre-commit" "$repo/.git/hooks/pre-commit" &&
	chmod +x "$repo/.git/hooks/pre-commit" || exit 1
echo "\$ cp contrib/vmstate-pre-commit .git/hooks/pre-commit"
(cd "$repo" && sed -i '/VMSTATE_UINT16(intr, UHCIState),/d' hw/usb/hcd-uhci.c) || exit 1
echo "\$ git diff"
(cd "$repo" && git diff | sed 's/^/  /')
head=$(cd "$repo" && git rev-parse HEAD)
run 1 git commit -q -a -m "uhci: drop intr"
if [ "$(cd "$repo" && git rev-parse HEAD)" != "$head" ]; then
	echo "demo: error: the hook let the breaking commit through" >&2
	exit 1
fi
echo "demo: exit status 1: nothing was committed"

step "Read on"
echo "demo: the repository is left in $repo: try vmstate-diff there."
echo "demo: everyday commands and known limits: README.md; the whole workflow: docs/user-guide.md;"
echo "demo: then docs/vmstate-diff.md, docs/waivers.md, docs/baselines.md and contrib/ (hook, CI job)."
