package dev.virtscope.view.timeline;

import dev.virtscope.analysis.vcpu.StatePixels;
import dev.virtscope.analysis.vcpu.VcpuState;
import dev.virtscope.analysis.vcpu.VcpuStates;
import dev.virtscope.store.EventStore;
import dev.virtscope.view.paint.Painter;

/**
 * Draws a vCPU thread's row: a bar of its state per pixel (from {@link StatePixels}: guest green,
 * host exits coloured by reason, QEMU userspace purple, not running a thin grey line, unknown
 * empty) with the thread's event ticks in a strip beneath; and the legend line of those colours.
 * Runs of equal pixels are drawn as one rectangle, which keeps SVG exports small.
 */
public final class VcpuStateLane {
    public static final int GUEST = 0x2CA02C, USERSPACE = 0x8E44AD, NOT_RUNNING = 0xB4BAC2, LOST = 0xD0021B;
    /** Exit reason colours, most host time first: warm and blue hues, none close to guest green or userspace purple. */
    private static final int[] EXIT_PALETTE = {0xD62728, 0xFF7F0E, 0x1F77B4, 0x8C564B, 0xE377C2, 0xBCBD22,
        0x17BECF, 0xF5B041, 0x2E4053, 0xA93226, 0x5DADE2, 0x7E5109};
    /** Bar and tick strip inside the row (row height 20): bar y+2 … y+12, ticks y+13 … y+19. */
    public static final double BAR_TOP = 2, BAR_HEIGHT = 10, TICKS_TOP = 13;

    private final VcpuStates states;
    private final int[] colourOfReason;
    private final StatePixels pixels = new StatePixels();
    private final PixelBins bins = new PixelBins();

    public VcpuStateLane(VcpuStates states) {
        this.states = states;
        colourOfReason = new int[states.exits().reasonCount()];
        int[] present = states.reasonsPresent();
        for (int k = 0; k < colourOfReason.length; k++) colourOfReason[k] = 0x7F7F7F;
        for (int k = 0; k < present.length; k++) colourOfReason[present[k]] = EXIT_PALETTE[k % EXIT_PALETTE.length];
    }

    public VcpuStates states() {
        return states;
    }

    /** Colour of a host exit of a reason id (grey for reasons with no host time). */
    public int colourOfReason(int reasonId) {
        return reasonId >= 0 && reasonId < colourOfReason.length ? colourOfReason[reasonId] : 0x7F7F7F;
    }

    /** Colour of a state (HOST_EXIT: of its reason), or -1 for nothing drawn. */
    public int colour(int state, int reason) {
        return switch (state) {
            case VcpuState.GUEST -> GUEST;
            case VcpuState.HOST_EXIT -> colourOfReason(reason);
            case VcpuState.USERSPACE -> USERSPACE;
            case VcpuState.NOT_RUNNING -> NOT_RUNNING;
            default -> -1;
        };
    }

    /** True when the row is a thread this lane has states for. */
    public boolean draws(TimelineRow row) {
        int th = states.threadOfTask(row.task());
        return th >= 0 && states.to(th) > states.from(th);
    }

    public void draw(Painter p, EventStore s, TimelineRow row, TimelineViewport vp, double plotX, double y) {
        int thread = states.threadOfTask(row.task());
        pixels.fill(states, thread, vp.start(), vp.nsPerPixel(), vp.width());
        int runStart = 0, runColour = -1;
        for (int px = 0; px <= pixels.width(); px++) {
            int c = px == pixels.width() ? -2 : colour(pixels.state(px), pixels.reason(px));
            if (c == runColour) continue;
            if (runColour >= 0) {
                boolean thin = runColour == NOT_RUNNING;
                // not running: a thin line, so "known idle" differs from "unknown" (nothing) at a glance
                p.fillRect(plotX + runStart, y + BAR_TOP + (thin ? BAR_HEIGHT / 2 - 1 : 0), px - runStart,
                        thin ? 2 : BAR_HEIGHT, runColour);
            }
            runStart = px;
            runColour = c;
        }
        bins.fill(s, row.events(), vp.start(), vp.nsPerPixel(), vp.width());
        double maxH = TimelinePainter.ROW_HEIGHT - TICKS_TOP - 1;
        for (int px = 0; px < bins.width(); px++) {
            int n = bins.count(px);
            if (n == 0) continue;
            double h = maxH * Math.min(1.0, 0.4 + 0.2 * Math.log10(n));
            p.fillRect(plotX + px, y + TimelinePainter.ROW_HEIGHT - 1 - h, 1, h,
                    TimelinePainter.colorOfType(s.type(bins.firstEvent(px))));
        }
    }

    /**
     * One legend line: lost-event marks, the states, then the exit reasons present by host time, as
     * many as fit. Drawn also without vCPU threads (lost marks only).
     */
    public static void drawLegend(Painter p, VcpuStateLane lane, double width, double top, int text) {
        double x = 8;
        x = item(p, x, top, width, LOST, "lost events", text);
        if (lane == null || lane.states.size() == 0) return;
        x = item(p, x, top, width, GUEST, "guest", text);
        x = item(p, x, top, width, USERSPACE, "QEMU userspace", text);
        x = item(p, x, top, width, NOT_RUNNING, "not running", text);
        p.text("exits:", x, top + 15, text);
        x += p.textWidth("exits:") + 8;
        for (int r : lane.states.reasonsPresent()) {
            double nx = item(p, x, top, width, lane.colourOfReason(r), lane.states.exits().reasonNameOfId(r), text);
            if (nx == x) break;
            x = nx;
        }
    }

    private static double item(Painter p, double x, double top, double width, int colour, String label, int text) {
        double w = 14 + p.textWidth(label) + 16;
        if (x + w > width) return x;
        p.fillRect(x, top + 7, 9, 9, colour);
        p.text(label, x + 14, top + 15, text);
        return x + w;
    }
}
