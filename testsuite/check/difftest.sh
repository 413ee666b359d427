#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# make difftest: the reference script (fetched), real dumps from a QEMU x86_64 binary
# (Debian's qemu-system-x86 unless QEMU=/path/to/qemu-system-x86_64 is given), then
# difftest.py on 1000+ mutated cases.
# Usage: difftest.sh BUILD/vmstate-check [CASES] [SEED] [TABLES]
# TABLES 10.0 (the default): QEMU 10.0's script against vmstate-check --renames=10.0, the
# same tables; newest: that script with upstream's two later rename entries against
# vmstate-check's default tables (docs/vmstate-check.md, "Rename tables").
set -eu
checker=$1
cases=${2:-1000}
seed=${3:-1}
tables=${4:-10.0}
here=$(cd "$(dirname "$0")" && pwd)
cache=${VMSTATE_CACHE:-$HOME/.cache/vmstate-plugin}
case $tables in
10.0) ref=$("$here/fetch-reference.sh"); checker_arg=--renames=10.0 ;;
newest) ref=$("$here/fetch-reference.sh" newest-tables); checker_arg=--renames=newest ;;
*) echo "difftest: error: TABLES is 10.0 or newest, not $tables" >&2; exit 2 ;;
esac
qemu=${QEMU:-$(command -v qemu-system-x86_64 || true)}
if [ -z "$qemu" ]; then
	echo "difftest: installing Debian's qemu-system-x86 for real dumps" >&2
	if [ "$(id -u)" -ne 0 ]; then
		echo "difftest: error: not root; apt-get install qemu-system-x86 or set QEMU=" >&2
		exit 1
	fi
	DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends qemu-system-x86 >/dev/null
	qemu=$(command -v qemu-system-x86_64)
fi
dumps=$cache/dumps
mkdir -p "$dumps"
for machine in none pc q35; do
	"$qemu" -M $machine -nodefaults -display none -dump-vmstate "$dumps/$machine.json"
done
echo "difftest: $("$qemu" --version | head -n 1); dumps in $dumps"
LC_ALL=C.UTF-8 python3 "$here/difftest.py" --reference "$ref" --checker "$checker" \
	--cases "$cases" --seed "$seed" --checker-arg="$checker_arg" --keep "$(dirname "$checker")/difftest-failures" \
	"$dumps/none.json" "$dumps/pc.json" "$dumps/q35.json"
