package dev.virtscope.gui;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CustomMenuItem;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.TextField;
import javafx.scene.control.cell.CheckBoxListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * A drop-down list of checkable values (event types, tasks, CPUs) with a search box and All/None.
 * The list is virtualised, so a trace with thousands of threads opens it as fast as one with ten.
 * {@link #checked()} is null while everything is checked ("no condition").
 */
final class ChecklistButton<T> extends MenuButton {
    /** One value and whether it is checked. */
    static final class Entry<T> {
        final T value;
        final String label;
        final BooleanProperty checked = new SimpleBooleanProperty(true);

        Entry(T value, String label) {
            this.value = value;
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private final String title;
    private final ObservableList<Entry<T>> entries = FXCollections.observableArrayList();
    private final FilteredList<Entry<T>> shown = new FilteredList<>(entries);
    private final TextField search = new TextField();
    private Runnable onChange = () -> { };
    /** Set while several boxes change at once, so listeners hear one change, not one per box. */
    private boolean bulk;

    ChecklistButton(String title, String id) {
        this.title = title;
        setId(id);
        search.setPromptText("search");
        search.setId(id + "-search");
        search.textProperty().addListener((obs, old, text) -> {
            String t = text.trim().toLowerCase(Locale.ROOT);
            shown.setPredicate(e -> t.isEmpty() || e.label.toLowerCase(Locale.ROOT).contains(t));
        });
        ListView<Entry<T>> list = new ListView<>(shown);
        list.setId(id + "-list");
        list.setPrefSize(320, 300);
        list.setCellFactory(CheckBoxListCell.forListView(e -> e.checked));
        Button all = new Button("All");
        all.setOnAction(e -> setShownChecked(true));
        Button none = new Button("None");
        none.setOnAction(e -> setShownChecked(false));
        VBox box = new VBox(6, search, list, new HBox(6, all, none));
        box.setPadding(new Insets(4));
        CustomMenuItem item = new CustomMenuItem(box, false);
        getItems().add(item);
        updateText();
    }

    void setOnChange(Runnable r) {
        onChange = r;
    }

    /** Replaces the values; all start checked. */
    void setValues(List<T> values, Function<T, String> label) {
        bulk = true;
        List<Entry<T>> next = new ArrayList<>();
        for (T v : values) {
            Entry<T> e = new Entry<>(v, label.apply(v));
            e.checked.addListener((obs, was, is) -> changed());
            next.add(e);
        }
        entries.setAll(next);
        search.clear();
        bulk = false;
        updateText();
    }

    /** The checked values, or null when every value is checked. */
    Set<T> checked() {
        Set<T> s = new HashSet<>();
        for (Entry<T> e : entries) if (e.checked.get()) s.add(e.value);
        return s.size() == entries.size() ? null : s;
    }

    /** Checks exactly these values (null: all), with one change notification. */
    void setChecked(Set<T> values) {
        bulk = true;
        for (Entry<T> e : entries) e.checked.set(values == null || values.contains(e.value));
        bulk = false;
        changed();
    }

    /** All/None act on the values the search shows, so "search kvm, None" unchecks the kvm ones. */
    private void setShownChecked(boolean on) {
        bulk = true;
        for (Entry<T> e : shown) e.checked.set(on);
        bulk = false;
        changed();
    }

    private void changed() {
        if (bulk) return;
        updateText();
        onChange.run();
    }

    private void updateText() {
        long n = entries.stream().filter(e -> e.checked.get()).count();
        setText(n == entries.size() ? title + ": all" : title + ": " + n + " of " + entries.size());
    }
}
