package dev.virtscope.format.tracedat;

import java.util.Arrays;

/**
 * The kernel symbol table embedded in a trace.dat ({@code /proc/kallsyms} text: {@code ADDR TYPE
 * NAME [module]}), for {@code %pS}/{@code %ps} and function addresses. Sorted arrays, binary search.
 */
final class Kallsyms {
    private final long[] addr;
    private final String[] name;

    private Kallsyms(long[] addr, String[] name) {
        this.addr = addr;
        this.name = name;
    }

    static Kallsyms parse(String text) {
        int n = 0;
        long[] a = new long[1024];
        String[] s = new String[1024];
        int i = 0;
        int len = text.length();
        while (i < len) {
            int nl = text.indexOf('\n', i);
            if (nl < 0) nl = len;
            int sp1 = text.indexOf(' ', i);
            int sp2 = sp1 < 0 ? -1 : text.indexOf(' ', sp1 + 1);
            if (sp1 > i && sp2 > sp1 && sp2 < nl) {
                try {
                    long v = Long.parseUnsignedLong(text.substring(i, sp1), 16);
                    // kptr_restrict hides addresses as 0: such a table names nothing
                    if (v == 0) {
                        i = nl + 1;
                        continue;
                    }
                    int end = sp2 + 1;
                    while (end < nl && text.charAt(end) != '\t') end++; // "\t[module]" follows the name
                    if (n == a.length) {
                        a = Arrays.copyOf(a, n * 2);
                        s = Arrays.copyOf(s, n * 2);
                    }
                    a[n] = v;
                    s[n] = text.substring(sp2 + 1, end).trim();
                    n++;
                } catch (NumberFormatException ignored) {
                    // not a symbol line
                }
            }
            i = nl + 1;
        }
        Integer[] order = new Integer[n];
        for (int k = 0; k < n; k++) order[k] = k;
        final long[] fa = a;
        Arrays.sort(order, (x, y) -> Long.compareUnsigned(fa[x], fa[y]));
        long[] ra = new long[n];
        String[] rs = new String[n];
        for (int k = 0; k < n; k++) {
            ra[k] = a[order[k]];
            rs[k] = s[order[k]];
        }
        return new Kallsyms(ra, rs);
    }

    int size() {
        return addr.length;
    }

    /** Index of the symbol containing address a (the last one at or below it), or -1. */
    private int find(long a) {
        int lo = 0, hi = addr.length - 1, best = -1;
        while (lo <= hi) {
            int m = (lo + hi) >>> 1;
            if (Long.compareUnsigned(addr[m], a) <= 0) {
                best = m;
                lo = m + 1;
            } else hi = m - 1;
        }
        return best;
    }

    /**
     * {@code name+0xoff/0xsize} as the kernel's %pS prints it (the size is the distance to the next
     * symbol), {@code name} for %ps; null when the address is below every symbol.
     */
    String symbol(long a, boolean withOffset) {
        int i = find(a);
        if (i < 0 || a == 0) return null;
        if (!withOffset) return name[i];
        long off = a - addr[i];
        long size = i + 1 < addr.length ? addr[i + 1] - addr[i] : off + 1;
        return name[i] + "+0x" + Long.toHexString(off) + "/0x" + Long.toHexString(size);
    }
}
