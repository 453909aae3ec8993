package dev.virtscope.gui;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The real traces bundled in the repository's {@code samples/} folder, for File → Open sample: found
 * next to the running jar or launcher (app/target/virtscope.jar, the repository's ./virtscope) or above
 * the working directory, and listed by folder. The files that only document a capture — READMEs,
 * provenance notes, perf stat and per-CPU stat outputs, command lists, console logs — are left out.
 */
public final class SampleCatalog {
    /** A folder of samples, by its path under samples/ ("captured/nested"), with its trace files. */
    public record Folder(String name, List<Path> files) {
    }

    /** System property naming the samples folder, for an installation that keeps it elsewhere. */
    public static final String PROPERTY = "virtscope.samples";
    /** The three kinds of sample, in the order the menu lists them (see samples/README.md). */
    private static final List<String> KINDS = List.of("captured", "generated", "public");

    private final Path root;

    private SampleCatalog(Path root) {
        this.root = root;
    }

    /** The samples folder of this installation, if there is one: the property, then above the jar, then above the working directory. */
    public static Optional<SampleCatalog> locate() {
        String prop = System.getProperty(PROPERTY);
        if (prop != null && !prop.isBlank()) {
            Path p = Path.of(prop);
            return isSamples(p) ? Optional.of(new SampleCatalog(p.toAbsolutePath().normalize())) : Optional.empty();
        }
        List<Path> starts = new ArrayList<>();
        codeLocation().ifPresent(starts::add);
        starts.add(Path.of("").toAbsolutePath());
        return findAbove(starts);
    }

    /** The first samples folder found in one of the start folders or above it. */
    public static Optional<SampleCatalog> findAbove(List<Path> starts) {
        for (Path start : starts) {
            for (Path p = start.toAbsolutePath().normalize(); p != null; p = p.getParent()) {
                Path s = p.resolve("samples");
                if (isSamples(s)) return Optional.of(new SampleCatalog(s));
            }
        }
        return Optional.empty();
    }

    /** A samples folder holds at least one of captured/, generated/, public/ (a stray "samples" folder does not). */
    static boolean isSamples(Path dir) {
        if (!Files.isDirectory(dir)) return false;
        for (String k : KINDS) if (Files.isDirectory(dir.resolve(k))) return true;
        return false;
    }

    private static Optional<Path> codeLocation() {
        try {
            var src = SampleCatalog.class.getProtectionDomain().getCodeSource();
            if (src == null) return Optional.empty();
            Path p = Path.of(src.getLocation().toURI());
            return Optional.of(Files.isRegularFile(p) ? p.getParent() : p);
        } catch (URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }

    public Path root() {
        return root;
    }

    /** Every folder with trace files, captured/ first, then generated/ and public/, each sorted by path. */
    public List<Folder> folders() {
        List<Folder> out = new ArrayList<>();
        for (String kind : KINDS) {
            Path dir = root.resolve(kind);
            if (!Files.isDirectory(dir)) continue;
            Map<String, List<Path>> byFolder = new TreeMap<>();
            try (Stream<Path> all = Files.walk(dir)) {
                all.filter(Files::isRegularFile).filter(SampleCatalog::isTrace).sorted().forEach(f ->
                        byFolder.computeIfAbsent(root.relativize(f.getParent()).toString().replace('\\', '/'), k -> new ArrayList<>()).add(f));
            } catch (IOException e) {
                continue; // an unreadable folder lists nothing rather than failing the menu
            }
            byFolder.forEach((name, files) -> out.add(new Folder(name, List.copyOf(files))));
        }
        return out;
    }

    /**
     * False for the files that sit beside the captures to document them: Markdown, perf stat and
     * per-CPU buffer statistics, the capture's command list, console and serial logs, QEMU's
     * trace-events list (an input of simpletrace, not a trace).
     */
    static boolean isTrace(Path file) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return !(n.endsWith(".md") || n.endsWith("stat.txt") || n.endsWith("stats.txt") || n.endsWith("-commands.txt")
                || n.endsWith("-console.txt") || n.endsWith("-run.txt") || n.equals("capture-log.txt")
                || n.startsWith("trace-events-all"));
    }
}
