package dev.virtscope.gui;

import javafx.beans.property.LongProperty;
import javafx.beans.property.SimpleLongProperty;

/**
 * Markers A and B set on the timeline (click / Shift+click) and the time under the pointer, in
 * trace time; {@link #NONE} when unset. The status bar shows them and B − A.
 */
public final class Markers {
    public static final long NONE = Long.MIN_VALUE;

    private final LongProperty a = new SimpleLongProperty(this, "a", NONE);
    private final LongProperty b = new SimpleLongProperty(this, "b", NONE);
    private final LongProperty pointer = new SimpleLongProperty(this, "pointer", NONE);

    public LongProperty aProperty() {
        return a;
    }

    public LongProperty bProperty() {
        return b;
    }

    /** Time under the mouse pointer over the timeline, NONE when the pointer is elsewhere. */
    public LongProperty pointerProperty() {
        return pointer;
    }

    public boolean bothSet() {
        return a.get() != NONE && b.get() != NONE;
    }

    public void clear() {
        a.set(NONE);
        b.set(NONE);
        pointer.set(NONE);
    }
}
