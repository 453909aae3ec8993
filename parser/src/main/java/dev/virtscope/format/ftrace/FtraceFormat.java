package dev.virtscope.format.ftrace;

import java.io.IOException;

import dev.virtscope.format.LoadMonitor;
import dev.virtscope.format.TraceFormat;
import dev.virtscope.io.TraceSource;
import dev.virtscope.store.TraceBuilder;

/** Kernel ftrace text: {@code /sys/kernel/tracing/trace} (with its header) and {@code trace_pipe}. */
public final class FtraceFormat implements TraceFormat {
    public static final String NAME = "ftrace";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int probe(byte[] head) {
        FtraceProbe p = FtraceProbe.of(head);
        return p.kind == FtraceProbe.Kind.KERNEL ? p.score : 0;
    }

    @Override
    public void load(TraceSource source, TraceBuilder out, LoadMonitor monitor) throws IOException {
        FtraceIngest.load(source, out.events, false, monitor);
    }
}
