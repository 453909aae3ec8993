package dev.virtscope.view.timeline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.virtscope.store.EventStore;
import dev.virtscope.store.TaskTable;

/**
 * Which rows the timeline shows for a trace: one per host CPU, then one per vCPU thread grouped by
 * VM (the QEMU process, i.e. the thread's tgid), vCPUs in index order.
 */
public final class TimelineRows {
    private TimelineRows() {
    }

    public static List<TimelineRow> of(EventStore s) {
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
                        s.eventsOfTask(t)));
            }
        }
        return rows;
    }

    private static String processName(TaskTable tasks, int tgid) {
        int main = tasks.indexOf(tgid);
        return main < 0 ? "" : " (" + tasks.comm(main) + ")";
    }
}
