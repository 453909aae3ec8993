package dev.virtscope.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

import org.junit.jupiter.api.Test;

class FileHandOverTest {
    private final List<Runnable> uiQueue = new ArrayList<>();
    private final Executor ui = uiQueue::add;
    private final List<List<Path>> opened = new ArrayList<>();

    private void runUi() {
        List<Runnable> tasks = new ArrayList<>(uiQueue);
        uiQueue.clear();
        tasks.forEach(Runnable::run);
    }

    @Test
    void filesArrivingBeforeTheWindowExistsOpenOnceItIsReadyInArrivalOrder() {
        FileHandOver handOver = new FileHandOver();
        handOver.accept(List.of(Path.of("/t/a.dat")));
        handOver.accept(List.of(Path.of("/t/b.folded"), Path.of("/t/c.txt")));
        assertEquals(List.of(), opened, "nothing can open before the window exists");

        handOver.ready(ui, opened::add);
        assertEquals(List.of(), opened, "opening happens on the UI thread, not the caller's");
        runUi();
        assertEquals(List.of(List.of(Path.of("/t/a.dat")), List.of(Path.of("/t/b.folded"), Path.of("/t/c.txt"))), opened);
    }

    @Test
    void laterFilesGoStraightToTheUiThread() {
        FileHandOver handOver = new FileHandOver();
        handOver.ready(ui, opened::add);
        handOver.accept(List.of());
        handOver.accept(List.of(Path.of("/t/d.dat")));
        assertEquals(2, uiQueue.size());
        runUi();
        assertEquals(List.of(List.of(), List.of(Path.of("/t/d.dat"))), opened);
    }
}
