package dev.virtscope.analysis.qemu;

import dev.virtscope.analysis.latency.LostMarkers;
import dev.virtscope.decode.ByteText;
import dev.virtscope.store.EventStore;
import dev.virtscope.store.IntIntMap;
import dev.virtscope.store.Payload;
import dev.virtscope.store.TaskTable;

/**
 * The host's view of time in user space: the kernel's {@code kvm_userspace_exit} (KVM_RUN returns
 * to QEMU) to the next {@code kvm_entry} of the same thread (QEMU called KVM_RUN again and the
 * guest runs). Same interval container as QEMU's own view ({@link UserspaceExits}), so the two feed
 * the same tables and histograms. Reasons come from the text {@code reason KVM_EXIT_IO (2)};
 * {@code restart} (KVM_RUN interrupted by a signal) and {@code error} become
 * {@link UserspaceExits#RESTART} / {@link UserspaceExits#ERROR}. A pair across a lost-events marker
 * is not made.
 */
public final class KernelUserspaceExits {
    private KernelUserspaceExits() {
    }

    public static UserspaceExits of(EventStore s) {
        UserspaceExits out = new UserspaceExits();
        int exitT = s.typeId("kvm_userspace_exit"), entryT = s.typeId("kvm_entry");
        if (exitT < 0 || entryT < 0) return out;
        LostMarkers lost = new LostMarkers(s.lost());
        IntIntMap open = new IntIntMap(-1); // thread → event index of its pending kvm_userspace_exit
        Payload p = new Payload();
        TaskTable tasks = s.tasks();
        for (int i = 0; i < s.size(); i++) {
            int t = s.type(i);
            if (t != exitT && t != entryT) continue;
            int th = s.tid(i);
            if (th <= 0) continue;
            if (t == exitT) {
                open.put(th, i);
                continue;
            }
            int x = open.get(th);
            if (x < 0) continue;
            open.put(th, -1);
            if (!lost.isEmpty() && (lost.crosses(s.cpu(x), s.ts(x), s.ts(i)) || lost.crosses(s.cpu(i), s.ts(x), s.ts(i)))) continue;
            int r = reason(s, x, p);
            if (r == Integer.MIN_VALUE) continue;
            int ti = s.taskIndex(i);
            out.add(s.ts(x), s.ts(i), ti < 0 ? -1 : tasks.vcpu(ti), r, th);
        }
        return out;
    }

    /** kvm_userspace_exit events of a store, whether or not a kvm_entry follows. */
    public static long exits(EventStore s) {
        return s.countOfType(s.typeId("kvm_userspace_exit"));
    }

    /** {@code reason KVM_EXIT_IO (2)} → 2; {@code reason restart (4)} → RESTART; MIN_VALUE if unreadable. */
    public static int reason(EventStore s, int i, Payload p) {
        byte[] b;
        int from, to;
        if (s.payloadRenderer() != null) {
            // trace.dat: binary record, read its kernel text
            b = s.payloadString(i).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            from = 0;
            to = b.length;
        } else {
            s.payload(i, p);
            b = p.bytes;
            from = p.start;
            to = p.end;
        }
        if (ByteText.indexOf(b, from, to, "restart") >= 0) return UserspaceExits.RESTART;
        if (ByteText.indexOf(b, from, to, "error") >= 0) return UserspaceExits.ERROR;
        int open = ByteText.indexOf(b, from, to, (byte) '(');
        int close = open < 0 ? -1 : ByteText.indexOf(b, open, to, (byte) ')');
        if (close < 0) return Integer.MIN_VALUE;
        long r = ByteText.parseDecimal(b, open + 1, close);
        return r < 0 || r > 1 << 16 ? Integer.MIN_VALUE : (int) r;
    }
}
