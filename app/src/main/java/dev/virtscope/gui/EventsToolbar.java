package dev.virtscope.gui;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import dev.virtscope.decode.ByteText;
import dev.virtscope.filter.EventQuery;
import dev.virtscope.filter.FilterSyntaxException;
import dev.virtscope.store.EventStore;
import dev.virtscope.store.TaskTable;

/**
 * Above the events table: filters by event type, task, CPU, free text and a field expression
 * (combined with AND, run off the FX thread by {@link FilterRunner}), go to a time, and how many
 * rows are shown. Checklists and text apply as they change; the expression on Enter.
 */
public final class EventsToolbar extends VBox {
    private final ChecklistButton<String> types = new ChecklistButton<>("Types", "filter-types");
    private final ChecklistButton<Integer> tasks = new ChecklistButton<>("Tasks", "filter-tasks");
    private final ChecklistButton<Integer> cpus = new ChecklistButton<>("CPUs", "filter-cpus");
    private final TextField text = new TextField();
    private final TextField expression = new TextField();
    private final Label expressionError = new Label();
    private final TextField goTo = new TextField();
    private final Label shown = new Label();
    private final EventTableView table;
    private final FilterRunner runner = new FilterRunner();
    private EventQuery query = EventQuery.ALL;
    private Session.OpenTrace open;
    /** Set while controls are filled from a query, so they do not each start a run. */
    private boolean restoring;

    public EventsToolbar(Session session, EventTableView table) {
        super(4);
        this.table = table;
        setId("events-toolbar");
        setPadding(new Insets(4, 8, 4, 8));
        text.setId("filter-text");
        text.setPromptText("find text");
        text.setPrefColumnCount(14);
        expression.setId("filter-expression");
        expression.setPromptText("reason == \"EPT_VIOLATION\" && vcpu == 1   (Enter applies)");
        expression.setTooltip(new Tooltip("Columns: time cpu tid comm event; payload fields by name (@name forces a field).\n"
                + "Operators: == != < <= > >= =~ (regex)  && || !  ( )"));
        expressionError.setId("filter-expression-error");
        expressionError.setStyle("-fx-text-fill: #d0021b");
        goTo.setId("goto-time");
        goTo.setPromptText("seconds, e.g. 1043.6915");
        goTo.setPrefColumnCount(12);
        shown.setId("shown-count");
        Button clear = new Button("Clear filters");
        clear.setId("filter-clear");
        clear.setOnAction(e -> apply(EventQuery.ALL));

        HBox row1 = new HBox(8, types, tasks, cpus, text, clear, new Label("Go to time"), goTo, shown);
        row1.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(expression, Priority.ALWAYS);
        HBox row2 = new HBox(8, new Label("Expression"), expression, expressionError);
        row2.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(row1, row2);

        types.setOnChange(() -> changed(query.withTypes(types.checked())));
        tasks.setOnChange(() -> changed(query.withTids(tasks.checked())));
        cpus.setOnChange(() -> changed(query.withCpus(cpus.checked())));
        text.textProperty().addListener((obs, old, t) -> changed(query.withText(t)));
        expression.setOnAction(e -> changed(query.withExpression(expression.getText())));
        goTo.setOnAction(e -> goToTyped());
        runner.runningProperty().addListener((obs, was, is) -> updateCount());
        session.openProperty().addListener((obs, old, o) -> show(o));
        show(session.open());
    }

    /** The filters in force (what a saved session records). */
    public EventQuery query() {
        return query;
    }

    /** True while a filter runs in the background. */
    public javafx.beans.property.ReadOnlyBooleanProperty filteringProperty() {
        return runner.runningProperty();
    }

    /** Sets every control from a query and runs it (a restored session, Clear filters). */
    public void apply(EventQuery q) {
        restoring = true;
        types.setChecked(q.types());
        tasks.setChecked(q.tids());
        cpus.setChecked(q.cpus());
        text.setText(q.text());
        expression.setText(q.expression());
        restoring = false;
        changed(q);
    }

    private void show(Session.OpenTrace o) {
        runner.cancel();
        open = o;
        query = EventQuery.ALL;
        restoring = true;
        if (o != null) {
            EventStore s = o.trace().events();
            List<String> names = new ArrayList<>();
            for (int t = 0; t < s.eventNames().size(); t++) if (s.countOfType(t) > 0) names.add(s.eventNames().get(t));
            names.sort(null);
            types.setValues(names, n -> String.format(Locale.ROOT, "%s (%,d)", n, s.countOfType(s.typeId(n))));
            TaskTable tt = s.tasks();
            List<Integer> tids = new ArrayList<>();
            for (int t = 0; t < tt.size(); t++) if (s.eventsOfTask(t).size() > 0) tids.add(tt.tid(t));
            tids.sort(Comparator.comparing((Integer tid) -> tt.comm(tt.indexOf(tid))).thenComparing(tid -> tid));
            tasks.setValues(tids, tid -> String.format(Locale.ROOT, "%s-%d (%,d)", tt.comm(tt.indexOf(tid)), tid,
                    s.eventsOfTask(tt.indexOf(tid)).size()));
            List<Integer> cpuList = new ArrayList<>();
            for (int c = 0; c < s.cpuCount(); c++) if (s.eventsOnCpu(c).size() > 0) cpuList.add(c);
            cpus.setValues(cpuList, c -> String.format(Locale.ROOT, "CPU %d (%,d)", c, s.eventsOnCpu(c).size()));
            goTo.setPromptText(o.time().isNs() ? "seconds, e.g. " + o.time().absolute(s.firstNs()) : "count, e.g. " + s.firstNs());
        } else {
            types.setValues(List.of(), n -> n);
            tasks.setValues(List.of(), n -> "");
            cpus.setValues(List.of(), n -> "");
        }
        text.clear();
        expression.clear();
        expressionError.setText("");
        restoring = false;
        setDisable(o == null);
        updateCount();
    }

    private void changed(EventQuery q) {
        if (restoring) return;
        if (open == null) {
            query = q;
            return;
        }
        EventStore s = open.trace().events();
        try {
            q.validate(s);
            query = q;
            expressionError.setText("");
            expression.setStyle("");
        } catch (FilterSyntaxException e) {
            expressionError.setText(e.getMessage());
            expression.setStyle("-fx-border-color: #d0021b");
            expression.positionCaret(Math.min(e.position(), expression.getLength()));
            return;
        }
        runner.run(s, q, rows -> {
            table.showRows(rows);
            updateCount();
        }, failure -> expressionError.setText("filter failed: " + failure.getMessage()));
    }

    /** Parses what was typed as the trace prints times (seconds with decimals, or a raw count). */
    private void goToTyped() {
        byte[] b = goTo.getText().trim().getBytes(StandardCharsets.US_ASCII);
        long t = ByteText.parseTimestampNs(b, 0, b.length);
        if (t == Long.MIN_VALUE) {
            goTo.setStyle("-fx-border-color: #d0021b");
            return;
        }
        goTo.setStyle("");
        table.goTo(t);
    }

    private void updateCount() {
        long total = open == null ? 0 : open.trace().events().size();
        String text = String.format(Locale.ROOT, "%,d of %,d events shown", table.shownRows(), total);
        shown.setText(runner.runningProperty().get() ? text + " (filtering…)" : text);
    }
}
