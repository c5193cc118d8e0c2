package org.deeprl4j.env.wrappers;

import org.deeprl4j.env.Env;
import org.deeprl4j.env.spaces.Box;
import org.deeprl4j.env.spaces.Space;

/**
 * Clips continuous actions to the wrapped environment's float32 {@link Box} bounds (Gymnasium's
 * {@code ClipAction}). As in Gymnasium 1.x the wrapper's action space is the unbounded
 * {@code Box(-inf, inf)} of the same shape: any finite or infinite value is accepted and clipped;
 * NaN or a wrong length is rejected with {@link org.deeprl4j.env.InvalidActionException}.
 *
 * @param <O> observation type
 */
public class ClipAction<O> extends ActionWrapper<O, float[], float[]> {
    private final float[] low;
    private final float[] high;
    private final Box<float[]> actionSpace;

    /** @param env an environment with a float32 {@link Box} action space */
    public ClipAction(Env<O, float[]> env) {
        super(env);
        Box<float[]> inner = float32Box(env.actionSpace(), "ClipAction");
        int n = inner.flatDim();
        low = new float[n];
        high = new float[n];
        for (int i = 0; i < n; i++) {
            low[i] = (float) inner.low(i); // exact: float32 box bounds were floats
            high[i] = (float) inner.high(i);
        }
        actionSpace = Box.of(Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY, inner.shape());
    }

    @Override
    public Space<float[]> actionSpace() {
        return actionSpace;
    }

    @Override
    protected float[] action(float[] action) {
        float[] out = new float[action.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = Math.min(Math.max(action[i], low[i]), high[i]);
        }
        return out;
    }

    /** Checks that {@code space} is a float32 Box, naming {@code wrapper} and the space otherwise. */
    @SuppressWarnings("unchecked")
    static Box<float[]> float32Box(Space<?> space, String wrapper) {
        if (space instanceof Box<?> b && b.dtype() == Box.DType.FLOAT32) {
            return (Box<float[]>) b;
        }
        throw new IllegalArgumentException(wrapper + " needs a float32 Box space, got " + space);
    }
}
