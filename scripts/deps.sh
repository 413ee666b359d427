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
# The GCC matrix's rows for the host's own GCCs (scripts/gcc/roots.sh).
gcc_host_pkgs="gcc-11 g++-11 gcc-11-plugin-dev gfortran-11 gcc-12-plugin-dev gfortran-12"

case $goal in
	build) want=$build_pkgs ;;
	check) want=$check_pkgs ;;
	gcc-host) want=$gcc_host_pkgs ;;
	*) echo "deps.sh: unknown goal '$goal' (expected build, check or gcc-host)" >&2; exit 2 ;;
esac

# The official SARIF validator (npm @microsoft/sarif-multitool) checks vmstate-check
# --wire --format=sarif in make check.  Its postinstall is not run by npm 11 unless
# allowed, and the native binary then lacks its execute bit.  Optional: without npm or
# the registry, check-wire says SKIP for that one check.
sarif_validator() {
	command -v sarif-multitool >/dev/null 2>&1 && return 0
	command -v npm >/dev/null 2>&1 || return 0
	[ "$(id -u)" -eq 0 ] || return 0
	echo "deps.sh: installing the SARIF validator (npm @microsoft/sarif-multitool)"
	npm install -g -q --allow-scripts=@microsoft/sarif-multitool-linux \
		@microsoft/sarif-multitool >/dev/null 2>&1 ||
		npm install -g -q @microsoft/sarif-multitool >/dev/null 2>&1 ||
		{ echo "deps.sh: could not install the SARIF validator; its check will be skipped" >&2; return 0; }
	root=$(npm root -g)
	chmod u+x "$root"/@microsoft/sarif-multitool/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool 2>/dev/null
	return 0
}
[ "$goal" = check ] && sarif_validator

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
