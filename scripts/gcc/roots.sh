#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Make (or bring up to date) what the GCC matrix needs: the host's GCC 11 and 12
# packages, and the Debian roots that hold the GCCs the host (Debian 12) does not have:
# trixie for GCC 13 and 14, sid for GCC 15.  Idempotent: a root is debootstrapped
# once, and packages are installed only when one is missing, so rerunning it is cheap.
#
# Usage: scripts/gcc/roots.sh [host|trixie|sid|all]    (default: all)
# Roots live in $VMSTATE_CACHE/gcc-roots/<suite> (default ~/.cache/vmstate-plugin).
set -eu

cache=${VMSTATE_CACHE:-$HOME/.cache/vmstate-plugin}
roots=$cache/gcc-roots
mirror=${DEBIAN_MIRROR:-http://deb.debian.org/debian}

# What the plugin's build and every check-gcc test need; the QEMU build deps are
# there for a whole QEMU fidelity run inside the root.
common_pkgs="make binutils libjansson-dev libelf-dev libcmocka-dev dejagnu python3
 git patch bear ninja-build ccache qemu-system-x86 ca-certificates
 meson libglib2.0-dev libpixman-1-dev flex bison libslirp-dev libfdt-dev zlib1g-dev
 python3-venv python3-pycotap bzip2 pkg-config bc time xz-utils"

suite_pkgs() {
	case $1 in
	trixie) echo "gcc g++ gcc-13 g++-13 gcc-13-plugin-dev gfortran-13 gcc-14 g++-14 gcc-14-plugin-dev gfortran-14" ;;
	sid) echo "gcc g++ gcc-15 g++-15 gcc-15-plugin-dev gfortran-15" ;;
	*) echo "roots.sh: unknown suite '$1' (expected host, trixie, sid or all)" >&2; exit 2 ;;
	esac
}

die() { echo "roots.sh: $*" >&2; exit 1; }

[ "$(id -u)" -eq 0 ] || die "must run as root (debootstrap and chroot)"
command -v debootstrap >/dev/null || {
	echo "roots.sh: installing debootstrap"
	DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -q debootstrap >/dev/null
}

make_root() {
	suite=$1
	root=$roots/$suite
	want="$(suite_pkgs "$suite") $common_pkgs"
	if [ ! -e "$root/.debootstrap-done" ]; then
		echo "roots.sh: debootstrap $suite into $root"
		# A half-made root from an interrupted run is started again from nothing.
		rm -rf "$root.tmp"
		mkdir -p "$roots"
		debootstrap --variant=minbase "$suite" "$root.tmp" "$mirror" >"$roots/$suite-debootstrap.log" 2>&1 ||
			die "debootstrap $suite failed; see $roots/$suite-debootstrap.log"
		rm -rf "$root"
		mv "$root.tmp" "$root"
		touch "$root/.debootstrap-done"
	fi
	missing=
	for p in $want; do
		chroot "$root" dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' ||
			missing="$missing $p"
	done
	if [ -n "$missing" ]; then
		echo "roots.sh: $suite: installing$missing"
		cp /etc/resolv.conf "$root/etc/resolv.conf" 2>/dev/null || true
		# This machine's clock may be past the archive's Valid-Until (sid's Release
		# is valid for a week); the signatures are still checked.
		chroot "$root" sh -c "export DEBIAN_FRONTEND=noninteractive
			apt-get -o Acquire::Check-Valid-Until=false update -q &&
			apt-get install -y -q --no-install-recommends $missing" \
			>"$roots/$suite-install.log" 2>&1 ||
			die "apt-get install in the $suite root failed; see $roots/$suite-install.log"
	fi
	echo "roots.sh: $suite root ready: $root"
}

# The host's own GCCs (Debian 12) for the rows of GCC 11 and 12.
host_gccs() {
	"$(dirname "$0")/../deps.sh" gcc-host
}

which=${1:-all}
case $which in
all) host_gccs; make_root trixie; make_root sid ;;
host) host_gccs ;;
*) make_root "$which" ;;
esac
