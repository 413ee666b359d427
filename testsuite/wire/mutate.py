#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Mutated extended dumps against a sanitizer build of the wire mode (make wire-mutate).

Each case changes one to four values of two valid dumps (a value of another type, a
member dropped, a reference pointed at any description, cycles included) and runs
vmstate-check --wire on them in a random format.  A case fails when the program
crashes, a sanitizer speaks, the exit status is not one of 0, 1, 4, 8, 12, or status 1
comes with other than exactly one error.

  mutate.py PROGRAM SEED CASES DUMP...
"""
import copy
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile

VALUES = [None, 0, -1, 2**40, -2**62, "", "x", [], {}, {"unknown": "why", "loc": "a:1:2"},
          True, 1.5, "VMS_ARRAY", ["VMS_STRUCT"], {"symbol": "f"}, "a:b:c"]


def paths(x, path=()):
    yield path
    items = x.items() if isinstance(x, dict) else enumerate(x) if isinstance(x, list) else ()
    for k, v in items:
        yield from paths(v, path + (k,))


def mutate(doc, rng):
    path = rng.choice([p for p in paths(doc) if p])
    parent = doc
    for p in path[:-1]:
        parent = parent[p]
    r = rng.random()
    if r < 0.15:
        del parent[path[-1]]
    elif r < 0.3:
        # An earlier mutation may have made "descriptions" anything.
        descs = doc.get("descriptions")
        parent[path[-1]] = rng.choice(list(descs) if isinstance(descs, dict) and descs
                                      else ["x"])
    else:
        parent[path[-1]] = rng.choice(VALUES)


def main():
    if len(sys.argv) < 5:
        sys.exit(__doc__)
    prog, seed, cases = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    dumps = [json.load(open(p)) for p in sys.argv[4:]]
    rng = random.Random(seed)
    failed = 0
    with tempfile.TemporaryDirectory() as tmp:
        for case in range(cases):
            a, b = copy.deepcopy(rng.choice(dumps)), copy.deepcopy(rng.choice(dumps))
            for _ in range(rng.randint(1, 4)):
                mutate(rng.choice((a, b)), rng)
            files = [os.path.join(tmp, n) for n in ("a.json", "b.json")]
            for doc, f in zip((a, b), files):
                json.dump(doc, open(f, "w"))
            fmt = rng.choice(["text", "json", "sarif", "gitlab"])
            r = subprocess.run([prog, "--wire", "-s", files[0], "-d", files[1], "--benign",
                                "--format=" + fmt, "-o", os.devnull],
                               capture_output=True, text=True, timeout=60)
            bad = (r.returncode not in (0, 1, 4, 8, 12) or "Sanitizer" in r.stderr
                   or "runtime error" in r.stderr
                   or (r.returncode == 1 and r.stderr.count("error:") != 1))
            if bad:
                failed += 1
                for f in files:
                    shutil.copy(f, f"wire-mutate-{seed}-{case}-{os.path.basename(f)}")
                print(f"wire-mutate: FAIL: case {case}: exit {r.returncode}: {r.stderr[:2000]}",
                      file=sys.stderr)
    print(f"wire-mutate: {'FAIL' if failed else 'PASS'}: {cases} mutated pairs (seed {seed}), "
          f"{failed} failures")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
