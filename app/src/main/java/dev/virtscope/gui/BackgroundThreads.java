package dev.virtscope.gui;

import java.util.concurrent.ThreadFactory;

/**
 * Threads for the window's long work — loading, analyses, filters, flame graphs — made at the lowest
 * Java priority, so that on a machine with few cores the FX and render threads win the CPU while a
 * trace loads (the parser's own worker threads inherit the priority of the thread that starts them).
 *
 * <p>On Linux the JVM maps Java priorities to thread nice values only with
 * {@code -XX:ThreadPriorityPolicy=1}; the launchers pass it with a mapping that only ever lowers a
 * thread (the resource {@code jvm-options} beside this class, {@link #jvmOptions()}), which needs
 * no privilege. Without those options the priority is ignored and nothing else changes.
 */
public final class BackgroundThreads {
    /** The JVM options the launchers give the window (the {@code jvm-options} resource, comments left out). */
    public static java.util.List<String> jvmOptions() {
        try (var in = BackgroundThreads.class.getResourceAsStream("jvm-options")) {
            if (in == null) throw new IllegalStateException("jvm-options resource missing");
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines()
                    .map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private BackgroundThreads() {
    }

    /** A started daemon thread at the lowest priority. */
    public static Thread start(Runnable work, String name) {
        Thread t = create(work, name);
        t.start();
        return t;
    }

    /** A daemon thread at the lowest priority, not started. */
    public static Thread create(Runnable work, String name) {
        Thread t = new Thread(work, name);
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        return t;
    }

    /** A factory of such threads, all with the same name, for single-thread executors. */
    public static ThreadFactory factory(String name) {
        return r -> create(r, name);
    }
}
