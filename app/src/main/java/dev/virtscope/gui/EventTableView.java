package dev.virtscope.gui;

import java.util.function.BiFunction;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/**
 * The events table: one row per event of the open trace (or per event of one type when filtered),
 * virtualised (only visible rows have cells) over an {@link EventIndexList} of event numbers.
 * Selecting a row selects the event in the {@link Session}; Δ is to the row above. With several
 * files in the session, a File column names each event's file.
 */
public final class EventTableView extends TableView<Integer> {
    private EventTableModel model;
    private EventIndexList rows;
    private final Session session;
    private final TableColumn<Integer, String> timeColumn;
    private final TableColumn<Integer, String> deltaColumn;
    /** Which file each event came from; shown when the session has several. */
    private final TableColumn<Integer, String> fileColumn;

    public EventTableView(Session session) {
        this.session = session;
        setId("events-table");
        setPlaceholder(new Label("Open a trace: File → Open…, or drop a file here"));
        getSelectionModel().setSelectionMode(SelectionMode.SINGLE);
        setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_LAST_COLUMN);
        timeColumn = column("time", "Time", 130, EventTableModel::time);
        deltaColumn = column("delta", "Δ prev", 100, (m, ev) -> m.delta(ev, previousShown(ev)));
        timeColumn.getStyleClass().add("number-column");
        deltaColumn.getStyleClass().add("number-column");
        TableColumn<Integer, String> cpu = column("cpu", "CPU", 50, EventTableModel::cpu);
        cpu.getStyleClass().add("number-column");
        fileColumn = column("file", "File", 150, EventTableModel::file);
        fileColumn.setVisible(false);
        getColumns().add(timeColumn);
        getColumns().add(deltaColumn);
        getColumns().add(fileColumn);
        getColumns().add(cpu);
        getColumns().add(column("task", "Task", 190, EventTableModel::task));
        getColumns().add(column("event", "Event", 170, EventTableModel::event));
        getColumns().add(column("payload", "Payload", 400, EventTableModel::payload));

        session.openProperty().addListener((obs, old, open) -> show(open));
        show(session.open());
        getSelectionModel().selectedIndexProperty().addListener((obs, old, idx) -> {
            int row = idx.intValue();
            if (row < 0 || rows == null || row >= rows.size()) return;
            int ev = rows.event(row);
            if (session.selection().eventProperty().get() != ev) session.selection().eventProperty().set(ev);
        });
        session.selection().eventProperty().addListener((obs, old, ev) -> reveal(ev.intValue()));
    }

    /** Shows only events of one type (by type id), or all events for -1. Keeps the selected event when shown. */
    public void showOnly(int typeId) {
        if (model == null) return;
        var s = model.store();
        if (typeId < 0) {
            rows = new EventIndexList(s.size());
        } else {
            int[] kept = new int[(int) s.countOfType(typeId)];
            int k = 0;
            for (int i = 0, n = s.size(); i < n && k < kept.length; i++) if (s.type(i) == typeId) kept[k++] = i;
            rows = new EventIndexList(kept);
        }
        setItems(rows);
        reveal(session.selection().eventProperty().get());
    }

    /** Shows these event numbers (ascending), or every event for null. Keeps the selected event when shown. */
    public void showRows(int[] events) {
        if (model == null) return;
        rows = events == null ? new EventIndexList(model.store().size()) : new EventIndexList(events);
        setItems(rows);
        reveal(session.selection().eventProperty().get());
    }

    /** Selects the first shown event at or after time t (trace time, ns or counts). */
    public void goTo(long t) {
        if (model == null || rows.size() == 0) return;
        int row = Math.min(rows.rowAtOrAfter(model.store().firstAtOrAfter(t)), rows.size() - 1);
        session.selection().eventProperty().set(rows.event(row));
    }

    /** Rows shown (all events, or those the filter keeps); null when nothing is open. */
    public int shownRows() {
        return rows == null ? 0 : rows.size();
    }

    private void reveal(int ev) {
        int row = ev < 0 || rows == null ? -1 : rows.rowOf(ev);
        if (row < 0) {
            getSelectionModel().clearSelection();
        } else if (getSelectionModel().getSelectedIndex() != row) {
            getSelectionModel().select(row);
            scrollTo(Math.max(0, row - 3));
        }
    }

    /** The event in the row above ev's row, or -1. */
    private int previousShown(int ev) {
        int row = rows == null ? -1 : rows.rowOf(ev);
        return row > 0 ? rows.event(row - 1) : -1;
    }

    /** The cell texts of the current trace, or null when nothing is open. */
    public EventTableModel model() {
        return model;
    }

    private void show(Session.OpenTrace open) {
        if (open == null) {
            model = null;
            rows = null;
            setItems(FXCollections.observableArrayList());
            return;
        }
        model = new EventTableModel(open.trace().events(), open.time(), open.merged());
        fileColumn.setVisible(model.files() > 1);
        timeColumn.setText(open.time().timeHeader());
        deltaColumn.setText(open.time().deltaHeader());
        rows = new EventIndexList(model.rows());
        setItems(rows);
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
