package dev.virtscope.analysis.kvm;

import java.util.Arrays;

/**
 * kvm_msr or kvm_pio accesses paired with the next kvm_entry of their thread slot (perf kvm stat's
 * begin/end rule), found by the pairing sweep so the access tables need not read those payloads again.
 * Primitive columns in end-event order: the order the access tables count rows in.
 */
final class AccessPairs {
    int size;
    int[] begin = new int[64], end = new int[64];
    long[] key = new long[64];
    boolean[] write = new boolean[64];

    void add(int b, int e, long k, boolean w) {
        if (size == begin.length) {
            int cap = size * 2;
            begin = Arrays.copyOf(begin, cap);
            end = Arrays.copyOf(end, cap);
            key = Arrays.copyOf(key, cap);
            write = Arrays.copyOf(write, cap);
        }
        begin[size] = b;
        end[size] = e;
        key[size] = k;
        write[size++] = w;
    }

    /** The pairs of several sweeps (each in end order, over disjoint thread slots) in one end order. */
    static AccessPairs merge(AccessPairs[] parts) {
        if (parts.length == 1) return parts[0];
        AccessPairs out = new AccessPairs();
        int total = 0;
        for (AccessPairs p : parts) total += p.size;
        out.begin = new int[Math.max(1, total)];
        out.end = new int[Math.max(1, total)];
        out.key = new long[Math.max(1, total)];
        out.write = new boolean[Math.max(1, total)];
        int[] at = new int[parts.length];
        for (int n = 0; n < total; n++) {
            // an entry ends at most one access of a kind, so end indexes are distinct across the parts
            int best = -1;
            for (int k = 0; k < parts.length; k++) {
                if (at[k] < parts[k].size && (best < 0 || parts[k].end[at[k]] < parts[best].end[at[best]])) best = k;
            }
            AccessPairs p = parts[best];
            int j = at[best]++;
            out.begin[n] = p.begin[j];
            out.end[n] = p.end[j];
            out.key[n] = p.key[j];
            out.write[n] = p.write[j];
        }
        out.size = total;
        return out;
    }
}
