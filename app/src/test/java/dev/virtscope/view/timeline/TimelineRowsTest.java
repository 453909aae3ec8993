package dev.virtscope.view.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import dev.virtscope.Samples;
import dev.virtscope.gui.SampleLine;
import dev.virtscope.format.TraceLoader;
import dev.virtscope.store.EventStore;

class TimelineRowsTest {
    @Test
    void oneRowPerCpuThenVcpuThreadsInIndexOrderWithTheirEventCounts() throws Exception {
        Path sample = Samples.path("generated/ftrace/trace-variant-tgid.txt");
        List<SampleLine> lines = SampleLine.all(sample);
        EventStore s = TraceLoader.standard().load(sample).events();
        List<TimelineRow> rows = TimelineRows.of(s);

        // the header says #P:2
        assertEquals("CPU 0", rows.get(0).label());
        assertEquals("CPU 1", rows.get(1).label());
        assertEquals(lines.stream().filter(l -> l.cpu() == 1).count(), rows.get(1).events().size());

        // vCPU threads are named "CPU n/KVM" by QEMU; in this sample they belong to process 1971
        Map<Integer, String> vcpus = new TreeMap<>();
        Map<Integer, Long> counts = new TreeMap<>();
        for (SampleLine l : lines) {
            if (l.comm().matches("CPU \\d+/KVM")) {
                vcpus.put(Integer.parseInt(l.comm().substring(4, l.comm().indexOf('/'))), l.comm() + "-" + l.tid());
                counts.merge(Integer.parseInt(l.comm().substring(4, l.comm().indexOf('/'))), 1L, Long::sum);
            }
        }
        assertEquals(2 + vcpus.size(), rows.size());
        int r = 2;
        for (Map.Entry<Integer, String> v : vcpus.entrySet()) {
            TimelineRow row = rows.get(r++);
            assertEquals("vCPU " + v.getKey() + "  " + v.getValue(), row.label());
            assertEquals(counts.get(v.getKey()), (long) row.events().size());
        }
    }
}
