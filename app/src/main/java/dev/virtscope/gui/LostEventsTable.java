package dev.virtscope.gui;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

import dev.virtscope.store.LostEvents;

/**
 * The lost-event markers of a trace, one row each: where (time, CPU, line of the file), how many
 * events the tracer says it lost, and what kind of report it was. Rows are marker indexes.
 */
final class LostEventsTable extends TableView<Integer> {
    LostEventsTable(LostEvents lost, TimeText time) {
        setId("lost-events-table");
        java.util.List<Integer> rows = new java.util.ArrayList<>();
        for (int i = 0; i < lost.size(); i++) rows.add(i);
        setItems(FXCollections.observableArrayList(rows));
        getColumns().add(column("Time", 150, i -> lost.ts(i) == Long.MIN_VALUE ? "unknown" : time.absolute(lost.ts(i))));
        getColumns().add(column("CPU", 60, i -> lost.cpu(i) < 0 ? "all" : Integer.toString(lost.cpu(i))));
        getColumns().add(column("Events lost", 100, i -> lost.count(i) < 0 ? "not said" : String.format(java.util.Locale.ROOT, "%,d", lost.count(i))));
        getColumns().add(column("Reported as", 260, i -> describe(lost.kind(i))));
        TableColumn<Integer, Long> line = new TableColumn<>("Line");
        line.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(lost.line(cd.getValue())));
        line.setPrefWidth(90);
        getColumns().add(line);
        setPrefSize(680, 400);
    }

    /** The tracer's words for the marker, as docs/formats.md lists them. */
    static String describe(LostEvents.Kind k) {
        return switch (k) {
            case LOST -> "CPU:N [LOST M EVENTS] (trace_pipe)";
            case DROPPED -> "[M EVENTS DROPPED] (trace-cmd)";
            case BUFFER_STARTED -> "##### CPU N buffer started ####";
            case OVERWRITTEN -> "entries-in-buffer/entries-written gap";
            case QEMU_DROPPED -> "QEMU simpletrace dropped events";
        };
    }

    private static TableColumn<Integer, String> column(String title, double width, java.util.function.IntFunction<String> text) {
        TableColumn<Integer, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(text.apply(cd.getValue())));
        c.setPrefWidth(width);
        return c;
    }
}
