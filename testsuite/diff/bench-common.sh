# SPDX-License-Identifier: GPL-2.0-or-later
# Sourced by the vmstate-diff benchmarks (bash), after setting $here (their directory):
# QEMU 10.0's source fetched and its tools on PATH (new_src: its directory; top: the
# project; bench: $VMSTATE_CACHE/diff-bench), and timed().
VMSTATE_CACHE=${VMSTATE_CACHE:-$HOME/.cache/vmstate-plugin}
top=$(cd "$here/../.." && pwd)
. "$top/scripts/qemu/common.sh"
qemu_parse_args QEMU=10.0 TARGET=x86_64
"$top/scripts/qemu-fetch.sh" QEMU=10.0 >/dev/null
new_src=$(qemu_src_dir)
qemu_tool_env
bench=$VMSTATE_CACHE/diff-bench
mkdir -p "$bench"
export CCACHE_DISABLE=1

# timed NAME DIR COMMAND... runs COMMAND in DIR, its output into ${timed_prefix}NAME.out and
# .err, and sets NAME_s (wall seconds), NAME_cpu (CPU seconds: user + system of every
# process it started) and NAME_status.
timed() {
	local name=$1 dir=$2
	shift 2
	local line
	line=$(python3 - "$dir" "${timed_prefix}$name.out" "${timed_prefix}$name.err" "$@" <<'PY'
import resource, subprocess, sys, time
cwd, out, err, argv = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
t0 = time.monotonic()
with open(out, "w") as o, open(err, "w") as e:
    rc = subprocess.call(argv, cwd=cwd, stdout=o, stderr=e)
ru = resource.getrusage(resource.RUSAGE_CHILDREN)
print(f"{time.monotonic() - t0:.1f} {ru.ru_utime + ru.ru_stime:.1f} {rc}")
PY
)
	read -r "${name}_s" "${name}_cpu" "${name}_status" <<<"$line"
	echo "${timed_label:-bench}: $name: $line (wall s, CPU s, exit status)" >&2
}
