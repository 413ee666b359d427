#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
# The facts of an extended dump (docs/extended-dump.md) in the line format that
# qom-src/runtime.c --wire prints, sorted: the sections and their registrations, and
# each device's user_creatable, each description's versions, .needed, fields (VMStateInfo name, size, version,
# field_exists) and subsections.  Unknowns are printed as such, so they never match.
#   wire-facts.py EXTENDED.json
import json
import sys

dump = json.load(open(sys.argv[1]))
descs = dump["descriptions"]
lines = set()


def name_of(ref):
    return descs[ref]["name"] if isinstance(ref, str) else "UNKNOWN"


for section in dump["sections"]:
    for reg in section["registrations"]:
        if reg["kind"] == "register":
            who = reg["instance_id"] if isinstance(reg["instance_id"], (int, str)) else "UNKNOWN"
        elif reg["kind"] == "device":
            c = reg.get("user_creatable")
            who = "%s creatable=%s" % (reg["type"], "yes" if c is True else "no" if c is False
                                       else "UNKNOWN")
        else:
            who = reg["type"]
        lines.add("section %s %s %s" % (section["name"], reg["kind"], who))
for d in descs.values():
    yes = lambda v: "no" if v is None else "yes" if "symbol" in v else "UNKNOWN"
    lines.add("desc %s version=%s min=%s needed=%s" % (d["name"], d["version_id"],
              d["minimum_version_id"], yes(d["needed"])))
    for f in d["fields"] or []:
        if "unknown" in f:
            lines.add("field %s UNKNOWN" % d["name"])
            continue
        v = f.get("virtio")
        if v is not None:
            # What virtio's put saves after the common state, per device type.
            hand = v["by_hand"]
            for t in v["types"]:
                lines.add("virtio %s %s vmsd=%s by_hand=%s common=%s" % (
                    d["name"], t, "none" if v["vmsd"] is None else name_of(v["vmsd"]),
                    "no" if hand is None
                    else "yes" if hand["unknown"].startswith("saved by hand:") else "UNKNOWN",
                    name_of(v["common"])))
        lines.add("field %s %s info=%s size=%s version=%s exists=%s" % (
            d["name"], f["name"], f["info"] if f["info"] is not None else "-", f["size"],
            f["version_id"], yes(f["field_exists"])))
    for s in d["subsections"] or []:
        lines.add("sub %s %s" % (d["name"], name_of(s)))
for u in dump["unknowns"]:
    if u["unknown"].startswith("saved by hand:"):
        continue  # a fact, printed as by_hand=yes above
    lines.add("unknown %s at %s" % (u["unknown"], u["loc"]))
print("\n".join(sorted(lines)))
