#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Install the Debian packages a make goal needs, but only those that are missing,
# so that `make demo` and `make check` work on a fresh Debian 12 machine.
set -eu

goal=${1:-build}
build_pkgs="gcc g++ make libjansson-dev libelf-dev gcc-12-plugin-dev"
# qemu-system-x86: the example tree's dump layout is checked against a real QEMU dump.
# bear, ninja-build: vmstate-diff is tested on a plain make tree and on a ninja tree.
check_pkgs="$build_pkgs libcmocka-dev dejagnu python3 binutils ccache git patch bear ninja-build qemu-system-x86"

case $goal in
	build) want=$build_pkgs ;;
	check) want=$check_pkgs ;;
	*) echo "deps.sh: unknown goal '$goal' (expected build or check)" >&2; exit 2 ;;
esac

missing=
for p in $want; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' ||
		missing="$missing $p"
done
[ -z "$missing" ] && exit 0

echo "deps.sh: installing missing Debian packages:$missing"
if [ "$(id -u)" -ne 0 ]; then
	echo "deps.sh: not root; install them with: apt-get install$missing" >&2
	exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -q >/dev/null
apt-get install -y -q --no-install-recommends $missing >/dev/null
