package dev.virtscope.view.timeline;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.virtscope.store.EventStore;
import dev.virtscope.store.TaskTable;

/**
 * Every row the timeline can show for a trace, grouped the way the window's left panel lists them:
 * CPUs; VMs (a QEMU process, by the vCPU threads' tgid) with their vCPU threads; other processes
 * with their threads (threads whose process the trace did not record form one group). Rows have
 * stable keys ({@code cpu:3}, {@code tid:1977}) so a saved session can say which are shown.
 * By default the CPUs and vCPU threads are shown, other threads are not.
 */
public final class RowCatalog {
    public enum Kind { CPU, VCPU, THREAD }

    /** A row that can be shown, under its group. */
    public record Entry(String key, Kind kind, TimelineRow row) {
        public boolean shownByDefault() {
            return kind != Kind.THREAD;
        }
    }

    /** A heading of the tree with its rows, in timeline order. */
    public record Group(Kind kind, String title, List<Entry> entries) {
    }

    private final List<Group> groups;

    private RowCatalog(List<Group> groups) {
        this.groups = List.copyOf(groups);
    }

    public static RowCatalog of(EventStore s) {
        List<Group> groups = new ArrayList<>();
        List<Entry> cpus = new ArrayList<>();
        for (int c = 0; c < s.cpuCount(); c++) {
            cpus.add(new Entry("cpu:" + c, Kind.CPU, new TimelineRow("CPUs", "CPU " + c, s.eventsOnCpu(c))));
        }
        if (!cpus.isEmpty()) groups.add(new Group(Kind.CPU, "CPUs", cpus));

        TaskTable tasks = s.tasks();
        Map<Integer, List<Integer>> byVm = new TreeMap<>(), byProcess = new TreeMap<>();
        for (int t = 0; t < tasks.size(); t++) {
            if (tasks.isVcpu(t)) byVm.computeIfAbsent(tasks.tgid(t), k -> new ArrayList<>()).add(t);
            else if (s.eventsOfTask(t).size() > 0) byProcess.computeIfAbsent(tasks.tgid(t), k -> new ArrayList<>()).add(t);
        }
        for (Map.Entry<Integer, List<Integer>> vm : byVm.entrySet()) {
            List<Integer> vcpus = vm.getValue();
            vcpus.sort(Comparator.comparingInt(tasks::vcpu).thenComparingInt(tasks::tid));
            String title = vm.getKey() < 0 ? "VM (process unknown)" : "VM " + vm.getKey() + processName(tasks, vm.getKey());
            List<Entry> rows = new ArrayList<>();
            for (int t : vcpus) {
                rows.add(new Entry("tid:" + tasks.tid(t), Kind.VCPU, new TimelineRow(title,
                        "vCPU " + tasks.vcpu(t) + "  " + tasks.comm(t) + "-" + tasks.tid(t), s.eventsOfTask(t), t, null)));
            }
            groups.add(new Group(Kind.VCPU, title, rows));
        }
        // threads of unknown processes last, after the named ones
        Integer unknown = byProcess.containsKey(-1) ? -1 : null;
        List<Integer> order = new ArrayList<>(byProcess.keySet());
        order.remove(unknown);
        if (unknown != null) order.add(unknown);
        for (int tgid : order) {
            List<Integer> threads = byProcess.get(tgid);
            threads.sort(Comparator.comparingInt(tasks::tid));
            String title = tgid < 0 ? "Threads (process not recorded)" : "Process " + tgid + processName(tasks, tgid);
            List<Entry> rows = new ArrayList<>();
            for (int t : threads) {
                rows.add(new Entry("tid:" + tasks.tid(t), Kind.THREAD,
                        new TimelineRow(title, tasks.comm(t) + "-" + tasks.tid(t), s.eventsOfTask(t), t, null)));
            }
            groups.add(new Group(Kind.THREAD, title, rows));
        }
        return new RowCatalog(groups);
    }

    private static String processName(TaskTable tasks, int tgid) {
        int main = tasks.indexOf(tgid);
        return main < 0 ? "" : " (" + tasks.comm(main) + ")";
    }

    public List<Group> groups() {
        return groups;
    }

    /** The rows whose keys are in shown, in catalog order. */
    public List<TimelineRow> rows(Collection<String> shown) {
        List<TimelineRow> out = new ArrayList<>();
        for (Group g : groups) for (Entry e : g.entries()) if (shown.contains(e.key())) out.add(e.row());
        return out;
    }

    /** Keys of the rows shown before the user chooses: CPUs and vCPU threads. */
    public List<String> defaultKeys() {
        List<String> out = new ArrayList<>();
        for (Group g : groups) for (Entry e : g.entries()) if (e.shownByDefault()) out.add(e.key());
        return out;
    }
}
