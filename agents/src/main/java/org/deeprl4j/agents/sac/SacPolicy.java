package org.deeprl4j.agents.sac;

import org.deeprl4j.agents.Policy;
import org.deeprl4j.env.Rng;
import org.deeprl4j.nn.Network;
import org.deeprl4j.nn.dist.SquashedGaussian;
import org.deeprl4j.nn.fast.FastNet;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Acts with a SAC actor ({@code mean, log_std}), one forward pass per batch. Greedy: the
 * deterministic action {@code tanh(mean) * scale + bias}. Stochastic: a squashed-Gaussian sample,
 * and uniform random actions from the box while {@code step < randomUntil} (SB3's warm-up before
 * {@code learning_starts}). Actions are in env units, clipped into the box against float rounding.
 * The actor is evaluated by {@link FastNet} (plain Java on weights re-read after each update) when it
 * supports it, by DL4J otherwise.
 */
public final class SacPolicy implements Policy {
    private final Network actor;
    private final int obsDim;
    private final ActionBounds bounds;
    private final Rng rng;
    private final long randomUntil;
    private final FastNet fast; // null: DL4J's outputs()

    private SacPolicy(Network actor, int obsDim, ActionBounds bounds, Rng rng, long randomUntil) {
        this.actor = actor;
        this.obsDim = obsDim;
        this.bounds = bounds;
        this.rng = rng;
        this.randomUntil = randomUntil;
        this.fast = FastNet.compile(actor).filter(f -> f.numInputs() == 1 && f.inputSize(0) == obsDim).orElse(null);
    }

    /** The deterministic policy {@code tanh(mean)} scaled to the bounds. */
    public static SacPolicy greedy(Network actor, int obsDim, ActionBounds bounds) {
        return new SacPolicy(actor, obsDim, bounds, null, 0);
    }

    /** The stochastic behaviour policy; uniform random before env step {@code randomUntil}. */
    public static SacPolicy sampling(Network actor, int obsDim, ActionBounds bounds, Rng rng, long randomUntil) {
        return new SacPolicy(actor, obsDim, bounds, rng, randomUntil);
    }

    @Override
    public void act(float[] observations, int n, long step, float[] actionsOut) {
        if (rng != null && step < randomUntil) {
            bounds.sampleUniform(rng, n, actionsOut);
            return;
        }
        SquashedGaussian dist = fast != null ? fastDist(observations, n) : dl4jDist(observations, n);
        double[] actions = rng == null ? dist.mode() : dist.rsample(rng).actions(); // [n * actDim]
        int d = bounds.dim();
        for (int k = 0; k < n * d; k++) {
            actionsOut[k] = bounds.clip(actions[k], k % d);
        }
    }

    private SquashedGaussian fastDist(float[] observations, int n) {
        float[][] out = fast.outputs(observations, n); // mean, log_std, row-major [n, actDim]
        return SquashedGaussian.of(out[0], out[1], n, bounds.dim(), bounds.scale(), bounds.bias());
    }

    private SquashedGaussian dl4jDist(float[] observations, int n) {
        INDArray obs = Nd4j.create(observations, new long[] {n, obsDim}, 'c'); // [n, obsDim]
        INDArray[] out = actor.outputs(obs);                                    // mean, log_std [n, actDim]
        return new SquashedGaussian(out[0], out[1], bounds.scale(), bounds.bias());
    }
}
