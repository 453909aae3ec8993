package dev.virtscope.robust;

import static dev.virtscope.robust.Outcome.fails;
import static dev.virtscope.robust.Outcome.loads;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.virtscope.analysis.kvm.KvmExits;
import dev.virtscope.format.Formats;
import dev.virtscope.format.LoadLimits;
import dev.virtscope.format.LoadMonitor;
import dev.virtscope.format.TraceLoader;
import dev.virtscope.io.DecompressionLimits;
import dev.virtscope.store.EventStore;
import dev.virtscope.store.LoadOptions;
import dev.virtscope.store.Trace;
import dev.virtscope.store.Warnings;

/**
 * Every file of {@code src/test/resources/malformed/} (made from the samples by
 * {@code parser/src/test/scripts/make-malformed-corpus.sh}) loads to exactly the outcome stated
 * here, worked out from how each file was broken: the base cuts hold 20 KVM events (10 exits, 9
 * of them followed by an entry) after a 12-line ftrace header, 20 in trace-cmd report form after
 * {@code cpus=2}, 10 perf tracepoint samples, 3 perf callchain samples, 5 folded stacks, 10
 * simpletrace and 10 QEMU log lines. Counts for truncated compressed files come from the reference
 * decompressors (gzip/xz/zstd -dc | grep), trace.dat counts from {@code trace-cmd report}
 * (107 events on CPU 0, 167 on CPU 1), simpletrace offsets from the file layout.
 */
class MalformedCorpusTest {
    /** The heap a load may use here, fixed so that the outcome does not depend on the test JVM's -Xmx. */
    static final LoadLimits LIMITS = new LoadLimits(DecompressionLimits.DEFAULT, 1L << 30);

