#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Test helper: reads the vmstate fragments of object files, archives (thin ones too),
executables or .vmfrag.json files, and evaluates a Python expression over them.

usage: fragments.py [--count N] [--expr EXPR]... FILE...
  --count N   exactly N fragments must be found
  --expr E    E must be true; names available: frags (all fragments), f (the only or
              first fragment), vmsd(sym), field(sym, name), info(sym), unknowns()
Prints one line per failed check and exits 1 when any fails, 2 on unreadable input."""

import json
import os
import struct
import subprocess
import sys


def elf_section(data, wanted):
    """Contents of section WANTED of an ELF64 little-endian image, or None."""
    if data[:4] != b"\x7fELF" or data[4] != 2 or data[5] != 1:
        raise ValueError("not an ELF64 little-endian file")
    shoff, = struct.unpack_from("<Q", data, 0x28)
    shentsize, shnum, shstrndx = struct.unpack_from("<HHH", data, 0x3A)
    def header(i):
        return struct.unpack_from("<IIQQQQIIQQ", data, shoff + i * shentsize)
    strtab = header(shstrndx)
    for i in range(shnum):
        h = header(i)
        start = strtab[4] + h[0]
        name = data[start:data.index(b"\0", start)].decode()
        if name == wanted:
            return data[h[4]:h[4] + h[5]]
    return None


def archive_members(path):
    names = subprocess.run(["ar", "t", path], check=True, capture_output=True,
                           text=True).stdout.split()
    for name in names:
        yield name, subprocess.run(["ar", "p", path, name], check=True,
                                   capture_output=True).stdout


def split_fragments(blob, where):
    out = []
    for piece in blob.split(b"\0"):
        if piece.strip():
            try:
                out.append(json.loads(piece.decode("utf-8")))
            except ValueError as e:
                raise ValueError(f"{where}: bad fragment JSON: {e}")
    return out


def read(path):
    with open(path, "rb") as fh:
        data = fh.read()
    if path.endswith(".json"):
        return split_fragments(data, path)
    if data.startswith(b"!<arch>\n") or data.startswith(b"!<thin>\n"):
        frags = []
        for name, member in archive_members(path):
            section = elf_section(member, ".vmstate_fragment")
            if section is not None:
                frags += split_fragments(section, f"{path}({name})")
        return frags
    section = elf_section(data, ".vmstate_fragment")
    return [] if section is None else split_fragments(section, path)


def main(argv):
    count, exprs, files = None, [], []
    i = 0
    while i < len(argv):
        if argv[i] == "--count":
            count = int(argv[i + 1]); i += 2
        elif argv[i] == "--expr":
            exprs.append(argv[i + 1]); i += 2
        else:
            files.append(argv[i]); i += 1
    frags = []
    for path in files:
        if os.path.isdir(path):
            for name in sorted(os.listdir(path)):
                if name.endswith(".vmfrag.json"):
                    frags += read(os.path.join(path, name))
        else:
            try:
                frags += read(path)
            except (OSError, ValueError, subprocess.CalledProcessError) as e:
                print(f"{path}: {e}")
                return 2

    def find(kind, symbol):
        hits = [x for fr in frags for x in fr.get(kind, []) if x.get("symbol") == symbol]
        if len(hits) != 1:
            raise KeyError(f"{len(hits)} {kind} entries for {symbol}")
        return hits[0]

    def field(symbol, name):
        hits = [x for x in find("vmstates", symbol)["fields"] or [] if x.get("name") == name]
        if len(hits) != 1:
            raise KeyError(f"{len(hits)} fields {name} in {symbol}")
        return hits[0]

    env = {"frags": frags, "f": frags[0] if frags else None,
           "vmsd": lambda s: find("vmstates", s), "info": lambda s: find("infos", s),
           "field": field, "unknowns": lambda: [u for fr in frags for u in fr["unknowns"]]}
    failed = 0
    if count is not None and len(frags) != count:
        print(f"expected {count} fragments, found {len(frags)}")
        failed += 1
    for e in exprs:
        try:
            ok = eval(e, env)
        except Exception as ex:  # a failed lookup is a failed check
            ok, e = False, f"{e} ({type(ex).__name__}: {ex})"
        if not ok:
            print(f"false: {e}")
            failed += 1
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
