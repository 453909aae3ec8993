package dev.virtscope.analysis.vcpu;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The vCPU states computed the plain way from text lines, to check the product against: a state
 * machine per thread over regex-matched kvm_entry / kvm_exit / kvm_userspace_exit lines (of that tid;
 * its other lines keep the state) and sched_switch lines (prev_pid / next_pid, kernel or trace-cmd plugin form). Time between two
 * events of a thread goes to the state it was in: not running after a switch-out, else the last KVM
 * state; unknown (nothing) before the first one.
 */
final class StateReference {
    record Interval(int tid, long start, long end, String state) {
    }

    private static final Pattern LINE = Pattern.compile(
            "^\\s*(.*?)-(\\d+)\\s+\\[(\\d+)\\]\\s+(?:\\S+\\s+)?(\\d+)\\.(\\d{6}):\\s+(\\w+):\\s*(.*)$");
    private static final Pattern KERNEL_SWITCH = Pattern.compile("prev_pid=(\\d+) .*==> .*next_pid=(\\d+)");
    private static final Pattern PLUGIN_SWITCH = Pattern.compile(":(\\d+) \\[\\d+\\] \\S+ ==> .*:(\\d+) \\[\\d+\\]");
    private static final Pattern REASON = Pattern.compile("reason (.*?) rip ");

    final List<Interval> intervals = new ArrayList<>();
    /** tid → state label → ns */
    final Map<Integer, Map<String, Long>> totals = new HashMap<>();

    static StateReference of(List<String> lines, java.util.Set<Integer> tids) {
        StateReference ref = new StateReference();
        Map<Integer, String> kvmState = new HashMap<>();
        Map<Integer, Boolean> off = new HashMap<>();
        Map<Integer, Long> since = new HashMap<>();
        for (String l : lines) {
            Matcher m = LINE.matcher(l);
            if (!m.matches()) continue;
            long ts = Long.parseLong(m.group(4)) * 1_000_000_000L + Long.parseLong(m.group(5)) * 1000L;
            int tid = Integer.parseInt(m.group(2));
            String ev = m.group(6), payload = m.group(7);
            if (ev.equals("sched_switch")) {
                Matcher s = KERNEL_SWITCH.matcher(payload);
                if (!s.find()) {
                    s = PLUGIN_SWITCH.matcher(payload);
                    if (!s.find()) continue;
                }
                int prev = Integer.parseInt(s.group(1)), next = Integer.parseInt(s.group(2));
                if (tids.contains(prev)) ref.step(prev, ts, kvmState, off, since, null, true);
                if (tids.contains(next)) ref.step(next, ts, kvmState, off, since, null, false);
            } else if (tids.contains(tid)) {
                // any event of the thread shows it still in its state; the kvm ones change it
                String st = ev.equals("kvm_entry") ? "GUEST" : ev.equals("kvm_userspace_exit") ? "USERSPACE" : null;
                if (ev.equals("kvm_exit")) {
                    Matcher r = REASON.matcher(payload);
                    st = "HOST " + (r.find() ? r.group(1) : "?");
                }
                ref.step(tid, ts, kvmState, off, since, st, null);
            }
        }
        return ref;
    }

    private void step(int tid, long ts, Map<Integer, String> kvm, Map<Integer, Boolean> off, Map<Integer, Long> since,
                      String newKvm, Boolean newOff) {
        Long from = since.get(tid);
        String visible = Boolean.TRUE.equals(off.get(tid)) ? "NOT_RUNNING" : kvm.get(tid);
        if (from != null && visible != null && ts > from) {
            intervals.add(new Interval(tid, from, ts, visible));
            totals.computeIfAbsent(tid, k -> new HashMap<>()).merge(visible, ts - from, Long::sum);
        }
        if (newKvm != null) kvm.put(tid, newKvm);
        if (newOff != null) off.put(tid, newOff);
        since.put(tid, ts);
    }

    /** Timestamp (ns) of an event line. */
    static long tsOf(String line) {
        Matcher m = LINE.matcher(line);
        if (!m.matches()) throw new IllegalArgumentException(line);
        return Long.parseLong(m.group(4)) * 1_000_000_000L + Long.parseLong(m.group(5)) * 1000L;
    }

    /** Time of a thread in a state label; "HOST" sums every "HOST reason". */
    long total(int tid, String state) {
        long n = 0;
        for (Map.Entry<String, Long> e : totals.getOrDefault(tid, Map.of()).entrySet()) {
            if (e.getKey().equals(state) || (state.equals("HOST") && e.getKey().startsWith("HOST "))) n += e.getValue();
        }
        return n;
    }
}
