package dev.virtscope.format.perf;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

import dev.virtscope.store.LongIntMap;

/**
 * The stackcollapse-perf.pl state machine over perf script lines, fed one line at a time (no
 * newline). Samples go into a trie (frame after frame, the process name last) whose nodes carry
 * the summed counts, so nothing is allocated per sample; {@link #collect} turns the trie into
 * folded lines. One instance per thread: a file may be cut into pieces at blank lines, where the
 * script's state is empty, and the pieces collapsed in parallel with the same event filter.
 */
public final class StackCollapser {
    private final CollapseOptions options;
    private final FrameTidy tidy;
    private final AddrToLine addr2line;
    private byte[] eventFilter;
    private final boolean filterDefaulted;
    /** first event skipped because of a defaulted filter (the script prints it once) */
    private String firstFiltered;
    private long unrecognised;

    // per-sample state
    private int pname = -1;
    private boolean javaComm;
    private long period;
    private int node;

    // trie
    private int[] parent = new int[1 << 12], label = new int[1 << 12];
    private long[] count = new long[1 << 12];
    private int nodes = 1;
    private final LongIntMap children = new LongIntMap(1 << 12);

    // frame text (raw "sym (dso" bytes) → folded text; kinds: 0 other comm, 1 comm java, 2 addr2line text
    private final ByteKeyMap[] rawFrames = {new ByteKeyMap(), new ByteKeyMap(), new ByteKeyMap()};
    private int[][] frameText = {new int[256], new int[256], new int[256]};
    private final FrameTidy.Buf texts = new FrameTidy.Buf();
    private final ByteKeyMap pnames = new ByteKeyMap();

    private final int[] f = new int[4], ev = new int[4];
    private final FrameTidy.Buf scratch = new FrameTidy.Buf();

    public StackCollapser(CollapseOptions options, byte[] eventFilter, boolean filterDefaulted) {
        this.options = options;
        this.tidy = new FrameTidy(options.kernel(), options.jit());
        this.addr2line = options.inline() ? new AddrToLine() : null;
        this.eventFilter = eventFilter;
        this.filterDefaulted = filterDefaulted;
        texts.add((byte) 0);
    }

    /**
     * The event name the script would filter on by default: that of the first header line that ends
     * in {@code event:}. Null when there is none in b[s,e).
     */
    public static byte[] firstEvent(byte[] b, int s, int e) {
        int[] h = new int[4], ev = new int[4];
        int p = s;
        while (p < e) {
            int nl = p;
            while (nl < e && b[nl] != '\n') nl++;
            if (nl > p && b[p] != '#' && CollapseRules.header(b, p, nl, h) >= 0 && CollapseRules.event(b, p, nl, ev)) {
                return Arrays.copyOfRange(b, ev[0], ev[1]);
            }
            p = nl + 1;
        }
        return null;
    }

    /** Feeds every complete line of b[s,e); returns where the unfinished last line starts. */
    public int feed(byte[] b, int s, int e, boolean last) {
        int p = s;
        while (p < e) {
            byte c = b[p];
            // frame lines of a sample the event filter skipped take the fast path too: they are
            // checked (a line that is not a frame still counts as unrecognised) but not stacked
            if ((c == '\t' || c == ' ') && addr2line == null) {
                int r = fastFrame(b, p, e, last);
                if (r == INCOMPLETE) return p;
                if (r >= 0) {
                    p = r;
                    continue;
                }
            }
            int nl = newline(b, p, e);
            if (nl == e && !last) return p;
            line(b, p, nl);
            p = nl + 1;
        }
        return e;
    }

    private static final int INCOMPLETE = -2;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL, ONES = 0x0101010101010101L, HIGHS = 0x8080808080808080L;

    /** Position of the first '\n' in b[s,e), or e; eight bytes at a time. */
    static int newline(byte[] b, int s, int e) {
        int q = s;
        while (q + 8 <= e) {
            long x = (long) LONGS.get(b, q) ^ NEWLINES;
            long t = (x - ONES) & ~x & HIGHS;
            if (t != 0) return q + (Long.numberOfTrailingZeros(t) >>> 3);
            q += 8;
        }
        while (q < e && b[q] != '\n') q++;
        return q;
    }

    private static final long HASH_SEED = 0x2545F4914F6CDD1DL;

