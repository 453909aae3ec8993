package dev.virtscope.gui;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.control.CheckBoxTreeItem;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.control.cell.CheckBoxTreeCell;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import dev.virtscope.view.timeline.RowCatalog;

/**
 * The left panel: CPUs, VMs → vCPU threads and other processes → threads, each with a checkbox
 * saying whether the timeline shows its row, and a search box that narrows the tree. The set of
 * shown row keys is the model; the tree is rebuilt from it when the search changes, so rows hidden
 * by a search keep their state.
 */
public final class RowTreePanel extends VBox {
    private final TimelineView timeline;
    private final TextField search = new TextField();
    private final TreeView<String> tree = new TreeView<>();
    private final Set<String> shown = new LinkedHashSet<>();
    private final Map<TreeItem<String>, String> keyOf = new HashMap<>();
    private RowCatalog catalog;
    private boolean rebuilding, pushPending;
    /** The tree still shows the previous trace's rows. */
    private boolean rebuildPending;

    private final PulseSteps steps;

    public RowTreePanel(Session session, TimelineView timeline) {
        super(4);
        this.timeline = timeline;
        this.steps = session.steps();
        setId("row-tree-panel");
        setPadding(new Insets(4));
        setMinWidth(0);
        search.setId("row-search");
        search.setPromptText("search threads, VMs, CPUs");
        search.textProperty().addListener((obs, old, t) -> rebuild());
        tree.setId("row-tree");
        tree.setShowRoot(false);
        tree.setCellFactory(CheckBoxTreeCell.forTreeView());
        VBox.setVgrow(tree, Priority.ALWAYS);
        Label title = new Label("Timeline rows");
        title.setStyle("-fx-font-weight: bold");
        getChildren().addAll(title, search, tree);
        session.openProperty().addListener((obs, old, open) -> show(open));
        show(session.open());
    }

    /** Keys of the rows the timeline shows ({@code cpu:N}, {@code tid:N}), in catalog order. */
    public List<String> shownKeys() {
        List<String> out = new ArrayList<>();
        if (catalog == null) return out;
        for (RowCatalog.Group g : catalog.groups()) for (RowCatalog.Entry e : g.entries()) if (shown.contains(e.key())) out.add(e.key());
        return out;
    }

    /** Shows exactly these rows (keys the trace does not have are ignored). */
    public void setShownKeys(Set<String> keys) {
        shown.clear();
        shown.addAll(keys);
        rebuild();
        push();
    }

    public TreeView<String> tree() {
        return tree;
    }

    private void show(Session.OpenTrace open) {
        catalog = open == null ? null : RowCatalog.of(open.trace().events());
        shown.clear();
        if (catalog != null) shown.addAll(catalog.defaultKeys());
        rebuildPending = true;
        search.clear();
        // the tree's cells are made on a pulse of their own: a new trace already makes the events
        // table and the toolbar lay out and style theirs on this one (tens of ms each on a first open)
        steps.add(() -> {
            if (rebuildPending) rebuild();
        });
        // the timeline shows the same default rows by itself (plus the collapsed other tasks): only a
        // choice made here replaces them
    }

    private void rebuild() {
        rebuildPending = false;
        rebuilding = true;
        keyOf.clear();
        CheckBoxTreeItem<String> root = new CheckBoxTreeItem<>("rows");
        if (catalog != null) {
            String q = search.getText().trim().toLowerCase(Locale.ROOT);
            Map<RowCatalog.Kind, CheckBoxTreeItem<String>> tops = new HashMap<>();
            for (RowCatalog.Group g : catalog.groups()) {
                boolean groupMatches = g.title().toLowerCase(Locale.ROOT).contains(q);
                CheckBoxTreeItem<String> groupItem = new CheckBoxTreeItem<>(g.title());
                for (RowCatalog.Entry e : g.entries()) {
                    if (!q.isEmpty() && !groupMatches && !e.row().label().toLowerCase(Locale.ROOT).contains(q)) continue;
                    CheckBoxTreeItem<String> leaf = new CheckBoxTreeItem<>(e.row().label(), null, shown.contains(e.key()));
                    keyOf.put(leaf, e.key());
                    leaf.selectedProperty().addListener((obs, was, is) -> leafChanged(e.key(), is));
                    groupItem.getChildren().add(leaf);
                }
                if (groupItem.getChildren().isEmpty()) continue;
                settle(groupItem);
                CheckBoxTreeItem<String> parent = g.kind() == RowCatalog.Kind.CPU ? root
                        : tops.computeIfAbsent(g.kind(), k -> addTop(root, k == RowCatalog.Kind.VCPU ? "VMs" : "Processes"));
                parent.getChildren().add(groupItem);
                groupItem.setExpanded(g.kind() != RowCatalog.Kind.THREAD || !q.isEmpty());
            }
        }
        for (TreeItem<String> top : root.getChildren()) if (!top.isLeaf()) settle((CheckBoxTreeItem<String>) top);
        tree.setRoot(root);
        rebuilding = false;
    }

    /**
     * A parent's box from its children's (a CheckBoxTreeItem only updates its parent when a child
     * changes, not when children are added already checked): checked, unchecked or mixed.
     */
    private static void settle(CheckBoxTreeItem<String> parent) {
        int on = 0, mixed = 0, n = parent.getChildren().size();
        for (TreeItem<String> c : parent.getChildren()) {
            CheckBoxTreeItem<String> cb = (CheckBoxTreeItem<String>) c;
            if (cb.isIndeterminate()) mixed++;
            else if (cb.isSelected()) on++;
        }
        if (on == n) {
            parent.setSelected(true);
        } else if (on == 0 && mixed == 0) {
            parent.setSelected(false);
        } else {
            parent.setSelected(false);
            parent.setIndeterminate(true);
        }
    }

    private static CheckBoxTreeItem<String> addTop(CheckBoxTreeItem<String> root, String title) {
        CheckBoxTreeItem<String> top = new CheckBoxTreeItem<>(title);
        top.setExpanded(true);
        root.getChildren().add(top);
        return top;
    }

    private void leafChanged(String key, boolean on) {
        if (rebuilding) return;
        if (on) shown.add(key);
        else shown.remove(key);
        // checking a group changes every leaf under it: draw once, after the last
        if (!pushPending) {
            pushPending = true;
            Platform.runLater(() -> {
                pushPending = false;
                push();
            });
        }
    }

    private void push() {
        if (catalog == null) return;
        timeline.setRows(catalog.rows(new HashSet<>(shown)));
    }
}
