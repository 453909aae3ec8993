package dev.virtscope.gui;

import javafx.geometry.Orientation;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The "Events" tab: filters and go-to bar, the events table, and the selected event's fields. */
public final class EventsTab extends Tab {
    private final EventTableView table;
    private final EventsToolbar toolbar;

    public EventsTab(Session session) {
        super("Events");
        setId("events-tab");
        setClosable(false);
        table = new EventTableView(session);
        VBox.setVgrow(table, Priority.ALWAYS);
        toolbar = new EventsToolbar(session, table);
        SplitPane split = new SplitPane(new VBox(toolbar, table), new EventDetailsPane(session));
        split.setOrientation(Orientation.VERTICAL);
        split.setId("events-split");
        split.setDividerPositions(0.8);
        setContent(split);
    }

    public EventsToolbar toolbar() {
        return toolbar;
    }

    public EventTableView table() {
        return table;
    }
}
