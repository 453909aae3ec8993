package dev.virtscope.decode.qemu;

import java.nio.charset.StandardCharsets;
import java.util.List;

import dev.virtscope.decode.EventFields;
import dev.virtscope.decode.FieldDecoder;

/**
 * Fields of one QEMU trace event, whichever backend wrote it: simpletrace payloads
 * ({@code name=0x1f name=b'text'}, as simpletrace.py prints them and as the binary importer
 * stores them) are split into named fields; log/ftrace backend text is read back with the event's
 * trace-events format when known; anything else becomes one {@code args} field.
 */
public final class QemuFieldDecoder implements FieldDecoder {
    private final List<String> argNames;
    private final PrintfPattern pattern;

    /** @param argNames the event's arguments from trace-events, or null; @param fmt its format, or null */
    public QemuFieldDecoder(List<String> argNames, String fmt) {
        this.argNames = argNames;
        this.pattern = fmt == null ? null : new PrintfPattern(fmt);
    }

    /** Whether this decoder knows the event's trace-events definition. */
    public boolean hasDefinition() {
        return argNames != null;
    }

    @Override
    public void decode(byte[] b, int s, int e, EventFields out) {
        while (e > s && b[e - 1] == ' ') e--;
        if (s == e) return;
        if (looksLikeSimpletrace(b, s, e) && SimpletraceArgs.split(b, s, e, out)) return;
        out.clear();
        if (pattern != null && pattern.match(b, s, e, argNames, out)) return;
        out.clear();
        out.add("args", new String(b, s, e - s, StandardCharsets.UTF_8));
    }

    /** {@code firstArg=} at the start (any {@code word=} when the definition is unknown). */
    private boolean looksLikeSimpletrace(byte[] b, int s, int e) {
        int i = s;
        while (i < e && (Character.isLetterOrDigit(b[i]) || b[i] == '_')) i++;
        if (i == s || i >= e || b[i] != '=') return false;
        if (argNames == null || argNames.isEmpty()) return argNames == null;
        String first = argNames.get(0);
        return first.length() == i - s && first.equals(new String(b, s, i - s, StandardCharsets.US_ASCII));
    }
}
