package dev.virtscope.format.tracedat;

import java.util.ArrayList;
import java.util.List;

/**
 * One event's layout, parsed from the kernel's {@code format} text embedded in the file:
 * {@code name:}, {@code ID:}, the {@code field:TYPE NAME; offset:N; size:M; signed:S;} lines, and
 * the {@code print fmt:} that the kernel uses to print it.
 */
public final class EventFormat {
    public final String system;
    public final String name;
    public final int id;
    public final Field[] fields;
    /** The text after {@code print fmt: }, or "" when absent. */
    public final String printFmt;

    /** One field of a record. */
    public static final class Field {
        public final String type;
        public final String name;
        public final int offset;
        public final int size;
        public final boolean signed;
        /** {@code char comm[16]}: a fixed array; arrayLen its element count (0 for {@code []}). */
        public final boolean array;
        public final int arrayLen;
        /** {@code __data_loc}: a u32 whose low 16 bits are the data's offset and high 16 its length. */
        public final boolean dataLoc;
        /** {@code __rel_loc}: like dataLoc, offset relative to the end of the field. */
        public final boolean relLoc;
        /** A char array or data_loc char[]: printed as a string. */
        public final boolean string;
        public final boolean pointer;
        /** Element size for arrays (size / arrayLen), else size. */
        public final int elemSize;

        Field(String type, String name, int offset, int size, boolean signed, boolean array, int arrayLen) {
            this.type = type;
            this.name = name;
            this.offset = offset;
            this.size = size;
            this.signed = signed;
            this.array = array;
            this.arrayLen = arrayLen;
            this.dataLoc = type.startsWith("__data_loc");
            this.relLoc = type.startsWith("__rel_loc");
            String base = type.replace("__data_loc", "").replace("__rel_loc", "").replace("[]", "").trim();
            this.string = (array || dataLoc || relLoc) && (base.equals("char") || base.equals("const char") || base.equals("signed char"));
            this.pointer = type.contains("*");
            int el = size;
            if (array && arrayLen > 0) el = size / arrayLen;
            else if (dataLoc || relLoc) el = elementSize(base);
            this.elemSize = el;
        }

        private static int elementSize(String base) {
            if (base.endsWith("char") || base.equals("u8") || base.equals("s8")) return 1;
            if (base.endsWith("short") || base.equals("u16") || base.equals("s16")) return 2;
            if (base.endsWith("long long") || base.equals("u64") || base.equals("s64")) return 8;
            return 4;
        }

        @Override
        public String toString() {
            return type + " " + name + " @" + offset + "+" + size;
        }
    }

    EventFormat(String system, String name, int id, Field[] fields, String printFmt) {
        this.system = system;
        this.name = name;
        this.id = id;
        this.fields = fields;
        this.printFmt = printFmt;
    }

    public Field field(String n) {
        for (Field f : fields) if (f.name.equals(n)) return f;
        return null;
    }

    /** Fields after the {@code common_*} ones: what the event itself carries. */
    public List<Field> ownFields() {
        List<Field> l = new ArrayList<>();
        for (Field f : fields) if (!f.name.startsWith("common_")) l.add(f);
        return l;
    }

    /** Parses one {@code format} file's text; null when it has no {@code ID:}. */
    static EventFormat parse(String system, String text) {
        String name = null;
        int id = -1;
        String fmt = "";
        List<Field> fields = new ArrayList<>();
        for (String line : text.split("\n")) {
            String t = line.trim();
            if (t.startsWith("name:")) name = t.substring(5).trim();
            else if (t.startsWith("ID:")) {
                try {
                    id = Integer.parseInt(t.substring(3).trim());
                } catch (NumberFormatException e) {
                    return null;
                }
            } else if (t.startsWith("field:")) {
                Field f = parseField(t);
                if (f != null) fields.add(f);
            } else if (t.startsWith("print fmt:")) fmt = t.substring(10).trim();
        }
        if (name == null || id < 0) return null;
        return new EventFormat(system, name, id, fields.toArray(new Field[0]), fmt);
    }

    /** {@code field:unsigned int vcpu_id;	offset:8;	size:4;	signed:0;} (also the header_page form). */
    static Field parseField(String t) {
        int semi = t.indexOf(';');
        if (semi < 0) return null;
        String decl = t.substring(6, semi).trim();
        int offset = attr(t, "offset:");
        int size = attr(t, "size:");
        int signed = attr(t, "signed:");
        if (offset < 0 || size < 0) return null;
        boolean array = false;
        int arrayLen = 0;
        String d = decl;
        int br = d.lastIndexOf('[');
        // "__data_loc char[] name": brackets belong to the type, not the name
        if (br >= 0 && d.endsWith("]")) {
            array = true;
            String n = d.substring(br + 1, d.length() - 1).trim();
            try {
                arrayLen = n.isEmpty() ? 0 : Integer.parseInt(n);
            } catch (NumberFormatException e) {
                arrayLen = 0;
            }
            d = d.substring(0, br).trim();
        }
        int sp = Math.max(d.lastIndexOf(' '), d.lastIndexOf('*'));
        if (sp < 0) return null;
        String name = d.substring(sp + 1).trim();
        String type = d.substring(0, sp + 1).trim();
        return new Field(type, name, offset, size, signed == 1, array, arrayLen);
    }

    private static int attr(String t, String key) {
        int i = t.indexOf(key);
        if (i < 0) return -1;
        int s = i + key.length();
        int e = s;
        while (e < t.length() && Character.isDigit(t.charAt(e))) e++;
        return e == s ? -1 : Integer.parseInt(t.substring(s, e));
    }
}
