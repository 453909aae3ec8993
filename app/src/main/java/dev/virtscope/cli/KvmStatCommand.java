package dev.virtscope.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.virtscope.analysis.kvm.KvmExits;
import dev.virtscope.analysis.kvm.KvmStat;
import dev.virtscope.analysis.kvm.StatTable;
import dev.virtscope.session.Session;
import dev.virtscope.session.SessionUserspace;
import dev.virtscope.session.SessionVcpus;
import dev.virtscope.store.EventStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code virtscope kvm-stat FILE...}: the table of {@code perf kvm stat report}, from any trace with kvm events;
 * with {@code --event userspace}, the time QEMU spent per exit, from QEMU's or the host's trace of a session.
 */
@Command(name = "kvm-stat", mixinStandardHelpOptions = true,
        description = "Exit counts and latencies per reason, port, MSR or MMIO address, like perf kvm stat report; "
                + "--event userspace: time in QEMU per KVM_EXIT reason.")
public final class KvmStatCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE",
            description = "trace file(s) (ftrace/trace-cmd text, trace.dat, perf script, QEMU traces); several files are one session")
    List<Path> files;

    @Mixin
    SessionOptions session = new SessionOptions();

    @Option(names = "--event", defaultValue = "vmexit", paramLabel = "vmexit|ioport|msr|mmio|userspace",
            description = "what to count (default: ${DEFAULT-VALUE}); userspace: kvm_run_exit → next KVM_RUN "
                    + "(or the host's kvm_userspace_exit → kvm_entry) per exit reason")
    String event;

    @Option(names = "--vcpu", defaultValue = "-1", paramLabel = "N", description = "only this vCPU")
    int vcpu;

    @Option(names = "--by", defaultValue = "reason", paramLabel = "vcpu|cpu|reason",
            description = "one row per reason/key (default), per vCPU or per host CPU")
    String by;

    @Option(names = "--outliers", description = "list the exits longer than --threshold instead of the table")
    boolean outliers;

    @Option(names = "--threshold", defaultValue = "1ms", paramLabel = "TIME", description = "outlier threshold (default ${DEFAULT-VALUE})")
    String threshold;

    @Option(names = "--include-hlt", description = "outliers: keep HLT exits (left out by default: a halted vCPU waits)")
    boolean includeHlt;

    @Option(names = "--split", description = "per-vCPU time in guest, in host handling exits, in userspace")
    boolean split;

    @Option(names = "--json", description = "JSON output")
    boolean json;

    @Option(names = "--csv", description = "CSV output")
    boolean csv;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut(), err = spec.commandLine().getErr();
        KvmStat.Event ev = null;
        KvmStat.By grouping;
        boolean userspace = event.equalsIgnoreCase("userspace");
        try {
            if (!userspace) ev = KvmStat.Event.parse(event);
            grouping = switch (by.toLowerCase(Locale.ROOT)) {
                case "reason", "key" -> KvmStat.By.KEY;
                case "vcpu" -> KvmStat.By.VCPU;
                case "cpu" -> KvmStat.By.CPU;
                default -> throw new IllegalArgumentException();
            };
        } catch (IllegalArgumentException e) {
            err.println("virtscope kvm-stat: --event must be vmexit, ioport, msr, mmio or userspace and --by vcpu, cpu or reason");
            return ExitCodes.USAGE;
        }
        if (json && csv) {
            err.println("virtscope kvm-stat: choose one of --json and --csv");
            return ExitCodes.USAGE;
        }
        if (userspace && (grouping == KvmStat.By.CPU || outliers || split)) {
            err.println("virtscope kvm-stat: --event userspace takes --by reason or vcpu, without --outliers/--split");
            return ExitCodes.USAGE;
        }
        Session ss;
        try {
            ss = TraceFiles.session(files, session, err);
        } catch (TraceFiles.Failed f) {
            return f.code;
        }
        if (userspace) return userspace(ss, grouping == KvmStat.By.VCPU, out, err);
        int kf = SessionFiles.withKvmEvents(ss, "virtscope kvm-stat", err);
        if (kf < 0) return ExitCodes.USAGE;
        EventStore s = ss.store(kf);
        Path file = files.get(kf);
        if (s.typeId("kvm_exit") < 0 && s.typeId("kvm_pio") < 0 && s.typeId("kvm_msr") < 0 && s.typeId("kvm_mmio") < 0) {
            err.println("virtscope kvm-stat: " + file + ": the trace has no kvm events (record kvm:kvm_exit and kvm:kvm_entry)");
            return ExitCodes.BAD_INPUT;
        }
        if (outliers || split) {
            long th = HistogramCommand.parseDuration(threshold);
            if (th < 0 || json || csv) {
                err.println("virtscope kvm-stat: --outliers/--split print text; --threshold takes 500us, 1ms, ...");
                return ExitCodes.USAGE;
            }
            KvmExits k = KvmExits.of(s);
            if (outliers) out.print(KvmReports.outliers(k, th, includeHlt, vcpu));
            if (split) out.print(KvmReports.split(k));
            out.flush();
            return ExitCodes.OK;
        }
        KvmExits exits = ev == KvmStat.Event.VMEXIT ? KvmExits.of(s) : null;
        StatTable t = KvmStat.report(s, exits, ev, vcpu, grouping);
        if (json) out.print(toJson(t));
        else if (csv) out.print(toCsv(t));
        else {
            if (s.typeId("kvm_entry") < 0)
                err.println("virtscope kvm-stat: " + file + ": no kvm_entry events, so no exit can be paired");
            out.print(t.toText());
        }
        out.flush();
        return ExitCodes.OK;
    }

    private int userspace(Session ss, boolean byVcpu, PrintWriter out, PrintWriter err) {
        SessionUserspace u = SessionUserspace.of(ss, SessionVcpus.of(ss));
        if (u.source() == SessionUserspace.Source.NONE) {
            err.println("virtscope kvm-stat: " + SessionFiles.NO_USERSPACE);
            return ExitCodes.BAD_INPUT;
        }
        StatTable t = u.table(byVcpu, vcpu);
        if (json) out.print(toJson(t));
        else if (csv) out.print(toCsv(t));
        else {
            err.println("virtscope kvm-stat: " + SessionFiles.describe(ss, u));
            out.print(t.toText());
        }
        out.flush();
        return ExitCodes.OK;
    }

    static String toJson(StatTable t) {
        ObjectMapper m = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = m.createObjectNode();
        root.put("event", t.event());
        ArrayNode rows = root.putArray("rows");
        for (StatTable.Row r : t.rows()) {
            ObjectNode o = rows.addObject();
            o.put("key", r.key());
            o.put("samples", r.samples());
            o.put("samplesPct", r.samplesPct());
            o.put("timePct", r.timePct());
            o.put("minNs", r.minNs());
            o.put("maxNs", r.maxNs());
            o.put("avgNs", r.avgNs());
            o.put("stddevPct", r.stddevPct());
        }
        root.put("totalSamples", t.totalSamples());
        root.put("totalTimeNs", t.totalTimeNs());
        root.put("unpairedExits", t.unpaired());
        try {
            return m.writeValueAsString(root) + System.lineSeparator();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String toCsv(StatTable t) {
        StringBuilder sb = new StringBuilder("key,samples,samplesPct,timePct,minNs,maxNs,avgNs,stddevPct\n");
        for (StatTable.Row r : t.rows()) {
            String key = CsvCells.cell(r.key());
            sb.append(String.format(Locale.ROOT, "%s,%d,%.4f,%.4f,%d,%d,%.1f,%.4f%n", key, r.samples(), r.samplesPct(),
                    r.timePct(), r.minNs(), r.maxNs(), r.avgNs(), r.stddevPct()));
        }
        return sb.toString();
    }
}
