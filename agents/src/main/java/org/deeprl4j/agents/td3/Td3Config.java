package org.deeprl4j.agents.td3;

import static org.deeprl4j.agents.ConfigChecks.inRange;
import static org.deeprl4j.agents.ConfigChecks.nonNegative;
import static org.deeprl4j.agents.ConfigChecks.positive;

import java.util.List;

/**
 * TD3 hyperparameters; names and defaults follow Stable-Baselines3's {@code TD3} (learning rate
 * 1e-3, net_arch [400, 300]; CleanRL uses 3e-4 and [256, 256]). SB3 has no exploration noise by
 * default; here {@code exploration_noise} is CleanRL's Gaussian noise (std as a fraction of the
 * action half-range), which rl-baselines3-zoo also sets ({@code noise_type: normal, noise_std: 0.1}).
 *
 * @param learningRate Adam learning rate of actor and critics
 * @param bufferSize replay capacity (transitions)
 * @param learningStarts env steps of uniform random actions before training starts
 * @param batchSize transitions per gradient step; must not exceed bufferSize
 * @param tau Polyak coefficient of the target networks
 * @param gamma discount factor in [0, 1]
 * @param trainFreq train every this many vector steps
 * @param gradientSteps gradient steps per training round; -1 = as many as env steps collected in the round
 * @param policyDelay update the actor and the targets every this many critic updates
 * @param targetPolicyNoise std of the target policy smoothing noise (fraction of the half-range)
 * @param targetNoiseClip the smoothing noise is clipped to +-this (fraction of the half-range)
 * @param explorationNoise std of the Gaussian exploration noise (fraction of the half-range); 0 = none
 * @param netArch hidden layer sizes of the actor and of each critic
 * @param activation hidden activation (relu, tanh, ...)
 * @param numEnvs parallel environments
 */
public record Td3Config(double learningRate, int bufferSize, int learningStarts, int batchSize, double tau,
                        double gamma, int trainFreq, int gradientSteps, int policyDelay, double targetPolicyNoise,
                        double targetNoiseClip, double explorationNoise, List<Integer> netArch, String activation,
                        int numEnvs) {

    public Td3Config {
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
        positive("policy_delay", policyDelay);
        nonNegative("target_policy_noise", targetPolicyNoise);
        nonNegative("target_noise_clip", targetNoiseClip);
        nonNegative("exploration_noise", explorationNoise);
        if (netArch == null || netArch.isEmpty() || netArch.stream().anyMatch(h -> h == null || h <= 0)) {
            throw new IllegalArgumentException("net_arch must be a non-empty list of positive layer sizes, got " + netArch);
        }
        netArch = List.copyOf(netArch);
        if (activation == null || activation.isBlank()) {
            throw new IllegalArgumentException("activation must be named, got " + activation);
        }
        positive("num_envs", numEnvs);
    }

    /** Stable-Baselines3's TD3 defaults, with CleanRL's exploration noise 0.1. */
    public static Td3Config defaults() {
        return new Td3Config(1e-3, 1_000_000, 100, 256, 0.005, 0.99, 1, 1, 2, 0.2, 0.5, 0.1,
                List.of(400, 300), "relu", 1);
    }

    /** Gradient steps per training round ({@code -1} resolved). */
    public int resolvedGradientSteps() {
        return gradientSteps == -1 ? trainFreq * numEnvs : gradientSteps;
    }
}
