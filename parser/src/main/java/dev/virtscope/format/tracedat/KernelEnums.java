package dev.virtscope.format.tracedat;

import java.util.Map;

/**
 * Enum constants that appear by name in print fmts because the kernel does not export them with
 * TRACE_DEFINE_ENUM; the kernel knows their values when it prints, so we must too. Values from
 * include/linux/hrtimer_defs.h ({@code enum hrtimer_mode}: ABS 0, REL 1, PINNED 2, SOFT 4, HARD 8).
 */
final class KernelEnums {
    private static final Map<String, Long> VALUES = Map.ofEntries(
            Map.entry("HRTIMER_MODE_ABS", 0x00L), Map.entry("HRTIMER_MODE_REL", 0x01L),
            Map.entry("HRTIMER_MODE_PINNED", 0x02L), Map.entry("HRTIMER_MODE_SOFT", 0x04L),
            Map.entry("HRTIMER_MODE_HARD", 0x08L),
            Map.entry("HRTIMER_MODE_ABS_PINNED", 0x02L), Map.entry("HRTIMER_MODE_REL_PINNED", 0x03L),
            Map.entry("HRTIMER_MODE_ABS_SOFT", 0x04L), Map.entry("HRTIMER_MODE_REL_SOFT", 0x05L),
            Map.entry("HRTIMER_MODE_ABS_PINNED_SOFT", 0x06L), Map.entry("HRTIMER_MODE_REL_PINNED_SOFT", 0x07L),
            Map.entry("HRTIMER_MODE_ABS_HARD", 0x08L), Map.entry("HRTIMER_MODE_REL_HARD", 0x09L),
            Map.entry("HRTIMER_MODE_ABS_PINNED_HARD", 0x0aL), Map.entry("HRTIMER_MODE_REL_PINNED_HARD", 0x0bL));

    private KernelEnums() {
    }

    /** The value of a known constant, or null. */
    static Long value(String name) {
        return VALUES.get(name);
    }
}
