package dev.virtscope.gui;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Modality;
import javafx.stage.Window;

import dev.virtscope.store.EventStore;
import dev.virtscope.store.Warnings;

/**
 * What the importer could not use and where the tracer lost events: a tab listing the unusable
 * lines (line number and reason, the first {@value Warnings#KEPT}) and a tab listing the lost-event
 * markers. Opened from the status bar's two links and Analysis → Warnings and lost events….
 */
public final class WarningsDialog extends Dialog<Void> {
    /** Which list is in front when the dialog opens. */
    public enum Show { WARNINGS, LOST_EVENTS }

    private final TabPane pages = new TabPane();

    public WarningsDialog(Window owner, String file, EventStore store, TimeText time, Show first) {
        initOwner(owner);
        initModality(Modality.NONE);
        setTitle("Warnings and lost events — " + file);
        Warnings warnings = store.warnings();
        long n = warnings.count();
        int kept = warnings.kept().size();
        int lost = store.lost().size();
        setHeaderText(StatusBar.count(n, "line") + " of " + file + " could not be used"
                + (kept < n ? " (the first " + kept + " are listed)" : "") + "; "
                + StatusBar.count(lost, "lost-event marker") + (lost == 0 ? "" : String.format(java.util.Locale.ROOT,
                        " (%,d events lost where the tracer says how many)", store.lost().totalKnownLost())));
        Tab w = new Tab("Warnings (" + String.format(java.util.Locale.ROOT, "%,d", n) + ")", warningsTable(warnings));
        w.setId("warnings-page");
        Tab l = new Tab("Lost events (" + String.format(java.util.Locale.ROOT, "%,d", lost) + ")", new LostEventsTable(store.lost(), time));
        l.setId("lost-events-page");
        pages.getTabs().addAll(w, l);
        pages.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        pages.getSelectionModel().select(first == Show.LOST_EVENTS ? l : w);
        getDialogPane().setContent(pages);
        getDialogPane().setId("warnings-dialog");
        getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        setResizable(true);
    }

    /** The page in front: WARNINGS or LOST_EVENTS. */
    public Show shown() {
        return pages.getSelectionModel().getSelectedIndex() == 1 ? Show.LOST_EVENTS : Show.WARNINGS;
    }

    private static TableView<Warnings.Warning> warningsTable(Warnings warnings) {
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
        return table;
    }
}
