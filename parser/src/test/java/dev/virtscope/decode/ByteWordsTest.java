package dev.virtscope.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Word-at-a-time reading gives what a byte loop gives, at every offset and near the array's end. */
class ByteWordsTest {

    @Test
    void findsTheFirstMatchAtEveryPositionOrNone() {
        // bytes with the high bit set and the neighbours of '\n' must never be taken for it
        byte[] noise = {(byte) 0x80, (byte) 0xff, 0x0b, 0x09, 0x00, (byte) 0x8a, 'a'};
        for (int len = 0; len <= 40; len++) {
            byte[] b = new byte[len];
            for (int i = 0; i < len; i++) b[i] = noise[i % noise.length];
            for (int from = 0; from <= len; from++) assertEquals(-1, ByteWords.indexOf(b, from, len, (byte) '\n'));
            for (int at = 0; at < len; at++) {
                byte[] c = b.clone();
                c[at] = '\n';
                if (at + 3 < len) c[at + 3] = '\n'; // a later match does not count
                for (int from = 0; from <= at; from++) assertEquals(at, ByteWords.indexOf(c, from, len, (byte) '\n'), len + "/" + at + "/" + from);
                assertEquals(-1, ByteWords.indexOf(c, 0, at, (byte) '\n'), "the end bound is exclusive");
            }
        }
        byte[] high = {1, 2, 3, 4, 5, 6, 7, 8, (byte) 0xff, 9};
        assertEquals(8, ByteWords.indexOf(high, 0, high.length, (byte) 0xff));
    }

    @Test
    void wordsAreLittleEndianAndZeroPastTheLength() {
        byte[] b = "abcdefghij".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        for (int off = 0; off < b.length; off++) {
            for (int len = 1; off + len <= b.length; len++) {
                for (int k = 0; 8 * k < len; k++) {
                    long want = 0;
                    for (int i = Math.min(len, 8 * k + 8) - 1; i >= 8 * k; i--) want = (want << 8) | b[off + i];
                    assertEquals(want, ByteWords.word(b, off, len, k), off + "/" + len + "/" + k);
                }
            }
        }
    }

    @Test
    void tokenSearchFindsWhatStringIndexOfFinds() {
        String text = "prev_comm=a next_comm prev_pid=1 next_comm=next_comm=b next_pid=22 ==> x";
        byte[] b = text.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        for (String token : new String[] {"next_comm=", " next_pid=", " ==> ", "x", "=b", "absent", "prev_comm="}) {
            for (int s = 0; s <= b.length; s++) {
                for (int e = s; e <= b.length; e += 7) {
                    int want = text.substring(0, e).indexOf(token, s);
                    assertEquals(want, ByteText.indexOf(b, s, e, ByteText.ascii(token)), token + " in [" + s + "," + e + ")");
                    assertEquals(want, ByteText.indexOf(b, s, e, token), token + " in [" + s + "," + e + ")");
                    assertEquals(text.startsWith(token, s) && s + token.length() <= e, ByteText.startsWith(b, s, e, ByteText.ascii(token)));
                }
            }
        }
    }
}
