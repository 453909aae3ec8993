package dev.virtscope.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.virtscope.Samples;
import dev.virtscope.analysis.kvm.ExitScan;

/**
 * {@code virtscope kvm-stat FILE --json} on the real nested SVM capture in each text form: the JSON has
 * exactly the shape docs/cli.md states, and every number equals a plain regex pairing of the file's lines
 * ({@link ExitScan}), perf's ±% included (standard error of the mean over the mean, sample variance).
 */
class KvmStatNestedCaptureTest {
    static final List<String> FORMS = NestedCaptures.FORMS;

    @ParameterizedTest
    @FieldSource("FORMS")
    void jsonRowsEqualThePlainPairingOfTheLines(String sample) throws Exception {
        ExitScan x = ExitScan.of(Samples.path(sample));
        String[] r = KvmStatCommandTest.run("kvm-stat", Samples.path(sample).toString(), "--json");
        assertEquals("0", r[0], r[2]);
        JsonNode j = new ObjectMapper().readTree(r[1]);

        assertEquals(Set.of("event", "rows", "totalSamples", "totalTimeNs", "unpairedExits"), names(j), "docs/cli.md kvm-stat --json");
        assertEquals("vmexit", j.get("event").asText());
        long totalTime = x.all().stream().mapToLong(Long::longValue).sum();
        assertEquals(x.paired, j.get("totalSamples").asLong());
        assertEquals(totalTime, j.get("totalTimeNs").asLong());
        assertEquals(x.exits - x.paired, j.get("unpairedExits").asLong());
        assertEquals(x.byReason.size(), j.get("rows").size());
        long previous = Long.MAX_VALUE;
        for (JsonNode row : j.get("rows")) {
            assertEquals(Set.of("key", "samples", "samplesPct", "timePct", "minNs", "maxNs", "avgNs", "stddevPct"), names(row));
            String key = row.get("key").asText();
            List<Long> d = x.byReason.get(key);
            assertNotNull(d, sample + ": " + key);
            long n = d.size(), sum = d.stream().mapToLong(Long::longValue).sum();
            double mean = (double) sum / n;
            double var = n < 2 ? 0 : d.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum() / (n - 1);
            double rel = n < 2 || mean == 0 ? 0 : 100 * Math.sqrt(var / n) / mean;
            assertEquals(n, row.get("samples").asLong(), key);
            assertEquals(100.0 * n / x.paired, row.get("samplesPct").asDouble(), 1e-9, key);
            assertEquals(100.0 * sum / totalTime, row.get("timePct").asDouble(), 1e-9, key);
            assertEquals(d.stream().mapToLong(Long::longValue).min().orElseThrow(), row.get("minNs").asLong(), key);
            assertEquals(d.stream().mapToLong(Long::longValue).max().orElseThrow(), row.get("maxNs").asLong(), key);
            assertEquals(mean, row.get("avgNs").asDouble(), 1e-6, key);
            assertEquals(rel, row.get("stddevPct").asDouble(), 1e-6, key);
            assertTrue(n <= previous, "rows sorted by samples");
            previous = n;
        }
    }

    static Set<String> names(JsonNode o) {
        Set<String> s = new TreeSet<>();
        for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) s.add(it.next());
        return s;
    }
}
