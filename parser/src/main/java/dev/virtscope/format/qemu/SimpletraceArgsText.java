package dev.virtscope.format.qemu;

/**
 * Writes event arguments the way QEMU's simpletrace.py prints them ({@code name=0x1f} for
 * integers, {@code name=b'text'} for strings, Python 3 bytes repr), so that binary and text
 * simpletrace files share one payload form and one field decoder. Appends into a reusable buffer.
 */
final class SimpletraceArgsText {
    private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    byte[] buf = new byte[1024];
    int len;

    void reset() {
        len = 0;
    }

    private void put(byte b) {
        if (len == buf.length) buf = java.util.Arrays.copyOf(buf, buf.length * 2);
        buf[len++] = b;
    }

    private void put(String ascii) {
        for (int i = 0; i < ascii.length(); i++) put((byte) ascii.charAt(i));
    }

    private void separator() {
        if (len > 0) put((byte) ' ');
    }

    /** {@code name=0x…}: every integer argument is an unsigned 64-bit value in hex. */
    void hex(String name, long v) {
        separator();
        put(name);
        put("=0x");
        if (v == 0) {
            put((byte) '0');
            return;
        }
        int digits = (64 - Long.numberOfLeadingZeros(v) + 3) / 4;
        for (int d = digits - 1; d >= 0; d--) put(HEX[(int) (v >>> (d * 4)) & 0xf]);
    }

    /** {@code name=b'…'} with Python's bytes repr quoting and escapes. */
    void bytes(String name, byte[] s, int off, int n) {
        separator();
        put(name);
        put("=b");
        boolean single = false, dbl = false;
        for (int i = off; i < off + n; i++) {
            if (s[i] == '\'') single = true;
            else if (s[i] == '"') dbl = true;
        }
        byte q = single && !dbl ? (byte) '"' : (byte) '\'';
        put(q);
        for (int i = off; i < off + n; i++) {
            int c = s[i] & 0xff;
            if (c == q || c == '\\') {
                put((byte) '\\');
                put((byte) c);
            } else if (c == '\t') {
                put("\\t");
            } else if (c == '\n') {
                put("\\n");
            } else if (c == '\r') {
                put("\\r");
            } else if (c < 0x20 || c >= 0x7f) {
                put("\\x");
                put(HEX[c >> 4]);
                put(HEX[c & 0xf]);
            } else {
                put((byte) c);
            }
        }
        put(q);
    }
}
