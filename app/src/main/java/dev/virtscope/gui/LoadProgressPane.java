package dev.virtscope.gui;

import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;

import dev.virtscope.store.Trace;

/** Shown while a file loads: its name, bytes read of the total, and a Cancel button. */
public final class LoadProgressPane extends HBox {
    private final Label title = new Label();
    private final ProgressBar bar = new ProgressBar();
    private final Label bytes = new Label();
    private final Button cancel = new Button("Cancel");

    public LoadProgressPane(TraceLoadService loads) {
        super(8);
        setId("load-progress");
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(4, 8, 4, 8));
        bar.setPrefWidth(260);
        cancel.setId("cancel-load");
        cancel.setOnAction(e -> loads.cancel());
        getChildren().addAll(title, bar, bytes, cancel);
        loads.runningProperty().addListener((obs, old, task) -> watch(task));
        watch(loads.runningProperty().get());
    }

    private void watch(Task<Trace> task) {
        title.textProperty().unbind();
        bar.progressProperty().unbind();
        bytes.textProperty().unbind();
        boolean on = task != null;
        setVisible(on);
        setManaged(on);
        if (!on) return;
        title.textProperty().bind(task.titleProperty().concat(" — loading"));
        bar.progressProperty().bind(task.progressProperty());
        bytes.textProperty().bind(task.messageProperty());
    }
}
