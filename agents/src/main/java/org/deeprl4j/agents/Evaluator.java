package org.deeprl4j.agents;

import org.deeprl4j.env.Env;
import org.deeprl4j.env.Reset;
import org.deeprl4j.env.Step;
import org.deeprl4j.env.spaces.Space;

/** Runs a policy on a single environment for whole episodes and reports the returns. */
public final class Evaluator {
    private Evaluator() {
    }

    /**
     * Plays {@code episodes} episodes; the first reset uses {@code seed}, later resets continue the
     * env's generator so episodes differ.
     */
    public static EvalResult evaluate(Policy policy, Env<?, ?> env, int episodes, long seed) {
        if (episodes <= 0) {
            throw new IllegalArgumentException("episodes must be positive, got " + episodes);
        }
        return run(policy, env, episodes, seed);
    }

    private static <O, A> EvalResult run(Policy policy, Env<O, A> env, int episodes, long seed) {
        Space<O> obsSpace = env.observationSpace();
        Space<A> actSpace = env.actionSpace();
        float[] obs = new float[obsSpace.flatDim()];
        float[] act = new float[actSpace.flatDim()];
        double[] returns = new double[episodes];
        int[] lengths = new int[episodes];
        long step = 0;
        for (int e = 0; e < episodes; e++) {
            Reset<O> r = e == 0 ? env.reset(seed) : env.reset();
            obsSpace.flatten(r.observation(), obs, 0);
            while (true) {
                policy.act(obs, 1, step++, act);
                Step<O> s = env.step(actSpace.unflatten(act, 0));
                returns[e] += s.reward();
                lengths[e]++;
                if (s.done()) {
                    break;
                }
                obsSpace.flatten(s.observation(), obs, 0);
            }
        }
        return new EvalResult(returns, lengths);
    }
}
