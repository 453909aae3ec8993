package dev.virtscope.view.timeline;

import java.util.List;

import dev.virtscope.store.EventStore;

/**
 * Which rows the timeline shows for a trace before the user picks others: one per host CPU, then
 * one per vCPU thread grouped by VM (the QEMU process, i.e. the thread's tgid), vCPUs in index
 * order. The full list of rows is {@link RowCatalog}.
 */
public final class TimelineRows {
    private TimelineRows() {
    }

    public static List<TimelineRow> of(EventStore s) {
        RowCatalog c = RowCatalog.of(s);
        return c.rows(new java.util.HashSet<>(c.defaultKeys()));
    }
}
