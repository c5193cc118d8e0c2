package org.deeprl4j.rl4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.deeplearning4j.gym.StepReply;
import org.deeplearning4j.rl4j.mdp.CartpoleNative;
import org.deeplearning4j.rl4j.mdp.MDP;
import org.deeplearning4j.rl4j.space.ActionSpace;
import org.deeplearning4j.rl4j.space.Box;
import org.deeplearning4j.rl4j.space.ObservationSpace;
import org.deeprl4j.agents.ConfigBinder;
import org.deeprl4j.agents.EvalResult;
import org.deeprl4j.agents.Evaluator;
import org.deeprl4j.agents.TrainOptions;
import org.deeprl4j.agents.Trainer;
import org.deeprl4j.agents.dqn.DqnAgent;
import org.deeprl4j.agents.dqn.DqnConfig;
import org.deeprl4j.env.Rng;
import org.deeprl4j.env.Step;
import org.deeprl4j.env.check.CheckReport;
import org.deeprl4j.env.check.EnvChecker;
import org.deeprl4j.env.vector.AutoresetMode;
import org.deeprl4j.env.vector.SyncVectorEnv;
import org.deeprl4j.env.vector.VectorEnv;
import org.deeprl4j.env.wrappers.TimeLimit;
import org.junit.jupiter.api.Test;

/** RL4J MDPs as our envs: they pass the env checker, our DQN learns on them, bad spaces fail clearly. */
class MdpEnvTest {

    private static MdpEnv cartpole() {
        return MdpEnv.seeded(seed -> new CartpoleNative(Long.hashCode(seed)));
    }

    @Test
    void rl4jCartPolePassesTheEnvChecker() {
        CheckReport report = EnvChecker.check(cartpole(), 42);
        assertTrue(report.passed(), report.format());
        CheckReport limited = EnvChecker.check(new TimeLimit<>(cartpole(), 50), 43);
        assertTrue(limited.passed(), limited.format());
    }

    @Test
    void observationsAndRewardsAreTheMdpsAndDoneIsTermination() {
        MdpEnv env = cartpole();
        CartpoleNative reference = new CartpoleNative(Long.hashCode(9));
        assertArrayEquals(floats(reference.reset().toArray()), env.reset(9).observation());
        assertEquals(org.deeprl4j.env.spaces.Box.of(Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY, 4),
                env.observationSpace(),
                "ArrayObservationSpace's dummy bounds give an unbounded box");
        Step<float[]> s;
        int steps = 0;
        do {
            s = env.step(1); // always push right: the pole falls within a few dozen steps
            StepReply<Box> r = reference.step(1);
            assertArrayEquals(floats(r.getObservation().toArray()), s.observation());
            assertEquals(r.getReward(), s.reward());
            assertFalse(s.truncated(), "RL4J has no truncation");
            steps++;
        } while (!s.terminated() && steps < 1000);
        assertTrue(s.terminated());
        assertThrows(IllegalStateException.class, () -> env.step(0), "step after the episode ended");
        env.close();
    }

    @Test
    void declaredBoundsBecomeTheBoxBounds() {
        MDP<Box, Integer, org.deeplearning4j.rl4j.space.DiscreteSpace> bounded = new SignMdp(1) {
            @Override
            public ObservationSpace<Box> getObservationSpace() {
                return new BoxObservationSpace("sign", new int[] {1}, new double[] {-1}, new double[] {1});
            }
        };
        MdpEnv env = MdpEnv.of(bounded);
        assertEquals(org.deeprl4j.env.spaces.Box.of(-1f, 1f, 1), env.observationSpace());
        env.close();
    }

    @Test
    void dqnLearnsAnRl4jMdp() {
        DqnConfig cfg = ConfigBinder.override(DqnConfig.defaults(), Map.of(
                "learning_rate", 3e-3, "buffer_size", 1000, "learning_starts", 100, "batch_size", 32, "gamma", 0.5,
                "train_freq", 2, "target_update_interval", 50, "exploration_fraction", 0.5,
                "exploration_final_eps", 0.02, "net_arch", List.of(16)));
        long steps = 800;
        try (VectorEnv env = new SyncVectorEnv(List.of(() -> MdpEnv.seeded(SignMdp::new)), AutoresetMode.SAME_STEP);
             MdpEnv evalEnv = MdpEnv.seeded(SignMdp::new)) {
            DqnAgent agent = new DqnAgent(cfg, env.observationSpace(), env.actionSpace(), steps, new Rng(1));
            new Trainer(agent, env, () -> null, List.of()).run(TrainOptions.of(steps, 1));
            EvalResult r = Evaluator.evaluate(agent.greedyPolicy(), evalEnv, 10, 77);
            assertTrue(r.mean() >= 0.9 * SignMdp.LENGTH, "greedy return " + r + " (random earns about 10)");
        }
    }

    @Test
    void nonDiscreteActionSpacesAreRejectedNamingTheSpace() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MdpEnv.of(new ContinuousMdp()));
        assertTrue(e.getMessage().contains("ContinuousMdp") && e.getMessage().contains("TorqueSpace")
                && e.getMessage().contains("DiscreteSpace"), e.getMessage());
    }

    @Test
    void observationsOfTheWrongLengthAreReported() {
        MDP<Box, Integer, org.deeplearning4j.rl4j.space.DiscreteSpace> liar = new SignMdp(1) {
            @Override
            public Box reset() {
                super.reset();
                return new Box(1, 2, 3);
            }
        };
        MdpEnv env = MdpEnv.of(liar);
        IllegalStateException e = assertThrows(IllegalStateException.class, env::reset);
        assertTrue(e.getMessage().contains("3 values") && e.getMessage().contains("[1]"), e.getMessage());
    }

    @Test
    void invalidActionsAreRejectedAndTheEpisodeGoesOn() {
        MdpEnv env = cartpole();
        env.reset(3);
        assertThrows(IllegalArgumentException.class, () -> env.step(2));
        assertEquals(1.0, env.step(0).reward());
        env.close();
        env.close();
        assertThrows(IllegalStateException.class, () -> env.reset(1));
    }

    private static float[] floats(double[] d) {
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            f[i] = (float) d[i];
        }
        return f;
    }

    /** An action space of torques, which no discrete agent can use. */
    private static final class TorqueSpace implements ActionSpace<double[]> {
        @Override
        public double[] randomAction() {
            return new double[] {0};
        }

        @Override
        public Object encode(double[] action) {
            return action;
        }

        @Override
        public int getSize() {
            return 1;
        }

        @Override
        public double[] noOp() {
            return new double[] {0};
        }

        @Override
        public String toString() {
            return "TorqueSpace(1)";
        }
    }

    /** An MDP with a continuous action space, which the adapter rejects. */
    private static final class ContinuousMdp implements MDP<Box, double[], TorqueSpace> {
        @Override
        public ObservationSpace<Box> getObservationSpace() {
            return new BoxObservationSpace("angle", new int[] {1}, new double[] {-1}, new double[] {1});
        }

        @Override
        public TorqueSpace getActionSpace() {
            return new TorqueSpace();
        }

        @Override
        public Box reset() {
            return new Box(0);
        }

        @Override
        public void close() {
        }

        @Override
        public StepReply<Box> step(double[] action) {
            return new StepReply<>(new Box(action[0]), 0, true, null);
        }

        @Override
        public boolean isDone() {
            return false;
        }

        @Override
        public MDP<Box, double[], TorqueSpace> newInstance() {
            return new ContinuousMdp();
        }
    }
}
