package dev.virtscope.format.qemu;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Parses one trace-events line with the grammar of QEMU's tracetool:
 * {@code [props ]name(args) ["trans fmt",] "fmt"}; {@code #} comments and blank lines give null.
 */
final class TraceEventsLine {
    private TraceEventsLine() {
    }

    static TraceEventDef parse(String raw) {
        String line = raw.strip();
        if (line.isEmpty() || line.startsWith("#")) return null;
        int open = line.indexOf('(');
        int close = open < 0 ? -1 : line.indexOf(')', open);
        if (open < 0 || close < 0) throw new IllegalArgumentException("no '(' ... ')'");
        String head = line.substring(0, open).strip();
        int sp = head.lastIndexOf(' ');
        String name = sp < 0 ? head : head.substring(sp + 1);
        List<String> props = sp < 0 ? List.of() : Arrays.asList(head.substring(0, sp).strip().split("\\s+"));
        if (!name.matches("\\w+")) throw new IllegalArgumentException("bad event name '" + name + "'");
        List<String> types = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (String a : line.substring(open + 1, close).split(",")) {
            a = a.strip();
            if (a.isEmpty() || a.equals("void")) continue;
            int star = a.lastIndexOf('*');
            String type, id;
            if (star >= 0) {
                type = a.substring(0, star + 1);
                id = a.substring(star + 1).strip();
            } else {
                int s = lastSpace(a);
                if (s < 0) throw new IllegalArgumentException("argument '" + a + "' has no name");
                type = a.substring(0, s).strip();
                id = a.substring(s + 1);
            }
            types.add(type);
            names.add(id);
        }
        boolean[] str = new boolean[types.size()];
        for (int i = 0; i < str.length; i++) str[i] = isString(types.get(i));
        String fmt = formats(line.substring(close + 1));
        return new TraceEventDef(name, List.copyOf(props), List.copyOf(types), List.copyOf(names), str, fmt);
    }

    private static int lastSpace(String s) {
        for (int i = s.length() - 1; i >= 0; i--) if (Character.isWhitespace(s.charAt(i))) return i;
        return -1;
    }

    /** The simple backend's rule: strings are {@code char*}/{@code const char*} (spaced or not) with one '*'. */
    static boolean isString(String type) {
        String t = type.stripLeading();
        boolean prefix = t.startsWith("const char*") || t.startsWith("char*") || t.startsWith("const char *") || t.startsWith("char *");
        return prefix && t.chars().filter(c -> c == '*').count() == 1;
    }

    /** {@code PRIx64} → x, {@code PRIu32} → u, {@code HWADDR_PRIx} → x, {@code TARGET_FMT_lx} → x. */
    static char conversionOf(String macro) {
        int p = macro.lastIndexOf("PRI");
        if (p >= 0 && p + 3 < macro.length()) return macro.charAt(p + 3);
        return macro.charAt(macro.length() - 1);
    }

    /**
     * The (last) format of the tail after ')': string literals are joined; a macro between
     * literals ({@code PRIx64}, {@code HWADDR_PRIx}, {@code TARGET_FMT_lx}) ends in its conversion
     * letter, which is what the matcher needs. With two formats (tcg trans, exec) the exec one is kept.
     */
    static String formats(String tail) {
        List<StringBuilder> fmts = new ArrayList<>();
        StringBuilder cur = null;
        int i = 0, n = tail.length();
        while (i < n) {
            char c = tail.charAt(i);
            if (c == '"') {
                if (cur == null) {
                    cur = new StringBuilder();
                    fmts.add(cur);
                }
                i++;
                while (i < n && tail.charAt(i) != '"') {
                    char d = tail.charAt(i);
                    if (d == '\\' && i + 1 < n) {
                        char e = tail.charAt(++i);
                        cur.append(switch (e) {
                            case 'n' -> '\n';
                            case 't' -> '\t';
                            default -> e;
                        });
                    } else {
                        cur.append(d);
                    }
                    i++;
                }
                i++;
            } else if (c == ',') {
                cur = null;
                i++;
            } else if (Character.isLetterOrDigit(c) || c == '_') {
                int s = i;
                while (i < n && (Character.isLetterOrDigit(tail.charAt(i)) || tail.charAt(i) == '_')) i++;
                String macro = tail.substring(s, i);
                if (cur != null) cur.append(conversionOf(macro));
            } else {
                i++;
            }
        }
        return fmts.isEmpty() ? "" : fmts.get(fmts.size() - 1).toString();
    }
}
