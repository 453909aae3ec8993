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
 * The bottom line: file and format, event count, time span, warnings and lost-event markers (each a
 * link to its list in the {@link WarningsDialog}), the selected range and the markers. With several
 * files, the file label's tooltip says each file's clock and offset.
 */
public final class StatusBar extends HBox {
    private final Label file = label("status-file");
    private final Label events = label("status-events");
    private final Label span = label("status-span");
    private final Hyperlink warnings = new Hyperlink();
    private final Hyperlink lost = new Hyperlink();
    private final Label range = label("status-range");

    public StatusBar(Session session, java.util.function.Consumer<WarningsDialog.Show> show) {
        super(6);
        setId("status-bar");
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(2, 8, 2, 8));
        link(warnings, "status-warnings", () -> show.accept(WarningsDialog.Show.WARNINGS));
        link(lost, "status-lost", () -> show.accept(WarningsDialog.Show.LOST_EVENTS));
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        MarkerStatus markers = new MarkerStatus(session);
        getChildren().addAll(events, sep(), span, sep(), warnings, sep(), lost, sep(), range, sep(), markers, grow, file);
        // the counts keep their width; when the line is too short the file name at the right end gives way
        for (Region r : new Region[] {events, span, warnings, lost, range, markers}) r.setMinWidth(Region.USE_PREF_SIZE);
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
            lost.setDisable(true);
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
        lost.setDisable(s.lost().size() == 0);
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

    /** A link that never stays "visited": the count is what it shows, not whether it was read. */
    private static void link(Hyperlink h, String id, Runnable action) {
        h.setId(id);
        h.setPadding(Insets.EMPTY);
        h.setOnAction(e -> {
            h.setVisited(false);
            action.run();
        });
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