    private static long mixIn(long h, long word) {
        h = (h ^ word) * 0x9E3779B97F4A7C15L;
        return h ^ (h >>> 29);
    }

    /** Content hash of b[s,e) read eight bytes at a time (zero-padded tail), whatever the buffer around it. */
    static int tailHash(byte[] b, int s, int e) {
        long h = HASH_SEED;
        int q = s;
        while (q + 8 <= e) {
            h = mixIn(h, (long) LONGS.get(b, q));
            q += 8;
        }
        if (q < e) {
            long w = 0;
            for (int k = 0; q + k < e; k++) w |= (b[q + k] & 0xffL) << (k << 3);
            h = mixIn(h, w);
        }
        h = mixIn(h, e - s);
        return (int) (h ^ (h >>> 32));
    }

    /** What a whole frame line (address included) came to, when it is not a frame id. */
    private static final int NOT_FRAME = -1, GENERAL = -2;
    /**
     * Distinct frame lines kept per kind. A profile repeats few call sites (a 213 MB perf script
     * holds under 3,000 distinct frame lines); the cap bounds memory on one that does not, and
     * lines past it are classified again each time, as every line once was.
     */
    private static final int LINE_CACHE_MAX = 1 << 20;
    private final ByteKeyMap[] lines = {new ByteKeyMap(), new ByteKeyMap()};
    private int[][] lineValue = {new int[256], new int[256]};

    /**
     * The hot path: a callchain line (one that starts with white space). The whole line from its
     * address on is the cache key, so a line seen before costs one pass that finds the newline
     * and hashes eight bytes at a time, one lookup and one compare; only a new line is parsed.
     * Lines of a sample the event filter dropped are classified the same way (a line that is no
     * frame still counts as unrecognised) but not stacked. Returns the next line's start,
     * INCOMPLETE when the line is cut by the buffer end, or -1 to take the general path.
     */
    private int fastFrame(byte[] b, int p, int e, boolean last) {
        int i = p;
        i = skipBlanks(b, i, e);
        if (i >= e || !CollapseRules.word(b[i])) return -1;
        long hh = HASH_SEED;
        int q = i, nl = -1;
        while (q + 8 <= e) {
            long v = (long) LONGS.get(b, q);
            long x = v ^ NEWLINES;
            long t = (x - ONES) & ~x & HIGHS;
            if (t != 0) {
                int k = Long.numberOfTrailingZeros(t) >>> 3;
                if (k > 0) hh = mixIn(hh, v & ((1L << (k << 3)) - 1));
                nl = q + k;
                break;
            }
            hh = mixIn(hh, v);
            q += 8;
        }
        int h;
        if (nl >= 0) {
            hh = mixIn(hh, nl - i);
            h = (int) (hh ^ (hh >>> 32));
        } else {
            nl = newline(b, i, e);
            if (nl == e && !last) return INCOMPLETE;
            h = tailHash(b, i, nl);
        }
        int kind = javaComm ? 1 : 0;
        ByteKeyMap lm = lines[kind];
        int li = lm.find(b, i, nl, h);
        int id;
        if (li >= 0) {
            id = lineValue[kind][li];
        } else {
            id = classify(b, p, i, nl, kind);
            if (lm.size() < LINE_CACHE_MAX) {
                li = lm.add(b, i, nl, h);
                if (li >= lineValue[kind].length) lineValue[kind] = Arrays.copyOf(lineValue[kind], lineValue[kind].length * 2);
                lineValue[kind][li] = id;
            }
        }
        if (id >= 0) {
            if (pname >= 0 && frameText[kind][id] >= 0) node = child(node, id << 2 | kind);
        } else if (id == NOT_FRAME) {
            unrecognised++;
        } else if (pname >= 0 && CollapseRules.frame(b, p, nl, f)) {
            frame(b, p, nl);
        }
        return nl + 1;
    }

    /** First byte at or after i (before e) that is not Perl white space other than a newline. */
    private static int skipBlanks(byte[] b, int i, int e) {
        while (i < e && b[i] != '\n' && CollapseRules.ws(b[i])) i++;
        return i;
    }

