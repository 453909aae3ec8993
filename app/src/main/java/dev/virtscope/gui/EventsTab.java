package dev.virtscope.gui;

import javafx.geometry.Orientation;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;

/** The "Events" tab: the events table above the selected event's fields. */
public final class EventsTab extends Tab {
    private final EventTableView table;

    public EventsTab(Session session) {
        super("Events");
        setId("events-tab");
        setClosable(false);
        table = new EventTableView(session);
        SplitPane split = new SplitPane(table, new EventDetailsPane(session));
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.8);
        setContent(split);
    }

    public EventTableView table() {
        return table;
    }
}
