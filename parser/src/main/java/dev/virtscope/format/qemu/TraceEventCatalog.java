package dev.virtscope.format.qemu;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.virtscope.io.LineReader;
import dev.virtscope.io.TraceSource;

/**
 * The event definitions of one or more trace-events files, in file order. Order matters: binary
 * simpletrace files before log version 4 (and {@code --no-header} files) identify events by their
 * position in this list. Parsed once per load, so Strings are fine here.
 */
public final class TraceEventCatalog {
    private final List<TraceEventDef> defs = new ArrayList<>();
    private final Map<String, TraceEventDef> byName = new HashMap<>();

    public static TraceEventCatalog read(List<Path> files) throws IOException {
        TraceEventCatalog c = new TraceEventCatalog();
        for (Path p : files) c.readFile(p);
        return c;
    }

    /** Reads one trace-events file (plain or compressed) through {@link TraceSource}. */
    public void readFile(Path p) throws IOException {
        TraceSource src = new TraceSource(p);
        try (InputStream in = src.open()) {
            LineReader r = new LineReader(in);
            while (r.next()) {
                String line = new String(r.buf(), r.start(), r.end() - r.start(), StandardCharsets.UTF_8);
                try {
                    TraceEventDef d = TraceEventsLine.parse(line);
                    if (d != null) add(d);
                } catch (IllegalArgumentException e) {
                    throw new IOException(p + ":" + r.lineNo() + ": not a trace-events line (" + e.getMessage() + "): " + line, e);
                }
            }
        }
    }

    public void add(TraceEventDef d) {
        defs.add(d);
        byName.putIfAbsent(d.name(), d);
    }

    public int size() {
        return defs.size();
    }

    public TraceEventDef get(int position) {
        return defs.get(position);
    }

    /** The definition of an event, or null. */
    public TraceEventDef byName(String name) {
        return byName.get(name);
    }

    public boolean isEmpty() {
        return defs.isEmpty();
    }
}
