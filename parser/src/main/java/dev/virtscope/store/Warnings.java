package dev.virtscope.store;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Lines a loader could not use. Loading never stops on a bad line: it becomes a warning with its
 * line number (or byte offset for binary formats) and reason. Only the first {@link #KEPT} are kept
 * in full; the count is exact.
 */
public final class Warnings {
    public static final int KEPT = 1000;

    public record Warning(long line, String reason) {
    }

    private final List<Warning> kept = new ArrayList<>();
    private long count;

    public void add(long line, String reason) {
        count++;
        if (kept.size() < KEPT) kept.add(new Warning(line, reason));
    }

    /** Counts n more warnings whose text is not kept (the kept list is full, or they come after it). */
    public void addUnkept(long n) {
        count += n;
    }

    public long count() {
        return count;
    }

    public List<Warning> kept() {
        return Collections.unmodifiableList(kept);
    }

    public List<Warning> first(int n) {
        return kept.subList(0, Math.min(n, kept.size()));
    }
}
