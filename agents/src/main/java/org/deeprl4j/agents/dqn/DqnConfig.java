package org.deeprl4j.agents.dqn;

import static org.deeprl4j.agents.ConfigChecks.inRange;
import static org.deeprl4j.agents.ConfigChecks.nonNegative;
import static org.deeprl4j.agents.ConfigChecks.oneOf;
import static org.deeprl4j.agents.ConfigChecks.positive;

import java.util.List;
import org.deeprl4j.nn.MlpSpec;

/**
 * DQN hyperparameters; names and defaults follow Stable-Baselines3's {@code DQN} (YAML keys are the
 * snake_case forms, e.g. {@code learning_rate}), plus the Rainbow-style switches.
 *
 * @param learningRate Adam learning rate
 * @param bufferSize replay capacity (transitions)
 * @param learningStarts env steps collected before training starts
 * @param batchSize transitions per gradient step; must not exceed bufferSize
 * @param tau target update coefficient: 1 = hard copy, below 1 = Polyak averaging
 * @param gamma discount factor in [0, 1]
 * @param trainFreq train every this many vector steps
 * @param gradientSteps gradient steps per training round; -1 = as many as env steps collected in the round
 * @param targetUpdateInterval update the target network every this many env steps
 * @param explorationFraction fraction of training over which epsilon decays linearly
 * @param explorationInitialEps epsilon at the start
 * @param explorationFinalEps epsilon after the decay
 * @param maxGradNorm global gradient-norm clipping (0 = off)
 * @param netArch hidden layer sizes of the Q-network
 * @param activation hidden activation (relu, tanh, ...)
 * @param weightInit weight init of all layers ({@code uniform}: PyTorch's default for {@code nn.Linear},
 *                   as SB3 and CleanRL; {@code xavier}: RL4J's; the names of {@code MlpSpec})
 * @param loss "huber" (SB3, smooth L1) or "mse" (CleanRL)
 * @param optimizer "adam", "rmsprop" or "sgd"
 * @param optimizerEps the optimizer's epsilon
 * @param doubleDqn select next actions with the online net, evaluate with the target (van Hasselt et al. 2016)
 * @param dueling dueling head, Q = V + A - mean(A) (Wang et al. 2016)
 * @param prioritized prioritized replay (Schaul et al. 2016, proportional)
 * @param priorityAlpha prioritization exponent
 * @param priorityBeta0 initial importance-sampling exponent, annealed to 1 over training
 * @param priorityEps added to |TD error| so no transition gets zero priority
 * @param nStep n-step returns (1 = plain DQN)
 * @param numEnvs parallel environments
 */
public record DqnConfig(double learningRate, int bufferSize, int learningStarts, int batchSize, double tau,
                        double gamma, int trainFreq, int gradientSteps, int targetUpdateInterval,
                        double explorationFraction, double explorationInitialEps, double explorationFinalEps,
                        double maxGradNorm, List<Integer> netArch, String activation, String weightInit, String loss,
                        String optimizer,
                        double optimizerEps, boolean doubleDqn, boolean dueling, boolean prioritized,
                        double priorityAlpha, double priorityBeta0, double priorityEps, int nStep, int numEnvs) {

    public DqnConfig {
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
        positive("target_update_interval", targetUpdateInterval);
        inRange("exploration_fraction", explorationFraction, Double.MIN_VALUE, 1);
        inRange("exploration_initial_eps", explorationInitialEps, 0, 1);
        inRange("exploration_final_eps", explorationFinalEps, 0, 1);
        nonNegative("max_grad_norm", maxGradNorm);
        if (netArch == null || netArch.isEmpty() || netArch.stream().anyMatch(h -> h == null || h <= 0)) {
            throw new IllegalArgumentException("net_arch must be a non-empty list of positive layer sizes, got " + netArch);
        }
        netArch = List.copyOf(netArch);
        new MlpSpec(new int[] {1}, activation, weightInit); // unknown activation or weight_init names fail here
        oneOf("loss", loss, "huber", "mse");
        oneOf("optimizer", optimizer, "adam", "rmsprop", "sgd");
        positive("optimizer_eps", optimizerEps);
        inRange("priority_alpha", priorityAlpha, 0, 1);
        inRange("priority_beta0", priorityBeta0, 0, 1);
        positive("priority_eps", priorityEps);
        if (nStep < 1) {
            throw new IllegalArgumentException("n_step must be >= 1, got " + nStep);
        }
        positive("num_envs", numEnvs);
    }

    /** Stable-Baselines3's DQN defaults (MlpPolicy net_arch [64, 64]). */
    public static DqnConfig defaults() {
        return new DqnConfig(1e-4, 1_000_000, 100, 32, 1.0, 0.99, 4, 1, 10_000, 0.1, 1.0, 0.05, 10.0,
                List.of(64, 64), "relu", "uniform", "huber", "adam", 1e-8, false, false, false, 0.6, 0.4, 1e-6, 1, 1);
    }

    /** Gradient steps per training round for {@code numEnvs} envs ({@code -1} resolved). */
    public int resolvedGradientSteps() {
        return gradientSteps == -1 ? trainFreq * numEnvs : gradientSteps;
    }
}
