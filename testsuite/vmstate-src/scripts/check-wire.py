#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""The wire verdicts against what really happens (check-vmstate-src's wire part).

For v1 and v2 of the example tree: each program saves one stream per section, with
every needed()/field_exists() predicate true (--condition on) and false (off); the
other version loads each stream.  A direction's outcome for a section is "loads" when
both loads succeed with the values the source sent, "fails" when both fail or corrupt,
"depends" when the predicates decide, "zeros" when both load but a member takes the
zeros the source sent as padding (a member the source no longer has: whether zero
harms it is the device's business, so the tool must ask for review, as for "depends").
vmstate-check --wire predicts the same from the two extended dumps; every section in
either version must agree, both ways.

  check-wire.py BUILD CHECKER DUMP_KIND [--table]
BUILD is build/vmstate-src (v1/plain/vmstate-src, v2/plain/vmstate-src); DUMP_KIND is
"runtime" (the programs' own --dump-extended) or a path pattern with {v} for the
static extended dumps.  Prints one PASS/FAIL line per check; exit status 1 on a FAIL.
--table also prints every section's outcomes and findings as a Markdown table (the one
in docs/wire-rules.md).
"""
import json
import os
import subprocess
import sys
import tempfile

RANK = {"unaffected": 0, "loads": 0, "depends": 1, "fails": 2}
NAME = {0: "loads", 1: "depends", 2: "fails"}
# What the programs show, as the tool's outcome rank.
REAL_RANK = {"loads": 0, "depends": 1, "zeros": 1, "fails": 2}


def run(cmd, **kw):
    return subprocess.run(cmd, capture_output=True, text=True, **kw)


def save(prog, cond, out):
    os.makedirs(out, exist_ok=True)
    r = run([prog, "--condition", cond, "--save", out])
    if r.returncode != 0:
        sys.exit(f"check-wire: FAIL: {prog} --save: {r.stderr.strip()}")
    return sorted(os.path.join(out, f) for f in os.listdir(out) if f.endswith(".bin"))


def load(prog, cond, streams):
    """{section: "loads"|"zeros"|"fails"} and the reasons, as the loading program prints
    them."""
    if not streams:
        return {}, {}
    r = run([prog, "--condition", cond, "--load"] + streams)
    outcome, why = {}, {}
    for line in r.stdout.splitlines():
        name, _, rest = line.partition(": ")
        verdict, _, reason = rest.partition(": ")
        outcome[name] = verdict if verdict in ("loads", "zeros") else "fails"
        why[name] = reason
    if r.returncode not in (0, 1) or len(outcome) != len(streams):
        sys.exit(f"check-wire: FAIL: {prog} --load: {r.stderr.strip()}")
    return outcome, why


def actual(build, tmp):
    """{(section, direction): (outcome, detail)} from real saves and loads."""
    progs = {v: os.path.join(build, v, "plain", "vmstate-src") for v in ("v1", "v2")}
    result = {}
    for direction, src, dst in (("old-to-new", "v1", "v2"), ("new-to-old", "v2", "v1")):
        per_cond = {}
        for cond in ("on", "off"):
            streams = save(progs[src], cond, os.path.join(tmp, f"{src}-{cond}"))
            per_cond[cond] = load(progs[dst], cond, streams)
        for name in set(per_cond["on"][0]) | set(per_cond["off"][0]):
            on, off = per_cond["on"][0].get(name), per_cond["off"][0].get(name)
            detail = f"on: {on} {per_cond['on'][1].get(name, '')}; off: {off} " \
                     f"{per_cond['off'][1].get(name, '')}"
            verdict = on if on == off else "depends"
            result[(name, direction)] = (verdict, detail)
    return result


def predicted(checker, old, new):
    r = run([checker, "--wire", "--format=json", "--benign", "-s", old, "-d", new])
    if r.returncode & 1:
        sys.exit(f"check-wire: FAIL: {checker} --wire: exit {r.returncode}: {r.stderr.strip()}")
    report = json.loads(r.stdout)
    result = {}
    for f in report["findings"]:
        for direction in ("old-to-new", "new-to-old"):
            rank = RANK[f["outcomes"][direction]]
            for s in f["sections"]:
                key = (s, direction)
                if rank > result.get(key, (0, []))[0]:
                    result[key] = (rank, [])
                if rank and rank == result[key][0]:
                    result[key][1].append(f"{f['kind']}: {f['message']}")
    return result, report


def sections(path):
    with open(path) as f:
        return {s["name"] for s in json.load(f)["sections"]}


def print_table(names, truth, report):
    print("| section | old → new | new → old | findings (kind: severity) |")
    print("|---|---|---|---|")
    for name in sorted(names):
        real = [truth.get((name, d), ("loads", ""))[0] for d in ("old-to-new", "new-to-old")]
        kinds = [f"{f['kind']}: {f['severity']}" for f in report["findings"]
                 if name in f["sections"]]
        print(f"| `{name}` | {real[0]} | {real[1]} | {', '.join(kinds) or '—'} |")


def main():
    table = sys.argv[4:] == ["--table"]
    if len(sys.argv) != 4 + table:
        sys.exit(__doc__)
    build, checker, kind = sys.argv[1:4]
    failed = False
    with tempfile.TemporaryDirectory() as tmp:
        dumps = {}
        for v in ("v1", "v2"):
            if kind == "runtime":
                dumps[v] = os.path.join(tmp, f"{v}.json")
                prog = os.path.join(build, v, "plain", "vmstate-src")
                r = run([prog, "--dump-extended", dumps[v]])
                if r.returncode:
                    sys.exit(f"check-wire: FAIL: {prog} --dump-extended: {r.stderr.strip()}")
            else:
                dumps[v] = kind.format(v=v)
        truth = actual(build, tmp)
        guess, report = predicted(checker, dumps["v1"], dumps["v2"])
        names = sections(dumps["v1"]) | sections(dumps["v2"])
        agree = 0
        for name in sorted(names):
            for direction in ("old-to-new", "new-to-old"):
                real, detail = truth.get((name, direction), ("loads", "nothing to send"))
                rank, why = guess.get((name, direction), (0, []))
                if rank == REAL_RANK[real]:
                    agree += 1
                    continue
                failed = True
                print(f"check-wire: FAIL: {kind} dumps: section \"{name}\" {direction}: "
                      f"vmstate-check --wire predicts {NAME[rank]}, the programs show "
                      f"{real} ({detail})", file=sys.stderr)
                for w in why:
                    print(f"    {w}", file=sys.stderr)
        if table:
            print_table(names, truth, report)
        s = report["summary"]
        label = "runtime" if kind == "runtime" else "static (vmstate-extract --extended)"
        print(f"check-vmstate-src: {'FAIL' if failed else 'PASS'}: wire verdicts from the "
              f"{label} extended dumps agree with real save and load for {agree} of "
              f"{2 * len(names)} section directions ({len(names)} sections, both ways, "
              f"predicates on and off; {s['breaks']} breaking, {s['review']} to review, "
              f"{s['benign']} benign findings)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
