package dev.virtscope.gui;

import java.util.ArrayDeque;

import javafx.animation.AnimationTimer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/**
 * UI work that would freeze the window if it all ran at once, done one step per FX pulse.
 *
 * <p>Showing a new trace makes several panels create, style and lay out their cells; in one pulse
 * that is a few hundred ms on a first open (cold JIT), which the user sees as a frozen window.
 * {@code Platform.runLater} does not split it: the runnables queued during one pulse all run before
 * the next, and their cells are laid out in the same pulse. Each step here runs at the start of a
 * pulse of its own (an {@link AnimationTimer} tick), and the pulse in which steps are first queued is
 * skipped, because it lays out whatever queued them.
 *
 * <p>All calls are on the FX thread.
 */
public final class PulseSteps {
    private final ArrayDeque<Runnable> steps = new ArrayDeque<>();
    private final ReadOnlyBooleanWrapper pending = new ReadOnlyBooleanWrapper(this, "pending");
    private boolean skipNext;
    /** Made on first use: an AnimationTimer needs the FX toolkit, a session in a plain unit test has none. */
    private AnimationTimer timer;

    /** Runs the step on a later pulse, after the steps queued before it. */
    public void add(Runnable step) {
        if (steps.isEmpty()) {
            skipNext = true;
            if (timer == null) timer = new Timer();
            timer.start();
            pending.set(true);
        }
        steps.add(step);
    }

    private final class Timer extends AnimationTimer {
        @Override
        public void handle(long now) {
            if (skipNext) {
                skipNext = false;
                return;
            }
            Runnable r = steps.poll();
            if (r != null) r.run();
            if (steps.isEmpty()) {
                stop();
                pending.set(false);
            }
        }
    }

    /** True while steps wait: what tests wait for after opening a file. */
    public ReadOnlyBooleanProperty pendingProperty() {
        return pending.getReadOnlyProperty();
    }
}
