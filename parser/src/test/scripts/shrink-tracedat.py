#!/usr/bin/env python3
"""Shrinks a real trace-cmd trace.dat (file version 6) to a few kilobytes for fuzz seeds and the
malformed corpus: keeps the header, header_page/header_event, the formats of the events that occur
in the kept pages, the options, and the first PAGES pages of every CPU of every buffer; kallsyms and
trace_printk formats are emptied and saved cmdlines cut to the pids seen. Layout as read by
DatFileReader (trace-cmd's trace-cmd.dat.v6 document).

usage: shrink-tracedat.py IN.dat OUT.dat [PAGES]
"""
import re
import struct
import sys

src = open(sys.argv[1], 'rb').read()
pages_kept = int(sys.argv[3]) if len(sys.argv) > 3 else 1
pos = 0


def take(n):
    global pos
    b = src[pos:pos + n]
    pos += n
    return b


def cstring():
    global pos
    e = src.index(b'\0', pos)
    s = src[pos:e]
    pos = e + 1
    return s


magic = take(10)
version = cstring()
assert version == b'6', 'only file version 6 is shrunk (convert v7 with trace-cmd convert --file-version 6)'
endian, long_size = take(1)[0], take(1)[0]
E = '>' if endian else '<'
u16 = lambda: struct.unpack(E + 'H', take(2))[0]
u32 = lambda: struct.unpack(E + 'I', take(4))[0]
u64 = lambda: struct.unpack(E + 'Q', take(8))[0]
page_size = u32()
hp_tag = take(12); hp = take(u64())
he_tag = take(13); he = take(u64())
ftrace = [take(u64()) for _ in range(u32())]
systems = []
for _ in range(u32()):
    name = cstring()
    systems.append((name, [take(u64()) for _ in range(u32())]))
kallsyms = take(u32())
printk = take(u32())
cmdlines = take(u64())
cpus = u32()
options = []
if src[pos:pos + 10] == b'options  \0':
    take(10)
    while True:
        oid = u16()
        if oid == 0:
            break
        options.append((oid, take(u32())))
assert take(10) == b'flyrecord\0'
tables = [('', [(u64(), u64()) for _ in range(cpus)])]
for oid, body in options:
    if oid == 3:  # OPT_BUFFER: u64 table offset, name
        off = struct.unpack(E + 'Q', body[:8])[0]
        pos = off
        assert take(10) == b'flyrecord\0'
        tables.append((body[8:].split(b'\0')[0], [(u64(), u64()) for _ in range(cpus)]))

# the commit field is a long; records follow the 8 + long_size byte page header
def records(page):
    commit = struct.unpack(E + ('Q' if long_size == 8 else 'I'), page[8:8 + long_size])[0] & 0x3fffffff
    p, end = 8 + long_size, 8 + long_size + commit
    while p + 4 <= end:
        h = struct.unpack(E + 'I', page[p:p + 4])[0]
        tl = (h >> 27) if E == '>' else (h & 31)
        if tl == 29:
            if p + 8 > end: break
            p += 4 + struct.unpack(E + 'I', page[p + 4:p + 8])[0]
        elif tl in (30, 31):
            p += 8
        else:
            if tl == 0:
                ln = struct.unpack(E + 'I', page[p + 4:p + 8])[0] - 4
                off = p + 8
            else:
                ln, off = tl * 4, p + 4
            yield page[off:off + ln]
            p = off + ln

kept = {}
ids, pids = set(), set()
for name, table in tables:
    kept[name] = []
    for off, size in table:
        data = src[off:off + min(size, pages_kept * page_size)]
        kept[name].append(data)
        for k in range(0, len(data), page_size):
            for r in records(data[k:k + page_size]):
                if len(r) >= 8:
                    ids.add(struct.unpack(E + 'H', r[:2])[0])
                    pids.add(struct.unpack(E + 'i', r[4:8])[0])

fmt_id = lambda t: int(re.search(rb'\nID: (\d+)', t).group(1))
ftrace = [t for t in ftrace if fmt_id(t) in ids]
systems = [(n, [t for t in l if fmt_id(t) in ids]) for n, l in systems]
systems = [(n, l) for n, l in systems if l]
cmdlines = b''.join(l + b'\n' for l in cmdlines.split(b'\n') if l and int(l.split(b' ')[0]) in pids)

P16 = lambda v: struct.pack(E + 'H', v)
P32 = lambda v: struct.pack(E + 'I', v)
P64 = lambda v: struct.pack(E + 'Q', v)
out = bytearray(magic + b'6\0' + bytes([endian, long_size]) + P32(page_size))
out += hp_tag + P64(len(hp)) + hp + he_tag + P64(len(he)) + he
out += P32(len(ftrace)) + b''.join(P64(len(t)) + t for t in ftrace)
out += P32(len(systems))
for n, l in systems:
    out += n + b'\0' + P32(len(l)) + b''.join(P64(len(t)) + t for t in l)
out += P32(0) + P32(0) + P64(len(cmdlines)) + cmdlines + P32(cpus)
# buffer options point at their own flyrecord table: lay the tables out after the main one
buffer_opts = [o for o in options if o[0] == 3]
other_opts = [o for o in options if o[0] != 3]
opt_bytes = lambda bufoffs: b'options  \0' + b''.join(P16(i) + P32(len(b)) + b for i, b in other_opts) + b''.join(
    P16(3) + P32(8 + len(n) + 1) + P64(o) + n + b'\0' for (n, o) in bufoffs) + P16(0)
names = [n for n, _ in tables[1:]]
head_len = len(out) + len(opt_bytes([(n, 0) for n in names])) + 10 + 16 * cpus
table_pos = []
cur = head_len
for n in names:
    table_pos.append((n, cur))
    cur += 10 + 16 * cpus
data_pos = cur
layout = []
for name, _ in tables:
    entries = []
    for data in kept[name]:
        entries.append((data_pos if data else 0, len(data)))
        data_pos += len(data)
    layout.append(entries)
out += opt_bytes(table_pos) + b'flyrecord\0' + b''.join(P64(o) + P64(s) for o, s in layout[0])
for entries in layout[1:]:
    out += b'flyrecord\0' + b''.join(P64(o) + P64(s) for o, s in entries)
assert len(out) == data_pos - sum(len(d) for n, _ in tables for d in kept[n])
for name, _ in tables:
    for data in kept[name]:
        out += data
open(sys.argv[2], 'wb').write(out)
