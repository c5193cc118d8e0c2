package org.deeprl4j.env.vector;

/**
 * When a vector environment resets a sub-environment whose episode ended (Gymnasium's
 * {@code gymnasium.vector.AutoresetMode}; see https://farama.org/Vector-Autoreset-Mode).
 */
public enum AutoresetMode {
    /**
     * Gymnasium 1.x default. The step that ends an episode returns its final observation, reward
     * and flags; on the next step the sub-environment is reset instead of stepped (its action is
     * ignored), and that step returns the reset observation with reward 0, {@code terminated} and
     * {@code truncated} false, and {@code autoreset} true. Agents must not store the transition of
     * an autoreset step.
     */
    NEXT_STEP,
    /**
     * Gymnasium 0.29 / Stable-Baselines3 behaviour. The step that ends an episode resets the
     * sub-environment at once: observations hold the first observation of the new episode while
     * reward and flags belong to the ended one; the final observation is in info
     * {@value VectorEnv#FINAL_OBS} and the step's own info in {@value VectorEnv#FINAL_INFO}.
     */
    SAME_STEP
}
