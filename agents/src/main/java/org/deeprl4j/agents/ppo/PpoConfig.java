package org.deeprl4j.agents.ppo;

import static org.deeprl4j.agents.ConfigChecks.inRange;
import static org.deeprl4j.agents.ConfigChecks.nonNegative;
import static org.deeprl4j.agents.ConfigChecks.oneOf;
import static org.deeprl4j.agents.ConfigChecks.positive;

import java.util.List;
import org.deeprl4j.agents.Schedule;

/**
 * PPO hyperparameters; names and defaults follow Stable-Baselines3's {@code PPO} (YAML keys are the
 * snake_case forms, e.g. {@code clip_range}). SB3's callable schedules become the flags
 * {@code lr_schedule} and {@code clip_range_schedule} ({@code constant} or {@code linear}: from the
 * value to 0 over training, the zoo's {@code lin_0.001}).
 *
 * @param learningRate Adam learning rate (Adam epsilon 1e-5, as SB3's and CleanRL's PPO)
 * @param nSteps vector steps per rollout; the rollout holds {@code nSteps * numEnvs} transitions
 * @param batchSize minibatch size; must divide {@code nSteps * numEnvs} and be at least 2
 * @param nEpochs passes over the rollout per update
 * @param gamma discount factor in [0, 1]
 * @param gaeLambda GAE lambda in [0, 1]
 * @param clipRange surrogate clipping epsilon, > 0
 * @param clipRangeVf value clipping around the rollout values; null or 0 = off (stored as 0)
 * @param normalizeAdvantage normalize advantages per minibatch
 * @param entCoef entropy bonus coefficient
 * @param vfCoef value loss coefficient
 * @param maxGradNorm global gradient-norm clipping (0 = off)
 * @param targetKl stop the epochs when a minibatch's approx KL exceeds {@code 1.5 * targetKl}; null or 0 = off
 * @param netArch hidden layer sizes of the policy and of the value body
 * @param activation hidden activation (tanh, relu, ...)
 * @param weightInit weight init of all layers; {@code relu_uniform} has the variance of SB3's
 *     orthogonal init with gain sqrt(2) (DL4J has no orthogonal init)
 * @param sharedBody one body for policy and value (false: separate bodies, SB3's MlpPolicy)
 * @param logStdInit initial log standard deviation of Box actions
 * @param lrSchedule "constant" or "linear" (to 0 at the end of training)
 * @param clipRangeSchedule "constant" or "linear" (to 0 at the end of training)
 * @param numEnvs parallel environments
 */
public record PpoConfig(double learningRate, int nSteps, int batchSize, int nEpochs, double gamma, double gaeLambda,
                        double clipRange, Double clipRangeVf, boolean normalizeAdvantage, double entCoef,
                        double vfCoef, double maxGradNorm, Double targetKl, List<Integer> netArch, String activation,
                        String weightInit, boolean sharedBody, double logStdInit, String lrSchedule,
                        String clipRangeSchedule, int numEnvs) {

    public PpoConfig {
        positive("learning_rate", learningRate);
        positive("n_steps", nSteps);
        positive("num_envs", numEnvs);
        long rollout = (long) nSteps * numEnvs;
        if (batchSize < 2 || batchSize > rollout || rollout % batchSize != 0) {
            throw new IllegalArgumentException("batch_size must be at least 2 and divide the rollout size n_steps * num_envs = "
                    + nSteps + " * " + numEnvs + " = " + rollout + ", got " + batchSize);
        }
        positive("n_epochs", nEpochs);
        inRange("gamma", gamma, 0, 1);
        inRange("gae_lambda", gaeLambda, 0, 1);
        positive("clip_range", clipRange);
        clipRangeVf = clipRangeVf == null ? 0.0 : clipRangeVf;
        nonNegative("clip_range_vf (0 = off)", clipRangeVf);
        nonNegative("ent_coef", entCoef);
        nonNegative("vf_coef", vfCoef);
        nonNegative("max_grad_norm", maxGradNorm);
        targetKl = targetKl == null ? 0.0 : targetKl;
        nonNegative("target_kl (0 = off)", targetKl);
        netArch = checkNetArch(netArch);
        oneOf("lr_schedule", lrSchedule, "constant", "linear");
        oneOf("clip_range_schedule", clipRangeSchedule, "constant", "linear");
        if (!Double.isFinite(logStdInit)) {
            throw new IllegalArgumentException("log_std_init must be finite, got " + logStdInit);
        }
    }

    /** Stable-Baselines3's PPO defaults (MlpPolicy: separate [64, 64] tanh bodies). */
    public static PpoConfig defaults() {
        return new PpoConfig(3e-4, 2048, 64, 10, 0.99, 0.95, 0.2, 0.0, true, 0.0, 0.5, 0.5, 0.0,
                List.of(64, 64), "tanh", "relu_uniform", false, 0.0, "constant", "constant", 1);
    }

    /** A valid non-empty list of positive layer sizes, copied. */
    static List<Integer> checkNetArch(List<Integer> netArch) {
        if (netArch == null || netArch.isEmpty() || netArch.stream().anyMatch(h -> h == null || h <= 0)) {
            throw new IllegalArgumentException("net_arch must be a non-empty list of positive layer sizes, got " + netArch);
        }
        return List.copyOf(netArch);
    }

    /** A schedule named {@code kind}: constant, or linear from {@code value} to 0 over training. */
    static Schedule schedule(String kind, double value) {
        return kind.equals("linear") ? Schedule.linear(value, 0, 1) : Schedule.constant(value);
    }
}
