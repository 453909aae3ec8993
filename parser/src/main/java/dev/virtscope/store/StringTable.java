package dev.virtscope.store;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Interns names (event names, comms, symbols) to dense int ids. Interning straight from bytes
 * avoids a String per parsed line: a String is created only the first time a name is seen.
 */
public final class StringTable {
    private byte[][] keys = new byte[16][];
    private String[] names = new String[16];
    private int size;
    /** open addressing: slot holds id+1, 0 = empty */
    private int[] slots = new int[64];

    public int size() {
        return size;
    }

    public String get(int id) {
        return names[id];
    }

    public int intern(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return intern(b, 0, b.length);
    }

    /** The id of these bytes, or -1 when not present. */
    public int find(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        int mask = slots.length - 1;
        for (int i = hash(b, 0, b.length) & mask; ; i = (i + 1) & mask) {
            int v = slots[i];
            if (v == 0) return -1;
            if (equal(keys[v - 1], b, 0, b.length)) return v - 1;
        }
    }

    public int intern(byte[] buf, int off, int len) {
        int mask = slots.length - 1;
        int i = hash(buf, off, len) & mask;
        while (true) {
            int v = slots[i];
            if (v == 0) break;
            if (equal(keys[v - 1], buf, off, len)) return v - 1;
            i = (i + 1) & mask;
        }
        int id = size++;
        if (id == keys.length) {
            keys = Arrays.copyOf(keys, id * 2);
            names = Arrays.copyOf(names, id * 2);
        }
        keys[id] = Arrays.copyOfRange(buf, off, off + len);
        names[id] = new String(buf, off, len, StandardCharsets.UTF_8);
        slots[i] = id + 1;
        if (size * 2 > slots.length) rehash();
        return id;
    }

    private void rehash() {
        int[] n = new int[slots.length * 2];
        int mask = n.length - 1;
        for (int id = 0; id < size; id++) {
            byte[] k = keys[id];
            int i = hash(k, 0, k.length) & mask;
            while (n[i] != 0) i = (i + 1) & mask;
            n[i] = id + 1;
        }
        slots = n;
    }

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long MIX = 0x9E3779B97F4A7C15L;

    /**
     * Eight bytes per step (one multiply per word, not per byte): names are interned once per parsed
     * line in every importer and once per kvm_exit in the exit analysis, where a byte-at-a-time hash
     * was a tenth of the time.
     */
    private static int hash(byte[] b, int off, int len) {
        long h = len * MIX;
        int i = off, end = off + len;
        for (; i + 8 <= end; i += 8) h = (h ^ (long) LONGS.get(b, i)) * MIX;
        long tail = 0;
        for (int k = 0; i < end; i++, k += 8) tail |= (b[i] & 0xffL) << k;
        h = (h ^ tail) * MIX;
        return (int) (h ^ (h >>> 29) ^ (h >>> 47));
    }

    private static boolean equal(byte[] k, byte[] b, int off, int len) {
        return k.length == len && Arrays.equals(k, 0, len, b, off, off + len);
    }

    public long retainedBytes() {
        long n = 16L * keys.length + 4L * slots.length;
        for (int i = 0; i < size; i++) n += 2L * keys[i].length + 56;
        return n;
    }
}
