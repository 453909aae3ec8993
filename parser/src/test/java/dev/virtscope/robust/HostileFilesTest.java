package dev.virtscope.robust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.virtscope.format.Formats;
import dev.virtscope.format.InsufficientMemoryException;
import dev.virtscope.format.LoadLimits;
import dev.virtscope.format.LoadMonitor;
import dev.virtscope.format.TraceLoader;
import dev.virtscope.io.DecompressionLimitException;
import dev.virtscope.io.DecompressionLimits;
import dev.virtscope.store.LoadOptions;
import dev.virtscope.store.Trace;

/**
 * The hostile inputs that cannot live in the corpus folder, made here: a directory, a file without
 * read permission, a 10 GB sparse file, a gzip bomb. Each ends quickly in a clear outcome.
 */
class HostileFilesTest {
    @TempDir
    Path tmp;

    private final TraceLoader loader = new TraceLoader(Formats.all(), MalformedCorpusTest.LIMITS);

    private static final String FTRACE_HEADER = "# tracer: nop\n#\n# entries-in-buffer/entries-written: 2/2   #P:2\n#\n"
            + "#           TASK-PID     CPU#  |||||  TIMESTAMP  FUNCTION\n#              | |         |   |||||     |         |\n";
    private static final String TWO_EVENTS = "       CPU 0/KVM-119     [000] d..1.    20.648163: kvm_entry: vcpu 0, rip 0xfff0\n"
            + "       CPU 0/KVM-119     [000] .....    20.649068: kvm_exit: vcpu 0 reason npf rip 0xfff0 info1 0x0 info2 0x0 intr_info 0x00000000 error_code 0x00000000\n";

    @Test
    void aDirectoryIsNamedAsOne() throws IOException {
        Path d = Files.createDirectory(tmp.resolve("trace.txt"));
        IOException e = assertThrows(IOException.class, () -> loader.load(d, LoadOptions.DEFAULT, LoadMonitor.NONE));
        assertTrue(e.getMessage().contains("is a directory"), e.getMessage());
    }

    /** Without read permission the load fails with the reason; root reads anyway, and then the file simply loads. */
    @Test
    void anUnreadableFileSaysSo() throws IOException {
        Path f = Files.writeString(tmp.resolve("trace.txt"), FTRACE_HEADER + TWO_EVENTS);
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("---------"));
        if (Files.isReadable(f)) { // running as root: permissions do not apply
            assertEquals(2, loader.load(f, LoadOptions.DEFAULT, LoadMonitor.NONE).events().size());
            return;
        }
        IOException e = assertThrows(IOException.class, () -> loader.load(f, LoadOptions.DEFAULT, LoadMonitor.NONE));
        assertTrue(e.getMessage().contains("cannot be read"), e.getMessage());
    }

    /** 10 GB of lines on a 1 GiB budget: refused up front with both figures, without reading the 10 GB. */
    @Test
    void aTenGigabyteFileIsRefusedBeforeLoading() throws IOException {
        Path f = tmp.resolve("huge.txt");
        try (RandomAccessFile r = new RandomAccessFile(f.toFile(), "rw")) {
            r.write((FTRACE_HEADER + TWO_EVENTS.repeat(400)).getBytes(StandardCharsets.UTF_8));
            r.setLength(10L << 30); // sparse: no disk used
        }
        InsufficientMemoryException e = assertThrows(InsufficientMemoryException.class,
                () -> loader.load(f, LoadOptions.DEFAULT, LoadMonitor.NONE));
        assertTrue(e.getMessage().matches("(?s).*needs about \\d+ MB.*you have 1024 MB free.*"), e.getMessage());
        assertTrue(e.getMessage().contains("-Xmx"), "says how to get more memory: " + e.getMessage());
    }

    /** A trace header followed by 200 MB of zeros compresses about 1000:1; reading stops at the ratio cap. */
    @Test
    void aGzipBombStopsAtTheRatioCap() throws IOException {
        Path f = tmp.resolve("bomb.txt.gz");
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(f), 1 << 16)) {
            o.write((FTRACE_HEADER + TWO_EVENTS).getBytes(StandardCharsets.UTF_8));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 200; i++) o.write(zeros);
        }
        assertTrue(Files.size(f) < 400_000, "the bomb itself is small: " + Files.size(f));
        DecompressionLimitException e = assertThrows(DecompressionLimitException.class,
                () -> loader.load(f, LoadOptions.DEFAULT, LoadMonitor.NONE));
        assertTrue(e.getMessage().contains("decompression bomb"), e.getMessage());
        assertTrue(e.getMessage().contains("past the limit of 500:1"), e.getMessage());
    }

    /** The absolute cap: a normal compressed trace larger, decompressed, than the configured maximum. */
    @Test
    void decompressionStopsAtTheSizeCap() throws IOException {
        Path f = dev.virtscope.Samples.path("generated/ftrace/trace-kvm-sched-6.18.txt.xz");
        TraceLoader capped = new TraceLoader(Formats.all(), new LoadLimits(new DecompressionLimits(1 << 20, 500, 64L << 20), 1L << 30));
        DecompressionLimitException e = assertThrows(DecompressionLimitException.class,
                () -> capped.load(f, LoadOptions.DEFAULT, LoadMonitor.NONE));
        assertTrue(e.getMessage().contains("expands past the limit of 1 MiB decompressed"), e.getMessage());
        // the same file under the default limits loads
        Trace t = loader.load(f, LoadOptions.DEFAULT, LoadMonitor.NONE);
        assertTrue(t.events().size() > 0);
    }
}
