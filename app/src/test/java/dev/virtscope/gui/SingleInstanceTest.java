package dev.virtscope.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two instances in one JVM talking over loopback, each test bounded and closing what it opened. */
class SingleInstanceTest {
    /** Upper bound for a delivery that normally takes milliseconds; a bound, not a measurement. */
    private static final long WAIT_S = 20;

    @TempDir
    Path dir;

    @Test
    void secondLaunchHandsItsFilesAsAbsolutePathsToTheFirstAndDoesNotListen() throws Exception {
        Path state = dir.resolve("config/virtscope/instance");
        BlockingQueue<List<Path>> opened = new LinkedBlockingQueue<>();
        Optional<SingleInstance> first = SingleInstance.startOrForward(state, List.of(), opened::add);
        assertTrue(first.isPresent(), "nothing runs yet: the first launch becomes the instance");
        try (SingleInstance running = first.get()) {
            Path withSpaces = dir.resolve("runs/guest boot trace.dat");
            Path relative = Path.of("some dir", "..", "perf script.txt");
            Optional<SingleInstance> second = SingleInstance.startOrForward(state, List.of(withSpaces, relative),
                    files -> fail("the second launch must not open anything itself"));

            assertTrue(second.isEmpty(), "an instance is running: the second launch forwards and exits");
            Path cwd = Path.of("").toAbsolutePath();
            assertEquals(List.of(withSpaces, cwd.resolve("perf script.txt")), opened.poll(WAIT_S, TimeUnit.SECONDS));
        }
    }

    @Test
    void launchWithoutFilesReachesTheRunningInstanceAsAnEmptyList() throws Exception {
        Path state = dir.resolve("instance");
        BlockingQueue<List<Path>> opened = new LinkedBlockingQueue<>();
        try (SingleInstance running = SingleInstance.startOrForward(state, List.of(), opened::add).orElseThrow()) {
            assertTrue(SingleInstance.forward(state, List.of()));
            assertEquals(List.of(), opened.poll(WAIT_S, TimeUnit.SECONDS));
        }
    }

    @Test
    void wrongTokenIsRefusedAndNothingIsOpened() throws Exception {
        Path state = dir.resolve("instance");
        BlockingQueue<List<Path>> opened = new LinkedBlockingQueue<>();
        try (SingleInstance running = SingleInstance.startOrForward(state, List.of(), opened::add).orElseThrow()) {
            List<String> published = Files.readAllLines(state);
            Path forged = dir.resolve("forged");
            Files.writeString(forged, running.port() + "\n" + "0".repeat(32) + "\n");

            assertFalse(SingleInstance.forward(forged, List.of(dir.resolve("evil.dat"))));

            // The listener serves connections in order: the next accepted delivery is the first one queued.
            Path good = dir.resolve("good.dat");
            assertTrue(SingleInstance.forward(state, List.of(good)));
            assertEquals(List.of(good), opened.poll(WAIT_S, TimeUnit.SECONDS));
            assertEquals(published, Files.readAllLines(state), "a refused client changes nothing");
        }
    }

    @Test
    void staleStateFileFromACrashedInstanceIsTakenOver() throws Exception {
        Path state = dir.resolve("instance");
        int deadPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            deadPort = s.getLocalPort();
        }
        Files.writeString(state, deadPort + "\n" + "ab".repeat(16) + "\n");

        BlockingQueue<List<Path>> opened = new LinkedBlockingQueue<>();
        Optional<SingleInstance> launch = SingleInstance.startOrForward(state, List.of(dir.resolve("a.folded")), opened::add);

        assertTrue(launch.isPresent(), "nobody answers on the stale port: this launch becomes the instance");
        try (SingleInstance running = launch.get()) {
            assertEquals(String.valueOf(running.port()), Files.readAllLines(state).get(0));
            assertNotEquals("ab".repeat(16), Files.readAllLines(state).get(1), "a fresh token is published");
            assertTrue(SingleInstance.forward(state, List.of(dir.resolve("b.folded"))));
            assertEquals(List.of(dir.resolve("b.folded")), opened.poll(WAIT_S, TimeUnit.SECONDS));
        }
    }

    @Test
    void closeStopsListeningAndRemovesTheStateFile() throws Exception {
        Path state = dir.resolve("instance");
        SingleInstance running = SingleInstance.startOrForward(state, List.of(), files -> { }).orElseThrow();
        assertTrue(Files.exists(state));
        running.close();

        assertFalse(Files.exists(state));
        Files.writeString(state, running.port() + "\nwhatever\n");
        assertFalse(SingleInstance.forward(state, List.of(dir.resolve("x.dat"))), "the port is closed");
    }

    @Test
    void closeLeavesTheStateFileOfANewerInstanceAlone() throws Exception {
        Path state = dir.resolve("instance");
        SingleInstance old = SingleInstance.listen(state, files -> { });
        try (SingleInstance newer = SingleInstance.listen(state, files -> { })) {
            old.close();
            assertEquals(String.valueOf(newer.port()), Files.readAllLines(state).get(0));
        }
    }

    @Test
    void aFailingCallbackDoesNotStopTheListener() throws Exception {
        Path state = dir.resolve("instance");
        BlockingQueue<List<Path>> opened = new LinkedBlockingQueue<>();
        ThrowsForOneFile first = new ThrowsForOneFile(opened);
        try (SingleInstance running = SingleInstance.startOrForward(state, List.of(), first).orElseThrow()) {
            assertTrue(SingleInstance.forward(state, List.of(dir.resolve("throws.dat"))));
            assertTrue(SingleInstance.forward(state, List.of(dir.resolve("next.dat"))));
            assertEquals(List.of(dir.resolve("next.dat")), opened.poll(WAIT_S, TimeUnit.SECONDS));
        }
    }

    @Test
    void stateFileIsReadableByItsOwnerOnly() throws Exception {
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        Path state = dir.resolve("fresh/virtscope/instance");
        try (SingleInstance running = SingleInstance.startOrForward(state, List.of(), files -> { }).orElseThrow()) {
            List<String> lines = Files.readAllLines(state, StandardCharsets.US_ASCII);
            assertEquals(2, lines.size());
            assertTrue(lines.get(1).matches("[0-9a-f]{32}"), lines.get(1));
            if (posix) {
                assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(state)));
                assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(state.getParent())));
            }
        }
    }

    @Test
    void stateFileLivesInTheXdgConfigFolder() {
        assertEquals(Path.of("/cfg/virtscope/instance"),
                SingleInstance.defaultStateFile(Map.of("XDG_CONFIG_HOME", "/cfg"), "/home/u"));
        assertEquals(Path.of("/home/u/.config/virtscope/instance"),
                SingleInstance.defaultStateFile(Map.of(), "/home/u"));
        assertEquals(Path.of("/home/u/.config/virtscope/instance"),
                SingleInstance.defaultStateFile(Map.of("XDG_CONFIG_HOME", "relative"), "/home/u"),
                "the XDG spec says to ignore a relative XDG_CONFIG_HOME");
    }

    /** Throws for a file named throws.dat, records everything else. */
    private record ThrowsForOneFile(BlockingQueue<List<Path>> opened) implements java.util.function.Consumer<List<Path>> {
        @Override
        public void accept(List<Path> files) {
            if (files.get(0).getFileName().toString().equals("throws.dat")) throw new IllegalStateException("simulated window failure");
            opened.add(files);
        }
    }
}
