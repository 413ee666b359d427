#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
# Differential test: mutates real -dump-vmstate dumps with a seeded generator and requires
# vmstate-check to print the same stdout and exit with the same status as the reference
# script on every case.  Where the reference raises an exception, vmstate-check must exit
# 255 with nothing on stdout.
# Usage: difftest.py --reference SCRIPT --checker BIN [--cases N] [--seed S] DUMP...
import argparse
import contextlib
import copy
import io
import json
import os
import random
import runpy
import shutil
import subprocess
import sys
import tempfile

RENAMED_SECTIONS = [("ICH9 LPC", "ICH9-LPC"), ("e1000-82540em", "e1000")]
RENAMED_FIELDS = {"PIIX3": ["pci_irq_levels", "pci_irq_levels_vmstate"],
                  "e1000": ["dev", "parent_obj"], "apic": ["timer", "timer_expiry"],
                  "mch": ["d", "parent_obj"], "rtl8139": ["dev", "parent_obj"],
                  # in the newest tables only (checker/check/renames.c)
                  "hpet": ["num_timers", "num_timers_save"]}


def descriptions(dump):
    """Every description object of a dump, with the section it is in."""
    out = []

    def walk(desc, sec):
        out.append((desc, sec))
        for f in desc.get("Fields", []):
            if "Description" in f:
                walk(f["Description"], sec)
        for s in desc.get("Subsections", []):
            walk(s, sec)
    for name, sec in dump.items():
        if isinstance(sec, dict) and "Description" in sec:
            walk(sec["Description"], name)
    return out


def with_fields(dump):
    return [(d, s) for d, s in descriptions(dump) if d.get("Fields")]


def bump(rng, value):
    if isinstance(value, bool) or not isinstance(value, int):
        return value
    return max(0, value + rng.choice([-2, -1, 1, 1, 2, 5]))


def odd_number(rng, value):
    """A value QEMU never writes but Python's json accepts."""
    return rng.choice([float(value), value + 0.5, True, False, value * 10**20,
                       -value, 1e300, float("inf")])


# Each mutation edits one dump in place; returns a short label.
def m_section_version(rng, d):
    name = rng.choice([k for k in d if k != "vmschkmachine"])
    key = rng.choice(["version_id", "minimum_version_id"])
    if key in d[name]:
        d[name][key] = bump(rng, d[name][key])
    return "section-version"


def m_desc_version(rng, d):
    desc, _ = rng.choice(descriptions(d))
    key = rng.choice(["version_id", "minimum_version_id"])
    desc[key] = bump(rng, desc.get(key, 0))
    return "description-version"


def m_field_version(rng, d):
    desc, _ = rng.choice(with_fields(d))
    f = rng.choice(desc["Fields"])
    f["version_id"] = bump(rng, f["version_id"])
    return "field-version"


def m_field_size(rng, d):
    desc, _ = rng.choice(with_fields(d))
    f = rng.choice(desc["Fields"])
    f["size"] = max(0, f["size"] + rng.choice([-4, -1, 1, 2, 8])) if rng.random() < 0.8 else odd_number(rng, f["size"])
    return "field-size"


def m_field_num(rng, d):
    desc, _ = rng.choice(with_fields(d))
    f = rng.choice(desc["Fields"])
    f["num"] = rng.choice([1, 2, 4, 16, f.get("num", 1) + 1])
    return "field-num"


def m_remove_field(rng, d):
    desc, _ = rng.choice(with_fields(d))
    del desc["Fields"][rng.randrange(len(desc["Fields"]))]
    return "remove-field"


def m_insert_field(rng, d):
    desc, _ = rng.choice(with_fields(d))
    desc["Fields"].insert(rng.randrange(len(desc["Fields"]) + 1),
                          {"field": "new_%d" % rng.randrange(100), "version_id": rng.choice([0, 1, 5]),
                           "field_exists": False, "size": rng.choice([1, 2, 4, 8])})
    return "insert-field"


def m_rename_field(rng, d):
    desc, _ = rng.choice(with_fields(d))
    f = rng.choice(desc["Fields"])
    alias = RENAMED_FIELDS.get(desc["name"])
    f["field"] = rng.choice(alias) if alias and rng.random() < 0.5 else f["field"] + "_renamed"
    return "rename-field"


