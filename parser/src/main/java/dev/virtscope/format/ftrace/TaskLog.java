package dev.virtscope.format.ftrace;

import java.util.Arrays;

/**
 * What a {@link TaskLearner} found in one chunk of a file parsed apart from the others, in line order:
 * tgids, comms seen, and comms cut by the latency format whose meaning depends on earlier chunks.
 * Replaying the logs of all chunks in file order into one learner gives the task table a single
 * sequential pass would have built. Only changes are logged (the chunk's learner drops repeats), so a
 * log is small next to its chunk.
 */
final class TaskLog {
    private static final byte TGID = 0, SEEN = 1, TRUNCATED = 2;

    private byte[] kind = new byte[64];
    private int[] tid = new int[64];
    /** TGID: the tgid; SEEN, TRUNCATED: offset of the comm in text */
    private int[] value = new int[64];
    private int[] length = new int[64];
    private long[] ts = new long[64];
    private int size;
    private byte[] text = new byte[1024];
    private int textSize;

    void tgid(int pid, int tgid) {
        add(TGID, pid, tgid, 0, 0);
    }

    void seen(int pid, byte[] b, int s, int e, long t) {
        add(SEEN, pid, copy(b, s, e), e - s, t);
    }

    void truncated(int pid, byte[] b, int s, int e, long t) {
        add(TRUNCATED, pid, copy(b, s, e), e - s, t);
    }

    private int copy(byte[] b, int s, int e) {
        int at = textSize;
        if (at + e - s > text.length) text = Arrays.copyOf(text, Math.max(text.length * 2, at + e - s));
        System.arraycopy(b, s, text, at, e - s);
        textSize += e - s;
        return at;
    }

    private void add(byte k, int pid, int v, int len, long t) {
        if (size == kind.length) {
            int c = size * 2;
            kind = Arrays.copyOf(kind, c);
            tid = Arrays.copyOf(tid, c);
            value = Arrays.copyOf(value, c);
            length = Arrays.copyOf(length, c);
            ts = Arrays.copyOf(ts, c);
        }
        kind[size] = k;
        tid[size] = pid;
        value[size] = v;
        length[size] = len;
        ts[size] = t;
        size++;
    }

    /** Applies the log, in order, to the learner of the whole file. */
    void replay(TaskLearner into) {
        for (int i = 0; i < size; i++) {
            int v = value[i];
            switch (kind[i]) {
                case TGID -> into.tgid(tid[i], v);
                case SEEN -> into.seen(tid[i], text, v, v + length[i], ts[i]);
                default -> into.truncated(tid[i], text, v, v + length[i], ts[i]);
            }
        }
    }
}
