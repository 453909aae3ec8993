package dev.virtscope.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.virtscope.analysis.kvm.ExitFilter;
import dev.virtscope.analysis.kvm.KvmExits;
import dev.virtscope.analysis.latency.EventPairing;
import dev.virtscope.analysis.latency.Latencies;
import dev.virtscope.analysis.latency.LatencyHistogram;
import dev.virtscope.analysis.latency.LatencySummary;
import dev.virtscope.analysis.qemu.UserspaceExits;
import dev.virtscope.session.Session;
import dev.virtscope.session.SessionUserspace;
import dev.virtscope.session.SessionVcpus;
import dev.virtscope.store.EventStore;
import dev.virtscope.view.chart.LatencyHistogramChart;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code virtscope histogram FILE...}: latency histogram of kvm exits (exit → entry of the vCPU thread), of the
 * time QEMU spends per exit ({@code --userspace}), or of any event pair with {@code --pair START:END:KEY}; as text,
 * or SVG/PNG/CSV/JSON by the --out extension. Several files are read as one session.
 */
@Command(name = "histogram", mixinStandardHelpOptions = true,
        description = "Latency histogram and percentiles of kvm exits or of any pair of events.")
public final class HistogramCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "trace file(s); several files are one session")
    List<Path> files;

    @Mixin
    SessionOptions session = new SessionOptions();

    @Option(names = "--userspace", description = "time in QEMU per exit: kvm_run_exit → next KVM_RUN of the vCPU "
            + "(or the host's kvm_userspace_exit → kvm_entry); --reason takes KVM_EXIT names (IO, MMIO, ...)")
    boolean userspace;

    @Option(names = "--reason", paramLabel = "R", description = "only exits with this reason as printed (HLT, MSR_WRITE, npf, ...)")
    String reason;

    @Option(names = "--vcpu", defaultValue = "-1", paramLabel = "N", description = "only this vCPU")
    int vcpu;

    @Option(names = "--cpu", defaultValue = "-1", paramLabel = "N", description = "only exits that started on this host CPU")
    int cpu;

    @Option(names = "--subkey", paramLabel = "K",
            description = "only exits with this host vector (EXTERNAL_INTERRUPT), port (kvm_pio), MSR (kvm_msr) or gpa (kvm_mmio); 0x.. or decimal")
    String subKey;

    @Option(names = "--log2", description = "log2 buckets [2^i, 2^(i+1)) ns (default)")
    boolean log2;

    @Option(names = "--linear", paramLabel = "WIDTH", description = "linear buckets of this width: ns, or with a unit (500ns, 2us, 1ms)")
    String linear;

    @Option(names = "--out", paramLabel = "FILE", description = "write hist.svg, hist.png, hist.csv or hist.json instead of text")
    Path out;

    @Option(names = "--pair", paramLabel = "START:END:KEY",
            description = "pair any two events by tid, cpu or a payload field, e.g. sched_waking:sched_switch:pid")
    String pair;

    @Option(names = "--title", paramLabel = "TEXT", description = "picture title (default: what is plotted)")
    String titleOption;

    @Option(names = "--width", defaultValue = "" + LatencyHistogramChart.DEFAULT_WIDTH, description = "picture width (px)")
    int width;

    @Option(names = "--height", defaultValue = "" + LatencyHistogramChart.DEFAULT_HEIGHT, description = "picture height (px)")
    int height;

    @Override
    public Integer call() {
        PrintWriter o = spec.commandLine().getOut(), err = spec.commandLine().getErr();
        long widthNs = -1;
        if (linear != null) {
            widthNs = parseDuration(linear);
            if (widthNs <= 0 || log2) {
                err.println("virtscope histogram: --linear needs a positive width (500, 500ns, 2us, 1ms) and excludes --log2");
                return ExitCodes.USAGE;
            }
        }
        String kind = out == null ? "text" : extension(out);
        if (!kind.equals("text") && !kind.equals("svg") && !kind.equals("png") && !kind.equals("csv") && !kind.equals("json")) {
            err.println("virtscope histogram: --out must end in .svg, .png, .csv or .json: " + out);
            return ExitCodes.USAGE;
        }
        if (pair != null && (reason != null || vcpu >= 0)) {
            err.println("virtscope histogram: --reason and --vcpu apply to kvm exits, not to --pair");
            return ExitCodes.USAGE;
        }
        if (userspace && (pair != null || cpu >= 0 || subKey != null)) {
            err.println("virtscope histogram: --userspace takes --reason and --vcpu, not --pair, --cpu or --subkey");
            return ExitCodes.USAGE;
        }
        Session ss;
        try {
            ss = TraceFiles.session(files, session, err);
        } catch (TraceFiles.Failed f) {
            return f.code;
        }
        Latencies lat;
        String title;
        int kf = userspace ? 0 : pair != null ? SessionFiles.withPair(ss, pair) : SessionFiles.withKvmEvents(ss, "virtscope histogram", err);
        if (kf < 0) return ExitCodes.USAGE;
        EventStore s = ss.store(kf);
        Path file = files.get(kf);
        if (userspace) {
            Integer r = reason == null ? null : UserspaceExits.reasonOf(reason);
            if (reason != null && r == null) {
                err.println("virtscope histogram: --reason with --userspace takes a KVM_EXIT name (IO, MMIO, HLT, ...), restart or error: " + reason);
                return ExitCodes.USAGE;
            }
            SessionUserspace u = SessionUserspace.of(ss, SessionVcpus.of(ss));
            if (u.source() == SessionUserspace.Source.NONE) {
                err.println("virtscope histogram: " + SessionFiles.NO_USERSPACE);
                return ExitCodes.BAD_INPUT;
            }
            if (kind.equals("text")) err.println("virtscope histogram: " + SessionFiles.describe(ss, u));
            lat = u.latencies(r, vcpu);
            title = "time in QEMU per exit" + (r != null ? " " + UserspaceExits.reasonName(r) : "") + (vcpu >= 0 ? " vCPU " + vcpu : "");
        } else if (pair != null) {
            EventPairing.Pairs p;
            try {
                p = EventPairing.pair(s, pair);
            } catch (IllegalArgumentException e) {
                err.println("virtscope histogram: " + e.getMessage());
                return ExitCodes.USAGE;
            }
            final EventPairing.Pairs pp = p;
            lat = cpu < 0 ? p.latencies() : Latencies.select(p.durationNs, p.size, i -> s.cpu(pp.start[i]) == cpu);
            title = pair.replaceFirst(":", " → ").replaceFirst(":", " by ") + " latency";
        } else {
            if (s.typeId("kvm_exit") < 0) {
                err.println("virtscope histogram: " + file + ": the trace has no kvm_exit events (use --pair for other events)");
                return ExitCodes.BAD_INPUT;
            }
            KvmExits k = KvmExits.of(s);
            long sk = -1;
            if (subKey != null) {
                try {
                    sk = subKey.startsWith("0x") ? Long.parseLong(subKey.substring(2), 16) : Long.parseLong(subKey);
                } catch (NumberFormatException e) {
                    err.println("virtscope histogram: --subkey takes a number (0xec, 112): " + subKey);
                    return ExitCodes.USAGE;
                }
            }
            lat = k.latencies(ExitFilter.ALL.withReason(reason).withVcpu(vcpu).withCpu(cpu).withSubKey(sk));
            if (k.unpairedTotal() > 0)
                err.println("virtscope histogram: " + file + ": " + k.unpairedTotal() + " of " + k.size()
                        + " exits have no kvm_entry (lost events, or the trace starts or ends inside them) and are not counted");
            title = "kvm exit latency" + (reason != null ? " " + reason : "") + (subKey != null ? " " + subKey : "")
                    + (vcpu >= 0 ? " vCPU " + vcpu : "") + (cpu >= 0 ? " CPU " + cpu : "");
        }
        if (titleOption != null) title = titleOption;
        LatencyHistogram h = widthNs > 0 ? lat.linear(widthNs) : lat.log2();
        LatencySummary sum = lat.summary();
        try {
            switch (kind) {
                case "svg" -> new LatencyHistogramChart(title, h, sum).writeSvg(out, width, height);
                case "png" -> new LatencyHistogramChart(title, h, sum).writePng(out, width, height);
                case "csv" -> writeText(out, toCsv(h));
                case "json" -> writeText(out, toJson(h, sum));
                default -> {
                    o.println(title + ": " + sum.count + " samples");
                    o.print(h.toText("ns"));
                    o.println(String.format(Locale.ROOT, "p50 %d ns  p90 %d ns  p99 %d ns  p99.9 %d ns  max %d ns",
                            sum.p50, sum.p90, sum.p99, sum.p999, sum.maxNs));
                    o.flush();
                }
            }
        } catch (IOException e) {
            err.println("virtscope histogram: " + out + ": " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        return ExitCodes.OK;
    }

    private static void writeText(Path p, String text) throws IOException {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        LatencyHistogramChart.writeAtomically(p, os -> os.write(b));
    }

    static String extension(Path p) {
        String n = p.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot < 0 ? "" : n.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** {@code 500}, {@code 500ns}, {@code 2us}/{@code 2µs}, {@code 1ms}, {@code 1s} → ns; -1 if malformed. */
    static long parseDuration(String s) {
        String t = s.trim().toLowerCase(Locale.ROOT);
        long mul = 1;
        if (t.endsWith("ns")) t = t.substring(0, t.length() - 2);
        else if (t.endsWith("us") || t.endsWith("µs")) {
            t = t.substring(0, t.length() - 2);
            mul = 1_000;
        } else if (t.endsWith("ms")) {
            t = t.substring(0, t.length() - 2);
            mul = 1_000_000;
        } else if (t.endsWith("s")) {
            t = t.substring(0, t.length() - 1);
            mul = 1_000_000_000;
        }
        try {
            return Math.round(Double.parseDouble(t) * mul);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static String toCsv(LatencyHistogram h) {
        StringBuilder sb = new StringBuilder("loNs,hiNs,count\n");
        // every cell is a number, so nothing here can be read as a formula; CsvCells keeps it that way if text is added
        for (int k = 0; k < h.buckets(); k++)
            sb.append(CsvCells.cell(Long.toString(h.loNs(k)))).append(',').append(CsvCells.cell(Long.toString(h.hiNs(k)))).append(',')
                    .append(CsvCells.cell(Long.toString(h.count(k)))).append('\n');
        return sb.toString();
    }

    static String toJson(LatencyHistogram h, LatencySummary s) {
        ObjectMapper m = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = m.createObjectNode();
        root.put("count", s.count);
        ArrayNode b = root.putArray("buckets");
        for (int k = 0; k < h.buckets(); k++) {
            ObjectNode o = b.addObject();
            o.put("loNs", h.loNs(k));
            o.put("hiNs", h.hiNs(k));
            o.put("count", h.count(k));
        }
        ObjectNode p = root.putObject("percentiles");
        p.put("p50", s.p50);
        p.put("p90", s.p90);
        p.put("p99", s.p99);
        p.put("p999", s.p999);
        p.put("max", s.maxNs);
        try {
            return m.writeValueAsString(root) + System.lineSeparator();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
