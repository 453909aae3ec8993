package dev.virtscope.gui.flame;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import dev.virtscope.Samples;
import dev.virtscope.analysis.kvm.KvmCallchainText;
import dev.virtscope.gui.MainWindow;
import dev.virtscope.gui.RecentFiles;
import dev.virtscope.gui.TraceReader;
import dev.virtscope.stack.flame.FlameTree;

/** The flame graph's filters (thread, time range, kvm exit reason) and the differential view, on real captures. */
@ExtendWith(ApplicationExtension.class)
class FlameFiltersTest {
    static final String TCG = "captured/perf-callchains/qemu-tcg-linux-smp2.perf-script.txt.xz";

    private MainWindow window;
    private Preferences prefs;

    @Start
    void start(Stage stage) {
        prefs = Preferences.userRoot().node("dev/virtscope/test/" + UUID.randomUUID());
        window = new MainWindow(stage, TraceReader.standard(), new RecentFiles(prefs));
        stage.show();
    }

    @AfterEach
    void forgetPreferences() throws BackingStoreException {
        prefs.removeNode();
    }

    @SuppressWarnings("unchecked")
    private static <T> void choose(FxRobot robot, String id, T item) {
        robot.interact(() -> ((ComboBox<T>) robot.lookup(id).queryAs(ComboBox.class)).setValue(item));
    }

    @Test
    void threadAndTimeRangeFiltersCountOnlyTheirSamples(FxRobot robot) throws Exception {
        FlameTabDriver fx = new FlameTabDriver(window, robot);
        Path perf = Samples.path(FlameTabTest.PERF);
        fx.open(perf);
        PerfSamples file = PerfSamples.read(perf);

        List<ThreadChoice> threads = fx.model().threads();
        assertEquals(ThreadChoice.ALL, threads.get(0));
        assertTrue(threads.get(1).label().startsWith("vCPU 0 · CPU 0/KVM"), threads.get(1).label());
        assertTrue(threads.get(2).label().startsWith("vCPU 1 · CPU 1/KVM"), threads.get(2).label());
        int tid1 = file.samples().stream().filter(s -> s.comm().equals("CPU 1/KVM")).findFirst().orElseThrow().tid();
        choose(robot, "#flame-thread", threads.get(2));
        fx.settle();
        assertEquals(file.period(s -> s.tid() == tid1), fx.tree().total(0), 1e-3);

        ThreadChoice qemu = threads.stream().filter(c -> c.label().startsWith("qemu-system-x86 (all threads")).findFirst().orElseThrow();
        choose(robot, "#flame-thread", qemu);
        fx.settle();
        assertEquals(file.period(s -> s.comm().equals("qemu-system-x86")), fx.tree().total(0), 1e-3);
        choose(robot, "#flame-thread", ThreadChoice.ALL);

        // the timeline's selected range (both ends inclusive), followed while it changes
        long a = file.samples().get(100).ns(), b = file.samples().get(400).ns();
        robot.interact(() -> window.session().selection().selectRange(a, b));
        robot.clickOn("#flame-range");
        fx.settle();
        assertEquals(file.period(s -> s.ns() >= a && s.ns() <= b), fx.tree().total(0), 1e-3);
        long c = file.samples().get(500).ns();
        robot.interact(() -> window.session().selection().selectRange(a, c));
        fx.settle();
        assertEquals(file.period(s -> s.ns() >= a && s.ns() <= c), fx.tree().total(0), 1e-3);
        robot.clickOn("#flame-range");
        fx.settle();
        assertEquals(file.period(s -> true), fx.tree().total(0), 1e-3);
    }

    @Test
    void onlySamplesTakenWhileTheVcpuWasInAnExitOfOneReason(FxRobot robot, @TempDir Path tmp) throws Exception {
        KvmCallchainText text = new KvmCallchainText();
        FlameTabDriver fx = new FlameTabDriver(window, robot);
        fx.open(text.write(tmp));
        FlameTabDriver.waitFor(() -> fx.model().exitReasons().size() > 1);
        ExitChoice io = fx.model().exitReasons().stream().filter(e -> e.label().startsWith("In io exits")).findFirst().orElseThrow();
        choose(robot, "#flame-exit", io);
        fx.settle();
        // tracepoint samples have no period: each counts 1
        assertEquals(text.samplesInExits("io"), fx.tree().total(0), 1e-9);

        // only vCPU 0 exits in this capture: its thread keeps the io samples, vCPU 1's thread has none
        int vcpu0 = text.lines.stream().filter(l -> l.event().equals("kvm:kvm_exit") && l.rest().contains("vcpu 0 ")).findFirst().orElseThrow().tid();
        ThreadChoice t0 = fx.model().threads().get(1);
        assertEquals(vcpu0, t0.tid(), t0.label());
        choose(robot, "#flame-thread", t0);
        fx.settle();
        assertEquals(text.samplesInExits("io", vcpu0), fx.tree().total(0), 1e-9);
        assertTrue(fx.tree().total(0) > 0);
        ThreadChoice t1 = fx.model().threads().get(2);
        assertTrue(t1.label().startsWith("vCPU 1"), t1.label());
        choose(robot, "#flame-thread", t1);
        fx.settle();
        assertEquals(0, text.samplesInExits("io", t1.tid()));
        assertEquals(0, fx.tree().total(0), 1e-9);
        assertEquals("No samples match the filters", robot.lookup("#flame-details").queryAs(Label.class).getText());
        choose(robot, "#flame-exit", ExitChoice.ANY);
        fx.settle();
        assertEquals(text.lines.stream().filter(l -> l.tid() == t1.tid()).count(), fx.tree().total(0), 1e-9);
    }

    @Test
    void differentialViewAgainstASecondProfile(FxRobot robot) throws Exception {
        FlameTabDriver fx = new FlameTabDriver(window, robot);
        Path kvm = Samples.path(FlameTabTest.PERF), tcg = Samples.path(TCG);
        fx.open(kvm);
        PerfSamples after = PerfSamples.read(kvm), before = PerfSamples.read(tcg);
        robot.interact(() -> fx.model().compareWith(tcg));
        fx.settle();
        FlameTree t = fx.tree();
        assertTrue(t.differential());
        double k = (double) after.period(s -> true) / before.period(s -> true);
        assertEquals(t.total(0), t.base(0), 1e-3, "baseline normalised to the same total");
        int qemu = fx.child(0, "qemu-system-x86");
        assertEquals(after.period(s -> s.comm().equals("qemu-system-x86")), t.total(qemu), 1e-3);
        assertEquals(before.period(s -> s.comm().equals("qemu-system-x86")) * k, t.base(qemu), 1e-3);
        assertTrue(robot.lookup("#flame-baseline").queryAs(Label.class).getText().contains("qemu-tcg-linux-smp2"));

        double[] b = fx.canvas().boundsOf(qemu);
        robot.moveTo(fx.canvas().canvas().localToScreen(b[0] + b[2] / 2, b[1] + 2));
        String details = robot.lookup("#flame-details").queryAs(Label.class).getText();
        assertTrue(details.startsWith("qemu-system-x86 (") && details.contains("; baseline "), details);

        robot.clickOn("#flame-normalize");
        fx.settle();
        assertEquals(before.period(s -> true), fx.tree().base(0), 1e-3, "without normalising: the baseline's own total");
        robot.clickOn("#flame-compare-clear");
        fx.settle();
        assertFalse(fx.tree().differential());
        assertEquals(String.format(Locale.ROOT, "%d", after.period(s -> true)), String.format(Locale.ROOT, "%.0f", fx.tree().total(0)));
    }
}
