package org.deeprl4j.env.vector;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Settings of a {@link VecNormalize}, with Stable-Baselines3's names and defaults.
 *
 * @param normObs    normalize observations with running statistics (SB3 {@code norm_obs}, default true)
 * @param normReward scale rewards by the running std of the discounted return (SB3 {@code norm_reward}, default true)
 * @param clipObs    normalized observations are clipped to {@code [-clipObs, clipObs]} (default 10); finite, > 0
 * @param clipReward scaled rewards are clipped to {@code [-clipReward, clipReward]} (default 10); finite, > 0
 * @param gamma      discount of the running return whose variance scales rewards (default: the algorithm's gamma), in [0, 1]
 * @param epsilon    added to variances before the square root (default 1e-8); finite, >= 0
 */
public record NormalizeSettings(boolean normObs, boolean normReward, double clipObs, double clipReward, double gamma,
                                double epsilon) implements java.io.Serializable {
    /** SB3's {@code clip_obs} and {@code clip_reward}. */
    public static final double DEFAULT_CLIP = 10.0;
    /** SB3's {@code epsilon}. */
    public static final double DEFAULT_EPSILON = 1e-8;
    /** SB3's {@code gamma} (used when no algorithm gamma is known). */
    public static final double DEFAULT_GAMMA = 0.99;
    /** The snake_case keys of {@link #toMap()}, as in rl-baselines3-zoo's {@code normalize} kwargs. */
    public static final List<String> KEYS = List.of("norm_obs", "norm_reward", "clip_obs", "clip_reward", "gamma", "epsilon");

    public NormalizeSettings {
        if (!(clipObs > 0) || Double.isInfinite(clipObs)) {
            throw new IllegalArgumentException("clip_obs must be a finite number > 0, got " + clipObs);
        }
        if (!(clipReward > 0) || Double.isInfinite(clipReward)) {
            throw new IllegalArgumentException("clip_reward must be a finite number > 0, got " + clipReward);
        }
        if (!(gamma >= 0 && gamma <= 1)) {
            throw new IllegalArgumentException("gamma must be in [0, 1], got " + gamma);
        }
        if (!(epsilon >= 0) || Double.isInfinite(epsilon)) {
            throw new IllegalArgumentException("epsilon must be a finite number >= 0, got " + epsilon);
        }
    }

    /** SB3's defaults (observations and rewards, clip 10, epsilon 1e-8) with the given discount. */
    public static NormalizeSettings defaults(double gamma) {
        return new NormalizeSettings(true, true, DEFAULT_CLIP, DEFAULT_CLIP, gamma, DEFAULT_EPSILON);
    }

    /** These settings under their snake_case names ({@link #KEYS} order). */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("norm_obs", normObs);
        m.put("norm_reward", normReward);
        m.put("clip_obs", clipObs);
        m.put("clip_reward", clipReward);
        m.put("gamma", gamma);
        m.put("epsilon", epsilon);
        return m;
    }
}
