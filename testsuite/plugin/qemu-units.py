#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Compiles every C unit of a configured QEMU build (its compile_commands.json) with and
without the plugin, as the build would, into a scratch directory.  Reports any unit where
the compiler fails only with the plugin, crashes, or prints anything different; counts
the recorded descriptions, infos and unknowns; and sums the compile CPU time of both runs.

With --facts it also lists the facts of the wire-level verdicts per unit: the calls of
the vmstate_register family, the .needed and .field_exists functions, and the QOM stores
that give a CPU class its state (CPUClass.sysemu_ops, CPUClass.vmsd) with the static
SysemuCPUOps they point at.

usage: qemu-units.py [-j N] [--only SUFFIX]... [--stride N] [--compare-every N] [--facts]
                     BUILD_DIR PLUGIN SCRATCH_DIR
Exit status 1 when any unit fails."""

import argparse
import concurrent.futures
import json
import os
import shlex
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "lib"))
import fragments  # noqa: E402


def compile_argv(entry, output):
    args = entry["arguments"] if "arguments" in entry else shlex.split(entry["command"])
    out, skip = [], False
    for a in args:
        if skip:
            skip = False
        elif a in ("-MQ", "-MF", "-o"):
            skip = True
        elif a not in ("-MD", "-MMD"):
            out.append(a)
    return out + ["-o", output]


def cpu_of(argv, cwd):
    """(exit status, stderr text, CPU seconds of the compiler and its children)."""
    with tempfile.TemporaryFile() as err:
        pid = os.fork()
        if pid == 0:
            try:
                os.chdir(cwd)
                fd = os.open(os.devnull, os.O_WRONLY)
                os.dup2(fd, 1)
                os.dup2(err.fileno(), 2)
                os.execvp(argv[0], argv)
            finally:
                os._exit(127)
        _, status, usage = os.wait4(pid, 0)
        err.seek(0)
        text = err.read().decode("utf-8", "replace")
    return os.waitstatus_to_exitcode(status), text, usage.ru_utime + usage.ru_stime


def cpu_stores(e):
    """The CPUClass members that carry migration state a QOM IR expression assigns to."""
    if isinstance(e, dict):
        if e.get("op") == "assign" and e["to"].get("op") == "field" \
                and e["to"].get("struct") == "CPUClass" \
                and e["to"].get("name") in ("sysemu_ops", "vmsd"):
            yield e["to"]["name"]
        for v in e.values():
            yield from cpu_stores(v)
    elif isinstance(e, list):
        for v in e:
            yield from cpu_stores(v)


def wire_facts(f):
    """Lines that show the fragment's facts for the wire-level verdicts."""
    lines = ["register %s(%s, instance %s) in %s at %s" % (
        r["function"], r["vmsd"], r["instance_id"], r["caller"], r["loc"])
        for r in f.get("registers", [])]
    funcs = [("needed", v["symbol"], v["needed"]) for v in f["vmstates"]
             if isinstance(v.get("needed"), dict)]
    funcs += [("field_exists", "%s.%s" % (v["symbol"], x["name"]), x["exists"])
              for v in f["vmstates"] if isinstance(v.get("fields"), list)
              for x in v["fields"] if isinstance(x.get("exists"), dict)]
    lines += ["%s of %s: %s" % (k, owner, func.get("symbol", func.get("unknown")))
              for k, owner, func in funcs]
    for fn in f["qom"]["functions"]:
        for member in sorted(set(cpu_stores(fn["body"]))):
            lines.append("%s stores CPUClass.%s" % (fn["symbol"], member))
    for d in f["qom"]["data"]:
        if d["type"] == "SysemuCPUOps":
            vmsd = [v for k, v in d["init"].get("fields", []) if k == "legacy_vmsd"]
            lines.append("SysemuCPUOps %s: legacy_vmsd %s" % (
                d["symbol"], vmsd[0].get("sym") if vmsd else None))
    return lines


