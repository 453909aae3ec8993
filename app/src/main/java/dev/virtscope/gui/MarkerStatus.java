package dev.virtscope.gui;

import javafx.scene.control.Label;
import javafx.scene.layout.HBox;

/** Part of the status bar: the time under the pointer, markers A and B, and Δ = B − A. */
final class MarkerStatus extends HBox {
    private final Label cursor = new Label();
    private final Label markers = new Label();

    MarkerStatus(Session session) {
        super(12);
        cursor.setId("status-cursor");
        markers.setId("status-markers");
        getChildren().addAll(cursor, markers);
        cursor.setMinWidth(USE_PREF_SIZE);
        markers.setMinWidth(USE_PREF_SIZE);
        Markers m = session.markers();
        Runnable update = () -> update(session);
        m.aProperty().addListener((obs, o, n) -> update.run());
        m.bProperty().addListener((obs, o, n) -> update.run());
        m.pointerProperty().addListener((obs, o, n) -> update.run());
        session.openProperty().addListener((obs, o, n) -> update.run());
        update.run();
    }

    private void update(Session session) {
        Session.OpenTrace open = session.open();
        Markers m = session.markers();
        if (open == null) {
            cursor.setText("");
            markers.setText("");
            return;
        }
        TimeText time = open.time();
        long p = m.pointerProperty().get();
        cursor.setText(p == Markers.NONE ? "cursor —" : "cursor " + time.absolute(p));
        long a = m.aProperty().get(), b = m.bProperty().get();
        StringBuilder sb = new StringBuilder();
        sb.append("A ").append(a == Markers.NONE ? "—" : time.absolute(a));
        sb.append("  B ").append(b == Markers.NONE ? "—" : time.absolute(b));
        if (m.bothSet()) sb.append("  Δ ").append(time.duration(b - a));
        markers.setText(sb.toString());
    }
}
