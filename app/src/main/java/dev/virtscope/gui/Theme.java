package dev.virtscope.gui;

import dev.virtscope.view.flame.FlameColors;
import dev.virtscope.view.timeline.TimelineColours;

/**
 * The window's look: JavaFX's own Modena stylesheet (light) or Modena with {@code dark.css} on top,
 * and the matching colours of the canvases, which draw themselves and so take no CSS.
 */
public enum Theme {
    LIGHT(null, TimelineColours.LIGHT, FlameColors.LIGHT_PAGE),
    DARK("dark.css", TimelineColours.DARK, FlameColors.DARK_PAGE);

    private final String stylesheet;
    private final TimelineColours timeline;
    private final FlameColors.Page flame;

    Theme(String stylesheet, TimelineColours timeline, FlameColors.Page flame) {
        this.stylesheet = stylesheet;
        this.timeline = timeline;
        this.flame = flame;
    }

    /** The stylesheet added over the window's own (virtscope.css), or null for none. */
    public String stylesheet() {
        return stylesheet == null ? null : Theme.class.getResource(stylesheet).toExternalForm();
    }

    public TimelineColours timeline() {
        return timeline;
    }

    public FlameColors.Page flame() {
        return flame;
    }

    /** The other theme: what the toolbar's theme button switches to. */
    public Theme other() {
        return this == LIGHT ? DARK : LIGHT;
    }

    /** The theme named in preferences, LIGHT for anything else. */
    static Theme parse(String name) {
        for (Theme t : values()) if (t.name().equals(name)) return t;
        return LIGHT;
    }

    /** Puts this theme's stylesheet on a list of stylesheets (a scene's or a dialog's) and takes the others off. */
    void applyTo(java.util.List<String> stylesheets) {
        for (Theme t : values()) if (t.stylesheet != null) stylesheets.remove(t.stylesheet());
        if (stylesheet != null) stylesheets.add(stylesheet());
    }
}
