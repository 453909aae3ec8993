package dev.virtscope.stack;

import java.util.Arrays;

import dev.virtscope.store.LongIntMap;
import dev.virtscope.store.StringTable;

/**
 * Collects stack samples while a file is parsed. perf lists a callchain leaf first, folded text
 * root first: {@link #frame} collects a sample's frames in either order and {@link #endSample}
 * inserts them into the trie root first.
 */
public final class StackStoreBuilder {
    final StringTable names = new StringTable(), dsos = new StringTable(), comms = new StringTable(), events = new StringTable();
    int[] frameName = new int[256], frameDso = new int[256];
    int frames;
    private final LongIntMap frameIds = new LongIntMap();

    int[] parent = new int[1024], frame = new int[1024], depth = new int[1024];
    int nodes = 1;
    private final LongIntMap children = new LongIntMap();

    long[] ts = new long[1024];
    int[] cpu = new int[1024], pid = new int[1024], tid = new int[1024], comm = new int[1024], event = new int[1024], stack = new int[1024];
    double[] weight = new double[1024], weight2 = new double[1024];
    boolean hasWeight2;
    int samples;

    private int[] pending = new int[128];
    private int pendingN;
    private boolean open;

    public StackStoreBuilder() {
        parent[0] = -1;
        frame[0] = -1;
    }

    /** Id of a frame (name, DSO); dso may be null when unknown. */
    public int frameId(byte[] b, int nameOff, int nameLen, byte[] d, int dsoOff, int dsoLen) {
        int n = names.intern(b, nameOff, nameLen);
        int ds = d == null ? -1 : dsos.intern(d, dsoOff, dsoLen);
        return frameId(n, ds);
    }

    public int frameId(String name, String dso) {
        return frameId(names.intern(name), dso == null ? -1 : dsos.intern(dso));
    }

    private int frameId(int n, int ds) {
        long key = ((long) n << 32) | (ds & 0xffffffffL);
        int id = frameIds.get(key);
        if (id >= 0) return id;
        id = frames++;
        if (id == frameName.length) {
            frameName = Arrays.copyOf(frameName, id * 2);
            frameDso = Arrays.copyOf(frameDso, id * 2);
        }
        frameName[id] = n;
        frameDso[id] = ds;
        frameIds.put(key, id);
        return id;
    }

    public int comm(byte[] b, int off, int len) {
        return comms.intern(b, off, len);
    }

    public int event(byte[] b, int off, int len) {
        return events.intern(b, off, len);
    }

    public int event(String name) {
        return events.intern(name);
    }

    /** Starts a sample; ts/cpu/pid -1 when unknown, commId/eventId -1 when unknown. */
    public void beginSample(long tsNs, int cpuNo, int pidNo, int tidNo, int commId, int eventId, double w) {
        if (open) endSample();
        if (samples == ts.length) grow();
        int i = samples;
        ts[i] = tsNs;
        cpu[i] = cpuNo;
        pid[i] = pidNo;
        tid[i] = tidNo;
        comm[i] = commId;
        event[i] = eventId;
        weight[i] = w;
        weight2[i] = 0;
        pendingN = 0;
        open = true;
    }

    /** Second count of a differential folded line. */
    public void weight2(double w2) {
        weight2[samples] = w2;
        hasWeight2 = true;
    }

    public void frame(int frameId) {
        if (pendingN == pending.length) pending = Arrays.copyOf(pending, pendingN * 2);
        pending[pendingN++] = frameId;
    }

    public boolean inSample() {
        return open;
    }

    /** Ends the open sample; leafFirst says the frames came leaf first (perf) rather than root first (folded). */
    public void endSample(boolean leafFirst) {
        if (!open) return;
        int node = 0;
        if (leafFirst) for (int k = pendingN - 1; k >= 0; k--) node = child(node, pending[k]);
        else for (int k = 0; k < pendingN; k++) node = child(node, pending[k]);
        stack[samples] = node;
        samples++;
        open = false;
    }

    public void endSample() {
        endSample(true);
    }

    private int child(int p, int f) {
        long key = ((long) p << 32) | (f & 0xffffffffL);
        int c = children.get(key);
        if (c >= 0) return c;
        c = nodes++;
        if (c == parent.length) {
            parent = Arrays.copyOf(parent, c * 2);
            frame = Arrays.copyOf(frame, c * 2);
            depth = Arrays.copyOf(depth, c * 2);
        }
        parent[c] = p;
        frame[c] = f;
        depth[c] = depth[p] + 1;
        children.put(key, c);
        return c;
    }

    private void grow() {
        int c = samples * 2;
        ts = Arrays.copyOf(ts, c);
        cpu = Arrays.copyOf(cpu, c);
        pid = Arrays.copyOf(pid, c);
        tid = Arrays.copyOf(tid, c);
        comm = Arrays.copyOf(comm, c);
        event = Arrays.copyOf(event, c);
        stack = Arrays.copyOf(stack, c);
        weight = Arrays.copyOf(weight, c);
        weight2 = Arrays.copyOf(weight2, c);
    }

    public int size() {
        return samples;
    }

    public StackStore build() {
        if (open) endSample();
        return new StackStore(this);
    }
}