def m_padding(rng, d):
    """Replace a run of fields by "unused" padding, of the right total size or not."""
    desc, _ = rng.choice(with_fields(d))
    fields = desc["Fields"]
    i = rng.randrange(len(fields))
    n = rng.randint(1, min(4, len(fields) - i))
    run = fields[i:i + n]
    if any("Description" in f or not isinstance(f.get("size"), int) for f in run):
        return "padding-skipped"
    total = sum(f["size"] * f.get("num", 1) for f in run)
    pad = {"field": "unused", "version_id": 0, "field_exists": False}
    if rng.random() < 0.5 and total % 2 == 0 and total:
        pad["num"] = 2
        pad["size"] = total // 2
    else:
        pad["size"] = total
    if rng.random() < 0.3:
        pad["size"] += rng.choice([-1, 1, 4])
    fields[i:i + n] = [pad]
    return "padding"


def m_substruct_wrap(rng, d):
    desc, _ = rng.choice(with_fields(d))
    fields = desc["Fields"]
    i = rng.randrange(len(fields))
    n = rng.randint(1, min(3, len(fields) - i))
    inner = fields[i:i + n]
    fields[i:i + n] = [{"field": "wrap_%d" % i, "version_id": 0, "field_exists": False, "size": 0,
                        "Description": {"name": "wrapped", "version_id": 1, "minimum_version_id": 1,
                                        "Fields": inner}}]
    return "substruct-wrap"


def m_substruct_unwrap(rng, d):
    cands = [(desc, i) for desc, _ in with_fields(d) for i, f in enumerate(desc["Fields"])
             if "Description" in f and f["Description"].get("Fields")]
    if not cands:
        return "unwrap-skipped"
    desc, i = rng.choice(cands)
    desc["Fields"][i:i + 1] = desc["Fields"][i]["Description"]["Fields"]
    return "substruct-unwrap"


def m_subsection(rng, d):
    cands = [desc for desc, _ in descriptions(d) if desc.get("Subsections")]
    if not cands:
        return "subsection-skipped"
    desc = rng.choice(cands)
    subs = desc["Subsections"]
    k = rng.randrange(len(subs))
    what = rng.choice(["remove", "rename", "version", "duplicate", "drop-list"])
    if what == "remove":
        del subs[k]
    elif what == "rename":
        subs[k]["name"] += "_x"
    elif what == "version":
        subs[k]["version_id"] = bump(rng, subs[k]["version_id"])
    elif what == "duplicate":
        subs.append(copy.deepcopy(subs[k]))
    else:
        del desc["Subsections"]
    return "subsection-" + what


def m_remove_entry(rng, d):
    what = rng.choice(["section", "Description", "Fields", "minimum_version_id", "field-Description", "vmschkmachine"])
    names = [k for k in d if k != "vmschkmachine"]
    if what == "section":
        del d[rng.choice(names)]
    elif what == "vmschkmachine":
        d.pop("vmschkmachine", None)
    elif what == "Description":
        d[rng.choice(names)].pop("Description", None)
    elif what == "Fields":
        desc, _ = rng.choice(with_fields(d))
        del desc["Fields"]
    elif what == "minimum_version_id":
        desc, _ = rng.choice(descriptions(d))
        desc.pop("minimum_version_id", None)
    else:
        cands = [f for desc, _ in with_fields(d) for f in desc["Fields"] if "Description" in f]
        if cands:
            del rng.choice(cands)["Description"]
    return "remove-" + what


def m_rename_section(rng, d):
    names = [k for k in d if k != "vmschkmachine"]
    old = rng.choice(names)
    new = old + "-renamed"
    for a, b in RENAMED_SECTIONS:
        if old == b:
            new = a
    if rng.random() < 0.3:
        old_pair = rng.choice(RENAMED_SECTIONS)
        if old_pair[1] in d:
            old, new = old_pair[1], old_pair[0]
    if old in d:
        items = list(d.items())
        d.clear()
        for k, v in items:
            d[new if k == old else k] = v
    return "rename-section"


def m_rename_description(rng, d):
    desc, _ = rng.choice(descriptions(d))
    desc["name"] = desc["name"] + "2"
    return "rename-description"


