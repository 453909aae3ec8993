package dev.virtscope.view.timeline;

import java.util.Arrays;

import dev.virtscope.store.EventStore;
import dev.virtscope.store.IntSlice;
import dev.virtscope.store.TaskTable;

/**
 * The tasks that are not vCPU threads, grouped by process (tgid; a thread whose tgid the trace does
 * not give is its own process), with the events of each process merged in time order — computed
 * once per trace with a counting sort (4 bytes per such event), so collapsed rows draw like any other.
 */
public final class TaskGroups {
    private final int[] processTgid;     // per process: tgid, or the tid when unknown
    private final int[][] threadsOf;     // per process: task indices, most events first
    private final int[] byProcess, processStart;
    private final int[] all;              // every non-vCPU event, in time order
    private final int[] order;            // processes, most events first

    private TaskGroups(EventStore s) {
        TaskTable tasks = s.tasks();
        int tn = tasks.size();
        int[] processOfTask = new int[tn];
        java.util.Map<Integer, Integer> idOfKey = new java.util.HashMap<>();
        int pn = 0;
        for (int t = 0; t < tn; t++) {
            if (tasks.isVcpu(t) || s.eventsOfTask(t).size() == 0) {
                processOfTask[t] = -1;
                continue;
            }
            int key = tasks.tgid(t) > 0 ? tasks.tgid(t) : tasks.tid(t);
            Integer id = idOfKey.get(key);
            if (id == null) idOfKey.put(key, id = pn++);
            processOfTask[t] = id;
        }
        processTgid = new int[pn];
        for (java.util.Map.Entry<Integer, Integer> e : idOfKey.entrySet()) processTgid[e.getValue()] = e.getKey();
        processStart = new int[pn + 1];
        int n = s.size(), total = 0;
        for (int i = 0; i < n; i++) {
            int ti = s.taskIndex(i);
            int p = ti < 0 ? -1 : processOfTask[ti];
            if (p >= 0) {
                processStart[p + 1]++;
                total++;
            }
        }
        for (int p = 1; p <= pn; p++) processStart[p] += processStart[p - 1];
        byProcess = new int[total];
        all = new int[total];
        int[] fill = Arrays.copyOf(processStart, pn + 1);
        int a = 0;
        for (int i = 0; i < n; i++) {
            int ti = s.taskIndex(i);
            int p = ti < 0 ? -1 : processOfTask[ti];
            if (p < 0) continue;
            byProcess[fill[p]++] = i;
            all[a++] = i;
        }
        int[] threadCount = new int[pn];
        for (int t = 0; t < tn; t++) if (processOfTask[t] >= 0) threadCount[processOfTask[t]]++;
        threadsOf = new int[pn][];
        for (int p = 0; p < pn; p++) threadsOf[p] = new int[threadCount[p]];
        int[] tf = new int[pn];
        Integer[] tasksByEvents = new Integer[tn];
        for (int t = 0; t < tn; t++) tasksByEvents[t] = t;
        Arrays.sort(tasksByEvents, (x, y) -> Integer.compare(s.eventsOfTask(y).size(), s.eventsOfTask(x).size()));
        for (int t : tasksByEvents) if (processOfTask[t] >= 0) threadsOf[processOfTask[t]][tf[processOfTask[t]]++] = t;
        Integer[] o = new Integer[pn];
        for (int p = 0; p < pn; p++) o[p] = p;
        Arrays.sort(o, (x, y) -> Integer.compare(size(y), size(x)));
        order = Arrays.stream(o).mapToInt(Integer::intValue).toArray();
    }

    public static TaskGroups of(EventStore s) {
        return new TaskGroups(s);
    }

    /** Processes, most events first: index k → process id. */
    public int process(int k) {
        return order[k];
    }

    public int processCount() {
        return order.length;
    }

    public int tgid(int process) {
        return processTgid[process];
    }

    /** Task indices of a process's threads, most events first. */
    public int[] threads(int process) {
        return threadsOf[process];
    }

    public IntSlice events(int process) {
        return new IntSlice(byProcess, processStart[process], processStart[process + 1]);
    }

    private int size(int process) {
        return processStart[process + 1] - processStart[process];
    }

    /** Every event of every task that is not a vCPU thread, in time order. */
    public IntSlice all() {
        return new IntSlice(all, 0, all.length);
    }
}
