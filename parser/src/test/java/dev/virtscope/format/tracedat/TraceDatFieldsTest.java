package dev.virtscope.format.tracedat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.virtscope.Samples;
import dev.virtscope.decode.EventFields;
import dev.virtscope.decode.FieldDecoders;
import dev.virtscope.format.TraceLoader;
import dev.virtscope.io.TraceSource;
import dev.virtscope.store.EventStore;

/**
 * Typed fields of every record, by the names of the kernel's format files, equal the raw
 * {@code field=value} payloads of {@code trace-cmd report -R -t} for the same file (decoded through
 * {@link FieldDecoders#decode}, the path every analysis uses).
 */
class TraceDatFieldsTest {
    private static final Pattern EVENT = Pattern.compile("-(\\d+)\\s+\\[(\\d+)\\]\\s+(\\d+)\\.(\\d{9}):\\s+(\\S+?):\\s+(.*)$");
    private static final Pattern FIELD = Pattern.compile("(\\w+)=(-?[0-9a-f]+)(?=\\s|$)");

    @Test
    void numericFieldsEqualTheRawReport() throws IOException {
        Map<String, String> raw = new HashMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                new TraceSource(Samples.path("generated/trace-cmd/report-3.1.6-R-t-raw.txt.xz")).open(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                Matcher m = EVENT.matcher(line);
                if (!m.find()) continue;
                long ts = Long.parseLong(m.group(3)) * 1_000_000_000L + Long.parseLong(m.group(4));
                raw.put(ts + " " + Integer.parseInt(m.group(2)) + " " + m.group(1) + " " + m.group(5), m.group(6));
            }
        }
        EventStore s = TraceLoader.standard().load(Samples.path("generated/trace-cmd/kvmsample-v7-zstd.dat")).events();
        int checked = 0;
        for (int i = 0; i < s.size(); i++) {
            String fields = raw.get(s.ts(i) + " " + s.cpu(i) + " " + s.tid(i) + " " + s.eventName(i));
            if (fields == null) continue;
            EventFields f = FieldDecoders.decode(s, i);
            Matcher m = FIELD.matcher(fields);
            while (m.find()) {
                // libtraceevent prints a raw field in hex when the event's print fmt shows it with %x
                long v = f.number(m.group(1));
                String t = m.group(2);
                if (v == EventFields.NO_NUMBER) { // a string field that happens to look like hex ("cc")
                    assertEquals(t, f.text(m.group(1)), s.eventName(i) + " " + m.group(1) + " in " + fields);
                    continue;
                }
                boolean dec = t.matches("-?\\d+") && Long.parseLong(t) == v;
                boolean hex = !t.startsWith("-") && Long.parseUnsignedLong(t, 16) == v;
                assertTrue(dec || hex, s.eventName(i) + " " + m.group(1) + "=" + v + " in " + fields);
                checked++;
            }
        }
        assertTrue(checked > 10_000, "fields compared: " + checked);
    }
}
