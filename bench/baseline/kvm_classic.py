#!/usr/bin/env python3
"""Baseline for the kvm benchmark: the classic perf-script kvm exit latency recipe, written the
straightforward way, reading ftrace `trace` text instead of perf's event callbacks.

Pairs each kvm_exit with the next kvm_entry on the same CPU, keys the latency by exit reason and
CPU, prints a log2 histogram per reason with buckets [2^i, 2^(i+1)) ns, and every exit longer
than 1 ms that is not HLT.

usage: kvm_classic.py TRACE.txt
"""
import sys
import time
from collections import defaultdict


def main(path):
    pending = {}                                   # cpu -> (ts_ns, reason)
    hist = defaultdict(lambda: defaultdict(int))   # reason -> bucket -> count
    per_cpu = defaultdict(int)                     # (reason, cpu) -> count
    outliers = []
    with open(path, "r", errors="replace") as f:
        for line in f:
            if line.startswith("#"):
                continue
            close = line.find("]")
            if close < 0:
                continue
            cpu = int(line[line.rfind("[", 0, close) + 1:close])
            rest = line[close + 1:].split(None, 3)   # flags, "ts:", "event:", payload
            if len(rest) < 3:
                continue
            if rest[0].endswith(":"):                # no flags column
                rest = ["", rest[0]] + rest[1:]
            event = rest[2]
            if event == "kvm_exit:":
                ts = rest[1][:-1]
                sec, frac = ts.split(".")
                ns = int(sec) * 1000000000 + int(frac.ljust(9, "0"))
                payload = rest[3]
                reason = payload.split(" reason ", 1)[1].split(" rip ", 1)[0]
                pending[cpu] = (ns, reason)
            elif event == "kvm_entry:":
                if cpu not in pending:
                    continue
                ts = rest[1][:-1]
                sec, frac = ts.split(".")
                ns = int(sec) * 1000000000 + int(frac.ljust(9, "0"))
                start, reason = pending.pop(cpu)
                d = ns - start
                bucket = d.bit_length() - 1 if d > 0 else -1
                hist[reason][bucket] += 1
                per_cpu[(reason, cpu)] += 1
                if d > 1000000 and reason != "HLT":
                    outliers.append((start, cpu, reason, d))
    for reason in sorted(hist):
        print("\n%s" % reason)
        print("%24s : %-10s" % ("ns", "count"))
        for b in sorted(hist[reason]):
            lo = 0 if b < 0 else 1 << b
            hi = 1 if b < 0 else 1 << (b + 1)
            print("%10d -> %-10d : %d" % (lo, hi - 1, hist[reason][b]))
    print("\nexits longer than 1 ms (HLT excluded): %d" % len(outliers))
    for start, cpu, reason, d in outliers[:50]:
        print("%d.%09d cpu %d %s %d ns" % (start // 1000000000, start % 1000000000, cpu, reason, d))
    print("# process CPU time: %.2f s" % time.process_time())


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
