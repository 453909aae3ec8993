package dev.virtscope.gui.kvm;

import java.util.function.Function;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;

/** Table columns over row objects: text, or numbers that sort as numbers and print formatted. */
public final class Columns {
    private Columns() {
    }

    public static <R> TableColumn<R, String> text(String id, String title, Function<R, String> value) {
        TableColumn<R, String> c = new TableColumn<>(title);
        c.setId(id);
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(value.apply(f.getValue())));
        return c;
    }

    public static <R, N extends Comparable<N>> TableColumn<R, N> number(String id, String title, Function<R, N> value,
                                                                         Function<N, String> format) {
        TableColumn<R, N> c = new TableColumn<>(title);
        c.setId(id);
        c.getStyleClass().add("number-column");
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(value.apply(f.getValue())));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(N item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : format.apply(item));
            }
        });
        return c;
    }
}
