package dev.virtscope.analysis.kvm;

/**
 * Where each vCPU's time went between its first and last paired events: in the guest (kvm_entry →
 * next kvm_exit of the thread), in the host kernel handling exits (by reason), and — where
 * kvm_userspace_exit events exist — in userspace (kvm_userspace_exit → kvm_entry, i.e. QEMU handling
 * the exit); the userspace part is not counted in the host part of that exit.
 */
public final class VcpuTimeSplit {
    private final int[] vcpus;
    private final long[] guestNs, userspaceNs, hostNs;
    private final long[][] hostByReason;
    private final KvmExits exits;

    private VcpuTimeSplit(KvmExits k, int[] vcpus, long[] guest, long[] user, long[] host, long[][] byReason) {
        exits = k;
        this.vcpus = vcpus;
        guestNs = guest;
        userspaceNs = user;
        hostNs = host;
        hostByReason = byReason;
    }

    public static VcpuTimeSplit of(KvmExits k) {
        int max = -1;
        for (int r = 0; r < k.size(); r++) max = Math.max(max, k.vcpu(r));
        int slots = max + 2; // slot 0: vCPU unknown
        long[] guest = new long[slots], user = new long[slots], host = new long[slots];
        long[][] byReason = new long[slots][k.reasonCount()];
        boolean[] seen = new boolean[slots];
        for (int r = 0; r < k.size(); r++) {
            int v = k.vcpu(r) + 1;
            seen[v] = true;
            if (k.guestBeforeNs(r) > 0) guest[v] += k.guestBeforeNs(r);
            long d = k.durationNs(r);
            if (d < 0) continue;
            long u = Math.max(0, k.userspaceNs(r));
            user[v] += u;
            host[v] += d - u;
            byReason[v][k.reasonId(r)] += d - u;
        }
        int count = 0;
        for (boolean b : seen) if (b) count++;
        int[] ids = new int[count];
        long[] g = new long[count], us = new long[count], h = new long[count];
        long[][] br = new long[count][];
        int c = 0;
        for (int v = 0; v < slots; v++) if (seen[v]) {
            ids[c] = v - 1;
            g[c] = guest[v];
            us[c] = user[v];
            h[c] = host[v];
            br[c++] = byReason[v];
        }
        return new VcpuTimeSplit(k, ids, g, us, h, br);
    }

    public int vcpuCount() {
        return vcpus.length;
    }

    /** vCPU number of entry i (-1: exits whose vCPU is unknown). */
    public int vcpu(int i) {
        return vcpus[i];
    }

    public long guestNs(int i) {
        return guestNs[i];
    }

    public long hostNs(int i) {
        return hostNs[i];
    }

    public long userspaceNs(int i) {
        return userspaceNs[i];
    }

    /** Host-kernel time of vCPU entry i spent on exits of one reason (id from KvmExits). */
    public long hostNs(int i, int reasonId) {
        return reasonId < hostByReason[i].length ? hostByReason[i][reasonId] : 0;
    }

    public KvmExits exits() {
        return exits;
    }
}
