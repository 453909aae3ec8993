package dev.virtscope.view.timeline;

import java.util.StringJoiner;
import java.util.function.LongFunction;

import dev.virtscope.analysis.kvm.KvmExits;
import dev.virtscope.analysis.vcpu.VcpuState;
import dev.virtscope.analysis.vcpu.VcpuStates;
import dev.virtscope.decode.EventFields;
import dev.virtscope.decode.FieldDecoders;
import dev.virtscope.decode.kvm.ExitReasons;
import dev.virtscope.decode.kvm.HostVectors;
import dev.virtscope.decode.kvm.IoPorts;
import dev.virtscope.decode.kvm.MsrNames;
import dev.virtscope.store.EventStore;

/**
 * The tooltip text of a point of the timeline: on a vCPU row the state interval under the pointer
 * (state, exit reason, what the exit touched — host vector, I/O port, MSR or guest physical
 * address, decoded — its duration and times), then the event drawn within 3 pixels, if any, with its
 * payload. Plain text, so the window shows it and tests read it.
 */
public final class TimelineHover {
    private TimelineHover() {
    }

    /**
     * @param states   vCPU states, or null while they are being computed
     * @param x        pixel in the plot (0 = its left edge)
     * @param time     absolute time as the window prints it
     * @param duration a duration as the window prints it
     * @return the text, or null when there is nothing under the pointer
     */
    public static String text(EventStore s, VcpuStates states, TimelineRow row, TimelineViewport vp, double x,
                              LongFunction<String> time, LongFunction<String> duration) {
        StringBuilder sb = new StringBuilder();
        long t = vp.timeAt(x);
        int thread = states == null ? -1 : states.threadOfTask(row.task());
        int i = thread < 0 ? -1 : states.at(thread, t);
        if (i >= 0) interval(sb, states, i, time, duration);
        int ev = eventNear(s, row, vp, x);
        if (ev >= 0) {
            if (sb.length() > 0) sb.append('\n');
            sb.append(s.eventName(ev)).append("  ").append(time.apply(s.ts(ev))).append("  CPU ").append(s.cpu(ev))
                    .append("  ").append(s.comm(ev)).append('-').append(s.tid(ev)).append('\n')
                    .append(s.payloadString(ev).trim());
        }
        return sb.length() == 0 ? null : sb.toString();
    }

    private static void interval(StringBuilder sb, VcpuStates v, int i, LongFunction<String> time, LongFunction<String> duration) {
        sb.append(VcpuState.name(v.state(i)));
        String reason = v.reasonText(i);
        if (!reason.isEmpty()) sb.append(": ").append(reason);
        sb.append("  ").append(duration.apply(v.end(i) - v.start(i))).append('\n');
        int r = v.exitRow(i);
        if (r >= 0) {
            String touched = touched(v.exits(), r);
            if (touched != null) sb.append(touched).append('\n');
            EventFields f = FieldDecoders.decode(v.store(), v.exits().exitIndex(r));
            StringJoiner j = new StringJoiner("  ");
            for (EventFields.Field fl : f.all()) {
                if (!fl.name().equals("reason") && !fl.name().equals("vcpu")) j.add(fl.name() + " " + fl.text());
            }
            if (j.length() > 0) sb.append(j).append('\n');
            if (v.exits().userspaceNs(r) >= 0) sb.append("then QEMU userspace ").append(duration.apply(v.exits().userspaceNs(r))).append('\n');
        }
        sb.append("from ").append(time.apply(v.start(i))).append(" to ").append(time.apply(v.end(i)));
    }

    /** What the exit touched, named: the sub-key of {@link KvmExits} read according to the exit reason. */
    static String touched(KvmExits k, int r) {
        long key = k.subKey(r);
        if (key < 0) return null;
        int id = k.reasonId(r), isa = k.isaOfReason(id), code = k.codeOfReason(id);
        boolean vmx = isa == ExitReasons.ISA_VMX, svm = isa == ExitReasons.ISA_SVM;
        if (vmx && code == ExitReasons.VMX_EXTERNAL_INTERRUPT) return "host vector 0x" + Long.toHexString(key) + " " + HostVectors.name((int) key);
        if ((vmx && code == ExitReasons.VMX_IO_INSTRUCTION) || (svm && code == ExitReasons.SVM_IOIO)) return "port " + IoPorts.describe((int) key);
        if ((vmx && (code == ExitReasons.VMX_MSR_READ || code == ExitReasons.VMX_MSR_WRITE)) || (svm && code == ExitReasons.SVM_MSR)) {
            return "MSR " + MsrNames.describe(key);
        }
        return "gpa 0x" + Long.toHexString(key);
    }

    /** The event drawn nearest to pixel x (within 3 pixels) on the row, or -1. */
    public static int eventNear(EventStore s, TimelineRow row, TimelineViewport vp, double x) {
        PixelBins bins = new PixelBins();
        bins.fill(s, row.events(), vp.timeAt(Math.floor(x) - 3), vp.nsPerPixel(), 7);
        for (int d = 0; d <= 3; d++) {
            if (bins.firstEvent(3 - d) >= 0) return bins.firstEvent(3 - d);
            if (bins.firstEvent(3 + d) >= 0) return bins.firstEvent(3 + d);
        }
        return -1;
    }
}
