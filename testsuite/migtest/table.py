#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""The verdict table of make migtest (migtest.sh says what "matches" means).

    table.py VARIANTS_DIR CHANGE...

Reads, for each change, VARIANTS_DIR/CHANGE/{describe, wire.json, forward.json,
backward.json, reference.status}; prints a Markdown table and a summary line.
Exit status 1 when a verdict does not match what QEMU did.
"""
import json
import os
import sys

RANK = {"unaffected": 0, "loads": 1, "depends": 2, "fails": 3}
DIRECTIONS = (("forward", "old-to-new"), ("backward", "new-to-old"))


def load(path):
    with open(path) as f:
        return json.load(f)


def worst(findings, key):
    """The worst outcome of the findings in one direction, and what it depends on: the
    run-time predicates named, else the kinds of the findings that depend."""
    outcome, reasons = "unaffected", set()
    for f in findings:
        o = f["outcomes"][key]
        if RANK[o] > RANK[outcome]:
            outcome = o
        if o == "depends":
            reasons.add(f["predicate"]["symbol"] if f.get("predicate") else f["kind"])
    return outcome, sorted(reasons)


def judge(outcome, real):
    """A "depends" verdict matches either result: the table shows which happened."""
    if outcome == "fails":
        return real == "fails"
    if outcome == "depends":
        return True
    return real == "loads"


def main():
    top, changes = sys.argv[1], sys.argv[2:]
    rows, bad = [], []
    for c in changes:
        d = os.path.join(top, c)
        report = load(os.path.join(d, "wire.json"))
        findings = report["findings"]
        with open(os.path.join(d, "describe")) as f:
            what = f.read().strip()
        kinds = ", ".join(sorted({f"{f['kind']}: {f['severity']}" for f in findings})) or "none"
        with open(os.path.join(d, "reference.status")) as f:
            ref = f.read().strip()
        cells = []
        if not findings:
            bad.append(f"{c}: the tool reports nothing")
        for name, key in DIRECTIONS:
            real = load(os.path.join(d, f"{name}.json"))
            outcome, reasons = worst(findings, key)
            ok = judge(outcome, real["result"])
            said = outcome + (f" ({', '.join(reasons)})" if reasons else "")
            cells.append(f"{said} / {real['result']}{'' if ok else ' **MISMATCH**'}")
            if not ok:
                bad.append(f"{c} {name}: the tool says {said}, QEMU {real['result']}: {real['reason']}")
        rows.append(f"| `{c}` | {what} | {cells[0]} | {cells[1]} | {kinds} | {ref} |")
    print("| change | what | base → changed: tool / QEMU | changed → base: tool / QEMU "
          "| wire findings (kind: severity) | reference problems |")
    print("|---|---|---|---|---|---|")
    print("\n".join(rows))
    print()
    n = 2 * len(changes)
    print(f"migtest: {n - len(bad)} of {n} directions match" + (":" if bad else ""))
    for b in bad:
        print(f"  {b}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
