package dev.virtscope.decode.kvm;

import dev.virtscope.decode.ByteText;

/**
 * Decoders of the events that say what an exit touched, reused from event to event:
 * <ul>
 * <li>kvm_pio {@code pio_write at 0x70 size 1 count 1 val 0x8f } (TP_printk
 *     {@code "pio_%s at 0x%x size %d count %d val 0x%x %s"}, {@code (...)} when count &gt; 1)</li>
 * <li>kvm_mmio {@code mmio write len 4 gpa 0xfee000b0 val 0x0} (type unsatisfied-read / read / write)</li>
 * <li>kvm_msr {@code msr_write 6e0 = 0x3f0b5c2bd1e} ({@code "msr_%s %x = 0x%llx%s"}, index in hex
 *     without 0x, {@code  (#GP)} when the access faulted)</li>
 * </ul>
 * and the raw-field form of each ({@code trace-cmd report -R}): {@code rw=1 port=0x70 size=1 count=1 val=0x8f},
 * {@code type=1 len=4 gpa=0xfee000f0 val=0xff}, {@code write=1 ecx=4b564d01 data=0xe8c21 exception=0}
 * ({@code ecx} in hex without 0x, as the print fmt's {@code %x}).
 * {@link #parse} fills {@link #kind}, {@link #write}, {@link #key} (port, gpa or MSR index) and the rest.
 */
public final class KvmAccess {
    public static final int NONE = 0, PIO = 1, MMIO = 2, MSR = 3;
    /** mmio types as printed: unsatisfied-read, read, write */
    public static final int MMIO_UNSATISFIED_READ = 0, MMIO_READ = 1, MMIO_WRITE = 2;

    public int kind;
    public boolean write;
    public long key = -1;
    public long size = -1, count = -1, value = -1;
    public int mmioType = -1;
    public boolean faulted;
    private final Tokens t = new Tokens();

    public boolean parsePio(byte[] b, int s, int e) {
        reset(PIO);
        t.reset(b, s, e);
        if (!t.next()) return false;
        if (t.is("pio_write")) write = true;
        else if (!t.is("pio_read")) return rawPio(b, s, e);
        while (t.next()) {
            if (t.is("at")) key = t.nextHex();
            else if (t.is("size")) size = t.nextDecimal();
            else if (t.is("count")) count = t.nextDecimal();
            else if (t.is("val")) value = t.nextHex();
        }
        return key >= 0;
    }

    public boolean parseMmio(byte[] b, int s, int e) {
        reset(MMIO);
        t.reset(b, s, e);
        if (!t.next()) return false;
        if (!t.is("mmio")) return rawMmio(b, s, e);
        if (!t.next()) return false;
        if (t.is("write")) mmioType = MMIO_WRITE;
        else if (t.is("read")) mmioType = MMIO_READ;
        else if (t.is("unsatisfied-read")) mmioType = MMIO_UNSATISFIED_READ;
        else return false;
        write = mmioType == MMIO_WRITE;
        while (t.next()) {
            if (t.is("len")) size = t.nextDecimal();
            else if (t.is("gpa")) key = t.nextHex();
            else if (t.is("val")) value = t.nextHex();
        }
        return key >= 0;
    }

    public boolean parseMsr(byte[] b, int s, int e) {
        reset(MSR);
        t.reset(b, s, e);
        if (!t.next()) return false;
        if (t.is("msr_write")) write = true;
        else if (!t.is("msr_read")) return rawMsr(b, s, e);
        key = t.nextHex();
        if (t.next() && t.is("=")) value = t.nextHex();
        faulted = ByteText.indexOf(b, s, e, "(#GP)") >= 0;
        return key >= 0;
    }

    /**
     * {@link #parseMsr} for the pairing sweep: the same result, {@link #write} and {@link #key}, without
     * reading the value or looking for {@code (#GP)} (left -1 / false).
     */
    public boolean parseMsrKey(byte[] b, int s, int e) {
        reset(MSR);
        t.reset(b, s, e);
        if (!t.next()) return false;
        if (t.is("msr_write")) write = true;
        else if (!t.is("msr_read")) {
            long w = RawFields.field(b, s, e, "write");
            key = RawFields.hexField(b, s, e, "ecx");
            if (w < 0 || key < 0) return false;
            write = w == 1;
            return true;
        }
        key = t.nextHex();
        return key >= 0;
    }

    private boolean rawPio(byte[] b, int s, int e) {
        long rw = RawFields.field(b, s, e, "rw");
        key = RawFields.field(b, s, e, "port");
        if (rw < 0 || key < 0) return false;
        write = rw == 1;
        size = RawFields.field(b, s, e, "size");
        count = RawFields.field(b, s, e, "count");
        value = RawFields.field(b, s, e, "val");
        return true;
    }

    private boolean rawMmio(byte[] b, int s, int e) {
        long type = RawFields.field(b, s, e, "type");
        key = RawFields.field(b, s, e, "gpa");
        if (type < MMIO_UNSATISFIED_READ || type > MMIO_WRITE || key < 0) return false;
        mmioType = (int) type;
        write = mmioType == MMIO_WRITE;
        size = RawFields.field(b, s, e, "len");
        value = RawFields.field(b, s, e, "val");
        return true;
    }

    private boolean rawMsr(byte[] b, int s, int e) {
        long w = RawFields.field(b, s, e, "write");
        key = RawFields.hexField(b, s, e, "ecx");
        if (w < 0 || key < 0) return false;
        write = w == 1;
        value = RawFields.field(b, s, e, "data");
        faulted = RawFields.field(b, s, e, "exception") > 0;
        return true;
    }

    private void reset(int k) {
        kind = k;
        write = false;
        faulted = false;
        key = size = count = value = -1;
        mmioType = -1;
    }
}
