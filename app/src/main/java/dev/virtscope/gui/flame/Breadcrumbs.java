package dev.virtscope.gui.flame;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

import dev.virtscope.stack.flame.FlameTree;
import dev.virtscope.view.flame.FlameRenderer;

/**
 * The path from the root to the zoomed frame: each ancestor is a link that zooms out to it;
 * "Reset zoom" goes back to the whole graph.
 */
final class Breadcrumbs extends HBox {
    private final FlameModel model;
    private final Button reset = new Button("Reset zoom");
    private final FlowPane path = new FlowPane(2, 2);

    Breadcrumbs(FlameModel model) {
        super(8);
        this.model = model;
        setId("flame-breadcrumbs");
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(2, 8, 2, 8));
        reset.setId("flame-reset");
        reset.setOnAction(e -> model.zoomProperty().set(0));
        HBox.setHgrow(path, Priority.ALWAYS);
        getChildren().addAll(reset, path);
        model.zoomProperty().addListener((o, a, b) -> update());
        model.treeProperty().addListener((o, a, b) -> update());
        update();
    }

    private void update() {
        path.getChildren().clear();
        FlameTree t = model.tree();
        int z = model.zoomProperty().get();
        reset.setDisable(t == null || z == 0);
        if (t == null || z <= 0 || z >= t.size()) return;
        path.getChildren().add(link(t, 0));
        for (int n : t.path(z)) {
            path.getChildren().add(new Label("›"));
            if (n == z) {
                Label here = new Label(FlameRenderer.clean(t.name(n)));
                here.setStyle("-fx-font-weight: bold");
                here.setId("flame-crumb-current");
                path.getChildren().add(here);
            } else {
                path.getChildren().add(link(t, n));
            }
        }
    }

    private Hyperlink link(FlameTree t, int n) {
        Hyperlink h = new Hyperlink(FlameRenderer.clean(t.name(n)));
        h.getStyleClass().add("flame-crumb");
        h.setOnAction(e -> model.zoomProperty().set(n));
        return h;
    }
}
