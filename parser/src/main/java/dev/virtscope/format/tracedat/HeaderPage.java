package dev.virtscope.format.tracedat;

/**
 * The ring-buffer page header layout, from the file's {@code header_page} text (the kernel's
 * events/header_page): where {@code commit} is and how wide (the kernel's long, 4 or 8 bytes,
 * which may differ from the user-space long size in the file header), and where data starts.
 */
final class HeaderPage {
    final int commitSize;
    final int dataOffset;

    private HeaderPage(int commitSize, int dataOffset) {
        this.commitSize = commitSize;
        this.dataOffset = dataOffset;
    }

    static HeaderPage parse(String text, int userLongSize) {
        int commit = -1;
        int data = -1;
        for (String line : text.split("\n")) {
            String t = line.trim();
            if (!t.startsWith("field:")) continue;
            EventFormat.Field f = EventFormat.parseField(t);
            if (f == null) continue;
            if (f.name.equals("commit")) commit = f.size;
            else if (f.name.equals("data")) data = f.offset;
        }
        if (commit != 4 && commit != 8) commit = userLongSize == 4 ? 4 : 8;
        if (data < 8 + commit) data = 8 + commit;
        return new HeaderPage(commit, data);
    }
}
