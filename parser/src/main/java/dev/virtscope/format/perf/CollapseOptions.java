package dev.virtscope.format.perf;

/**
 * The options of {@code virtscope fold}, named and defaulted like stackcollapse-perf.pl's so that
 * the same flags give the same folded output.
 *
 * @param pid         process name becomes {@code comm-PID} ({@code comm-?} when the file has no pid)
 * @param tid         process name becomes {@code comm-PID/TID}
 * @param kernel      kernel frames get {@code _[k]}
 * @param jit         frames from {@code /tmp/perf-PID.map} get {@code _[j]}
 * @param inline      expand frames of user binaries into their inlined calls with addr2line
 * @param eventFilter keep only samples of this event; null means the first event seen in the file
 */
public record CollapseOptions(boolean pid, boolean tid, boolean kernel, boolean jit, boolean inline, String eventFilter) {
    public static final CollapseOptions DEFAULT = new CollapseOptions(false, false, false, false, false, null);

    /** {@code --all}: every annotation. */
    public CollapseOptions withAll() {
        return new CollapseOptions(pid, tid, true, true, inline, eventFilter);
    }
}
