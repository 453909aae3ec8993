package dev.virtscope.analysis.kvm;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import dev.virtscope.analysis.latency.Latencies;
import dev.virtscope.analysis.latency.LostMarkers;
import dev.virtscope.decode.kvm.KvmAccess;
import dev.virtscope.decode.kvm.KvmEntry;
import dev.virtscope.store.EventStore;
import dev.virtscope.store.LongIntMap;
import dev.virtscope.store.Payload;

/**
 * {@code perf kvm stat report --event vmexit|ioport|msr|mmio} on a store, with perf's pairing rules
 * (tools/perf/arch/x86/util/kvm-stat.c):
 * <ul>
 * <li>vmexit: kvm_exit → next kvm_entry of the vCPU thread, keyed by exit reason ({@link KvmExits});</li>
 * <li>ioport: kvm_pio → next kvm_entry, key {@code port:POUT|PIN};</li>
 * <li>msr: kvm_msr → next kvm_entry, key {@code index:W|R};</li>
 * <li>mmio: a read starts at the kvm_exit and ends at the kvm_mmio read, a write starts at the kvm_mmio
 *     write and ends at the kvm_entry; key {@code gpa:R|W}. An exit that is followed by kvm_entry without
 *     any kvm_mmio is not an MMIO access and is not counted.</li>
 * </ul>
 * Unlike perf, a begin/end pair is not made across a lost-events marker; those are counted as unpaired.
 */
public final class KvmStat {
    public enum Event { VMEXIT, IOPORT, MSR, MMIO;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Event parse(String s) {
            return valueOf(s.toUpperCase(Locale.ROOT));
        }
    }

    /** Row grouping: by the event's own key (reason, port, MSR, gpa), or by vCPU, or by host CPU. */
    public enum By { KEY, VCPU, CPU }

    private KvmStat() {
    }

    public static StatTable vmexit(KvmExits k, int vcpuFilter, By by) {
        if (vcpuFilter < 0) {
            // the whole trace: the groups the histograms use, each group's summary made once for both
            ExitGroups eg = k.groups(by);
            if (eg.exact) {
                int groups = eg.groups();
                String[] names = new String[groups];
                Latencies[] slices = new Latencies[groups];
                for (int g = 0; g < groups; g++) {
                    int key = g - 1;
                    slices[g] = eg.of(key);
                    if (slices[g].size() == 0) continue;
                    names[g] = by == By.KEY ? k.reasonNameOfId(key) : Integer.toString(key);
                }
                return StatTable.ofGroups("vmexit", names, slices, k.size() - k.paired());
            }
        }
        int n = 0;
        int[] group = new int[k.size()];
        long[] dur = new long[k.size()];
        Grouper g = new Grouper();
        for (int r = 0; r < k.size(); r++) {
            if (!k.paired(r) || (vcpuFilter >= 0 && k.vcpu(r) != vcpuFilter)) continue;
            group[n] = switch (by) {
                case VCPU -> g.byNumber(k.vcpu(r));
                case CPU -> g.byNumber(k.cpu(r));
                default -> g.byReason(k, k.reasonId(r));
            };
            dur[n++] = k.durationNs(r);
        }
        long unpaired = 0;
        for (int r = 0; r < k.size(); r++) if (!k.paired(r) && (vcpuFilter < 0 || k.vcpu(r) == vcpuFilter)) unpaired++;
        return StatTable.build("vmexit", group, dur, n, g.names(), unpaired);
    }

    public static StatTable report(EventStore s, KvmExits exits, Event e, int vcpuFilter, By by) {
        if (e == Event.VMEXIT) return vmexit(exits, vcpuFilter, by);
        if (exits != null && exits.store() == s && (e == Event.MSR || e == Event.IOPORT)) return accesses(exits, e, vcpuFilter, by);
        return accesses(s, e, vcpuFilter, by);
    }

