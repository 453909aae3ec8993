package dev.virtscope.gui;

import java.util.List;

/**
 * What File → Save session… writes, as JSON: the files with their clock offsets, the timeline rows
 * shown, the time window, markers A/B and the Events tab's filters. Plain records read and written
 * by {@link SessionFiles} without polymorphic typing. {@code version} is the format's, raised when
 * a change would make older VirtScope versions misread a file.
 */
public record SavedSession(int version, List<FileRef> files, List<String> visibleRows, TimeWindow zoom,
                           MarkerTimes markers, Filters filters) {
    public static final int VERSION = 1;

    /**
     * A trace file and the ns added to its timestamps (the first file's is 0: its clock is the
     * session's); traceEvents lists the QEMU trace-events files a binary simpletrace was decoded
     * with, or is null.
     */
    public record FileRef(String path, long offsetNs, List<String> traceEvents) {
    }

    /** The timeline's visible window, trace time [start, end). */
    public record TimeWindow(long start, long end) {
    }

    /** Markers A and B, null when unset. */
    public record MarkerTimes(Long a, Long b) {
    }

    /** Events tab filters; a null list means "no condition" (all values). */
    public record Filters(List<String> types, List<Integer> tids, List<Integer> cpus, String text, String expression) {
    }
}
