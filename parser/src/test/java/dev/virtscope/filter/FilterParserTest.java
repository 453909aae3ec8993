package dev.virtscope.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;

import org.junit.jupiter.api.Test;

import dev.virtscope.Samples;
import dev.virtscope.format.TraceLoader;
import dev.virtscope.store.EventStore;

/** The expression grammar and its error messages: where the problem is and what was expected. */
class FilterParserTest {
    @Test
    void precedenceIsNotThenAndThenOr() throws Exception {
        FilterExpr e = FilterParser.parse("a || b && !c");
        FilterExpr.Or or = assertInstanceOf(FilterExpr.Or.class, e);
        assertInstanceOf(FilterExpr.Has.class, or.left());
        FilterExpr.And and = assertInstanceOf(FilterExpr.And.class, or.right());
        assertInstanceOf(FilterExpr.Not.class, and.right());
        FilterExpr.And grouped = assertInstanceOf(FilterExpr.And.class, FilterParser.parse("(a || b) && c"));
        assertInstanceOf(FilterExpr.Or.class, grouped.left());
    }

    @Test
    void columnsFieldsAndLiterals() throws Exception {
        FilterExpr.Compare c = assertInstanceOf(FilterExpr.Compare.class, FilterParser.parse("comm =~ \"CPU \\\"x\\\" .*/KVM\""));
        assertEquals(new FilterExpr.ColumnRef(FilterExpr.Column.COMM, 0), c.left());
        assertEquals("CPU \"x\" .*/KVM", ((FilterExpr.Text) c.right()).value());
        FilterExpr.Compare f = (FilterExpr.Compare) FilterParser.parse("@comm != \"bash\"");
        assertEquals(new FilterExpr.FieldRef("comm", 0), f.left(), "@ names the payload field");
        FilterExpr.Compare h = (FilterExpr.Compare) FilterParser.parse("rip >= 0xFFff");
        assertEquals(0xffff, ((FilterExpr.Number) h.right()).asLong());
        FilterExpr.Compare neg = (FilterExpr.Compare) FilterParser.parse("ret<-1");
        assertEquals(-1, ((FilterExpr.Number) neg.right()).asLong());
    }

    @Test
    void errorsSayWhereAndWhatWasExpected() {
        error("reason == ", 10, "expected a value (\"text\" or a number) after '==', found end of expression");
        error("reason = \"npf\"", 7, "expected '==' or '=~' (a single '=' is not an operator)");
        error("vcpu == 1 & cpu == 0", 10, "expected '&&' (a single '&' is not an operator)");
        error("(vcpu == 1", 10, "expected ')' to close the '(' at column 1, found end of expression");
        error("vcpu == 1)", 9, "expected '&&', '||' or end of expression, found ')' (no '(' is open)");
        error("comm =~ \"CPU", 8, "string starting here has no closing '\"'");
        error("cpu 1", 4, "expected an operator (==, !=, <, <=, >, >=, =~) after column 'cpu', found number 1");
        error("&& x", 0, "expected a condition (a column or field, '!' or '(') , found '&&'".replace(" ,", ","));
        error("comm =~ npf", 8, "expected a regular expression in double quotes after '=~'");
        error("1 == 2", 0, "a comparison needs a column or field on one side");
        error("reason == 'npf'", 10, "strings are written in double quotes: \"...\"");
        error("vcpu == 12ab", 8, "'12a' is not a number (decimal, or hex with 0x)");
        error("a < b < c", 6, "expected '&&', '||' or end of expression, found '<' (comparisons do not chain: join them with && or ||)");
        error("   ", 0, "the expression is empty");
    }

    @Test
    void typeErrorsAndBadRegexesAreFoundWhenCompiling() throws IOException {
        EventStore s = TraceLoader.standard().load(Samples.path("generated/ftrace/trace-variant-tgid.txt")).events();
        compileError(s, "cpu == \"1\"", 7, "cpu is a number: compare it with a number, not a string");
        compileError(s, "event == 3", 9, "event is a name: compare it with a string in double quotes");
        compileError(s, "comm =~ \"CPU (\"", 8, "bad regular expression: Unclosed group near index 5 of \"CPU (\"");
        compileError(s, "tid > 1.5", 6, "tid is a whole number, not 1.5");
    }

    private static void error(String src, int position, String detail) {
        FilterSyntaxException e = assertThrows(FilterSyntaxException.class, () -> FilterParser.parse(src));
        assertEquals(detail, e.detail());
        assertEquals(position, e.position());
        assertEquals("column " + (position + 1) + ": " + detail, e.getMessage());
    }

    private static void compileError(EventStore s, String src, int position, String detail) {
        FilterSyntaxException e = assertThrows(FilterSyntaxException.class, () -> CompiledFilter.compile(src, s));
        assertEquals(detail, e.detail());
        assertEquals(position, e.position());
    }
}
