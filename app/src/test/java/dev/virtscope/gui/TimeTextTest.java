package dev.virtscope.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TimeTextTest {
    @Test
    void secondsWithMicrosecondsOrNanosecondsAndMicrosecondDeltas() {
        TimeText ns = TimeText.nanoseconds();
        assertEquals("1043.690100000", ns.absolute(1_043_690_100_000L));
        assertEquals("0.000000007", ns.absolute(7));
        assertEquals("6.000", ns.delta(6_000));
        assertEquals("0.042", ns.delta(42));
        assertEquals("1234.567", ns.delta(1_234_567));
        assertEquals("12.346 ms", ns.duration(12_345_678));
        assertEquals("1.500000 s", ns.duration(1_500_000_000L));
    }
}