    /**
     * A frame line not seen before, whose address starts at a: its frame id (by the text after
     * the address, so call sites of one function share it), NOT_FRAME, or GENERAL when the script's
     * match puts the symbol elsewhere than after the address (then parsed every time).
     */
    private int classify(byte[] b, int p, int a, int nl, int kind) {
        int s2 = a;
        while (s2 < nl && CollapseRules.word(b[s2])) s2++;
        s2 = skipBlanks(b, s2, nl);
        int h = tailHash(b, s2, nl);
        ByteKeyMap m = rawFrames[kind];
        int id = m.find(b, s2, nl, h);
        if (id >= 0) return id;
        if (!CollapseRules.frame(b, p, nl, f)) return NOT_FRAME;
        if (f[0] != s2) return GENERAL;
        id = m.add(b, s2, nl, h);
        scratch.len = 0;
        if (tidy.tidy(b, f[0], f[1], f[2], f[3], javaComm, scratch) < 0) setNone(kind, id);
        else setText(kind, id, scratch.a, 0, scratch.len);
        return id;
    }

    public void line(byte[] b, int s, int e) {
        if (s == e) {
            endOfSample();
            return;
        }
        if (b[s] == '#') return;
        int commEnd = CollapseRules.header(b, s, e, f);
        if (commEnd >= 0) {
            header(b, s, commEnd, e);
        } else if (CollapseRules.frame(b, s, e, f)) {
            if (pname >= 0) frame(b, s, e);
        } else {
            unrecognised++;
        }
    }

    private void endOfSample() {
        if (pname < 0) return;
        int n = child(node, -1 - pname);
        count[n] += period;
        node = 0;
        pname = -1;
    }

    private void header(byte[] b, int s, int commEnd, int e) {
        int pid0 = f[0], pid1 = f[1], tid0 = f[2], tid1 = f[3];
        long p = 1;
        if (CollapseRules.event(b, s, e, ev)) {
            if (eventFilter == null) {
                eventFilter = Arrays.copyOfRange(b, ev[0], ev[1]);
            } else if (!Arrays.equals(eventFilter, 0, eventFilter.length, b, ev[0], ev[1])) {
                if (filterDefaulted && firstFiltered == null) firstFiltered = new String(b, ev[0], ev[1] - ev[0], java.nio.charset.StandardCharsets.UTF_8);
                return;
            }
            p = period(b, ev[2], ev[3]);
        }
        boolean noTid = tid0 == tid1 || (tid1 - tid0 == 1 && b[tid0] == '0');
        FrameTidy.Buf n = scratch;
        n.len = 0;
        n.add(b, s, commEnd);
        if (options.tid() || options.pid()) {
            n.add((byte) '-');
            if (noTid) n.add((byte) '?');
            else n.add(b, pid0, pid1);
            if (options.tid()) {
                n.add((byte) '/');
                if (noTid) n.add(b, pid0, pid1);
                else n.add(b, tid0, tid1);
            }
        }
        for (int i = 0; i < n.len; i++) if (n.a[i] == ' ') n.a[i] = '_';
        int h = ByteKeyMap.hash(n.a, 0, n.len, 7);
        int id = pnames.find(n.a, 0, n.len, h);
        if (id < 0) id = pnames.add(n.a, 0, n.len, h);
        pname = id;
        javaComm = n.len == 4 && n.a[0] == 'j' && n.a[1] == 'a' && n.a[2] == 'v' && n.a[3] == 'a';
        period = p;
    }

    /** The script's period: absent or "0" count as 1 ({@code not $period}); otherwise the number. */
    private static long period(byte[] b, int s, int e) {
        if (e == s || (e - s == 1 && b[s] == '0')) return 1;
        long v = 0;
        for (int i = s; i < e; i++) v = v * 10 + (b[i] - '0');
        return v;
    }

    private void frame(byte[] b, int s, int e) {
        int symS = f[0], symE = f[1], dsoS = f[2], dsoE = f[3];
        if (addr2line != null && addr2line.applies(b, dsoS, dsoE)) {
            int a = s;
            while (CollapseRules.ws(b[a])) a++;
            int a1 = a;
            while (CollapseRules.word(b[a1])) a1++;
            String text = addr2line.inline(new String(b, a, a1 - a), new String(b, dsoS, dsoE - dsoS, java.nio.charset.StandardCharsets.UTF_8),
                    new String(b, symS, symE - symS, java.nio.charset.StandardCharsets.UTF_8));
            if (text != null) {
                byte[] t = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                textFrame(t, 0, t.length);
                return;
            }
        }
        scratch.len = 0;
        if (tidy.tidy(b, symS, symE, dsoS, dsoE, javaComm, scratch) < 0) return;
        textFrame(scratch.a, 0, scratch.len);
    }

