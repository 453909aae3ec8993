package dev.virtscope.gui.kvm;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import javafx.scene.control.ComboBox;

import dev.virtscope.analysis.kvm.KvmExits;

/**
 * The "all or one" choosers of the KVM views (vCPU, host CPU, exit reason), filled from the exits of the
 * open trace. The first item means "any"; the selection survives a refill when the item still exists.
 */
public final class Choosers {
    public static final String ALL_VCPUS = "All vCPUs", ALL_CPUS = "All CPUs", ALL_REASONS = "All reasons";

    private Choosers() {
    }

    public static ComboBox<String> chooser(String id, String all) {
        ComboBox<String> c = new ComboBox<>();
        c.setId(id);
        c.getItems().add(all);
        c.getSelectionModel().select(0);
        return c;
    }

    public static void fill(ComboBox<String> c, List<String> values) {
        String was = c.getValue();
        List<String> items = new ArrayList<>();
        items.add(c.getItems().get(0));
        items.addAll(values);
        if (items.equals(c.getItems())) return;
        c.getItems().setAll(items);
        c.getSelectionModel().select(items.contains(was) ? items.indexOf(was) : 0);
    }

    public static List<String> vcpus(KvmExits k) {
        TreeSet<Integer> s = new TreeSet<>();
        for (int r = 0; r < k.size(); r++) if (k.vcpu(r) >= 0) s.add(k.vcpu(r));
        return s.stream().map(String::valueOf).toList();
    }

    public static List<String> cpus(KvmExits k) {
        TreeSet<Integer> s = new TreeSet<>();
        for (int r = 0; r < k.size(); r++) s.add(k.cpu(r));
        return s.stream().map(String::valueOf).toList();
    }

    public static List<String> reasons(KvmExits k) {
        TreeSet<String> s = new TreeSet<>();
        for (int id = 0; id < k.reasonCount(); id++) s.add(k.reasonNameOfId(id));
        return List.copyOf(s);
    }

    /** The chosen number, or -1 for the "any" item. */
    public static int number(ComboBox<String> c) {
        return c.getSelectionModel().getSelectedIndex() <= 0 ? -1 : Integer.parseInt(c.getValue());
    }

    /** The chosen text, or null for the "any" item. */
    public static String text(ComboBox<String> c) {
        return c.getSelectionModel().getSelectedIndex() <= 0 ? null : c.getValue();
    }
}
