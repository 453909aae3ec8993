package dev.virtscope.session;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.virtscope.decode.qemu.QemuArgs;
import dev.virtscope.store.EventStore;
import dev.virtscope.store.IntIntMap;
import dev.virtscope.store.Payload;
import dev.virtscope.store.TaskTable;

/**
 * The vCPUs of a session: one row per vCPU of a VM, whatever file its events came from. Host
 * traces name vCPU threads {@code CPU n/KVM} (tid, and the QEMU pid as tgid when the format has
 * it); QEMU's log backend gives the same thread id in its {@code TID@} prefix and the vCPU index
 * in kvm_run_exit's {@code cpu_index}. Threads with the same tid in several files are one vCPU
 * (files of one session come from one host and run); a known tgid names the VM. A QEMU file without
 * thread ids (binary simpletrace records carry the process id) is mapped by {@code cpu_index}: onto
 * the row of that index in the VM with its pid, or the only VM that has that index.
 */
public final class SessionVcpus {
    /** One thread (or, with tid -1, one QEMU file's cpu_index) that belongs to a row. */
    public record Member(int file, int tid, String comm) {
    }

    private int[] vm = new int[0], vcpu = new int[0];
    private final List<List<Member>> members = new ArrayList<>();
    private final IntIntMap[] tidRow, cpuIndexRow;

    private SessionVcpus(int files) {
        tidRow = new IntIntMap[files];
        cpuIndexRow = new IntIntMap[files];
        for (int f = 0; f < files; f++) {
            tidRow[f] = new IntIntMap(-1);
            cpuIndexRow[f] = new IntIntMap(-1);
        }
    }

    public static SessionVcpus of(Session s) {
        SessionVcpus v = new SessionVcpus(s.files());
        IntIntMap byTid = new IntIntMap(-1);
        for (int f = 0; f < s.files(); f++) {
            TaskTable t = s.store(f).tasks();
            for (int i = 0; i < t.size(); i++) {
                int n = t.vcpu(i);
                if (n < 0) continue;
                int tid = t.tid(i), g = t.tgid(i);
                int r = byTid.get(tid);
                if (r < 0) r = g >= 0 ? v.find(g, n) : -1;
                if (r < 0) r = v.add(g, n);
                else if (v.vm[r] < 0 && g >= 0) v.vm[r] = g;
                byTid.put(tid, r);
                v.tidRow[f].put(tid, r);
                v.cpuIndexRow[f].put(n, r);
                v.members.get(r).add(new Member(f, tid, t.comm(i)));
            }
        }
        for (int f = 0; f < s.files(); f++) v.mapCpuIndexes(f, s.store(f));
        return v.sorted();
    }

    /** kvm_run_exit events on threads that are not vCPU rows yet (binary simpletrace): by cpu_index. */
    private void mapCpuIndexes(int f, EventStore s) {
        int type = s.typeId("kvm_run_exit");
        if (type < 0) return;
        Payload p = new Payload();
        for (int i = 0; i < s.size(); i++) {
            if (s.type(i) != type || tidRow[f].get(s.tid(i)) >= 0) continue;
            s.payload(i, p);
            long c = QemuArgs.number(p, "cpu_index");
            if (c < 0 || c > 1 << 16 || cpuIndexRow[f].get((int) c) >= 0) continue;
            int n = (int) c;
            int ti = s.taskIndex(i);
            int pid = ti < 0 ? -1 : s.tasks().tgid(ti);
            int r = pid >= 0 ? find(pid, n) : -1;
            if (r < 0) r = onlyRowWithIndex(n);
            if (r < 0) r = add(pid, n);
            cpuIndexRow[f].put(n, r);
            members.get(r).add(new Member(f, -1, "cpu_index " + n));
        }
    }

    private int find(int g, int n) {
        for (int r = 0; r < vm.length; r++) if (vm[r] == g && vcpu[r] == n) return r;
        return -1;
    }

    private int onlyRowWithIndex(int n) {
        int found = -1;
        for (int r = 0; r < vm.length; r++) {
            if (vcpu[r] != n) continue;
            if (found >= 0) return -1;
            found = r;
        }
        return found;
    }

    private int add(int g, int n) {
        int r = vm.length;
        vm = Arrays.copyOf(vm, r + 1);
        vcpu = Arrays.copyOf(vcpu, r + 1);
        vm[r] = g;
        vcpu[r] = n;
        members.add(new ArrayList<>());
        return r;
    }

    /** Rows ordered by (VM, vCPU index), unknown VMs last. */
    private SessionVcpus sorted() {
        Integer[] order = new Integer[vm.length];
        for (int r = 0; r < order.length; r++) order[r] = r;
        Arrays.sort(order, (a, b) -> vm[a] != vm[b] ? Integer.compareUnsigned(vm[a], vm[b]) : Integer.compare(vcpu[a], vcpu[b]));
        SessionVcpus out = new SessionVcpus(tidRow.length);
        for (int k = 0; k < order.length; k++) {
            int r = order[k];
            out.add(vm[r], vcpu[r]);
            for (Member m : members.get(r)) {
                out.members.get(k).add(m);
                if (m.tid() >= 0) out.tidRow[m.file()].put(m.tid(), k);
                if (out.cpuIndexRow[m.file()].get(vcpu[r]) < 0) out.cpuIndexRow[m.file()].put(vcpu[r], k);
            }
        }
        return out;
    }

    public int rows() {
        return vm.length;
    }

    /** QEMU process id of the row's VM, or -1 when no file says it. */
    public int vm(int row) {
        return vm[row];
    }

    /** The vCPU index (cpu_index, the n of {@code CPU n/KVM}). */
    public int vcpu(int row) {
        return vcpu[row];
    }

    public List<Member> members(int row) {
        return List.copyOf(members.get(row));
    }

    /** Row of a thread of file f, or -1 if it is not a vCPU thread. */
    public int row(int file, int tid) {
        return tidRow[file].get(tid);
    }

    /** Row of vCPU index n as file f knows it (the first VM's if the file holds several), or -1. */
    public int rowOfIndex(int file, int n) {
        return cpuIndexRow[file].get(n);
    }

    /** {@code vCPU 0 of VM pid 1234}, or {@code vCPU 0} when the VM's pid is unknown. */
    public String label(int row) {
        return "vCPU " + vcpu[row] + (vm[row] >= 0 ? " of VM pid " + vm[row] : "");
    }

    /** Short key for table rows: {@code 0}, or {@code 1234/0} when the session holds several VMs. */
    public String key(int row) {
        boolean severalVms = false;
        for (int r = 0; r < vm.length; r++) if (vm[r] != vm[0]) severalVms = true;
        return severalVms ? (vm[row] >= 0 ? vm[row] : "?") + "/" + vcpu[row] : Integer.toString(vcpu[row]);
    }
}
