#!/usr/bin/env python3
"""Cuts a real QEMU binary simpletrace (log version 4) down to its first N event records plus the
id->name mapping records of the events they use, and writes the trace-events lines of those events
(taken from a trace-events-all file) next to it. Layout: QEMU trace/simple.c.

usage: shrink-simpletrace.py TRACE TRACE-EVENTS-ALL OUT-TRACE OUT-TRACE-EVENTS [N]
"""
import struct
import sys

src = open(sys.argv[1], 'rb').read()
n_keep = int(sys.argv[5]) if len(sys.argv) > 5 else 40
hid, magic, version = struct.unpack('<QQQ', src[:24])
assert hid == 0xffffffffffffffff and magic == 0xf2b177cb0aa429b4 and version == 4
pos, names, events = 24, {}, []
while pos < len(src) and len(events) < n_keep:
    (rectype,) = struct.unpack('<Q', src[pos:pos + 8])
    if rectype == 0:
        eid, ln = struct.unpack('<QI', src[pos + 8:pos + 20])
        names[eid] = (src[pos:pos + 20 + ln], src[pos + 20:pos + 20 + ln].decode())
        pos += 20 + ln
    else:
        eid, ts, length, pid = struct.unpack('<QQII', src[pos + 8:pos + 32])
        events.append((eid, src[pos:pos + 8 + length]))
        pos += 8 + length
used = []
for eid, _ in events:
    if eid in names and eid not in used:
        used.append(eid)
with open(sys.argv[3], 'wb') as out:
    out.write(src[:24])
    for eid in used:
        out.write(names[eid][0])
    for _, rec in events:
        out.write(rec)
wanted = {names[e][1] for e in used}
with open(sys.argv[4], 'w') as out:
    for line in open(sys.argv[2]):
        words = line.split('(')[0].split()
        if words and words[-1] in wanted:
            out.write(line)
