#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Fetch and unpack Debian's QEMU source into $VMSTATE_CACHE, ready to build.
#   scripts/qemu-fetch.sh QEMU=7.2|10.0
# Idempotent: every step is skipped when its result is already there.
set -euo pipefail
. "$(dirname "$0")/qemu/common.sh"
qemu_parse_args "$@"

need_root() {
	[ "$(id -u)" -eq 0 ] || qemu_die "$1 needs root; run as root or do it by hand: $2"
}

apt_updated=no
apt_update() {
	if [ $apt_updated = no ]; then
		qemu_log "apt-get update"
		apt-get update -q >/dev/null || qemu_die "apt-get update failed"
		apt_updated=yes
	fi
}

# An apt entry for suite $2 of type $1, copied from the machine's own Debian entry.
ensure_apt_entry() {
	local type=$1 suite=$2 file=$3
	apt_entry_has "$type" "$suite" && return
	need_root "adding the $type $suite apt entry" "add /etc/apt/sources.list.d/$file"
	local uri
	uri=$(awk '/^URIs:/ && !/security/ {print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)
	uri=${uri:-http://deb.debian.org/debian}
	qemu_log "adding /etc/apt/sources.list.d/$file ($type $suite from $uri)"
	cat >"/etc/apt/sources.list.d/$file" <<EOT
Types: $type
URIs: $uri
Suites: $suite
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOT
	apt_updated=no
}

# True when some apt entry of type $1 lists suite $2 (deb822 or one-line format).
apt_entry_has() {
	local type=$1 suite=$2 f
	for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.sources /etc/apt/sources.list.d/*.list; do
		[ -r "$f" ] || continue
		case $f in
		*.sources)
			awk -v t="$type" -v s="$suite" '
				/^$/ { if (ty && su) found=1; ty=su=0; next }
				/^Types:/ { for (i=2;i<=NF;i++) if ($i==t) ty=1 }
				/^Suites:/ { for (i=2;i<=NF;i++) if ($i==s) su=1 }
				END { if (ty && su) found=1; exit !found }' "$f" && return 0 ;;
		*)
			grep -qE "^[[:space:]]*$type[[:space:]]+(\\[[^]]*\\][[:space:]]+)?[^[:space:]]+[[:space:]]+$suite[[:space:]]" "$f" && return 0 ;;
		esac
	done
	return 1
}

# 1. Debian's source package.
ensure_apt_entry deb-src "$QEMU_SUITE" "vmstate-plugin-deb-src-$QEMU_SUITE.sources"
mkdir -p "$QEMU_DEBSRC"
cd "$QEMU_DEBSRC"
# --print-uris in an empty folder lists every file, even those already downloaded.
list_uris() { (d=$(mktemp -d) && cd "$d" && apt-get source --download-only --print-uris "qemu/$QEMU_SUITE" 2>/dev/null | grep "^'" || true; rmdir "$d"); }
uris=$(list_uris)
if [ -z "$uris" ]; then
	apt_update
	uris=$(list_uris)
fi
[ -n "$uris" ] || qemu_die "apt-get source cannot find qemu/$QEMU_SUITE (is the deb-src entry there?)"
orig=$(printf '%s\n' "$uris" | awk '$2 ~ /\.orig\.tar\./ {print $2}')
[ -n "$orig" ] || qemu_die "qemu/$QEMU_SUITE has no orig tarball: $uris"
missing=no
while read -r _ name size _; do
	if [ ! -f "$name" ] || [ "$(stat -c %s "$name")" != "$size" ]; then missing=yes; fi
done <<<"$uris"
if [ $missing = yes ]; then
	qemu_log "downloading qemu/$QEMU_SUITE source into $QEMU_DEBSRC"
	apt-get source --download-only "qemu/$QEMU_SUITE" >"dl-$QEMU.log" 2>&1 ||
		qemu_die "apt-get source --download-only qemu/$QEMU_SUITE failed; see $QEMU_DEBSRC/dl-$QEMU.log"
fi

# 2. Unpack the orig tarball (into a temporary name first, so a cut-off run leaves nothing half done).
top=$(tar -tJf "$orig" 2>/dev/null | head -1 || true)
top=${top%%/*}
[ -n "$top" ] || qemu_die "$QEMU_DEBSRC/$orig: cannot list the tarball"
srcdir=$VMSTATE_CACHE/src/$top
if [ ! -f "$srcdir/VERSION" ]; then
	qemu_log "unpacking $orig into $VMSTATE_CACHE/src"
	mkdir -p "$VMSTATE_CACHE/src"
	tmp=$(mktemp -d "$VMSTATE_CACHE/src/.unpack.XXXXXX")
	tar -xJf "$orig" -C "$tmp" || { rm -rf "$tmp"; qemu_die "$QEMU_DEBSRC/$orig: unpack failed"; }
	mv "$tmp/$top" "$srcdir"
	rmdir "$tmp"
fi
echo "$srcdir" >"$QEMU_DEBSRC/qemu-$QEMU.srcdir"

# 3. Debian's tarball has no firmware blobs: switch off the block that unpacks edk2's.
edk2=$srcdir/pc-bios/meson.build
if grep -q '^if unpack_edk2_blobs$' "$edk2"; then
	qemu_log "disabling the edk2 blob block in $edk2"
	sed -i 's/^if unpack_edk2_blobs$/if unpack_edk2_blobs and false  # vmstate-plugin: blobs absent from the Debian tarball/' "$edk2"
fi
grep -q '^if unpack_edk2_blobs and false' "$edk2" ||
	qemu_die "$edk2: the 'if unpack_edk2_blobs' block was not found; cannot disable it"

# 4. Build dependencies.
deps="ninja-build meson libglib2.0-dev libpixman-1-dev flex bison libslirp-dev libfdt-dev zlib1g-dev python3-venv bzip2 pkg-config gcc make"
missing_pkgs=
for p in $deps; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' ||
		missing_pkgs="$missing_pkgs $p"
done
if [ -n "$missing_pkgs" ]; then
	need_root "installing build dependencies" "apt-get install$missing_pkgs"
	apt_update
	qemu_log "installing:$missing_pkgs"
	DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $missing_pkgs >/dev/null ||
		qemu_die "apt-get install$missing_pkgs failed"
fi

# 5. QEMU 10.0 wants meson >= 1.5 and pycotap: bookworm-backports has both. They are
#    unpacked into a private folder, never installed on the system.
if [ "$QEMU_NEEDS_BACKPORTS" = yes ] && [ ! -f "$QEMU_BACKPORTS/.complete" ]; then
	ensure_apt_entry deb bookworm-backports vmstate-plugin-bookworm-backports.sources
	apt_update
	debs=$VMSTATE_CACHE/tools/debs
	mkdir -p "$debs"
	qemu_log "downloading meson and python3-pycotap from bookworm-backports"
	(cd "$debs" && apt-get download -q meson/bookworm-backports python3-pycotap/bookworm-backports >/dev/null) ||
		qemu_die "apt-get download meson/bookworm-backports python3-pycotap/bookworm-backports failed"
	rm -rf "$QEMU_BACKPORTS"
	mkdir -p "$QEMU_BACKPORTS"
	for d in "$debs"/meson_*.deb "$debs"/python3-pycotap_*.deb; do
		dpkg -x "$d" "$QEMU_BACKPORTS" || qemu_die "$d: dpkg -x failed"
	done
	touch "$QEMU_BACKPORTS/.complete"
fi
if [ "$QEMU_NEEDS_BACKPORTS" = yes ]; then
	qemu_tool_env
	v=$(meson --version) || qemu_die "the backported meson does not run"
	qemu_log "meson $v from $QEMU_BACKPORTS"
fi

echo "$srcdir"
