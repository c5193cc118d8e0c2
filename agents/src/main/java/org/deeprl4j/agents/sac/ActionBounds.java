package org.deeprl4j.agents.sac;

import java.util.Map;
import org.deeprl4j.agents.Algorithm;
import org.deeprl4j.env.Rng;
import org.deeprl4j.env.spaces.Box;
import org.deeprl4j.env.spaces.Discrete;
import org.deeprl4j.env.spaces.Space;
import org.deeprl4j.env.spaces.Spaces;
import org.deeprl4j.nn.LoadedModels;

/**
 * The per-dimension bounds of a bounded Box action space, as SAC and TD3 use them: the squashing
 * scale {@code (high - low) / 2} and bias {@code (high + low) / 2}, uniform warm-up actions (SB3
 * samples the action space before {@code learning_starts}) and clipping into the box.
 *
 * @param low lower bounds, one per flat action dimension
 * @param high upper bounds
 */
public record ActionBounds(double[] low, double[] high) {
    /** Metadata key of a model file holding the action space ({@code Space.toJson()}). */
    public static final String ACTION_SPACE = "action_space";

    public ActionBounds {
        low = low.clone();
        high = high.clone();
        if (low.length == 0 || low.length != high.length) {
            throw new IllegalArgumentException("low and high must be non-empty and of equal length");
        }
        for (int j = 0; j < low.length; j++) {
            if (!Double.isFinite(low[j]) || !Double.isFinite(high[j]) || !(low[j] < high[j])) {
                throw new IllegalArgumentException("action bounds must be finite with low < high, got low[" + j
                        + "]=" + low[j] + ", high[" + j + "]=" + high[j]);
            }
        }
    }

    /**
     * The bounds of a bounded Box, or an error naming the space and the algorithms that fit it.
     *
     * @param algo the algorithm's display name, e.g. "SAC"
     */
    public static ActionBounds of(Space<?> actionSpace, String algo) {
        if (actionSpace instanceof Box<?> box) {
            if (!box.isBounded()) {
                throw new IllegalArgumentException(algo + " needs a bounded Box action space, got " + box
                        + "; wrap the env with finite action bounds (e.g. ClipAction/RescaleAction)");
            }
            return new ActionBounds(box.low(), box.high());
        }
        String hint = actionSpace instanceof Discrete ? "; for Discrete actions use dqn or ppo"
                : "; use ppo, or wrap the env so its actions are a bounded Box";
        throw new IllegalArgumentException(algo + " needs a continuous (Box) action space, got " + actionSpace + hint);
    }

    /** The bounds recorded in a model file's metadata under {@value #ACTION_SPACE}. */
    public static ActionBounds of(LoadedModels model, String algo) {
        if (!(model.metadata().get(ACTION_SPACE) instanceof Map<?, ?> json)) {
            throw new IllegalArgumentException("model file metadata lacks '" + ACTION_SPACE + "'");
        }
        @SuppressWarnings("unchecked")
        Map<String, ?> info = (Map<String, ?>) json;
        return of(Spaces.fromJson(info), algo);
    }

    /** Model metadata of a model file's policy: obs_dim and action_space, e.g. for tests. */
    public static Map<String, Object> metadata(int obsDim, Space<?> actionSpace) {
        return Map.of(Algorithm.OBS_DIM, obsDim, ACTION_SPACE, actionSpace.toJson());
    }

    /** Number of action dimensions. */
    public int dim() {
        return low.length;
    }

    @Override
    public double[] low() {
        return low.clone();
    }

    @Override
    public double[] high() {
        return high.clone();
    }

    /** {@code (high - low) / 2} per dimension. */
    public double[] scale() {
        double[] s = new double[low.length];
        for (int j = 0; j < s.length; j++) {
            s[j] = (high[j] - low[j]) / 2;
        }
        return s;
    }

    /** {@code (high + low) / 2} per dimension. */
    public double[] bias() {
        double[] b = new double[low.length];
        for (int j = 0; j < b.length; j++) {
            b[j] = (high[j] + low[j]) / 2;
        }
        return b;
    }

    /** Writes {@code n} uniform random actions ({@code [n * dim]}) into {@code out}. */
    public void sampleUniform(Rng rng, int n, float[] out) {
        int d = low.length;
        for (int k = 0; k < n * d; k++) {
            int j = k % d;
            out[k] = clip((float) (low[j] + (high[j] - low[j]) * rng.nextDouble()), j);
        }
    }

    /** {@code v} clipped into {@code [low[j], high[j]]} in float32 (so float rounding never leaves the box). */
    public float clip(double v, int j) {
        float f = (float) v;
        float lo = (float) low[j];
        float hi = (float) high[j];
        if (f < lo) {
            return lo;
        }
        return f > hi ? hi : f;
    }
}
