package dev.virtscope.gui;

import java.util.Locale;

import dev.virtscope.session.MergedTrace;

/** The files of a session in words: format, clock, events and how each file's offset was chosen. */
final class SessionFilesText {
    private SessionFilesText() {
    }

    static String describe(Session.OpenTrace open) {
        StringBuilder b = new StringBuilder();
        for (MergedTrace.File f : open.merged().files()) {
            if (b.length() > 0) b.append('\n');
            b.append(MergedTrace.fileName(f.source())).append(": ").append(f.format()).append(", clock ").append(f.clock())
                    .append(String.format(Locale.ROOT, ", %,d events, ", f.events())).append(offset(f));
        }
        return b.toString();
    }

    static String offset(MergedTrace.File f) {
        String ns = String.format(Locale.ROOT, "offset %+,d ns", f.offsetNs());
        return switch (f.how()) {
            case FIRST_FILE -> "its clock is the session's";
            case SAME_CLOCK -> ns + " (same clock as the first file)";
            case PROPOSED -> ns + String.format(Locale.ROOT, " (proposed from %,d matched KVM exits, spread %,d ns)",
                    f.proposal().pairs(), f.proposal().spreadNs());
            case GIVEN -> ns + " (saved with the session)";
            case UNKNOWN -> ns + " (clocks differ and no KVM exits could be matched: times may not line up)";
        };
    }
}
