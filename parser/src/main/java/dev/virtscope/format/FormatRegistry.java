package dev.virtscope.format;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import dev.virtscope.io.TraceSource;

/** All importers, and detection by content: the importer with the highest probe score wins. */
public final class FormatRegistry {
    private final List<TraceFormat> formats = new ArrayList<>();

    public FormatRegistry register(TraceFormat f) {
        formats.add(f);
        return this;
    }

    public List<TraceFormat> formats() {
        return List.copyOf(formats);
    }

    public TraceFormat detect(TraceSource src) throws IOException {
        byte[] head = src.head();
        // an image or archive can hold trace-like text (a tar of a trace does): name it before any importer claims it
        String kind = FileKinds.describe(head);
        if (kind != null) throw new UnrecognisedFormatException(src.path() + ": not a recognised trace (" + kind + ")");
        TraceFormat best = null;
        int bestScore = 0;
        for (TraceFormat f : formats) {
            int s = f.probe(head);
            if (s > bestScore) {
                best = f;
                bestScore = s;
            }
        }
        if (best == null) {
            StringBuilder tried = new StringBuilder();
            for (TraceFormat f : formats) tried.append(tried.length() == 0 ? "" : ", ").append(f.name());
            String what = head.length == 0 ? "the file is empty" : "its first lines match no known trace format";
            throw new UnrecognisedFormatException(src.path() + ": not a recognised trace (" + what + "; tried: " + tried + ")");
        }
        return best;
    }
}
