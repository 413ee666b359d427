#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""The plugin never breaks a build, measured on GCC's torture suite.

usage: torture.py --cc GCC --plugin vmstate.so --src DIR --out DIR [--jobs N] [--opts LIST]

Every DIR/*.c that compiles without the plugin at an optimization level is compiled
again with it (both in GCC 12's C dialect: see language_flags).  Each such case must: succeed; print the same diagnostics; give an object
that is byte-identical to the plain one once .vmstate_fragment is removed
(objcopy --remove-section on one, objcopy on the other, then cmp); be the same for
testsuite/plugin/lib/compare-objects.py; and hold a fragment.  Writes OUT/summary.txt
(counts per level) and OUT/problems.txt (one line per problem); exits 1 on a problem."""

import argparse
import concurrent.futures
import contextlib
import importlib.util
import io
import os
import signal
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
# Seconds per compilation.  A few tests hang GCC itself at some levels (asmgoto-5.c at
# -O0, which the suite skips): those count as not compiling without the plugin.  With
# the plugin, a hang is a failure.
PLAIN_TIMEOUT, PLUGIN_TIMEOUT = 60, 300


def load_compare_objects():
    path = os.path.join(HERE, "..", "..", "testsuite", "plugin", "lib", "compare-objects.py")
    spec = importlib.util.spec_from_file_location("compare_objects", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


COMPARE = load_compare_objects()
LANGUAGE_FLAGS = []


def language_flags(cc):
    """The suite was written for GCC 12's C: gnu17, where GCC 14 made implicit
    declarations, implicit int and pointer mismatches errors (-fpermissive makes them
    warnings again) and GCC 15 moved to C23.  Without these, a third of the files no
    longer compile with GCC 14 or 15, and so would not be tried with the plugin."""
    major = int(subprocess.run([cc, "-dumpversion"], capture_output=True, text=True,
                               check=True).stdout.split(".")[0])
    return ["-std=gnu17"] + (["-fpermissive"] if major >= 14 else [])


def compile_unit(cc, opt, source, obj, extra, timeout):
    # In a session of its own, so that a timeout ends cc1 too, not just the driver.
    with subprocess.Popen([cc, opt, *LANGUAGE_FLAGS, *extra, "-c", source, "-o", obj],
                          stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, start_new_session=True) as run:
        try:
            _, err = run.communicate(timeout=timeout)
            return run.returncode, err
        except subprocess.TimeoutExpired:
            os.killpg(run.pid, signal.SIGKILL)
            run.communicate()
            return "timeout", b""


def stripped_bytes(obj, out, remove):
    subprocess.run(["objcopy", *(["--remove-section", ".vmstate_fragment"] if remove else []),
                    obj, out], check=True, capture_output=True)
    with open(out, "rb") as f:
        return f.read()


def one_case(cc, plugin, source, opt, scratch):
    """Returns (outcome, detail): outcome is 'skipped' (does not compile without the
    plugin), 'ok' or a problem's name."""
    base = os.path.join(scratch, os.path.basename(source)[:-2] + opt)
    plain, with_plugin = base + ".plain.o", base + ".with.o"
    status, plain_err = compile_unit(cc, opt, source, plain, [], PLAIN_TIMEOUT)
    if status != 0:
        return "skipped", status
    status, with_err = compile_unit(cc, opt, source, with_plugin, ["-fplugin=" + plugin],
                                    PLUGIN_TIMEOUT)
    if status != 0:
        return "failed", f"exit status {status}: {with_err.decode(errors='replace')[:300]!r}"
    if with_err != plain_err:
        return "diagnostics differ", repr(with_err.decode(errors="replace")[:300])
    names = [s["name"] for s in COMPARE.read_sections(with_plugin)]
    if ".vmstate_fragment" not in names:
        return "no fragment", ""
    if stripped_bytes(with_plugin, base + ".with-stripped.o", True) != \
            stripped_bytes(plain, base + ".plain-copied.o", False):
        return "objects differ", "cmp after objcopy --remove-section .vmstate_fragment"
    said = io.StringIO()
    with contextlib.redirect_stdout(said):
        helper_status = COMPARE.main([with_plugin, plain])
    if helper_status != 0:
        return "compare-objects.py differs", said.getvalue().strip()
    for suffix in (".plain.o", ".with.o", ".with-stripped.o", ".plain-copied.o"):
        os.unlink(base + suffix)
    return "ok", ""


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cc", required=True)
    parser.add_argument("--plugin", required=True)
    parser.add_argument("--src", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--opts", default="-O0,-O2")
    args = parser.parse_args()
    global LANGUAGE_FLAGS
    LANGUAGE_FLAGS = language_flags(args.cc)

    sources = sorted(os.path.join(args.src, f) for f in os.listdir(args.src) if f.endswith(".c"))
    opts = args.opts.split(",")
    scratch = os.path.join(args.out, "objects")
    os.makedirs(scratch, exist_ok=True)
    cases = [(s, o) for o in opts for s in sources]
    with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
        results = list(pool.map(lambda c: one_case(args.cc, args.plugin, c[0], c[1], scratch),
                                cases))

    version = subprocess.run([args.cc, "-dumpfullversion"], capture_output=True,
                             text=True).stdout.strip()
    lines = [f"compiler: {args.cc} {version} {' '.join(LANGUAGE_FLAGS)}",
             f"plugin: {args.plugin}",
             f"sources: {len(sources)} files in {args.src}"]
    problems = []
    for opt in opts:
        outcomes = [r for (s, o), r in zip(cases, results) if o == opt]
        compiled = [r for r in outcomes if r[0] != "skipped"]
        bad = [r for r in compiled if r[0] != "ok"]
        hung = [r for r in outcomes if r == ("skipped", "timeout")]
        lines.append(f"{opt}: {len(compiled)} compile without the plugin "
                     f"({len(outcomes) - len(compiled)} do not, {len(hung)} of them past "
                     f"{PLAIN_TIMEOUT} s), {len(compiled) - len(bad)} identical with it, "
                     f"{len(bad)} problems")
        for (source, o), (outcome, detail) in zip(cases, results):
            if o == opt and outcome not in ("ok", "skipped"):
                problems.append(f"{os.path.basename(source)} {opt}: {outcome}: {detail}")
    with open(os.path.join(args.out, "summary.txt"), "w") as f:
        f.write("\n".join(lines) + "\n")
    with open(os.path.join(args.out, "problems.txt"), "w") as f:
        f.write("".join(p + "\n" for p in problems))
    print("\n".join(lines))
    for p in problems[:20]:
        print("  " + p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
