# SPDX-License-Identifier: GPL-2.0-or-later
# Shared by scripts/qemu-*.sh: argument parsing, the version table and cache layout.
# Sourced, not run.

qemu_die() { echo "$(basename "$0"): error: $*" >&2; exit 1; }
qemu_log() { echo "$(basename "$0"): $*" >&2; }

# Accept make-style KEY=VALUE arguments; the environment gives the defaults.
qemu_parse_args() {
	for arg in "$@"; do
		case $arg in
		QEMU=*) QEMU=${arg#QEMU=} ;;
		TARGET=*) TARGET=${arg#TARGET=} ;;
		PLUGIN=*) PLUGIN=${arg#PLUGIN=} ;;
		EXTRACT=*) EXTRACT=${arg#EXTRACT=} ;;
		DUMPCMP=*) DUMPCMP=${arg#DUMPCMP=} ;;
		JOBS=*) JOBS=${arg#JOBS=} ;;
		LIMIT=*) LIMIT=${arg#LIMIT=} ;;
		*) qemu_die "unknown argument '$arg' (expected QEMU=7.2|10.0, TARGET=..., PLUGIN=...)" ;;
		esac
	done
	QEMU=${QEMU:-7.2}
	TARGET=${TARGET:-x86_64}
	JOBS=${JOBS:-2}
	VMSTATE_CACHE=${VMSTATE_CACHE:-$HOME/.cache/vmstate-plugin}
	export VMSTATE_CACHE
	case $QEMU in
	7.2)  QEMU_SUITE=bookworm; QEMU_NEEDS_BACKPORTS=no ;;
	10.0) QEMU_SUITE=trixie;   QEMU_NEEDS_BACKPORTS=yes ;;
	*) qemu_die "QEMU=$QEMU is not supported (expected 7.2 or 10.0)" ;;
	esac
	case $TARGET in
	*[!a-z0-9_]*|'') qemu_die "TARGET='$TARGET' is not a QEMU target name such as x86_64" ;;
	esac
	QEMU_DEBSRC=$VMSTATE_CACHE/debian-src
	QEMU_BACKPORTS=$VMSTATE_CACHE/tools/bookworm-backports
}

# The upstream source directory that the orig tarball of this QEMU unpacks to;
# recorded by qemu-fetch.sh so that later steps need no network.
qemu_src_dir() {
	f=$QEMU_DEBSRC/qemu-$QEMU.srcdir
	[ -r "$f" ] || qemu_die "$f: missing; run scripts/qemu-fetch.sh QEMU=$QEMU first"
	cat "$f"
}

# Put the private bookworm-backports meson and pycotap in front (QEMU 10.0 only).
qemu_tool_env() {
	if [ "$QEMU_NEEDS_BACKPORTS" = yes ]; then
		[ -x "$QEMU_BACKPORTS/usr/bin/meson" ] ||
			qemu_die "$QEMU_BACKPORTS/usr/bin/meson: missing; run scripts/qemu-fetch.sh QEMU=$QEMU first"
		PATH=$QEMU_BACKPORTS/usr/bin:$PATH
		PYTHONPATH=$QEMU_BACKPORTS/usr/lib/python3/dist-packages${PYTHONPATH:+:$PYTHONPATH}
		export PATH PYTHONPATH
	fi
}
