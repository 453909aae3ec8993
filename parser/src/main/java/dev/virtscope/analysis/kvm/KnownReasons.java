package dev.virtscope.analysis.kvm;

import dev.virtscope.decode.ByteText;

/**
 * The reasons a sweep has already seen, recognised by comparing bytes: a trace has a few dozen distinct
 * exit reasons over millions of exits, so comparing the bytes after {@code reason } with the seen ones
 * that start with the same byte is cheaper than searching for {@code " rip "} and hashing.
 *
 * <p>A reason is only kept when the first {@code " rip "} of {@code reason + " rip "} is the one right
 * after it; then for any payload whose bytes at the reason's start are {@code reason + " rip "},
 * {@link dev.virtscope.decode.kvm.KvmExit#parseKey}'s search would end the reason at the same place, so a
 * match gives exactly the reason the full parse gives.
 */
final class KnownReasons {
    private static final byte[] RIP = {' ', 'r', 'i', 'p', ' '};

    private byte[][] bytes = new byte[16][];
    /** first byte → first id with it, then next[id] → the next one (-1 ends) */
    private final int[] head = KvmExits.filled(256);
    private int[] next = new int[16];

    /** Keeps reason {@code id} (its printed bytes) when a match on it is exact (see the class comment). */
    void add(int id, byte[] reason) {
        if (reason.length == 0 || !ripRightAfter(reason)) return;
        if (id >= bytes.length) {
            int cap = Math.max(id + 1, bytes.length * 2);
            bytes = java.util.Arrays.copyOf(bytes, cap);
            next = java.util.Arrays.copyOf(next, cap);
        }
        bytes[id] = reason;
        int f = reason[0] & 0xff;
        next[id] = head[f];
        head[f] = id;
    }

    private static boolean ripRightAfter(byte[] reason) {
        byte[] t = java.util.Arrays.copyOf(reason, reason.length + RIP.length);
        System.arraycopy(RIP, 0, t, reason.length, RIP.length);
        return ByteText.indexOf(t, 0, t.length, " rip ") == reason.length;
    }

    /** The id of the kept reason that b[rs, e) starts with, followed by {@code " rip "}; -1 when none. */
    int match(byte[] b, int rs, int e) {
        if (rs >= e) return -1;
        for (int id = head[b[rs] & 0xff]; id >= 0; id = next[id]) {
            byte[] r = bytes[id];
            int len = r.length;
            if (rs + len + RIP.length > e) continue;
            int k = 1;
            while (k < len && b[rs + k] == r[k]) k++;
            if (k < len) continue;
            int j = rs + len;
            if (b[j] == ' ' && b[j + 1] == 'r' && b[j + 2] == 'i' && b[j + 3] == 'p' && b[j + 4] == ' ') return id;
        }
        return -1;
    }

    byte[] bytesOf(int id) {
        return bytes[id];
    }
}
