package dev.virtscope.format;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

import com.code_intelligence.jazzer.junit.FuzzTest;

import dev.virtscope.format.folded.FoldedFormat;
import dev.virtscope.format.ftrace.FtraceFormat;
import dev.virtscope.format.ftrace.TraceCmdReportFormat;
import dev.virtscope.format.perf.PerfScriptFormat;
import dev.virtscope.format.qemu.QemuLogFormat;
import dev.virtscope.format.qemu.SimpletraceBinaryFormat;
import dev.virtscope.format.qemu.SimpletraceTextFormat;
import dev.virtscope.format.qemu.TraceEventCatalog;
import dev.virtscope.format.tracedat.TraceDatFormat;
import dev.virtscope.store.LoadOptions;

/**
 * One Jazzer target per importer. Each calls its importer directly (not through detection), so
 * mutated bytes that no longer look like the format still reach its parser. {@code mvn verify} runs
 * every target once per seed in {@code ImporterFuzzTestInputs/<target>/} (small cuts of the real
 * samples, made by {@code parser/src/test/scripts/make-fuzz-seeds.sh}) plus any crasher saved there;
 * {@code JAZZER_FUZZ=1} fuzzes one target for real (see docs/reliability.md).
 */
class ImporterFuzzTest {
    @FuzzTest
    void ftraceText(byte[] data) {
        FuzzLoad.run(new FtraceFormat(), data, LoadOptions.DEFAULT);
    }

    @FuzzTest
    void traceCmdReport(byte[] data) {
        FuzzLoad.run(new TraceCmdReportFormat(), data, LoadOptions.DEFAULT);
    }

    @FuzzTest
    void perfScript(byte[] data) {
        FuzzLoad.run(new PerfScriptFormat(), data, LoadOptions.DEFAULT);
    }

    @FuzzTest
    void folded(byte[] data) {
        FuzzLoad.run(new FoldedFormat(), data, LoadOptions.DEFAULT);
    }

    @FuzzTest
    void simpletraceText(byte[] data) {
        FuzzLoad.run(new SimpletraceTextFormat(), data, LoadOptions.DEFAULT);
    }

    /** With the trace-events lines of the seed's events, so argument decoding is reached too. */
    @FuzzTest
    void simpletraceBinary(byte[] data) {
        FuzzLoad.run(new SimpletraceBinaryFormat(), data, new LoadOptions(List.of(resource("fuzz-trace-events"))));
    }

    @FuzzTest
    void qemuLog(byte[] data) {
        FuzzLoad.run(new QemuLogFormat(), data, LoadOptions.DEFAULT);
    }

    /** A trace-events file: a bad line is an IOException naming file and line, nothing else. */
    @FuzzTest
    void traceEvents(byte[] data) {
        if (data == null) return;
        try {
            TraceEventCatalog.read(List.of(FuzzLoad.write(data)));
        } catch (IOException e) {
            if (e.getMessage() == null) throw new AssertionError("an error without a message", e);
        }
    }

    @FuzzTest
    void traceDat(byte[] data) {
        FuzzLoad.run(new TraceDatFormat(), data, LoadOptions.DEFAULT);
    }

    private static Path resource(String name) {
        try {
            return Path.of(ImporterFuzzTest.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
