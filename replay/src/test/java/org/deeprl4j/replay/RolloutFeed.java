package org.deeprl4j.replay;

import java.util.SplittableRandom;

/** Test data for rollout buffers: random vector-env steps, identical for identical seeds. */
final class RolloutFeed {
    private RolloutFeed() {
    }

    /** Adds {@code steps} random steps; some envs truncate (bootstrapped) and the next step starts. */
    static void feed(RolloutBuffer b, SplittableRandom data, int steps) {
        int envs = b.numEnvs();
        boolean[] starts = new boolean[envs];
        for (int s = 0; s < steps; s++) {
            float[] obs = new float[envs * b.obsDim()];
            float[] act = new float[envs * b.actDim()];
            double[] rewards = new double[envs];
            float[] values = new float[envs];
            float[] logp = new float[envs];
            for (int i = 0; i < obs.length; i++) {
                obs[i] = (float) data.nextGaussian();
            }
            for (int i = 0; i < act.length; i++) {
                act[i] = (float) data.nextGaussian();
            }
            for (int e = 0; e < envs; e++) {
                rewards[e] = data.nextDouble() * 2 - 0.5;
                values[e] = (float) data.nextGaussian();
                logp[e] = (float) -data.nextExponential();
            }
            b.add(obs, act, rewards, starts.clone(), values, logp);
            for (int e = 0; e < envs; e++) {
                int end = data.nextInt(6); // 0 = terminated, 1 = truncated, else continues
                starts[e] = end < 2;
                if (end == 1) {
                    b.addTimeoutBootstrap(e, 0.99, (float) data.nextGaussian());
                }
            }
        }
    }

    /** Random last values for {@link RolloutBuffer#computeReturnsAndAdvantages}. */
    static float[] lastValues(SplittableRandom data, int envs) {
        float[] v = new float[envs];
        for (int e = 0; e < envs; e++) {
            v[e] = (float) data.nextGaussian();
        }
        return v;
    }

    /** Random done flags. */
    static boolean[] dones(SplittableRandom data, int envs) {
        boolean[] d = new boolean[envs];
        for (int e = 0; e < envs; e++) {
            d[e] = data.nextBoolean();
        }
        return d;
    }
}
