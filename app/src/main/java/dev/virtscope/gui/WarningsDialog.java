package dev.virtscope.gui;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Modality;
import javafx.stage.Window;

import dev.virtscope.store.Warnings;

/** Lists the lines the importer could not use: line number and reason, the first {@value Warnings#KEPT}. */
public final class WarningsDialog extends Dialog<Void> {

    public WarningsDialog(Window owner, String file, Warnings warnings) {
        initOwner(owner);
        initModality(Modality.NONE);
        setTitle("Warnings — " + file);
        long n = warnings.count();
        int kept = warnings.kept().size();
        setHeaderText(StatusBar.count(n, "line") + " of " + file + " could not be used"
                + (kept < n ? " (the first " + kept + " are listed)" : ""));
        TableView<Warnings.Warning> table = new TableView<>(FXCollections.observableArrayList(warnings.kept()));
        table.setId("warnings-table");
        TableColumn<Warnings.Warning, Long> line = new TableColumn<>("Line");
        line.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(cd.getValue().line()));
        line.setPrefWidth(90);
        TableColumn<Warnings.Warning, String> reason = new TableColumn<>("Reason");
        reason.setCellValueFactory(cd -> new ReadOnlyStringWrapper(cd.getValue().reason()));
        reason.setPrefWidth(560);
        table.getColumns().add(line);
        table.getColumns().add(reason);
        table.setPrefSize(680, 400);
        getDialogPane().setContent(table);
        getDialogPane().setId("warnings-dialog");
        getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        setResizable(true);
    }
}
