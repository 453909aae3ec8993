package dev.virtscope.filter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import com.code_intelligence.jazzer.junit.FuzzTest;

import dev.virtscope.format.LoadMonitor;
import dev.virtscope.format.ftrace.FtraceFormat;
import dev.virtscope.io.TraceSource;
import dev.virtscope.store.EventStore;
import dev.virtscope.store.LoadOptions;
import dev.virtscope.store.TraceBuilder;

/**
 * Jazzer target for the filter-expression language (the Events tab's filter box and
 * {@code virtscope events --filter}). Any text typed there either compiles and runs over a real
 * store, or is refused with a {@link FilterSyntaxException} whose column lies inside the text.
 * Anything else (another exception, a hang, running out of memory) is a finding. Seeds in
 * {@code FilterFuzzTestInputs/expression/} are expressions from the filter's own tests and docs,
 * good and bad; {@code mvn verify} replays them, {@code JAZZER_FUZZ=1} fuzzes (docs/reliability.md).
 */
class FilterFuzzTest {
    /** The first 40 lines of a real trace_pipe capture (sched and kvm events with payload fields). */
    private static final EventStore STORE = load("/dev/virtscope/format/ImporterFuzzTestInputs/ftraceText/trace-pipe-kvm");

    private static EventStore load(String resource) {
        try {
            Path f = Path.of(FilterFuzzTest.class.getResource(resource).toURI());
            TraceBuilder b = new TraceBuilder(LoadOptions.DEFAULT);
            new FtraceFormat().load(new TraceSource(f), b, LoadMonitor.NONE);
            return b.build(f.toString(), "ftrace").events();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @FuzzTest
    void expression(byte[] data) {
        if (data == null) return;
        String text = new String(data, StandardCharsets.UTF_8);
        try {
            CompiledFilter f = CompiledFilter.compile(text, STORE);
            int[] hits = f.matching(STORE);
            for (int i = 1; i < hits.length; i++) {
                if (hits[i] <= hits[i - 1]) throw new AssertionError("matches not ascending at " + i);
            }
            if (hits.length > STORE.size()) throw new AssertionError("more matches than events");
        } catch (FilterSyntaxException e) {
            if (e.detail() == null || e.detail().isBlank()) throw new AssertionError("a syntax error without a message", e);
            if (e.position() < 0 || e.position() > text.length()) {
                throw new AssertionError("column " + e.position() + " outside an expression of " + text.length() + " chars", e);
            }
        }
    }
}
