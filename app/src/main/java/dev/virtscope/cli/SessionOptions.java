package dev.virtscope.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.virtscope.session.OffsetOption;
import dev.virtscope.store.LoadOptions;
import picocli.CommandLine.Option;

/** Options shared by the commands that read several files as one session (info, kvm-stat, histogram). */
final class SessionOptions {
    @Option(names = "--trace-events", paramLabel = "FILE",
            description = "QEMU trace-events file(s) for a binary simpletrace (repeatable; default: trace-events-all next to the trace)")
    List<Path> traceEvents = new ArrayList<>();

    @Option(names = "--offset", paramLabel = "FILE=NS",
            description = "add NS nanoseconds to FILE's timestamps (path or file name; repeatable)")
    List<String> offsets = new ArrayList<>();

    LoadOptions loadOptions() {
        return traceEvents.isEmpty() ? LoadOptions.DEFAULT : new LoadOptions(List.copyOf(traceEvents));
    }

    /** The parsed --offset options; IllegalArgumentException with the user-facing message if one is malformed. */
    List<OffsetOption> offsetOptions() {
        List<OffsetOption> o = new ArrayList<>();
        for (String s : offsets) o.add(OffsetOption.parse(s));
        return o;
    }
}
