package dev.virtscope.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

import dev.virtscope.session.Session;
import dev.virtscope.session.SessionUserspace;
import dev.virtscope.store.EventStore;

/** Which file of a session the single-file analyses of kvm-stat/histogram read, and how the userspace view is described. */
final class SessionFiles {
    static final String NO_USERSPACE = "no userspace exits: record QEMU's kvm_run_exit and kvm_vcpu_ioctl "
            + "(-trace kvm_run_exit -trace kvm_vcpu_ioctl), or the host's kvm:kvm_userspace_exit with kvm:kvm_entry";

    private SessionFiles() {
    }

    /**
     * The file whose kvm events the exit analyses read: the only one that has kvm_exit, kvm_pio,
     * kvm_msr or kvm_mmio events (the first file when none has: its own message follows). Host
     * traces of the same run (trace.dat and its text, perf script) hold the same exits, so several
     * are never added up: -1 after a message naming them.
     */
    static int withKvmEvents(Session s, String cmd, PrintWriter err) {
        List<Integer> with = new ArrayList<>();
        for (int f = 0; f < s.files(); f++) {
            EventStore st = s.store(f);
            if (st.typeId("kvm_exit") >= 0 || st.typeId("kvm_pio") >= 0 || st.typeId("kvm_msr") >= 0 || st.typeId("kvm_mmio") >= 0) with.add(f);
        }
        if (with.size() <= 1) return with.isEmpty() ? 0 : with.get(0);
        List<String> names = new ArrayList<>();
        for (int f : with) names.add(s.trace(f).source());
        err.println(cmd + ": " + with.size() + " files have kvm events " + names
                + "; the exit tables read one host trace: give one of them (with QEMU traces for --event userspace)");
        return -1;
    }

    /** For {@code --pair START:END:KEY}: the first file that has the START event (pairs never cross files). */
    static int withPair(Session s, String pair) {
        String start = pair.split(":", -1)[0];
        for (int f = 0; f < s.files(); f++) if (s.store(f).typeId(start) >= 0) return f;
        return 0;
    }

    /** Where userspace intervals came from, for a note on stderr. */
    static String describe(Session s, SessionUserspace u) {
        List<String> names = new ArrayList<>();
        for (int f : u.files()) names.add(s.trace(f).source());
        return u.size() + " userspace exits from " + (u.source() == SessionUserspace.Source.QEMU
                ? "QEMU's kvm_run_exit → next KVM_RUN ioctl" : "the host's kvm_userspace_exit → next kvm_entry") + " in " + String.join(", ", names);
    }
}
