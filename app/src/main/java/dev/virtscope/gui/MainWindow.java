package dev.virtscope.gui;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Dialog;
import javafx.scene.control.MenuBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

import dev.virtscope.gui.flame.FlameTab;
import dev.virtscope.gui.kvm.KvmStatsTab;
import dev.virtscope.gui.latency.LatencyTab;

/**
 * The main window: menu bar and toolbar, the row tree beside a tab per view over the shared
 * {@link Session}, the load progress line and the status bar. Every way of opening a file ends in
 * {@link #open(Path)}. The theme, the toolbar and row tree choices ({@link ViewSettings}) and the
 * window's place and dividers ({@link WindowLayout}) are kept in preferences under the recent files'.
 */
public final class MainWindow implements MenuBarFactory.Actions, MainToolbar.Actions, AnalysisMenu.Actions {
    private final Stage stage;
    private final Session session = new Session();
    private final RecentFiles recent;
    private final TraceLoadService loads;
    private final TabPane tabs = new TabPane();
    private final EventsTab eventsTab;
    private final TimelineTab timelineTab;
    private final LatencyTab latencyTab;
    private final FlameTab flameTab;
    private final DropHandler drop;
    private final RowTreePanel rowPanel;
    private final SessionKeeper sessions;
    private final ViewSettings settings;
    private final WindowLayout layout;
    private final SplitPane centre;
    private final MainToolbar toolbar;
    private final List<SplitPane> splits = new ArrayList<>();
    /** Where the row tree's divider stood when View → Show row tree hid it. */
    private double rowTreeDivider = 0.2;