    /** A frame known by its folded text (the slow path, addr2line): kind 2, keyed by the text itself. */
    private void textFrame(byte[] t, int s, int e) {
        ByteKeyMap m = rawFrames[2];
        int h = ByteKeyMap.hash(t, s, e, 11);
        int id = m.find(t, s, e, h);
        if (id < 0) {
            id = m.add(t, s, e, h);
            setText(2, id, t, s, e);
        }
        node = child(node, id << 2 | 2);
    }

    private void ensure(int kind, int id) {
        if (id >= frameText[kind].length) frameText[kind] = Arrays.copyOf(frameText[kind], Math.max(id + 1, frameText[kind].length * 2));
    }

    private void setNone(int kind, int id) {
        ensure(kind, id);
        frameText[kind][id] = -1;
    }

    /** Texts are stored length-prefixed (4 bytes) in one buffer; frameText holds the offset. */
    private void setText(int kind, int id, byte[] a, int s, int e) {
        ensure(kind, id);
        int off = texts.len;
        int n = e - s;
        texts.add((byte) (n >>> 24));
        texts.add((byte) (n >>> 16));
        texts.add((byte) (n >>> 8));
        texts.add((byte) n);
        texts.add(a, s, e);
        frameText[kind][id] = off;
    }

    private int child(int parentNode, int lab) {
        // consecutive samples mostly repeat their stacks: remember each node's last step
        if (parentNode < memoLabel.length && memoLabel[parentNode] == lab && memoChild[parentNode] != 0) return memoChild[parentNode];
        int c = childSlow(parentNode, lab);
        if (parentNode >= memoLabel.length) {
            int n = Math.max(parentNode + 1, memoLabel.length * 2);
            memoLabel = Arrays.copyOf(memoLabel, n);
            memoChild = Arrays.copyOf(memoChild, n);
        }
        memoLabel[parentNode] = lab;
        memoChild[parentNode] = c;
        return c;
    }

    private int[] memoLabel = new int[1 << 12], memoChild = new int[1 << 12];

    private int childSlow(int parentNode, int lab) {
        long key = ((long) parentNode << 32) | (lab & 0xffffffffL);
        int c = children.get(key);
        if (c >= 0) return c;
        c = nodes++;
        if (c == parent.length) {
            parent = Arrays.copyOf(parent, c * 2);
            label = Arrays.copyOf(label, c * 2);
            count = Arrays.copyOf(count, c * 2);
        }
        parent[c] = parentNode;
        label[c] = lab;
        children.put(key, c);
        return c;
    }

    /** Lines that matched neither a sample header nor a frame (the script warns about each). */
    public long unrecognised() {
        return unrecognised;
    }

    public String firstFiltered() {
        return firstFiltered;
    }

    public byte[] eventFilter() {
        return eventFilter;
    }

    /** Adds every folded stack (key bytes, count) of this collapser to out. */
    public void collect(FoldedCounts out) {
        FrameTidy.Buf k = new FrameTidy.Buf();
        int[] path = new int[64];
        for (int n = 1; n < nodes; n++) {
            if (label[n] >= 0) continue;
            int depth = 0;
            for (int x = parent[n]; x != 0; x = parent[x]) {
                if (depth == path.length) path = Arrays.copyOf(path, depth * 2);
                path[depth++] = x;
            }
            k.len = 0;
            int p = -1 - label[n];
            k.add(pnames.arena(), pnames.offset(p), pnames.offset(p) + pnames.length(p));
            for (int d = 0; d < depth; d++) {
                int lab = label[path[d]];
                int off = frameText[lab & 3][lab >>> 2];
                byte[] t = texts.a;
                int len = (t[off] & 0xff) << 24 | (t[off + 1] & 0xff) << 16 | (t[off + 2] & 0xff) << 8 | (t[off + 3] & 0xff);
                k.add((byte) ';');
                k.add(t, off + 4, off + 4 + len);
            }
            out.add(Arrays.copyOf(k.a, k.len), count[n]);
        }
    }
}
