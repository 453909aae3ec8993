package dev.virtscope.format.perf;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Comparator;

/**
 * Folded stacks with their counts, printed like stackcollapse-perf.pl: keys sorted by byte value
 * (Perl's {@code sort { $a cmp $b }} without a locale), equal keys summed, {@code "KEY COUNT\n"}.
 */
public final class FoldedCounts {
    private byte[][] keys = new byte[1024][];
    private long[] counts = new long[1024];
    private int size;

    public void add(byte[] key, long count) {
        if (size == keys.length) {
            keys = Arrays.copyOf(keys, size * 2);
            counts = Arrays.copyOf(counts, size * 2);
        }
        keys[size] = key;
        counts[size++] = count;
    }

    /** Sorts, merges equal keys; afterwards key(i)/count(i) are the output lines in order. */
    public FoldedCounts sorted() {
        Integer[] order = new Integer[size];
        for (int i = 0; i < size; i++) order[i] = i;
        Arrays.sort(order, new ByKey(keys));
        byte[][] k = new byte[size][];
        long[] c = new long[size];
        int n = 0;
        for (int i = 0; i < size; i++) {
            int o = order[i];
            if (n > 0 && Arrays.equals(k[n - 1], keys[o])) {
                c[n - 1] += counts[o];
            } else {
                k[n] = keys[o];
                c[n++] = counts[o];
            }
        }
        keys = k;
        counts = c;
        size = n;
        return this;
    }

    /** Byte order of the keys; a class, not a lambda, to spare a short fold the lambda bootstrap. */
    private static final class ByKey implements Comparator<Integer> {
        private final byte[][] keys;

        ByKey(byte[][] keys) {
            this.keys = keys;
        }

        @Override
        public int compare(Integer a, Integer b) {
            return Arrays.compareUnsigned(keys[a], keys[b]);
        }
    }

    public int size() {
        return size;
    }

    public byte[] key(int i) {
        return keys[i];
    }

    public long count(int i) {
        return counts[i];
    }

    public void write(OutputStream out) throws IOException {
        byte[] buf = new byte[1 << 16];
        int n = 0;
        for (int i = 0; i < size; i++) {
            byte[] k = keys[i];
            String c = Long.toString(counts[i]);
            int need = k.length + c.length() + 2;
            if (n + need > buf.length) {
                out.write(buf, 0, n);
                n = 0;
                if (need > buf.length) buf = new byte[need];
            }
            System.arraycopy(k, 0, buf, n, k.length);
            n += k.length;
            buf[n++] = ' ';
            for (int j = 0; j < c.length(); j++) buf[n++] = (byte) c.charAt(j);
            buf[n++] = '\n';
        }
        out.write(buf, 0, n);
        out.flush();
    }
}
