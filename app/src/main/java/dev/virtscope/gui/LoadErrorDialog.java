package dev.virtscope.gui;

import javafx.event.ActionEvent;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.stage.Window;

/** Says which file could not be opened and why; "Copy details" puts the full report on the clipboard. */
public final class LoadErrorDialog extends Alert {
    public static final ButtonType COPY = new ButtonType("Copy details", ButtonBar.ButtonData.LEFT);

    public LoadErrorDialog(Window owner, LoadFailure failure) {
        super(AlertType.ERROR);
        if (owner != null) initOwner(owner);
        setTitle("Cannot open trace");
        setHeaderText("Cannot open " + failure.path().getFileName());
        getDialogPane().setId("load-error");
        setContentText("File: " + failure.path().toAbsolutePath() + "\nReason: " + failure.reason());
        TextArea details = new TextArea(failure.details());
        details.setEditable(false);
        details.setId("load-error-details");
        getDialogPane().setExpandableContent(details);
        getDialogPane().getButtonTypes().setAll(COPY, ButtonType.CLOSE);
        // copying must not close the dialog
        getDialogPane().lookupButton(COPY).addEventFilter(ActionEvent.ACTION, e -> {
            ClipboardContent c = new ClipboardContent();
            c.putString(failure.details());
            Clipboard.getSystemClipboard().setContent(c);
            e.consume();
        });
        setResizable(true);
    }
}
