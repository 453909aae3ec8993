package dev.virtscope.cli;

/**
 * One CSV cell, safe to open in a spreadsheet: text from a trace (exit reasons, comms, event
 * names) that starts with {@code = + - @}, TAB or CR would be run as a formula by Excel or
 * LibreOffice, so such a cell gets a leading apostrophe; plain numbers (also negative ones) stay
 * numbers. Cells holding a comma, quote or line break are quoted (RFC 4180).
 */
final class CsvCells {
    private CsvCells() {
    }

    static String cell(String s) {
        if (s == null) return "";
        String v = s;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0 && !number(v)) v = "'" + v;
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) v = '"' + v.replace("\"", "\"\"") + '"';
        return v;
    }

    private static boolean number(String s) {
        return s.matches("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");
    }
}
