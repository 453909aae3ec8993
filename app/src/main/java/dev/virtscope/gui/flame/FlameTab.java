package dev.virtscope.gui.flame;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import dev.virtscope.gui.Selection;
import dev.virtscope.gui.Session;
import dev.virtscope.stack.flame.FlameSearch;
import dev.virtscope.stack.flame.FlameTree;
import dev.virtscope.view.flame.FlameExport;

/**
 * The "Flame graph" tab: the open trace's stack samples (perf callchains or folded stacks) as a
 * flame graph. Click to zoom, breadcrumbs and reset, regex search with the matched share, icicle
 * layout, filters by thread and by the timeline's selected range, scoping to kvm exits of one
 * reason, a differential view against a second profile, and PNG/SVG export drawn by the same
 * renderer as the screen.
 */
public final class FlameTab extends Tab implements dev.virtscope.gui.ViewExports {
    private final Session session;
    private final FlameModel model = new FlameModel();
    private final Label details = new Label();
    private final FlameCanvas canvas = new FlameCanvas(model, details::setText);
    private final TextField search = new TextField();
    private final Label matched = new Label();
    private final Label baseline = new Label();

    public FlameTab(Session session) {
        super("Flame graph");
        this.session = session;
        setId("flame-tab");
        setClosable(false);
        details.setId("flame-details");
        details.setPadding(new Insets(2, 8, 2, 8));
        BorderPane root = new BorderPane(canvas);
        root.setTop(new VBox(controls(), filters(), new Breadcrumbs(model)));
        root.setBottom(details);
        setContent(root);

        session.openProperty().addListener((o, a, open) -> {
            if (open == null) {
                model.show(null);
                canvas.setTitle("");
                return;
            }
            // the tab is rarely the one in front when a trace opens: it fills on a later pulse
            session.steps().add(() -> {
                if (session.open() != open) return;
                model.show(open.trace());
                canvas.setTitle(open.names());
            });
        });
        Selection sel = session.selection();
        sel.rangeStartProperty().addListener((o, a, b) -> rangeChanged());
        sel.rangeEndProperty().addListener((o, a, b) -> rangeChanged());
        model.treeProperty().addListener((o, a, b) -> updateMatched());
        model.zoomProperty().addListener((o, a, b) -> updateMatched());
        model.baselineProperty().addListener((o, a, b) -> {
            baseline.setText(b == null ? "" : "vs " + b.path().getFileName() + " (red: grew, blue: shrank)");
            canvas.setTitle(session.open() == null ? "" : session.open().names() + (b == null ? "" : " vs " + b.path().getFileName()));
        });
        model.problemProperty().addListener((o, a, b) -> {
            if (!b.isEmpty()) details.setText(b);
        });
    }

