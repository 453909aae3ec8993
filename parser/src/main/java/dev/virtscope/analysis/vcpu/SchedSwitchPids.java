package dev.virtscope.analysis.vcpu;

import dev.virtscope.decode.ByteText;

/**
 * The three sched_switch fields the vCPU states need (prev_pid, prev_state, next_pid), read from the
 * payload bytes without building fields, in the kernel form
 * {@code prev_comm=A prev_pid=1 prev_prio=120 prev_state=S ==> next_comm=B next_pid=2 next_prio=120}
 * and trace-cmd's plugin form {@code A:1 [120] S ==> B:2 [120]}. Reused from event to event.
 */
final class SchedSwitchPids {
    int prevPid, nextPid;
    /** First character of the printed prev_state ('S', 'R', 'D', …), or -1. */
    int prevState;

    boolean parse(byte[] b, int s, int e) {
        prevPid = nextPid = prevState = -1;
        int arrow = ByteText.indexOf(b, s, e, " ==> ");
        if (arrow < 0) return false;
        if (ByteText.startsWith(b, s, e, "prev_comm=")) {
            prevPid = (int) number(b, ByteText.indexOf(b, s, arrow, " prev_pid="), 10, arrow);
            int st = ByteText.indexOf(b, s, arrow, " prev_state=");
            if (st >= 0 && st + 12 < arrow) prevState = b[st + 12] & 0xFF;
            nextPid = (int) number(b, ByteText.indexOf(b, arrow, e, " next_pid="), 10, e);
        } else {
            int br = ByteText.indexOf(b, s, arrow, " [");
            prevPid = br < 0 ? -1 : pidBefore(b, s, br);
            int close = br < 0 ? -1 : ByteText.indexOf(b, br, arrow, (byte) ']');
            if (close >= 0) {
                int st = ByteText.skipSpaces(b, close + 1, arrow);
                if (st < arrow) prevState = b[st] & 0xFF;
            }
            int nbr = ByteText.indexOf(b, arrow + 5, e, " [");
            nextPid = nbr < 0 ? -1 : pidBefore(b, arrow + 5, nbr);
        }
        return prevPid >= 0 && nextPid >= 0;
    }

    private static long number(byte[] b, int at, int skip, int end) {
        if (at < 0) return -1;
        int d = at + skip, j = d;
        while (j < end && ByteText.isDigit(b[j])) j++;
        return j == d ? -1 : ByteText.parseDecimal(b, d, j);
    }

    /** {@code comm:pid} ending at end: the digits after the last ':'. */
    private static int pidBefore(byte[] b, int s, int end) {
        int d = end;
        while (d > s && ByteText.isDigit(b[d - 1])) d--;
        if (d == end || d == s || b[d - 1] != ':') return -1;
        return (int) ByteText.parseDecimal(b, d, end);
    }
}