    /**
     * The ioport or msr table from the accesses the pairing sweep of {@code k} already paired (same rules
     * and result as {@link #accesses(EventStore, Event, int, By)}, without reading a payload again).
     */
    public static StatTable accesses(KvmExits k, Event e, int vcpuFilter, By by) {
        if (e != Event.MSR && e != Event.IOPORT) throw new IllegalArgumentException("only msr and ioport pairs are kept: " + e);
        EventStore s = k.store();
        AccessPairs a = e == Event.MSR ? k.msrPairs : k.pioPairs;
        LostMarkers lost = new LostMarkers(s.lost());
        boolean anyLost = !lost.isEmpty();
        ThreadSlots slots = new ThreadSlots(s);
        Grouper g = new Grouper();
        int[] group = new int[a.size];
        long[] dur = new long[a.size];
        int n = 0;
        long unpaired = 0;
        Payload p = new Payload();
        KvmEntry en = new KvmEntry();
        // group of the latest row, per distinct key and direction: accesses repeat a few MSRs and ports
        long lastPacked = -1;
        int lastGroup = -1;
        for (int j = 0; j < a.size; j++) {
            int b = a.begin[j], i = a.end[j];
            long t0 = s.ts(b), t1 = s.ts(i);
            if (anyLost && (lost.crosses(s.cpu(b), t0, t1) || lost.crosses(s.cpu(i), t0, t1))) {
                unpaired++;
                continue;
            }
            int vcpu = vcpuOf(s, i, slots.task(slots.of(i)), true, p, en);
            if (vcpuFilter >= 0 && vcpu != vcpuFilter) continue;
            group[n] = switch (by) {
                case VCPU -> g.byNumber(vcpu);
                case CPU -> g.byNumber(s.cpu(i));
                default -> {
                    long packed = a.key[j] << 1 | (a.write[j] ? 1 : 0);
                    if (packed != lastPacked) {
                        lastGroup = g.byAccess(e, a.key[j], a.write[j]);
                        lastPacked = packed;
                    }
                    yield lastGroup;
                }
            };
            dur[n++] = t1 - t0;
        }
        return StatTable.build(e.id(), group, dur, n, g.names(), unpaired);
    }

    /** ioport, msr and mmio tables, one pass over the events with perf's begin/end rules. */
    public static StatTable accesses(EventStore s, Event e, int vcpuFilter, By by) {
        int exitT = s.typeId("kvm_exit"), entryT = s.typeId("kvm_entry"), pioT = s.typeId("kvm_pio"),
                msrT = s.typeId("kvm_msr"), mmioT = s.typeId("kvm_mmio");
        LostMarkers lost = new LostMarkers(s.lost());
        // the open begin per thread slot: its event index, key and direction
        ThreadSlots slots = new ThreadSlots(s);
        int[] beginIdx = KvmExits.filled(slots.count());
        long[] beginKey = new long[slots.count()];
        boolean[] beginWrite = new boolean[slots.count()];
        int openBegins = 0;
        Grouper g = new Grouper();
        int cap = 1024, n = 0;
        int[] group = new int[cap];
        long[] dur = new long[cap];
        long unpaired = 0;
        Payload p = new Payload();
        KvmAccess a = new KvmAccess();
        KvmEntry en = new KvmEntry();
        int size = s.size();
        for (int i = 0; i < size; i++) {
            int t = s.type(i);
            boolean begin = false, end = false;
            long key = -1;
            boolean write = false;
            if (t == entryT && entryT >= 0) {
                if (openBegins == 0) continue;      // most entries: nothing of this kind is open anywhere
                end = true;
            }
            else if (e == Event.IOPORT && t == pioT && pioT >= 0) {
                PayloadText.of(s, i, p);
                if (!a.parsePio(p.bytes, p.start, p.end)) continue;
                begin = true;
                key = a.key;
                write = a.write;
            } else if (e == Event.MSR && t == msrT && msrT >= 0) {
                PayloadText.of(s, i, p);
                if (!a.parseMsr(p.bytes, p.start, p.end)) continue;
                begin = true;
                key = a.key;
                write = a.write;
            } else if (e == Event.MMIO && t == exitT && exitT >= 0) {
                begin = true;
            } else if (e == Event.MMIO && t == mmioT && mmioT >= 0) {
                PayloadText.of(s, i, p);
                if (!a.parseMmio(p.bytes, p.start, p.end)) continue;
                key = a.key;
                write = a.write;
                if (a.mmioType == KvmAccess.MMIO_WRITE) begin = true;
                else if (a.mmioType == KvmAccess.MMIO_READ) end = true;
                else continue;
            } else continue;
            int slot = slots.of(i);
            if (begin) {
                if (beginIdx[slot] < 0) openBegins++;
                beginIdx[slot] = i;
                beginKey[slot] = key;
                beginWrite[slot] = write;
                continue;
            }
            int b = beginIdx[slot];
            if (b < 0) continue;                       // perf: "the begin event is not caught"
            long k = beginKey[slot];
            boolean w = beginWrite[slot];
            beginIdx[slot] = -1;
            openBegins--;
            if (k < 0) {
                if (key < 0) continue;                 // neither end knows the key: not this kind of event
                k = key;
                w = write;
            }
            if (!lost.isEmpty() && (lost.crosses(s.cpu(b), s.ts(b), s.ts(i)) || lost.crosses(s.cpu(i), s.ts(b), s.ts(i)))) {
                unpaired++;
                continue;
            }
            int vcpu = vcpuOf(s, i, slots.task(slot), t == entryT, p, en);
            if (vcpuFilter >= 0 && vcpu != vcpuFilter) continue;
            if (n == cap) {
                cap *= 2;
                group = Arrays.copyOf(group, cap);
                dur = Arrays.copyOf(dur, cap);
            }
            group[n] = switch (by) {
                case VCPU -> g.byNumber(vcpu);
                case CPU -> g.byNumber(s.cpu(i));
                default -> g.byAccess(e, k, w);
            };
            dur[n++] = s.ts(i) - s.ts(b);
        }
        return StatTable.build(e.id(), group, dur, n, g.names(), unpaired);
    }

