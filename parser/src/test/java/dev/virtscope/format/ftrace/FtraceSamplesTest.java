package dev.virtscope.format.ftrace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.virtscope.Samples;
import dev.virtscope.format.TraceLoader;
import dev.virtscope.store.EventStore;
import dev.virtscope.store.Warnings;

/** Every ftrace and trace-cmd report text sample loads completely and cleanly. */
class FtraceSamplesTest {

    static List<String> samples() throws IOException {
        return SampleTexts.all();
    }

    @ParameterizedTest
    @MethodSource("samples")
    void everyEventLineBecomesOneEventWithoutWarnings(String sample) throws IOException {
        EventStore s = TraceLoader.standard().load(Samples.path(sample)).events();
        List<String> lines = SampleTexts.lines(sample);
        StringBuilder w = new StringBuilder();
        for (Warnings.Warning x : s.warnings().first(5)) w.append("\n  line ").append(x.line()).append(": ").append(x.reason());
        assertEquals(0, s.warnings().count(), sample + " warnings:" + w);
        assertEquals(SampleTexts.eventLines(lines), s.size(), sample + " event count");
        for (String type : new String[] {"sched_switch", "sched_waking", "kvm_pio", "kvm_set_irq", "cpu_idle", "sys_enter"}) {
            assertEquals(SampleTexts.linesOfType(lines, type), s.countOfType(s.typeId(type)), sample + " " + type);
        }
    }
}
