package dev.virtscope.view.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TimelineViewportTest {
    @Test
    void fitShowsTheWholeRangeAndZoomKeepsTheAnchoredTime() {
        TimelineViewport vp = new TimelineViewport();
        vp.setWidth(1000);
        vp.fit(5_000_000, 6_000_000 - 1);
        assertEquals(5_000_000, vp.start());
        assertEquals(1000.0, vp.nsPerPixel());
        assertEquals(6_000_000, vp.end());

        long anchored = vp.timeAt(250);
        vp.zoom(0.5, 250);
        assertEquals(500.0, vp.nsPerPixel());
        assertEquals(anchored, vp.timeAt(250));

        vp.pan(100);
        assertEquals(anchored + 50_000, vp.timeAt(250));

        vp.zoom(1000, 0);
        assertEquals(4000.0, vp.nsPerPixel(), "zooming out stops at four times the trace");
    }

    @Test
    void niceAxisSteps() {
        assertEquals(1000.0, TimelinePainter.niceStep(730));
        assertEquals(2000.0, TimelinePainter.niceStep(1001));
        assertEquals(5e6, TimelinePainter.niceStep(2.5e6));
    }
}
