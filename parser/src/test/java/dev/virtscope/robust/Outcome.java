package dev.virtscope.robust;

import java.util.List;
import java.util.TreeSet;

/**
 * What loading one malformed file must give: either a clear error (a message fragment), or a
 * format, an exact number of events (and stack samples, lost-event markers, KVM exits / paired
 * exits when stated) and the exact set of warned line numbers (byte offsets for binary formats,
 * -1 for a warning about the whole file).
 */
final class Outcome {
    final String file;
    String error;
    String format;
    int events = -1;
    int stacks = -1;
    int lost;
    int exits = -1, paired = -1;
    final TreeSet<Long> warningLines = new TreeSet<>();

    private Outcome(String file) {
        this.file = file;
    }

    static Outcome fails(String file, String messageFragment) {
        Outcome o = new Outcome(file);
        o.error = messageFragment;
        return o;
    }

    static Outcome loads(String file, String format, int events) {
        Outcome o = new Outcome(file);
        o.format = format;
        o.events = events;
        return o;
    }

    Outcome stacks(int n) {
        stacks = n;
        return this;
    }

    Outcome lost(int n) {
        lost = n;
        return this;
    }

    Outcome kvm(int exits, int paired) {
        this.exits = exits;
        this.paired = paired;
        return this;
    }

    Outcome warnings(long... lines) {
        for (long l : lines) warningLines.add(l);
        return this;
    }

    Outcome warningRange(long first, long last) {
        for (long l = first; l <= last; l++) warningLines.add(l);
        return this;
    }

    @Override
    public String toString() {
        return file;
    }

    static List<String> names(List<Outcome> l) {
        return l.stream().map(o -> o.file).toList();
    }
}
