package dev.virtscope.format.ftrace;

import dev.virtscope.decode.ByteText;
import dev.virtscope.store.EventStoreBuilder;
import dev.virtscope.store.LostEvents;

/** Facts stated by header lines: CPU count and overwritten entries (kernel), CPU count (trace-cmd report). */
final class Headers {
    private Headers() {
    }

    /**
     * A kernel {@code trace} header line (starts with '#'): {@code # entries-in-buffer/entries-written: A/B   #P:N}
     * or the latency-format {@code # latency: 0 us, #A/B, CPU#0 | (… #P:N)}. A &lt; B means the ring buffer
     * overwrote B - A entries before the first one shown. Legend lines and {@code # tracer:} need nothing.
     */
    static void ftraceHeader(byte[] b, int s, int e, EventStoreBuilder out, FtraceTextImporter.LostMarkers lost, long no) {
        int at = ByteText.indexOf(b, s, e, "entries-in-buffer/entries-written: ");
        int counts;
        if (at >= 0) counts = at + 35;
        else if (ByteText.startsWith(b, s, e, "# latency: ") && (at = ByteText.indexOf(b, s, e, ", #")) >= 0) counts = at + 3;
        else return;
        int slash = ByteText.indexOf(b, counts, e, (byte) '/');
        if (slash < 0) return;
        int k = slash + 1;
        while (k < e && ByteText.isDigit(b[k])) k++;
        long inBuffer = ByteText.parseDecimal(b, counts, slash);
        long written = ByteText.parseDecimal(b, slash + 1, k);
        if (inBuffer >= 0 && written > inBuffer) lost.add(-1, written - inBuffer, LostEvents.Kind.OVERWRITTEN, no);
        int p = ByteText.indexOf(b, k, e, "#P:");
        if (p >= 0) {
            int q = p + 3;
            while (q < e && ByteText.isDigit(b[q])) q++;
            long n = ByteText.parseDecimal(b, p + 3, q);
            if (n > 0) out.cpusDeclared((int) n);
        }
    }

    /** trace-cmd report header lines: {@code version = 6}, {@code CPU 3 is empty}, {@code cpus=6}. */
    static boolean reportHeader(byte[] b, int s, int e, EventStoreBuilder out) {
        if (ByteText.startsWith(b, s, e, "version = ")) return true;
        if (ByteText.startsWith(b, s, e, "cpus=")) {
            long n = ByteText.parseDecimal(b, s + 5, e);
            if (n <= 0) return false;
            out.cpusDeclared((int) n);
            return true;
        }
        if (ByteText.startsWith(b, s, e, "CPU ")) {
            int k = s + 4;
            while (k < e && ByteText.isDigit(b[k])) k++;
            return k > s + 4 && k + 9 == e && ByteText.startsWith(b, k, e, " is empty");
        }
        return false;
    }
}
