package org.deeprl4j.agents.td3;

import org.deeprl4j.agents.Policy;
import org.deeprl4j.agents.sac.ActionBounds;
import org.deeprl4j.env.Rng;
import org.deeprl4j.nn.Network;
import org.deeprl4j.nn.fast.FastNet;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Acts with a deterministic TD3 actor, one forward pass per batch. Greedy: {@code mu(s)}.
 * Exploring (CleanRL): {@code mu(s) + N(0, (noise * scale)^2)} clipped into the box, and uniform
 * random actions while {@code step < randomUntil} (SB3's warm-up before {@code learning_starts}).
 * The actor is evaluated by {@link FastNet} (plain Java on weights re-read after each update) when it
 * supports it, by DL4J otherwise.
 */
public final class Td3Policy implements Policy {
    private final Network actor;
    private final int obsDim;
    private final ActionBounds bounds;
    private final double[] noiseStd;
    private final Rng rng;
    private final long randomUntil;
    private final FastNet fast; // null: DL4J's output()

    private Td3Policy(Network actor, int obsDim, ActionBounds bounds, double noise, Rng rng, long randomUntil) {
        this.actor = actor;
        this.obsDim = obsDim;
        this.bounds = bounds;
        this.noiseStd = bounds.scale();
        for (int j = 0; j < noiseStd.length; j++) {
            noiseStd[j] *= noise;
        }
        this.rng = rng;
        this.randomUntil = randomUntil;
        this.fast = FastNet.compile(actor).filter(f -> f.numInputs() == 1 && f.inputSize(0) == obsDim).orElse(null);
    }

    /** The deterministic policy {@code mu(s)}. */
    public static Td3Policy greedy(Network actor, int obsDim, ActionBounds bounds) {
        return new Td3Policy(actor, obsDim, bounds, 0, null, 0);
    }

    /** The exploring policy: Gaussian noise of std {@code noise * (high - low) / 2}; uniform before {@code randomUntil}. */
    public static Td3Policy exploring(Network actor, int obsDim, ActionBounds bounds, double noise, Rng rng,
                                      long randomUntil) {
        return new Td3Policy(actor, obsDim, bounds, noise, rng, randomUntil);
    }

    @Override
    public void act(float[] observations, int n, long step, float[] actionsOut) {
        if (rng != null && step < randomUntil) {
            bounds.sampleUniform(rng, n, actionsOut);
            return;
        }
        int d = bounds.dim();
        float[] mu; // [n, actDim] row-major
        if (fast != null) {
            mu = fast.outputs(observations, n)[0];
        } else {
            INDArray obs = Nd4j.create(observations, new long[] {n, obsDim}, 'c'); // [n, obsDim]
            mu = actor.output(obs).dup('c').data().asFloat();
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                double a = mu[i * d + j] + (rng == null ? 0 : noiseStd[j] * rng.nextGaussian());
                actionsOut[i * d + j] = bounds.clip(a, j);
            }
        }
    }
}
