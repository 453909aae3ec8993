package dev.virtscope.gui;

import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.BorderPane;

import dev.virtscope.decode.EventFields;
import dev.virtscope.decode.FieldDecoders;
import dev.virtscope.store.EventStore;

/** The selected event's decoded fields (through {@link FieldDecoders}), one per line. */
public final class EventDetailsPane extends BorderPane {
    private final TextArea text = new TextArea();

    public EventDetailsPane(Session session) {
        setId("event-details");
        text.setEditable(false);
        text.getStyleClass().add("event-details-text");
        Label title = new Label("Selected event");
        title.setPadding(new javafx.geometry.Insets(3, 6, 3, 6));
        setTop(title);
        setCenter(text);
        session.selection().eventProperty().addListener((obs, old, ev) -> show(session, ev.intValue()));
        session.openProperty().addListener((obs, old, open) -> text.clear());
    }

    private void show(Session session, int i) {
        Session.OpenTrace open = session.open();
        if (open == null || i < 0 || i >= open.trace().events().size()) {
            text.clear();
            return;
        }
        EventStore s = open.trace().events();
        EventFields fields = FieldDecoders.decode(s, i);
        StringBuilder sb = new StringBuilder();
        sb.append("#").append(i).append("  ").append(open.time().absolute(s.ts(i)))
                .append("  CPU ").append(s.cpu(i)).append("  ").append(s.comm(i)).append('-').append(s.tid(i))
                .append("  ").append(s.eventName(i)).append('\n');
        for (EventFields.Field f : fields.all()) sb.append("  ").append(f.name()).append(" = ").append(f.text()).append('\n');
        text.setText(sb.toString());
    }
}
