#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Prints the path of the reference checker, QEMU 10.0's scripts/vmstate-static-checker.py
# from Debian trixie's qemu source package, fetching it into $VMSTATE_CACHE when missing.
# Only that one script is extracted from the source tarball.
# With the argument newest-tables: the same script with the two rename entries upstream
# added after 10.0 (checker/check/renames.c, docs/vmstate-check.md "Rename tables"),
# for the golden cases and the difftest of vmstate-check's default (newest) tables.
set -eu
if [ "${1:-}" = newest-tables ]; then
	ref=$("$0")
	newest=$(dirname "$ref")/vmstate-static-checker-newest-tables.py
	python3 - "$ref" "$newest" <<'PY'
import sys
text = open(sys.argv[1]).read()
anchor = "    changed_names = {\n"
assert text.count(anchor) == 1, "changed_names not found"
text = text.replace(anchor, anchor + "        'acpi-ghes': ['ghes_addr_le', 'hw_error_le'],\n"
                    "        'hpet': ['num_timers', 'num_timers_save'],\n")
open(sys.argv[2] + ".tmp", "w").write(text)
PY
	mv "$newest.tmp" "$newest"
	echo "$newest"
	exit 0
fi
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
