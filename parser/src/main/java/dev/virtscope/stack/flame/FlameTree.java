package dev.virtscope.stack.flame;

import java.util.Arrays;

import dev.virtscope.store.LongIntMap;
import dev.virtscope.store.StringTable;

/**
 * The merged call tree a flame graph draws: one node per distinct path of frame names, with total
 * (node and descendants) and self weights, plus the baseline weights of a differential graph.
 * Node 0 is the root ("all"). Columnar arrays; children are kept sorted by name, as flamegraph.pl
 * orders them, once {@link #finish} has run.
 */
public final class FlameTree {
    final StringTable names;
    int[] parent = new int[1024], name = new int[1024], depth = new int[1024];
    double[] total = new double[1024], self = new double[1024], base = new double[1024], baseSelf = new double[1024];
    int size = 1;
    private final LongIntMap children = new LongIntMap();
    int[] childStart, childList;
    boolean differential;
    int maxDepth;

    FlameTree(StringTable names) {
        this.names = names;
        parent[0] = -1;
        name[0] = -1;
    }

    int child(int p, int nameId) {
        long key = ((long) p << 32) | (nameId & 0xffffffffL);
        int c = children.get(key);
        if (c >= 0) return c;
        c = size++;
        if (c == parent.length) grow();
        parent[c] = p;
        name[c] = nameId;
        depth[c] = depth[p] + 1;
        maxDepth = Math.max(maxDepth, depth[c]);
        children.put(key, c);
        return c;
    }

    /** Adds weight w (and baseline b) to leaf and all its ancestors; leaf gets it as self weight. */
    void add(int leaf, double w, double b) {
        self[leaf] += w;
        baseSelf[leaf] += b;
        for (int n = leaf; n >= 0; n = parent[n]) {
            total[n] += w;
            base[n] += b;
        }
    }

    private void grow() {
        int c = parent.length * 2;
        parent = Arrays.copyOf(parent, c);
        name = Arrays.copyOf(name, c);
        depth = Arrays.copyOf(depth, c);
        total = Arrays.copyOf(total, c);
        self = Arrays.copyOf(self, c);
        base = Arrays.copyOf(base, c);
        baseSelf = Arrays.copyOf(baseSelf, c);
    }

    /** Sorts each node's children by name (byte order of the UTF-16 names, like Perl's sort on ASCII). */
    void finish() {
        int[] count = new int[size + 1];
        for (int n = 1; n < size; n++) count[parent[n] + 1]++;
        for (int i = 1; i <= size; i++) count[i] += count[i - 1];
        childStart = Arrays.copyOf(count, size + 1);
        childList = new int[Math.max(0, size - 1)];
        int[] fill = Arrays.copyOf(count, size);
        for (int n = 1; n < size; n++) childList[fill[parent[n]]++] = n;
        for (int p = 0; p < size; p++) {
            int s = childStart[p], e = childStart[p + 1];
            if (e - s < 2) continue;
            Integer[] kids = new Integer[e - s];
            for (int i = s; i < e; i++) kids[i - s] = childList[i];
            Arrays.sort(kids, (a, b) -> names.get(name[a]).compareTo(names.get(name[b])));
            for (int i = s; i < e; i++) childList[i] = kids[i - s];
        }
    }

    public int size() {
        return size;
    }

    public int parent(int n) {
        return parent[n];
    }

    public int depth(int n) {
        return depth[n];
    }

    public int maxDepth() {
        return maxDepth;
    }

    /** Frame name of a node; "all" for the root. */
    public String name(int n) {
        return n == 0 ? "all" : names.get(name[n]);
    }

    public double total(int n) {
        return total[n];
    }

    public double self(int n) {
        return self[n];
    }

    /** Baseline weight of a differential graph (0 otherwise). */
    public double base(int n) {
        return base[n];
    }

    public boolean differential() {
        return differential;
    }

    public int childCount(int n) {
        return childStart[n + 1] - childStart[n];
    }

    /** k-th child of n in name order. */
    public int childAt(int n, int k) {
        return childList[childStart[n] + k];
    }

    /** Ancestors of n from the root (exclusive) down to n (inclusive). */
    public int[] path(int n) {
        int[] p = new int[depth[n]];
        for (int i = p.length - 1, x = n; i >= 0; i--, x = parent[x]) p[i] = x;
        return p;
    }
}
