package dev.virtscope.gui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Files handed over by later launches ({@link SingleInstance}'s callback, on its listener thread):
 * held until the first window exists, then passed on, in arrival order, through the UI executor
 * (Platform::runLater), since a launch can arrive before the JavaFX toolkit has started.
 */
final class FileHandOver implements Consumer<List<Path>> {
    private final List<List<Path>> early = new ArrayList<>();
    private Executor ui;
    private Consumer<List<Path>> open;

    @Override
    public synchronized void accept(List<Path> files) {
        if (open == null) {
            early.add(files);
        } else {
            Consumer<List<Path>> target = open;
            ui.execute(() -> target.accept(files));
        }
    }

    /** Called once the window can open files; delivers what arrived before. */
    synchronized void ready(Executor ui, Consumer<List<Path>> open) {
        this.ui = ui;
        this.open = open;
        for (List<Path> files : early) ui.execute(() -> open.accept(files));
        early.clear();
    }
}
