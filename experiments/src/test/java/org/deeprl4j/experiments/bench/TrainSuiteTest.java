package org.deeprl4j.experiments.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrainSuiteTest {
    private static List<String> names(List<BenchResult> rows) {
        return rows.stream().map(BenchResult::name).toList();
    }

    @Test
    void zooPpoRowsHaveOurFiguresAndOnlyTheSb3ZooPeer() {
        List<TrainSuite.Run> runs = List.of(new TrainSuite.Run(1_000, 2.0, Double.NaN, -1, 100),
                new TrainSuite.Run(1_000, 0.5, 0.4, 800, 480));
        List<BenchResult> rows = TrainSuite.results(TrainVariant.PPO, 5_000, 7, runs);
        assertEquals(List.of("ppo CartPole-v1 train steps/s", "ppo CartPole-v1 time to 475", "SB3 zoo PPO train steps/s",
                "SB3 zoo PPO time to 475", "ppo CartPole-v1 train steps/s vs SB3 zoo PPO",
                "ppo CartPole-v1 time to 475 vs SB3 zoo PPO"), names(rows), "2 ours + 2 peers + 2 ratios");
        BenchResult throughput = rows.get(0);
        assertEquals(List.of(500.0, 2_000.0), throughput.samples());
        assertTrue(throughput.note().startsWith("rl-baselines3-zoo hyperparameters; whole runs of 5000 steps")
                && throughput.note().contains("seeds 7..8"), throughput.note());
        BenchResult time = rows.get(1);
        assertEquals("s", time.unit());
        assertEquals(0.4, time.median());
        assertTrue(time.note().startsWith("rl-baselines3-zoo hyperparameters;") && time.note().contains("in 1 of 2 runs")
                && time.note().contains("median step 800"), time.note());
        BenchResult vsSb3 = rows.get(4);
        assertEquals("ratio", vsSb3.unit());
        assertEquals(2_000 / 5_800.0, vsSb3.max(), 1e-12);
        assertEquals(0.4 / 5.4, rows.get(5).median(), 1e-12);
        rows.forEach(r -> assertFalse(r.name().contains("CleanRL"), "no CleanRL figure beside zoo settings: " + r.name()));
    }

    @Test
    void cleanRlPpoRowsCompareOnlyWithCleanRl() {
        List<BenchResult> rows = TrainSuite.results(TrainVariant.PPO_CLEANRL, 500_000, 0,
                List.of(new TrainSuite.Run(200_000, 20.0, 19.0, 190_000, 476)));
        assertEquals(List.of("ppo-cleanrl CartPole-v1 train steps/s", "ppo-cleanrl CartPole-v1 time to 475",
                "CleanRL ppo.py train steps/s", "CleanRL ppo.py time to 475",
                "ppo-cleanrl CartPole-v1 train steps/s vs CleanRL ppo.py",
                "ppo-cleanrl CartPole-v1 time to 475 vs CleanRL ppo.py"), names(rows));
        assertTrue(rows.get(0).note().startsWith("CleanRL ppo.py defaults (4 envs x 128 steps"), rows.get(0).note());
        assertTrue(rows.get(1).note().startsWith("CleanRL ppo.py defaults;"), rows.get(1).note());
        assertTrue(rows.get(2).note().contains("CleanRL ppo.py defaults"), rows.get(2).note());
        assertEquals(10_000 / 5_650.0, rows.get(4).median(), 1e-12);
        assertEquals(19.0 / 38, rows.get(5).median(), 1e-12);
    }

    @Test
    void dqnVariantsHaveThroughputPeersWithTheirOwnSettingsOnly() {
        List<TrainSuite.Run> runs = List.of(new TrainSuite.Run(100, 1.0, Double.NaN, -1, 20));
        List<BenchResult> zoo = TrainSuite.results(TrainVariant.DQN, 100, 0, runs);
        assertEquals(List.of("dqn CartPole-v1 train steps/s", "dqn CartPole-v1 time to 475", "SB3 zoo DQN train steps/s",
                "dqn CartPole-v1 train steps/s vs SB3 zoo DQN"), names(zoo), "2 ours + 1 peer + 1 ratio");
        assertTrue(Double.isNaN(zoo.get(1).median()), "never reached");
        assertEquals(100 / 1_300.0, zoo.get(3).median(), 1e-12);
        List<BenchResult> cleanRl = TrainSuite.results(TrainVariant.DQN_CLEANRL, 100, 0, runs);
        assertEquals(List.of("dqn-cleanrl CartPole-v1 train steps/s", "dqn-cleanrl CartPole-v1 time to 475",
                "CleanRL dqn.py train steps/s", "dqn-cleanrl CartPole-v1 train steps/s vs CleanRL dqn.py"), names(cleanRl));
        assertTrue(cleanRl.get(0).note().startsWith("CleanRL dqn.py defaults ([120, 84] relu"), cleanRl.get(0).note());
        assertEquals(100 / 6_000.0, cleanRl.get(3).median(), 1e-12);
    }

    @Test
    void aShortRealRunWithCleanRlSettingsStopsAtItsBudget() {
        TrainSuite.Run ppo = TrainSuite.runOnce(TrainVariant.PPO_CLEANRL, 0, 512); // one rollout of 4 envs x 128
        assertEquals(512, ppo.steps());
        assertTrue(ppo.seconds() > 0 && Double.isFinite(ppo.stepsPerSecond()));
        assertEquals(-1, ppo.stepTo475());
        assertTrue(Double.isNaN(ppo.secondsTo475()));
        assertTrue(ppo.movingAverage() > 0 && ppo.movingAverage() < 475, "random play: " + ppo.movingAverage());
    }

    @Test
    void settingsChooseBudgetsAndRejectBadValues() {
        assertEquals(50_000, new TrainSuite.Settings(List.of("dqn"), 1, 0, null, false).budget("dqn"), "zoo n_timesteps");
        assertEquals(100_000, new TrainSuite.Settings(List.of("ppo"), 1, 0, null, false).budget("ppo"));
        TrainSuite.Settings full = new TrainSuite.Settings(TrainVariant.names(), 1, 0, null, false);
        assertEquals(500_000, full.budget("ppo-cleanrl"), "CleanRL total_timesteps");
        assertEquals(500_000, full.budget("dqn-cleanrl"));
        TrainSuite.Settings quick = new TrainSuite.Settings(TrainVariant.names(), 1, 0, null, true);
        assertEquals(1_500, quick.budget("dqn"));
        assertEquals(2_048, quick.budget("ppo-cleanrl"));
        assertEquals(12_000, quick.budget("dqn-cleanrl"), "past learning_starts 10,000");
        assertEquals(77, new TrainSuite.Settings(TrainVariant.names(), 1, 0, 77L, true).budget("dqn-cleanrl"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new TrainSuite.Settings(List.of("sac"), 1, 0, null, false));
        assertTrue(e.getMessage().contains("'sac'") && e.getMessage().contains("dqn, ppo, dqn-cleanrl, ppo-cleanrl"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new TrainSuite.Settings(List.of(), 1, 0, null, false));
        assertThrows(IllegalArgumentException.class, () -> new TrainSuite.Settings(List.of("dqn"), 0, 0, null, false));
        assertThrows(IllegalArgumentException.class, () -> new TrainSuite.Settings(List.of("dqn"), 1, 0, 0L, false));
    }
}
