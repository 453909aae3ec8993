package dev.virtscope.gui;

import java.util.ArrayList;
import java.util.List;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.control.CheckBoxTreeItem;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeView;
import javafx.scene.control.cell.CheckBoxTreeCell;
import javafx.scene.layout.StackPane;

/**
 * Styles, lays out and paints (a corner of) a throw-away events-like table and row-like tree once
 * per JVM, off screen, while the new window waits for its first file.
 *
 * <p>Why: in a fresh JVM the first trace shown made the FX thread create the table's and the row
 * tree's first cells with cold code (classes loading, CSS matching and text layout interpreted),
 * 60–100 ms each in one pulse; later opens in the same JVM took a fraction of that. Doing the
 * same kind of work here, one small step per pulse before any trace arrives, takes those costs
 * out of the pulse that shows the trace. The controls are never attached to the window and are
 * dropped at the end.
 */
final class ControlWarmup {
    /** Cell text with the characters trace rows are made of, so text layout is warm too. */
    private static final String TEXT = "0123456789.:-_/ [ ]() abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ =,Δμ";
    private static boolean done;

    private final PulseSteps steps = new PulseSteps();
    /** Table and tree cells that were styled and laid out: what the warm-up did, for tests. */
    private int cells;

    /** Queues the warm-up on its own pulses, once per JVM; stylesheets are the window's. */
    static void startOnce(List<String> stylesheets) {
        if (done) return;
        done = true;
        new ControlWarmup(stylesheets);
    }

    ControlWarmup(List<String> stylesheets) {
        StackPane root = new StackPane();
        Scene scene = new Scene(root, 1200, 700);
        scene.getStylesheets().setAll(stylesheets);
        TableView<Integer> table = new TableView<>();
        TreeView<String> tree = new TreeView<>();
        steps.add(() -> {
            fillTable(table);
            styleAndLayOut(root, table, ".table-cell");
        });
        steps.add(() -> paintCorner(table));
        steps.add(() -> {
            fillTree(tree);
            styleAndLayOut(root, tree, ".tree-cell");
        });
        steps.add(() -> paintCorner(tree));
        steps.add(() -> root.getChildren().clear());
    }

    /** True until the last step ran. */
    javafx.beans.property.ReadOnlyBooleanProperty pendingProperty() {
        return steps.pendingProperty();
    }

    int cells() {
        return cells;
    }

    /** Puts the control alone in the off-screen scene, styles and lays it out; counts the cells it made. */
    private void styleAndLayOut(StackPane root, javafx.scene.Node control, String cellSelector) {
        root.getChildren().setAll(control);
        root.applyCss();
        root.layout();
        cells += control.lookupAll(cellSelector).size();
    }

    /**
     * Paints a small corner of the control into an image, so the renderer's code for text, fills
     * and borders is warm too. Small, because a snapshot makes the FX thread wait for the renderer:
     * a whole 1200×700 snapshot took up to 230 ms while a load ran.
     */
    private static void paintCorner(javafx.scene.Node n) {
        SnapshotParameters p = new SnapshotParameters();
        p.setViewport(new Rectangle2D(0, 0, 480, 200));
        n.snapshot(p, null);
    }

    private static void fillTable(TableView<Integer> table) {
        for (int c = 0; c < 7; c++) {
            TableColumn<Integer, String> col = new TableColumn<>("column " + c);
            int shift = c * 7;
            col.setCellValueFactory(cell -> new ReadOnlyStringWrapper(text(cell.getValue() + shift)));
            if (c < 3) col.getStyleClass().add("number-column");
            table.getColumns().add(col);
        }
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < 60; i++) rows.add(i);
        table.setItems(FXCollections.observableArrayList(rows));
    }

    private static void fillTree(TreeView<String> tree) {
        tree.setShowRoot(false);
        tree.setCellFactory(CheckBoxTreeCell.forTreeView());
        CheckBoxTreeItem<String> root = new CheckBoxTreeItem<>("rows");
        for (int g = 0; g < 4; g++) {
            CheckBoxTreeItem<String> group = new CheckBoxTreeItem<>(text(g));
            group.setExpanded(true);
            for (int k = 0; k < 8; k++) group.getChildren().add(new CheckBoxTreeItem<>(text(g * 8 + k), null, true));
            root.getChildren().add(group);
        }
        tree.setRoot(root);
    }

    /** A slice of {@link #TEXT} that differs from row to row. */
    private static String text(int i) {
        int from = (i * 11) % TEXT.length();
        return TEXT.substring(from) + TEXT.substring(0, from);
    }
}
