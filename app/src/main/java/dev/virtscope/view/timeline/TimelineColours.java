package dev.virtscope.view.timeline;

/**
 * The neutral colours of the timeline — page, lanes, labels, grid, text — which change with the
 * window's light or dark theme. Event-type, vCPU-state, marker and lost-event colours are the same
 * in both: they are saturated hues that read on either background. Exports always use {@link #LIGHT},
 * so a picture pasted into a document looks the same whatever theme the window had.
 *
 * @param emptyText the "open a trace" line of an empty view
 */
public record TimelineColours(int background, int laneAlt, int labelBackground, int groupBackground, int grid, int text,
                              int rangeBackground, int emptyText) {
    public static final TimelineColours LIGHT =
            new TimelineColours(0xFFFFFF, 0xF3F5F8, 0xFAFAFA, 0xE2E8F0, 0xD8DCE2, 0x202020, 0xE6D8F7, 0x606060);
    /** Near-black page, lanes a step lighter, light grey text: the tones of the dark stylesheet. */
    public static final TimelineColours DARK =
            new TimelineColours(0x1E1F22, 0x27292D, 0x232528, 0x34373C, 0x44474D, 0xDFE1E5, 0x3E3055, 0x9A9EA6);
}
