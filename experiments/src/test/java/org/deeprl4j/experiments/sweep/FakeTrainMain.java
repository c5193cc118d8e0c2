package org.deeprl4j.experiments.sweep;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.deeprl4j.experiments.report.FakeRun;

/**
 * Stands in for {@code deeprl4j train} in a child JVM: prints what it was given, then halts the JVM
 * with 134 (as an abort in native code would) for seed 1, else writes a finished run into {@code --out}.
 */
public final class FakeTrainMain {
    private FakeTrainMain() {
    }

    public static void main(String[] args) {
        List<String> a = List.of(args);
        long seed = Long.parseLong(a.get(a.indexOf("--seed") + 1));
        Path out = Path.of(a.get(a.indexOf("--out") + 1));
        System.out.println("args=" + String.join(" ", args));
        System.out.println("OMP_NUM_THREADS=" + System.getenv("OMP_NUM_THREADS"));
        System.out.println("maxPhysicalBytes=" + System.getProperty("org.bytedeco.javacpp.maxPhysicalBytes"));
        System.err.println("stderr line");
        System.out.flush();
        if (seed == 1) {
            Runtime.getRuntime().halt(134);
        }
        FakeRun.finished(out, "E-v0", seed, Map.of(), 1, 1, 1);
    }
}
