package dev.virtscope.format.ftrace;

import java.io.IOException;

import dev.virtscope.format.LoadMonitor;
import dev.virtscope.format.TraceFormat;
import dev.virtscope.io.TraceSource;
import dev.virtscope.store.TraceBuilder;

/** The text printed by {@code trace-cmd report} (any of -l, -t, -R, --ts-diff, several -i inputs). */
public final class TraceCmdReportFormat implements TraceFormat {
    public static final String NAME = "trace-cmd-report";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int probe(byte[] head) {
        FtraceProbe p = FtraceProbe.of(head);
        return p.kind == FtraceProbe.Kind.REPORT ? p.score : 0;
    }

    @Override
    public void load(TraceSource source, TraceBuilder out, LoadMonitor monitor) throws IOException {
        FtraceIngest.load(source, out.events, true, monitor);
    }
}
