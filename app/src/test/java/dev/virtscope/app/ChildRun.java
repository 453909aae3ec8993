package dev.virtscope.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A shipped command run as a user runs it: a child process without a display, its stdout and
 * stderr kept whole (through files, so a chatty child cannot block on a full pipe). Stdout is
 * decoded as ISO-8859-1, which keeps every byte, so it compares byte for byte with a stored file.
 */
final class ChildRun {
    record Result(int exit, String out, String err) {
    }

    private ChildRun() {
    }

    /** Runs cmd with DISPLAY and WAYLAND_DISPLAY unset; env may change the environment further first. */
    static Result run(List<String> cmd, java.util.function.Consumer<java.util.Map<String, String>> env) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().remove("DISPLAY");
        pb.environment().remove("WAYLAND_DISPLAY");
        env.accept(pb.environment());
        Path out = Files.createTempFile("virtscope-it", ".out");
        Path err = Files.createTempFile("virtscope-it", ".err");
        try {
            Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            // a bound so a hung child cannot hang the build, not a performance expectation
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(String.join(" ", cmd) + " did not finish");
            }
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.ISO_8859_1), Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    static Result run(List<String> cmd) throws IOException, InterruptedException {
        return run(cmd, e -> { });
    }
}
