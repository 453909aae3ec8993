package dev.virtscope.gui.kvm;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javafx.scene.control.Label;
import javafx.scene.control.TableView;

import dev.virtscope.analysis.kvm.KvmExits;
import dev.virtscope.analysis.kvm.VcpuTimeSplit;

/**
 * Where each vCPU's time went ({@link VcpuTimeSplit}): in the guest, in the host kernel handling exits,
 * in userspace (QEMU) — with the three exit reasons that cost the most host time. Rows are vCPU entry
 * numbers of the split.
 */
public final class VcpuSplitView extends TableView<Integer> {
    private VcpuTimeSplit split;

    public VcpuSplitView() {
        setId("vcpu-split");
        setColumnResizePolicy(CONSTRAINED_RESIZE_POLICY);
        setPlaceholder(new Label("No kvm exits"));
        getColumns().add(Columns.text("split-vcpu", "vCPU", i -> vcpuText(split, i)));
        getColumns().add(Columns.number("split-guest", "Guest (ms)", i -> split.guestNs(i), VcpuSplitView::ms));
        getColumns().add(Columns.number("split-host", "Host (ms)", i -> split.hostNs(i), VcpuSplitView::ms));
        getColumns().add(Columns.number("split-user", "Userspace (ms)", i -> split.userspaceNs(i), VcpuSplitView::ms));
        getColumns().add(Columns.number("split-guest-pct", "Guest%", i -> share(split, i, split.guestNs(i)), StatTableView::pct));
        getColumns().add(Columns.number("split-host-pct", "Host%", i -> share(split, i, split.hostNs(i)), StatTableView::pct));
        getColumns().add(Columns.text("split-top", "Top host reasons", i -> topReasons(split, i)));
        for (var c : getColumns()) c.setPrefWidth(100);
        getColumns().get(getColumns().size() - 1).setPrefWidth(420);
    }

    public void show(VcpuTimeSplit s) {
        split = s;
        List<Integer> rows = new ArrayList<>();
        if (s != null) for (int i = 0; i < s.vcpuCount(); i++) rows.add(i);
        getItems().setAll(rows);
    }

    public VcpuTimeSplit split() {
        return split;
    }

    static String vcpuText(VcpuTimeSplit s, int i) {
        return s.vcpu(i) < 0 ? "?" : Integer.toString(s.vcpu(i));
    }

    static double share(VcpuTimeSplit s, int i, long part) {
        double total = s.guestNs(i) + s.hostNs(i) + s.userspaceNs(i);
        return total == 0 ? 0 : 100 * part / total;
    }

    static String ms(long ns) {
        return String.format(Locale.ROOT, "%.3f", ns / 1e6);
    }

    /** The three reasons with the most host time, "npf 12.3 ms, io 4.0 ms, …". */
    static String topReasons(VcpuTimeSplit s, int i) {
        KvmExits k = s.exits();
        boolean[] used = new boolean[k.reasonCount()];
        StringBuilder sb = new StringBuilder();
        for (int n = 0; n < 3; n++) {
            int best = -1;
            for (int r = 0; r < k.reasonCount(); r++)
                if (!used[r] && s.hostNs(i, r) > 0 && (best < 0 || s.hostNs(i, r) > s.hostNs(i, best))) best = r;
            if (best < 0) break;
            used[best] = true;
            if (n > 0) sb.append(", ");
            sb.append(k.reasonNameOfId(best)).append(' ').append(String.format(Locale.ROOT, "%.1f ms", s.hostNs(i, best) / 1e6));
        }
        return sb.toString();
    }

    public static List<String> csvHeader() {
        return List.of("vcpu", "guestNs", "hostNs", "userspaceNs", "guestPct", "hostPct", "topHostReasons");
    }

    public static List<List<String>> csvRows(VcpuTimeSplit s) {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < s.vcpuCount(); i++) {
            rows.add(List.of(vcpuText(s, i), Long.toString(s.guestNs(i)), Long.toString(s.hostNs(i)), Long.toString(s.userspaceNs(i)),
                    String.format(Locale.ROOT, "%.4f", share(s, i, s.guestNs(i))),
                    String.format(Locale.ROOT, "%.4f", share(s, i, s.hostNs(i))), topReasons(s, i)));
        }
        return rows;
    }
}
