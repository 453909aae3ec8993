package dev.virtscope.session;

import java.util.ArrayList;
import java.util.List;

import dev.virtscope.decode.qemu.QemuArgs;
import dev.virtscope.stack.StackStore;
import dev.virtscope.store.EventStore;
import dev.virtscope.store.Payload;
import dev.virtscope.store.StoreMerge;
import dev.virtscope.store.Trace;

/**
 * The files of a session as one {@link Trace}: every event of every file in one store, in session
 * time (each file's times plus its offset), so views and analyses written for one file show them
 * together unchanged. The file of each event is kept beside the store (one byte per event).
 * Files come from one host and run, as in {@link Session}: a thread id and a CPU number mean the
 * same in every file, so QEMU log events (whose {@code TID@} prefix is the host thread id) fall on
 * the host's {@code CPU n/KVM} threads by themselves; events of a QEMU file without thread ids
 * (binary simpletrace: the process id) that name a {@code cpu_index} are moved onto the thread
 * {@link SessionVcpus} maps that vCPU to. Immutable; adding a file makes a new one.
 */
public final class MergedTrace {
    /** Most files one merged trace holds (file ids are one byte per event). */
    public static final int MAX_FILES = 255;

    /** How a file's offset was chosen. */
    public enum OffsetSource {
        /** the first file: the session's clock */
        FIRST_FILE,
        /** its clock agrees with the first file's ({@link ClockAlignment}) */
        SAME_CLOCK,
        /** matched exits against an aligned file ({@link SessionOffsets}) */
        PROPOSED,
        /** given by the caller (a saved session, a user's choice) */
        GIVEN,
        /** clocks differ and nothing could be matched: offset 0, times may not line up */
        UNKNOWN
    }

    /**
     * One file of the session.
     *
     * @param proposal the exit matching behind a {@link OffsetSource#PROPOSED} offset, else null
     */
    public record File(String source, String format, String clock, int events, long offsetNs, OffsetSource how,
                       OffsetProposal.Proposal proposal) {
    }

    private final Trace trace;
    private final List<File> files;
    /** File of each event; null while there is only one file. */
    private final byte[] fileOf;

    private MergedTrace(Trace trace, List<File> files, byte[] fileOf) {
        this.trace = trace;
        this.files = List.copyOf(files);
        this.fileOf = fileOf;
    }

    /** One file on its own: the trace itself, nothing copied. */
    public static MergedTrace single(Trace t) {
        EventStore s = t.events();
        return new MergedTrace(t, List.of(new File(t.source(), t.format(), s.clock(), s.size(), 0, OffsetSource.FIRST_FILE, null)), null);
    }

    /** Files loaded at once (a saved session): offsets[f] null means "same clock or proposed", as in {@link #with}. */
    public static MergedTrace of(List<Trace> traces, List<Long> offsets) {
        MergedTrace m = single(traces.get(0));
        for (int f = 1; f < traces.size(); f++) m = m.with(traces.get(f), offsets.get(f));
        return m;
    }

    /**
     * This session with one more file. Its offset is offsetNs when given; otherwise 0 when its clock
     * agrees with the first file's, else the offset {@link SessionOffsets} proposes from matched KVM
     * exits, else 0 ({@link OffsetSource#UNKNOWN}).
     */
    public MergedTrace with(Trace added, Long offsetNs) {
        if (files.size() >= MAX_FILES) throw new IllegalArgumentException("a session holds at most " + MAX_FILES + " files");
        Session s = new Session(List.of(trace, added));
        OffsetSource how;
        OffsetProposal.Proposal proposal = null;
        if (offsetNs != null) {
            s.setOffset(1, offsetNs);
            how = OffsetSource.GIVEN;
        } else if (s.aligned(1)) {
            how = OffsetSource.SAME_CLOCK;
        } else {
            List<SessionOffsets.Suggestion> sug = SessionOffsets.suggest(s);
            if (sug.isEmpty()) {
                how = OffsetSource.UNKNOWN;
            } else {
                s.setOffset(1, sug.get(0).offsetNs());
                how = OffsetSource.PROPOSED;
                proposal = sug.get(0).proposal();
            }
        }
        int n = s.size();
        int[] input = new int[n], index = new int[n];
        byte[] ids = new byte[n];
        byte added8 = (byte) files.size();
        for (int i = 0; i < n; i++) {
            input[i] = s.file(i);
            index[i] = s.index(i);
            ids[i] = input[i] == 0 ? (fileOf == null ? 0 : fileOf[index[i]]) : added8;
        }
        int[][] moved = movedTids(s);
        List<EventStore> stores = List.of(trace.events(), added.events());
        EventStore merged = StoreMerge.merge(stores, new long[]{0, s.offsetNs(1)}, input, index,
                (f, x) -> moved[f] != null ? moved[f][x] : stores.get(f).tid(x), names(added),
                trace.format() + " + " + added.format());
        StackStore stacks = trace.stacks().isEmpty() ? added.stacks() : trace.stacks();
        List<File> all = new ArrayList<>(files);
        EventStore a = added.events();
        all.add(new File(added.source(), added.format(), a.clock(), a.size(), s.offsetNs(1), how, proposal));
        return new MergedTrace(new Trace(trace.source() + " + " + added.source(), trace.format() + " + " + added.format(), merged, stacks),
                all, ids);
    }

