#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# make bench (vmstate-check part): the reference script and vmstate-check side by side
# in one run, wall time by hyperfine (median) and peak RSS by /usr/bin/time -f %M, on
#   real: two real QEMU x86_64 dumps (-M pc and -M q35, about 0.8 MB each)
#   big:  the same pair with every section copied 50 times under new names (~40 MB each)
# Usage: bench.sh BUILD/vmstate-check [RUNS]
set -eu
checker=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
runs=${2:-10}
here=$(cd "$(dirname "$0")" && pwd)
cache=${VMSTATE_CACHE:-$HOME/.cache/vmstate-plugin}
ref=$("$here/fetch-reference.sh")
out=$(dirname "$checker")/bench
mkdir -p "$out"
if ! command -v hyperfine >/dev/null || [ ! -x /usr/bin/time ]; then
	if [ "$(id -u)" -ne 0 ]; then
		echo "bench: error: needs hyperfine and /usr/bin/time: apt-get install hyperfine time" >&2
		exit 1
	fi
	echo "bench: installing Debian packages hyperfine and time" >&2
	DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends hyperfine time >/dev/null
fi
qemu=${QEMU:-$(command -v qemu-system-x86_64 || true)}
[ -n "$qemu" ] || { echo "bench: error: no qemu-system-x86_64 (make difftest installs it)" >&2; exit 1; }
"$qemu" -M pc -nodefaults -display none -dump-vmstate "$out/real-src.json"
"$qemu" -M q35 -nodefaults -display none -dump-vmstate "$out/real-dest.json"
python3 - "$out" <<'PY'
import json, sys
out = sys.argv[1]
for side in ("src", "dest"):
    d = json.load(open("%s/real-%s.json" % (out, side)))
    big = {}
    for name, sec in d.items():
        if name == "vmschkmachine":
            big[name] = sec
            continue
        for k in range(50):
            big["%s#%d" % (name, k)] = sec
    with open("%s/big-%s.json" % (out, side), "w") as f:
        json.dump(big, f, indent=2)
PY
report=$out/vmstate-check.md
: > "$report"
echo "| pair | size (src) | reference median | vmstate-check median | speed-up | reference peak RSS | vmstate-check peak RSS | memory ratio |" >> "$report"
echo "|---|---|---|---|---|---|---|---|" >> "$report"
status=0
for pair in real big; do
	s=$out/$pair-src.json
	d=$out/$pair-dest.json
	hyperfine -N -i --warmup 1 --runs "$runs" --export-json "$out/$pair.json" \
		"python3 $ref -s $s -d $d" "$checker -s $s -d $d" >&2
	rss() { /usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -n 1; }
	ref_rss=$(rss python3 "$ref" -s "$s" -d "$d")
	our_rss=$(rss "$checker" -s "$s" -d "$d")
	goal=15
	[ $pair = big ] && goal=10
	python3 - "$out/$pair.json" "$pair" "$(du -k "$s" | cut -f1)" "$ref_rss" "$our_rss" "$goal" >> "$report" <<'PY' || status=1
import json, sys
res = json.load(open(sys.argv[1]))["results"]
ref, ours = res[0]["median"], res[1]["median"]
pair, kb, ref_rss, our_rss, goal = sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]), int(sys.argv[6])
speed = ref / ours
mem = our_rss / ref_rss
print("| %s | %.1f MB | %.3f s | %.4f s | %.1fx (goal %dx) | %d MB | %.1f MB | %.2f (goal <= 0.33) |"
      % (pair, kb / 1024, ref, ours, speed, goal, ref_rss / 1024, our_rss / 1024, mem))
sys.exit(0 if speed >= goal and mem <= 1 / 3 else 1)
PY
done
cat "$report"
[ $status = 0 ] && echo "bench: vmstate-check goals met" || echo "bench: vmstate-check goals NOT met"
exit $status