def one_unit(index, entry, plugin, scratch, compare):
    base = os.path.join(scratch, "%05d" % index)
    with_plugin = compile_argv(entry, base + ".o")
    with_plugin[-2:-2] = ["-fplugin=" + plugin]
    rc1, err1, cpu1 = cpu_of(with_plugin, entry["directory"])
    if compare:
        rc0, err0, cpu0 = cpu_of(compile_argv(entry, base + ".plain.o"), entry["directory"])
    else:
        # Without the plain compile: the plugin must have added no diagnostic of its own.
        rc0, err0, cpu0 = rc1, (err1 if "vmstate" not in err1 else ""), None
    result = {"file": entry["file"], "cpu_plain": cpu0, "cpu_plugin": cpu1, "problem": None}
    if rc0 != 0 and not compare:
        # Failed with the plugin: find out whether it fails without it too.
        rc0, err0, cpu0 = cpu_of(compile_argv(entry, base + ".plain.o"), entry["directory"])
        result["cpu_plain"] = cpu0
    if rc0 != 0:
        result["problem"] = None if rc1 != 0 else "fails without the plugin only"
        result["skipped"] = True
        result["why"] = err0[-300:]
    elif rc1 != 0 or "internal compiler error" in err1:
        result["problem"] = "fails with the plugin: " + err1[-1500:]
    elif err0 != err1:
        result["problem"] = "different diagnostics with the plugin: " + err1[-1500:]
    else:
        try:
            frags = fragments.read(base + ".o")
            if len(frags) != 1:
                result["problem"] = "%d fragments in the object" % len(frags)
            else:
                f = frags[0]
                result["vmstates"] = len(f["vmstates"])
                result["infos"] = len(f["infos"])
                result["unknowns"] = f["unknowns"]
                result["facts"] = wire_facts(f)
        except (OSError, ValueError) as e:
            result["problem"] = "unreadable fragment: %s" % e
    for path in (base + ".plain.o", base + ".o"):
        if os.path.exists(path):
            os.unlink(path)
    return result


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("-j", type=int, default=2)
    ap.add_argument("--only", action="append", default=[])
    ap.add_argument("--stride", type=int, default=1, metavar="N",
                    help="only every Nth unit (a quick sample; default: all)")
    ap.add_argument("--compare-every", type=int, default=1, metavar="N",
                    help="also compile every Nth unit without the plugin (default: all)")
    ap.add_argument("--facts", action="store_true",
                    help="list the facts of the wire-level verdicts of each unit")
    ap.add_argument("build")
    ap.add_argument("plugin")
    ap.add_argument("scratch")
    a = ap.parse_args()
    entries = [e for e in json.load(open(os.path.join(a.build, "compile_commands.json")))
               if e["file"].endswith(".c")
               and (not a.only or any(e["file"].endswith(s) for s in a.only))]
    entries = entries[::a.stride]
    os.makedirs(a.scratch, exist_ok=True)
    results = []
    with concurrent.futures.ThreadPoolExecutor(a.j) as pool:
        for r in pool.map(lambda ie: one_unit(ie[0], ie[1], a.plugin, a.scratch,
                                              ie[0] % a.compare_every == 0),
                          enumerate(entries)):
            results.append(r)
            if r["problem"]:
                print("FAIL %s: %s" % (r["file"], r["problem"]), flush=True)
            if len(results) % 100 == 0:
                print("... %d of %d units" % (len(results), len(entries)), flush=True)
    compiled = [r for r in results if not r.get("skipped")]
    failed = [r for r in results if r["problem"]]
    compared = [r for r in compiled if r["cpu_plain"] is not None]
    cpu0 = sum(r["cpu_plain"] for r in compared)
    cpu1 = sum(r["cpu_plugin"] for r in compared)
    unknowns = [u for r in compiled for u in r.get("unknowns", [])]
    print("units: %d compiled, %d skipped (fail without the plugin too), %d failed"
          % (len(compiled), len(results) - len(compiled), len(failed)))
    for r in results:
        if r.get("skipped"):
            print("  skipped %s: %s" % (r["file"], r["why"].strip().splitlines()[-1:]))
    print("recorded: %d descriptions, %d infos, %d unknowns"
          % (sum(r.get("vmstates", 0) for r in compiled),
             sum(r.get("infos", 0) for r in compiled), len(unknowns)))
    for u in unknowns[:50]:
        print("  unknown: %s: %s (%s)" % (u["loc"], u["unknown"], u["context"]))
    if a.facts:
        for r in compiled:
            for line in r.get("facts", []):
                print("  %s: %s" % (os.path.relpath(r["file"], a.build), line))
    if cpu0 > 0:
        print("compile CPU time of %d units: %.1f s without, %.1f s with the plugin (%+.2f%%)"
              % (len(compared), cpu0, cpu1, 100.0 * (cpu1 - cpu0) / cpu0))
    print("qemu-units: %d passed, %d failed" % (len(results) - len(failed), len(failed)))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
