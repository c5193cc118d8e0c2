package org.deeprl4j.env.testing;

import org.deeprl4j.env.BaseEnv;
import org.deeprl4j.env.Kwargs;
import org.deeprl4j.env.Reset;
import org.deeprl4j.env.Step;
import org.deeprl4j.env.spaces.Box;
import org.deeprl4j.env.spaces.Space;

/**
 * Repeat the observation with a continuous action: Stable-Baselines3's {@code IdentityEnvBox}, a
 * sanity check for continuous-action agents.
 *
 * <h2>Action space</h2>
 * {@code Box(low, high, (1,), float32)}, the same box as the observations.
 *
 * <h2>Observation space</h2>
 * {@code Box(low, high, (1,), float32)}: one value drawn uniformly from the box.
 *
 * <h2>Rewards</h2>
 * 1 when {@code obs - eps <= action <= obs + eps} (computed in float32, as NumPy does for a
 * float32 array and a Python float), else 0.
 *
 * <h2>Starting state</h2>
 * A uniform draw from the box using the environment's generator; after every step a new draw
 * becomes the next observation.
 *
 * <h2>Episode end</h2>
 * Truncated ({@code truncated = true, terminated = false}) after {@code ep_length} steps, like
 * {@link IdentityEnv}; there is no terminal state.
 *
 * <h2>Arguments</h2>
 * {@code low} (default -1) and {@code high} (default 1): finite bounds with {@code low < high}
 * in float32; {@code eps} (default 0.05, finite, at least 0): the tolerance;
 * {@code ep_length} (int, default 100, at least 1).
 */
public final class IdentityEnvBox extends BaseEnv<float[], float[]> {
    private final Box<float[]> space;
    private final float eps;
    private final int epLength;
    private float[] state;
    private int currentStep;

    /** An environment with SB3's defaults: {@code low=-1, high=1, eps=0.05, ep_length=100}. */
    public IdentityEnvBox() {
        this(Kwargs.empty("IdentityEnvBox"));
    }

    /** Reads {@code low}, {@code high}, {@code eps} and {@code ep_length}; rejects bad values. */
    public IdentityEnvBox(Kwargs kwargs) {
        double low = kwargs.getDouble("low", -1.0);
        double high = kwargs.getDouble("high", 1.0);
        double e = kwargs.getDouble("eps", 0.05);
        this.epLength = kwargs.getInt("ep_length", 100);
        kwargs.checkAllUsed();
        if (!Double.isFinite(low) || !Double.isFinite(high) || !((float) low < (float) high)) {
            throw new IllegalArgumentException("IdentityEnvBox: need finite low < high (in float32), got low="
                    + low + " high=" + high);
        }
        if (!Double.isFinite(e) || e < 0) {
            throw new IllegalArgumentException("IdentityEnvBox: eps must be finite and >= 0, got " + e);
        }
        if (epLength < 1) {
            throw new IllegalArgumentException("IdentityEnvBox: ep_length must be >= 1, got " + epLength);
        }
        this.space = Box.of((float) low, (float) high, 1);
        this.eps = (float) e;
    }

    @Override
    public Space<float[]> observationSpace() {
        return space;
    }

    @Override
    public Space<float[]> actionSpace() {
        return space;
    }

    /** Steps per episode. */
    public int epLength() {
        return epLength;
    }

    /** The reward tolerance, in float32. */
    public float eps() {
        return eps;
    }

    /** The best achievable undiscounted return of an episode: one point per step. */
    public double optimalReturn() {
        return epLength;
    }

    @Override
    protected Reset<float[]> doReset() {
        currentStep = 0;
        state = space.sample(rng);
        return Reset.of(state.clone());
    }

    @Override
    protected Step<float[]> doStep(float[] action) {
        float s = state[0];
        float a = action[0];
        double reward = (s - eps) <= a && a <= (s + eps) ? 1.0 : 0.0;
        state = space.sample(rng);
        currentStep++;
        return Step.of(state.clone(), reward, false, currentStep >= epLength);
    }
}
