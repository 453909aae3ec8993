package dev.virtscope.gui;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;

/**
 * The main window: menu bar, a tab per view over the shared {@link Session}, the load progress
 * line and the status bar. Every way of opening a file ends in {@link #open(Path)}.
 */
public final class MainWindow implements MenuBarFactory.Actions {
    private final Stage stage;
    private final Session session = new Session();
    private final RecentFiles recent;
    private final TraceLoadService loads;
    private final TabPane tabs = new TabPane();
    private final EventsTab eventsTab;
    private final TimelineTab timelineTab;
    private final DropHandler drop;
    private final RowTreePanel rowPanel;
    private final SessionKeeper sessions;

    public MainWindow(Stage stage, TraceReader reader, RecentFiles recent) {
        this.stage = stage;
        this.recent = recent;
        this.loads = new TraceLoadService(session, reader, recent, f -> new LoadErrorDialog(stage, f).show());
        loads.setTraceEventsAsk(this::askForTraceEvents);
        this.drop = new DropHandler(this::open);
        eventsTab = new EventsTab(session);
        tabs.setId("views");
        timelineTab = new TimelineTab(session);
        tabs.getTabs().addAll(eventsTab, timelineTab);
        tabs.getTabs().addAll(new dev.virtscope.gui.latency.LatencyTab(session, this::showOnTimeline),
                new dev.virtscope.gui.flame.FlameTab(session), new dev.virtscope.gui.kvm.KvmStatsTab(session));

        rowPanel = new RowTreePanel(session, timelineTab.view());
        sessions = new SessionKeeper(new SessionKeeper.Parts(stage, session, loads, rowPanel, timelineTab.view(),
                eventsTab.toolbar()), recent.preferences().node("session"));
        stage.addEventHandler(javafx.stage.WindowEvent.WINDOW_HIDDEN, e -> sessions.autosave());

        BorderPane root = new BorderPane();
        javafx.scene.control.MenuBar menus = MenuBarFactory.create(this, recent);
        SessionMenu.install(menus, sessions, () -> stage);
        root.setTop(menus);
        javafx.scene.control.SplitPane centre = new javafx.scene.control.SplitPane(rowPanel, tabs);
        centre.setDividerPositions(0.2);
        javafx.scene.control.SplitPane.setResizableWithParent(rowPanel, false);
        root.setCenter(centre);
        root.setBottom(new VBox(new LoadProgressPane(loads), new StatusBar(session, this::showWarnings)));
        Scene scene = new Scene(root, 1280, 800);
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

    public DropHandler dropHandler() {
        return drop;
    }

    public RowTreePanel rowPanel() {
        return rowPanel;
    }

    public SessionKeeper sessions() {
        return sessions;
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

    @Override
    public void exportTimeline() {
        if (session.open() == null) return;
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export timeline");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("PNG image", "*.png"),
                new FileChooser.ExtensionFilter("SVG drawing", "*.svg"));
        chooser.setInitialFileName(session.open().path().getFileName() + "-timeline.png");
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
    public void exportView() {
        if (tabs.getSelectionModel().getSelectedItem() instanceof ViewExports v) v.exportView(stage);
        else exportTimeline();
    }

    @Override
    public void exportTable() {
        if (tabs.getSelectionModel().getSelectedItem() instanceof ViewExports v) v.exportTable(stage);
    }

    @Override
    public void quit() {
        loads.cancel();
        stage.close();
        Platform.exit();
    }

    @Override
    public void about() {
        HelpDialogs.about(stage);
    }

    @Override
    public void shortcuts() {
        HelpDialogs.shortcuts(stage);
    }

    void showWarnings() {
        Session.OpenTrace open = session.open();
        if (open == null) return;
        new WarningsDialog(stage, open.names(), open.trace().events().warnings()).show();
    }
}
