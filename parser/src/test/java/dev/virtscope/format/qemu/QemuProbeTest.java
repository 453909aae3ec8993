package dev.virtscope.format.qemu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import dev.virtscope.Samples;
import dev.virtscope.format.TraceFormat;
import dev.virtscope.io.TraceSource;

/** Detection by content: each QEMU sample is claimed by its QEMU importer only; no other sample by any. */
class QemuProbeTest {
    static final Map<String, String> QEMU_SAMPLES = Map.of(
            "captured/qemu-log/kvm-bios-smp2-m128.qemu-log.txt.xz", "qemu-log",
            "captured/session/kvm-bios-smp2-m128-pair.qemu-log.txt.xz", "qemu-log",
            "captured/qemu-log/kvm-linux-smp4-m512.qemu-log.txt.xz", "qemu-log",
            "captured/qemu-log/tcg-linux-smp2-m256.qemu-log-stderr.txt.xz", "qemu-log",
            "generated/qemu-simpletrace/tcg-linux-smp2-fullboot/trace-20268.xz", "qemu-simpletrace",
            "generated/qemu-simpletrace/tcg-linux-smp2-fullboot/simpletrace-output.txt.xz", "qemu-simpletrace-text",
            "generated/qemu-simpletrace/tcg-linux-smp2-fullboot/log-backend.txt.xz", "qemu-log",
            "generated/qemu-log/qemu-log-backend-timestamp.txt", "qemu-log",
            "generated/qemu-log/qemu-log-backend-notimestamp.txt", "qemu-log");
    static final List<TraceFormat> QEMU = List.of(new SimpletraceBinaryFormat(), new SimpletraceTextFormat(), new QemuLogFormat());

    @Test
    void eachQemuSampleGoesToItsImporterOnly() throws IOException {
        for (Map.Entry<String, String> e : QEMU_SAMPLES.entrySet()) {
            byte[] head = new TraceSource(Samples.path(e.getKey())).head();
            for (TraceFormat f : QEMU) {
                boolean mine = f.name().equals(e.getValue());
                assertEquals(mine, f.probe(head) > 0, f.name() + " on " + e.getKey());
            }
        }
    }

    @Test
    void noOtherSampleIsTaken() throws IOException {
        List<Path> all;
        try (Stream<Path> s = Files.walk(Samples.root())) {
            all = s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().endsWith(".md")).toList();
        }
        int others = 0;
        for (Path p : all) {
            String rel = Samples.root().relativize(p).toString().replace('\\', '/');
            if (QEMU_SAMPLES.containsKey(rel)) continue;
            byte[] head = new TraceSource(p).head();
            for (TraceFormat f : QEMU) assertEquals(0, f.probe(head), f.name() + " on " + rel);
            others++;
        }
        assertTrue(others > 20);
    }
}
