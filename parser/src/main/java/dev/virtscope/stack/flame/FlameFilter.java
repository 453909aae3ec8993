package dev.virtscope.stack.flame;

import java.util.regex.Pattern;

/**
 * Which stack samples a flame graph counts. Null/negative fields mean "any".
 *
 * @param comm   regex the sample's process name must match (whole name)
 * @param tid    thread id, or -1
 * @param fromNs first sample time kept (inclusive), or Long.MIN_VALUE
 * @param toNs   last sample time kept (exclusive), or Long.MAX_VALUE
 * @param event  event name ({@code cycles}, {@code cpu-clock}); null keeps all
 */
public record FlameFilter(Pattern comm, int tid, long fromNs, long toNs, String event) {
    public static final FlameFilter ALL = new FlameFilter(null, -1, Long.MIN_VALUE, Long.MAX_VALUE, null);

    public FlameFilter withComm(String regex) {
        return new FlameFilter(regex == null ? null : Pattern.compile(regex), tid, fromNs, toNs, event);
    }

    public FlameFilter withTid(int t) {
        return new FlameFilter(comm, t, fromNs, toNs, event);
    }

    public FlameFilter withTime(long from, long to) {
        return new FlameFilter(comm, tid, from, to, event);
    }

    public FlameFilter withEvent(String e) {
        return new FlameFilter(comm, tid, fromNs, toNs, e);
    }
}
