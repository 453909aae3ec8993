package dev.virtscope.session;

import java.util.ArrayList;
import java.util.List;

import dev.virtscope.store.EventStore;

/**
 * Offsets to propose for the files of a session whose clock does not agree with the first file's:
 * each such QEMU trace (kvm_run_exit) is matched against an aligned host trace
 * (kvm_userspace_exit), or each such host trace against an aligned QEMU trace, with
 * {@link OffsetProposal}; the result is the value to give as {@code --offset FILE=NS}.
 */
public final class SessionOffsets {
    /**
     * @param file     the file to shift
     * @param against  the aligned file it was matched with
     * @param offsetNs session offset for {@code file}
     */
    public record Suggestion(int file, int against, long offsetNs, OffsetProposal.Proposal proposal) {
    }

    private SessionOffsets() {
    }

    public static List<Suggestion> suggest(Session s) {
        List<Suggestion> out = new ArrayList<>();
        for (int f = 0; f < s.files(); f++) {
            if (s.aligned(f)) continue;
            boolean qemu = has(s.store(f), "kvm_run_exit"), kernel = has(s.store(f), "kvm_userspace_exit");
            for (int g = 0; g < s.files(); g++) {
                if (g == f || !s.aligned(g)) continue;
                OffsetProposal.Proposal p;
                long offset;
                if (qemu && has(s.store(g), "kvm_userspace_exit")) {
                    p = OffsetProposal.propose(s.store(g), s.store(f));
                    offset = s.offsetNs(g) + p.offsetNs();
                } else if (kernel && has(s.store(g), "kvm_run_exit")) {
                    p = OffsetProposal.propose(s.store(f), s.store(g));
                    offset = s.offsetNs(g) - p.offsetNs();
                } else continue;
                if (p.pairs() == 0) continue;
                out.add(new Suggestion(f, g, offset, p));
                break;
            }
        }
        return out;
    }

    private static boolean has(EventStore s, String event) {
        return s.countOfType(s.typeId(event)) > 0;
    }
}
