package org.deeprl4j.experiments.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.deeprl4j.agents.dqn.DqnConfig;
import org.deeprl4j.agents.ppo.PpoConfig;
import org.deeprl4j.experiments.TrainJob;
import org.junit.jupiter.api.Test;

class TrainVariantTest {
    @Test
    void fourVariantsInTableOrderFoundByName() {
        assertEquals(List.of("dqn", "ppo", "dqn-cleanrl", "ppo-cleanrl"), TrainVariant.names());
        assertSame(TrainVariant.PPO_CLEANRL, TrainVariant.named("ppo-cleanrl"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TrainVariant.named("ppo-sb3"));
        assertTrue(e.getMessage().contains("'ppo-sb3'") && e.getMessage().contains("dqn, ppo, dqn-cleanrl, ppo-cleanrl"),
                e.getMessage());
    }

    @Test
    void eachVariantIsComparedOnlyWithThePeerThatUsedItsSettings() {
        assertEquals(List.of(Reference.SB3_DQN_STEPS), TrainVariant.DQN.peers());
        assertEquals(List.of(Reference.SB3_PPO_STEPS, Reference.SB3_PPO_TIME), TrainVariant.PPO.peers());
        assertEquals(List.of(Reference.CLEANRL_DQN_STEPS), TrainVariant.DQN_CLEANRL.peers());
        assertEquals(List.of(Reference.CLEANRL_PPO_STEPS, Reference.CLEANRL_PPO_TIME), TrainVariant.PPO_CLEANRL.peers());
        for (TrainVariant v : TrainVariant.ALL) {
            boolean cleanRl = v.name().endsWith("-cleanrl");
            v.peers().forEach(p -> assertEquals(cleanRl, p.label().startsWith("CleanRL"), v.name() + " vs " + p.label()));
            assertEquals(cleanRl ? "CleanRL " + v.algo() + ".py defaults" : "rl-baselines3-zoo hyperparameters", v.shortSettings());
        }
    }

    @Test
    void cleanRlPpoOverridesResolveToCleanRlsPpoDefaults() {
        PpoConfig c = assertInstanceOf(PpoConfig.class, TrainVariant.PPO_CLEANRL.resolvedConfig());
        assertEquals(4, c.numEnvs());
        assertEquals(128, c.nSteps());
        assertEquals(128, c.batchSize(), "4 minibatches of the 512-step rollout");
        assertEquals(4, c.nEpochs());
        assertEquals(2.5e-4, c.learningRate());
        assertEquals("linear", c.lrSchedule(), "anneal_lr");
        assertEquals(0.99, c.gamma());
        assertEquals(0.95, c.gaeLambda());
        assertEquals(0.2, c.clipRange());
        assertEquals("constant", c.clipRangeSchedule(), "the zoo preset's linear clip schedule must not leak in");
        assertEquals(0.2, c.clipRangeVf(), "clip_vloss with clip_coef");
        assertTrue(c.normalizeAdvantage());
        assertEquals(0.01, c.entCoef());
        assertEquals(0.25, c.vfCoef(), "CleanRL's 0.5 * (0.5 * MSE)");
        assertEquals(0.5, c.maxGradNorm());
        assertEquals(0.0, c.targetKl());
        assertEquals(List.of(64, 64), c.netArch());
        assertEquals("tanh", c.activation());
        assertFalse(c.sharedBody());
    }

    @Test
    void cleanRlDqnOverridesResolveToCleanRlsDqnDefaults() {
        DqnConfig c = assertInstanceOf(DqnConfig.class, TrainVariant.DQN_CLEANRL.resolvedConfig());
        assertEquals(2.5e-4, c.learningRate());
        assertEquals(10_000, c.bufferSize());
        assertEquals(10_000, c.learningStarts());
        assertEquals(128, c.batchSize());
        assertEquals(1.0, c.tau());
        assertEquals(0.99, c.gamma());
        assertEquals(10, c.trainFreq());
        assertEquals(1, c.gradientSteps());
        assertEquals(500, c.targetUpdateInterval());
        assertEquals(0.5, c.explorationFraction());
        assertEquals(1.0, c.explorationInitialEps());
        assertEquals(0.05, c.explorationFinalEps());
        assertEquals(0.0, c.maxGradNorm(), "CleanRL does not clip");
        assertEquals(List.of(120, 84), c.netArch());
        assertEquals("relu", c.activation());
        assertEquals("mse", c.loss());
        assertEquals("adam", c.optimizer());
        assertEquals(1e-8, c.optimizerEps());
        assertFalse(c.doubleDqn() || c.dueling() || c.prioritized());
        assertEquals(1, c.nStep());
        assertEquals(1, c.numEnvs());
    }

    @Test
    void zooVariantsKeepTheEmbeddedPreset() {
        PpoConfig ppo = assertInstanceOf(PpoConfig.class, TrainVariant.PPO.resolvedConfig());
        assertEquals(8, ppo.numEnvs());
        assertEquals(32, ppo.nSteps());
        assertEquals(20, ppo.nEpochs());
        DqnConfig dqn = assertInstanceOf(DqnConfig.class, TrainVariant.DQN.resolvedConfig());
        assertEquals(List.of(256, 256), dqn.netArch());
        assertEquals(128, dqn.gradientSteps());
        assertTrue(TrainVariant.DQN.overrides().isEmpty() && TrainVariant.PPO.overrides().isEmpty());
    }

    @Test
    void jobsAreWhatTrainWithSetDescribesAndBudgetsFollowThePeer() {
        TrainJob job = TrainVariant.DQN_CLEANRL.job(3, 1_000);
        assertEquals("dqn", job.algo());
        assertEquals(TrainSuite.ENV_ID, job.envId());
        assertEquals(3, job.seed());
        assertEquals(1_000L, job.steps());
        assertEquals(TrainVariant.DQN_CLEANRL.overrides(), job.overrides());
        assertEquals(50_000, TrainVariant.DQN.defaultBudget());
        assertEquals(100_000, TrainVariant.PPO.defaultBudget());
        assertEquals(500_000, TrainVariant.DQN_CLEANRL.defaultBudget());
        assertEquals(500_000, TrainVariant.PPO_CLEANRL.defaultBudget());
        assertTrue(TrainVariant.DQN_CLEANRL.quickSteps() > ((DqnConfig) TrainVariant.DQN_CLEANRL.resolvedConfig()).learningStarts(),
                "the quick budget trains");
    }

    @Test
    void badVariantDefinitionsAreRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> new TrainVariant("x", "dqn", "s", Map.of(), 0L, 1, List.of()));
        assertThrows(IllegalArgumentException.class,
                () -> new TrainVariant("x", "dqn", "s", Map.of(), null, 0, List.of()));
        TrainVariant bad = new TrainVariant("x", "ppo", "s", Map.of("n_step", 3), null, 1, List.of());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, bad::resolvedConfig);
        assertTrue(e.getMessage().contains("n_step"), e.getMessage());
    }
}
