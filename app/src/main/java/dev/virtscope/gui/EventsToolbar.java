package dev.virtscope.gui;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;

import dev.virtscope.decode.ByteText;
import dev.virtscope.store.EventStore;

/** Above the events table: show one event type only, jump to a time, and how many rows are shown. */
public final class EventsToolbar extends HBox {
    static final String ALL = "All events";

    private final ComboBox<String> filter = new ComboBox<>();
    private final TextField goTo = new TextField();
    private final Label shown = new Label();
    private final EventTableView table;
    private Session.OpenTrace open;

    public EventsToolbar(Session session, EventTableView table) {
        super(8);
        this.table = table;
        setId("events-toolbar");
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(4, 8, 4, 8));
        filter.setId("event-filter");
        goTo.setId("goto-time");
        goTo.setPromptText("seconds, e.g. 1043.6915");
        goTo.setPrefColumnCount(16);
        shown.setId("shown-count");
        getChildren().addAll(new Label("Show"), filter, new Label("Go to time"), goTo, shown);
        filter.setOnAction(e -> applyFilter());
        goTo.setOnAction(e -> goToTyped());
        session.openProperty().addListener((obs, old, o) -> show(o));
        show(session.open());
    }

    private void show(Session.OpenTrace o) {
        open = o;
        List<String> names = new ArrayList<>();
        names.add(ALL);
        if (o != null) {
            EventStore s = o.trace().events();
            for (int t = 0; t < s.eventNames().size(); t++) if (s.countOfType(t) > 0) names.add(s.eventNames().get(t));
            names.subList(1, names.size()).sort(null);
            goTo.setPromptText(o.time().isNs() ? "seconds, e.g. " + o.time().absolute(s.firstNs()) : "count, e.g. " + s.firstNs());
        }
        filter.getItems().setAll(names);
        filter.getSelectionModel().select(ALL);
        setDisable(o == null);
        updateCount();
    }

    private void applyFilter() {
        if (open == null) return;
        String name = filter.getValue();
        table.showOnly(name == null || ALL.equals(name) ? -1 : open.trace().events().typeId(name));
        updateCount();
    }

    /** Parses what was typed as the trace prints times (seconds with decimals, or a raw count). */
    private void goToTyped() {
        byte[] b = goTo.getText().trim().getBytes(StandardCharsets.US_ASCII);
        long t = ByteText.parseTimestampNs(b, 0, b.length);
        if (t == Long.MIN_VALUE) {
            goTo.setStyle("-fx-border-color: #d0021b");
            return;
        }
        goTo.setStyle("");
        table.goTo(t);
    }

    private void updateCount() {
        long total = open == null ? 0 : open.trace().events().size();
        shown.setText(String.format(Locale.ROOT, "%,d of %,d events shown", table.shownRows(), total));
    }
}
