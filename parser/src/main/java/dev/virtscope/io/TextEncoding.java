package dev.virtscope.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Byte-order marks at the start of text traces (Windows editors and PowerShell's {@code >} write
 * them): a UTF-8 BOM is dropped, UTF-16 with a BOM is transcoded to UTF-8 on the fly, so every
 * importer sees the UTF-8 bytes it tokenises. Anything else passes through untouched.
 */
final class TextEncoding {
    private TextEncoding() {
    }

    static InputStream normalise(InputStream in) throws IOException {
        PushbackInputStream p = new PushbackInputStream(in, 3);
        byte[] b = new byte[3];
        int n = p.readNBytes(b, 0, 3);
        if (n == 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF) return p;
        if (n >= 2 && (((b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE) || ((b[0] & 0xff) == 0xFE && (b[1] & 0xff) == 0xFF))) {
            boolean le = (b[0] & 0xff) == 0xFF;
            if (n == 3) p.unread(b, 2, 1);
            return new Utf16ToUtf8(new InputStreamReader(p, le ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16BE));
        }
        if (n > 0) p.unread(b, 0, n);
        return p;
    }

    /** Encodes the characters of a reader as UTF-8, a buffer at a time; a malformed sequence becomes U+FFFD. */
    private static final class Utf16ToUtf8 extends InputStream {
        private final Reader reader;
        private final CharsetEncoder enc = StandardCharsets.UTF_8.newEncoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
        private final CharBuffer chars = CharBuffer.allocate(8192);
        private final ByteBuffer bytes = ByteBuffer.allocate(8192 * 3);
        private boolean eof;

        Utf16ToUtf8(Reader reader) {
            this.reader = reader;
            chars.flip();
            bytes.flip();
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) return 0;
            while (!bytes.hasRemaining()) {
                if (eof && !chars.hasRemaining()) return -1;
                chars.compact();
                int n = eof ? -1 : reader.read(chars);
                if (n < 0) eof = true;
                chars.flip();
                bytes.clear();
                enc.encode(chars, bytes, eof);
                bytes.flip();
            }
            int k = Math.min(len, bytes.remaining());
            bytes.get(b, off, k);
            return k;
        }

        @Override
        public void close() throws IOException {
            reader.close();
        }
    }
}
