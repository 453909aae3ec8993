package dev.virtscope.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import dev.virtscope.store.EventStore;
import dev.virtscope.store.LostEvents;
import dev.virtscope.store.TaskTable;
import dev.virtscope.store.Trace;
import dev.virtscope.store.Warnings;

/**
 * What {@code virtscope info} reports about one loaded trace, as plain data: printed for people or
 * serialised to JSON (field names documented in docs/cli.md and kept stable).
 */
public record TraceSummary(String file, String format, String clock, boolean nsClock, long events,
                           Map<String, Long> eventsByType, int cpus, long firstNs, long lastNs, List<Task> tasks,
                           long lostEvents, long lostEventsKnownCount, List<LostMarker> lostMarkers, long warnings,
                           List<WarningLine> firstWarnings) {

    /** vm is the QEMU process id of a vCPU thread (its tgid), vcpu its index; both null otherwise. */
    public record Task(int tid, String comm, Integer tgid, Integer vm, Integer vcpu) {
    }

    public record LostMarker(String kind, int cpu, Long count, long ts, long line) {
    }

    public record WarningLine(long line, String reason) {
    }

    private static final int FIRST_WARNINGS = 10;

    public static TraceSummary of(Trace trace) {
        EventStore s = trace.events();
        Map<String, Long> byType = new LinkedHashMap<>();
        List<Integer> types = new ArrayList<>();
        for (int t = 0; t < s.eventNames().size(); t++) if (s.countOfType(t) > 0) types.add(t);
        types.sort(Comparator.comparingLong((Integer t) -> -s.countOfType(t)).thenComparing(t -> s.eventNames().get(t)));
        for (int t : types) byType.put(s.eventNames().get(t), s.countOfType(t));

        TaskTable tt = s.tasks();
        List<Task> tasks = new ArrayList<>();
        for (int i = 0; i < tt.size(); i++) {
            Integer tgid = tt.tgid(i) >= 0 ? tt.tgid(i) : null;
            boolean vcpu = tt.isVcpu(i);
            tasks.add(new Task(tt.tid(i), tt.comm(i), tgid, vcpu ? tgid : null, vcpu ? tt.vcpu(i) : null));
        }
        tasks.sort(Comparator.comparingInt(Task::tid));

        LostEvents lost = s.lost();
        List<LostMarker> markers = new ArrayList<>();
        for (int i = 0; i < lost.size(); i++) {
            markers.add(new LostMarker(lost.kind(i).name(), lost.cpu(i), lost.count(i) >= 0 ? lost.count(i) : null, lost.ts(i), lost.line(i)));
        }
        Warnings w = s.warnings();
        List<WarningLine> first = new ArrayList<>();
        for (Warnings.Warning x : w.first(FIRST_WARNINGS)) first.add(new WarningLine(x.line(), x.reason()));
        return new TraceSummary(trace.source(), trace.format(), s.clock(), s.nsClock(), s.size(), byType, s.cpuCount(),
                s.firstNs(), s.lastNs(), tasks, lost.size(), lost.totalKnownLost(), markers, w.count(), first);
    }

    public String toJson() throws JsonProcessingException {
        // plain records and maps only: no polymorphic (default) typing
        ObjectMapper m = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        return m.writeValueAsString(this);
    }

    public void print(PrintWriter out) {
        out.printf("file:      %s%n", file);
        out.printf("format:    %s (clock %s%s)%n", format, clock, nsClock ? "" : ", raw counts, not ns");
        out.printf("events:    %d%n", events);
        out.printf("cpus:      %d%n", cpus);
        if (events > 0) {
            if (nsClock) out.printf("time:      %s .. %s s (span %s s)%n", seconds(firstNs), seconds(lastNs), seconds(lastNs - firstNs));
            else out.printf("time:      %d .. %d (span %d counts)%n", firstNs, lastNs, lastNs - firstNs);
        }
        out.printf("event types (%d):%n", eventsByType.size());
        eventsByType.forEach((name, n) -> out.printf("  %10d  %s%n", n, name));
        List<Task> vcpus = tasks.stream().filter(t -> t.vcpu() != null).toList();
        out.printf("tasks:     %d (%d vCPU threads)%n", tasks.size(), vcpus.size());
        for (Task t : vcpus) {
            out.printf("  vCPU %d of VM %s: tid %d '%s'%n", t.vcpu(), t.vm() == null ? "(QEMU pid unknown)" : "pid " + t.vm(), t.tid(), t.comm());
        }
        out.printf("lost:      %d markers, %d events known lost%n", lostEvents, lostEventsKnownCount);
        for (LostMarker l : lostMarkers.subList(0, Math.min(10, lostMarkers.size()))) {
            out.printf("  line %d: %s cpu %s, %s events%n", l.line(), l.kind(), l.cpu() < 0 ? "all" : l.cpu(), l.count() == null ? "unknown" : l.count());
        }
        out.printf("warnings:  %d%n", warnings);
        for (WarningLine x : firstWarnings) out.printf("  line %d: %s%n", x.line(), x.reason());
        out.flush();
    }

    private static String seconds(long ns) {
        String sign = ns < 0 ? "-" : "";
        long a = Math.abs(ns);
        return String.format("%s%d.%09d", sign, a / 1_000_000_000L, a % 1_000_000_000L);
    }
}
