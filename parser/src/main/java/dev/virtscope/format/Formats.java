package dev.virtscope.format;

/** The registry of every importer VirtScope ships; each format adds itself here. */
public final class Formats {
    private Formats() {
    }

    public static FormatRegistry all() {
        return new FormatRegistry()
                .register(new dev.virtscope.format.ftrace.FtraceFormat())
                .register(new dev.virtscope.format.ftrace.TraceCmdReportFormat())
                .register(new dev.virtscope.format.perf.PerfScriptFormat())
                .register(new dev.virtscope.format.folded.FoldedFormat())
                .register(new dev.virtscope.format.qemu.SimpletraceBinaryFormat())
                .register(new dev.virtscope.format.qemu.SimpletraceTextFormat())
                .register(new dev.virtscope.format.qemu.QemuLogFormat())
                .register(new dev.virtscope.format.tracedat.TraceDatFormat());
    }
}
