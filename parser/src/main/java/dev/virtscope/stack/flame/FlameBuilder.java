package dev.virtscope.stack.flame;

import java.util.Arrays;

import dev.virtscope.stack.StackStore;
import dev.virtscope.store.StringTable;

/**
 * Builds a {@link FlameTree} from stack samples: optionally the process name as the root frame
 * (like stackcollapse-perf.pl), optional merging of direct recursion ({@code a;a;a;b} → {@code a;b}),
 * and differential graphs, either from two-count folded input or from two profiles ("after" drawn,
 * "before" as the baseline), with optional normalisation of the baseline to the same total.
 */
public final class FlameBuilder {
    private boolean commRoot = true;
    private boolean mergeRecursion;
    private boolean normalize;
    private FlameFilter filter = FlameFilter.ALL;
    private java.util.BitSet only;

    public FlameBuilder filter(FlameFilter f) {
        filter = f;
        return this;
    }

    /**
     * Counts only the samples whose index is set (of the drawn profile; a differential baseline
     * is not restricted), e.g. the samples taken inside kvm exits; null counts every sample.
     */
    public FlameBuilder only(java.util.BitSet samples) {
        only = samples;
        return this;
    }

    /** Put the sample's process name above its stack (perf input only; folded input has none). */
    public FlameBuilder commRoot(boolean on) {
        commRoot = on;
        return this;
    }

    public FlameBuilder mergeRecursion(boolean on) {
        mergeRecursion = on;
        return this;
    }

    /** Scale the baseline of a differential graph so its total equals the drawn profile's. */
    public FlameBuilder normalize(boolean on) {
        normalize = on;
        return this;
    }

    /** A flame graph of one profile (two-count folded input gives a differential graph). */
    public FlameTree build(StackStore store) {
        FlameTree t = new FlameTree(new StringTable());
        Adder a = new Adder(t, store);
        boolean diff = store.differential();
        for (int i = 0; i < store.sampleCount(); i++) {
            if (!keep(store, i) || (only != null && !only.get(i))) continue;
            if (diff) a.sample(i, store.weight2(i), store.weight(i));
            else a.sample(i, store.weight(i), 0);
        }
        t.differential = diff;
        return finish(t);
    }

    /** A differential flame graph: widths from {@code after}, colours from the change since {@code before}. */
    public FlameTree buildDiff(StackStore after, StackStore before) {
        FlameTree t = new FlameTree(new StringTable());
        Adder a = new Adder(t, after);
        for (int i = 0; i < after.sampleCount(); i++) if (keep(after, i) && (only == null || only.get(i))) a.sample(i, after.weight(i), 0);
        Adder b = new Adder(t, before);
        for (int i = 0; i < before.sampleCount(); i++) if (keep(before, i)) b.sample(i, 0, before.weight(i));
        t.differential = true;
        return finish(t);
    }

    private FlameTree finish(FlameTree t) {
        if (t.differential && normalize && t.base[0] > 0) {
            double k = t.total[0] / t.base[0];
            for (int n = 0; n < t.size; n++) {
                t.base[n] *= k;
                t.baseSelf[n] *= k;
            }
        }
        t.finish();
        return t;
    }

    private boolean keep(StackStore s, int i) {
        FlameFilter f = filter;
        if (f.tid() >= 0 && s.tid(i) != f.tid()) return false;
        long ts = s.ts(i);
        if ((f.fromNs() != Long.MIN_VALUE || f.toNs() != Long.MAX_VALUE) && (ts < f.fromNs() || ts >= f.toNs())) return false;
        if (f.event() != null && !f.event().equals(s.eventName(i))) return false;
        if (f.comm() != null && !f.comm().matcher(s.commName(i)).matches()) return false;
        return true;
    }

    /** Inserts samples of one store; memoises store frame → tree name id. */
    private final class Adder {
        final FlameTree t;
        final StackStore s;
        int[] nameOf;
        int[] frames = new int[256];

        Adder(FlameTree t, StackStore s) {
            this.t = t;
            this.s = s;
            nameOf = new int[s.frameCount()];
            Arrays.fill(nameOf, -1);
        }

        void sample(int i, double w, double b) {
            int node = 0;
            int lastName = -1;
            if (commRoot && s.comm(i) >= 0) {
                lastName = t.names.intern(s.commName(i));
                node = t.child(0, lastName);
            }
            int stack = s.stack(i);
            int d = s.depth(stack);
            if (d > frames.length) frames = new int[d * 2];
            s.framesRootFirst(stack, frames);
            for (int k = 0; k < d; k++) {
                int f = frames[k];
                int nm = nameOf[f];
                if (nm < 0) nm = nameOf[f] = t.names.intern(s.frameName(f));
                if (mergeRecursion && nm == lastName) continue;
                node = t.child(node, nm);
                lastName = nm;
            }
            t.add(node, w, b);
        }
    }
}
