package dev.virtscope.cli;

/**
 * {@code virtscope FILE...}: the window when a display is available, otherwise the headless
 * summary of {@code virtscope info}, so the same command is useful over ssh.
 */
final class OpenFiles {
    private OpenFiles() {
    }

    static int run(String[] files) {
        if (dev.virtscope.gui.VirtScopeApp.displayAvailable()) {
            dev.virtscope.gui.VirtScopeApp.launch(java.util.Arrays.stream(files).map(java.nio.file.Path::of).toList());
            return ExitCodes.OK;
        }
        System.err.println("virtscope: no display to open a window on (DISPLAY is not set); use a subcommand (virtscope --help)");
        return ExitCodes.USAGE;
    }
}
