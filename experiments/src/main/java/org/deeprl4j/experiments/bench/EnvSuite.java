package org.deeprl4j.experiments.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.deeprl4j.env.Env;
import org.deeprl4j.env.Envs;
import org.deeprl4j.env.Step;
import org.deeprl4j.env.classic.CartPole;
import org.deeprl4j.env.vector.AutoresetMode;
import org.deeprl4j.env.vector.ThreadedVectorEnv;
import org.deeprl4j.env.vector.VectorEnv;
import org.deeprl4j.env.vector.VectorEnvs;

/**
 * The {@code env} suite: CartPole env steps per second through the public API (the raw env, the
 * registry's CartPole-v1 with its TimeLimit, and 8 envs in each vector env), plus our raw figure
 * over Gymnasium's reference. Actions alternate 0, 1 so episodes last a while; a finished episode
 * resets. The same loops as the JMH {@code EnvStepBenchmark}, timed by {@link Micro}.
 */
public final class EnvSuite {
    /** Env id measured. */
    public static final String ENV_ID = "CartPole-v1";
    /** Sub-envs of each vector env. */
    public static final int VECTOR_ENVS = 8;
    private static final int STEPS_PER_CHUNK = 10_000;
    private static final int VECTOR_STEPS_PER_CHUNK = 1_000;

    private EnvSuite() {
    }

    /** Runs the suite; {@code log} gets one line per finished figure. */
    public static List<BenchResult> run(Micro.Settings settings, PrintStream log) {
        List<BenchResult> out = new ArrayList<>();
        BenchResult raw;
        try (CartPole env = new CartPole()) {
            raw = figure("CartPole raw steps/s", "org.deeprl4j.env.classic.CartPole stepped directly", single(env), settings, log);
        }
        out.add(raw);
        try (Env<float[], Integer> env = Envs.make(ENV_ID, float[].class, Integer.class)) {
            out.add(figure(ENV_ID + " registry steps/s", "Envs.make: TimeLimit(500) over CartPole", single(env), settings, log));
        }
        try (VectorEnv env = VectorEnvs.make(ENV_ID, Map.of(), VECTOR_ENVS, false, AutoresetMode.NEXT_STEP)) {
            out.add(figure("SyncVectorEnv x" + VECTOR_ENVS + " steps/s", "env steps summed over sub-envs", vector(env), settings, log));
        }
        try (VectorEnv env = VectorEnvs.make(ENV_ID, Map.of(), VECTOR_ENVS, true, AutoresetMode.NEXT_STEP)) {
            out.add(figure("ThreadedVectorEnv x" + VECTOR_ENVS + " steps/s", ThreadedVectorEnv.defaultThreads(VECTOR_ENVS)
                    + " threads; env steps summed over sub-envs", vector(env), settings, log));
        }
        out.add(Reference.GYMNASIUM_CARTPOLE.toResult());
        out.add(Reference.GYMNASIUM_CARTPOLE.ratio(raw));
        return out;
    }

    private static BenchResult figure(String name, String note, Micro.Chunk chunk, Micro.Settings settings, PrintStream log) {
        BenchResult r = new BenchResult(Suite.ENV.id(), name, "steps/s", Micro.throughput(chunk, settings), note);
        log.println("bench env: " + name + " " + BenchTable.number(r.median()));
        return r;
    }

    /** {@value #STEPS_PER_CHUNK} steps of one env, alternating actions, resetting finished episodes. */
    private static Micro.Chunk single(Env<float[], Integer> env) {
        env.reset(0);
        int[] t = {0};
        return () -> {
            for (int i = 0; i < STEPS_PER_CHUNK; i++) {
                Step<float[]> s = env.step(t[0]++ & 1);
                if (s.done()) {
                    env.reset();
                }
            }
            return STEPS_PER_CHUNK;
        };
    }

    /** {@value #VECTOR_STEPS_PER_CHUNK} vector steps (each {@value #VECTOR_ENVS} env steps); auto-reset. */
    private static Micro.Chunk vector(VectorEnv env) {
        env.reset(0);
        int[] actions = new int[VECTOR_ENVS];
        int[] t = {0};
        return () -> {
            for (int i = 0; i < VECTOR_STEPS_PER_CHUNK; i++) {
                java.util.Arrays.fill(actions, t[0]++ & 1);
                env.step(actions);
            }
            return (long) VECTOR_STEPS_PER_CHUNK * VECTOR_ENVS;
        };
    }
}
