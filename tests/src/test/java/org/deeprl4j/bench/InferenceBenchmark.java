package org.deeprl4j.bench;

import java.util.concurrent.TimeUnit;
import org.deeprl4j.experiments.bench.InferenceModels;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Action-selection latency of the greedy DQN and PPO policies on CartPole-sized 64x64 MLPs
 * ({@link InferenceModels}, as {@code deeprl4j bench --suite inference} measures them): one
 * {@code Policy.act} call on a batch of 1 or 64 observations, against the raw DL4J
 * {@code Network.output}/{@code outputs} call on a prebuilt input matrix. Scores are microseconds
 * per call. Run: see README "Benchmarks" ({@code org.openjdk.jmh.Main InferenceBenchmark}).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g", "-Dorg.bytedeco.javacpp.maxPhysicalBytes=0"})
@State(Scope.Thread)
public class InferenceBenchmark {
    @Param({"dqn", "ppo"})
    public String algo;

    @Param({"1", "64"})
    public int batch;

    private InferenceModels.Model model;
    private float[] observations;
    private float[] actions;
    private INDArray input;

    @Setup(Level.Trial)
    public void setUp() {
        model = InferenceModels.create(algo, 0);
        observations = model.observations(batch, 1);
        actions = new float[batch];
        input = model.matrix(observations, batch); // [batch, obsDim]
    }

    /** What the training loop and evaluation call: observations in, actions out. */
    @Benchmark
    public float[] policyAct() {
        model.policy().act(observations, batch, 0, actions);
        return actions;
    }

    /** The DL4J forward pass alone, input already an INDArray: the baseline. */
    @Benchmark
    public Object networkOutput() {
        return model.forward(input);
    }
}
