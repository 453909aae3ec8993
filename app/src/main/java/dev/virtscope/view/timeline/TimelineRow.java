package dev.virtscope.view.timeline;

import dev.virtscope.store.IntSlice;

/**
 * One line of the timeline: the events of one CPU, one thread or a group of threads, in time order.
 *
 * @param group  heading the row belongs under ("CPUs", "VM 1971 (qemu-system-x86)", "Other tasks")
 * @param label  the row's own name ("CPU 0", "vCPU 1  CPU 1/KVM-1977")
 * @param events event numbers in time order
 * @param task   task index of the thread the row shows, or -1 (CPU rows, groups of threads)
 * @param toggle key of the collapsible node the row stands for (a click on its label opens or closes
 *               it), or null
 */
public record TimelineRow(String group, String label, IntSlice events, int task, String toggle) {
    public TimelineRow(String group, String label, IntSlice events) {
        this(group, label, events, -1, null);
    }
}
