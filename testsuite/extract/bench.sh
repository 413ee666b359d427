#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Extraction speed of vmstate-extract on a real QEMU binary built with the plugin
# (goal: under 0.1 s).  Prints the input size, the wall and CPU times from hyperfine,
# and the peak memory; the figures go into docs/benchmarks.md by hand.  It measures,
# never asserts: a loaded machine makes wall times meaningless as a test.
# BASELINE=path/to/another/vmstate-extract runs that one in the same hyperfine run, side
# by side (before/after figures of a change).
#   sh testsuite/extract/bench.sh build/vmstate-extract QEMU-BINARY
set -eu

extract=$1
binary=$2
out=${BENCH_OUT:-build/bench}

if [ ! -r "$binary" ]; then
	echo "bench-extract: $binary: no such program." >&2
	echo "bench-extract: build QEMU with the plugin first (make qemu-build-plugin QEMU=7.2)," >&2
	echo "bench-extract: or name another one: make bench-extract QEMU_BIN=path/to/qemu-system-x86_64" >&2
	exit 1
fi
command -v hyperfine >/dev/null || { echo "bench-extract: hyperfine is not installed" >&2; exit 1; }
mkdir -p "$out"

section_hex=$(readelf -S -W "$binary" | sed -n 's/.*\] \.vmstate_fragment *[A-Z_]* *[0-9a-f]* *[0-9a-f]* *\([0-9a-f]*\).*/\1/p' | head -1)
section_size=$(printf '%d' "0x${section_hex:-0}")
units=$("$extract" --list-units "$binary" | wc -l)
echo "input: $binary"
echo "  .vmstate_fragment: ${section_size:-?} bytes, $units units"
"$extract" -o "$out/extract-dump.json" "$binary" 2>"$out/extract-stderr.txt" || true
echo "  sections written: $(grep -v '^  "vmschkmachine"' "$out/extract-dump.json" | grep -c '^  "[^"]*": {' || true)" \
	"($(grep -c 'warning:' "$out/extract-stderr.txt" || true) warnings)"

# BENCH_RT=1 (as root): the runs get a real-time priority, so that on a shared machine
# they measure the work rather than the wait for a CPU (a few seconds in all).
rt=
if [ "${BENCH_RT:-0}" = 1 ]; then
	rt="chrt -f 50"
	echo "runs under $rt (real-time priority)"
fi
if [ -n "${BASELINE:-}" ]; then
	$rt hyperfine -N --warmup 3 --runs 30 --export-json "$out/extract-baseline.json" \
		"$BASELINE -o /dev/null $binary" "$extract -o /dev/null $binary"
fi
$rt hyperfine -N --warmup 3 --runs 30 --export-json "$out/extract.json" \
	"$extract -o /dev/null $binary"
/usr/bin/time -f '%M' -o "$out/extract-rss.txt" "$extract" -o /dev/null "$binary" 2>/dev/null || true
echo "peak RSS: $(cat "$out/extract-rss.txt") KiB"

[ -n "${BASELINE:-}" ] && python3 - "$out/extract-baseline.json" <<'PY'
import json, sys
for r in json.load(open(sys.argv[1]))["results"]:
    print(f"{r['command'].split()[0]}: median {r['median'] * 1000:.1f} ms, "
          f"user + system {(r['user'] + r['system']) * 1000:.1f} ms")
PY
python3 - "$out/extract.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"][0]
mean, user, system = r["mean"], r["user"], r["system"]
# On a shared machine the wall time includes waiting for a CPU; user + system is the
# work itself (both threads).  Each is judged on its own, with the load shown.
cpu = user + system
load = open("/proc/loadavg").read().split()[0]
print(f"wall mean {mean * 1000:.1f} ms, median {r['median'] * 1000:.1f} ms, "
      f"min {r['min'] * 1000:.1f} ms; "
      f"CPU (user + system) {cpu * 1000:.1f} ms; load average {load}")
print(f"goal < 100 ms: wall (median) {'met' if r['median'] < 0.1 else 'NOT met'}, "
      f"CPU {'met' if cpu < 0.1 else 'NOT met'}")
PY
