package dev.virtscope.filter;

/**
 * A filter expression that cannot be parsed or compiled. The message names the column (1-based,
 * as an editor shows it) and what was expected there, e.g.
 * {@code column 12: expected a value ("text" or a number) after '==', found end of expression}.
 */
public final class FilterSyntaxException extends Exception {
    private final int position;
    private final String detail;

    public FilterSyntaxException(int position, String detail) {
        super("column " + (position + 1) + ": " + detail);
        this.position = position;
        this.detail = detail;
    }

    /** 0-based offset into the expression where the problem is. */
    public int position() {
        return position;
    }

    /** The message without the column. */
    public String detail() {
        return detail;
    }
}
