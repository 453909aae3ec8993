package dev.virtscope.analysis.kvm;

/**
 * Which exits a query looks at: by reason (printed name), vCPU, CPU, sub-key (host vector, port, MSR
 * index, gpa) and time range [fromNs, toNs). Null / -1 / Long.MIN_VALUE..MAX_VALUE mean "any".
 */
public record ExitFilter(String reason, int vcpu, int cpu, long subKey, long fromNs, long toNs) {
    public static final ExitFilter ALL = new ExitFilter(null, -1, -1, -1, Long.MIN_VALUE, Long.MAX_VALUE);

    public ExitFilter withReason(String r) {
        return new ExitFilter(r, vcpu, cpu, subKey, fromNs, toNs);
    }

    public ExitFilter withVcpu(int v) {
        return new ExitFilter(reason, v, cpu, subKey, fromNs, toNs);
    }

    public ExitFilter withCpu(int c) {
        return new ExitFilter(reason, vcpu, c, subKey, fromNs, toNs);
    }

    public ExitFilter withSubKey(long k) {
        return new ExitFilter(reason, vcpu, cpu, k, fromNs, toNs);
    }

    public ExitFilter withTime(long from, long to) {
        return new ExitFilter(reason, vcpu, cpu, subKey, from, to);
    }

    /** Row r of the exits matches. The reason is compared by id, looked up once per call site. */
    public boolean test(KvmExits k, int r) {
        if (vcpu >= 0 && k.vcpu(r) != vcpu) return false;
        if (cpu >= 0 && k.cpu(r) != cpu) return false;
        if (subKey >= 0 && k.subKey(r) != subKey) return false;
        long t = k.startNs(r);
        if (t < fromNs || t >= toNs) return false;
        return reason == null || reason.equals(k.reasonName(r));
    }
}
