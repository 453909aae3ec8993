package dev.virtscope.decode;

/**
 * sched_switch in its three printed forms, and the sched_wakeup family. Every form gives the same
 * field names (those of the kernel's format): prev_comm, prev_pid, prev_prio, prev_state, next_comm,
 * next_pid, next_prio; comm, pid, prio, target_cpu.
 */
public final class SchedDecoders {
    private SchedDecoders() {
    }

    static void registerAll() {
        FieldDecoders.register("sched_switch", SchedDecoders::schedSwitch);
        FieldDecoder wakeup = KeyValueDecoder.INSTANCE;
        for (String e : new String[] {"sched_wakeup", "sched_waking", "sched_wakeup_new"}) FieldDecoders.register(e, wakeup);
    }

    /**
     * Kernel {@code prev_comm=A prev_pid=1 prev_prio=120 prev_state=S ==> next_comm=B next_pid=2 next_prio=120},
     * trace-cmd -R {@code prev_comm=A … prev_state=1 next_comm=B …} (state as a number) and the trace-cmd
     * plugin {@code A:1 [120] S ==> B:2 [120]} (a comm may contain ':', the pid follows the last one).
     */
    public static void schedSwitch(byte[] b, int s, int e, EventFields out) {
        if (ByteText.startsWith(b, s, e, "prev_comm=")) {
            int arrow = ByteText.indexOf(b, s, e, " ==> ");
            if (arrow < 0) {
                KeyValueDecoder.INSTANCE.decode(b, s, e, out);
                return;
            }
            KeyValueDecoder.INSTANCE.decode(b, s, arrow, out);
            KeyValueDecoder.INSTANCE.decode(b, arrow + 5, e, out);
            return;
        }
        int arrow = ByteText.indexOf(b, s, e, " ==> ");
        if (arrow < 0 || !pluginTask(b, s, arrow, "prev_", out, true) || !pluginTask(b, arrow + 5, e, "next_", out, false)) {
            out.clear();
            KeyValueDecoder.INSTANCE.decode(b, s, e, out);
        }
    }

    /** {@code comm:pid [prio]} then, for the previous task, {@code " STATE"}. */
    private static boolean pluginTask(byte[] b, int s, int e, String prefix, EventFields out, boolean withState) {
        int br = ByteText.indexOf(b, s, e, " [");
        if (br < 0) return false;
        int colon = br - 1;
        while (colon > s && ByteText.isDigit(b[colon])) colon--;
        if (colon <= s || b[colon] != ':' || colon == br - 1) return false;
        int close = ByteText.indexOf(b, br + 2, e, (byte) ']');
        if (close < 0) return false;
        out.add(prefix + "comm", KeyValueDecoder.str(b, s, colon));
        KeyValueDecoder.add(out, prefix + "pid", b, colon + 1, br);
        KeyValueDecoder.add(out, prefix + "prio", b, br + 2, close);
        if (withState) {
            int st = ByteText.skipSpaces(b, close + 1, e);
            out.add("prev_state", KeyValueDecoder.str(b, st, e));
        } else if (close + 1 < e) {
            // trace-cmd -w appends the wakeup latency: "Latency: 85.751 usecs"
            int rest = ByteText.skipSpaces(b, close + 1, e);
            if (rest < e) out.add("text", KeyValueDecoder.str(b, rest, e));
        }
        return true;
    }
}