    static List<Outcome> corpus() {
        return List.of(
                // ---- not a trace at all ----
                fails("empty.txt", "the file is empty"),
                fails("only-blank-lines.txt", "match no known trace format"),
                fails("binary-garbage.bin", "match no known trace format"),
                fails("nul-bytes-only.txt", "only NUL bytes"),
                fails("png-renamed.txt", "PNG image"),
                fails("zip-archive-renamed.txt", "ZIP archive"),
                fails("elf-executable.txt", "ELF executable"),
                fails("perf-data-binary.txt", "perf script"),
                fails("ftrace-bzip2.txt.bz2", "bzip2"),
                fails("ftrace-gzip-twice.txt.gz.gz", "compressed twice"),
                fails("tar-archive.tar", "tar archive"),
                // ---- encodings and line ends: the same events as the base ----
                loads("ftrace-crlf.txt", "ftrace", 20).kvm(10, 9),
                loads("report-crlf.txt", "trace-cmd-report", 20).kvm(10, 9),
                loads("perf-script-crlf.txt", "perf-script", 10),
                loads("ftrace-utf16le-bom.txt", "ftrace", 20).kvm(10, 9),
                loads("report-utf16be-bom.txt", "trace-cmd-report", 20).kvm(10, 9),
                loads("ftrace-utf8-bom.txt", "ftrace", 20).kvm(10, 9),
                loads("folded-utf16le-bom.txt", "folded", 0).stacks(5),
                loads("ftrace-mixed-line-ends.txt", "ftrace", 20).kvm(10, 9),
                loads("ftrace-latin1-comm.txt", "ftrace", 20).kvm(10, 9),
                loads("ftrace-control-chars-in-comm.txt", "ftrace", 20).kvm(10, 9),
                // ---- NUL bytes ----
                loads("ftrace-nul-inside-payload.txt", "ftrace", 20),
                loads("ftrace-trailing-nul-block.txt", "ftrace", 20).warnings(33),
                loads("ftrace-nul-line-in-middle.txt", "ftrace", 20).warnings(23),
                // ---- lines over 1 MiB (stored xz-compressed) ----
                loads("ftrace-1mb-garbage-line.txt.xz", "ftrace", 20).warnings(23),
                loads("ftrace-1mb-payload-line.txt.xz", "ftrace", 20).warnings(23),
                loads("folded-1mb-stack-line.txt.xz", "folded", 0).stacks(5).warnings(3),
                // ---- cut in the middle of the last line ----
                loads("ftrace-cut-mid-timestamp.txt", "ftrace", 19).warnings(32),
                loads("ftrace-cut-mid-payload.txt", "ftrace", 20),
                loads("report-cut-mid-comm.txt", "trace-cmd-report", 19).warnings(21),
                loads("perf-script-cut-mid-header.txt", "perf-script", 9).warnings(10),
                loads("perf-callchain-cut-mid-header.txt", "perf-script", 0).stacks(2).warnings(22),
                loads("folded-cut-mid-stack.txt", "folded", 0).stacks(4).warnings(5),
                loads("simpletrace-text-cut-mid-name.txt", "qemu-simpletrace-text", 9).warnings(10),
                loads("qemu-log-cut-mid-prefix.txt", "qemu-log", 9).warnings(10),
                // ---- compressed data truncated or damaged: what came before is kept, with a warning ----
                loads("ftrace-gzip-truncated.txt.gz", "ftrace", 1584).warnings(-1),
                // the Java xz decoder reads a whole LZMA2 chunk (up to 64 KiB compressed) before giving any of it: cut inside the first, nothing is left
                fails("report-xz-truncated.txt.xz", "XZ data is corrupt: the compressed data ends early"),
                loads("perf-script-zstd-truncated.txt.zst", "perf-script", 743).warnings(-1),
                loads("ftrace-gzip-bad-crc.txt.gz", "ftrace", 20).warnings(-1),
                fails("gzip-header-only.txt.gz", "GZIP data is corrupt"),
                fails("xz-magic-then-garbage.txt.xz", "XZ data is corrupt"),
                loads("ftrace-gzip-two-members.txt.gz", "ftrace", 40),
                // ---- time going backwards: every event kept, in time order ----
                loads("ftrace-timestamps-backwards.txt", "ftrace", 20),
                loads("report-timestamps-backwards.txt", "trace-cmd-report", 20),
                loads("perf-script-timestamps-backwards.txt", "perf-script", 10),
                // simpletrace.py prints ts - previous ts: records of two threads can come out of order, so a negative delta is real
                loads("simpletrace-text-negative-delta.txt", "qemu-simpletrace-text", 10),
                // ---- duplicates are shown as they are ----
                loads("ftrace-every-event-twice.txt", "ftrace", 40),
                loads("report-block-repeated.txt", "trace-cmd-report", 30),
                loads("ftrace-two-captures-concatenated.txt", "ftrace", 40),
                // ---- exits without entries, losses between them ----
                loads("ftrace-unpaired-exits.txt", "ftrace", 18).kvm(10, 7),
                loads("report-lost-between-exit-and-entry.txt", "trace-cmd-report", 20).lost(1).kvm(10, 8),
                loads("ftrace-buffer-started-between-exit-and-entry.txt", "ftrace", 20).lost(1).kvm(10, 8),
                loads("report-lost-marker-variants.txt", "trace-cmd-report", 20).lost(2),
                loads("report-lost-marker-garbled.txt", "trace-cmd-report", 20).warnings(6),
                // ---- two formats in one file: the first decides, the other lines are warnings ----
                loads("mixed-ftrace-then-perf-script.txt", "ftrace", 20).warningRange(33, 42),
                loads("mixed-perf-script-then-ftrace.txt", "perf-script", 10).warningRange(11, 30),
                loads("mixed-report-then-qemu-log.txt", "trace-cmd-report", 20).warningRange(22, 31),
                loads("mixed-folded-with-ftrace-lines.txt", "folded", 0).stacks(10).warnings(6, 7),
                // ---- numbers out of range are refused, not wrapped ----
                loads("ftrace-timestamp-overflow.txt", "ftrace", 19).warnings(13),
                loads("ftrace-cpu-out-of-range.txt", "ftrace", 19).warnings(14),
                loads("ftrace-pid-overflow.txt", "ftrace", 19).warnings(15),
                // "x" and "-5" are no counts; a 23-digit count is still a number (flamegraph.pl sums it too)
                loads("folded-bad-counts.txt", "folded", 0).stacks(7).warnings(2, 3),
                loads("perf-callchain-frames-before-any-header.txt", "perf-script", 0).stacks(3).warnings(1, 2, 3),
                loads("qemu-log-bad-prefix.txt", "qemu-log", 9).warnings(5),
                // ---- QEMU binary simpletrace (record 5 starts at byte 473, record 21 at byte 1460) ----
                loads("simpletrace/valid-40-records.bin", "qemu-simpletrace", 40),
                loads("simpletrace/cut-mid-record-21.bin", "qemu-simpletrace", 20).warnings(1460),
                fails("simpletrace/cut-mid-file-header.bin", "match no known trace format"),
                loads("simpletrace/bad-length-in-record-21.bin", "qemu-simpletrace", 20).warnings(1460),
                fails("simpletrace/log-version-9.bin", "log version 9 is not known"),
                loads("simpletrace/unmapped-event-id-in-record-5.bin", "qemu-simpletrace", 39).warnings(473),
                fails("simpletrace-no-trace-events-file.bin", "trace-events-all file"),
                fails("simpletrace-bad-events/trace.bin", "trace-events-all:2: not a trace-events line"),
                // ---- trace.dat (CPU 0's page: 107 events, CPU 1's page: 167) ----
                loads("tracedat-valid-shrunk.dat", "trace.dat", 274),
                fails("tracedat-cut-in-header.dat", "header_page claims 205 bytes at offset 38 but only 162 remain"),
                loads("tracedat-cpu1-data-missing.dat", "trace.dat", 107).warnings(-1),
                loads("tracedat-cut-mid-cpu1-page.dat", "trace.dat", 107).warnings(-1),
                loads("tracedat-all-data-missing.dat", "trace.dat", 0).warnings(-1),
                fails("tracedat-version-8.dat", "version 8 is not supported"),
                loads("tracedat-gzip-truncated.dat.gz", "trace.dat", 107).warnings(-1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void outcome(Outcome expected) throws IOException {
        Path f = dir().resolve(expected.file);
        TraceLoader loader = new TraceLoader(Formats.all(), LIMITS);
        if (expected.error != null) {
            IOException e = assertThrows(IOException.class, () -> loader.load(f, LoadOptions.DEFAULT, LoadMonitor.NONE));
            assertTrue(e.getMessage().contains(expected.error), () -> "message: " + e.getMessage());
            // names the file at fault: the trace, or the trace-events file it needs
            assertTrue(e.getMessage().contains(f.getFileName().toString()) || e.getMessage().contains("trace-events-all:"),
                    () -> "names the file: " + e.getMessage());
            return;
        }
        Trace t = loader.load(f, LoadOptions.DEFAULT, LoadMonitor.NONE);
        EventStore s = t.events();
        assertEquals(expected.format, t.format(), "format");
        assertEquals(expected.events, s.size(), "events");
        if (expected.stacks >= 0) assertEquals(expected.stacks, t.stacks().sampleCount(), "stack samples");
        assertEquals(expected.lost, s.lost().size(), "lost-event markers");
        TreeSet<Long> lines = s.warnings().kept().stream().map(Warnings.Warning::line).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(expected.warningLines, lines, () -> "warned lines: " + s.warnings().kept());
        for (int i = 1; i < s.size(); i++) assertTrue(s.ts(i - 1) <= s.ts(i), "events in time order");
        if (expected.exits >= 0) {
            KvmExits k = KvmExits.of(s);
            assertEquals(expected.exits, k.size(), "kvm exits");
            assertEquals(expected.paired, k.paired(), "exits paired with an entry");
        }
    }

    /** Every file in the folder has a stated outcome (the trace-events files are inputs of the others). */
    @Test
    void everyCorpusFileHasAnOutcome() throws IOException {
        Path d = dir();
        List<String> files;
        try (Stream<Path> w = Files.walk(d)) {
            files = w.filter(Files::isRegularFile).map(p -> d.relativize(p).toString().replace('\\', '/'))
                    .filter(n -> !n.endsWith("trace-events-all")).sorted().toList();
        }
        assertEquals(files, Outcome.names(corpus()).stream().sorted().toList());
        assertTrue(files.size() >= 60, "at least 60 malformed files");
    }

    static Path dir() {
        try {
            return Path.of(MalformedCorpusTest.class.getResource("/malformed").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
