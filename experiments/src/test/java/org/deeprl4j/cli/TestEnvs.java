package org.deeprl4j.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.deeprl4j.env.BaseEnv;
import org.deeprl4j.env.EnvSpec;
import org.deeprl4j.env.Envs;
import org.deeprl4j.env.Reset;
import org.deeprl4j.env.Step;
import org.deeprl4j.env.spaces.Box;
import org.deeprl4j.env.spaces.Discrete;
import org.deeprl4j.env.spaces.MultiDiscrete;
import org.deeprl4j.env.spaces.Space;

/** Small deterministic environments registered by the CLI tests, and an in-process runner. */
final class TestEnvs {
    private TestEnvs() {
    }

    /** What one in-process run printed and returned. */
    record Result(int exit, String out, String err) {
        List<String> lines() {
            return out.isEmpty() ? List.of() : List.of(out.split("\n"));
        }
    }

    static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), args);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /**
     * Registers {@code <prefix>Counter-v0} (limit 5), {@code <prefix>Continuous-v0} (limit 3) and
     * {@code <prefix>Chain-v0} (limit 4); returns the ids for {@link #unregister}.
     */
    static List<String> register(String prefix) {
        List<String> ids = new ArrayList<>();
        ids.add(register(EnvSpec.of(prefix + "Counter-v0", kw -> new CounterEnv(kw.getInt("goal", 3)), 5, 1.5)));
        ids.add(register(EnvSpec.of(prefix + "Continuous-v0", kw -> new ContinuousEnv(), 3, null)));
        ids.add(register(EnvSpec.of(prefix + "Chain-v0", kw -> new ChainEnv(), 4, null)));
        return ids;
    }

    static String register(EnvSpec spec) {
        Envs.register(spec);
        return spec.id();
    }

    static void unregister(List<String> ids) {
        ids.forEach(Envs::unregister);
    }

    /**
     * Observation {@code [pos * 0.1f, 1/3f]} in Box(-10, 10, (2,)); action Discrete(3) moves the
     * position by {@code action - 1}; reward {@code 0.25 * action}; terminates when
     * {@code |pos| >= goal}. Starts at 0 whatever the seed.
     */
    static final class CounterEnv extends BaseEnv<float[], Integer> {
        private final int goal;
        private int pos;

        CounterEnv(int goal) {
            this.goal = goal;
        }

        @Override
        public Space<float[]> observationSpace() {
            return Box.of(-10f, 10f, 2);
        }

        @Override
        public Space<Integer> actionSpace() {
            return new Discrete(3);
        }

        @Override
        protected Reset<float[]> doReset() {
            pos = 0;
            return Reset.of(obs());
        }

        @Override
        protected Step<float[]> doStep(Integer action) {
            pos += action - 1;
            return Step.of(obs(), 0.25 * action, Math.abs(pos) >= goal, false);
        }

        private float[] obs() {
            return new float[] {pos * 0.1f, 1f / 3f};
        }
    }

    /** Action Box(-1, 1, (2,)); the observation is the last action; reward is their sum. */
    static final class ContinuousEnv extends BaseEnv<float[], float[]> {
        @Override
        public Space<float[]> observationSpace() {
            return Box.of(-1f, 1f, 2);
        }

        @Override
        public Space<float[]> actionSpace() {
            return Box.of(-1f, 1f, 2);
        }

        @Override
        protected Reset<float[]> doReset() {
            return Reset.of(new float[] {0f, 0f});
        }

        @Override
        protected Step<float[]> doStep(float[] action) {
            return Step.of(action.clone(), (double) action[0] + action[1], false, false);
        }
    }

    /** Discrete(4) observation; MultiDiscrete([2, 3]) action adds both elements to the state mod 4. */
    static final class ChainEnv extends BaseEnv<Integer, int[]> {
        private int state;

        @Override
        public Space<Integer> observationSpace() {
            return new Discrete(4);
        }

        @Override
        public Space<int[]> actionSpace() {
            return new MultiDiscrete(2, 3);
        }

        @Override
        protected Reset<Integer> doReset() {
            state = 0;
            return Reset.of(state);
        }

        @Override
        protected Step<Integer> doStep(int[] action) {
            state = (state + action[0] + action[1]) % 4;
            return Step.of(state, state == 3 ? 1.0 : 0.0, false, false);
        }
    }
}
