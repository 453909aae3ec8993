package dev.virtscope.decode.qemu;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import dev.virtscope.decode.EventFields;
import dev.virtscope.decode.ByteText;

/**
 * Splits simpletrace.py argument text: {@code name=0x1f} (unsigned hex), {@code name=b'…'} /
 * {@code name=b"…"} (Python 3 bytes repr, unescaped here) and Python 2's raw strings, which run
 * to the next {@code " word="}.
 */
public final class SimpletraceArgs {
    private SimpletraceArgs() {
    }

    /** Adds one field per argument; false if the text is not of this form. */
    public static boolean split(byte[] b, int s, int e, EventFields out) {
        int i = s;
        while (i < e) {
            int ns = i;
            while (i < e && b[i] != '=' && b[i] != ' ') i++;
            if (i >= e || b[i] != '=' || i == ns) return false;
            String name = new String(b, ns, i - ns, StandardCharsets.US_ASCII);
            i++;
            if (i + 1 < e && b[i] == 'b' && (b[i + 1] == '\'' || b[i + 1] == '"')) {
                byte q = b[i + 1];
                ByteArrayOutputStream v = new ByteArrayOutputStream();
                i += 2;
                while (i < e && b[i] != q) {
                    if (b[i] == '\\' && i + 1 < e) {
                        byte c = b[++i];
                        switch (c) {
                            case 'n' -> v.write('\n');
                            case 't' -> v.write('\t');
                            case 'r' -> v.write('\r');
                            case 'x' -> {
                                if (i + 2 >= e) return false;
                                v.write(ByteText.hexDigit(b[i + 1]) * 16 + ByteText.hexDigit(b[i + 2]));
                                i += 2;
                            }
                            default -> v.write(c);
                        }
                    } else {
                        v.write(b[i]);
                    }
                    i++;
                }
                if (i >= e) return false;
                i++;
                out.add(name, v.toString(StandardCharsets.UTF_8));
            } else if (i + 1 < e && b[i] == '0' && b[i + 1] == 'x') {
                int vs = i;
                i += 2;
                while (i < e && ByteText.hexDigit(b[i]) >= 0) i++;
                if (i - vs > 18) return false;
                out.add(name, new String(b, vs, i - vs, StandardCharsets.US_ASCII), Long.parseUnsignedLong(new String(b, vs + 2, i - vs - 2, StandardCharsets.US_ASCII), 16));
            } else {
                int vs = i;
                i = nextArg(b, i, e);
                String v = new String(b, vs, i - vs, StandardCharsets.UTF_8);
                if (v.matches("-?\\d{1,18}")) out.add(name, v, Long.parseLong(v)); // ftrace backend text: "kbd=0"
                else out.add(name, v);
            }
            if (i < e) {
                if (b[i] != ' ') return false;
                i++;
            }
        }
        return true;
    }

    /** End of a raw value: the next {@code " word="} or the end. */
    private static int nextArg(byte[] b, int i, int e) {
        for (int k = i; k < e; k++) {
            if (b[k] != ' ') continue;
            int j = k + 1;
            while (j < e && (Character.isLetterOrDigit(b[j]) || b[j] == '_')) j++;
            if (j > k + 1 && j < e && b[j] == '=') return k;
        }
        return e;
    }
}
