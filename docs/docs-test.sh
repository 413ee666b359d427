#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Tests of the documentation a user gets: `make install PREFIX=/usr DESTDIR=...` puts the
# docs under DOCDIR and every man page in MANDIR, each page with the one footer form
# pointing at pages that are installed; the docs cite nothing outside the repository.
#   docs-test.sh WORK_DIR
set -u
work=$1
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/.." && pwd)
. "$top/testsuite/harness.sh"
harness_group check-docs
rm -rf "$work" && mkdir -p "$work" || exit 1
root=$work/root
docdir=$root/usr/share/doc/vmstate-plugin
mandir=$root/usr/share/man/man1
version=$(sed -n 's/^#define VMSTATE_PLUGIN_VERSION "\(.*\)"$/\1/p' "$top/plugin/vmstate-plugin.h")

make -C "$top" --no-print-directory install PREFIX=/usr DESTDIR="$root" >"$work/install.log" 2>&1
status=$?
expect_eq "make install PREFIX=/usr DESTDIR=...: exit status 0" 0 $status
if [ $status -ne 0 ]; then
	tail -n 5 "$work/install.log" >&2
	harness_end
	exit 1
fi

missing=
for f in README.md COPYING $(cd "$top" && ls docs/*.md | sed 's|^docs/||') \
		contrib/vmstate-pre-commit contrib/vmstate-ci.sh contrib/gitlab-ci-vmstate.yml contrib/qemu.vmstate-diff; do
	[ -f "$docdir/$f" ] || missing="$missing $f"
done
expect_eq "DOCDIR holds the README, COPYING, every docs/*.md and contrib/" "" "$missing"

pages=$(cd "$top/docs/man" && ls *.1)
expect_eq "every man page is installed" "$pages" "$(cd "$mandir" 2>/dev/null && ls *.1)"
dates=
for page in $pages; do
	p=$mandir/$page
	name=$(echo "${page%.1}" | tr a-z A-Z)
	th=$(grep '^\.TH ' "$p")
	case $th in
	".TH $name 1 \""*"\" \"vmstate-plugin $version\" \"User Commands\"") pass "$page: the one .TH form, with the version" ;;
	*) fail "$page: .TH is '$th'" ;;
	esac
	dates="$dates $(echo "$th" | cut -d'"' -f2)"
	expect_eq "$page: no placeholder left" "" "$(grep -n '@[A-Z]*@' "$p")"
	expect_line "$page: SEE ALSO points at the installed documentation" "$p" ".IR /usr/share/doc/vmstate-plugin :"
	cited=$(sed -n '/^\.SH SEE ALSO/,/^\.SH/s/^\.I \([a-z-]*\.md\)$/\1/p' "$p")
	absent=
	for f in $cited; do [ -f "$docdir/$f" ] || absent="$absent $f"; done
	if [ -n "$cited" ] && [ -z "$absent" ]; then
		pass "$page: the pages it names are installed ($(echo $cited))"
	else
		fail "$page: names no installed page, or names absent ones:$absent"
	fi
	expect_line "$page: the license at the end" "$p" "GPL-2.0-or-later."
	expect_eq "$page: groff has no warning" "" "$(LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -l "$p" 2>&1 >/dev/null)"
done
expect_eq "every man page has the same date" 1 "$(echo $dates | tr ' ' '\n' | sort -u | wc -l)"
expect_eq "the installed vmstate-baseline-update has the version written in" \
	"vmstate-baseline-update (vmstate-plugin) $version" "$(sh "$root/usr/bin/vmstate-baseline-update" --version)"

# Relative links of the README and docs/ name files of the repository; no text names
# a path of the machine the docs were written on.
bad=
for md in "$top/README.md" "$top"/docs/*.md; do
	dir=$(dirname "$md")
	for link in $(grep -o '](\([^)#]*\)' "$md" | sed 's/^](//' | grep -v '^[a-z]*:' | grep -v '^$'); do
		[ -e "$dir/$link" ] || { bad="$bad ${md#$top/}:$link"; continue; }
		case $(cd "$dir" && realpath "$link") in "$top"/*) ;; *) bad="$bad ${md#$top/}:$link" ;; esac
	done
done
expect_eq "docs: every relative link names a file in the repository" "" "$bad"
expect_eq "docs: no path outside the repository, no notes the user does not have" "" \
	"$(cd "$top" && grep -n '/work/\|shared notes\|\.\./shared' README.md docs/*.md)"
harness_end
