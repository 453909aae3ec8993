package dev.virtscope.gui;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One window process per user: the first GUI launch listens on a loopback port; a later launch
 * (a double-clicked file, {@code virtscope FILE} in a shell) hands its files to it and exits.
 *
 * <p>The first instance writes its port and a random token to a state file (default
 * {@code ~/.config/virtscope/instance}, readable by the owner only). A second launch reads that
 * file, connects to 127.0.0.1, sends the token and the absolute paths, and waits for a one-byte
 * acknowledgement. The token keeps other local users (who can connect to loopback but cannot read
 * the file) from making the window open files. A stale file (crashed instance) simply fails to
 * connect, and the new launch takes over.
 *
 * <p>The callback runs on the listener thread: GUI code hands the list to its UI thread.
 * An empty list means "a launch without files": open a new empty window or bring one to front.
 */
public final class SingleInstance implements AutoCloseable {
    private static final String MAGIC = "virtscope-open/1";
    /** A second launch never sends more files than a command line can hold; bounds a bad client. */
    private static final int MAX_FILES = 65_536;
    private static final int CONNECT_TIMEOUT_MS = 1_000;
    private static final int IO_TIMEOUT_MS = 5_000;
    private static final byte ACCEPTED = 1;
    private static final byte REFUSED = 0;

    private final Path stateFile;
    private final ServerSocket server;
    private final byte[] token;
    private final Consumer<List<Path>> onOpen;
    private final Thread listener;

    private SingleInstance(Path stateFile, ServerSocket server, byte[] token, Consumer<List<Path>> onOpen) {
        this.stateFile = stateFile;
        this.server = server;
        this.token = token;
        this.onOpen = onOpen;
        this.listener = new Thread(this::acceptLoop, "virtscope-single-instance");
        this.listener.setDaemon(true);
    }

    /** {@code $XDG_CONFIG_HOME/virtscope/instance}, or {@code ~/.config/virtscope/instance}. */
    public static Path defaultStateFile() {
        return defaultStateFile(System.getenv(), System.getProperty("user.home"));
    }

    static Path defaultStateFile(Map<String, String> env, String userHome) {
        String xdg = env.get("XDG_CONFIG_HOME");
        Path config = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()
                ? Path.of(xdg) : Path.of(userHome, ".config");
        return config.resolve("virtscope").resolve("instance");
    }

