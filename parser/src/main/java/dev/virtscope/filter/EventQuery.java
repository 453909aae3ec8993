package dev.virtscope.filter;

import java.util.Set;
import java.util.function.BooleanSupplier;

import dev.virtscope.store.EventStore;
import dev.virtscope.store.TaskTable;

/**
 * Everything the Events tab filters on, combined with AND: event types (by name), tasks (by tid),
 * CPUs, free text and a field expression. A null set or blank text means "no condition"; an
 * empty set keeps nothing. Names, tids and CPUs (not store ids) so a saved session can re-apply
 * the query to the same file later.
 */
public record EventQuery(Set<String> types, Set<Integer> tids, Set<Integer> cpus, String text, String expression) {
    public static final EventQuery ALL = new EventQuery(null, null, null, "", "");

    public EventQuery {
        types = types == null ? null : Set.copyOf(types);
        tids = tids == null ? null : Set.copyOf(tids);
        cpus = cpus == null ? null : Set.copyOf(cpus);
        text = text == null ? "" : text;
        expression = expression == null ? "" : expression;
    }

    /** True when every event passes (no condition set). */
    public boolean keepsAll() {
        return types == null && tids == null && cpus == null && text.isBlank() && expression.isBlank();
    }

    public EventQuery withTypes(Set<String> t) {
        return new EventQuery(t, tids, cpus, text, expression);
    }

    public EventQuery withTids(Set<Integer> t) {
        return new EventQuery(types, t, cpus, text, expression);
    }

    public EventQuery withCpus(Set<Integer> c) {
        return new EventQuery(types, tids, c, text, expression);
    }

    public EventQuery withText(String t) {
        return new EventQuery(types, tids, cpus, t, expression);
    }

    public EventQuery withExpression(String e) {
        return new EventQuery(types, tids, cpus, text, e);
    }

    /** Checks the expression against a store without running it. */
    public void validate(EventStore s) throws FilterSyntaxException {
        if (!expression.isBlank()) CompiledFilter.compile(expression, s);
    }

    /**
     * The event numbers that pass, ascending, or null when the query keeps every event. Stops early
     * (returning null) when cancelled says so; it is polled every 64 Ki events.
     */
    public int[] run(EventStore s, BooleanSupplier cancelled) throws FilterSyntaxException {
        if (keepsAll()) return null;
        CompiledFilter expr = expression.isBlank() ? null : CompiledFilter.compile(expression, s);
        TextSearch search = text.isBlank() ? null : new TextSearch(s, text.strip());
        boolean[] typeOk = null, taskOk = null, cpuOk = null;
        if (types != null) {
            typeOk = new boolean[s.eventNames().size()];
            for (int t = 0; t < typeOk.length; t++) typeOk[t] = types.contains(s.eventNames().get(t));
        }
        if (tids != null) {
            TaskTable tasks = s.tasks();
            taskOk = new boolean[tasks.size()];
            for (int t = 0; t < taskOk.length; t++) taskOk[t] = tids.contains(tasks.tid(t));
        }
        if (cpus != null) {
            cpuOk = new boolean[Math.max(1, s.cpuCount())];
            for (int c : cpus) if (c >= 0 && c < cpuOk.length) cpuOk[c] = true;
        }
        IntBuffer out = new IntBuffer();
        for (int i = 0, n = s.size(); i < n; i++) {
            if ((i & 0xFFFF) == 0 && cancelled.getAsBoolean()) return null;
            if (typeOk != null && !typeOk[s.type(i)]) continue;
            if (cpuOk != null && (s.cpu(i) < 0 || s.cpu(i) >= cpuOk.length || !cpuOk[s.cpu(i)])) continue;
            if (taskOk != null && !taskOk[s.taskIndex(i)]) continue;
            if (search != null && !search.test(i)) continue;
            if (expr != null && !expr.test(i)) continue;
            out.add(i);
        }
        return out.toArray();
    }
}
