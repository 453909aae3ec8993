package dev.virtscope.format.perf;

/**
 * Turns one perf frame (symbol and DSO) into the folded-stack names stackcollapse-perf.pl prints:
 * {@code +0x…} offset removed, {@code a->b} inline chains split, {@code [unknown]} replaced by the
 * DSO's base name, {@code ;} → {@code :}, argument lists dropped (except Go method names and
 * {@code (anonymous namespace)}), quotes removed, Java {@code L} prefix dropped for comm
 * {@code java}, then the {@code _[i]}, {@code _[k]}, {@code _[j]} annotations. Works on bytes and
 * appends to a caller-owned buffer.
 */
final class FrameTidy {
    private static final byte[] UNKNOWN = "[unknown]".getBytes();
    private static final byte[] ANON = "anonymous namespace)".getBytes();
    private static final byte[] TMP_PERF = "/tmp/perf-".getBytes();

    private final boolean kernel, jit;
    private byte[] piece = new byte[256];

    FrameTidy(boolean kernel, boolean jit) {
        this.kernel = kernel;
        this.jit = jit;
    }

    /** End of the symbol without a trailing {@code +0x<lowercase hex>} offset. */
    static int stripOffset(byte[] b, int s, int e) {
        int p = e;
        while (p > s && ((b[p - 1] >= '0' && b[p - 1] <= '9') || (b[p - 1] >= 'a' && b[p - 1] <= 'f'))) p--;
        if (p < e && p - s >= 3 && b[p - 1] == 'x' && b[p - 2] == '0' && b[p - 3] == '+') return p - 3;
        return e;
    }

    /**
     * Appends the names of frame sym b[s,e) from DSO b[ms,me) to out, joined by ';'. Returns the new
     * length of out, or -1 when the frame contributes nothing (skipped or empty).
     */
    int tidy(byte[] b, int s, int e, int ms, int me, boolean javaComm, Buf out) {
        e = stripOffset(b, s, e);
        if (e > s && b[s] == '(') return -1;
        // Perl's split drops trailing empty fields
        int end = e;
        while (end - s >= 2 && b[end - 1] == '>' && b[end - 2] == '-') end -= 2;
        if (end == s) return -1;
        int pieceNo = 0;
        int p = s;
        while (true) {
            int q = p;
            while (q < end && !(b[q] == '-' && q + 1 < end && b[q + 1] == '>')) q++;
            if (pieceNo > 0) out.add((byte) ';');
            onePiece(b, p, q, ms, me, javaComm, pieceNo, out);
            pieceNo++;
            if (q >= end) break;
            p = q + 2;
        }
        return out.len;
    }

    private void onePiece(byte[] b, int s, int e, int ms, int me, boolean javaComm, int pieceNo, Buf out) {
        int n = 0;
        if (equals(b, s, e, UNKNOWN)) {
            if (!equals(b, ms, me, UNKNOWN)) {
                int base = ms;
                for (int i = ms; i < me; i++) if (b[i] == '/') base = i + 1;
                n = put(n, (byte) '[');
                for (int i = base; i < me; i++) n = put(n, b[i]);
                n = put(n, (byte) ']');
            } else {
                for (byte c : UNKNOWN) n = put(n, c);
            }
        } else {
            for (int i = s; i < e; i++) n = put(n, b[i]);
        }
        byte[] f = piece;
        for (int i = 0; i < n; i++) if (f[i] == ';') f[i] = ':';
        if (!goMethod(f, n)) {
            for (int i = 0; i < n; i++) {
                if (f[i] == '(' && !startsWith(f, i + 1, n, ANON)) {
                    n = i;
                    break;
                }
            }
        }
        int w = 0;
        for (int i = 0; i < n; i++) if (f[i] != '"' && f[i] != '\'') f[w++] = f[i];
        n = w;
        int from = 0;
        if (javaComm && n > 0 && f[0] == 'L' && indexOf(f, 0, n, (byte) '/') >= 0) from = 1;
        for (int i = from; i < n; i++) out.add(f[i]);
        if (pieceNo > 0) {
            if (!contains(f, from, n, '_', '[', 'i', ']')) out.add("_[i]");
        } else if (kernel && me > ms && (b[ms] == '[' || endsWith(b, ms, me, "vmlinux")) && !containsText(b, ms, me, "unknown")) {
            out.add("_[k]");
        } else if (jit && perfMap(b, ms, me)) {
            if (!contains(f, from, n, '_', '[', 'j', ']')) out.add("_[j]");
        }
    }

