package dev.virtscope.cli;

import java.util.List;

/** The real nested AMD SVM captures of one run in every text form (samples/captured/PROVENANCE.md, nested/). */
final class NestedCaptures {
    static final String SECS5 = "captured/nested/nested-svm-inner-smp2-secs5.";
    /** raw tracefs text, trace-cmd report (kvm plugin), trace-cmd report -R, perf script */
    static final List<String> FORMS = List.of(SECS5 + "ftrace.txt.xz", SECS5 + "report.txt.xz", SECS5 + "report-R.txt.xz",
            SECS5 + "perf-script.txt.xz");

    private NestedCaptures() {
    }

    /** Nearest-rank percentile of sorted values: the smallest value with at least p% of them at or below it. */
    static long percentile(List<Long> sorted, double p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }
}
