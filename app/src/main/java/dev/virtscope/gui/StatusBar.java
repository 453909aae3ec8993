package dev.virtscope.gui;

import java.util.Locale;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.geometry.Orientation;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

import dev.virtscope.store.EventStore;

/**
 * The bottom line: file and format, event count, time span, warnings (a link to the list) and the
 * number of lost-event markers. With several files, the file label's tooltip says each file's
 * clock and offset.
 */
public final class StatusBar extends HBox {
    private final Label file = label("status-file");
    private final Label events = label("status-events");
    private final Label span = label("status-span");
    private final Hyperlink warnings = new Hyperlink();
    private final Label lost = label("status-lost");
    private final Label range = label("status-range");

    public StatusBar(Session session, Runnable showWarnings) {
        super(6);
        setId("status-bar");
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(2, 8, 2, 8));
        warnings.setId("status-warnings");
        warnings.setOnAction(e -> {
            warnings.setVisited(false);
            showWarnings.run();
        });
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        getChildren().addAll(events, sep(), span, sep(), warnings, sep(), lost, sep(), range, sep(), new MarkerStatus(session), grow, file);
        session.openProperty().addListener((obs, old, open) -> show(open));
        Selection sel = session.selection();
        sel.rangeStartProperty().addListener((obs, old, t) -> showRange(session));
        sel.rangeEndProperty().addListener((obs, old, t) -> showRange(session));
        show(session.open());
        showRange(session);
    }

    private void show(Session.OpenTrace open) {
        if (open == null) {
            file.setText("No trace open");
            file.setTooltip(null);
            events.setText("0 events");
            span.setText("span —");
            warnings.setText("0 warnings");
            warnings.setDisable(true);
            lost.setText("0 lost-event markers");
            return;
        }
        EventStore s = open.trace().events();
        file.setText(open.names() + " (" + open.trace().format() + ")");
        file.setTooltip(open.files().size() < 2 ? null : new javafx.scene.control.Tooltip(SessionFilesText.describe(open)));
        events.setText(count(s.size(), "event"));
        span.setText("span " + open.time().duration(s.lastNs() - s.firstNs()));
        long w = s.warnings().count();
        warnings.setText(count(w, "warning"));
        warnings.setDisable(w == 0);
        lost.setText(count(s.lost().size(), "lost-event marker"));
    }

    /** The selected time range: its length and how many events fall in it (two binary searches). */
    private void showRange(Session session) {
        Selection sel = session.selection();
        Session.OpenTrace open = session.open();
        boolean on = open != null && sel.hasRange();
        range.setVisible(on);
        range.setManaged(on);
        if (!on) return;
        long a = sel.rangeStartProperty().get(), b = sel.rangeEndProperty().get();
        EventStore s = open.trace().events();
        int n = s.firstAtOrAfter(b == Long.MAX_VALUE ? b : b + 1) - s.firstAtOrAfter(a);
        range.setText("range " + open.time().duration(b - a) + ", " + count(n, "event"));
    }

    static String count(long n, String noun) {
        return String.format(Locale.ROOT, "%,d %s%s", n, noun, n == 1 ? "" : "s");
    }

    private static Label label(String id) {
        Label l = new Label();
        l.setId(id);
        return l;
    }

    private static Separator sep() {
        return new Separator(Orientation.VERTICAL);
    }
}
