package dev.virtscope.format;

/** The registry of every importer VirtScope ships; each format adds itself here. */
public final class Formats {
    private Formats() {
    }

    public static FormatRegistry all() {
        return new FormatRegistry()
                .register(new dev.virtscope.format.ftrace.FtraceFormat())
                .register(new dev.virtscope.format.ftrace.TraceCmdReportFormat());
    }
}
