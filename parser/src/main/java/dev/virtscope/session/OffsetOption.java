package dev.virtscope.session;

/**
 * A user's clock offset for one file, as given on the command line: {@code FILE=NS}
 * (nanoseconds added to that file's timestamps; may be negative). The file part is matched
 * against the session's files by exact path or by file name.
 */
public record OffsetOption(String file, long ns) {

    public static OffsetOption parse(String spec) {
        int eq = spec.lastIndexOf('=');
        if (eq <= 0 || eq == spec.length() - 1) {
            throw new IllegalArgumentException("--offset expects FILE=NS (nanoseconds), got '" + spec + "'");
        }
        try {
            return new OffsetOption(spec.substring(0, eq), Long.parseLong(spec.substring(eq + 1).strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--offset " + spec + ": '" + spec.substring(eq + 1) + "' is not a whole number of nanoseconds");
        }
    }

    /** Applies this offset to the matching file of a session; false if no file matches. */
    public boolean applyTo(Session s) {
        for (int f = 0; f < s.files(); f++) {
            String src = s.trace(f).source();
            java.nio.file.Path name = java.nio.file.Path.of(src).getFileName();
            if (src.equals(file) || (name != null && name.toString().equals(file))) {
                s.setOffset(f, ns);
                return true;
            }
        }
        return false;
    }
}
