package org.deeprl4j.env.wrappers;

import org.deeprl4j.env.BaseEnv;
import org.deeprl4j.env.Reset;
import org.deeprl4j.env.Step;
import org.deeprl4j.env.spaces.Box;
import org.deeprl4j.env.spaces.Space;

/**
 * A tiny deterministic test environment: observation {@code [t, noise]} with {@code t} the step
 * count, reward {@code t} (or Gaussian noise), terminating after {@code episodeLength} steps; it
 * records the last action it received and how often it was closed.
 */
final class CounterEnv extends BaseEnv<float[], float[]> {
    static final Box<float[]> OBS = Box.of(new float[] {0f, -10f}, new float[] {1000f, 10f});
    static final Box<float[]> ACT = Box.of(new float[] {-1f, 0f}, new float[] {1f, 4f});

    private final int episodeLength;
    private final boolean noisy;
    private int t;
    float[] lastAction;
    int closes;

    /**
     * @param episodeLength steps until {@code terminated}
     * @param noisy rewards and the second observation element drawn from the env's generator
     */
    CounterEnv(int episodeLength, boolean noisy) {
        this.episodeLength = episodeLength;
        this.noisy = noisy;
    }

    @Override
    public Space<float[]> observationSpace() {
        return OBS;
    }

    @Override
    public Space<float[]> actionSpace() {
        return ACT;
    }

    @Override
    protected Reset<float[]> doReset() {
        t = 0;
        return Reset.of(obs());
    }

    @Override
    protected Step<float[]> doStep(float[] action) {
        lastAction = action.clone();
        t++;
        double reward = noisy ? 1 + 2 * rng.nextGaussian() : t;
        return Step.of(obs(), reward, t >= episodeLength, false);
    }

    private float[] obs() {
        float second = noisy ? (float) Math.max(-10, Math.min(10, 3 + 2 * rng.nextGaussian())) : 0f;
        return new float[] {t, second};
    }

    @Override
    protected void onClose() {
        closes++;
    }
}
