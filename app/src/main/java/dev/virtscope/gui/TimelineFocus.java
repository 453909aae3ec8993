package dev.virtscope.gui;

import javafx.scene.control.TabPane;

import dev.virtscope.view.timeline.TimelineViewport;

/**
 * Moves the timeline to a span picked in another view (an outlier exit in the Latency tab): zoomed so
 * the span fills the middle third of the plot, centred on it.
 */
final class TimelineFocus {
    /** Narrower windows show nothing more: timestamps of text traces are often whole µs. */
    private static final double MIN_WINDOW_NS = 1_000;

    private TimelineFocus() {
    }

    static void show(TabPane tabs, TimelineView view, long fromNs, long toNs) {
        // lay the tab out now: a timeline never shown yet learns its width here and fits the trace
        // first, which must happen before the window is set, not after
        tabs.applyCss();
        tabs.layout();
        TimelineViewport vp = view.viewport();
        double span = Math.max(1, toNs - fromNs);
        double window = Math.max(MIN_WINDOW_NS, 3 * span);
        vp.zoom(window / vp.width() / vp.nsPerPixel(), 0);
        long centre = fromNs + (toNs - fromNs) / 2;
        vp.pan(vp.xOf(centre) - vp.width() / 2.0);
        view.redraw();
    }
}
