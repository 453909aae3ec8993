package dev.virtscope.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * {@code virtscope FILE...}: the window when a display is available, otherwise the headless
 * summary of {@code virtscope info}, so the same command is useful over ssh.
 */
final class OpenFiles {
    private OpenFiles() {
    }

    static int run(String[] files) {
        return run(files, new PrintWriter(System.out, true), new PrintWriter(System.err, true), System.getenv());
    }

    static int run(String[] files, PrintWriter out, PrintWriter err, java.util.Map<String, String> env) {
        if (notBlank(env.get("DISPLAY")) || notBlank(env.get("WAYLAND_DISPLAY"))) {
            if (!dev.virtscope.gui.VirtScopeApp.launch(java.util.Arrays.stream(files).map(Path::of).toList())) {
                err.println("virtscope: handed to the VirtScope window already running");
                err.flush();
            }
            return ExitCodes.OK;
        }
        int code = ExitCodes.OK;
        for (String f : files) {
            Path p = Path.of(f);
            try {
                TraceSummary.of(InfoCommand.load(p)).print(out);
            } catch (IOException e) {
                err.println("virtscope: " + InfoCommand.describe(p, e));
                code = ExitCodes.BAD_INPUT;
            }
        }
        err.println("virtscope: the window needs a display (DISPLAY is not set); printed the summary (same as 'virtscope info')");
        err.flush();
        out.flush();
        return code;
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
