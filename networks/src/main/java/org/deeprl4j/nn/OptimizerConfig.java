package org.deeprl4j.nn;

import java.util.Locale;
import java.util.Objects;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.linalg.learning.config.Sgd;

/**
 * Optimizer of a {@link Network}: update rule, learning rate, global gradient-norm clipping and
 * L2 weight decay.
 *
 * <ul>
 *   <li>{@code adam}: betas (0.9, 0.999) as {@code torch.optim.Adam}. DL4J adds {@code epsilon}
 *       to sqrt(v) before the bias correction (the "efficient" form of Kingma and Ba, sec. 2), so
 *       its epsilon equals PyTorch's eps times sqrt(1 - beta2^t): negligible for eps = 1e-8.</li>
 *   <li>{@code rmsprop}: smoothing constant alpha = {@value #RMSPROP_ALPHA} as
 *       {@code torch.optim.RMSprop}, update g / (sqrt(v) + epsilon). {@link #rmsprop(double)}
 *       uses epsilon 1e-5 as SB3's A2C ({@code rms_prop_eps}). DL4J starts v at epsilon where
 *       PyTorch starts at 0 (a difference in the first few steps only); no momentum, not
 *       centered.</li>
 *   <li>{@code sgd}: plain {@code param -= lr * grad}; epsilon is ignored.</li>
 * </ul>
 *
 * <p>{@code maxGradNorm > 0} rescales the whole gradient (all parameters together) so its global
 * L2 norm is at most maxGradNorm, exactly like {@code torch.nn.utils.clip_grad_norm_} (scale
 * {@code maxGradNorm / (norm + 1e-6)} when below 1), before the update rule; 0 disables it. The
 * L2 penalty adds {@code l2 * param} to the gradient of every weight and bias after clipping,
 * like PyTorch's {@code weight_decay} (not AdamW's decoupled decay).
 *
 * @param type         "adam", "rmsprop" or "sgd" (case-insensitive, stored lower-case)
 * @param learningRate positive learning rate
 * @param epsilon      denominator term; positive for adam and rmsprop
 * @param maxGradNorm  global gradient-norm bound, or 0 for no clipping
 * @param l2           L2 coefficient, 0 for none
 */
public record OptimizerConfig(String type, double learningRate, double epsilon, double maxGradNorm, double l2) {
    /** First-moment decay of Adam (PyTorch default). */
    public static final double ADAM_BETA1 = 0.9;
    /** Second-moment decay of Adam (PyTorch default). */
    public static final double ADAM_BETA2 = 0.999;
    /** Squared-gradient decay of RMSProp (PyTorch's alpha, SB3 A2C default). */
    public static final double RMSPROP_ALPHA = 0.99;

    public OptimizerConfig {
        Objects.requireNonNull(type, "type");
        type = type.trim().toLowerCase(Locale.ROOT);
        if (!type.equals("adam") && !type.equals("rmsprop") && !type.equals("sgd")) {
            throw new IllegalArgumentException("unknown optimizer type '" + type + "'; supported: adam, rmsprop, sgd");
        }
        requireFinite("learningRate", learningRate);
        if (learningRate < 0) {
            // 0 is allowed: a linear schedule reaches it at the end of training (SB3's lin_x does too)
            throw new IllegalArgumentException("learningRate must be >= 0, got " + learningRate);
        }
        requireFinite("epsilon", epsilon);
        if (epsilon < 0 || (epsilon == 0 && !type.equals("sgd"))) {
            throw new IllegalArgumentException("epsilon must be positive for " + type + ", got " + epsilon);
        }
        requireFinite("maxGradNorm", maxGradNorm);
        if (maxGradNorm < 0) {
            throw new IllegalArgumentException("maxGradNorm must be >= 0 (0 = no clipping), got " + maxGradNorm);
        }
        requireFinite("l2", l2);
        if (l2 < 0) {
            throw new IllegalArgumentException("l2 must be >= 0, got " + l2);
        }
    }

    private static void requireFinite(String name, double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(name + " must be finite, got " + v);
        }
    }

    /** Adam with epsilon 1e-8 (PyTorch default, used by CleanRL and SB3 DQN), no clipping, no L2. */
    public static OptimizerConfig adam(double learningRate) {
        return new OptimizerConfig("adam", learningRate, 1e-8, 0, 0);
    }

    /** RMSProp with alpha 0.99 and epsilon 1e-5 (SB3 A2C defaults), no clipping, no L2. */
    public static OptimizerConfig rmsprop(double learningRate) {
        return new OptimizerConfig("rmsprop", learningRate, 1e-5, 0, 0);
    }

    /** Plain SGD, no clipping, no L2. */
    public static OptimizerConfig sgd(double learningRate) {
        return new OptimizerConfig("sgd", learningRate, 0, 0, 0);
    }

    /** This config with another learning rate. */
    public OptimizerConfig withLearningRate(double lr) {
        return new OptimizerConfig(type, lr, epsilon, maxGradNorm, l2);
    }

    /** This config with another epsilon. */
    public OptimizerConfig withEpsilon(double eps) {
        return new OptimizerConfig(type, learningRate, eps, maxGradNorm, l2);
    }

    /** This config with global gradient-norm clipping at {@code norm} (0 = none). */
    public OptimizerConfig withMaxGradNorm(double norm) {
        return new OptimizerConfig(type, learningRate, epsilon, norm, l2);
    }

    /** This config with another L2 coefficient. */
    public OptimizerConfig withL2(double coefficient) {
        return new OptimizerConfig(type, learningRate, epsilon, maxGradNorm, coefficient);
    }

    /** A new DL4J updater config for this optimizer (clipping and L2 are applied elsewhere). */
    public IUpdater toUpdater() {
        return switch (type) {
            case "adam" -> new Adam(learningRate, ADAM_BETA1, ADAM_BETA2, epsilon);
            case "rmsprop" -> new RmsProp(learningRate, RMSPROP_ALPHA, epsilon);
            default -> new Sgd(learningRate);
        };
    }
}
