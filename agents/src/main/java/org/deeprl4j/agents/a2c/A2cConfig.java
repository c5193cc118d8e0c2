package org.deeprl4j.agents.a2c;

import static org.deeprl4j.agents.ConfigChecks.inRange;
import static org.deeprl4j.agents.ConfigChecks.nonNegative;
import static org.deeprl4j.agents.ConfigChecks.oneOf;
import static org.deeprl4j.agents.ConfigChecks.positive;

import java.util.List;

/**
 * A2C hyperparameters; names and defaults follow Stable-Baselines3's {@code A2C} (YAML keys are the
 * snake_case forms). SB3's {@code use_rms_prop} / {@code rms_prop_eps} become {@code optimizer}
 * ({@code rmsprop} or {@code adam}) and {@code optimizer_eps}.
 *
 * @param learningRate optimizer learning rate
 * @param nSteps vector steps per rollout (one update per rollout)
 * @param gamma discount factor in [0, 1]
 * @param gaeLambda GAE lambda in [0, 1]; 1 = n-step returns (SB3's default)
 * @param entCoef entropy bonus coefficient
 * @param vfCoef value loss coefficient
 * @param maxGradNorm global gradient-norm clipping (0 = off)
 * @param normalizeAdvantage normalize advantages over the rollout
 * @param optimizer "rmsprop" (alpha 0.99, SB3's default) or "adam"
 * @param optimizerEps the optimizer's epsilon
 * @param netArch hidden layer sizes of the policy and of the value body
 * @param activation hidden activation
 * @param weightInit weight init of all layers
 * @param sharedBody one body for policy and value
 * @param logStdInit initial log standard deviation of Box actions
 * @param lrSchedule "constant" or "linear" (to 0 at the end of training)
 * @param numEnvs parallel environments
 */
public record A2cConfig(double learningRate, int nSteps, double gamma, double gaeLambda, double entCoef, double vfCoef,
                        double maxGradNorm, boolean normalizeAdvantage, String optimizer, double optimizerEps,
                        List<Integer> netArch, String activation, String weightInit, boolean sharedBody,
                        double logStdInit, String lrSchedule, int numEnvs) {

    public A2cConfig {
        positive("learning_rate", learningRate);
        positive("n_steps", nSteps);
        inRange("gamma", gamma, 0, 1);
        inRange("gae_lambda", gaeLambda, 0, 1);
        nonNegative("ent_coef", entCoef);
        nonNegative("vf_coef", vfCoef);
        nonNegative("max_grad_norm", maxGradNorm);
        oneOf("optimizer", optimizer, "rmsprop", "adam");
        positive("optimizer_eps", optimizerEps);
        if (netArch == null || netArch.isEmpty() || netArch.stream().anyMatch(h -> h == null || h <= 0)) {
            throw new IllegalArgumentException("net_arch must be a non-empty list of positive layer sizes, got " + netArch);
        }
        netArch = List.copyOf(netArch);
        if (!Double.isFinite(logStdInit)) {
            throw new IllegalArgumentException("log_std_init must be finite, got " + logStdInit);
        }
        oneOf("lr_schedule", lrSchedule, "constant", "linear");
        positive("num_envs", numEnvs);
        if (normalizeAdvantage && (long) nSteps * numEnvs < 2) {
            throw new IllegalArgumentException("normalize_advantage needs a rollout of at least 2 transitions, got n_steps * num_envs = "
                    + (long) nSteps * numEnvs);
        }
    }

    /** Stable-Baselines3's A2C defaults (RMSprop, separate [64, 64] tanh bodies). */
    public static A2cConfig defaults() {
        return new A2cConfig(7e-4, 5, 0.99, 1.0, 0.0, 0.5, 0.5, false, "rmsprop", 1e-5, List.of(64, 64), "tanh",
                "relu_uniform", false, 0.0, "constant", 1);
    }
}
