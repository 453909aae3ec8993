package dev.virtscope.decode.kvm;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.virtscope.decode.ByteText;
import dev.virtscope.store.EventStore;
import dev.virtscope.store.EventStoreBuilder;
import dev.virtscope.store.LostEvents;
import dev.virtscope.store.TaskTable;

/**
 * Test-only: builds an EventStore from kernel-trace or perf-script text lines with a plain regex (the
 * product's importers live in format/). Understands {@code CPU:N [LOST M EVENTS]} markers, whose time is
 * that of the next line on that CPU, as the importers record it.
 */
public final class KvmLineStore {
    private static final Pattern KERNEL = Pattern.compile(
            "^\\s*(.+?)-(\\d+)\\s+(?:\\(\\s*[\\d-]+\\)\\s+)?\\[(\\d+)\\]\\s+(?:[.\\w]{4,5}\\s+)?(\\d+\\.\\d+):\\s+(?:\\w+:)?(\\w+):\\s?(.*)$");
    private static final Pattern PERF = Pattern.compile(
            "^\\s*(.+?)\\s+(\\d+)\\s+\\[(\\d+)\\]\\s+(\\d+\\.\\d+):\\s+(?:\\w+:)?(\\w+):\\s?(.*)$");
    private static final Pattern LOST = Pattern.compile("^CPU:(\\d+) \\[LOST (\\d+) EVENTS\\]$");

    private final EventStoreBuilder b = new EventStoreBuilder();
    private int pendingLostCpu = -1;
    private long pendingLost;
    private long line;

    public KvmLineStore add(String text) {
        line++;
        Matcher lm = LOST.matcher(text);
        if (lm.matches()) {
            pendingLostCpu = Integer.parseInt(lm.group(1));
            pendingLost = Long.parseLong(lm.group(2));
            return this;
        }
        Matcher m = KERNEL.matcher(text);
        if (!m.matches()) m = PERF.matcher(text);
        if (!m.matches()) throw new IllegalArgumentException("not a trace line: " + text);
        String comm = m.group(1);
        int tid = Integer.parseInt(m.group(2));
        int cpu = Integer.parseInt(m.group(3));
        byte[] tsb = m.group(4).getBytes(StandardCharsets.US_ASCII);
        long ts = ByteText.parseTimestampNs(tsb, 0, tsb.length);
        if (pendingLostCpu == cpu) {
            b.lost.add(ts, cpu, pendingLost, LostEvents.Kind.LOST, line - 1);
            pendingLostCpu = -1;
        }
        byte[] payload = m.group(6).getBytes(StandardCharsets.UTF_8);
        int type = b.eventType(m.group(5));
        b.tasks.seen(tid, b.comms.intern(comm), ts);
        int v = TaskTable.vcpuFromComm(comm);
        if (v >= 0) b.tasks.vcpu(tid, v);
        b.add(ts, cpu, tid, type, b.payload(payload, 0, payload.length));
        return this;
    }

    /** An event given by its parts, for payloads published without their line prefix. */
    public KvmLineStore add(long tsNs, int cpu, int tid, String event, String payload) {
        byte[] p = payload.getBytes(StandardCharsets.UTF_8);
        b.add(tsNs, cpu, tid, b.eventType(event), b.payload(p, 0, p.length));
        return this;
    }

    public KvmLineStore lost(long tsNs, int cpu, long n) {
        b.lost.add(tsNs, cpu, n, LostEvents.Kind.LOST, 0);
        return this;
    }

    public EventStore build() {
        return b.build("test-lines");
    }

    /** Payload of a full line (text after "event: "). */
    public static String payloadOf(String text) {
        Matcher m = KERNEL.matcher(text);
        if (!m.matches()) m = PERF.matcher(text);
        if (!m.matches()) throw new IllegalArgumentException(text);
        return m.group(6);
    }
}
