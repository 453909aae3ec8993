package dev.virtscope.gui;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Reads and writes {@link SavedSession} JSON with Jackson (plain data binding, no default typing,
 * so a file can never name classes to instantiate). Files from a newer VirtScope, damaged or
 * foreign files give a {@link Problem} with a sentence for the user, never a stack trace. Writes
 * go to a temporary file in the same folder, then replace the target in one rename, so a crash
 * mid-write leaves the old session intact.
 */
public final class SessionFiles {
    /** A session file that cannot be used, with the reason in words. */
    public static final class Problem extends Exception {
        Problem(String message) {
            super(message);
        }
    }

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES) // same version, extra fields: ignore them
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private SessionFiles() {
    }

    public static void write(Path file, SavedSession s) throws IOException {
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        try {
            MAPPER.writeValue(tmp.toFile(), s);
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    public static SavedSession read(Path file) throws Problem {
        String name = file.getFileName().toString();
        JsonNode root;
        try {
            root = MAPPER.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new Problem(name + " is not a VirtScope session: it is not valid JSON" + where(e.getLocation())
                    + " (" + e.getOriginalMessage() + ").");
        } catch (NoSuchFileException | java.io.FileNotFoundException e) {
            throw new Problem(name + " does not exist.");
        } catch (IOException e) {
            throw new Problem(name + " cannot be read: " + e.getMessage());
        }
        if (root == null || !root.isObject() || !root.has("version")) {
            throw new Problem(name + " is not a VirtScope session file (it has no \"version\" field).");
        }
        JsonNode v = root.get("version");
        if (!v.canConvertToInt() || !v.isIntegralNumber() || v.asInt() < 1) {
            throw new Problem(name + " is not a VirtScope session file (\"version\" is " + v + ", not a positive whole number).");
        }
        if (v.asInt() > SavedSession.VERSION) {
            throw new Problem(name + " was saved by a newer VirtScope (session format version " + v.asInt()
                    + "; this version reads up to " + SavedSession.VERSION + "). Update VirtScope to open it.");
        }
        SavedSession s;
        try {
            s = MAPPER.treeToValue(root, SavedSession.class);
        } catch (JsonProcessingException e) {
            throw new Problem(name + " is damaged: " + e.getOriginalMessage());
        }
        if (s.files() == null || s.files().isEmpty() || s.files().stream().anyMatch(f -> f == null || f.path() == null || f.path().isBlank())) {
            throw new Problem(name + " is damaged: it names no trace file.");
        }
        return s;
    }

    private static String where(JsonLocation l) {
        return l == null || l.getLineNr() < 1 ? "" : " at line " + l.getLineNr() + ", column " + l.getColumnNr();
    }
}
