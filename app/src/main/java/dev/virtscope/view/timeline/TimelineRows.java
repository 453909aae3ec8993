package dev.virtscope.view.timeline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import dev.virtscope.store.EventStore;
import dev.virtscope.store.TaskTable;

/**
 * Which rows the timeline shows for a trace: one per host CPU, then one per vCPU thread grouped by
 * VM (the QEMU process, i.e. the thread's tgid), vCPUs in index order, then the other tasks as a
 * collapsible tree: one summary row, opened into processes (most events first), a process with
 * several threads opened into its threads.
 */
public final class TimelineRows {
    /** Toggle key of the "Other tasks" summary row; a process row's key is {@code "process:" + tgid}. */
    public static final String OTHER = "other";
    public static final String OTHER_GROUP = "Other tasks";

    private TimelineRows() {
    }

    /** CPUs and vCPU threads, with the other tasks collapsed. */
    public static List<TimelineRow> of(EventStore s) {
        return of(s, TaskGroups.of(s), Set.of());
    }

    /**
     * @param groups the other tasks by process (null: not computed yet, not shown)
     * @param open   toggle keys of the nodes shown opened
     */
    public static List<TimelineRow> of(EventStore s, TaskGroups groups, Set<String> open) {
        List<TimelineRow> rows = new ArrayList<>();
        for (int c = 0; c < s.cpuCount(); c++) rows.add(new TimelineRow("CPUs", "CPU " + c, s.eventsOnCpu(c)));
        TaskTable tasks = s.tasks();
        Map<Integer, List<Integer>> byVm = new TreeMap<>();
        for (int t = 0; t < tasks.size(); t++) {
            if (tasks.isVcpu(t)) byVm.computeIfAbsent(tasks.tgid(t), k -> new ArrayList<>()).add(t);
        }
        for (Map.Entry<Integer, List<Integer>> vm : byVm.entrySet()) {
            List<Integer> vcpus = vm.getValue();
            vcpus.sort(Comparator.comparingInt(tasks::vcpu).thenComparingInt(tasks::tid));
            String group = vm.getKey() < 0 ? "VM (process unknown)" : "VM " + vm.getKey() + processName(tasks, vm.getKey());
            for (int t : vcpus) {
                rows.add(new TimelineRow(group, "vCPU " + tasks.vcpu(t) + "  " + tasks.comm(t) + "-" + tasks.tid(t),
                        s.eventsOfTask(t), t, null));
            }
        }
        addOtherTasks(rows, s, groups, open);
        return rows;
    }

    private static void addOtherTasks(List<TimelineRow> rows, EventStore s, TaskGroups g, Set<String> open) {
        if (g == null || g.processCount() == 0) return; // null: groups not computed yet
        boolean opened = open.contains(OTHER);
        rows.add(new TimelineRow(OTHER_GROUP, (opened ? "▾ " : "▸ ") + g.processCount() + " processes, "
                + g.all().size() + " events", g.all(), -1, OTHER));
        if (!opened) return;
        TaskTable tasks = s.tasks();
        for (int k = 0; k < g.processCount(); k++) {
            int p = g.process(k);
            int[] threads = g.threads(p);
            if (threads.length == 1) {
                int t = threads[0];
                rows.add(new TimelineRow(OTHER_GROUP, "    " + tasks.comm(t) + "-" + tasks.tid(t), s.eventsOfTask(t), t, null));
                continue;
            }
            String key = "process:" + g.tgid(p);
            boolean po = open.contains(key);
            int main = tasks.indexOf(g.tgid(p));
            String name = main >= 0 ? tasks.comm(main) : tasks.comm(threads[0]);
            rows.add(new TimelineRow(OTHER_GROUP, "  " + (po ? "▾ " : "▸ ") + name + " " + g.tgid(p) + " ("
                    + threads.length + " threads)", g.events(p), -1, key));
            if (!po) continue;
            for (int t : threads) {
                rows.add(new TimelineRow(OTHER_GROUP, "      " + tasks.comm(t) + "-" + tasks.tid(t), s.eventsOfTask(t), t, null));
            }
        }
    }

    private static String processName(TaskTable tasks, int tgid) {
        int main = tasks.indexOf(tgid);
        return main < 0 ? "" : " (" + tasks.comm(main) + ")";
    }
}
