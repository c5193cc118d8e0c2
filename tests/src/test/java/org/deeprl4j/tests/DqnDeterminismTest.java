package org.deeprl4j.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.deeprl4j.experiments.TrainJob;
import org.deeprl4j.experiments.TrainOutcome;
import org.deeprl4j.experiments.TrainRunner;
import org.deeprl4j.nn.ModelFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Same seed, one thread: identical episode CSVs and identical parameters. */
class DqnDeterminismTest {
    @TempDir
    Path dir;

    private TrainOutcome run(String name, long seed) {
        // small CartPole run with frequent training so many gradient steps happen
        return TrainRunner.run(new TrainJob("dqn", "CartPole-v1", seed, 3000L, dir.resolve(name),
                Map.of("learning_starts", 500, "train_freq", 4, "gradient_steps", 1, "net_arch", java.util.List.of(64, 64),
                        "double_dqn", true, "prioritized", true, "n_step", 3),
                Map.of(), 0, 2), System.out);
    }

    @Test
    void sameSeedSameNumbers() throws Exception {
        TrainOutcome a = run("a", 5);
        TrainOutcome b = run("b", 5);
        TrainOutcome c = run("c", 6);
        String csvA = Files.readString(a.model().resolveSibling("episodes.csv"));
        String csvB = Files.readString(b.model().resolveSibling("episodes.csv"));
        String csvC = Files.readString(c.model().resolveSibling("episodes.csv"));
        assertTrue(csvA.lines().count() > 20, "enough episodes to compare");
        assertEquals(csvA, csvB);
        assertNotEquals(csvA, csvC, "another seed gives another run");
        var pa = ModelFile.loadAll(a.model()).network("q").params();
        var pb = ModelFile.loadAll(b.model()).network("q").params();
        var pc = ModelFile.loadAll(c.model()).network("q").params();
        assertEquals(pa, pb, "identical parameters");
        assertNotEquals(pa, pc);
    }
}
