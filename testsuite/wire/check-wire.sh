#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Tests of vmstate-check --wire (make check-wire):
#  - every bad dump gives one error naming the file and the place, and exit status 1;
#  - the usage errors give status 3, and nothing is compared;
#  - on the example tree's v1 and v2 (their own extended dumps): the exit bits match the
#    report, JSON, SARIF and GitLab outputs carry the same findings, SARIF passes the
#    official validator (@microsoft/sarif-multitool) when it is installed, and GitLab's
#    required keys are there;
#  - waivers (waive-wire records): suggestions, waived findings left out of the text and
#    the exit bits, marked in JSON and SARIF, stale records only where they could match.
# The verdicts themselves are checked against real save and load by check-vmstate-src.
#   check-wire.sh CHECKER V1_PROGRAM V2_PROGRAM
set -u
[ $# -eq 3 ] || { echo "usage: $0 CHECKER V1_PROGRAM V2_PROGRAM" >&2; exit 2; }
checker=$(realpath "$1") v1=$2 v2=$3
here=$(dirname "$0")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

. "$here/../harness.sh"
harness_group check-wire

# Bad input: exactly the expected line on stderr, nothing on stdout, status 1.
n=0
(cd "$here/bad" && for f in *.json; do
	"$checker" --wire -s "$f" -d "$f" >"$tmp/out" 2>>"$tmp/bad.err"
	rc=$?
	[ "$rc" -eq 1 ] || echo "$f: exit status $rc, not 1" >>"$tmp/bad.status"
	[ -s "$tmp/out" ] && echo "$f: wrote to stdout" >>"$tmp/bad.status"
done)
n=$(ls "$here"/bad/*.json | wc -l)
if [ -s "$tmp/bad.status" ]; then
	fail "bad dumps: $(cat "$tmp/bad.status")"
elif ! diff -u "$here/bad/expected.txt" "$tmp/bad.err" >&2; then
	fail "bad dumps: the messages differ from $here/bad/expected.txt"
else
	pass "$n bad dumps: one error each, naming the file and the place, exit status 1"
fi

usage_ok=1
for args in "-s only.json" "-d only.json" "-s a -d b --format=xml" "-s a -d b --direction=up" \
	"-s a -d b extra" "-s a -d b --color=sometimes" "-s"; do
	# shellcheck disable=SC2086
	"$checker" --wire $args >"$tmp/out" 2>"$tmp/err"
	rc=$?
	if [ "$rc" -ne 3 ] || [ -s "$tmp/out" ] || [ "$(grep -c ': error: ' "$tmp/err")" -ne 1 ]; then
		fail "usage error '$args': exit status $rc (expected 3), stderr: $(cat "$tmp/err")"
		usage_ok=0
	fi
done
[ $usage_ok = 1 ] && pass "7 usage errors: one error each, exit status 3 (error | usage)"

"$v1" --dump-extended "$tmp/v1.json" && "$v2" --dump-extended "$tmp/v2.json" ||
	{ fail "the example programs cannot write their extended dumps"; harness_end; exit 1; }

# The same comparison both ways round and onto itself: the exit bits follow the counts.
for pair in "v1 v2" "v2 v1" "v1 v1"; do
	set -- $pair
	"$checker" --wire -s "$tmp/$1.json" -d "$tmp/$2.json" --format=json >"$tmp/r.json"
	rc=$?
	expect=$(python3 -c 'import json,sys; s=json.load(open(sys.argv[1]))["summary"]
print((4 if s["review"] else 0) | (8 if s["breaks"] else 0))' "$tmp/r.json")
	if [ "$rc" -ne "$expect" ]; then
		fail "$1 -> $2: exit status $rc, but the report's counts give $expect"
	else
		pass "$1 -> $2: exit status $rc matches the report's counts"
	fi
done

# UNKNOWN values (docs/extended-dump.md) in place of an info, a name, flags or a fields
# list are read, and each makes one "unknown" finding to review, never a break.
python3 - "$tmp" <<'PY'
import json, sys
tmp = sys.argv[1]
d = json.load(open(f"{tmp}/v2.json"))
u = {"unknown": "not evaluated (test)", "loc": "x.c:1:2"}
by_name = {v["name"]: v for v in d["descriptions"].values()}
by_name["wire-swap"]["fields"][0]["info"] = u
by_name["wire-rename"]["fields"] = u
by_name["timer"]["fields"][0]["name"] = u
by_name["timer"]["fields"][1]["flags"] = u
next(f for f in by_name["PIIX3"]["fields"] if f["vmsd"])["vmsd"] = u
json.dump(d, open(f"{tmp}/v2-unknown.json", "w"))
PY
"$checker" --wire -s "$tmp/v2.json" -d "$tmp/v2-unknown.json" --format=json --benign >"$tmp/unknown.json"
rc=$?
if python3 -c 'import json,sys
r = json.load(open(sys.argv[1]))
got = sorted((f["sections"][0], f["kind"], f["severity"]) for f in r["findings"])
want = [(s, "unknown", "review") for s in ("PIIX3", "timer", "wire-rename", "wire-swap")]
sys.exit(0 if got == want else 1)' "$tmp/unknown.json" && [ "$rc" -eq 4 ]; then
	pass "UNKNOWN info, name, flags, fields and nested vmsd: one review finding each, exit status 4"
else
	fail "UNKNOWN values: exit status $rc, findings: $(cat "$tmp/unknown.json")"
fi

# A section only the old version has is "breaks", except when every registration is a
# device class with "user_creatable": false (sysbus devices: only a machine creates
# them), which is "review" with the reason.  An UNKNOWN or a missing key counts as
# creatable.  v1 against itself minus "fdc" (SUNW,fdtwo: not user-creatable) and
# "pflash_cfi01" (cfi.pflash01: user-creatable).
python3 - "$tmp" <<'PY'
import json, sys
tmp = sys.argv[1]
d = json.load(open(f"{tmp}/v1.json"))
d["sections"] = [s for s in d["sections"] if s["name"] not in ("fdc", "pflash_cfi01")]
json.dump(d, open(f"{tmp}/v1-gone.json", "w"))
d = json.load(open(f"{tmp}/v1.json"))
for s in d["sections"]:
    for r in s["registrations"]:
        if s["name"] == "fdc":
            r["user_creatable"] = {"unknown": "not evaluated (test)", "loc": "x.c:1:2"}
json.dump(d, open(f"{tmp}/v1-unknown-creatable.json", "w"))
PY
"$checker" --wire -s "$tmp/v1.json" -d "$tmp/v1-gone.json" --format=json >"$tmp/gone.json"
rc=$?
"$checker" --wire -s "$tmp/v1-unknown-creatable.json" -d "$tmp/v1-gone.json" --format=json \
	>"$tmp/gone-unknown.json"
rc2=$?
if python3 -c 'import json,sys
def get(path):
    r = json.load(open(path))
    return {f["sections"][0]: (f["kind"], f["severity"], f["outcomes"]["old-to-new"], f["message"])
            for f in r["findings"]}
a, b = get(sys.argv[1]), get(sys.argv[2])
ok = a["fdc"][:3] == ("section-removed", "review", "depends") \
    and a["fdc"][3].endswith("not user-creatable, so it breaks only if a machine creates it") \
    and a["pflash_cfi01"][:3] == ("section-removed", "breaks", "fails") \
    and b["fdc"][:3] == ("section-removed", "breaks", "fails")
sys.exit(0 if ok and len(a) == 2 else 1)' "$tmp/gone.json" "$tmp/gone-unknown.json" &&
	[ "$rc" -eq 12 ] && [ "$rc2" -eq 8 ]; then
	pass "a removed section of a device no user can create is review (machine-created only); a creatable or undecided one breaks"
else
	fail "removed sections and user_creatable: exit status $rc and $rc2, findings: $(cat "$tmp/gone.json" "$tmp/gone-unknown.json")"
fi

# Virtio devices (docs/wire-rules.md, "Virtio devices"): what a "virtio" field saves
# after the common state is compared like a nested description, at its source lines.
"$checker" --wire -s "$here/virtio/old.json" -d "$here/virtio/new.json" --format=json \
	--benign >"$tmp/virtio.json"
rc=$?
if python3 -c 'import json,sys
r = json.load(open(sys.argv[1]))
got = sorted((",".join(f["sections"]), f["kind"], f["severity"], f["field"],
              f["new_loc"]["line"]) for f in r["findings"])
want = sorted([
    ("vmem", "field-exists", "review", "size", 22),       # inside the class description
    ("vmem", "field-added", "breaks", "plugged", 23),
    ("vconv", "unknown", "review", "virtio", 40),         # by hand, then a description
    ("vrng", "struct", "breaks", "virtio", 52),           # a description where none was
    ("vblk,vconv,vmem,vrng", "subsection-added", "review", "virtio/extra", 61),
])                                                        # vblk: same hand-written state
sys.exit(0 if got == want else 1)' "$tmp/virtio.json" && [ "$rc" -eq 12 ]; then
	pass "virtio: the class description and vmstate_virtio compared, hand-written state reported"
else
	fail "virtio: exit status $rc, findings: $(cat "$tmp/virtio.json")"
fi

# Every format carries the same findings (benign ones included with --benign).
for fmt in text json sarif gitlab; do
	"$checker" --wire -s "$tmp/v1.json" -d "$tmp/v2.json" --benign --format=$fmt \
		-o "$tmp/out.$fmt"
done
# Prints what it found; the exit status says whether the formats agree.
python3 - "$tmp" "$here/../../docs/wire-rules.md" >"$tmp/formats.msg" <<'PY'
import json, sys
tmp = sys.argv[1]
report = json.load(open(f"{tmp}/out.json"))
findings = report["findings"]
sarif = json.load(open(f"{tmp}/out.sarif"))
gitlab = json.load(open(f"{tmp}/out.gitlab"))
text = [l for l in open(f"{tmp}/out.text") if "[vmstate-" in l]
kinds = sorted(f["kind"] for f in findings)
checks = {
    "json summary": sum(report["summary"][k] for k in ("breaks", "review", "benign")) == len(findings),
    "text": sorted(l.rsplit("[vmstate-", 1)[1].rstrip("]\n") for l in text) == kinds,
    "sarif": sorted(r["ruleId"][len("vmstate-"):] for r in sarif["runs"][0]["results"]) == kinds,
    "gitlab": sorted(i["check_name"][len("vmstate-"):] for i in gitlab) == kinds,
    "gitlab keys": all({"description", "check_name", "fingerprint", "severity", "location"} <= set(i)
                       and i["severity"] in ("info", "minor", "major", "critical", "blocker")
                       and isinstance(i["location"]["lines"]["begin"], int) for i in gitlab),
    "gitlab fingerprints unique": len({i["fingerprint"] for i in gitlab}) == len(gitlab),
}
docs = open(sys.argv[2]).read()
undocumented = [r["id"][len("vmstate-"):] for r in sarif["runs"][0]["tool"]["driver"]["rules"]
                if f"| `{r['id'][len('vmstate-'):]}` |" not in docs]
checks["every kind in docs/wire-rules.md"] = not undocumented
bad = [k for k, ok in checks.items() if not ok]
if bad:
    print(f"the formats disagree: {', '.join(bad)}")
    sys.exit(1)
print(f"text, json, sarif and gitlab carry the same {len(findings)} findings; "
      f"docs/wire-rules.md lists all {len(sarif['runs'][0]['tool']['driver']['rules'])} kinds")
PY
status=$? msg=$(cat "$tmp/formats.msg")
if [ $status -eq 0 ]; then pass "$msg"; else fail "${msg:-the formats check did not run to its end (its error above)}"; fi

# The comparer of the real-QEMU oracle (make wire-qemu-oracle), on an excerpt of what
# Debian's QEMU 7.2 wrote for -M pc (qemu-desc.sh): it passes on a matching extended
# dump and names the field when one size differs.
desc=$here/qemu-desc
if "$here/qemu-desc-compare.py" "$desc/extended.json" "$desc/desc-7.2-pc.json" >/dev/null 2>&1 &&
	sed 's/"name": "dma_addr", "info": "uint64", "size": 8/"name": "dma_addr", "info": "uint64", "size": 4/' \
		"$desc/extended.json" >"$tmp/ext-bad.json" &&
	! "$here/qemu-desc-compare.py" "$tmp/ext-bad.json" "$desc/desc-7.2-pc.json" >/dev/null \
		2>"$tmp/compare.err" &&
	grep -q 'fw_cfg/fw_cfg/dma.dma_addr: size 4, QEMU sends 8' "$tmp/compare.err"; then
	pass "qemu-desc-compare.py: QEMU 7.2's description of timer, cpu_common and fw_cfg matches, a changed size is named"
else
	fail "qemu-desc-compare.py on testsuite/wire/qemu-desc: $(cat "$tmp/compare.err" 2>/dev/null)"
fi

# The official SARIF validator, when installed (npm install -g @microsoft/sarif-multitool).
# Twice: as the runtime dumps give it (no source places: whole-dump regions), and with
# source places as vmstate-extract writes them ("../hw/x.c:LINE:COL").
python3 - "$tmp" <<'PY'
import json, sys
tmp = sys.argv[1]
for v in ("v1", "v2"):
    d = json.load(open(f"{tmp}/{v}.json"))
    for n, desc in enumerate(d["descriptions"].values(), 1):
        unit = "../hw/" + desc["name"].replace("/", "-") + ".c"
        desc["loc"] = f"{unit}:{n}:1"
        for i, f in enumerate(desc["fields"] or []):
            f["loc"] = f"{unit}:{n * 100 + i}:9"
    json.dump(d, open(f"{tmp}/{v}-loc.json", "w"))
PY
"$checker" --wire -s "$tmp/v1-loc.json" -d "$tmp/v2-loc.json" --benign --format=sarif \
	-o "$tmp/out-loc.sarif"

# Waivers (docs/waivers.md, waive-wire records).  Suggestions first: format 3, one
# record per finding shown, none loads until its reason is filled in.
"$checker" --wire -s "$tmp/v1.json" -d "$tmp/v2.json" --suggest-waivers "$tmp/sugg" >/dev/null
rc=$?
nrec=$(grep -c '^waive-wire kind=.* reason=""$' "$tmp/sugg")
"$checker" --wire -s "$tmp/v1.json" -d "$tmp/v2.json" >"$tmp/plain.text"
nshown=$(grep -c '\[vmstate-' "$tmp/plain.text")
# The unwaived counts, which the waived summaries below are checked against.
read -r nbreak nreview nbenign nsect <<EOT
$(tail -1 "$tmp/plain.text" | sed -n 's/^vmstate-check: \([0-9]*\) breaking, \([0-9]*\) to review, \([0-9]*\) benign .*, in \([0-9]*\) sections$/\1 \2 \3 \4/p')
EOT
"$checker" --wire -s "$tmp/v1.json" -d "$tmp/v2.json" --waivers "$tmp/sugg" >"$tmp/out" 2>"$tmp/err"
rc2=$?
if [ "$rc" -eq 12 ] && grep -qx 'vmstate-waivers 3' "$tmp/sugg" && [ "$nrec" -eq "$nshown" ] &&
	[ "$rc2" -eq 1 ] && [ ! -s "$tmp/out" ] &&
	grep -qx "$tmp/sugg:5:[0-9]*: error: a waiver needs a reason=\"...\" that says why the difference is accepted" "$tmp/err"; then
	pass "--suggest-waivers: format 3, $nrec waive-wire records for $nshown findings shown; an empty reason does not load (exit status 1)"
else
	fail "--suggest-waivers: status $rc, $nrec records for $nshown findings; with them: status $rc2, $(cat "$tmp/err")"
fi
sed 's/reason=""/reason="accepted in the test"/' "$tmp/sugg" >"$tmp/all.w"
"$checker" --wire -s "$tmp/v1.json" -d "$tmp/v2.json" --waivers "$tmp/all.w" >"$tmp/out" 2>"$tmp/err"
rc=$?
if [ "$rc" -eq 0 ] && ! grep -q '\[vmstate-' "$tmp/out" && [ ! -s "$tmp/err" ] &&
	grep -qx "vmstate-check: 0 breaking, 0 to review, $nbenign benign (not shown: --benign), $nshown waived, in $nsect sections" "$tmp/out"; then
	pass "suggestions filled in: every finding waived, none printed, \"$nshown waived\", no stale record, exit status 0"
else
	fail "suggestions filled in: exit status $rc, report: $(tail -1 "$tmp/out"), stderr: $(cat "$tmp/err")"
fi

# One record for xcr0 (breaks both ways), one stale (PIIX3 is in both dumps and has no
# field-added finding), one for a section in neither dump (another target: not stale),
# one reference record (not this mode's: not stale).
cat >"$tmp/some.w" <<'W'
vmstate-waivers 3
waive-wire kind=field-added section="cpu" field="xcr0" reason="xcr0 is new in v2; both use the v2 machine"
waive-wire kind=field-added section="PIIX3" reason="nothing like it"
waive-wire kind=all section="arm-*" reason="another target"
waive kind=size section="cpu" reason="a reference record"
W
"$checker" --wire -s "$tmp/v1.json" -d "$tmp/v2.json" --waivers "$tmp/some.w" >"$tmp/out" 2>"$tmp/err"
rc=$?
if [ "$rc" -eq 12 ] && ! grep -q '"xcr0".*vmstate-field-added' "$tmp/out" &&
	grep -qx "vmstate-check: $((nbreak - 1)) breaking, $nreview to review, $nbenign benign (not shown: --benign), 1 waived, in $nsect sections" "$tmp/out" &&
	[ "$(cat "$tmp/err")" = "$tmp/some.w:3: warning: stale waiver: no wire field-added finding in section \"PIIX3\" (reason: nothing like it)" ]; then
	pass "one finding waived (not printed, \"1 waived\"), one stale record warned about, other targets' and reference records not stale, exit status 12"
else
	fail "one waiver: exit status $rc, summary: $(tail -1 "$tmp/out"), stderr: $(cat "$tmp/err")"
fi

# Every breaking finding waived (by description, any section): only review is left.
"$checker" --wire -s "$tmp/v1.json" -d "$tmp/v2.json" --format=json -o "$tmp/r.json"
python3 - "$tmp/r.json" >"$tmp/breaks.w" <<'PY'
import json, sys
print("vmstate-waivers 3")
for f in json.load(open(sys.argv[1]))["findings"]:
    if f["severity"] == "breaks":
        field = f' field="{f["field"]}"' if f["field"] else ""
        print(f'waive-wire kind={f["kind"]} section="*" description="{f["description"]}"{field} reason="r"')
PY
"$checker" --wire -s "$tmp/v1.json" -d "$tmp/v2.json" --waivers "$tmp/breaks.w" >"$tmp/out" 2>"$tmp/err"
rc=$?
if [ "$rc" -eq 4 ] && [ ! -s "$tmp/err" ] &&
	grep -qx "vmstate-check: 0 breaking, $nreview to review, $nbenign benign (not shown: --benign), $nbreak waived, in $nsect sections" "$tmp/out"; then
	pass "every breaking finding waived: exit status 4 (review only)"
else
	fail "breaking findings waived: exit status $rc (expected 4), summary: $(tail -1 "$tmp/out"), stderr: $(cat "$tmp/err")"
fi

# A record for a finding seen only backward (tpci2002 is a section only the new version
# has, for a device the old one has too) is used, not stale, when only the forward
# direction is checked.
printf 'vmstate-waivers 3\nwaive-wire kind=device-section-added section="tpci2002" reason="r"\n' >"$tmp/bwd.w"
"$checker" --wire -s "$tmp/v1.json" -d "$tmp/v2.json" --direction=forward --waivers "$tmp/bwd.w" \
	>"$tmp/out" 2>"$tmp/err"
if [ ! -s "$tmp/err" ] && grep -q ", 0 waived, in $nsect sections$" "$tmp/out"; then
	pass "--direction=forward: a record used only backward is not stale"
else
	fail "--direction=forward with a backward record: stderr: $(cat "$tmp/err"), summary: $(tail -1 "$tmp/out")"
fi

# JSON marks waived findings with their record and reason, SARIF suppresses them with the
# reason as justification, GitLab leaves them out.
for fmt in json sarif gitlab; do
	"$checker" --wire -s "$tmp/v1-loc.json" -d "$tmp/v2-loc.json" --benign --format=$fmt \
		--waivers "$tmp/some.w" -o "$tmp/waived.$fmt" 2>/dev/null
	"$checker" --wire -s "$tmp/v1-loc.json" -d "$tmp/v2-loc.json" --benign --format=$fmt \
		-o "$tmp/unwaived.$fmt"
done
python3 - "$tmp" "$tmp/some.w" >"$tmp/waived.msg" <<'PY'
import json, sys
tmp, wfile = sys.argv[1], sys.argv[2]
j, u = json.load(open(f"{tmp}/waived.json")), json.load(open(f"{tmp}/unwaived.json"))
marked = [f for f in j["findings"] if f["waived"]]
sarif = json.load(open(f"{tmp}/waived.sarif"))["runs"][0]["results"]
supp = [r for r in sarif if "suppressions" in r]
gl, ugl = json.load(open(f"{tmp}/waived.gitlab")), json.load(open(f"{tmp}/unwaived.gitlab"))
reason = "xcr0 is new in v2; both use the v2 machine"
checks = {
    "json: one finding marked": len(marked) == 1 and marked[0]["kind"] == "field-added"
        and marked[0]["field"] == "xcr0"
        and marked[0]["waived"] == {"waiver": f"{wfile}:2", "reason": reason},
    "json: the others null": all(f["waived"] is None for f in j["findings"] if f not in marked),
    "json: still every finding": len(j["findings"]) == len(u["findings"]),
    "json: summary": j["summary"]["waived"] == 1
        and j["summary"]["breaks"] == u["summary"]["breaks"] - 1 and "waived" not in u["summary"],
    "sarif: one suppressed": len(supp) == 1 and supp[0]["ruleId"] == "vmstate-field-added"
        and supp[0]["suppressions"][0]["kind"] == "external"
        and supp[0]["suppressions"][0]["justification"] == reason,
    "gitlab: left out": len(gl) == len(ugl) - 1,
}
bad = [k for k, ok in checks.items() if not ok]
print(", ".join(bad) if bad else "json marks the waived finding with its record and reason, "
      "sarif suppresses it (external, the reason as justification), gitlab leaves it out")
sys.exit(1 if bad else 0)
PY
status=$? msg=$(cat "$tmp/waived.msg")
if [ $status -eq 0 ]; then pass "$msg"; else fail "waived findings in json, sarif, gitlab: ${msg:-the check did not run to its end}"; fi

# What the wire rules say of padding and of a rename under another test, with the
# places: the member that loads the padding's zeros is named, at its own place, and a
# rename whose field_exists function changed names both functions (docs/wire-rules.md,
# rules 3 and 4).  Outcomes alone are checked against real loads by check-vmstate-src.
"$checker" --wire -s "$tmp/v1-loc.json" -d "$tmp/v2-loc.json" --benign --format=json \
	-o "$tmp/out-loc.json"
if python3 - "$tmp" >"$tmp/rules.msg" <<'PY'
import json, sys
tmp = sys.argv[1]
report = json.load(open(f"{tmp}/out-loc.json"))
dumps = {v: json.load(open(f"{tmp}/{v}-loc.json")) for v in ("v1", "v2")}
def field_loc(v, desc, field):
    d = next(d for d in dumps[v]["descriptions"].values() if d["name"] == desc)
    loc = next(f["loc"] for f in d["fields"] if f["name"] == field)
    file, line, col = loc.rsplit(":", 2)
    return {"file": file, "line": int(line), "column": int(col)}
def finding(section):
    (f,) = [f for f in report["findings"] if f["sections"] == [section]]
    return f
bad = []
f = finding("wire-padding")
if (f["kind"], f["severity"], f["outcomes"]) != ("padding", "review",
        {"old-to-new": "loads", "new-to-old": "depends"}) \
        or f["old_loc"] != field_loc("v1", "wire-padding", "legacy") \
        or 'the old version loads zeros (the padding) into "legacy"' not in f["message"]:
    bad.append(f"padding replacing \"legacy\": {f}")
f = finding("wire-padding-reused")
if (f["kind"], f["severity"], f["outcomes"]) != ("padding", "review",
        {"old-to-new": "depends", "new-to-old": "loads"}) \
        or f["new_loc"] != field_loc("v2", "wire-padding-reused", "extra") \
        or 'the new version loads zeros (the padding) into "extra"' not in f["message"]:
    bad.append(f"padding given to \"extra\": {f}")
f = finding("wire-rename-test")
if (f["kind"], f["severity"], f["outcomes"]) != ("field-exists", "review",
        {"old-to-new": "depends", "new-to-old": "depends"}) \
        or "field_exists:wire-rename-test.serial_no()" not in f["message"] \
        or "was by field_exists:wire-rename-test.serial()" not in f["message"] \
        or f["old_loc"] != field_loc("v1", "wire-rename-test", "serial") \
        or f["new_loc"] != field_loc("v2", "wire-rename-test", "serial_no"):
    bad.append(f"rename under another test: {f}")
print("; ".join(bad))
sys.exit(1 if bad else 0)
PY
then
	pass "padding's zeros name the member that takes them, at its place (both ways); a rename under another field_exists names both tests (review)"
else
	fail "wire rules on padding and renames: $(cat "$tmp/rules.msg")"
fi

# A field renamed next to padding that stays is a rename: padding never aligns by name,
# and the same padding at the end of both runs is no part of the change (make migtest
# found mc146818rtc's cmos_index, before VMSTATE_UNUSED, reported as "padding").  On
# the example tree: wire-padding-reused's fields count, unused, flags.
python3 - "$tmp" <<'PY'
import json, sys
tmp = sys.argv[1]
d = json.load(open(f"{tmp}/v1.json"))
# wire-padding-reused's "count", just before its padding.
fields = [x["fields"] for x in d["descriptions"].values()
          if [f["name"] for f in x.get("fields") or []] == ["count", "unused", "flags"]]
assert len(fields) == 1, "count, unused, flags"
fields[0][0]["name"] = "count_renamed"
json.dump(d, open(f"{tmp}/v1-renamed.json", "w"))
PY
"$checker" --wire --benign -s "$tmp/v1.json" -d "$tmp/v1-renamed.json" --format=json >"$tmp/renamed.json"
rc=$?
got=$(python3 -c 'import json, sys
r = json.load(open(sys.argv[1]))["findings"]
print(" ".join(":".join((f["kind"], f["severity"], f["field"])) for f in r))' "$tmp/renamed.json")
if [ "$rc" -eq 0 ] && [ "$got" = "field-renamed:benign:count_renamed" ]; then
	pass "a field renamed next to unchanged padding is one benign rename, exit status 0"
else
	fail "rename next to padding: exit status $rc, findings: $got"
fi

# A stub's all-zero description (no name, no fields) on both sides is the same: no
# finding (QEMU 10.0's aarch64 links only acpi-cpu-hotplug-stub.c's vmstate_cpu_hotplug,
# which acpi-ged's cpuhp subsection names); against a real one it cannot be compared.
python3 - "$tmp" <<'PY'
import json, sys
tmp = sys.argv[1]
d = json.load(open(f"{tmp}/v1.json"))
ids = [k for k, x in d["descriptions"].items() if [f["name"] for f in x.get("fields") or []] == ["count", "unused", "flags"]]
assert len(ids) == 1
x = d["descriptions"][ids[0]]
x["name"] = {"unknown": "the description has no name (defined without an initializer, as a stub)",
             "loc": "../stub.c:7:26", "context": ids[0]}
x["symbol"] = "vmstate_stub"  # as vmstate-extract writes it (the runtime dumps have none)
x["fields"] = None
x["subsections"] = None
json.dump(d, open(f"{tmp}/v1-stub.json", "w"))
PY
"$checker" --wire --benign -s "$tmp/v1-stub.json" -d "$tmp/v1-stub.json" >"$tmp/stub-same.txt"
rc=$?
"$checker" --wire --benign -s "$tmp/v1.json" -d "$tmp/v1-stub.json" --format=json >"$tmp/stub-diff.json"
rc2=$?
kinds=$(python3 -c 'import json, sys
print(" ".join(f["kind"] for f in json.load(open(sys.argv[1]))["findings"]))' "$tmp/stub-diff.json")
if [ "$rc" -eq 0 ] && grep -q '^vmstate-check: 0 breaking, 0 to review, 0 benign' "$tmp/stub-same.txt" &&
	[ "$rc2" -eq 4 ] && [ "$kinds" = "unknown" ]; then
	pass "the same stub description on both sides: no finding; against a real one: unknown (review)"
else
	fail "stub descriptions: exit status $rc ($(tail -1 "$tmp/stub-same.txt")) and $rc2 ($kinds)"
fi

# A section the new version adds for a device type the old program has too ("devices")
# is device-section-added, with its outcome's severity: the old version cannot load it
# (QEMU 10.0's ramfb-dev for 7.2's ramfb).  Without "devices" (an older writer), or for
# a type the old program does not have, it stays section-added, benign.
python3 - "$tmp" <<'PY'
import json, sys
tmp = sys.argv[1]
d = json.load(open(f"{tmp}/v1.json"))
d["sections"] = [s for s in d["sections"] if s["name"] != "pflash_cfi01"]
d.pop("devices", None)
json.dump(d, open(f"{tmp}/v1-nodesc.json", "w"))
d["devices"] = ["cfi.pflash01", "other-type"]
json.dump(d, open(f"{tmp}/v1-nodesc-devices.json", "w"))
d["devices"] = ["other-type"]
json.dump(d, open(f"{tmp}/v1-nodesc-other.json", "w"))
PY
got=
for old in nodesc-devices nodesc nodesc-other; do
	"$checker" --wire --benign -s "$tmp/v1-$old.json" -d "$tmp/v1.json" --format=json >"$tmp/devsec.json"
	got="$got $?:$(python3 -c 'import json, sys
r = json.load(open(sys.argv[1]))["findings"]
print(",".join(":".join((f["kind"], f["severity"], f["outcomes"]["new-to-old"])) for f in r))' "$tmp/devsec.json")"
done
if [ "$got" = " 8:device-section-added:breaks:fails 0:section-added:benign:fails 0:section-added:benign:fails" ]; then
	pass "a section added for a device the old program has breaks (device-section-added); for a new device, or without \"devices\", benign"
else
	fail "sections added for old devices: $got"
fi

validate() {
	rm -f "$tmp/validation.sarif"
	sarif-multitool validate "$1" -o "$tmp/validation.sarif" >"$tmp/validate.log" 2>&1 &&
		python3 -c 'import json,sys
r = json.load(open(sys.argv[1], encoding="utf-8-sig"))["runs"][0]["results"]
for x in r: print(x.get("ruleId"), x.get("level", "warning"), x["message"])
sys.exit(1 if r else 0)' "$tmp/validation.sarif" >"$tmp/validation.txt"
}

if command -v sarif-multitool >/dev/null 2>&1 && sarif-multitool --version >/dev/null 2>&1; then
	tool=$(sarif-multitool --version 2>&1 | grep -m1 -o 'SARIF Multitool [^+]*')
	for f in out.sarif out-loc.sarif waived.sarif; do
		if validate "$tmp/$f"; then
			pass "SARIF output ($f) accepted by $tool validate: no error or warning"
		else
			fail "SARIF output ($f) rejected by sarif-multitool validate:"
			cat "$tmp/validate.log" "$tmp/validation.txt" >&2
		fi
	done
else
	skip "SARIF validation: no working sarif-multitool" \
		"(npm install -g --allow-scripts=@microsoft/sarif-multitool-linux @microsoft/sarif-multitool)"
fi
harness_end
