package dev.virtscope.view.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
        assertEquals(2 + vcpus.size() + 1, rows.size());
        int r = 2;
        for (Map.Entry<Integer, String> v : vcpus.entrySet()) {
            TimelineRow row = rows.get(r++);
            assertEquals("vCPU " + v.getKey() + "  " + v.getValue(), row.label());
            assertEquals(counts.get(v.getKey()), (long) row.events().size());
        }
        // then every other task, collapsed into one row that holds all their events
        TimelineRow other = rows.get(r);
        assertEquals(TimelineRows.OTHER_GROUP, other.group());
        assertEquals(TimelineRows.OTHER, other.toggle());
        long rest = lines.stream().filter(l -> !l.comm().matches("CPU \\d+/KVM")).count();
        assertEquals(rest, other.events().size());
        assertTrue(other.label().startsWith("▸ ") && other.label().endsWith(rest + " events"), other.label());
    }

    @Test
    void openingOtherTasksListsProcessesByEventCountAndOpensAProcessIntoItsThreads() throws Exception {
        Path sample = Samples.path("generated/ftrace/trace-variant-tgid.txt");
        List<SampleLine> lines = SampleLine.all(sample);
        EventStore s = TraceLoader.standard().load(sample).events();
        TaskGroups g = TaskGroups.of(s);
        List<TimelineRow> rows = TimelineRows.of(s, g, Set.of(TimelineRows.OTHER));
        List<TimelineRow> procs = rows.stream().filter(r -> r.group().equals(TimelineRows.OTHER_GROUP)).skip(1).toList();
        // non-vCPU events per process (tgid; a thread without one is its own process), from the file
        Map<Integer, Integer> tgidOf = new TreeMap<>();
        java.util.regex.Pattern tgidColumn = java.util.regex.Pattern.compile("-(\\d+)\\s+\\(\\s*(\\d+)\\)");
        for (String l : java.nio.file.Files.readAllLines(sample)) {
            java.util.regex.Matcher m = tgidColumn.matcher(l);
            if (m.find()) tgidOf.put(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        }
        Map<Integer, Long> perProcess = new TreeMap<>();
        for (SampleLine l : lines) {
            int tgid = tgidOf.getOrDefault(l.tid(), -1);
            if (!l.comm().matches("CPU \\d+/KVM")) perProcess.merge(tgid > 0 ? tgid : l.tid(), 1L, Long::sum);
        }
        assertEquals(perProcess.size(), procs.size());
        long prev = Long.MAX_VALUE;
        for (TimelineRow p : procs) {
            assertTrue(p.events().size() <= prev, "most events first");
            prev = p.events().size();
        }
        assertEquals(perProcess.values().stream().mapToLong(Long::longValue).sum(), procs.stream().mapToLong(p -> p.events().size()).sum());
        TimelineRow multi = procs.stream().filter(p -> p.toggle() != null).findFirst().orElse(null);
        if (multi != null) {
            List<TimelineRow> open = TimelineRows.of(s, g, Set.of(TimelineRows.OTHER, multi.toggle()));
            assertTrue(open.size() > rows.size(), "threads listed under their process");
        }
    }
}
