package org.deeprl4j.bench;

import java.util.concurrent.TimeUnit;
import org.deeprl4j.env.Env;
import org.deeprl4j.env.Envs;
import org.deeprl4j.env.Step;
import org.deeprl4j.env.classic.CartPole;
import org.deeprl4j.env.vector.AutoresetMode;
import org.deeprl4j.env.vector.VectorEnv;
import org.deeprl4j.env.vector.VectorEnvs;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * CartPole-v1 env steps per second through the public API: the raw env, the registry's env
 * (TimeLimit applied) and 8 envs in each vector env. Scores are env steps per second.
 * Run: see README "Benchmarks".
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
@State(Scope.Thread)
public class EnvStepBenchmark {
    private static final int VECTOR_ENVS = 8;

    private CartPole raw;
    private Env<float[], Integer> registered;
    private VectorEnv sync;
    private VectorEnv threaded;
    private final int[] actions = new int[VECTOR_ENVS];
    private int t;

    @Setup(Level.Trial)
    @SuppressWarnings("unchecked")
    public void setUp() {
        raw = new CartPole();
        raw.reset(0);
        registered = (Env<float[], Integer>) Envs.make("CartPole-v1");
        registered.reset(0);
        sync = VectorEnvs.make("CartPole-v1", java.util.Map.of(), VECTOR_ENVS, false, AutoresetMode.NEXT_STEP);
        sync.reset(0);
        threaded = VectorEnvs.make("CartPole-v1", java.util.Map.of(), VECTOR_ENVS, true, AutoresetMode.NEXT_STEP);
        threaded.reset(0);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        raw.close();
        registered.close();
        sync.close();
        threaded.close();
    }

    /** Alternating actions keep the pole up for a while; reset when the episode ends. */
    @Benchmark
    public float[] rawCartPole() {
        Step<float[]> s = raw.step(t++ & 1);
        if (s.done()) {
            return raw.reset().observation();
        }
        return s.observation();
    }

    @Benchmark
    public float[] registeredCartPoleV1() {
        Step<float[]> s = registered.step(t++ & 1);
        if (s.done()) {
            return registered.reset().observation();
        }
        return s.observation();
    }

    @Benchmark
    @OperationsPerInvocation(VECTOR_ENVS)
    public float[] syncVector8() {
        fillActions();
        return sync.step(actions).observations();
    }

    @Benchmark
    @OperationsPerInvocation(VECTOR_ENVS)
    public float[] threadedVector8() {
        fillActions();
        return threaded.step(actions).observations();
    }

    private void fillActions() {
        int a = t++ & 1;
        for (int i = 0; i < VECTOR_ENVS; i++) {
            actions[i] = a;
        }
    }
}
