package dev.virtscope.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.virtscope.analysis.kvm.KvmExits;
import dev.virtscope.analysis.kvm.KvmStat;
import dev.virtscope.analysis.kvm.StatTable;
import dev.virtscope.store.EventStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code virtscope kvm-stat FILE}: the table of {@code perf kvm stat report}, from any trace with kvm events. */
@Command(name = "kvm-stat", mixinStandardHelpOptions = true,
        description = "Exit counts and latencies per reason, port, MSR or MMIO address, like perf kvm stat report.")
public final class KvmStatCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "trace file (ftrace/trace-cmd text, perf script, ...)")
    Path file;

    @Option(names = "--event", defaultValue = "vmexit", paramLabel = "vmexit|ioport|msr|mmio",
            description = "what to count (default: ${DEFAULT-VALUE})")
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
        KvmStat.Event ev;
        KvmStat.By grouping;
        try {
            ev = KvmStat.Event.parse(event);
            grouping = switch (by.toLowerCase(Locale.ROOT)) {
                case "reason", "key" -> KvmStat.By.KEY;
                case "vcpu" -> KvmStat.By.VCPU;
                case "cpu" -> KvmStat.By.CPU;
                default -> throw new IllegalArgumentException();
            };
        } catch (IllegalArgumentException e) {
            err.println("virtscope kvm-stat: --event must be vmexit, ioport, msr or mmio and --by vcpu, cpu or reason");
            return ExitCodes.USAGE;
        }
        if (json && csv) {
            err.println("virtscope kvm-stat: choose one of --json and --csv");
            return ExitCodes.USAGE;
        }
        EventStore s;
        try {
            s = TraceFiles.load(file, err);
        } catch (TraceFiles.Failed f) {
            return f.code;
        }
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
