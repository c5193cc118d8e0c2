package org.deeprl4j.agents.sac;

import static org.deeprl4j.agents.ConfigChecks.inRange;
import static org.deeprl4j.agents.ConfigChecks.nonNegative;
import static org.deeprl4j.agents.ConfigChecks.positive;

import java.util.List;

/**
 * SAC hyperparameters; names and defaults follow Stable-Baselines3's {@code SAC} (YAML keys are the
 * snake_case forms, e.g. {@code ent_coef}). gSDE is not supported.
 *
 * @param learningRate Adam learning rate of the actor, the critics and the entropy coefficient
 * @param bufferSize replay capacity (transitions)
 * @param learningStarts env steps of uniform random actions before training starts
 * @param batchSize transitions per gradient step; must not exceed bufferSize
 * @param tau Polyak coefficient of the target critics
 * @param gamma discount factor in [0, 1]
 * @param trainFreq train every this many vector steps
 * @param gradientSteps gradient steps per training round; -1 = as many as env steps collected in the round
 * @param entCoef entropy coefficient alpha: a number (fixed), {@code "auto"} (learned, starting at
 *     1) or {@code "auto_<init>"} (learned, starting at init), as SB3; a string, so quote numbers in YAML
 * @param targetEntropy target entropy of the automatic tuning; {@code "auto"} = -actDim (SB3, CleanRL) or a
 *     number as a string (quoted in YAML)
 * @param targetUpdateInterval Polyak-update the target critics every this many gradient steps
 * @param netArch hidden layer sizes of the actor and of each critic
 * @param activation hidden activation (relu, tanh, ...)
 * @param numEnvs parallel environments
 */
public record SacConfig(double learningRate, int bufferSize, int learningStarts, int batchSize, double tau,
                        double gamma, int trainFreq, int gradientSteps, String entCoef, String targetEntropy,
                        int targetUpdateInterval, List<Integer> netArch, String activation, int numEnvs) {

    public SacConfig {
        positive("learning_rate", learningRate);
        positive("buffer_size", bufferSize);
        nonNegative("learning_starts", learningStarts);
        positive("batch_size", batchSize);
        if (batchSize > bufferSize) {
            throw new IllegalArgumentException("batch_size (" + batchSize + ") must not exceed buffer_size (" + bufferSize + ")");
        }
        inRange("tau", tau, Double.MIN_VALUE, 1);
        inRange("gamma", gamma, 0, 1);
        positive("train_freq", trainFreq);
        if (gradientSteps == 0 || gradientSteps < -1) {
            throw new IllegalArgumentException("gradient_steps must be >= 1 or -1 (as many as env steps), got " + gradientSteps);
        }
        parseEntCoef(entCoef);
        parseTargetEntropy(targetEntropy, 1);
        positive("target_update_interval", targetUpdateInterval);
        if (netArch == null || netArch.isEmpty() || netArch.stream().anyMatch(h -> h == null || h <= 0)) {
            throw new IllegalArgumentException("net_arch must be a non-empty list of positive layer sizes, got " + netArch);
        }
        netArch = List.copyOf(netArch);
        if (activation == null || activation.isBlank()) {
            throw new IllegalArgumentException("activation must be named, got " + activation);
        }
        positive("num_envs", numEnvs);
    }

    /** Stable-Baselines3's SAC defaults (MlpPolicy net_arch [256, 256], ReLU). */
    public static SacConfig defaults() {
        return new SacConfig(3e-4, 1_000_000, 100, 256, 0.005, 0.99, 1, 1, "auto", "auto", 1,
                List.of(256, 256), "relu", 1);
    }

    /** Whether alpha is learned ({@code ent_coef} "auto" or "auto_&lt;init&gt;"). */
    public boolean autoEntCoef() {
        return entCoef.startsWith("auto");
    }

    /** The initial (or fixed) entropy coefficient alpha. */
    public double initialEntCoef() {
        return parseEntCoef(entCoef);
    }

    /** The target entropy for {@code actDim} action dimensions. */
    public double resolvedTargetEntropy(int actDim) {
        return parseTargetEntropy(targetEntropy, actDim);
    }

    /** Gradient steps per training round ({@code -1} resolved). */
    public int resolvedGradientSteps() {
        return gradientSteps == -1 ? trainFreq * numEnvs : gradientSteps;
    }

    private static double parseEntCoef(String v) {
        if (v == null) {
            throw new IllegalArgumentException("ent_coef must be a positive number, 'auto' or 'auto_<init>', got null");
        }
        String s = v.trim();
        double alpha;
        try {
            alpha = s.equals("auto") ? 1.0 : Double.parseDouble(s.startsWith("auto_") ? s.substring(5) : s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("ent_coef must be a positive number, 'auto' or 'auto_<init>', got '" + v + "'");
        }
        if (!(alpha > 0) || Double.isInfinite(alpha)) {
            throw new IllegalArgumentException("ent_coef must be > 0, got '" + v + "'");
        }
        return alpha;
    }

    private static double parseTargetEntropy(String v, int actDim) {
        if (v != null && v.trim().equals("auto")) {
            return -actDim;
        }
        try {
            double h = Double.parseDouble(String.valueOf(v).trim());
            if (Double.isFinite(h)) {
                return h;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("target_entropy must be 'auto' or a finite number, got '" + v + "'");
    }
}
