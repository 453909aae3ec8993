package dev.virtscope.gui.kvm;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

import org.testfx.util.WaitForAsyncUtils;

/** Waiting for background analyses: conditions are evaluated on the FX thread, where the tabs live. */
public final class FxWait {
    private FxWait() {
    }

    public static <T> T onFx(Callable<T> c) throws ExecutionException, InterruptedException {
        return WaitForAsyncUtils.asyncFx(c).get();
    }

    /** Until the condition holds on the FX thread (a generous bound: the machine may be busy). */
    public static void until(BooleanSupplier condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> onFx(condition::getAsBoolean));
        WaitForAsyncUtils.waitForFxEvents();
    }
}
