package dev.virtscope.format.tracedat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.virtscope.decode.EventFields;
import dev.virtscope.decode.FieldDecoder;
import dev.virtscope.store.PayloadRenderer;

/**
 * What is needed to read a trace.dat's stored records after loading: the event formats by id,
 * byte order, kallsyms and printk formats. The store keeps each record's raw bytes; this object
 * turns them into fields ({@link #decode}) or the kernel's text ({@link #text}) on demand.
 */
public final class TraceDatRecords implements PayloadRenderer, FieldDecoder {
    private final Map<Integer, EventFormat> byId = new HashMap<>();
    private final Map<Integer, PrintFmt> printers = new HashMap<>();
    final RecordReader reader;
    private final String kallsymsText;
    private final String printkText;
    private Kallsyms kallsyms;
    private Map<Long, String> printk;
    /** Long size of the recording kernel (4 or 8). */
    final int kernelLongSize;
    private final List<String> bufferNames;
    private final int typeOffset, typeSize;

    TraceDatRecords(List<EventFormat> formats, boolean bigEndian, int kernelLongSize, String kallsyms, String printk,
                    List<String> bufferNames) {
        for (EventFormat f : formats) byId.put(f.id, f);
        this.reader = new RecordReader(bigEndian);
        this.kernelLongSize = kernelLongSize;
        this.kallsymsText = kallsyms;
        this.printkText = printk;
        this.bufferNames = List.copyOf(bufferNames);
        EventFormat any = formats.isEmpty() ? null : formats.get(0);
        EventFormat.Field t = any == null ? null : any.field("common_type");
        typeOffset = t == null ? 0 : t.offset;
        typeSize = t == null ? 2 : t.size;
    }

    /** Names of the buffers the events came from: "" is the top buffer, others are tracefs instances. */
    public List<String> bufferNames() {
        return bufferNames;
    }

    public List<EventFormat> formats() {
        List<EventFormat> l = new ArrayList<>(byId.values());
        l.sort((a, b) -> Integer.compare(a.id, b.id));
        return Collections.unmodifiableList(l);
    }

    public RecordReader reader() {
        return reader;
    }

    /** The format of the record b[s, e), from its common_type; null when the file does not describe it. */
    public EventFormat formatOf(byte[] b, int s, int e) {
        if (s + typeOffset + typeSize > e) return null;
        return byId.get((int) reader.integer(b, s + typeOffset, typeSize, false));
    }

    EventFormat format(int id) {
        return byId.get(id);
    }

    synchronized Kallsyms kallsyms() {
        if (kallsyms == null) kallsyms = Kallsyms.parse(kallsymsText);
        return kallsyms;
    }

    /** printk format strings by address ({@code 0xffffffff81a2b3c4 : "text\n"}), for bprint's fmt pointer. */
    synchronized String printkFormat(long addr) {
        if (printk == null) {
            Map<Long, String> m = new HashMap<>();
            for (String line : printkText.split("\n")) {
                int colon = line.indexOf(" : ");
                if (colon < 0) continue;
                String a = line.substring(0, colon).trim();
                if (a.startsWith("0x")) a = a.substring(2);
                String f = line.substring(colon + 3).trim();
                if (f.length() >= 2 && f.startsWith("\"") && f.endsWith("\"")) f = f.substring(1, f.length() - 1);
                try {
                    m.put(Long.parseUnsignedLong(a, 16), unescape(f));
                } catch (NumberFormatException ignored) {
                    // not an entry
                }
            }
            printk = m;
        }
        return printk.get(addr);
    }

    private static String unescape(String s) {
        if (s.indexOf('\\') < 0) return s;
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                sb.append(switch (n) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    case '"' -> '"';
                    case '\\' -> '\\';
                    default -> n;
                });
            } else sb.append(c);
        }
        return sb.toString();
    }

    private synchronized PrintFmt printer(EventFormat f) {
        PrintFmt p = printers.get(f.id);
        if (p == null) {
            p = PrintFmt.compile(f, kernelLongSize * 8);
            printers.put(f.id, p);
        }
        return p;
    }

    /**
     * Whether this event's print fmt is evaluated (rather than printed as field=value): it parses
     * and renders a record of all-zero fields without needing anything unsupported.
     */
    public boolean evaluates(EventFormat f) {
        PrintFmt p = printer(f);
        if (!p.ok()) return false;
        int size = 8;
        for (EventFormat.Field fd : f.fields) size = Math.max(size, fd.offset + Math.max(fd.size, 4));
        byte[] zero = new byte[size];
        return p.render(this, f, zero, 0, size) != null;
    }

    /** The text the kernel prints after "name: " for this record. */
    @Override
    public String text(byte[] b, int s, int e) {
        EventFormat f = formatOf(b, s, e);
        if (f == null) return "[unknown event]";
        PrintFmt p = printer(f);
        if (p.ok()) {
            String t = p.render(this, f, b, s, e);
            if (t != null) return t;
        }
        return fieldsText(f, b, s, e);
    }

    /** {@code field=value} for every non-common field: the fallback when print fmt cannot be evaluated. */
    public String fieldsText(EventFormat f, byte[] b, int s, int e) {
        StringBuilder sb = new StringBuilder();
        for (EventFormat.Field fd : f.fields) {
            if (fd.name.startsWith("common_")) continue;
            if (sb.length() > 0) sb.append(' ');
            sb.append(fd.name).append('=').append(valueText(fd, b, s, e));
        }
        return sb.toString();
    }

    /** One field's value as text: decimal integers, strings, {@code ARRAY[a, b]} in hex for arrays. */
    public String valueText(EventFormat.Field fd, byte[] b, int s, int e) {
        if (fd.string) return reader.string(fd, b, s, e);
        if (fd.array || fd.dataLoc || fd.relLoc) {
            int st = reader.dataStart(fd, b, s, e);
            int n = reader.dataLength(fd, b, s, e);
            int el = Math.max(1, Math.min(8, fd.elemSize));
            StringBuilder sb = new StringBuilder("ARRAY[");
            for (int k = 0; k + el <= n; k += el) {
                if (k > 0) sb.append(", ");
                sb.append(String.format("%0" + (el * 2) + "x", reader.integer(b, st + k, el, false)));
            }
            return sb.append(']').toString();
        }
        long v = reader.number(fd, b, s, e);
        if (fd.pointer) return "0x" + Long.toHexString(v);
        return fd.signed ? Long.toString(v) : Long.toUnsignedString(v);
    }

    /** Every field of the record, common ones included, by name; numbers keep their value. */
    @Override
    public void decode(byte[] b, int s, int e, EventFields out) {
        EventFormat f = formatOf(b, s, e);
        if (f == null) return;
        for (EventFormat.Field fd : f.fields) {
            String t = valueText(fd, b, s, e);
            if (fd.string || fd.array || fd.dataLoc || fd.relLoc) out.add(fd.name, t);
            else out.add(fd.name, t, reader.number(fd, b, s, e));
        }
    }
}
