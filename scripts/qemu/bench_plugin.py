#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Compile CPU time of QEMU's C translation units with and without the vmstate plugin.

Reads a compile_commands.json, and for each C unit runs its own compile command twice
(the object to a scratch file per worker, no dependency files, any -fplugin flags of the
build removed): once as is and once with -fplugin=PLUGIN, back to
back in alternating order so that both see the same machine load.  CPU time is the
child's user+sys from wait4().  Writes units.csv and summary.txt into OUT and prints the
summary.  Exit status 1 when a unit compiles without the plugin but not with it.
"""
import argparse
import json
import os
import shlex
import statistics
import subprocess
import sys
import threading
import time


def unit_command(entry, plugin, output):
    args = shlex.split(entry["command"]) if "command" in entry else list(entry["arguments"])
    while args and os.path.basename(args[0]) == "ccache":
        args = args[1:]
    out, i = [], 0
    while i < len(args):
        a = args[i]
        if a in ("-o", "-MQ", "-MF", "-MT"):
            i += 2
            continue
        # -M*: no dependency files; -fplugin*: a plugin build's own plugin flags.
        if a in ("-MD", "-MMD") or a.startswith("-fplugin"):
            i += 1
            continue
        out.append(a)
        i += 1
    # A scratch file, not /dev/null: a compiler that deletes its output on failure must
    # not meet a device.
    out += ["-o", output]
    if plugin:
        out.insert(1, "-fplugin=" + plugin)
    return out


def cpu_time(argv, cwd):
    """Run argv; return (exit status, user+sys seconds, stderr text)."""
    p = subprocess.Popen(argv, cwd=cwd, stdin=subprocess.DEVNULL,
                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    err = p.stderr.read()
    _, status, ru = os.wait4(p.pid, 0)
    p.returncode = os.waitstatus_to_exitcode(status)
    p.stderr.close()
    return p.returncode, ru.ru_utime + ru.ru_stime, err.decode(errors="replace")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--compile-commands", required=True)
    ap.add_argument("--plugin", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--limit", type=int, default=0,
                    help="measure only this many units, spread evenly over the list")
    o = ap.parse_args()

    plugin = os.path.realpath(o.plugin)
    with open(o.compile_commands) as f:
        entries = [e for e in json.load(f) if e["file"].endswith(".c")]
    if not entries:
        sys.exit(f"{o.compile_commands}: error: no C translation units")
    if o.limit and o.limit < len(entries):
        step = len(entries) / o.limit
        entries = [entries[int(i * step)] for i in range(o.limit)]
    os.makedirs(o.out, exist_ok=True)
    env_note = "CCACHE_DISABLE=1"
    os.environ["CCACHE_DISABLE"] = "1"

    results = [None] * len(entries)
    next_index = [0]
    lock = threading.Lock()

    def worker(output):
        while True:
            with lock:
                i = next_index[0]
                next_index[0] += 1
            if i >= len(entries):
                return
            e = entries[i]
            plain, withp = unit_command(e, None, output), unit_command(e, plugin, output)
            order = [("plain", plain), ("plugin", withp)]
            if i % 2:
                order.reverse()
            r = {}
            for name, argv in order:
                r[name] = cpu_time(argv, e["directory"])
            results[i] = (e["file"], r["plain"], r["plugin"])

    start = time.time()
    threads = [threading.Thread(target=worker, args=(os.path.join(o.out, f"scratch-{n}.o"),))
               for n in range(max(1, o.jobs))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.time() - start
    for n in range(max(1, o.jobs)):
        try:
            os.remove(os.path.join(o.out, f"scratch-{n}.o"))
        except FileNotFoundError:
            pass

    broken, failed_both, rows = [], 0, []
    total_plain = total_plugin = 0.0
    ratios = []
    ices = 0
    for file, (rc0, t0, e0), (rc1, t1, e1) in results:
        rows.append(f"{file},{rc0},{t0:.4f},{rc1},{t1:.4f}")
        if "internal compiler error" in e1:
            ices += 1
        if rc0 != 0:
            failed_both += 1
            continue
        if rc1 != 0:
            broken.append((file, e1.strip().splitlines()[-1:] or [""]))
            continue
        total_plain += t0
        total_plugin += t1
        if t0 > 0:
            ratios.append(t1 / t0)
    with open(os.path.join(o.out, "units.csv"), "w") as f:
        f.write("file,plain_status,plain_cpu_s,plugin_status,plugin_cpu_s\n")
        f.write("\n".join(rows) + "\n")
    added = 100.0 * (total_plugin - total_plain) / total_plain if total_plain else float("nan")
    summary = [
        f"units measured: {len(entries) - failed_both - len(broken)} of {len(entries)} C units"
        f" ({failed_both} fail without the plugin too, {len(broken)} fail only with it,"
        f" {ices} internal compiler errors)",
        f"cpu without plugin: {total_plain:.2f} s",
        f"cpu with plugin:    {total_plugin:.2f} s",
        f"added:              {added:+.2f} %  (goal <= 2 %)",
        f"per-unit ratio:     median {statistics.median(ratios):.4f},"
        f" p90 {statistics.quantiles(ratios, n=10)[-1]:.4f}" if len(ratios) >= 2 else "per-unit ratio: n/a",
        f"wall time of the run: {wall:.0f} s with {o.jobs} jobs ({env_note})",
    ]
    for file, last in broken[:20]:
        summary.append(f"fails only with the plugin: {file}: {last[0]}")
    text = "\n".join(summary) + "\n"
    with open(os.path.join(o.out, "summary.txt"), "w") as f:
        f.write(text)
    sys.stdout.write(text)
    return 1 if broken or ices else 0


if __name__ == "__main__":
    sys.exit(main())
