package dev.virtscope.gui;

import java.util.function.BiFunction;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/**
 * The events table: one row per event of the open trace, virtualised (only visible rows have
 * cells) over an {@link EventIndexList}. Selecting a row selects the event in the {@link Session}.
 */
public final class EventTableView extends TableView<Integer> {
    private EventTableModel model;
    private final TableColumn<Integer, String> timeColumn;
    private final TableColumn<Integer, String> deltaColumn;

    public EventTableView(Session session) {
        setId("events-table");
        setPlaceholder(new Label("Open a trace: File → Open…, or drop a file here"));
        getSelectionModel().setSelectionMode(SelectionMode.SINGLE);
        setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_LAST_COLUMN);
        timeColumn = column("time", "Time", 130, EventTableModel::time);
        deltaColumn = column("delta", "Δ prev", 100, EventTableModel::delta);
        timeColumn.getStyleClass().add("number-column");
        deltaColumn.getStyleClass().add("number-column");
        TableColumn<Integer, String> cpu = column("cpu", "CPU", 50, EventTableModel::cpu);
        cpu.getStyleClass().add("number-column");
        getColumns().add(timeColumn);
        getColumns().add(deltaColumn);
        getColumns().add(cpu);
        getColumns().add(column("task", "Task", 190, EventTableModel::task));
        getColumns().add(column("event", "Event", 170, EventTableModel::event));
        getColumns().add(column("payload", "Payload", 400, EventTableModel::payload));

        session.openProperty().addListener((obs, old, open) -> show(open));
        show(session.open());
        getSelectionModel().selectedIndexProperty().addListener((obs, old, idx) -> {
            int i = idx.intValue();
            if (session.selection().eventProperty().get() != i) session.selection().eventProperty().set(i);
        });
        session.selection().eventProperty().addListener((obs, old, ev) -> {
            int i = ev.intValue();
            if (i < 0) getSelectionModel().clearSelection();
            else if (getSelectionModel().getSelectedIndex() != i) {
                getSelectionModel().select(i);
                scrollTo(Math.max(0, i - 3));
            }
        });
    }

    /** The cell texts of the current trace, or null when nothing is open. */
    public EventTableModel model() {
        return model;
    }

    private void show(Session.OpenTrace open) {
        if (open == null) {
            model = null;
            setItems(FXCollections.observableArrayList());
            return;
        }
        model = new EventTableModel(open.trace().events(), open.time());
        timeColumn.setText(open.time().timeHeader());
        deltaColumn.setText(open.time().deltaHeader());
        setItems(new EventIndexList(model.rows()));
        scrollTo(0);
    }

    private TableColumn<Integer, String> column(String id, String title, double width,
                                                BiFunction<EventTableModel, Integer, String> text) {
        TableColumn<Integer, String> c = new TableColumn<>(title);
        c.setId(id);
        c.setPrefWidth(width);
        c.setSortable(false); // rows are in time order; sorting would need a per-event permutation
        c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(model == null ? "" : text.apply(model, cd.getValue())));
        return c;
    }
}
