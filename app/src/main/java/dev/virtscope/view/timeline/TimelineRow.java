package dev.virtscope.view.timeline;

import dev.virtscope.store.IntSlice;

/**
 * One line of the timeline: the events of one CPU or of one thread, in time order.
 *
 * @param group  heading the row belongs under ("CPUs", "VM 1971 (qemu-system-x86)", "Other threads")
 * @param label  the row's own name ("CPU 0", "vCPU 1  CPU 1/KVM-1977")
 * @param events event numbers in time order
 */
public record TimelineRow(String group, String label, IntSlice events) {
}
