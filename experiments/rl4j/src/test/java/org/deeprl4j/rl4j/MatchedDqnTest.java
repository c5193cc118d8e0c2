package org.deeprl4j.rl4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.deeplearning4j.rl4j.learning.configuration.QLearningConfiguration;
import org.deeplearning4j.rl4j.network.configuration.DQNDenseNetworkConfiguration;
import org.deeprl4j.agents.ConfigBinder;
import org.deeprl4j.agents.dqn.DqnConfig;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.learning.config.Adam;

/** The comparison's settings: the zoo preset, moved where RL4J cannot follow, and mapped to RL4J one to one. */
class MatchedDqnTest {
    private final MatchedDqn matched = MatchedDqn.forEnv("CartPole-v1", 50_000);

    @Test
    void startsFromTheZooPresetAndMovesOnlyWhatRl4jCannotExpress() {
        DqnConfig zoo = matched.zoo();
        DqnConfig ours = matched.config();
        assertEquals(2.3e-3, zoo.learningRate());
        assertEquals(256, zoo.trainFreq());
        assertEquals(zoo.learningRate(), ours.learningRate());
        assertEquals(zoo.batchSize(), ours.batchSize());
        assertEquals(zoo.bufferSize(), ours.bufferSize());
        assertEquals(zoo.gamma(), ours.gamma());
        // the zoo syncs the target once per round of 128 gradient steps; with a step per env step that is every 128
        assertEquals(10, zoo.targetUpdateInterval());
        assertEquals(128, ours.targetUpdateInterval());
        assertEquals(zoo.explorationFraction(), ours.explorationFraction());
        assertEquals(zoo.explorationFinalEps(), ours.explorationFinalEps());
        assertEquals(zoo.netArch(), ours.netArch());
        assertEquals(1, ours.trainFreq());
        assertEquals(1, ours.gradientSteps());
        assertEquals(ours.batchSize(), ours.learningStarts());
        assertEquals(0.0, ours.maxGradNorm());
        assertEquals("huber", ours.loss());
        assertEquals(500, matched.maxEpisodeSteps());
    }

    @Test
    void rl4jGetsTheSameSettings() {
        DqnConfig ours = matched.config();
        QLearningConfiguration q = matched.rl4jLearning(7);
        assertEquals(7L, q.getSeed());
        assertEquals(50_000, q.getMaxStep());
        assertEquals(500, q.getMaxEpochStep());
        assertEquals(ours.gamma(), q.getGamma());
        assertEquals(ours.batchSize(), q.getBatchSize());
        assertEquals(ours.bufferSize(), q.getExpRepMaxSize());
        assertEquals(ours.targetUpdateInterval(), q.getTargetDqnUpdateFreq());
        assertEquals(ours.explorationFinalEps(), q.getMinEpsilon());
        assertEquals(0, q.getUpdateStart());
        assertEquals(1.0, q.getErrorClamp());
        assertEquals(1.0, q.getRewardFactor());
        assertFalse(q.isDoubleDQN());
        DQNDenseNetworkConfiguration net = matched.rl4jNetwork();
        assertEquals(ours.netArch().size(), net.getNumLayers());
        assertEquals(ours.netArch().get(0), net.getNumHiddenNodes());
        assertEquals(ours.learningRate(), ((Adam) net.getUpdater()).getLearningRate());
        assertEquals(List.of(), net.getListeners());
    }

    @Test
    void targetSyncsKeepTheZoosGradientStepsPerSync() {
        DqnConfig zoo = matched.zoo();
        assertEquals(128, MatchedDqn.gradientStepsPerTargetSync(zoo));
        Map<String, Object> everyStep = Map.of("train_freq", 1, "gradient_steps", 1,
                "target_update_interval", 500);
        assertEquals(500, MatchedDqn.gradientStepsPerTargetSync(ConfigBinder.override(zoo, everyStep)));
        Map<String, Object> slowTarget = Map.of("train_freq", 4, "gradient_steps", 1,
                "target_update_interval", 1000);
        assertEquals(250, MatchedDqn.gradientStepsPerTargetSync(ConfigBinder.override(zoo, slowTarget)));
    }

    @Test
    void rl4jEpsilonFollowsTheSameLine() {
        DqnConfig ours = matched.config();
        int nb = matched.rl4jEpsilonSteps();
        // RL4J: max(min, 1 - step / nb); deeprl4j: 1 - (1 - final) * step / (fraction * steps)
        for (long step : new long[] {0, 1_000, 4_000, 7_000, 7_999}) {
            double rl4j = Math.max(ours.explorationFinalEps(), 1.0 - (double) step / nb);
            double deeprl4j = 1 - (1 - ours.explorationFinalEps()) * step / (ours.explorationFraction() * matched.steps());
            assertEquals(deeprl4j, rl4j, 1e-4, "epsilon at step " + step);
        }
        assertEquals(ours.explorationFinalEps(), Math.max(ours.explorationFinalEps(), 1.0 - 8_000.0 / nb), 1e-4);
    }

    @Test
    void mismatchesAreListed() {
        String all = String.join("\n", matched.mismatches());
        assertTrue(all.contains("train_freq 256") && all.contains("learning_starts 1000") && all.contains("max_grad_norm")
                && all.contains("target_update_interval 10") && all.contains("Xavier"), all);
    }

    @Test
    void badSettingsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> MatchedDqn.forEnv("CartPole-v1", 3_000_000_000L));
        assertThrows(IllegalArgumentException.class, () -> MatchedDqn.forEnv("Identity-v0", 1000),
                "Identity-v0 has no TimeLimit");
    }
}
