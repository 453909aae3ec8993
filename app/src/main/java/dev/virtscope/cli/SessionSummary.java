package dev.virtscope.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import dev.virtscope.session.Session;
import dev.virtscope.session.SessionOffsets;
import dev.virtscope.session.SessionVcpus;
import dev.virtscope.store.EventStore;

/**
 * What {@code virtscope info A B …} reports about several files read as one session: one line
 * block per file (format, clock, events, span, offset, whether its clock agrees with the first
 * file's, and a proposed {@code --offset} when it does not), then the combined picture: session
 * time span, events per type over all files, vCPU rows across files, lost events and warnings.
 * Field names of the JSON form are documented in docs/cli.md.
 */
public record SessionSummary(List<FileLine> files, long events, Long firstNs, Long lastNs, Map<String, Long> eventsByType,
                             List<VcpuRow> vcpus, long lostEvents, long warnings) {

    /** proposedOffsetNs/proposalPairs/proposalSpreadNs are null when no proposal was made. */
    public record FileLine(String file, String format, String clock, long events, long firstNs, long lastNs, long offsetNs,
                           boolean aligned, Long proposedOffsetNs, Integer proposalPairs, Long proposalSpreadNs,
                           String proposalAgainst) {
    }

    public record VcpuRow(Integer vm, int vcpu, List<Member> members) {
    }

    /** file is the 1-based file number; tid null when the file only names the vCPU by cpu_index. */
    public record Member(int file, Integer tid, String comm) {
    }

    public static SessionSummary of(Session s) {
        Map<Integer, SessionOffsets.Suggestion> proposals = new LinkedHashMap<>();
        for (SessionOffsets.Suggestion x : SessionOffsets.suggest(s)) proposals.put(x.file(), x);
        List<FileLine> files = new ArrayList<>();
        Map<String, Long> byType = new LinkedHashMap<>();
        long events = 0, lost = 0, warnings = 0;
        Long first = null, last = null;
        for (int f = 0; f < s.files(); f++) {
            EventStore st = s.store(f);
            SessionOffsets.Suggestion p = proposals.get(f);
            files.add(new FileLine(s.trace(f).source(), s.trace(f).format(), st.clock(), st.size(), st.firstNs(), st.lastNs(),
                    s.offsetNs(f), s.aligned(f), p == null ? null : p.offsetNs(), p == null ? null : p.proposal().pairs(),
                    p == null ? null : p.proposal().spreadNs(), p == null ? null : s.trace(p.against()).source()));
            events += st.size();
            lost += st.lost().size();
            warnings += st.warnings().count();
            for (int t = 0; t < st.eventNames().size(); t++) {
                if (st.countOfType(t) > 0) byType.merge(st.eventNames().get(t), st.countOfType(t), Long::sum);
            }
            if (st.size() > 0) {
                long a = st.firstNs() + s.offsetNs(f), b = st.lastNs() + s.offsetNs(f);
                first = first == null ? a : Math.min(first, a);
                last = last == null ? b : Math.max(last, b);
            }
        }
        Map<String, Long> sorted = new LinkedHashMap<>();
        byType.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        SessionVcpus v = SessionVcpus.of(s);
        List<VcpuRow> rows = new ArrayList<>();
        for (int r = 0; r < v.rows(); r++) {
            List<Member> ms = new ArrayList<>();
            for (SessionVcpus.Member m : v.members(r)) ms.add(new Member(m.file() + 1, m.tid() >= 0 ? m.tid() : null, m.comm()));
            ms.sort(Comparator.comparingInt(Member::file));
            rows.add(new VcpuRow(v.vm(r) >= 0 ? v.vm(r) : null, v.vcpu(r), ms));
        }
        return new SessionSummary(files, events, first, last, sorted, rows, lost, warnings);
    }

    public String toJson() throws JsonProcessingException {
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(this);
    }

    public void print(PrintWriter out) {
        out.printf("session:   %d files, %d events%n", files.size(), events);
        String reference = files.get(0).clock();
        for (int f = 0; f < files.size(); f++) {
            FileLine l = files.get(f);
            out.printf("file %d:    %s%n", f + 1, l.file());
            String span = l.events() > 0 ? ", " + seconds(l.firstNs()) + " .. " + seconds(l.lastNs()) + " s" : "";
            String state = f == 0 ? "the reference clock"
                    : l.aligned() ? (l.offsetNs() != 0 || !agreesByName(l.clock(), reference) ? "set by --offset" : "clock agrees with file 1")
                    : "NOT aligned: clock " + l.clock() + " does not agree with " + reference + "; give --offset";
            out.printf("           %s, clock %s, %d events%s, offset %d ns (%s)%n", l.format(), l.clock(), l.events(), span, l.offsetNs(), state);
            if (l.proposedOffsetNs() != null) {
                out.printf("           proposed: --offset %s=%d  (%d exits matched with %s, spread %.1f us)%n",
                        Path.of(l.file()).getFileName(), l.proposedOffsetNs(), l.proposalPairs(),
                        Path.of(l.proposalAgainst()).getFileName(), l.proposalSpreadNs() / 1e3);
            }
        }
        boolean allAligned = files.stream().allMatch(FileLine::aligned);
        if (firstNs != null && allAligned) out.printf("time:      %s .. %s s (span %s s, session time)%n", seconds(firstNs), seconds(lastNs), seconds(lastNs - firstNs));
        else if (firstNs != null) out.printf("time:      not one timeline until every file is aligned (--offset)%n");
        out.printf("event types (%d):%n", eventsByType.size());
        eventsByType.forEach((name, n) -> out.printf("  %10d  %s%n", n, name));
        out.printf("vCPUs:     %d (one row per vCPU across the files)%n", vcpus.size());
        for (VcpuRow r : vcpus) {
            StringBuilder sb = new StringBuilder();
            for (Member m : r.members()) {
                if (!sb.isEmpty()) sb.append("; ");
                sb.append("file ").append(m.file()).append(m.tid() != null ? " tid " + m.tid() + " '" + m.comm() + "'" : " " + m.comm());
            }
            out.printf("  vCPU %d of VM %s: %s%n", r.vcpu(), r.vm() == null ? "(QEMU pid unknown)" : "pid " + r.vm(), sb);
        }
        out.printf("lost:      %d markers%n", lostEvents);
        out.printf("warnings:  %d%n", warnings);
        out.flush();
    }

    private static boolean agreesByName(String a, String b) {
        return dev.virtscope.session.ClockAlignment.agree(a, b);
    }

    private static String seconds(long ns) {
        String sign = ns < 0 ? "-" : "";
        long a = Math.abs(ns);
        return String.format("%s%d.%09d", sign, a / 1_000_000_000L, a % 1_000_000_000L);
    }
}
