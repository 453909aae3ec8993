package dev.virtscope.app;

import dev.virtscope.cli.VirtScopeCommand;

/**
 * Entry point of the jar. It must not extend javafx.application.Application: a fat jar on the
 * classpath can only start JavaFX through a plain main class. Subcommands run headless; a bare
 * FILE opens the window when a display exists, else prints the headless summary.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        System.exit(VirtScopeCommand.run(args));
    }
}