    /**
     * Hands {@code files} to a running instance and returns empty (the caller exits with 0), or,
     * when none answers, becomes the running instance: the returned handle listens until closed
     * and passes every later launch's files to {@code onOpen}.
     */
    public static Optional<SingleInstance> startOrForward(Path stateFile, List<Path> files,
            Consumer<List<Path>> onOpen) throws IOException {
        // The decision and the state-file write happen under a lock so two simultaneous
        // launches cannot both become listeners.
        synchronized (SingleInstance.class) {
            createPrivateDirectory(stateFile.toAbsolutePath().getParent());
            Path lockFile = stateFile.resolveSibling(stateFile.getFileName() + ".lock");
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = channel.lock()) {
                if (forward(stateFile, files)) return Optional.empty();
                return Optional.of(listen(stateFile, onOpen));
            }
        }
    }

    /** Sends the files to the instance named in {@code stateFile}; true when it accepted them. */
    public static boolean forward(Path stateFile, List<Path> files) {
        Optional<Endpoint> endpoint = Endpoint.read(stateFile);
        if (endpoint.isEmpty()) return false;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), endpoint.get().port), CONNECT_TIMEOUT_MS);
            socket.setSoTimeout(IO_TIMEOUT_MS);
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream()));
            out.writeUTF(MAGIC);
            out.writeUTF(endpoint.get().token);
            out.writeInt(files.size());
            for (Path file : files) out.writeUTF(file.toAbsolutePath().normalize().toString());
            out.flush();
            return socket.getInputStream().read() == ACCEPTED;
        } catch (IOException e) {
            return false; // nobody (or something else) listens there: the caller becomes the instance
        }
    }

    /** Becomes the running instance: binds a loopback port, publishes it, starts listening. */
    static SingleInstance listen(Path stateFile, Consumer<List<Path>> onOpen) throws IOException {
        ServerSocket server = new ServerSocket(0, 16, InetAddress.getLoopbackAddress());
        try {
            byte[] raw = new byte[16];
            new SecureRandom().nextBytes(raw);
            byte[] token = HexFormat.of().formatHex(raw).getBytes(StandardCharsets.US_ASCII);
            new Endpoint(server.getLocalPort(), new String(token, StandardCharsets.US_ASCII)).write(stateFile);
            SingleInstance instance = new SingleInstance(stateFile, server, token, onOpen);
            instance.listener.start();
            return instance;
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Stops listening and removes the state file unless a newer instance has replaced it. */
    @Override
    public void close() {
        try {
            server.close();
            listener.join(IO_TIMEOUT_MS);
            Optional<Endpoint> current = Endpoint.read(stateFile);
            if (current.isPresent() && current.get().port == server.getLocalPort()
                    && MessageDigest.isEqual(current.get().token.getBytes(StandardCharsets.US_ASCII), token)) {
                Files.deleteIfExists(stateFile);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try (Socket socket = server.accept()) {
                socket.setSoTimeout(IO_TIMEOUT_MS);
                List<Path> files = receive(socket);
                socket.getOutputStream().write(files == null ? REFUSED : ACCEPTED);
                socket.getOutputStream().flush();
                if (files != null) deliver(files);
            } catch (SocketException e) {
                if (server.isClosed()) return; // close() ends the loop
            } catch (IOException e) {
                // one bad or slow client must not stop the listener
            }
        }
    }

    /** The paths a client sent, or null when it is not a VirtScope launch with the right token. */
    private List<Path> receive(Socket socket) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
        if (!MAGIC.equals(in.readUTF())) return null;
        if (!MessageDigest.isEqual(in.readUTF().getBytes(StandardCharsets.US_ASCII), token)) return null;
        int count = in.readInt();
        if (count < 0 || count > MAX_FILES) return null;
        List<Path> files = new ArrayList<>(Math.min(count, 64));
        for (int i = 0; i < count; i++) {
            Path file = Path.of(in.readUTF());
            if (!file.isAbsolute()) return null;
            files.add(file);
        }
        return List.copyOf(files);
    }

    private void deliver(List<Path> files) {
        try {
            onOpen.accept(files);
        } catch (RuntimeException e) {
            // the window reports problems with a file itself; the listener keeps serving later launches
            // (said on stderr, not through the thread's uncaught-exception handler, which ends nothing here)
            System.err.println("virtscope: could not hand " + files + " to the window: " + e);
        }
    }

    private static boolean isPosix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    /** Folders created here are owner-only; an existing folder is left as the user set it. */
    private static void createPrivateDirectory(Path dir) throws IOException {
        if (Files.isDirectory(dir)) return;
        if (isPosix()) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } else {
            Files.createDirectories(dir);
        }
    }

    /** The state file's content: port on the first line, token on the second. */
    private record Endpoint(int port, String token) {
        static Optional<Endpoint> read(Path file) {
            try {
                List<String> lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
                if (lines.size() < 2) return Optional.empty();
                int port = Integer.parseInt(lines.get(0).trim());
                if (port <= 0 || port > 65_535) return Optional.empty();
                return Optional.of(new Endpoint(port, lines.get(1).trim()));
            } catch (IOException | NumberFormatException e) {
                return Optional.empty();
            }
        }

        /** Owner-only folder and file; written beside and moved into place so a reader never sees half. */
        void write(Path file) throws IOException {
            Path dir = file.toAbsolutePath().getParent();
            createPrivateDirectory(dir);
            Path tmp = isPosix()
                    ? Files.createTempFile(dir, ".instance", ".tmp", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                    : Files.createTempFile(dir, ".instance", ".tmp");
            try {
                Files.writeString(tmp, port + "\n" + token + "\n", StandardCharsets.US_ASCII);
                try {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        }
    }
}