    private int put(int n, byte c) {
        if (n == piece.length) piece = java.util.Arrays.copyOf(piece, n * 2);
        piece[n] = c;
        return n + 1;
    }

    /** Go method names like {@code net/http.(*Client).Do} keep their parentheses: {@code \.\(.*\)\.}. */
    private static boolean goMethod(byte[] f, int n) {
        int open = -1;
        for (int i = 0; i + 1 < n; i++) if (f[i] == '.' && f[i + 1] == '(') {
            open = i;
            break;
        }
        if (open < 0) return false;
        for (int j = n - 2; j >= open + 2; j--) if (f[j] == ')' && f[j + 1] == '.') return true;
        return false;
    }

    /** {@code /tmp/perf-\d+\.map} anywhere in the DSO. */
    private static boolean perfMap(byte[] b, int s, int e) {
        for (int i = s; i + TMP_PERF.length < e; i++) {
            if (!startsWith(b, i, e, TMP_PERF)) continue;
            int d = i + TMP_PERF.length, k = d;
            while (k < e && b[k] >= '0' && b[k] <= '9') k++;
            if (k > d && k + 4 <= e && b[k] == '.' && b[k + 1] == 'm' && b[k + 2] == 'a' && b[k + 3] == 'p') return true;
        }
        return false;
    }

    static boolean equals(byte[] b, int s, int e, byte[] t) {
        if (e - s != t.length) return false;
        for (int i = 0; i < t.length; i++) if (b[s + i] != t[i]) return false;
        return true;
    }

    static boolean startsWith(byte[] b, int s, int e, byte[] t) {
        if (e - s < t.length) return false;
        for (int i = 0; i < t.length; i++) if (b[s + i] != t[i]) return false;
        return true;
    }

    private static boolean endsWith(byte[] b, int s, int e, String t) {
        int n = t.length();
        if (e - s < n) return false;
        for (int i = 0; i < n; i++) if (b[e - n + i] != (byte) t.charAt(i)) return false;
        return true;
    }

    private static boolean containsText(byte[] b, int s, int e, String t) {
        int n = t.length();
        outer:
        for (int i = s; i + n <= e; i++) {
            for (int k = 0; k < n; k++) if (b[i + k] != (byte) t.charAt(k)) continue outer;
            return true;
        }
        return false;
    }

    private static boolean contains(byte[] f, int s, int n, char a, char b2, char c, char d) {
        for (int i = s; i + 3 < n; i++) if (f[i] == a && f[i + 1] == b2 && f[i + 2] == c && f[i + 3] == d) return true;
        return false;
    }

    private static int indexOf(byte[] f, int s, int n, byte c) {
        for (int i = s; i < n; i++) if (f[i] == c) return i;
        return -1;
    }

    /** A growable byte buffer. */
    static final class Buf {
        byte[] a = new byte[1024];
        int len;

        void add(byte c) {
            if (len == a.length) a = java.util.Arrays.copyOf(a, len * 2);
            a[len++] = c;
        }

        void add(String s) {
            for (int i = 0; i < s.length(); i++) add((byte) s.charAt(i));
        }

        void add(byte[] b, int s, int e) {
            int n = e - s;
            if (len + n > a.length) a = java.util.Arrays.copyOf(a, Math.max(a.length * 2, len + n));
            System.arraycopy(b, s, a, len, n);
            len += n;
        }
    }
}