    /** perf's key text: {@code %#llx:%s} with POUT/PIN for ports, W/R for MSRs and MMIO. */
    static String keyText(Event e, long key, boolean write) {
        String dir = e == Event.IOPORT ? (write ? "POUT" : "PIN") : (write ? "W" : "R");
        return "0x" + Long.toHexString(key) + ":" + dir;
    }

    private static int vcpuOf(EventStore s, int i, int ti, boolean isEntry, Payload p, KvmEntry en) {
        int known = ti < 0 ? -1 : s.tasks().vcpu(ti);
        if (known >= 0) return known;
        if (isEntry) {
            PayloadText.of(s, i, p);
            if (en.parse(p.bytes, p.start, p.end) && en.vcpu >= 0) return (int) en.vcpu;
        }
        return -1;
    }

    /**
     * Dense group ids for row keys. Rows are grouped by number (vCPU, CPU, key and direction) and the
     * key's text is made once per group, not once per row.
     */
    private static final class Grouper {
        private final Map<String, Integer> ids = new HashMap<>();
        private final LongIntMap numbers = new LongIntMap(64);
        private String[] names = new String[16];
        private int[] reasonToGroup = new int[0];

        int byNumber(int v) {
            int gid = numbers.get(v);
            if (gid < 0) numbers.put(v, gid = id(Integer.toString(v)));
            return gid;
        }

        /** Keys are MSR indexes, ports and gpas (&lt; 2^62): the direction goes in bit 0. */
        int byAccess(Event e, long key, boolean write) {
            long packed = key << 1 | (write ? 1 : 0);
            int gid = numbers.get(packed);
            if (gid < 0) numbers.put(packed, gid = id(keyText(e, key, write)));
            return gid;
        }

        int id(String key) {
            Integer v = ids.get(key);
            if (v != null) return v;
            int id = ids.size();
            ids.put(key, id);
            if (id == names.length) names = Arrays.copyOf(names, id * 2);
            names[id] = key;
            return id;
        }

        int byReason(KvmExits k, int reasonId) {
            if (reasonId >= reasonToGroup.length) {
                int old = reasonToGroup.length;
                reasonToGroup = Arrays.copyOf(reasonToGroup, k.reasonCount());
                Arrays.fill(reasonToGroup, old, reasonToGroup.length, -1);
            }
            int gid = reasonToGroup[reasonId];
            if (gid < 0) reasonToGroup[reasonId] = gid = id(k.reasonNameOfId(reasonId));
            return gid;
        }

        String[] names() {
            return Arrays.copyOf(names, ids.size());
        }
    }
}
