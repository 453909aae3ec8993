package dev.virtscope.analysis.kvm;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import dev.virtscope.analysis.latency.LostMarkers;
import dev.virtscope.decode.kvm.KvmAccess;
import dev.virtscope.decode.kvm.KvmEntry;
import dev.virtscope.store.EventStore;
import dev.virtscope.store.IntIntMap;
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
        int n = 0;
        int[] group = new int[k.size()];
        long[] dur = new long[k.size()];
        Grouper g = new Grouper();
        for (int r = 0; r < k.size(); r++) {
            if (!k.paired(r) || (vcpuFilter >= 0 && k.vcpu(r) != vcpuFilter)) continue;
            String key = switch (by) {
                case VCPU -> Integer.toString(k.vcpu(r));
                case CPU -> Integer.toString(k.cpu(r));
                default -> null;
            };
            group[n] = key == null ? g.byReason(k, k.reasonId(r)) : g.id(key);
            dur[n++] = k.durationNs(r);
        }
        long unpaired = 0;
        for (int r = 0; r < k.size(); r++) if (!k.paired(r) && (vcpuFilter < 0 || k.vcpu(r) == vcpuFilter)) unpaired++;
        return StatTable.build("vmexit", group, dur, n, g.names(), unpaired);
    }

    public static StatTable report(EventStore s, KvmExits exits, Event e, int vcpuFilter, By by) {
        return e == Event.VMEXIT ? vmexit(exits, vcpuFilter, by) : accesses(s, e, vcpuFilter, by);
    }

    /** ioport, msr and mmio tables, one pass over the events with perf's begin/end rules. */
    public static StatTable accesses(EventStore s, Event e, int vcpuFilter, By by) {
        int exitT = s.typeId("kvm_exit"), entryT = s.typeId("kvm_entry"), pioT = s.typeId("kvm_pio"),
                msrT = s.typeId("kvm_msr"), mmioT = s.typeId("kvm_mmio");
        LostMarkers lost = new LostMarkers(s.lost());
        IntIntMap beginIdx = new IntIntMap(-1);
        // key and direction of the open begin, per thread: kept in growable parallel arrays by slot
        IntIntMap slotOf = new IntIntMap(-1);
        long[] beginKey = new long[16];
        boolean[] beginWrite = new boolean[16];
        int slots = 0;
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
            if (t == entryT && entryT >= 0) end = true;
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
            int th = KvmExits.key(s, i);
            int slot = slotOf.get(th);
            if (slot < 0) {
                slot = slots++;
                slotOf.put(th, slot);
                if (slot == beginKey.length) {
                    beginKey = Arrays.copyOf(beginKey, slot * 2);
                    beginWrite = Arrays.copyOf(beginWrite, slot * 2);
                }
            }
            if (begin) {
                beginIdx.put(th, i);
                beginKey[slot] = key;
                beginWrite[slot] = write;
                continue;
            }
            int b = beginIdx.get(th);
            if (b < 0) continue;                       // perf: "the begin event is not caught"
            long k = beginKey[slot];
            boolean w = beginWrite[slot];
            if (k < 0) {
                if (key < 0) {                          // neither end knows the key: not this kind of event
                    beginIdx.put(th, -1);
                    continue;
                }
                k = key;
                w = write;
            }
            beginIdx.put(th, -1);
            if (!lost.isEmpty() && (lost.crosses(s.cpu(b), s.ts(b), s.ts(i)) || lost.crosses(s.cpu(i), s.ts(b), s.ts(i)))) {
                unpaired++;
                continue;
            }
            int vcpu = vcpuOf(s, i, t == entryT, p, en);
            if (vcpuFilter >= 0 && vcpu != vcpuFilter) continue;
            String name = switch (by) {
                case VCPU -> Integer.toString(vcpu);
                case CPU -> Integer.toString(s.cpu(i));
                default -> keyText(e, k, w);
            };
            if (n == cap) {
                cap *= 2;
                group = Arrays.copyOf(group, cap);
                dur = Arrays.copyOf(dur, cap);
            }
            group[n] = g.id(name);
            dur[n++] = s.ts(i) - s.ts(b);
        }
        return StatTable.build(e.id(), group, dur, n, g.names(), unpaired);
    }

    /** perf's key text: {@code %#llx:%s} with POUT/PIN for ports, W/R for MSRs and MMIO. */
    static String keyText(Event e, long key, boolean write) {
        String dir = e == Event.IOPORT ? (write ? "POUT" : "PIN") : (write ? "W" : "R");
        return "0x" + Long.toHexString(key) + ":" + dir;
    }

    private static int vcpuOf(EventStore s, int i, boolean isEntry, Payload p, KvmEntry en) {
        int ti = s.taskIndex(i);
        int known = ti < 0 ? -1 : s.tasks().vcpu(ti);
        if (known >= 0) return known;
        if (isEntry) {
            PayloadText.of(s, i, p);
            if (en.parse(p.bytes, p.start, p.end) && en.vcpu >= 0) return (int) en.vcpu;
        }
        return -1;
    }

    /** Dense group ids for row keys. */
    private static final class Grouper {
        private final Map<String, Integer> ids = new HashMap<>();
        private String[] names = new String[16];
        private int[] reasonToGroup = new int[0];

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
