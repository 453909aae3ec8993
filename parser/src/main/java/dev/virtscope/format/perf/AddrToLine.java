package dev.virtscope.format.perf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * {@code fold --inline}: like stackcollapse-perf.pl, asks binutils' addr2line for the inlined
 * call chain at a user-space address ({@code addr2line -a PC -e DSO -i -f -s -C}) and uses it,
 * outermost first, instead of the symbol. Kernel, JIT map and bracketed DSOs are left alone; a
 * failed lookup (no addr2line, missing binary, {@code ??}) falls back to the symbol. Results are
 * cached per (address, DSO). Slow by nature: one process per distinct address.
 */
final class AddrToLine {
    private static final Pattern EXCLUDED = Pattern.compile("(perf-\\d+.map|kernel\\.|\\[[^\\]]+\\])");
    private final Map<String, String> cache = new HashMap<>();

    boolean applies(byte[] b, int dsoS, int dsoE) {
        return !EXCLUDED.matcher(new String(b, dsoS, dsoE - dsoS, StandardCharsets.ISO_8859_1)).find();
    }

    /** The ';'-joined inline chain, or null to fall back to the symbol. */
    String inline(String pc, String dso, String sym) {
        return cache.computeIfAbsent(pc + '\0' + dso, k -> run(pc, dso));
    }

    private static String run(String pc, String dso) {
        List<String> lines = new ArrayList<>();
        try {
            Process p = new ProcessBuilder("addr2line", "-a", pc, "-e", dso, "-i", "-f", "-s", "-C")
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(30, TimeUnit.SECONDS);
            for (String l : out.split("\n")) lines.add(l);
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
        if (lines.size() < 3) return null;
        List<String> funcs = new ArrayList<>();
        // first line is the address, then pairs of (function, file:line)
        for (int i = 1; i + 1 < lines.size(); i += 2) funcs.add(0, lines.get(i));
        String r = String.join(";", funcs);
        if (r.isEmpty() || r.equals("??") || r.equals("??:??:0")) return null;
        return r;
    }
}
