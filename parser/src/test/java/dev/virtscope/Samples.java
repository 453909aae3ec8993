package dev.virtscope;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds files under the repository's samples/ folder from any module's test working directory. */
public final class Samples {
    private static Path root;

    private Samples() {
    }

    public static synchronized Path root() {
        if (root == null) {
            Path p = Path.of("").toAbsolutePath();
            while (p != null && !Files.isDirectory(p.resolve("samples"))) p = p.getParent();
            if (p == null) throw new IllegalStateException("samples/ not found above " + Path.of("").toAbsolutePath());
            root = p.resolve("samples");
        }
        return root;
    }

    /** A sample by its path under samples/, e.g. {@code generated/ftrace/trace-variant-tgid.txt}. */
    public static Path path(String relative) {
        Path f = root().resolve(relative);
        if (!Files.exists(f)) throw new IllegalStateException("missing sample " + f);
        return f;
    }
}
