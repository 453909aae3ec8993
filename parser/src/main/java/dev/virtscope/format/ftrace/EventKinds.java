package dev.virtscope.format.ftrace;

import java.util.Arrays;

import dev.virtscope.decode.ByteText;
import dev.virtscope.store.EventStoreBuilder;

/**
 * Event names: which type ids the importer must look into (sched_switch, sched_wakeup…), decided once
 * per name rather than per line, and the names given to tracer messages that have no {@code name:}.
 */
final class EventKinds {
    /** SCHED_TASK: any other sched_* event whose payload starts with {@code comm=X pid=N}; TASK_RENAME: prctl/exec renames. */
    static final byte OTHER = 0, SCHED_SWITCH = 1, SCHED_WAKEUP = 2, SCHED_TASK = 3, TASK_RENAME = 4;
    /** trace_printk / trace_marker text, which may run on over indented lines when it holds newlines */
    static final byte TEXT = 5;

    private final EventStoreBuilder out;
    private byte[] kindOf = new byte[0];
    private final byte[] scratch = new byte[256];
    private int functionType = -1, messageType = -1;

    EventKinds(EventStoreBuilder out) {
        this.out = out;
    }

    byte kind(int type) {
        if (type >= kindOf.length) {
            int from = kindOf.length;
            kindOf = Arrays.copyOf(kindOf, out.eventNames.size());
            for (int t = from; t < kindOf.length; t++) kindOf[t] = classify(out.eventNames.get(t));
        }
        return kindOf[type];
    }

    private static byte classify(String name) {
        return switch (name) {
            case "sched_switch" -> SCHED_SWITCH;
            case "sched_wakeup", "sched_waking", "sched_wakeup_new" -> SCHED_WAKEUP;
            case "task_rename" -> TASK_RENAME;
            case "bprint", "bputs", "print" -> TEXT;
            default -> name.startsWith("sched_") ? SCHED_TASK : OTHER;
        };
    }

    /**
     * The event type of a line without {@code name:} (the text is kept whole as the payload):
     * the syscall tracer's {@code sys_ioctl(fd: ff, …)} → {@code sys_enter_ioctl} and
     * {@code sys_ioctl -> 0x0} → {@code sys_exit_ioctl} (the names of the syscalls tracepoints that
     * print these lines); the function tracer's {@code func <-parent} → {@code function}; anything
     * else → {@code message}.
     */
    int messageType(byte[] b, int s, int e) {
        int k = s;
        while (k < e && FtraceLine.isNameChar(b[k])) k++;
        if (k > s + 4 && k < e && ByteText.startsWith(b, s, k, "sys_")) {
            if (b[k] == '(') return prefixed("sys_enter_", b, s + 4, k);
            if (ByteText.startsWith(b, k, e, " -> ")) return prefixed("sys_exit_", b, s + 4, k);
        }
        // "func <-parent", also with offsets when sym-offset is set: "func+0x5/0x20 <-parent+0x9/0x40"
        if (k > s && ByteText.indexOf(b, k, e, " <-") > 0) {
            if (functionType < 0) functionType = out.eventType("function");
            return functionType;
        }
        return message();
    }

    private int message() {
        if (messageType < 0) messageType = out.eventType("message");
        return messageType;
    }

    private int prefixed(String prefix, byte[] b, int s, int e) {
        int n = prefix.length();
        if (n + e - s > scratch.length) return message();
        for (int i = 0; i < n; i++) scratch[i] = (byte) prefix.charAt(i);
        System.arraycopy(b, s, scratch, n, e - s);
        return out.eventType(scratch, 0, n + e - s);
    }
}
