#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Test helper: are two ELF objects the same apart from the plugin's fragment?

usage: compare-objects.py [--producer-may-differ] WITH_PLUGIN.o WITHOUT_PLUGIN.o
Compares every section except .vmstate_fragment, in order: name, type, flags, size,
alignment, entry size, linked sections (by name) and contents.  Symbol tables are
compared entry by entry with section indices replaced by section names (the fragment's
section shifts the indices after it), and so are the members of COMDAT groups, whose
signature symbol is named.  With --producer-may-differ, .debug_str may differ
only in the DW_AT_producer string (GCC records its command line there, -fplugin
included) and the strings after it may move.  Prints each difference and exits 1 when there is one."""

import struct
import sys

SHT_SYMTAB, SHT_NOBITS, SHT_RELA, SHT_GROUP = 2, 8, 4, 17
SHF_INFO_LINK = 0x40


def read_sections(path):
    data = open(path, "rb").read()
    if data[:4] != b"\x7fELF" or data[4] != 2:
        raise SystemExit(f"{path}: not an ELF64 file")
    shoff, = struct.unpack_from("<Q", data, 0x28)
    shentsize, shnum, shstrndx = struct.unpack_from("<HHH", data, 0x3A)
    heads = [struct.unpack_from("<IIQQQQIIQQ", data, shoff + i * shentsize)
             for i in range(shnum)]

    def cstr(offset):
        return data[offset:data.index(b"\0", offset)].decode()

    names = [cstr(heads[shstrndx][4] + h[0]) for h in heads]

    def symbols_of(head):
        strtab = heads[head[6]][4]
        symbols = []
        for at in range(head[4], head[4] + head[5], 24):
            st_name, st_info, st_other, st_shndx, value, st_size = \
                struct.unpack_from("<IBBHQQ", data, at)
            where = names[st_shndx] if 0 < st_shndx < len(names) else st_shndx
            symbols.append((cstr(strtab + st_name), st_info, st_other, where, value,
                            st_size))
        return symbols

    out = []
    for i, h in enumerate(heads):
        name, kind, flags, _, offset, size, link, info, align, entsize = h
        body = b"" if kind == SHT_NOBITS else data[offset:offset + size]
        info_of = names[info] if (kind == SHT_RELA or flags & SHF_INFO_LINK) else info
        if kind == SHT_SYMTAB:
            body = symbols_of(h)
        elif kind == SHT_GROUP:
            # A flag word, then the member sections' indices; sh_info is the index of
            # the signature symbol in the sh_link symbol table.
            words = struct.unpack_from("<%dI" % (size // 4), body)
            body = (words[0], [names[m] for m in words[1:]])
            info_of = symbols_of(heads[link])[info][0]
        linked = names[link] if link else None
        out.append({"name": names[i], "header": (kind, flags, size, align, entsize, linked,
                                                 info_of), "body": body})
    return out


def without_producer(strings):
    # GCC writes the strings in its hash table's order, which the longer producer
    # string may change: compare them as a set.
    return sorted(s for s in strings.split(b"\0") if not s.startswith(b"GNU "))


def relocations(section, symtab):
    """(offset, type, symbol, addend) with addends into .debug_str left out: a longer
    producer string moves the strings after it."""
    out = []
    for at in range(0, len(section["body"]), 24):
        offset, info, addend = struct.unpack_from("<QQq", section["body"], at)
        symbol = symtab[info >> 32]
        if symbol[3] == ".debug_str" and symbol[1] & 0xf == 3:  # STT_SECTION
            addend = None
        out.append((offset, info & 0xffffffff, symbol, addend))
    return out


def main(argv):
    producer_may_differ = "--producer-may-differ" in argv
    paths = [a for a in argv if not a.startswith("--")]
    ignored = {".vmstate_fragment", ".shstrtab"}
    a = [s for s in read_sections(paths[0]) if s["name"] not in ignored]
    b = [s for s in read_sections(paths[1]) if s["name"] not in ignored]
    problems = []
    if [s["name"] for s in a] != [s["name"] for s in b]:
        problems.append("section lists differ: %s vs %s" % (
            [s["name"] for s in a], [s["name"] for s in b]))
    symtab_a = next((s["body"] for s in a if s["name"] == ".symtab"), [])
    symtab_b = next((s["body"] for s in b if s["name"] == ".symtab"), [])
    for x, y in zip(a, b):
        if x == y:
            continue
        if producer_may_differ and x["name"] == ".debug_str" and \
                without_producer(x["body"]) == without_producer(y["body"]):
            continue
        if producer_may_differ and x["name"].startswith(".rela.debug") and \
                x["header"] == y["header"] and \
                relocations(x, symtab_a) == relocations(y, symtab_b):
            continue
        problems.append(f"section {x['name']} differs")
    for p in problems:
        print(f"{paths[0]} vs {paths[1]}: {p}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