    /**
     * Per file of s, the thread id of each event when some move (null: none do): events of a QEMU
     * file without thread ids, on a thread that is no vCPU row, naming a cpu_index that
     * {@link SessionVcpus} maps to a row with a thread of another file, go to that thread.
     */
    private static int[][] movedTids(Session s) {
        SessionVcpus v = SessionVcpus.of(s);
        int[][] out = new int[s.files()][];
        Payload p = new Payload();
        for (int f = 0; f < s.files(); f++) {
            EventStore st = s.store(f);
            if (!withoutThreadIds(st, f, v)) continue;
            int[] hostOfRow = new int[v.rows()];
            for (int r = 0; r < hostOfRow.length; r++) hostOfRow[r] = threadOfOtherFile(v, r, f);
            int[] tids = null;
            for (int i = 0; i < st.size(); i++) {
                if (v.row(f, st.tid(i)) >= 0) continue;
                st.payload(i, p);
                long c = QemuArgs.number(p, "cpu_index");
                int r = c < 0 || c > 1 << 16 ? -1 : v.rowOfIndex(f, (int) c);
                int host = r < 0 ? -1 : hostOfRow[r];
                if (host < 0) continue;
                if (tids == null) {
                    tids = new int[st.size()];
                    for (int j = 0; j < tids.length; j++) tids[j] = st.tid(j);
                }
                tids[i] = host;
            }
            out[f] = tids;
        }
        return out;
    }

    /**
     * A QEMU file whose vCPU exits are not on vCPU threads: its records carry the process id (binary
     * simpletrace). The log backend's {@code TID@} prefix puts them on the vCPU threads, and its
     * other events on the main thread (vCPU ioctls made while setting up) really ran there.
     */
    private static boolean withoutThreadIds(EventStore st, int f, SessionVcpus v) {
        int exit = st.typeId("kvm_run_exit");
        if (exit < 0) return false;
        for (int i = 0; i < st.size(); i++) if (st.type(i) == exit && v.row(f, st.tid(i)) < 0) return true;
        return false;
    }

    private static int threadOfOtherFile(SessionVcpus v, int row, int file) {
        for (SessionVcpus.Member m : v.members(row)) if (m.file() != file && m.tid() >= 0) return m.tid();
        return -1;
    }

    /** Warning prefixes: the file names (the merged store's warnings already carry theirs). */
    private List<String> names(Trace added) {
        List<String> n = new ArrayList<>();
        n.add(files.size() == 1 ? fileName(trace.source()) : null);
        n.add(fileName(added.source()));
        return n;
    }

    /** The last part of a file's path, for labels. */
    public static String fileName(String source) {
        try {
            java.nio.file.Path name = java.nio.file.Path.of(source).getFileName();
            return name == null ? source : name.toString();
        } catch (java.nio.file.InvalidPathException e) {
            return source;
        }
    }

    /** All events of all files, in session time. */
    public Trace trace() {
        return trace;
    }

    /** The files in the order they joined; file 0 sets the session's clock. */
    public List<File> files() {
        return files;
    }

    /** The file event i of {@link #trace()} came from. */
    public int fileOf(int event) {
        return fileOf == null ? 0 : fileOf[event] & 0xff;
    }
}