    private FlowPane controls() {
        search.setId("flame-search");
        search.setPromptText("search frames (regex)");
        search.setPrefColumnCount(18);
        search.textProperty().addListener((o, a, b) -> searchChanged(b));
        matched.setId("flame-matched");
        CheckBox icicle = new CheckBox("Icicle");
        icicle.setId("flame-icicle");
        icicle.setTooltip(new Tooltip("Draw top-down: the root at the top"));
        icicle.selectedProperty().bindBidirectional(model.icicleProperty());
        Button compare = new Button("Compare with…");
        compare.setId("flame-compare");
        compare.setTooltip(new Tooltip("Differential flame graph: widths from this trace, colours from the change since a second profile"));
        compare.setOnAction(e -> chooseBaseline());
        compare.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(() -> model.stacks().isEmpty(), model.treeProperty()));
        Button clear = new Button("×");
        clear.setId("flame-compare-clear");
        clear.setTooltip(new Tooltip("Back to the plain flame graph"));
        clear.setOnAction(e -> model.clearBaseline());
        clear.visibleProperty().bind(model.baselineProperty().isNotNull());
        CheckBox normalize = new CheckBox("Normalise");
        normalize.setId("flame-normalize");
        normalize.setTooltip(new Tooltip("Scale the baseline to the same total as this trace"));
        normalize.selectedProperty().bindBidirectional(model.normalize);
        normalize.visibleProperty().bind(model.baselineProperty().isNotNull());
        baseline.setId("flame-baseline");
        Button export = new Button("Export…");
        export.setId("flame-export");
        export.setOnAction(e -> exportView(window(), Format.PNG));
        return row(new Label("Search"), search, matched, icicle, compare, baseline, normalize, clear, export);
    }

    private FlowPane filters() {
        ComboBox<ThreadChoice> thread = new ComboBox<>(model.threads());
        thread.setId("flame-thread");
        thread.setTooltip(new Tooltip("Only samples of one thread (vCPU threads first) or one process name"));
        thread.valueProperty().bindBidirectional(model.thread);
        CheckBox range = new CheckBox("Selected time range");
        range.setId("flame-range");
        range.setTooltip(new Tooltip("Only samples inside the range selected in the timeline (Shift+drag there)"));
        range.selectedProperty().bindBidirectional(model.rangeOnly);
        range.disableProperty().bind(model.timedProperty().not());
        ComboBox<ExitChoice> exit = new ComboBox<>(model.exitReasons());
        exit.setId("flame-exit");
        exit.setTooltip(new Tooltip("Only samples taken while their vCPU thread was inside a kvm exit of this reason "
                + "(needs kvm_exit/kvm_entry events and stack samples in the same trace)"));
        exit.valueProperty().bindBidirectional(model.exit);
        exit.disableProperty().bind(javafx.beans.binding.Bindings.size(model.exitReasons()).lessThan(2));
        return row(new Label("Thread"), thread, range, new Label("kvm exits"), exit);
    }

    private static FlowPane row(javafx.scene.Node... nodes) {
        FlowPane p = new FlowPane(8, 4, nodes);
        p.setAlignment(Pos.CENTER_LEFT);
        p.setPadding(new Insets(4, 8, 2, 8));
        return p;
    }

    private void rangeChanged() {
        Selection sel = session.selection();
        model.setRange(sel.rangeStartProperty().get(), sel.rangeEndProperty().get(), sel.hasRange());
    }

    private void searchChanged(String text) {
        search.setStyle("");
        if (text == null || text.isEmpty()) {
            model.searchProperty().set(null);
        } else {
            try {
                model.searchProperty().set(Pattern.compile(text));
            } catch (PatternSyntaxException e) {
                search.setStyle("-fx-control-inner-background: #ffd6d6");
                model.searchProperty().set(null);
                matched.setText("bad regex: " + e.getDescription());
                return;
            }
        }
        updateMatched();
    }

    /** "12.34% matched": the share of the shown (zoomed) samples under frames matching the search. */
    private void updateMatched() {
        Pattern p = model.searchProperty().get();
        FlameTree t = model.tree();
        if (p == null || t == null) {
            if (p == null && !search.getStyle().isEmpty()) return;
            matched.setText("");
            return;
        }
        int zoom = Math.min(model.zoomProperty().get(), t.size() - 1);
        matched.setText(String.format(Locale.ROOT, "%.2f%% matched", new FlameSearch(t, p, zoom).percent()));
    }

    private Window window() {
        return getTabPane() == null || getTabPane().getScene() == null ? null : getTabPane().getScene().getWindow();
    }

    private void chooseBaseline() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Compare with a second profile (perf script or folded stacks)");
        File f = chooser.showOpenDialog(window());
        if (f != null) model.compareWith(f.toPath());
    }

    /** Export… and File → Export view: asks for a file, offering the format first, and writes the graph on screen. */
    @Override
    public void exportView(Window owner, Format format) {
        if (model.tree() == null) return;
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export flame graph");
        FileChooser.ExtensionFilter png = new FileChooser.ExtensionFilter("PNG image", "*.png"),
                svg = new FileChooser.ExtensionFilter("SVG drawing (interactive)", "*.svg");
        chooser.getExtensionFilters().addAll(format == Format.SVG ? svg : png, format == Format.SVG ? png : svg);
        String ext = "." + format.extension();
        chooser.setInitialFileName(session.open() == null ? "flamegraph" + ext : session.open().path().getFileName() + "-flame" + ext);
        File f = chooser.showSaveDialog(owner);
        if (f == null) return;
        try {
            export(f.toPath());
        } catch (IOException | RuntimeException e) {
            Alert a = new Alert(Alert.AlertType.ERROR, "Cannot write " + f + ": " + e.getMessage());
            a.initOwner(owner);
            a.show();
        }
    }

    /** Writes what the tab shows (zoom, search, layout, width) as PNG, or SVG when the name ends in .svg. */
    public void export(Path file) throws IOException {
        if (model.tree() == null || canvas.style() == null) throw new IOException("no flame graph is shown");
        FlameExport.write(file, model.tree(), canvas.style());
    }

    /** Draws the graph with the background and title colours of a theme (exports keep the light page). */
    public void setTheme(dev.virtscope.gui.Theme theme) {
        canvas.setPage(theme.flame());
    }

    public FlameModel model() {
        return model;
    }

    FlameCanvas canvas() {
        return canvas;
    }
}
