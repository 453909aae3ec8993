package dev.virtscope.gui;

import javafx.scene.control.Tab;

/** The "Timeline" tab: CPUs and vCPU threads over time. */
public final class TimelineTab extends Tab {
    private final TimelineView view;

    public TimelineTab(Session session) {
        super("Timeline");
        setId("timeline-tab");
        setClosable(false);
        view = new TimelineView(session);
        setContent(view);
        selectedProperty().addListener((obs, was, is) -> {
            if (!is) return;
            view.requestFocus();
            // the tab pane makes the content visible after this listener: draw once it has
            javafx.application.Platform.runLater(view::shown);
        });
    }

    public TimelineView view() {
        return view;
    }
}
