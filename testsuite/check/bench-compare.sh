#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Two builds of vmstate-check side by side in one run (hyperfine medians, alternating),
# on the pairs that `make bench-check` made in BUILD/bench: for "same results as before"
# after a refactoring.  Also checks that both print the same report and status.
# Usage: bench-compare.sh BEFORE AFTER [RUNS]      (make bench-check first)
set -eu
before=$1
after=$2
runs=${3:-10}
bench=$(dirname "$after")/bench
[ -f "$bench/big-src.json" ] || { echo "bench-compare: error: run make bench-check first" >&2; exit 1; }
echo "| pair | before median | after median | after / before |"
echo "|---|---|---|---|"
for pair in real big; do
	s=$bench/$pair-src.json
	d=$bench/$pair-dest.json
	for bin in "$before" "$after"; do
		set +e
		"$bin" -s "$s" -d "$d" > "$bench/compare-$(basename "$bin").out"
		echo $? >> "$bench/compare-$(basename "$bin").out"
		set -e
	done
	cmp -s "$bench/compare-$(basename "$before").out" "$bench/compare-$(basename "$after").out" ||
		{ echo "bench-compare: error: the two builds differ on $pair" >&2; exit 1; }
	hyperfine -N -i --warmup 2 --runs "$runs" --export-json "$bench/compare-$pair.json" \
		"$before -s $s -d $d" "$after -s $s -d $d" > /dev/null 2>&1
	python3 - "$bench/compare-$pair.json" "$pair" <<'PY'
import json, sys
res = json.load(open(sys.argv[1]))["results"]
b, a = res[0]["median"], res[1]["median"]
print("| %s | %.4f s | %.4f s | %.3f |" % (sys.argv[2], b, a, a / b))
PY
done
