package dev.virtscope.bench;

/** One benchmark: measures, prints its figures (absolute and against a baseline of the same run). */
public interface Benchmark {
    /** Short id used on the command line ({@code ingest}, {@code fold}, …). */
    String id();

    String description();

    /** Runs and prints figures to out; work files go under workDir (never committed). */
    void run(java.nio.file.Path workDir, java.io.PrintStream out) throws Exception;
}
