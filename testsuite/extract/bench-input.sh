#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# A QEMU-sized input for bench-extract when no QEMU built with the plugin is at hand:
# the fragments of PROGRAM (testsuite/vmstate-src built with the plugin) COPIES times,
# each copy a unit set of its own (fresh unit ids; the copies' definitions static, so
# that each copy links to itself), in one object's .vmstate_fragment section.
#   sh testsuite/extract/bench-input.sh PROGRAM COPIES OUT.o
set -eu
program=$1 copies=$2 out=$3
tmp=$out.d
rm -rf "$tmp" && mkdir -p "$tmp"
objcopy --dump-section .vmstate_fragment="$tmp/section" "$program" "$tmp/copy"
python3 - "$tmp/section" "$copies" "$tmp/bench.frag" <<'PY'
import json, sys
texts = [t for t in open(sys.argv[1], 'rb').read().split(b'\0') if t]
copies = int(sys.argv[2])
with open(sys.argv[3], 'wb') as out:
    for k in range(copies):
        for i, t in enumerate(texts):
            f = json.loads(t)
            f["unit"]["id"] = "%08x%08x" % (k, i)
            if k:
                for key in ("vmstates", "infos"):
                    for d in f.get(key, []):
                        d["linkage"] = "static"
                for key in ("functions", "data"):
                    for d in f.get("qom", {}).get(key, []):
                        d["linkage"] = "static"
            out.write(json.dumps(f, separators=(",", ":")).encode() + b"\0")
PY
echo 'int bench_input_fn(void) { return 0; }' >"$tmp/empty.c"
${CC:-cc} -c -o "$tmp/empty.o" "$tmp/empty.c"
objcopy --add-section .vmstate_fragment="$tmp/bench.frag" \
	--set-section-flags .vmstate_fragment=contents,readonly "$tmp/empty.o" "$out"
rm -rf "$tmp"