    public MainWindow(Stage stage, TraceReader reader, RecentFiles recent) {
        this.stage = stage;
        this.recent = recent;
        this.loads = new TraceLoadService(session, reader, recent, f -> themed(new LoadErrorDialog(stage, f)).show());
        loads.setTraceEventsAsk(this::askForTraceEvents);
        this.drop = new DropHandler(this::open);
        settings = new ViewSettings(recent.preferences().node("view"));
        layout = new WindowLayout(recent.preferences().node("window"));
        eventsTab = new EventsTab(session);
        tabs.setId("views");
        timelineTab = new TimelineTab(session);
        latencyTab = new LatencyTab(session, this::showOnTimeline);
        flameTab = new FlameTab(session);
        tabs.getTabs().addAll(eventsTab, timelineTab, latencyTab, flameTab, new KvmStatsTab(session));

        rowPanel = new RowTreePanel(session, timelineTab.view());
        sessions = new SessionKeeper(new SessionKeeper.Parts(stage, session, loads, rowPanel, timelineTab.view(),
                eventsTab.toolbar()), recent.preferences().node("session"));
        stage.addEventHandler(WindowEvent.WINDOW_HIDDEN, e -> sessions.autosave());

        BorderPane root = new BorderPane();
        MenuBar menus = MenuBarFactory.create(this, recent, SampleCatalog.locate());
        SessionMenu.install(menus, sessions, () -> stage);
        menus.getMenus().addAll(1, List.of(ViewMenu.create(this, settings), AnalysisMenu.create(tabs, this)));
        toolbar = new MainToolbar(this, settings);
        toolbar.visibleProperty().bind(settings.toolbarShownProperty());
        toolbar.managedProperty().bind(settings.toolbarShownProperty());
        root.setTop(new VBox(menus, toolbar));
        centre = new SplitPane(rowPanel, tabs);
        centre.setId("main-split");
        centre.setDividerPositions(rowTreeDivider);
        SplitPane.setResizableWithParent(rowPanel, false);
        root.setCenter(centre);
        root.setBottom(new VBox(new LoadProgressPane(loads), new StatusBar(session, this::showWarnings)));
        double[] size = layout.size(1280, 800);
        Scene scene = new Scene(root, size[0], size[1]);
        scene.getStylesheets().add(MainWindow.class.getResource("virtscope.css").toExternalForm());
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE && loads.runningProperty().get() != null) {
                loads.cancel();
                e.consume();
            }
        });
        drop.install(root);
        stage.setScene(scene);
        stage.titleProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> session.open() == null ? "VirtScope" : session.open().names() + " — VirtScope",
                session.openProperty()));

        splits.add(centre);
        for (Tab t : tabs.getTabs()) {
            for (Node n : t.getContent().lookupAll(".split-pane")) if (n instanceof SplitPane p && p.getId() != null) splits.add(p);
        }
        double[] rowTree = layout.savedDividers(centre.getId(), 1);
        if (rowTree != null) rowTreeDivider = rowTree[0];
        showRowTree(settings.rowTreeShownProperty().get());
        settings.rowTreeShownProperty().addListener((o, a, on) -> showRowTree(on));
        applyTheme(settings.themeProperty().get());
        settings.themeProperty().addListener((o, a, t) -> applyTheme(t));
        layout.restore(stage);
        stage.addEventHandler(WindowEvent.WINDOW_SHOWN, new javafx.event.EventHandler<WindowEvent>() {
            @Override
            public void handle(WindowEvent e) {
                stage.removeEventHandler(WindowEvent.WINDOW_SHOWN, this);
                layout.restoreDividers(splits);
                ControlWarmup.startOnce(scene.getStylesheets());
            }
        });
        stage.addEventHandler(WindowEvent.WINDOW_HIDING, e -> {
            layout.save(stage);
            layout.saveDividers(splits);
        });
    }

    public Stage stage() {
        return stage;
    }

    public Session session() {
        return session;
    }

    public TraceLoadService loads() {
        return loads;
    }

    public RecentFiles recentFiles() {
        return recent;
    }

    public TabPane tabs() {
        return tabs;
    }

    public EventsTab eventsTab() {
        return eventsTab;
    }

    public TimelineTab timelineTab() {
        return timelineTab;
    }

    public LatencyTab latencyTab() {
        return latencyTab;
    }

    public FlameTab flameTab() {
        return flameTab;
    }

    public DropHandler dropHandler() {
        return drop;
    }

    public RowTreePanel rowPanel() {
        return rowPanel;
    }

    /** True while panels of the trace just shown are still filling, a step per pulse. */
    public javafx.beans.property.ReadOnlyBooleanProperty fillingProperty() {
        return session.steps().pendingProperty();
    }

    public SessionKeeper sessions() {
        return sessions;
    }

    public ViewSettings viewSettings() {
        return settings;
    }

    /** The split panes whose dividers are kept: the row tree's first, then those inside the tabs. */
    public List<SplitPane> splitPanes() {
        return List.copyOf(splits);
    }

    /** Opens a file: what File → Open… does once the user has chosen it. */
    @Override
    public void open(Path file) {
        if (file.getFileName() != null && file.getFileName().toString().endsWith(".vsession")) sessions.open(file);
        else loads.open(file);
    }

    @Override
    public void openWithChooser() {
        File f = traceChooser("Open trace").showOpenDialog(stage);
        if (f != null) open(f.toPath());
    }

    /** Loads one more file next to the open ones (or opens it when nothing is open). */
    public void addFile(Path file) {
        loads.add(file);
    }

    @Override
    public void addFileWithChooser() {
        File f = traceChooser(session.open() == null ? "Open trace" : "Add a trace to " + session.open().names()).showOpenDialog(stage);
        if (f != null) addFile(f.toPath());
    }

    private FileChooser traceChooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        if (!recent.files().isEmpty()) {
            Path dir = recent.files().get(0).getParent();
            if (dir != null && Files.isDirectory(dir)) chooser.setInitialDirectory(dir.toFile());
        }
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("All files", "*"),
                new FileChooser.ExtensionFilter("Text traces", "*.txt", "*.txt.gz", "*.txt.xz", "*.txt.zst", "*.log"),
                new FileChooser.ExtensionFilter("trace-cmd data", "*.dat", "*.dat.gz"));
        return chooser;
    }

    /**
     * A binary QEMU simpletrace names its events by number only: asks for the trace-events file of
     * the QEMU build that wrote it. Null when the user cancels.
     */
    Path askForTraceEvents(Path trace) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Choose the QEMU trace-events file for " + trace.getFileName()
                + " (Debian/Ubuntu: /usr/share/qemu/trace-events-all; a QEMU built from source: trace/trace-events-all in its build directory)");
        Path installed = Path.of("/usr/share/qemu");
        Path dir = Files.isDirectory(installed) ? installed : trace.toAbsolutePath().getParent();
        if (dir != null && Files.isDirectory(dir)) chooser.setInitialDirectory(dir.toFile());
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("QEMU trace-events", "trace-events*"),
                new FileChooser.ExtensionFilter("All files", "*"));
        File f = chooser.showOpenDialog(stage);
        return f == null ? null : f.toPath();
    }

    /** The Events and Timeline tabs export the timeline's picture: the time window shown, every row. */
    private void exportTimeline(ViewExports.Format format) {
        if (session.open() == null) return;
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export timeline");
        FileChooser.ExtensionFilter png = new FileChooser.ExtensionFilter("PNG image", "*.png"),
                svg = new FileChooser.ExtensionFilter("SVG drawing", "*.svg");
        chooser.getExtensionFilters().addAll(format == ViewExports.Format.SVG ? svg : png, format == ViewExports.Format.SVG ? png : svg);
        chooser.setInitialFileName(session.open().path().getFileName() + "-timeline." + format.extension());
        File f = chooser.showSaveDialog(stage);
        if (f == null) return;
        try {
            timelineTab.view().export(f.toPath());
        } catch (IOException | RuntimeException e) {
            Alert a = new Alert(Alert.AlertType.ERROR, "Cannot write " + f + ": " + e.getMessage());
            a.initOwner(stage);
            a.show();
        }
    }

    /** The Latency tab's outlier double-click: the timeline, centred on that exit. */
    private void showOnTimeline(long fromNs, long toNs) {
        tabs.getSelectionModel().select(timelineTab);
        TimelineFocus.show(tabs, timelineTab.view(), fromNs, toNs);
    }

    @Override
    public void exportView(ViewExports.Format format) {
        if (tabs.getSelectionModel().getSelectedItem() instanceof ViewExports v) v.exportView(stage, format);
        else exportTimeline(format);
    }

    @Override
    public void exportTable() {
        if (tabs.getSelectionModel().getSelectedItem() instanceof ViewExports v) v.exportTable(stage);
    }

    @Override
    public ObservableBooleanValue canExportView(ViewExports.Format format) {
        return Bindings.createBooleanBinding(() -> session.open() != null
                        && (!(tabs.getSelectionModel().getSelectedItem() instanceof ViewExports v) || v.exportsAs(format)),
                session.openProperty(), tabs.getSelectionModel().selectedItemProperty());
    }

    @Override
    public ObservableBooleanValue canExportTable() {
        return Bindings.createBooleanBinding(() -> session.open() != null
                        && tabs.getSelectionModel().getSelectedItem() instanceof ViewExports v && v.hasTable(),
                session.openProperty(), tabs.getSelectionModel().selectedItemProperty());
    }

    @Override
    public ObservableBooleanValue traceOpen() {
        return session.openProperty().isNotNull();
    }

    @Override
    public void zoomToFit() {
        // the F accelerator must not take a letter typed into a filter or search field
        if (stage.getScene().getFocusOwner() instanceof TextInputControl) return;
        onTimeline(TimelineView::fit);
    }

    @Override
    public void zoomIn() {
        onTimeline(TimelineView::zoomIn);
    }

    @Override
    public void zoomOut() {
        onTimeline(TimelineView::zoomOut);
    }

    /** A zoom step acts on the timeline, brought to the front (laid out first if it never was shown). */
    private void onTimeline(Consumer<TimelineView> step) {
        if (session.open() == null) return;
        tabs.getSelectionModel().select(timelineTab);
        TimelineView view = timelineTab.view();
        if (view.getWidth() <= 1) {
            stage.getScene().getRoot().applyCss();
            stage.getScene().getRoot().layout();
        }
        step.accept(view);
    }

    @Override
    public void pairEvents() {
        if (session.open() == null) return;
        tabs.getSelectionModel().select(latencyTab);
        Dialog<?> d = latencyTab.showPairingDialog();
        if (d != null) themed(d);
    }

    @Override
    public void showWarnings() {
        Session.OpenTrace open = session.open();
        if (open == null) return;
        boolean onlyLost = open.trace().events().warnings().count() == 0 && open.trace().events().lost().size() > 0;
        showWarnings(onlyLost ? WarningsDialog.Show.LOST_EVENTS : WarningsDialog.Show.WARNINGS);
    }

    /** The status bar's links: the warnings dialog with that list in front. */
    void showWarnings(WarningsDialog.Show first) {
        Session.OpenTrace open = session.open();
        if (open == null) return;
        WarningsDialog d = new WarningsDialog(stage, open.names(), open.trace().events(), open.time(), first);
        themed(d);
        d.show();
    }

    @Override
    public void quit() {
        loads.cancel();
        stage.close();
        Platform.exit();
    }

    @Override
    public void about() {
        themed(HelpDialogs.about(stage));
    }

    @Override
    public void shortcuts() {
        themed(HelpDialogs.shortcuts(stage));
    }

    private void showRowTree(boolean on) {
        boolean shown = centre.getItems().contains(rowPanel);
        if (on && !shown) {
            centre.getItems().add(0, rowPanel);
            centre.setDividerPositions(rowTreeDivider);
        } else if (!on && shown) {
            rowTreeDivider = centre.getDividerPositions()[0];
            centre.getItems().remove(rowPanel);
        }
    }

    private void applyTheme(Theme t) {
        t.applyTo(stage.getScene().getStylesheets());
        timelineTab.view().setColours(t.timeline());
        flameTab.setTheme(t);
    }

    /** Dialogs have scenes of their own: they take the window's theme too. */
    private <D extends Dialog<?>> D themed(D d) {
        settings.themeProperty().get().applyTo(d.getDialogPane().getStylesheets());
        return d;
    }
}
