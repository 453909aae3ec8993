package dev.virtscope.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * How builders filled apart are put together: columns that outgrow many blocks, parts appended with
 * their type ids renamed, payloads kept as slices of an input buffer and then copied into an arena
 * that several threads fill at once.
 */
class BuilderAppendTest {

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void eventsPastManyBlocksKeepTheirOrderAndValues() {
        // more events than the first blocks hold together (1 Ki, 2 Ki, 4 Ki, …)
        int n = 100_000;
        EventStoreBuilder b = new EventStoreBuilder();
        int t = b.eventType("e");
        byte[] x = ascii("p");
        for (int i = 0; i < n; i++) b.add(i, i % 7, 1000 + i % 5, t, b.payload(x, 0, 1));
        assertEquals(n, b.size());
        for (int i : new int[] {0, 1023, 1024, 3071, 3072, 65_000, n - 1}) {
            assertEquals(i, b.ts(i));
            assertEquals(i % 7, b.cpu(i));
        }
        EventStore s = b.build("test");
        assertEquals(n, s.size());
        for (int i = 0; i < n; i++) {
            assertEquals(i, s.ts(i));
            assertEquals(i % 7, s.cpu(i));
            assertEquals(1000 + i % 5, s.tid(i));
        }
        assertEquals((n + 6) / 7, s.eventsOnCpu(0).size());
        assertEquals(n / 5, s.eventsOfTask(s.tasks().indexOf(1000)).size());
    }

    @Test
    void appendedPartsFollowInOrderWithRenamedTypesAndTheirPayloads() {
        EventStoreBuilder out = new EventStoreBuilder();
        out.eventType("b"); // "b" is id 0 here, id 1 in the part
        EventStoreBuilder part = new EventStoreBuilder();
        int a = part.eventType("a");
        int bb = part.eventType("b");
        for (int i = 0; i < 3000; i++) {
            byte[] x = ascii("x" + i);
            part.add(10 + i, 0, 5, i % 2 == 0 ? a : bb, part.payload(x, 0, x.length));
        }
        EventStoreBuilder part2 = new EventStoreBuilder();
        int c = part2.eventType("b");
        byte[] y = ascii("last");
        part2.add(5000, 1, 6, c, part2.payload(y, 0, y.length));
        int[] map = {out.eventType("a"), out.eventType("b")};
        out.append(part, map);
        out.append(part2, new int[] {out.eventType("b")});
        EventStore s = out.build("test");
        assertEquals(3001, s.size());
        assertEquals("a", s.eventName(0));
        assertEquals("b", s.eventName(1));
        assertEquals("x2999", s.payloadString(2999));
        assertEquals("b", s.eventName(3000));
        assertEquals("last", s.payloadString(3000));
    }

    @Test
    void deferredPayloadsAreSlicesOfTheSourceUntilPlacedAndThenCopies() {
        byte[] source = ascii("alpha beta gamma");
        EventStoreBuilder b = new EventStoreBuilder();
        b.deferPayloads(source, 1);
        int t = b.eventType("e");
        b.add(1, 0, 1, t, b.payload(source, 0, 5));
        b.add(2, 0, 1, t, b.payload(source, 6, 4));
        byte[] other = ascii("joined\ntext");
        b.add(3, 0, 1, t, b.payload(other, 0, other.length)); // not in source: copied aside
        Payload p = new Payload();
        b.viewPayload(b.lastPayload(), p);
        assertEquals("joined\ntext", p.toString());
        b.placePayloads(b.arena);
        source[0] = 'X'; // the source may be reused once the payloads are placed
        other[0] = 'X';
        assertEquals(5 + 4 + 11, b.arena.payloadBytes());
        EventStore s = b.build("test");
        assertEquals("alpha", s.payloadString(0));
        assertEquals("beta", s.payloadString(1));
        assertEquals("joined\ntext", s.payloadString(2));
    }

    @Test
    void partsPlacedByManyThreadsIntoOneArenaAcrossPageEnds() throws InterruptedException {
        // each part's payloads total more than a page, so placements of different threads interleave
        // inside pages and every part opens pages of its own
        int parts = 6, perPart = 4000, len = 3000;
        EventStoreBuilder out = new EventStoreBuilder();
        int type = out.eventType("e");
        List<EventStoreBuilder> built = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int k = 0; k < parts; k++) {
            EventStoreBuilder part = new EventStoreBuilder();
            built.add(part);
            int id = k;
            threads.add(new Thread(() -> {
                byte[] src = new byte[perPart * len];
                part.deferPayloads(src, 100);
                int t = part.eventType("e");
                for (int i = 0; i < perPart; i++) {
                    byte v = (byte) ('a' + (id * 7 + i) % 26);
                    java.util.Arrays.fill(src, i * len, (i + 1) * len, v);
                    part.add((long) id * perPart + i, id, 100 + id, t, part.payload(src, i * len, len - i % 3));
                }
                part.placePayloads(out.arena);
            }));
        }
        for (Thread th : threads) th.start();
        for (Thread th : threads) th.join();
        for (EventStoreBuilder part : built) out.append(part, new int[] {type});
        EventStore s = out.build("test");
        assertEquals(parts * perPart, s.size());
        long bytes = 0;
        for (int i = 0; i < perPart; i++) bytes += len - i % 3;
        assertEquals(parts * bytes, s.arena().payloadBytes());
        for (int k = 0; k < parts; k++) {
            for (int i = 0; i < perPart; i++) {
                int e = k * perPart + i;
                String want = String.valueOf((char) ('a' + (k * 7 + i) % 26)).repeat(len - i % 3);
                assertEquals(want, s.payloadString(e), "part " + k + " event " + i);
            }
        }
    }
}
