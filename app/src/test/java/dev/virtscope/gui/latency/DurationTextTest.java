package dev.virtscope.gui.latency;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Durations as typed into the bucket width and outlier threshold fields. */
class DurationTextTest {
    @Test
    void numbersAreNanosecondsAndUnitsScaleThem() {
        assertEquals(500, DurationText.parse("500"));
        assertEquals(500, DurationText.parse("500ns"));
        assertEquals(2_000, DurationText.parse("2us"));
        assertEquals(2_000, DurationText.parse("2 µs"));
        assertEquals(1_500_000, DurationText.parse("1.5ms"));
        assertEquals(1_000_000_000, DurationText.parse("1s"));
        assertEquals(250_000, DurationText.parse(" 250US "));
    }

    @Test
    void anythingElseIsRejected() {
        assertEquals(-1, DurationText.parse(""));
        assertEquals(-1, DurationText.parse("fast"));
        assertEquals(-1, DurationText.parse("-5us"));
        assertEquals(-1, DurationText.parse("1 hour"));
        assertEquals(-1, DurationText.parse(null));
    }
}
