package org.deeprl4j.env.vector;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeprl4j.env.wrappers.RunningMeanStd;

/**
 * A snapshot of a {@link VecNormalize}: its settings and running statistics, everything needed to
 * normalize observations as it did (what SB3 pickles into {@code vecnormalize.pkl}). Saved with
 * models as a JSON-compatible map ({@link #toMap()}):
 * <pre>{"format": 1, "norm_obs": true, "norm_reward": true, "clip_obs": 10.0, "clip_reward": 10.0,
 *  "gamma": 0.99, "epsilon": 1.0E-8,
 *  "obs_rms": {"mean": [...], "var": [...], "count": 2048.0001},
 *  "ret_rms": {"mean": [0.3], "var": [1.7], "count": 2048.0001}}</pre>
 *
 * @param settings the normalizer's settings
 * @param obs      observation statistics, {@code [obsDim]}
 * @param ret      statistics of the discounted return, {@code [1]}
 */
public record NormalizationStats(NormalizeSettings settings, RunningMeanStd.State obs, RunningMeanStd.State ret) {
    /** Format version of {@link #toMap()}. */
    public static final int FORMAT = 1;

    public NormalizationStats {
        if (settings == null || obs == null || ret == null) {
            throw new IllegalArgumentException("NormalizationStats needs settings, obs and ret statistics, got "
                    + settings + ", " + obs + ", " + ret);
        }
        if (ret.mean().length != 1) {
            throw new IllegalArgumentException("the return statistics must have 1 element, got " + ret.mean().length);
        }
    }

    /** Floats per observation the statistics describe. */
    public int obsDim() {
        return obs.mean().length;
    }

    /** Frozen observation normalization with these statistics. */
    public ObservationNormalizer observationNormalizer() {
        return new ObservationNormalizer(obs.mean(), obs.var(), settings.epsilon(), settings.clipObs(), settings.normObs());
    }

    /** The JSON-compatible form shown in the class comment. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", FORMAT);
        m.putAll(settings.toMap());
        m.put("obs_rms", rms(obs));
        m.put("ret_rms", rms(ret));
        return m;
    }

    private static Map<String, Object> rms(RunningMeanStd.State s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mean", s.mean());
        m.put("var", s.var());
        m.put("count", s.count());
        return m;
    }

    /**
     * Reads {@link #toMap()}'s form (as parsed from JSON: numbers, lists, maps).
     *
     * @param expectedObsDim the observation size the statistics must have, or 0 for any
     * @throws IllegalArgumentException naming the key at fault
     */
    public static NormalizationStats fromMap(Map<?, ?> m, int expectedObsDim) {
        if (!(m.get("format") instanceof Number f) || f.intValue() != FORMAT) {
            throw new IllegalArgumentException("'format' is " + m.get("format") + "; this build reads format " + FORMAT);
        }
        NormalizeSettings settings;
        try {
            settings = new NormalizeSettings(bool(m, "norm_obs"), bool(m, "norm_reward"), number(m, "clip_obs"),
                    number(m, "clip_reward"), number(m, "gamma"), number(m, "epsilon"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bad settings: " + e.getMessage(), e);
        }
        RunningMeanStd.State obs = state(m, "obs_rms");
        RunningMeanStd.State ret = state(m, "ret_rms");
        if (expectedObsDim > 0 && obs.mean().length != expectedObsDim) {
            throw new IllegalArgumentException("'obs_rms' has " + obs.mean().length + " elements but the observations have "
                    + expectedObsDim);
        }
        if (ret.mean().length != 1) {
            throw new IllegalArgumentException("'ret_rms' must have 1 element, got " + ret.mean().length);
        }
        return new NormalizationStats(settings, obs, ret);
    }

    private static boolean bool(Map<?, ?> m, String key) {
        if (!(m.get(key) instanceof Boolean b)) {
            throw new IllegalArgumentException("'" + key + "' must be true or false, got " + m.get(key));
        }
        return b;
    }

    private static double number(Map<?, ?> m, String key) {
        if (!(m.get(key) instanceof Number n)) {
            throw new IllegalArgumentException("'" + key + "' must be a number, got " + m.get(key));
        }
        return n.doubleValue();
    }

    private static RunningMeanStd.State state(Map<?, ?> m, String key) {
        if (!(m.get(key) instanceof Map<?, ?> s)) {
            throw new IllegalArgumentException("'" + key + "' must be a mapping with mean, var and count, got " + m.get(key));
        }
        try {
            return new RunningMeanStd.State(doubles(s.get("mean"), key + ".mean"), doubles(s.get("var"), key + ".var"),
                    number(s, "count"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + key + "': " + e.getMessage(), e);
        }
    }

    private static double[] doubles(Object v, String key) {
        if (v instanceof double[] d) {
            return d;
        }
        if (!(v instanceof List<?> list)) {
            throw new IllegalArgumentException("'" + key + "' must be a list of numbers, got " + v);
        }
        double[] out = new double[list.size()];
        for (int i = 0; i < out.length; i++) {
            if (!(list.get(i) instanceof Number n)) {
                throw new IllegalArgumentException("'" + key + "' element " + i + " must be a number, got " + list.get(i));
            }
            out[i] = n.doubleValue();
        }
        return out;
    }
}
