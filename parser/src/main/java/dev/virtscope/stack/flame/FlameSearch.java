package dev.virtscope.stack.flame;

import java.util.BitSet;
import java.util.regex.Pattern;

/**
 * Regex search over frame names, as flamegraph.pl's search: nodes whose name matches are marked,
 * and the matched share is the weight under the topmost matches (a match inside a matched frame
 * is not counted twice) divided by the total.
 */
public final class FlameSearch {
    private final BitSet matched;
    private final double matchedWeight, total;

    public FlameSearch(FlameTree t, Pattern regex, int root) {
        matched = new BitSet(t.size());
        double sum = 0;
        int[] stack = new int[t.maxDepth() + 2];
        boolean[] under = new boolean[t.maxDepth() + 2];
        int sp = 0;
        stack[sp] = root;
        under[sp++] = false;
        while (sp > 0) {
            int n = stack[--sp];
            boolean inMatch = under[sp];
            boolean m = n != 0 && regex.matcher(t.name(n)).find();
            if (m) matched.set(n);
            if (m && !inMatch) sum += t.total(n);
            for (int k = t.childCount(n) - 1; k >= 0; k--) {
                if (sp == stack.length) {
                    stack = java.util.Arrays.copyOf(stack, sp * 2);
                    under = java.util.Arrays.copyOf(under, sp * 2);
                }
                stack[sp] = t.childAt(n, k);
                under[sp++] = inMatch || m;
            }
        }
        matchedWeight = sum;
        total = t.total(root);
    }

    public boolean matched(int node) {
        return matched.get(node);
    }

    public double matchedWeight() {
        return matchedWeight;
    }

    /** Percentage of the (zoomed) total under matching frames. */
    public double percent() {
        return total == 0 ? 0 : 100.0 * matchedWeight / total;
    }
}
