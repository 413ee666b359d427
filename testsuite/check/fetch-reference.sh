#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Prints the path of the reference checker, QEMU 10.0's scripts/vmstate-static-checker.py
# from Debian trixie's qemu source package, fetching it into $VMSTATE_CACHE when missing.
# Only that one script is extracted from the source tarball.
set -eu
cache=${VMSTATE_CACHE:-$HOME/.cache/vmstate-plugin}
ref=$cache/reference/qemu-10.0/vmstate-static-checker.py
if [ -f "$ref" ]; then
	echo "$ref"
	exit 0
fi
mkdir -p "$cache/debian-src" "$(dirname "$ref")"
find_orig() { ls "$cache"/debian-src/qemu_10.0.*.orig.tar.* 2>/dev/null | tail -n 1; }
orig=$(find_orig)
if [ -z "$orig" ]; then
	echo "fetch-reference: apt-get source --download-only qemu/trixie into $cache/debian-src" >&2
	if ! (cd "$cache/debian-src" && apt-get source --download-only qemu/trixie >&2); then
		echo "fetch-reference: error: cannot fetch qemu/trixie sources; add a deb-src entry for" \
			"trixie (see docs/vmstate-check.md, 'The reference') and run apt-get update" >&2
		exit 1
	fi
	orig=$(find_orig)
fi
tar -xOf "$orig" --wildcards '*/scripts/vmstate-static-checker.py' > "$ref.tmp"
[ -s "$ref.tmp" ] || { echo "fetch-reference: error: no checker script in $orig" >&2; exit 1; }
mv "$ref.tmp" "$ref"
echo "$ref"
