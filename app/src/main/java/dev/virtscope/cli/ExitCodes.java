package dev.virtscope.cli;

/** Process exit codes shared by every subcommand (documented in docs/cli.md). */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int USAGE = 2;
    public static final int BAD_INPUT = 3;

    private ExitCodes() {
    }
}
