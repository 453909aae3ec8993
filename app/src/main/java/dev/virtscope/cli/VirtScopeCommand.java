package dev.virtscope.cli;

import java.util.List;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code virtscope} command: subcommands for headless work, or FILE… to open the GUI. */
@Command(name = "virtscope", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Trace viewer for QEMU/KVM performance work.%n"
                + "  virtscope FILE...          open the files in the window (headless: print a summary)%n"
                + "  virtscope SUBCOMMAND ...   run headless",
        subcommands = {CommandLine.HelpCommand.class})
public final class VirtScopeCommand implements Runnable {

    /** Every headless subcommand; each is a class of its own in this package. */
    static List<Object> subcommands() {
        return List.of(new InfoCommand(), new KvmStatCommand(), new HistogramCommand(), new FoldCommand(), new FlameGraphCommand());
    }

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new VirtScopeCommand());
        for (Object sub : subcommands()) cl.addSubcommand(sub);
        // picocli does not pass the version provider down: without this, `virtscope info --version` prints nothing
        for (CommandLine sub : cl.getSubcommands().values()) sub.getCommandSpec().versionProvider(new Version());
        cl.setExecutionExceptionHandler((ex, line, parse) -> {
            line.getErr().println("virtscope: " + ex.getMessage());
            return ExitCodes.BAD_INPUT;
        });
        return cl;
    }

    public static int run(String[] args) {
        if (args.length > 1 && args[0].equals("fold")) {
            Integer quick = FoldCommand.fast(args);
            if (quick != null) return quick;
        }
        CommandLine cl = commandLine();
        // no arguments at a desktop: an empty window (File → Open…); without a display: the usage
        if (args.length == 0 && dev.virtscope.gui.VirtScopeApp.displayAvailable()) return OpenFiles.run(args);
        if (args.length > 0 && !args[0].startsWith("-") && !cl.getSubcommands().containsKey(args[0])) {
            return OpenFiles.run(args);
        }
        return cl.execute(args);
    }

    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }
}
