package dev.virtscope.gui.kvm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import dev.virtscope.view.chart.LatencyHistogramChart;

/**
 * Tables as CSV files (RFC 4180: comma-separated, CRLF line ends, a cell holding a comma, quote or line
 * break is quoted and its quotes doubled). A cell starting with {@code = + - @} (or a tab or carriage
 * return) gets a leading apostrophe, so a spreadsheet shows it as text instead of running it as a
 * formula: trace text such as a task name is not trusted.
 */
public final class Csv {
    private Csv() {
    }

    public static String cell(String v) {
        if (v == null) return "";
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) v = "'" + v;
        boolean quote = v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0;
        return quote ? '"' + v.replace("\"", "\"\"") + '"' : v;
    }

    public static String text(List<String> header, List<List<String>> rows) {
        StringBuilder sb = new StringBuilder();
        line(sb, header);
        for (List<String> r : rows) line(sb, r);
        return sb.toString();
    }

    private static void line(StringBuilder sb, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) sb.append(',');
            sb.append(cell(cells.get(i)));
        }
        sb.append("\r\n");
    }

    /** Writes the table through a temporary file renamed over the target (never half a file). */
    public static void write(Path out, List<String> header, List<List<String>> rows) throws IOException {
        byte[] b = text(header, rows).getBytes(StandardCharsets.UTF_8);
        LatencyHistogramChart.writeAtomically(out, o -> o.write(b));
    }
}
