#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""The extended dump against QEMU's own description of a migration (qemu-desc.sh).

Every section QEMU sent must be in the extended dump under its vmsd name, and every
field and subsection it sent must be there with the same name, VMStateInfo name and
size (issue 12, item 5).  QEMU's description lists only what was on the wire, so its
fields must appear in the dump's order, possibly with others between them.

  qemu-desc-compare.py EXTENDED.json DESC.json
Prints one line per difference and a summary; exit status 1 when any.
"""
import json
import sys


class Compare:
    def __init__(self, ext):
        self.descs = ext["descriptions"]
        self.sections = {}
        for s in ext["sections"]:
            self.sections.setdefault(s["name"], s["description"])
        self.problems = []
        self.fields = 0

    def problem(self, where, text):
        self.problems.append(f"{where}: {text}")

    def fields_of(self, desc_id):
        return self.descs[desc_id].get("fields") or []

    def field(self, where, want, have):
        """WANT is QEMU's field, HAVE the dump's."""
        kind = want.get("type")
        if kind == "struct":
            if not have.get("vmsd"):
                self.problem(where, "QEMU sends a struct, the dump has no nested description")
            else:
                self.desc(where, want["struct"], have["vmsd"])
        elif kind == "tmp":
            if not have.get("vmsd"):
                self.problem(where, "QEMU sends VMSTATE_WITH_TMP, the dump has no description")
            else:
                self.desc(where, want, have["vmsd"])
        elif have.get("info") != kind:
            self.problem(where, f"VMStateInfo {have.get('info')!r}, QEMU sends {kind!r}")
        flags = have.get("flags") or []
        # A VMS_VBUFFER's size is read from the state at run time; QEMU gives a
        # struct's size as the bytes its fields sent, which are compared one by one.
        sized = kind not in ("tmp", "struct") and not {"VMS_VBUFFER", "VMS_MULTIPLY"} & set(flags)
        if sized and have.get("size") != want.get("size"):
            self.problem(where, f"size {have.get('size')}, QEMU sends {want.get('size')}")
        if "array_len" in want and "VMS_ARRAY" in flags and have.get("num") != want["array_len"]:
            self.problem(where, f"num {have.get('num')}, QEMU sends {want['array_len']}")
        self.fields += 1

    def desc(self, where, want, desc_id):
        have = self.fields_of(desc_id)
        at, last = 0, None
        for f in want.get("fields", []):
            name = f["name"]
            # An array of structs is described once per element, under one name.
            if last is not None and f.get("type") == "struct" and have[last]["name"] == name:
                self.field(f"{where}.{name}", f, have[last])
                continue
            i = next((k for k in range(at, len(have)) if have[k]["name"] == name), None)
            # Else QEMU's name for the N-th field of a repeated name: "name[N]".
            if i is None and name.endswith("]") and "[" in name:
                base, _, index = name[:-1].rpartition("[")
                same = [k for k in range(len(have)) if have[k]["name"] == base]
                nth = int(index) if index.isdigit() else len(same)
                i = same[nth] if nth < len(same) and same[nth] >= at else None
            if i is None:
                self.problem(f"{where}.{name}", "not in the dump's fields (in this order)")
                continue
            self.field(f"{where}.{name}", f, have[i])
            at, last = i + 1, i
        subs = {self.descs[s]["name"]: s for s in self.descs[desc_id].get("subsections") or []}
        for sub in want.get("subsections", []):
            name = sub["vmsd_name"]
            if name not in subs:
                self.problem(f"{where}/{name}", "subsection not in the dump")
            else:
                self.desc(f"{where}/{name}", sub, subs[name])

    def run(self, desc):
        seen = set()
        for dev in desc["devices"]:
            name = dev.get("vmsd_name", dev["name"])
            if name in seen:
                continue
            seen.add(name)
            if name not in self.sections:
                self.problem(name, f"section (QEMU's {dev['name']!r}) not in the dump")
                continue
            self.desc(name, dev, self.sections[name])
        return len(seen)


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    with open(sys.argv[1]) as f:
        ext = json.load(f)
    with open(sys.argv[2]) as f:
        desc = json.load(f)
    c = Compare(ext)
    n = c.run(desc)
    for p in c.problems:
        print(f"qemu-desc-compare: {p}", file=sys.stderr)
    print(f"qemu-desc-compare: {'FAIL' if c.problems else 'PASS'}: {n} sections and "
          f"{c.fields} fields QEMU sent, {len(c.problems)} differences "
          f"({sys.argv[1]} against {sys.argv[2]})")
    return 1 if c.problems else 0


if __name__ == "__main__":
    sys.exit(main())
