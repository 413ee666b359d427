#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Checks that each FILE is in -dump-vmstate's exact layout: re-prints the parsed dump the
way QEMU's migration/savevm.c prints one (indentation, key order, separators) and compares
byte for byte.  Run on a real QEMU dump it checks this script; on a runtime dump of the
example tree it checks the tree's dumper.  Exit status: 0 all match, 1 otherwise."""
import json
import sys


def desc(d, ind, inlist, out):
    out.append(' '*ind + ('{' if inlist else '"Description": {') + '\n')
    ind += 2
    out.append(' '*ind + '"name": "%s",\n' % d['name'])
    out.append(' '*ind + '"version_id": %d,\n' % d['version_id'])
    out.append(' '*ind + '"minimum_version_id": %d' % d['minimum_version_id'])
    if 'Fields' in d:
        out.append(',\n' + ' '*ind + '"Fields": [\n')
        for i, f in enumerate(d['Fields']):
            if i: out.append(',\n')
            fi = ind + 4
            out.append(' '*(ind+2) + '{\n')
            out.append(' '*fi + '"field": "%s",\n' % f['field'])
            out.append(' '*fi + '"version_id": %d,\n' % f['version_id'])
            out.append(' '*fi + '"field_exists": %s,\n' % ('true' if f['field_exists'] else 'false'))
            if 'num' in f: out.append(' '*fi + '"num": %d,\n' % f['num'])
            out.append(' '*fi + '"size": %d' % f['size'])
            if 'Description' in f:
                out.append(',\n'); desc(f['Description'], fi, False, out)
            out.append('\n' + ' '*(ind+2) + '}')
        out.append('\n' + ' '*ind + ']')
    if 'Subsections' in d:
        out.append(',\n' + ' '*ind + '"Subsections": [\n')
        for i, s in enumerate(d['Subsections']):
            if i: out.append(',\n')
            desc(s, ind+2, True, out)
        out.append('\n' + ' '*ind + ']')
    out.append('\n' + ' '*(ind-2) + '}')



def layout(data):
    out = ['{\n', '  "vmschkmachine": {\n',
           '    "Name": "%s"\n' % data['vmschkmachine']['Name'], '  },\n']
    first = True
    for k, s in data.items():
        if k == 'vmschkmachine':
            continue
        if not first:
            out.append(',\n')
        out.append('  "%s": {\n    "Name": "%s",\n    "version_id": %d,\n'
                   '    "minimum_version_id": %d,\n'
                   % (k, s['Name'], s['version_id'], s['minimum_version_id']))
        desc(s['Description'], 4, False, out)
        out.append('\n  }')
        first = False
    out.append('\n}\n')
    return ''.join(out)


def main():
    status = 0
    for path in sys.argv[1:]:
        with open(path) as f:
            text = f.read()
        try:
            again = layout(json.loads(text))
        except (ValueError, KeyError, TypeError) as e:
            print('%s: error: not a dump: %s' % (path, e), file=sys.stderr)
            status = 1
            continue
        if again != text:
            a, b = text.splitlines(), again.splitlines()
            n = next((i for i in range(min(len(a), len(b))) if a[i] != b[i]), min(len(a), len(b)))
            print('%s:%d: error: not in -dump-vmstate layout: expected %r' %
                  (path, n + 1, b[n] if n < len(b) else '<end of file>'), file=sys.stderr)
            status = 1
    return status


if __name__ == '__main__':
    sys.exit(main())
