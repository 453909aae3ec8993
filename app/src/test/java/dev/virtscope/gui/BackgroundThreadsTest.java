package dev.virtscope.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * The window's background threads yield the CPU to the FX thread: with the launchers' JVM options
 * a thread from {@link BackgroundThreads} runs at nice 10, a normal thread at nice 0, and threads
 * it starts inherit its priority (the parser's workers are started by the loading thread), and
 * the JIT's compiler threads run at nice 10 as well.
 */
class BackgroundThreadsTest {
    /** Runs in a JVM started with the window's options: prints "name nice" for each probe thread. */
    public static void main(String[] args) throws Exception {
        Thread normal = Thread.currentThread();
        System.out.println("normal " + nice());
        Thread bg = BackgroundThreads.start(() -> {
            System.out.println("background " + nice());
            Thread child = new Thread(() -> System.out.println("child " + nice()));
            child.start();
            try {
                child.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "probe");
        bg.join();
        System.out.println("normal-after " + nice() + " " + normal.getPriority());
        System.out.println("jit " + compilerNice());
    }

    /** The nice value in a /proc stat line: field 19, counted after the command in parentheses. */
    private static String niceOf(String stat) {
        return stat.substring(stat.lastIndexOf(')') + 2).split(" ")[16];
    }

    /** The distinct nice values of the JIT's compiler threads ("C1 CompilerThre…", "C2 …"). */
    private static java.util.SortedSet<String> compilerNice() throws IOException {
        java.util.SortedSet<String> nice = new java.util.TreeSet<>();
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path t : tasks.toList()) {
                String st;
                try {
                    st = Files.readString(t.resolve("stat"), StandardCharsets.US_ASCII);
                } catch (IOException gone) {
                    continue;
                }
                String comm = st.substring(st.indexOf('(') + 1, st.lastIndexOf(')'));
                if (comm.matches("C[12] Compiler.*")) nice.add(niceOf(st));
            }
        }
        return nice;
    }

    /** This thread's nice value, from /proc/thread-self/stat. */
    private static String nice() {
        try {
            return niceOf(Files.readString(Path.of("/proc/thread-self/stat"), StandardCharsets.US_ASCII));
        } catch (IOException e) {
            return "?";
        }
    }

    @Test
    void backgroundThreadsAndTheirChildrenRunAtNiceTenWithTheLaunchersOptions() throws Exception {
        assumeTrue(Files.exists(Path.of("/proc/thread-self/stat")), "Linux: nice values are read from /proc");
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(BackgroundThreads.jvmOptions());
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), BackgroundThreadsTest.class.getName()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assumeTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        assertEquals(List.of("normal 0", "background 10", "child 10", "normal-after 0 5", "jit [10]"), out.lines().toList(), out);
    }
}
