package dev.virtscope.stack;

import dev.virtscope.store.StringTable;

/**
 * Stack samples of a trace, columnar: frames interned once (frame id → name, DSO), call stacks as a
 * prefix-sharing trie ({@code parent[]}, {@code frame[]}; node 0 is the empty stack), and samples as
 * parallel primitive arrays pointing at their stack's trie node. No object per sample or frame.
 * Weights are doubles because folded input may carry decimal counts; {@code weight2} is the second
 * count of differential folded input (null otherwise).
 */
public final class StackStore {
    public static final StackStore EMPTY = new StackStoreBuilder().build();

    final StringTable names, dsos, comms, events;
    final int[] frameName, frameDso;
    final int[] parent, frame, depth;
    final long[] ts;
    final int[] cpu, pid, tid, comm, event, stack;
    final double[] weight, weight2;
    final int samples, frames, nodes;

    StackStore(StackStoreBuilder b) {
        names = b.names;
        dsos = b.dsos;
        comms = b.comms;
        events = b.events;
        frames = b.frames;
        frameName = java.util.Arrays.copyOf(b.frameName, frames);
        frameDso = java.util.Arrays.copyOf(b.frameDso, frames);
        nodes = b.nodes;
        parent = java.util.Arrays.copyOf(b.parent, nodes);
        frame = java.util.Arrays.copyOf(b.frame, nodes);
        depth = java.util.Arrays.copyOf(b.depth, nodes);
        samples = b.samples;
        ts = java.util.Arrays.copyOf(b.ts, samples);
        cpu = java.util.Arrays.copyOf(b.cpu, samples);
        pid = java.util.Arrays.copyOf(b.pid, samples);
        tid = java.util.Arrays.copyOf(b.tid, samples);
        comm = java.util.Arrays.copyOf(b.comm, samples);
        event = java.util.Arrays.copyOf(b.event, samples);
        stack = java.util.Arrays.copyOf(b.stack, samples);
        weight = java.util.Arrays.copyOf(b.weight, samples);
        weight2 = b.hasWeight2 ? java.util.Arrays.copyOf(b.weight2, samples) : null;
    }

    public boolean isEmpty() {
        return samples == 0;
    }

    public int sampleCount() {
        return samples;
    }

    public int frameCount() {
        return frames;
    }

    /** Trie nodes, the empty root included. */
    public int nodeCount() {
        return nodes;
    }

    /** Sample time in ns, or -1 when the input had none. */
    public long ts(int i) {
        return ts[i];
    }

    /** CPU, or -1 when not recorded. */
    public int cpu(int i) {
        return cpu[i];
    }

    /** Process id, or -1 when not recorded. */
    public int pid(int i) {
        return pid[i];
    }

    public int tid(int i) {
        return tid[i];
    }

    public int comm(int i) {
        return comm[i];
    }

    public String commName(int i) {
        return comm[i] < 0 ? "" : comms.get(comm[i]);
    }

    public int event(int i) {
        return event[i];
    }

    public String eventName(int i) {
        return event[i] < 0 ? "" : events.get(event[i]);
    }

    public double weight(int i) {
        return weight[i];
    }

    public boolean differential() {
        return weight2 != null;
    }

    public double weight2(int i) {
        return weight2 == null ? 0 : weight2[i];
    }

    /** Trie node of the sample's call stack (leaf frame). */
    public int stack(int i) {
        return stack[i];
    }

    public int parent(int node) {
        return parent[node];
    }

    /** Frame id at a trie node (node 0 has none: -1). */
    public int frameAt(int node) {
        return frame[node];
    }

    /** Number of frames from the root to the node. */
    public int depth(int node) {
        return depth[node];
    }

    public String frameName(int frameId) {
        return names.get(frameName[frameId]);
    }

    /** DSO of a frame, "" when unknown. */
    public String frameDso(int frameId) {
        return frameDso[frameId] < 0 ? "" : dsos.get(frameDso[frameId]);
    }

    public StringTable comms() {
        return comms;
    }

    public StringTable events() {
        return events;
    }

    /** Frames of a stack root first into out (sized by {@link #depth}); returns the depth. */
    public int framesRootFirst(int node, int[] out) {
        int d = depth[node];
        for (int k = d - 1, n = node; k >= 0; k--, n = parent[n]) out[k] = frame[n];
        return d;
    }
}
