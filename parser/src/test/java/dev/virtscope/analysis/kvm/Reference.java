package dev.virtscope.analysis.kvm;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The classic recipe written the plain way over the text lines (String.split, maps of objects), for
 * comparison with the product's columnar code: pair each kvm_exit with the next kvm_entry of the same
 * key, skip pairs that span a lost-events marker of either CPU.
 */
final class Reference {
    record Pair(long exitTs, long entryTs, String reason, int tid, int exitCpu, int vcpu, boolean toUserspace, long port) {
        long dur() {
            return entryTs - exitTs;
        }
    }

    final List<Pair> pairs = new ArrayList<>();
    int unpaired;

    static long tsOf(String line) {
        String[] f = line.substring(line.indexOf(']') + 1).trim().split("\\s+");
        String ts = f[1].substring(0, f[1].length() - 1);
        String[] sf = ts.split("\\.");
        return Long.parseLong(sf[0]) * 1_000_000_000L + Long.parseLong(sf[1]) * 1000L;
    }

    static Reference of(List<String> lines, boolean byCpu) {
        Reference ref = new Reference();
        Map<Integer, List<Long>> lostAt = new HashMap<>();
        String lostCpu = null;
        for (String l : lines) {
            if (l.startsWith("CPU:")) {
                lostCpu = l.substring(4, l.indexOf(' '));
                continue;
            }
            int c = cpuOf(l);
            if (lostCpu != null && Integer.parseInt(lostCpu) == c) {
                lostAt.computeIfAbsent(c, k -> new ArrayList<>()).add(tsOf(l));
                lostCpu = null;
            }
        }
        Map<Integer, Object[]> open = new HashMap<>();
        for (String l : lines) {
            if (l.startsWith("CPU:")) continue;
            String rest = l.substring(l.indexOf("]: ") < 0 ? 0 : 0);
            int tid = Integer.parseInt(l.substring(l.lastIndexOf('-', l.indexOf('[')) + 1, l.indexOf('[')).trim());
            int cpu = cpuOf(l);
            long ts = tsOf(l);
            int key = byCpu ? cpu : tid;
            String ev = l.contains(": kvm_exit: ") ? "exit" : l.contains(": kvm_entry: ") ? "entry"
                    : l.contains(": kvm_userspace_exit: ") ? "uexit" : l.contains(": kvm_pio: ") ? "pio" : "other";
            int vcpu = Integer.parseInt(l.substring(l.indexOf("CPU ") + 4, l.indexOf("/KVM")));
            if (ev.equals("exit")) {
                String p = rest.substring(rest.indexOf("reason ") + 7);
                String reason = p.substring(0, p.indexOf(" rip"));
                if (open.containsKey(key)) ref.unpaired++;
                open.put(key, new Object[]{ts, reason, cpu, false, -1L});
            } else if (ev.equals("uexit") && open.containsKey(key)) {
                open.get(key)[3] = true;
            } else if (ev.equals("pio") && open.containsKey(key) && (long) open.get(key)[4] < 0) {
                String at = l.substring(l.indexOf(" at 0x") + 6).split(" ")[0];
                open.get(key)[4] = Long.parseLong(at, 16);
            } else if (ev.equals("entry")) {
                Object[] o = open.remove(key);
                if (o == null) continue;
                long t0 = (long) o[0];
                int c0 = (int) o[2];
                boolean broken = false;
                for (int cc : new int[]{c0, cpu})
                    for (long lt : lostAt.getOrDefault(cc, List.of())) if (lt > t0 && lt <= ts) broken = true;
                if (broken) {
                    ref.unpaired++;
                    continue;
                }
                ref.pairs.add(new Pair(t0, ts, (String) o[1], tid, c0, vcpu, (boolean) o[3], (long) o[4]));
            }
        }
        ref.unpaired += open.size();
        return ref;
    }

    private static int cpuOf(String l) {
        int b = l.indexOf('[');
        return Integer.parseInt(l.substring(b + 1, l.indexOf(']', b)));
    }
}
