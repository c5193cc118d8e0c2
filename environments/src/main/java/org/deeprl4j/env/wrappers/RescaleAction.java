package org.deeprl4j.env.wrappers;

import java.util.Arrays;
import org.deeprl4j.env.Env;
import org.deeprl4j.env.spaces.Box;
import org.deeprl4j.env.spaces.Space;

/**
 * Affinely maps actions from {@code [minAction, maxAction]} to the wrapped environment's bounded
 * float32 {@link Box} (Gymnasium's {@code RescaleAction}), typically so that an agent acting in
 * {@code [-1, 1]} (a tanh policy) drives an environment with other bounds.
 *
 * <p>Per dimension, {@code inner = gradient * a + intercept} with
 * {@code gradient = (high - low) / (maxAction - minAction)} and
 * {@code intercept = high - gradient * maxAction}, computed in float64 as Gymnasium does, so
 * {@code minAction} maps to {@code low}, {@code maxAction} to {@code high}. The float32 result is
 * clamped to the inner bounds to absorb rounding. The wrapper's action space is
 * {@code Box(minAction, maxAction)}; actions outside it are rejected with
 * {@link org.deeprl4j.env.InvalidActionException}.
 *
 * @param <O> observation type
 */
public class RescaleAction<O> extends ActionWrapper<O, float[], float[]> {
    private final double[] gradient;
    private final double[] intercept;
    private final float[] low;
    private final float[] high;
    private final Box<float[]> actionSpace;

    /** Rescales every dimension from {@code [minAction, maxAction]}. */
    public RescaleAction(Env<O, float[]> env, float minAction, float maxAction) {
        this(env, filled(env, minAction), filled(env, maxAction));
    }

    /**
     * @param env an environment with a bounded float32 {@link Box} action space
     * @param minAction per-dimension lower bounds of the new action space (flat, row-major)
     * @param maxAction per-dimension upper bounds, each strictly above {@code minAction}
     */
    public RescaleAction(Env<O, float[]> env, float[] minAction, float[] maxAction) {
        super(env);
        Box<float[]> inner = ClipAction.float32Box(env.actionSpace(), "RescaleAction");
        if (!inner.isBounded()) {
            throw new IllegalArgumentException("RescaleAction needs a bounded action space, got " + inner);
        }
        int n = inner.flatDim();
        if (minAction == null || maxAction == null || minAction.length != n || maxAction.length != n) {
            throw new IllegalArgumentException("RescaleAction bounds must have " + n + " elements for " + inner
                    + ", got " + Arrays.toString(minAction) + " and " + Arrays.toString(maxAction));
        }
        gradient = new double[n];
        intercept = new double[n];
        low = new float[n];
        high = new float[n];
        for (int i = 0; i < n; i++) {
            if (!Float.isFinite(minAction[i]) || !Float.isFinite(maxAction[i]) || !(minAction[i] < maxAction[i])) {
                throw new IllegalArgumentException("RescaleAction needs finite minAction < maxAction, got "
                        + minAction[i] + " and " + maxAction[i] + " at index " + i);
            }
            low[i] = (float) inner.low(i);
            high[i] = (float) inner.high(i);
            gradient[i] = (inner.high(i) - inner.low(i)) / ((double) maxAction[i] - (double) minAction[i]);
            intercept[i] = inner.high(i) - gradient[i] * maxAction[i];
        }
        actionSpace = Box.of(minAction.clone(), maxAction.clone(), inner.shape());
    }

    @Override
    public Space<float[]> actionSpace() {
        return actionSpace;
    }

    @Override
    protected float[] action(float[] action) {
        float[] out = new float[action.length];
        for (int i = 0; i < out.length; i++) {
            float v = (float) (gradient[i] * action[i] + intercept[i]);
            out[i] = Math.min(Math.max(v, low[i]), high[i]);
        }
        return out;
    }

    private static float[] filled(Env<?, float[]> env, float value) {
        if (env == null) {
            throw new IllegalArgumentException("cannot wrap a null environment");
        }
        float[] a = new float[env.actionSpace().flatDim()];
        Arrays.fill(a, value);
        return a;
    }
}
