package org.deeprl4j.agents.reinforce;

import static org.deeprl4j.agents.ConfigChecks.inRange;
import static org.deeprl4j.agents.ConfigChecks.nonNegative;
import static org.deeprl4j.agents.ConfigChecks.positive;

import java.util.List;

/**
 * REINFORCE hyperparameters (snake_case YAML keys as the other algorithms).
 *
 * @param learningRate Adam learning rate
 * @param episodesPerUpdate complete episodes (summed over envs) per gradient step
 * @param gamma discount factor in [0, 1]
 * @param entCoef entropy bonus coefficient
 * @param vfCoef baseline (value) loss coefficient
 * @param maxGradNorm global gradient-norm clipping (0 = off)
 * @param normalizeAdvantage normalize {@code G - V} over the batch
 * @param netArch hidden layer sizes of the policy and of the baseline body
 * @param activation hidden activation
 * @param weightInit weight init of all layers
 * @param logStdInit initial log standard deviation of Box actions
 * @param numEnvs parallel environments
 */
public record ReinforceConfig(double learningRate, int episodesPerUpdate, double gamma, double entCoef, double vfCoef,
                              double maxGradNorm, boolean normalizeAdvantage, List<Integer> netArch, String activation,
                              String weightInit, double logStdInit, int numEnvs) {

    public ReinforceConfig {
        positive("learning_rate", learningRate);
        positive("episodes_per_update", episodesPerUpdate);
        inRange("gamma", gamma, 0, 1);
        nonNegative("ent_coef", entCoef);
        nonNegative("vf_coef", vfCoef);
        nonNegative("max_grad_norm", maxGradNorm);
        if (netArch == null || netArch.isEmpty() || netArch.stream().anyMatch(h -> h == null || h <= 0)) {
            throw new IllegalArgumentException("net_arch must be a non-empty list of positive layer sizes, got " + netArch);
        }
        netArch = List.copyOf(netArch);
        if (!Double.isFinite(logStdInit)) {
            throw new IllegalArgumentException("log_std_init must be finite, got " + logStdInit);
        }
        positive("num_envs", numEnvs);
    }

    /** Adam 1e-3, 4 episodes per update, separate [64, 64] tanh bodies, normalized advantages. */
    public static ReinforceConfig defaults() {
        return new ReinforceConfig(1e-3, 4, 0.99, 0.0, 0.5, 0.5, true, List.of(64, 64), "tanh", "relu_uniform", 0.0, 1);
    }
}