def m_machine(rng, d):
    d["vmschkmachine"] = {"Name": rng.choice(["pc-i440fx-7.2", "pc-q35-7.2", "none", "pc-i440fx-2.1"])}
    return "machine"


def m_shuffle(rng, d):
    items = list(d.items())
    rng.shuffle(items)
    d.clear()
    d.update(items)
    return "reorder-sections"


MUTATIONS = [m_section_version, m_desc_version, m_field_version, m_field_size, m_field_num,
             m_remove_field, m_insert_field, m_rename_field, m_padding, m_substruct_wrap,
             m_substruct_unwrap, m_subsection, m_remove_entry, m_rename_section,
             m_rename_description, m_machine, m_shuffle]


class Reference:
    """The reference script loaded once; each case calls its main() in this process."""

    def __init__(self, path):
        self.module = runpy.run_path(path, run_name="vmstate_reference")
        self.main = self.module["main"]

    def run(self, args):
        self.main.__globals__["taint"] = 0
        out = io.StringIO()
        old_argv = sys.argv
        sys.argv = ["vmstate-static-checker.py"] + args
        try:
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
                status = self.main()
            raised = None
        except SystemExit as e:
            status, raised = e.code, "SystemExit"
        except Exception as e:  # the reference dies: vmstate-check must exit 255
            status, raised = None, type(e).__name__
        finally:
            sys.argv = old_argv
        # print() under C.UTF-8 writes surrogateescape'd text: encode the same way.
        return out.getvalue().encode("utf-8", "surrogateescape"), status, raised


def main():
    ap = argparse.ArgumentParser(description="vmstate-check differential test")
    ap.add_argument("--reference", required=True)
    ap.add_argument("--checker", required=True)
    ap.add_argument("--cases", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--keep", help="directory for failing cases")
    ap.add_argument("--checker-arg", action="append", default=[],
                    help="an argument for the checker only (--renames=10.0)")
    ap.add_argument("dumps", nargs="+")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    ref = Reference(args.reference)
    bases = [json.load(open(p)) for p in args.dumps]
    tmp = tempfile.mkdtemp(prefix="vmc-difftest-")
    same = failed = raised_cases = 0
    labels = {}
    for case in range(args.cases):
        src = copy.deepcopy(rng.choice(bases))
        dest = copy.deepcopy(src if rng.random() < 0.7 else rng.choice(bases))
        done = []
        for _ in range(rng.randint(1, 5)):
            target = src if rng.random() < 0.5 else dest
            done.append(rng.choice(MUTATIONS)(rng, target))
        for label in done:
            labels[label] = labels.get(label, 0) + 1
        sp, dp = os.path.join(tmp, "src.json"), os.path.join(tmp, "dest.json")
        with open(sp, "w") as f:
            json.dump(src, f, indent=2)
        with open(dp, "w") as f:
            json.dump(dest, f, indent=2)
        argv = ["-s", sp, "-d", dp] + (["--reverse"] if rng.random() < 0.3 else [])
        want_out, want_status, raised = ref.run(argv)
        got = subprocess.run([args.checker] + args.checker_arg + argv, capture_output=True)
        if raised:
            raised_cases += 1
            ok = got.returncode == 255 and got.stdout == b"" and got.stderr.count(b"\n") == 1
        else:
            ok = got.returncode == want_status and got.stdout == want_out
        if ok:
            same += 1
            continue
        failed += 1
        print("MISMATCH case %d (%s) %s: reference status %s%s, vmstate-check %d"
              % (case, ",".join(done), " ".join(argv[4:]), want_status,
                 " (raised %s)" % raised if raised else "", got.returncode))
        if args.keep:
            kd = os.path.join(args.keep, "case%d" % case)
            os.makedirs(kd, exist_ok=True)
            os.replace(sp, os.path.join(kd, "src.json"))
            os.replace(dp, os.path.join(kd, "dest.json"))
    shutil.rmtree(tmp, ignore_errors=True)
    print("difftest: %d cases, %d identical (%d where the reference raised), %d mismatches; seed %d"
          % (args.cases, same, raised_cases, failed, args.seed))
    print("difftest: mutations: " + ", ".join("%s %d" % kv for kv in sorted(labels.items())))
    return 0 if failed == 0 and same >= min(args.cases, 1000) else 1


if __name__ == "__main__":
    sys.exit(main())
