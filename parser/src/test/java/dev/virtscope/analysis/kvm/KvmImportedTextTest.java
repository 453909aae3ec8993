package dev.virtscope.analysis.kvm;

import static dev.virtscope.decode.kvm.RealKvmLines.*;
import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.virtscope.format.TraceLoader;
import dev.virtscope.store.EventStore;

/** Through the real text importers: the trace-cmd kvm plugin's payloads (no vcpu in kvm_exit). */
class KvmImportedTextTest {
    @TempDir
    Path dir;

    @Test
    void traceCmdReportWithTheKvmPluginPairsByThread() throws Exception {
        // "%16s-%-5d [%03d] %5llu.%06llu: %-20s" + payload, as trace-cmd report prints (FORMATS.md 1b)
        List<String> lines = new ArrayList<>();
        lines.add("cpus=2");
        long[] exitUs = {100, 400, 900};
        long[] entryUs = {130, 452, 1_911};
        for (int i = 0; i < exitUs.length; i++) {
            lines.add(String.format("%16s-%-5d [%03d] %5d.%06d: %-20s%s", "CPU 0/KVM", 5680, 1, 1067, exitUs[i], "kvm_exit:", PLUGIN_EXIT_PAYLOAD));
            lines.add(String.format("%16s-%-5d [%03d] %5d.%06d: %-20s%s", "CPU 0/KVM", 5680, 1, 1067, entryUs[i], "kvm_entry:", PLUGIN_ENTRY_PAYLOAD));
        }
        Path f = dir.resolve("report.txt");
        Files.write(f, lines);
        EventStore s = TraceLoader.standard().load(f).events();
        KvmExits k = KvmExits.of(s);
        assertEquals(3, k.paired(), String.join("\n", lines));
        for (int i = 0; i < 3; i++) {
            assertEquals("HLT", k.reasonName(i));
            assertEquals((entryUs[i] - exitUs[i]) * 1000, k.durationNs(i));
            assertEquals(0, k.vcpu(i), "from the kvm_entry payload or the thread's name");
        }
        assertEquals(1, Outliers.find(k, 1_000_000, true, ExitFilter.ALL).length);
        assertEquals(0, Outliers.find(k).length, "HLT is left out by default");
    }
}
