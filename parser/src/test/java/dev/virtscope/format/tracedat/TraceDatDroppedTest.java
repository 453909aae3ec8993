package dev.virtscope.format.tracedat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.virtscope.Samples;
import dev.virtscope.format.TraceLoader;
import dev.virtscope.io.TraceSource;
import dev.virtscope.store.EventStore;
import dev.virtscope.store.LostEvents;

/**
 * A real ring-buffer overrun: where {@code trace-cmd report} prints {@code CPU:N [M EVENTS DROPPED]}
 * (before the first event of the page carrying the missed-events flag), the store has a DROPPED
 * marker on CPU N, at the time of that next event on CPU N, with the same count.
 */
class TraceDatDroppedTest {
    private static final Pattern DROPPED = Pattern.compile("CPU:(\\d+) \\[(?:(\\d+) )?EVENTS DROPPED\\]");
    private static final Pattern EVENT = Pattern.compile("-(\\d+)\\s+\\[(\\d+)\\]\\s+(\\d+)\\.(\\d{9}):");

    @Test
    void droppedMarkersMatchTheReport() throws IOException {
        List<String> expected = new ArrayList<>();
        List<String[]> pending = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                new TraceSource(Samples.path("generated/trace-cmd/dropped-v7-zstd.dat.report.txt.xz")).open(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                Matcher d = DROPPED.matcher(line);
                if (d.find()) {
                    pending.add(new String[]{d.group(1), d.group(2) == null ? "-1" : d.group(2)});
                    continue;
                }
                Matcher m = EVENT.matcher(line);
                if (!m.find()) continue;
                String cpu = String.valueOf(Integer.parseInt(m.group(2)));
                long ts = Long.parseLong(m.group(3)) * 1_000_000_000L + Long.parseLong(m.group(4));
                for (int k = 0; k < pending.size(); k++) {
                    if (pending.get(k)[0].equals(cpu)) {
                        expected.add("cpu " + cpu + " at " + ts + " count " + pending.get(k)[1]);
                        pending.remove(k--);
                    }
                }
            }
        }
        assertFalse(expected.isEmpty(), "the reference reports dropped events");
        EventStore s = TraceLoader.standard().load(Samples.path("generated/trace-cmd/dropped-v7-zstd.dat")).events();
        List<String> actual = new ArrayList<>();
        LostEvents lost = s.lost();
        for (int i = 0; i < lost.size(); i++) {
            assertEquals(LostEvents.Kind.DROPPED, lost.kind(i));
            actual.add("cpu " + lost.cpu(i) + " at " + lost.ts(i) + " count " + lost.count(i));
        }
        Collections.sort(expected);
        Collections.sort(actual);
        assertEquals(expected, actual);
    }
}
